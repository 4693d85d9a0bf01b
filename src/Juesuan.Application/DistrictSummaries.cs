using System.Globalization;
using Juesuan.Documents.Plain;
using Juesuan.Domain.Model;
using Juesuan.Storage;
using MiniExcelLibs;

namespace Juesuan.Application;

/// <summary>Errors of one rule family in a district's year: how many, in how many documents.</summary>
public sealed record FamilyCount(string Family, string Name, int Errors, int Warnings, int Documents);

/// <summary>A defect that recurs across a district: its rule, how often, where, and examples in the reports' words.</summary>
public sealed record FrequentDefect(string Rule, string Title, string Severity, int Findings, int Documents, IReadOnlyList<(string Department, string Message)> Examples);

/// <summary>
/// 区汇总: a district's year for the bureau's own report — departments, how many published (部门决算 received) and on
/// time, how many with errors, signed off; errors by rule family; the ten most frequent defects with examples.
/// </summary>
public sealed record DistrictSummary(
    int Year, DateOnly Today, int Departments, int Published, int OnTime, int Late, int Missing, int WithErrors, int SignedOff, DateOnly? Due,
    IReadOnlyList<FamilyCount> Families, IReadOnlyList<FrequentDefect> Frequent);

/// <summary>The district summary of a year (<see cref="DistrictSummary"/>): built from the ledger and the stored audits, shown and exported.</summary>
public sealed class DistrictSummaries(Library library, Ledgers ledgers)
{
    /// <summary>The rule families as a reviewer names them, by the letter their ids begin with.</summary>
    public static IReadOnlyDictionary<char, string> FamilyNames { get; } = new Dictionary<char, string>
    {
        ['T'] = "表内平衡（T）",
        ['X'] = "表间勾稽（X）",
        ['N'] = "情况说明与表格（N）",
        ['D'] = "年度、名称、占位符等文字（D）",
        ['C'] = "公开内容完整性（C）",
        ['P'] = "绩效自评（P）",
        ['Y'] = "与上年报告（Y）",
    };

    /// <summary>The summary of <paramref name="year"/> as of <paramref name="today"/> (today in Beijing when null).</summary>
    public async Task<DistrictSummary> BuildAsync(int year, DateOnly? today = null, CancellationToken cancellationToken = default)
    {
        var ledger = await ledgers.BuildAsync(year, today, cancellationToken).ConfigureAwait(false);
        var findings = await library.OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store
            ? await store.DistrictFindingsAsync(year, cancellationToken).ConfigureAwait(false)
            : [];
        return Build(ledger, year, findings);
    }

