using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Juesuan.Domain.Model;

namespace Juesuan.Import.Text;

/// <summary>One line of a report with its 1-based line number in the file.</summary>
/// <param name="Number">Line number.</param>
/// <param name="Text">The text, normalised.</param>
public sealed record ReportLine(int Number, string Text)
{
    /// <summary>The 1-based page the line is on, when the source has pages (PDF).</summary>
    public int? Page { get; init; }

    /// <summary>A source location for something read from this line.</summary>
    public SourceLocation At(string file, string? table = null, string? row = null) =>
        new() { File = file, Page = Page, Line = Page is null ? Number : null, Table = table, Row = row };

    /// <summary>True when the line has nothing but white space.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    /// <summary>The fields of a tab-separated line (empties kept), or the white-space tokens of any other line.</summary>
    public IReadOnlyList<string> Fields => Text.Contains('\t', StringComparison.Ordinal)
        ? Text.Split('\t').Select(f => f.Trim()).ToArray()
        : Text.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Text as extracted from published reports, normalised: CJK radical code points (⻔, ⼀ — U+2E80–U+2FDF, from CFF CJK
/// fonts) mapped to the unified ideographs, ASCII brackets and quotes around Chinese text made full-width, page numbers
/// ("- 5 -") dropped. Full-width punctuation is kept (NFKC over the whole text would turn ：，（） into ASCII).
/// </summary>
public static partial class ReportText
{
    /// <summary>Splits and normalises a report's text into numbered lines, dropping page-number lines.</summary>
    public static IReadOnlyList<ReportLine> Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<ReportLine>();
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            var line = Normalize(raw);
            if (PageNumber().IsMatch(line))
            {
                continue;
            }

            lines.Add(new ReportLine(number, line));
        }

        return lines;
    }

    /// <summary>Normalises one piece of text (see the type's summary).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u2E80' and <= '\u2FDF')
            {
                // Kangxi radicals and the supplement decompose (NFKC) to the ideographs they stand for; only those.
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

        // Markdown bold markers (**…**) left by some text extractions are formatting, not content.
        // Trailing tabs are blank cells of tab-separated tables and are kept.
        return sb.ToString().Replace("**", string.Empty, StringComparison.Ordinal).TrimEnd(' ', '\u3000', '\r');
    }

    /// <summary>Makes brackets full-width and quotes curly, as the catalog and templates print them.</summary>
    public static string ChinesePunctuation(string text) =>
        text.Replace('(', '（').Replace(')', '）').Replace("\"三公\"", "“三公”", StringComparison.Ordinal);

    /// <summary>True when <paramref name="token"/> is a number as tables print them ("1,234.56", "0.00", "-3").</summary>
    public static bool IsNumber(string token) => NumberToken().IsMatch(token);

    /// <summary>True when <paramref name="token"/> is a bare integer (a 行次 or 栏次).</summary>
    public static bool IsInteger(string token) => token.Length is > 0 and <= 3 && token.All(char.IsAsciiDigit);

    /// <summary>Parses a year like 「2023 年度」 from the start of a report.</summary>
    public static int? FindYear(IEnumerable<ReportLine> lines)
    {
        foreach (var line in lines.Take(200))
        {
            if (YearToken().Match(line.Text) is { Success: true } m)
            {
                return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*[-—–]\s*\d{1,3}\s*[-—–]\s*$|^\s*第\s*\d{1,3}\s*页(\s*共\s*\d+\s*页)?\s*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"(20\d\d)\s*年\s*度?\s*(?:(?:部门|单位)?\s*决算|.{0,8}绩效自评)")]
    private static partial Regex YearToken();
}
