using System.Text.RegularExpressions;

namespace Juesuan.Domain.Model;

/// <summary>
/// 目录条目: a 目录 line as its title and the page number it gives (「第一部分 部门概况…………1」 → 「第一部分部门概况」, 1),
/// and the forms a title is compared in with the headings it names.
/// </summary>
/// <param name="Title">The title without white space, leaders or page number.</param>
/// <param name="Page">The page number printed after it, when there is one.</param>
public sealed partial record ContentsEntry(string Title, int? Page)
{
    /// <summary>Splits a printed 目录 line into its title and page number.</summary>
    public static ContentsEntry Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = Fold(text).Trim();
        int? page = null;
        if (TrailingPage().Match(trimmed) is { Success: true } m && int.TryParse(m.Groups["page"].Value, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            page = number;
            trimmed = trimmed[..m.Index];
        }

        return new(Compact(Leaders().Replace(trimmed, string.Empty)), page);
    }

    /// <summary>The title of a printed 目录 line (or heading): no white space, leaders or page number.</summary>
    public static string TitleOf(string text) => Parse(text).Title;

    /// <summary>
    /// The words of a title, as a 目录 entry and its heading are compared: without its numbering (「第三部分」「五、」「（二）」
    /// 「表1：」), quotation marks and white space, full-width letters and digits as ASCII.
    /// </summary>
    public static string Words(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var compact = Compact(title);
        return Quotes().Replace(Numbering().Replace(compact, string.Empty), string.Empty);
    }

    /// <summary>The numbering a title starts with (「第三部分」「五、」「（二）」「表1：」), or empty.</summary>
    public static string Numbering(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return Numbering().Match(Compact(title)).Value;
    }

    /// <summary>A character as titles are compared: full-width letters, digits and punctuation as ASCII, one for one.</summary>
    public static char Fold(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    // The text folded; itself when nothing folds (most titles).
    private static string Fold(string text) => Compacted(text, dropWhiteSpace: false);

    // The text folded, without white space; itself when nothing changes.
    private static string Compact(string text) => Compacted(text, dropWhiteSpace: true);

    internal static string Compacted(string text, bool dropWhiteSpace)
    {
        var kept = 0;
        var changes = false;
        foreach (var c in text)
        {
            var drop = dropWhiteSpace && char.IsWhiteSpace(c);
            kept += drop ? 0 : 1;
            changes |= drop || Fold(c) != c;
        }

        if (!changes)
        {
            return text;
        }

        return string.Create(kept, (text, dropWhiteSpace), static (span, state) =>
        {
            var k = 0;
            foreach (var c in state.text)
            {
                if (!(state.dropWhiteSpace && char.IsWhiteSpace(c)))
                {
                    span[k++] = Fold(c);
                }
            }
        });
    }

    // Both run on folded text (「．」 is 「.」 by then). A page number at the end of the line after leaders (「……12」「....12」), a wide gap (「…决算表    12」) or one space
    // after a title's last word (「一、主要职能 3」); not the digits of a title (「附表1」「表 1」「附件 2」).
    [GeneratedRegex(@"(?:…+|[.·。]{2,}|[-—_]{3,}|\s{2,}|(?<=[\u4e00-\u9fff)”])(?<![表件图])\s)\s*(?<page>[0-9]{1,4})\s*$")]
    private static partial Regex TrailingPage();

    [GeneratedRegex(@"…+|·{2,}|\.{2,}|-{3,}|—{2,}|_{3,}")]
    private static partial Regex Leaders();

    [GeneratedRegex(@"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|表\d+[:、.]?|\d+[、.](?!\d))")]
    private static partial Regex Numbering();

    [GeneratedRegex("[“”\"‘’'「」『』]")]
    private static partial Regex Quotes();
}