    /// <summary>The summary computed from a ledger of the year and its findings.</summary>
    public static DistrictSummary Build(Ledger ledger, int year, IReadOnlyList<StoredDistrictFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(findings);
        // The documents the ledger counts (a renamed department's older key and reports filed nowhere are left out).
        var counted = ledger.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Entries).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        findings = [.. findings.Where(f => counted.Contains(f.Key))];
        var finals = ledger.Rows.Select(r => r.Cells.Single(c => c.Year == year && c.Kind == DocumentKind.FinalAccounts)).ToList();
        var published = finals.Count(c => c.Entries.Count > 0);
        var late = finals.Count(c => c.Late);
        var due = ledger.DueDates.TryGetValue((year, DocumentKind.FinalAccounts), out var d) ? d : (DateOnly?)null;
        var families = findings.GroupBy(f => char.ToUpperInvariant(f.Rule[0]))
            .Select(g => new FamilyCount(g.Key.ToString(), FamilyNames.GetValueOrDefault(g.Key, g.Key.ToString()), g.Count(f => f.Severity == "error"), g.Count(f => f.Severity == "warning"),
                g.Where(f => f.Severity == "error").Select(f => f.Key).Distinct().Count()))
            .OrderByDescending(f => f.Errors).ThenByDescending(f => f.Warnings).ThenBy(f => f.Family, StringComparer.Ordinal).ToList();
        var frequent = findings.GroupBy(f => f.Rule)
            .Select(g => new FrequentDefect(g.Key, Audit.RuleCatalog.Title(g.Key), g.Any(f => f.Severity == "error") ? "error" : "warning", g.Count(), g.Select(f => f.Key).Distinct().Count(),
                [.. g.DistinctBy(f => f.Key).Take(3).Select(f => (f.Name, f.Message))]))
            .OrderByDescending(f => f.Documents).ThenBy(f => f.Severity == "error" ? 0 : 1).ThenByDescending(f => f.Findings).ThenBy(f => f.Rule, StringComparer.Ordinal).Take(10).ToList();
        return new DistrictSummary(year, ledger.Today, ledger.Rows.Count, published, published - late, late, ledger.Rows.Count - published,
            ledger.Documents(e => e.Year == year && e.Errors > 0), ledger.Documents(e => e.Year == year && e.SignedOff), due, families, frequent);
    }

    /// <summary>The summary as text for a terminal.</summary>
    public static string Render(DistrictSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var lines = new List<string>
        {
            $"{summary.Year} 年度决算公开审核汇总（截至 {summary.Today:yyyy-MM-dd}）",
            $"部门 {summary.Departments} 个：已公开（收到部门决算）{summary.Published} 个，其中按期 {summary.OnTime} 个、逾期提交 {summary.Late} 个；未公开 {summary.Missing} 个" +
                (summary.Due is { } due ? $"（截止日期 {due:yyyy-MM-dd}）" : "（未设截止日期）") + "。",
            $"有错误的材料 {summary.WithErrors} 份，已审核通过 {summary.SignedOff} 份。",
            string.Empty,
            "按问题类别：",
        };
        lines.Add(summary.Families.Count == 0
            ? "（还没有审核结果）"
            : TextTable.Render(["类别", "错误", "警告", "有错误的材料"], [.. summary.Families.Select(f => (IReadOnlyList<string>)[f.Name, Number(f.Errors), Number(f.Warnings), Number(f.Documents)])], new HashSet<int> { 1, 2, 3 }).TrimEnd());
        lines.Add(string.Empty);
        lines.Add("最常见的问题：");
        var rank = 0;
        foreach (var defect in summary.Frequent)
        {
            lines.Add($"{++rank}. {defect.Title}（{defect.Rule}，{(defect.Severity == "error" ? "错误" : "警告")}）：{defect.Documents} 份材料、{defect.Findings} 处");
            lines.AddRange(defect.Examples.Select(e => $"   例：{e.Department}——{e.Message}"));
        }

        if (summary.Frequent.Count == 0)
        {
            lines.Add("（没有）");
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The summary as an Excel workbook: 概况, 问题类别, 常见问题 sheets, numbers as numbers.</summary>
    public static async Task WriteAsync(DistrictSummary summary, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var overview = new List<Dictionary<string, object?>>
        {
            Pair("年度", summary.Year), Pair("截至", summary.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Pair("截止日期", summary.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Pair("部门数", summary.Departments),
            Pair("已公开", summary.Published), Pair("按期", summary.OnTime), Pair("逾期提交", summary.Late), Pair("未公开", summary.Missing),
            Pair("有错误的材料", summary.WithErrors), Pair("已审核通过", summary.SignedOff),
        };
        var families = summary.Families.Select(f => new Dictionary<string, object?> { ["类别"] = f.Name, ["错误"] = f.Errors, ["警告"] = f.Warnings, ["有错误的材料"] = f.Documents }).ToList();
        var frequent = summary.Frequent.Select((f, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1, ["规则"] = f.Rule, ["问题"] = f.Title, ["级别"] = f.Severity == "error" ? "错误" : "警告", ["材料数"] = f.Documents, ["处数"] = f.Findings,
            ["示例"] = string.Join("\n", f.Examples.Select(e => $"{e.Department}：{e.Message}")),
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["概况"] = overview,
            ["问题类别"] = families.Count > 0 ? families : [new Dictionary<string, object?> { ["类别"] = "（还没有审核结果）" }],
            ["常见问题"] = frequent.Count > 0 ? frequent : [new Dictionary<string, object?> { ["问题"] = "（没有）" }],
        };
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken).ConfigureAwait(false);

        static Dictionary<string, object?> Pair(string item, object? value) => new() { ["项目"] = item, ["数值"] = value };
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
