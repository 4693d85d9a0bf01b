using Juesuan.Domain.Numbers;
using Juesuan.Audit;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;
using Juesuan.Import.Pdf;
using Juesuan.TestSupport;

namespace Juesuan.Import.Tests;

/// <summary>
/// 西南大学 2023 (the corpus): the Ministry of Education's university template, four 高等学校 tables numbered 「表 1：」…,
/// a 目录 without leaders naming every table, 决算报表说明 after the tables.
/// </summary>
public sealed class UniversityTemplateTests
{
    private static DepartmentYear Read() =>
        PdfReportReader.ReadFile(Path.Combine(Paths.RequireCorpus(), "swu-2023-final-accounts.pdf")).Value!;

    [SkippableFact]
    public void The_four_university_tables_are_read_under_their_template()
    {
        var year = Read();
        Assert.Equal("西南大学", year.Department.Name);
        Assert.Equal("moe-university-2019", year.TemplateId);
        Assert.Equal([TableIds.UniversitySummary, TableIds.UniversityIncome, TableIds.Expenditure, TableIds.UniversityFiscalExpenditure], year.Tables.Select(t => t.Definition));
        var summary = year.Table(TableIds.UniversitySummary)!;
        Assert.Equal(430_725.03m, summary.AmountAt("income.total", "amount")!.Value.Value);
        Assert.Equal(569_496.54m, summary.AmountAt("expense.grandTotal", "amount")!.Value.Value);
        Assert.Equal(73_648.19m, year.Table(TableIds.UniversityIncome)!.AmountAt("205", "businessTuition")!.Value.Value);
        Assert.Equal(6_894.90m, year.Table(TableIds.UniversityFiscalExpenditure)!.AmountAt("total", "projectCapital")!.Value.Value);
    }

    [SkippableFact]
    public void Its_table_relations_hold_and_its_notes_are_read()
    {
        var year = Read();
        var report = Auditor.Audit(year);

        // The errors are the report's: 科学技术支出 2,536.65 of 457,676.75 is 0.55%, printed 0.56%; 「单位名称：」 left empty.
        var errors = report.Findings.Where(f => f.Severity == Severity.Error).ToArray();
        Assert.Equal(["D.PLACEHOLDER", "N.SHARE"], errors.Select(f => f.Rule).Order(StringComparer.Ordinal));
        Assert.Equal("0.56%", errors.Single(f => f.Rule == "N.SHARE").Actual);
        // The university tables' own sums were checked: the one 尾差 of 高中教育's income row is reported as such.
        Assert.Contains(report.Findings, f => f.Rule == "T02.ROW_SUM" && f.Kind == FindingKind.Rounding && f.Message.Contains("2050204", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Kind == FindingKind.NotChecked);
        Assert.Equal(["profile", "notes", "glossary"], year.Narrative.Sections.Select(s => s.Key));
        Assert.Contains(year.Narrative.Claims, c => c.Change?.Value == 23_616.80m && c.ChangePercent?.Value == 5.20m);

        // 「小学教育（2050202），2023 年度决算数为 7,970.38 万元」 under 「（四）高等学校财政拨款支出决算表说明」 is table 4's row.
        var coded = Assert.Single(year.Narrative.Claims, c => c.Subject.Code == "2050202");
        Assert.Equal((7_970.38m, Scopes.Fiscal), (coded.Amount!.Value.Value, coded.Subject.Scope));
        var slip = year with { Narrative = year.Narrative with { Claims = year.Narrative.Claims.Select(c => c == coded ? c with { Amount = new Amount(7_971.38m, 2, MoneyUnit.WanYuan) } : c).ToArray() } };
        Assert.Contains(Auditor.Audit(slip).Findings, f => f.Rule == "N.AMOUNT" && f.Severity == Severity.Error && f.Message.Contains("2050202", StringComparison.Ordinal));
    }
}
