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
    [InlineData("4 次", "5 次", "10", 10, true)]
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

    [Theory]
    [InlineData("2 次", "5 次")]       // 250 % of a ≥ target
    [InlineData("≥80%", "120%")]      // exactly 150 %
    public void A_target_set_far_too_low_may_be_cut_by_the_deviation(string target, string actual)
    {
        var result = ScoringEngine.Expect(Indicator(target, actual, "10"), ScoringRules.National);
        Assert.Null(result.Expected);
        Assert.Equal((8m, 10m), (result.Low, result.High));
        Assert.True(result.Met);
        Assert.Contains("目标可能设置偏低", result.Reason, StringComparison.Ordinal);

        // A rule set without the cut gives full marks.
        Assert.Equal(10m, ScoringEngine.Expect(Indicator(target, actual, "10"), ScoringRules.National with { Overachievement = null }).Expected);
    }

    [Fact]
    public void Rule_sets_are_data_and_a_users_file_can_replace_them()
    {
        Assert.Equal(["national", "shanghai", "sichuan", "guangxi"], ScoringRules.All.Select(r => r.Id));
        Assert.Equal(50m, ScoringRules.National.CategoryWeights["产出指标"]);
        Assert.Equal("广西", ScoringRules.ForProvince("广西壮族自治区").Name);
        Assert.Equal("全国", ScoringRules.ForProvince("陕西省").Name);

        const string custom = """
            { "ruleSets": [ { "id": "x", "name": "某省", "provinces": ["某"], "grades": [ { "from": 80, "name": "优" }, { "from": 70, "name": "良" }, { "from": 60, "name": "中" }, { "from": 0, "name": "差" } ],
              "tiers": { "achieved": 0.9, "partly": 0.6 } } ] }
            """;
        var rules = ScoringRules.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(custom))).Single();
        Assert.Equal(("优", "良", "差"), (rules.Grade(85m), rules.Grade(79.99m), rules.Grade(59m)));
        Assert.Equal(0.9m, rules.Tiers.Achieved);
        Assert.Null(rules.Overachievement);

        var unordered = """{ "ruleSets": [ { "name": "坏", "grades": [ { "from": 60, "name": "中" }, { "from": 90, "name": "优" } ] } ] }""";
        Assert.Throws<InvalidDataException>(() => ScoringRules.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(unordered))));
        Assert.Throws<InvalidDataException>(() => ScoringRules.Load(new MemoryStream("{ not json"u8.ToArray())));
    }

    [Fact]
    public void A_printed_score_is_exact_to_two_decimals()
    {
        var nine = ScoringEngine.Score(new Printed(9m, 0));
        Assert.Equal((8.995m, 9.005m), (nine.Range.Lo, nine.Range.Hi));
        var finer = ScoringEngine.Score(new Printed(9.681m, 3));
        Assert.Equal((9.6805m, 9.6815m), (finer.Range.Lo, finer.Range.Hi));
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

    [Fact]
    public void A_short_target_is_parsed_once_and_a_long_one_every_time_alike()
    {
        // The memo keeps short texts (「≥95%」) only; a sentence is parsed anew each time. Either way the same value.
        var text = "≥" + "95%";
        Assert.Same(TargetValue.Parse(text), TargetValue.Parse(new string(text.AsSpan())));
        var sentence = "全年按时完成各项医疗保障待遇结算工作，参保群众对经办服务的满意度较上年明显提高" + "95%";
        Assert.NotSame(TargetValue.Parse(sentence), TargetValue.Parse(sentence));
        Assert.Equal(TargetValue.Parse(sentence), TargetValue.Parse(sentence));
        Assert.Equal(new TargetValue(Comparator.AtLeast, 95m, null, "%", "≥95%"), TargetValue.Parse(" ≥95% "));
    }

    [Fact]
    public void An_indicator_names_a_cost_as_its_two_levels_read_as_one_do()
    {
        // Names over 成, 本 and others, so 「成本」 falls within a level, across the two, or not at all.
        var random = new Random(272);
        const string alphabet = "成本费效益";
        string? Name() => random.Next(6) == 0 ? null : new([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var costs = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var (level1, level2) = (Name(), Name());
            var expected = $"{level1}{level2}".Contains("成本", StringComparison.Ordinal);
            costs += expected ? 1 : 0;
            Assert.True(expected == ScoringEngine.NamesCost(level1, level2), $"「{level1}」「{level2}」");
        }

        Assert.True(costs > 1000, "the random names include costs");
    }
}
