using Juesuan.Domain.Model;
using Juesuan.Formats.Json;

namespace Juesuan.Audit.Tests;

/// <summary>
/// The tables and narrative claims of two real reports, transcribed by hand into fixtures (until the importer reads the
/// samples directly), audited for what a person reading them finds — and for nothing that rounding explains.
/// </summary>
public class SampleFixtureTests
{
    private static AuditReport Audit(string name)
    {
        var result = DepartmentYearJson.ReadFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return Auditor.Audit(result.Value!, name);
    }

    private static string All(AuditReport report) => string.Join("\n", report.Findings.Select(f => $"{f.Severity}/{f.Kind} {f.Rule} {f.Message}"));

    [Fact]
    public void Zhenan_302_items_summing_to_6_21_under_6_27_is_an_error()
    {
        var report = Audit("zhenan-2023.json");
        var finding = Assert.Single(report.Findings, f => f.Rule == "T06.CLASS_SUM" && f.Severity == Severity.Error);
        Assert.Contains("302", finding.Message, StringComparison.Ordinal);
        Assert.Contains("6.27", finding.Message, StringComparison.Ordinal);
        Assert.Contains("6.21", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zhenan_basic_plus_project_against_the_total_is_rounding_not_an_error()
    {
        var report = Audit("zhenan-2023.json");
        Assert.Contains(report.Findings, f => f.Rule == "T03.HIERARCHY" && f.Kind == FindingKind.Rounding && f.Message.Contains("160.72", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Error && f.Table == "expenditure");
    }

    [Fact]
    public void Zhenan_narrative_basic_spending_in_yuan_and_personnel_costs_are_errors_with_the_unit_slip_named()
    {
        var report = Audit("zhenan-2023.json");
        Assert.Contains(report.Findings, f => f.Rule == "N.UNIT" && f.Severity == Severity.Error && f.Message.Contains("154.78元", StringComparison.Ordinal));
        var basic = Assert.Single(report.Findings, f => f.Rule == "N.AMOUNT" && f.Message.Contains("154.78元", StringComparison.Ordinal));
        Assert.Contains("160.72", basic.Message, StringComparison.Ordinal);
        var personnel = Assert.Single(report.Findings, f => f.Rule == "N.AMOUNT" && f.Message.Contains("153.78", StringComparison.Ordinal));
        Assert.Contains("154.45", personnel.Message, StringComparison.Ordinal);
        Assert.Contains("情况说明", personnel.LikelyWrong, StringComparison.Ordinal);
    }

    [Fact]
    public void Zhenan_has_exactly_the_errors_a_reader_finds()
    {
        var report = Audit("zhenan-2023.json");
        var errors = report.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order(StringComparer.Ordinal).ToArray();
        Assert.True(errors.SequenceEqual(["N.AMOUNT", "N.AMOUNT", "N.UNIT", "T06.CLASS_SUM"]), All(report));
    }

    [Fact]
    public void Zhenan_warnings_are_the_real_gaps_of_the_report()
    {
        var report = Audit("zhenan-2023.json");
        var warnings = report.Findings.Where(f => f.Severity == Severity.Warning).ToArray();
        Assert.Contains(warnings, f => f.Rule == "N.ITEM_COVERAGE" && f.Message.Contains("2101599", StringComparison.Ordinal));
        Assert.Contains(warnings, f => f.Rule == "X05_06.ECONOMIC" && f.Message.Contains("30110", StringComparison.Ordinal));
        Assert.Contains(warnings, f => f.Rule == "N.COUNTS" && f.Message.Contains("公务接待", StringComparison.Ordinal));
        Assert.Equal(2, warnings.Count(f => f.Rule == "N.COMPLETION" && f.Message.Contains("不能计算完成率", StringComparison.Ordinal)));
        Assert.Equal(5, warnings.Length);
    }

    [Fact]
    public void Xigong_has_no_errors_its_odd_percentages_are_rounding()
    {
        var report = Audit("xigong-2022.json");
        Assert.True(report.Summary.Errors == 0, All(report));
        Assert.Contains(report.Findings, f => f.Rule == "N.COMPLETION" && f.Kind == FindingKind.Rounding && f.Message.Contains("92.97", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Rule == "N.CHANGE" && f.Kind == FindingKind.Rounding && f.Message.Contains("437.86", StringComparison.Ordinal));
    }

    [Fact]
    public void Xigong_warnings_are_the_medical_insurance_booking_and_the_zero_budget_rate()
    {
        var report = Audit("xigong-2022.json");
        var warnings = report.Findings.Where(f => f.Severity == Severity.Warning).Select(f => f.Rule).Order(StringComparer.Ordinal).ToArray();
        Assert.True(warnings.SequenceEqual(["N.COMPLETION", "X05_06.ECONOMIC", "X05_06.ECONOMIC"]), All(report));
    }

    [Fact]
    public void Fixtures_have_the_tables_a_reader_sees()
    {
        var zhenan = DepartmentYearJson.ReadFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "zhenan-2023.json")).Value!;
        Assert.Equal(154.45m, zhenan.Table("gpb-basic-economic")!.AmountAt("personnel.total", "amount")!.Value.Value);
        var xigong = DepartmentYearJson.ReadFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "xigong-2022.json")).Value!;
        Assert.Equal(105.59m, xigong.Table("expenditure")!.AmountAt("2101501", "basic")!.Value.Value);
        Assert.Equal(9, xigong.Tables.Count);
        Assert.Equal(9, zhenan.Tables.Count);
    }
}
