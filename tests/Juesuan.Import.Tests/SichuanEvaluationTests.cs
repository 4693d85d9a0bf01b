using Juesuan.Domain.Model;
using Juesuan.Import.Text;
using Juesuan.TestSupport;

namespace Juesuan.Import.Tests;

/// <summary>
/// Sichuan's 部门预算项目支出绩效自评表 in space-separated text (渠县): 执行率 before 权重 and 得分 in the funds block, and a
/// 指标性质 column holding the comparator apart from the 指标值 and its unit.
/// </summary>
public sealed class SichuanEvaluationTests
{
    private static Evaluation Project(string name) =>
        TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "quxian-2022-final-accounts.txt")).Value!.Evaluations.Single(e => e.Name.EndsWith(name, StringComparison.Ordinal));

    [SkippableFact]
    public void The_rate_is_the_figure_printed_with_percent_and_the_weight_and_score_follow_it()
    {
        var project = Project("退休补充医保（行政）");
        Assert.Equal(100.00m, project.ExecutionRatePercent!.Value.Value);
        Assert.Equal(10m, project.ExecutionWeight!.Value.Value);
        Assert.Equal(10m, project.ExecutionScore!.Value.Value);
        Assert.Equal((1.34m, 1.34m, 1.34m), (project.Funds[0].InitialBudget!.Value.Value, project.Funds[0].FullYearBudget!.Value.Value, project.Funds[0].Executed!.Value.Value));
        Assert.Equal(100.00m, project.Funds.Single(f => f.Source == "财政拨款").RatePercent!.Value.Value);
    }

    [SkippableFact]
    public void A_comparator_column_makes_the_target_and_a_row_opening_with_it_takes_its_name_from_the_lines_above()
    {
        var indicators = Project("退休补充医保（行政）").Indicators;
        Assert.DoesNotContain(indicators, i => i.Level3 is "≤" or "10");
        var count = indicators.Single(i => i.Level3 == "科目调整次数");
        Assert.Equal(("≤10次", "0", 22.5m), (count.Target, count.Actual, count.Weight!.Value.Value));
        var balance = indicators.Single(i => i.Level3.StartsWith("结余率", StringComparison.Ordinal));
        Assert.Equal("结余率（计算方法为：结余数/预算数）", balance.Level3);
        Assert.Equal("经济效益指标", balance.Level2);
        Assert.Equal("≤5%", balance.Target);
    }
}

/// <summary>Sichuan's income paragraph splits 财政拨款收入 by fund; each fund is its own concept.</summary>
public sealed class FundIncomeTests
{
    [SkippableFact]
    public void Income_by_fund_is_read_as_three_concepts_not_three_values_of_one()
    {
        var claims = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "quxian-2022-final-accounts.txt")).Value!.Narrative.Claims;
        decimal? Amount(string concept) => claims.SingleOrDefault(c => c.Subject.Concept == concept && c.Section == "income")?.Amount?.Value;
        Assert.Equal(7056.14m, Amount(Concepts.IncomeGeneral));
        Assert.Equal(357.45m, Amount("income.fund"));
        Assert.Equal(0m, Amount("income.soe"));
        Assert.Null(Amount(Concepts.IncomeFiscal));
    }
}
