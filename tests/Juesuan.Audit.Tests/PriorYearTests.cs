using System.Text;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Reference;
using Juesuan.Domain.Templates;
using static Juesuan.Audit.Tests.Mutations;

namespace Juesuan.Audit.Tests;

/// <summary>
/// The cross-year rules (Y.*) on hand-built prior reports: the example department's 2024 report against a 2023 report
/// that states just the figures a case needs — the consistent case, the defect, and the near miss that must not fire.
/// </summary>
public sealed class PriorYearTests
{
    // The example: 年初结转和结余 5.00 (公开01表); 一般公共预算财政拨款支出 482.93, 「比上年增加 24.63」, so 458.30 last year.
    private static DepartmentYear Prior(params (string Table, string Row, string Column, string Value)[] cells) =>
        Juesuan.TestSupport.ComparisonData.YearBefore(Base, "qingshi-2023.pdf", 6, cells);

    private static Finding[] Findings(DepartmentYear prior, string rule, ReferenceData? reference = null) =>
        Auditor.Audit(Base, prior: prior, reference: reference).Findings.Where(f => f.Rule == rule).ToArray();

    [Fact]
    public void Without_a_prior_report_the_cross_year_rules_say_nothing() =>
        Assert.DoesNotContain(Auditor.Audit(Base).Findings, f => f.Rule.StartsWith("Y.", StringComparison.Ordinal));

    [Fact]
    public void This_years_opening_balance_is_last_years_closing_balance()
    {
        Assert.Empty(Findings(Prior((TableIds.IncomeExpenditureSummary, "expense.closingBalance", "amount", "5.00")), "Y.OPENING"));
        // Printed with one decimal last year: 5.0 covers 5.00.
        Assert.Empty(Findings(Prior((TableIds.IncomeExpenditureSummary, "expense.closingBalance", "amount", "5.0")), "Y.OPENING"));

        var finding = Assert.Single(Findings(Prior((TableIds.IncomeExpenditureSummary, "expense.closingBalance", "amount", "6.20")), "Y.OPENING"));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("上年（2023 年度）报告的年末结转和结余为 6.20万元", finding.Message, StringComparison.Ordinal);
        // Both documents are named where their figures are.
        Assert.Equal("qingshi-2023.pdf", finding.Figures[1].Where!.Document);
        Assert.Equal(6, finding.Figures[1].Where!.Page);
        Assert.Equal("上年报告", finding.Figures[1].Role);
        // Last year's figure is marked as another document's; this year's keeps its table, row and column.
        Assert.True(finding.Figures[1].Where!.PriorReport);
        Assert.False(finding.Figures[0].Where!.PriorReport);
        Assert.Equal("income.openingBalance", finding.Figures[0].Where!.RowCode);
    }

    [Fact]
    public void A_prior_figure_this_years_change_implies_must_be_what_last_year_published()
    {
        Assert.Empty(Findings(Prior((TableIds.GpbExpenditure, "total", "total", "458.30")), "Y.PRIOR"));

        var finding = Assert.Single(Findings(Prior((TableIds.GpbExpenditure, "total", "total", "468.30")), "Y.PRIOR"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("上年数为 458.30", finding.Message, StringComparison.Ordinal);
        Assert.Contains("468.30万元", finding.Message, StringComparison.Ordinal);
        Assert.Equal("qingshi-2023.pdf", finding.Figures[1].Where!.Document);

        // Without the example's stated prior-year figures, the change implies it: the sentence is quoted.
        var implied = Assert.Single(Auditor.Audit(Base with { References = [] }, prior: Prior((TableIds.GpbExpenditure, "total", "total", "468.30"))).Findings, f => f.Rule == "Y.PRIOR");
        Assert.Contains("上年数为 458.30万元（由「", implied.Message, StringComparison.Ordinal);
        Assert.Contains("增加24.63万元", implied.Message, StringComparison.Ordinal);
        Assert.Equal("24.63万元", implied.Figures[0].Value);
    }

    [Fact]
    public void A_report_of_another_year_is_not_compared_and_says_why()
    {
        var wrong = Prior((TableIds.GpbExpenditure, "total", "total", "468.30")) with { Year = Base.Year - 2 };
        var notChecked = Assert.Single(Findings(wrong, "Y.PRIOR"));
        Assert.Equal(FindingKind.NotChecked, notChecked.Kind);
        Assert.Contains("2022 年度", notChecked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_that_came_or_went_are_listed_and_a_renamed_code_is_the_same_item()
    {
        // Last year: 2101101 under a former code 2101190 (the crosswalk says it became 2101101), and 2101199, gone this year.
        var prior = Prior((TableIds.GpbExpenditure, "2101190", "total", "6.00"), (TableIds.GpbExpenditure, "2101199", "total", "3.00"));
        const string edition = """
            { "catalog": "function", "editions": [2023], "title": "测试目录",
              "entries": [ { "code": "2101190", "name": "行政单位医疗（旧）", "until": 2023, "replacedBy": ["2101101"] } ] }
            """;
        var reference = ReferenceData.Embedded.WithCatalogs(Catalog.LoadEditions(new MemoryStream(Encoding.UTF8.GetBytes(edition))));

        var findings = Findings(prior, "Y.CODES", reference);
        var gone = Assert.Single(findings, f => f.Message.Contains("本年没有的项", StringComparison.Ordinal));
        Assert.Equal(Severity.Info, gone.Severity);
        Assert.Contains("2101199", gone.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2101190 ", gone.Message, StringComparison.Ordinal);
        Assert.Contains("2101190→2101101", gone.Message, StringComparison.Ordinal);
        var added = Assert.Single(findings, f => f.Message.Contains("本年新增", StringComparison.Ordinal));
        Assert.DoesNotContain("2101101 行政单位医疗", added.Message, StringComparison.Ordinal);
        Assert.Contains("2101102", added.Message, StringComparison.Ordinal);

        // Without the crosswalk the renamed code would count as one gone and one new.
        Assert.Contains("2101190", Assert.Single(Findings(prior, "Y.CODES"), f => f.Message.Contains("本年没有的项", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cars_do_not_appear_from_one_year_to_the_next_without_being_bought()
    {
        var prior = Prior() with { ThreePublic = new ThreePublicDetails { VehiclesHeld = 2 } };
        DepartmentYear This(int held, int? bought) => Base with { ThreePublic = (Base.ThreePublic ?? new ThreePublicDetails()) with { VehiclesHeld = held, VehiclesPurchased = bought } };
        Finding[] Vehicles(DepartmentYear year) => Auditor.Audit(year, prior: prior).Findings.Where(f => f.Rule == "Y.VEHICLES").ToArray();

        Assert.Empty(Vehicles(This(3, 1)));
        Assert.Empty(Vehicles(This(1, 0)));
        var finding = Assert.Single(Vehicles(This(4, 1)));
        Assert.Contains("多出的 1 辆没有来源", finding.Message, StringComparison.Ordinal);
        // Without a purchase count, nothing is said unless no purchase money was spent either.
        Assert.Empty(Vehicles(This(4, null).WithCell(TableIds.ThreePublic, "actual", "vehiclePurchase", "3.00")));
        Assert.Single(Vehicles(This(4, null).WithCell(TableIds.ThreePublic, "actual", "vehiclePurchase", "0.00")));
    }
}
