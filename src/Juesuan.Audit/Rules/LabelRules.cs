using System.Globalization;
using System.Text.RegularExpressions;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;

namespace Juesuan.Audit.Rules;

/// <summary>
/// The checks a reviewer makes on what a report prints outside its figures (<see cref="DepartmentYear.Labels"/>): the
/// year of the cover, 目录, headings, table titles and headers and 「截至…」 dates; the department's name in the table
/// headers; placeholders and empty 编制单位 left from the template.
/// </summary>
internal static partial class LabelRules
{
    public static IEnumerable<Rule> All()
    {
        yield return new DelegateRule(RuleIds.DYear, "封面、目录、标题、表头与「截至」日期中的年度与决算年度相符", Years);
        yield return new DelegateRule(RuleIds.DName, "表头中的单位名称与部门名称一致", Names);
        yield return new DelegateRule(RuleIds.DFileName, "报告文件名中的年度和单位名称与报告内容相符", FileName);
        yield return new DelegateRule(RuleIds.DPlaceholder, "封面、目录、标题与表头中没有占位符或空着的编制单位", Placeholders);
        yield return ContentsRule.Create();
        yield return new DelegateRule(RuleIds.DUnits, "部门决算单位构成中写出的单位个数与所列单位相符", UnitRules.Counts);
        yield return new DelegateRule(RuleIds.NScope, "包括二级单位的部门决算，情况说明称「本部门」而不是「本单位」", UnitRules.Scope);
    }

    private static Finding Error(string rule, PrintedLabel label, string message, string? expected = null, string? actual = null) => new()
    {
        Rule = rule, Severity = Severity.Error, Location = label.Source?.Describe() ?? KindName(label.Kind),
        Message = message, Expected = expected, Actual = actual,
        Figures = [new FindingFigure(label.Text, label.Source?.Describe() ?? KindName(label.Kind), KindName(label.Kind), AuditContext.Locate(label.Source) with { Sentence = label.Text, SpanStart = 0, SpanLength = label.Text.Length })],
    };

    private static string KindName(LabelKind kind) => kind switch
    {
        LabelKind.Cover => "封面",
        LabelKind.Contents => "目录",
        LabelKind.Heading => "标题",
        LabelKind.TableTitle => "表题",
        LabelKind.TableHeader => "表头",
        _ => "日期",
    };

