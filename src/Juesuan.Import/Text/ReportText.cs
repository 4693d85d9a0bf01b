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

    // Equivalent_Unified_Ideograph of U+2E80–U+2EFF (Unicode Character Database, EquivalentUnifiedIdeograph.txt, as
    // Perl's Unicode::UCD ships it); empty where the radical has no equivalent.
    private const string RadicalsSupplementHex =
        ",5382,4E5B,4E5A,4E59,4EBB,5182,20628,5200,5202,535C,353E,5C0F,5C0F,5140,5C23,5C22,21BC2,5DF3,5E7A,5F51,5F50,5FC4,5FC3,624C,6535,,65E1,65E5,6708,6B7A,6BCD,6C11,6C35,6C3A,706C,722B,722B,4E2C,725B,72AD,738B,24D14,76EE,793A,793B,25AD7,7CF9,7E9F,7F53,7F52,34C1,5197,2626B,7F8A,2634C,2634B,8002,8080,807F,8089,26951,8279,8279,8279,864E,8864,8980,897F,89C1,89D2,278B2,8BA0,8D1D,27FB7,8F66,8FB6,8FB6,8FB6,9091,9485,9577,9578,957F,95E8,28E0F,961D,96E8,9752,97E6,9875,98CE,98DE,98DF,2967F,98E0,9963,29810,9A6C,9AA8,9B3C,9C7C,9E1F,5364,9EA6,9EC4,9EFE,6589,9F50,6B6F,9F7F,7ADC,9F99,9F9C,4E80,9F9F,,,,,,,,,,,,";

    private static readonly string?[] RadicalsSupplement = RadicalsSupplementHex.Split(',')
        .Select(h => h.Length == 0 ? null : char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))).ToArray();

    /// <summary>Normalises one piece of text (see the type's summary).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        if (titles.Count == 0)
        {
            return null;
        }

        var score = titles.GroupBy(y => y).ToDictionary(g => g.Key, g => 3 * g.Count());
        foreach (var line in all)
        {
            foreach (Match m in YearMention().Matches(line.Text))
            {
                var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                score[year] = score.GetValueOrDefault(year) + 1;
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
    public static bool IsSectionHeading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SectionHeading().Match(text.Trim()) is { Success: true } m && Domain.Templates.TemplateLibrary.NamesSection(m.Groups[1].Value);
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
