using Juesuan.Domain.Model;
using Juesuan.Formats.Json;
using Juesuan.TestSupport;

namespace Juesuan.Audit.Tests;

public class ExampleAuditTests
{
    private static DepartmentYear Example => DepartmentYearJson.ReadFile(Paths.Example).Value!;

    private static string Describe(IEnumerable<Finding> findings) => string.Join("\n", findings.Select(f => $"{f.Severity} {f.Rule} {f.Message}"));

    [Fact]
    public void The_consistent_example_has_no_errors_and_no_warnings()
    {
        var report = Auditor.Audit(Example);
        var serious = report.Findings.Where(f => f.Severity != Severity.Info).ToArray();
        Assert.True(serious.Length == 0, Describe(serious));
        Assert.True(report.Passed);
    }

    [Fact]
    public void Every_rule_of_the_catalog_runs_on_the_example_without_crashing()
    {
        var report = Auditor.Audit(Example);
        var crashed = report.Findings.Where(f => f.Kind == FindingKind.Failed).ToArray();
        Assert.True(crashed.Length == 0, Describe(crashed));
        Assert.Equal(RuleCatalog.All.Count, report.Summary.Rules);
    }
}