    private static IEnumerable<Finding> Years(AuditContext c)
    {
        var year = c.Year.Year;
        foreach (var label in c.Year.Labels)
        {
            var text = label.Text.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (Garbled().Match(text) is { Success: true } garbled)
            {
                yield return Error(RuleIds.DYear, label, $"{KindName(label.Kind)}「{AuditContext.Excerpt(label.Text)}」中的年度「{garbled.Value}」印刷不全或有误。", year.ToString(CultureInfo.InvariantCulture), garbled.Value);
                continue;
            }

            foreach (var printed in OtherYears(label.Kind, text, year))
            {
                var what = label.Kind == LabelKind.Date ? "「截至」日期" : KindName(label.Kind);
                yield return Error(RuleIds.DYear, label, $"{year} 年度决算的{what}「{AuditContext.Excerpt(label.Text)}」写作 {printed} 年，应为 {year} 年。",
                    year.ToString(CultureInfo.InvariantCulture), printed.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    // The years a label prints that are not the report's, read off the matches without making them (most labels print the
    // report's year and nothing else). A dated sentence is checked for the date it states (「截至2024年12月31日」), not for
    // every year it mentions; the year before is meant where the label says so; the cover carries the date it was
    // published (「2024年8月」): the next year, with a month, is that date.
    private static IReadOnlyList<int> OtherYears(LabelKind kind, string text, int year)
    {
        List<int>? other = null;
        var (words, skip) = kind == LabelKind.Date ? (AsOf(), "截至".Length) : (YearWord(), 0);
        foreach (var m in words.EnumerateMatches(text))
        {
            // Both patterns print the year as 20 and two digits, then 年 (and after it, for YearWord, a month or not).
            var month = kind != LabelKind.Date && m.Length > 5;
            if (Domain.Numbers.Printed.Integer(text.AsSpan(m.Index + skip, 4)) is not { } printed || printed == year || (printed == year - 1 && PriorMeant().IsMatch(text)) || (kind == LabelKind.Cover && printed == year + 1 && month))
            {
                continue;
            }

            (other ??= []).Add(printed);
        }

        return other is null ? [] : other;
    }

    private static IEnumerable<Finding> Names(AuditContext c)
    {
        // A unit's name is right only on a unit's own tables: the units 单位构成 merely lists do not make a department's
        // table headed with a subordinate unit's name right.
        var known = new[] { c.Year.Department.Name }.Concat(c.Year.Units.Where(u => u.Tables.Count > 0).Select(u => u.Name)).Select(CatalogText.NormalizeName).ToHashSet(StringComparer.Ordinal);
        foreach (var label in c.Year.Labels.Where(l => l.Kind == LabelKind.TableHeader))
        {
            if (label.Name is { Length: >= 2 } name && !(Wording.LeftoverPossible(name) && Placeholder().IsMatch(name)) && !known.Contains(CatalogText.NormalizeName(name)))
            {
                yield return Error(RuleIds.DName, label, $"表头「{AuditContext.Excerpt(label.Text)}」中的单位名称「{name}」与部门名称「{c.Year.Department.Name}」不一致。",
                    c.Year.Department.Name, name);
            }
        }
    }

    // The file a report was read from is named by the department (「区医保局2024年决算.pdf」): another year or another
    // organisation there means a mislabelled file — filed, sent or published under the wrong name. A warning: the file
    // name is not the publication.
    private static IEnumerable<Finding> FileName(AuditContext c)
    {
        foreach (var source in c.Year.Sources.Where(s => s.Length > 0).Distinct())
        {
            foreach (var mismatch in OrganisationNames.FileNameMismatches(source, c.Year.Year, c.Year.Department.Name, c.Year.Units.Select(u => u.Name)))
            {
                yield return new Finding
                {
                    Rule = RuleIds.DFileName, Severity = Severity.Warning, Location = "文件名", Message = mismatch,
                    Actual = Path.GetFileName(source), Expected = $"{c.Year.Year}年度 {c.Year.Department.Name}",
                };
            }
        }
    }

    private static IEnumerable<Finding> Placeholders(AuditContext c)
    {
        foreach (var label in c.Year.Labels)
        {
            // Screened by characters first (Wording.LeftoverPossible): most labels have none of a placeholder's.
            if (Wording.LeftoverPossible(label.Text) && Placeholder().Match(label.Text) is { Success: true } m)
            {
                yield return Error(RuleIds.DPlaceholder, label, $"{KindName(label.Kind)}「{AuditContext.Excerpt(label.Text)}」中留有占位符「{m.Value}」。", actual: m.Value);
            }
        }

        // An empty 编制单位 in every table is one slip, said once with where it is.
        var empty = c.Year.Labels.Where(l => l.Kind == LabelKind.TableHeader && l.Name is { Length: 0 }).ToArray();
        if (empty.Length > 0)
        {
            var where = string.Join("、", empty.Select(l => l.Source?.Page is { } p ? $"第{p}页" : l.Source?.Line is { } n ? $"第{n}行" : "表头").Distinct());
            yield return Error(RuleIds.DPlaceholder, empty[0], $"{empty.Length} 张表的表头中单位名称没有填写（{where}）。", c.Year.Department.Name, string.Empty);
        }
    }


    // A year with its 年, and the month after it where there is one (a publication date).
    [GeneratedRegex(@"(20[0-9]{2})年(?<month>[0-9]{1,2}月)?")]
    private static partial Regex YearWord();

    [GeneratedRegex(@"截至(20[0-9]{2})年")]
    private static partial Regex AsOf();

    // 「20 年度」, 「2O22 年」: a year the template left blank or the typist mangled.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?![0-9]{4})2[0-9OoＯ○]{3}年|(?<![0-9〇])20年度")]
    private static partial Regex Garbled();

    [GeneratedRegex("上年|上一年|与.{0,8}相比|比.{0,8}(?:增|减)|较上")]
    private static partial Regex PriorMeant();


    [GeneratedRegex(Wording.Leftovers + @"|【\s*】")]
    internal static partial Regex Placeholder();
}
