using FsCheck;
using FsCheck.Xunit;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.TestSupport;

namespace Juesuan.Audit.Tests;

/// <summary>
/// The audit's rounding model as a property: any table 05 built from yuan amounts and rounded to 万元 cell by cell,
/// as the reporting software does, passes every table rule; pushing one total beyond its propagated interval fails.
/// </summary>
public class AuditPropertyTests
{
    private static readonly string[] Items = ["2080505", "2080506", "2101101", "2101501", "2101502", "2101599", "2210201"];

    private static StatedTable Table05(long[] basicYuanCents, long[] projectYuanCents, decimal totalShift)
    {
        var basic = new Dictionary<string, decimal>();
        var project = new Dictionary<string, decimal>();
        for (var i = 0; i < Items.Length; i++)
        {
            basic[Items[i]] = Math.Abs(basicYuanCents[i % basicYuanCents.Length]) % 50_000_000 / 100m;
            project[Items[i]] = Math.Abs(projectYuanCents[i % projectYuanCents.Length]) % 20_000_000 / 100m;
        }

        var keys = Items.SelectMany(k => new[] { k[..3], k[..5], k }).Distinct().Order(StringComparer.Ordinal).ToArray();
        decimal Sum(Dictionary<string, decimal> d, string prefix) => d.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);
        StatedRow Row(string key, string prefix, decimal shift = 0m)
        {
            var b = Sum(basic, prefix) / 10_000m;
            var p = Sum(project, prefix) / 10_000m;
            return new StatedRow
            {
                Key = key,
                Cells =
                [
                    new StatedCell { Column = "total", Value = new Printed(Printed.Round(b + p, 2).Value + shift, 2) },
                    new StatedCell { Column = "basic", Value = Printed.Round(b, 2) },
                    new StatedCell { Column = "project", Value = Printed.Round(p, 2) },
                ],
            };
        }

        return ExampleData.Table(TableIds.GpbExpenditure, [Row("total", string.Empty, totalShift), .. keys.Select(k => Row(k, k))]);
    }

    private static AuditReport AuditTable(StatedTable table) =>
        Auditor.Audit(ExampleData.Year(tables: table), rules: RuleCatalog.All.Where(r => r.Family == "T05").ToArray());

    [Property(MaxTest = 300)]
    public bool Tables_rounded_cell_by_cell_from_yuan_pass_every_table_rule(NonEmptyArray<long> basic, NonEmptyArray<long> project) =>
        AuditTable(Table05(basic.Get, project.Get, 0m)).Summary.Errors == 0;

    [Property(MaxTest = 300)]
    public bool A_total_moved_beyond_its_interval_fails(NonEmptyArray<long> basic, NonEmptyArray<long> project)
    {
        // Seven items of two columns carry at most 0.035 + 0.005 either way per column: 0.05 is always beyond.
        var report = AuditTable(Table05(basic.Get, project.Get, 0.05m));
        return report.Findings.Any(f => f.Severity == Severity.Error && f.Location.Contains("合计", StringComparison.Ordinal));
    }
}
