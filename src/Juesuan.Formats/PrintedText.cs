using System.Globalization;
using System.Text;

namespace Juesuan.Formats;

/// <summary>
/// Printed Chinese text as extraction gives it, normalised: CJK radical code points (⻔, ⼀ — U+2E80–U+2FDF, from CFF
/// CJK fonts) mapped to the unified ideographs, odd spaces made plain, Markdown bold markers dropped. Full-width
/// punctuation is kept (NFKC over the whole text would turn ：，（） into ASCII).
/// </summary>
public static class PrintedText
{
    // Equivalent_Unified_Ideograph of U+2E80–U+2EFF (Unicode Character Database, EquivalentUnifiedIdeograph.txt, as
    // Perl's Unicode::UCD ships it); empty where the radical has no equivalent.
    private const string RadicalsSupplementHex =
        ",5382,4E5B,4E5A,4E59,4EBB,5182,20628,5200,5202,535C,353E,5C0F,5C0F,5140,5C23,5C22,21BC2,5DF3,5E7A,5F51,5F50,5FC4,5FC3,624C,6535,,65E1,65E5,6708,6B7A,6BCD,6C11,6C35,6C3A,706C,722B,722B,4E2C,725B,72AD,738B,24D14,76EE,793A,793B,25AD7,7CF9,7E9F,7F53,7F52,34C1,5197,2626B,7F8A,2634C,2634B,8002,8080,807F,8089,26951,8279,8279,8279,864E,8864,8980,897F,89C1,89D2,278B2,8BA0,8D1D,27FB7,8F66,8FB6,8FB6,8FB6,9091,9485,9577,9578,957F,95E8,28E0F,961D,96E8,9752,97E6,9875,98CE,98DE,98DF,2967F,98E0,9963,29810,9A6C,9AA8,9B3C,9C7C,9E1F,5364,9EA6,9EC4,9EFE,6589,9F50,6B6F,9F7F,7ADC,9F99,9F9C,4E80,9F9F,,,,,,,,,,,,";

    private static readonly string?[] RadicalsSupplement = RadicalsSupplementHex.Split(',')
        .Select(h => h.Length == 0 ? null : char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))).ToArray();

    /// <summary>
    /// The width of text on a page or a terminal: wide and full-width characters (Chinese, full-width punctuation) count
    /// two columns, the rest one — what a plain-text table aligns by and what `pdftotext -layout` spaces by.
    /// </summary>
    public static int Width(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    /// <summary>True for a code point two columns wide (East Asian Wide or Fullwidth).</summary>
    public static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= 0x20000;

    /// <summary>Normalises one piece of text (see the type's summary).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Markdown bold markers (**…**) left by some text extractions are formatting, not content.
        // Trailing tabs are blank cells of tab-separated tables and are kept. Replace and TrimEnd return the text itself
        // when they change nothing, as Mapped does when there is nothing to map (most lines): no copy then.
        return Mapped(text).Replace("**", string.Empty, StringComparison.Ordinal).TrimEnd(TrailingBlanks);
    }

    // Radicals as the ideographs they stand for, odd spaces as plain ones.
    private static string Mapped(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u2E80', '\u2FDF') && !text.AsSpan().ContainsAny(OddSpaces))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u2E80' and <= '\u2EFF')
            {
                // The supplement does not decompose (NFKC leaves ⻔ and ⻘ alone): Unicode's equivalent ideographs.
                sb.Append(RadicalsSupplement[c - '\u2E80'] ?? c.ToString());
            }
            else if (c is >= '\u2F00' and <= '\u2FDF')
            {
                // Kangxi radicals decompose (NFKC) to the ideographs they stand for; only those characters are decomposed.
                sb.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else if (c is '\u00A0' or '\u2002' or '\u2003' or '\u2009')
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> OddSpaces = System.Buffers.SearchValues.Create("\u00A0\u2002\u2003\u2009");

    private static readonly char[] TrailingBlanks = [' ', '\u3000', '\r'];

    /// <summary>Makes brackets full-width and quotes curly, as the catalog and templates print them.</summary>
    public static string ChinesePunctuation(string text) =>
        text.Replace('(', '（').Replace(')', '）').Replace("\"三公\"", "“三公”", StringComparison.Ordinal);
}
