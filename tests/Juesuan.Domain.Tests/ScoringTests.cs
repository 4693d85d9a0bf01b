using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Scoring;

namespace Juesuan.Domain.Tests;

/// <summary>The scoring rules of 财预〔2020〕10号, case by case.</summary>
public class ScoringTests
{
    private static Indicator Indicator(string target, string actual, string weight, string level2 = "数量指标") =>
        new() { Level1 = "产出指标", Level2 = level2, Level3 = "测试指标", Target = target, Actual = actual, Weight = Printed.Parse(weight).Value };

    [Theory]
    [InlineData("≥90%", "95%", "10", 10, true)]
    [InlineData("≥90%", "72%", "10", 8, false)]
    [InlineData("≧95%", "95%", "10", 10, true)]
    [InlineData(">=90%", "81%", "20", 18, false)]
    [InlineData("≤20个工作日", "22个工作日", "10", 9, false)]
    [InlineData("<=20%", "28.36%", "2", 1.16, false)]
    [InlineData("≤10", "20", "5", 0, false)]
    [InlineData("≤10", "35", "5", 0, false)]
    [InlineData("=100%", "90%", "15", 13.5, false)]
    [InlineData("=100%", "100%", "15", 15, true)]
    [InlineData("15 人", "15 人", "2", 2, true)]
    [InlineData("2 次", "5 次", "10", 10, true)]
    [InlineData("≥20场", "16场", "20", 16, false)]
    [InlineData("2-5个工作日", "4个工作日", "5", 5, true)]
    [InlineData("≥0", "0", "5", 5, true)]
    [InlineData("≥90%", "0%", "10", 0, false)]
    public void Quantitative_indicators_score_by_direction(string target, string actual, string weight, double expected, bool met)
    {
        var result = ScoringEngine.Expect(Indicator(target, actual, weight), ScoringRules.National);
        Assert.Equal((decimal)expected, result.Expected);
        Assert.Equal(met, result.Met);
    }

    [Fact]
    public void A_bare_cost_target_is_a_ceiling()
    {
        var result = ScoringEngine.Expect(Indicator("80 万", "23.44", "10", "成本指标"), ScoringRules.National);
        Assert.Equal(10m, result.Expected);
        Assert.True(result.Met);
    }

    [Fact]
    public void Qualitative_indicators_are_scored_by_tier()
    {
        var achieved = ScoringEngine.Expect(Indicator("明显提高", "明显提高", "10"), ScoringRules.National);
        Assert.Null(achieved.Expected);
        Assert.Equal((8m, 10m), (achieved.Low, achieved.High));
        var unknown = ScoringEngine.Expect(Indicator("明显提高", "有所提高", "10"), ScoringRules.National);
        Assert.Equal((0m, 10m), (unknown.Low, unknown.High));
    }

    [Theory]
    [InlineData(166.99, 138.68, 8.3)]
    [InlineData(62, 60, 9.68)]
    [InlineData(30, 25, 8.33)]
    [InlineData(100, 120, 10)]
    public void The_execution_score_is_ten_times_b_over_a_capped(double a, double b, double expected)
    {
        Assert.Equal((decimal)expected, ScoringEngine.ExecutionScore(10m, (decimal)a, (decimal)b));
        Assert.Null(ScoringEngine.ExecutionScore(10m, 0m, 5m));
    }

    [Theory]
    [InlineData(95.52, "优", "优", "一等")]
    [InlineData(89.07, "良", "良", "二等")]
    [InlineData(70, "中", "合格", "三等")]
    [InlineData(59.99, "差", "不合格", "四等")]
    public void Grades_follow_the_province(double total, string national, string shanghai, string guangxi)
    {
        Assert.Equal(national, ScoringRules.National.Grade((decimal)total));
        Assert.Equal(shanghai, ScoringRules.ForProvince("上海市").Grade((decimal)total));
        Assert.Equal(guangxi, ScoringRules.ForProvince("广西壮族自治区").Grade((decimal)total));
        Assert.Equal(1.3m, ScoringRules.Guangxi.DeviationReasonAbove);
    }
}
