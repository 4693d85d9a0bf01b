using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Formats;

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

    /// <summary>
    /// The fields of a tab-separated line (empties kept), or the white-space tokens of any other line — a form feed (the
    /// page break pdftotext puts before a page's first line: 「\f2101101 …」) is white space too.
    /// </summary>
    public IReadOnlyList<string> Fields => Text.Contains('\t', StringComparison.Ordinal)
        ? Text.Split('\t').Select(f => f.Trim()).ToArray()
        : Text.Split([' ', '\u3000', '\f'], StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Text as extracted from published reports, as lines: each normalised (<see cref="PrintedText.Normalize"/>), page
/// numbers ("- 5 -") dropped; and what the readers ask of a line (numbers, years, contents entries, unit names).
/// </summary>
public static partial class ReportText
{
    /// <summary>Splits and normalises a report's text into numbered lines, dropping page-number lines.</summary>
    public static IReadOnlyList<ReportLine> Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raws = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var lines = new List<ReportLine>(raws.Length);
        var number = 0;
        foreach (var raw in raws)
        {
            number++;
            var line = PrintedText.Normalize(raw);
            if (PageNumber().IsMatch(line))
            {
                continue;
            }

            lines.Add(new ReportLine(number, line));
        }

        return lines;
    }

    /// <summary>The first of <paramref name="regions"/> (table spans of line indexes, end exclusive) holding line <paramref name="line"/>, or default.</summary>
    public static (int Start, int End) RegionOf(IReadOnlyList<(int Start, int End)> regions, int line)
    {
        ArgumentNullException.ThrowIfNull(regions);
        for (var r = 0; r < regions.Count; r++)
        {
            if (line >= regions[r].Start && line < regions[r].End)
            {
                return regions[r];
            }
        }

        return default;
    }

    /// <summary>True when <paramref name="token"/> is a number as tables print them ("1,234.56", "0.00", "-3").</summary>
    public static bool IsNumber(string token) => NumberToken().IsMatch(token);

    /// <summary>A line's words without the spaces and tabs a layout put between them (「一、 主要 职能」 → 「一、主要职能」).</summary>
    public static string Compact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="token"/> is a bare integer (a 行次 or 栏次).</summary>
    public static bool IsInteger(string token) => token.Length is > 0 and <= 3 && token.All(char.IsAsciiDigit);

    /// <summary>True when a line is an entry of a table of contents: dot leaders, perhaps a page number (「三、…表……12」).</summary>
    public static bool IsContentsEntry(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("……", StringComparison.Ordinal) || text.Contains("...", StringComparison.Ordinal) || text.Contains("···", StringComparison.Ordinal);
    }

    /// <summary>
    /// The report's year: the one its titles at the start name (「2023 年度部门决算」 on the cover, in the 目录 and in the
    /// part headings), each worth three, together with every year the text mentions (「2023 年度收入总计…」), each worth
    /// one — so one title printed with a wrong year is found wrong, not believed, even where the titles are few. On a tie,
    /// the year the first title names.
    /// </summary>
    public static int? FindYear(IEnumerable<ReportLine> lines)
    {
        var all = lines as IReadOnlyList<ReportLine> ?? lines.ToList();
        var titles = all.Take(200).Select(l => YearToken().Match(l.Text)).Where(m => m.Success)
            .Select(m => Printed.Integer(m.Groups[1].Value)).OfType<int>().ToList();
        if (titles.Count == 0)
        {
            return null;
        }

        var score = titles.GroupBy(y => y).ToDictionary(g => g.Key, g => 3 * g.Count());
        foreach (var line in all)
        {
            // A mention's year is its first four characters (「2024 年」); no match, no allocation.
            foreach (var m in YearMention().EnumerateMatches(line.Text))
            {
                if (Printed.Integer(line.Text.Substring(m.Index, 4)) is { } year)
                {
                    score[year] = score.GetValueOrDefault(year) + 1;
                }
            }
        }

        return score.OrderByDescending(x => x.Value).ThenBy(x => titles.IndexOf(x.Key) is var i && i >= 0 ? i : int.MaxValue).First().Key;
    }

    [GeneratedRegex(@"(?<![0-9])(20\d\d)\s*年(?!\s*[0-9])")]
    private static partial Regex YearMention();

    /// <summary>
    /// The unit a table header names after 编制单位 / 单位名称 / 部门名称 / 填报单位: the words up to the next label or the year
    /// (「部门名称：XX局2022年度 单位：万元」 names XX局; 「单位名称：  单位：万元」 names nothing, an empty string). Null when the
    /// text has no such label.
    /// </summary>
    public static (string Label, string Name)? UnitName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UnitNameLabel().Match(text) is { Success: true } m ? (m.Groups["label"].Value, m.Groups["name"].Value) : null;
    }

    /// <summary>
    /// True when a line is the heading of a narrative section some template names exactly (「三、决算报表说明」) — what ends a
    /// table printed before it; a row label that merely opens with 「一、」 names no section.
    /// </summary>
    public static bool IsSectionHeading(string text, Domain.Templates.TemplateSet templates)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(templates);
        return SectionHeading().Match(text.Trim()) is { Success: true } m && templates.NamesSection(m.Groups[1].Value);
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]+[、.．]\s*(.+)$")]
    private static partial Regex SectionHeading();

    /// <summary>True when a word opens with a unit-name label (「单位名称：」).</summary>
    public static bool StartsWithUnitNameLabel(string word) => UnitNameLabel().Match(word) is { Success: true, Index: 0 };

    [GeneratedRegex(@"(?<label>编制单位|单位名称|部门名称|填报单位)\s*[：:]\s*(?<name>[^\s\t：:]*?)(?=20[0-9]{2}|(?:金额|计量)?单位[：:]|[\s\t]|$)")]
    private static partial Regex UnitNameLabel();

    [GeneratedRegex(@"^\s*[-—–]\s*\d{1,3}\s*[-—–]\s*$|^\s*第\s*\d{1,3}\s*页(\s*共\s*\d+\s*页)?\s*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"(20\d\d)\s*年\s*度?\s*(?:(?:部门|单位)?\s*决算|.{0,8}绩效自评)")]
    private static partial Regex YearToken();
}
