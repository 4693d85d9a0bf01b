using System.Globalization;
using System.Text.RegularExpressions;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.Domain.Scoring;

/// <summary>The comparator of an indicator's target (指标值方向).</summary>
public enum Comparator
{
    /// <summary>≥ (正向).</summary>
    AtLeast,

    /// <summary>&gt;.</summary>
    Above,

    /// <summary>≤ (反向).</summary>
    AtMost,

    /// <summary>&lt;.</summary>
    Below,

    /// <summary>= (written).</summary>
    Equal,

    /// <summary>A bare value (「15 人」, 「80 万」): read as ≥, or ≤ for a cost (成本) indicator.</summary>
    Bare,

    /// <summary>A range such as 「2-5个工作日」: within it is met.</summary>
    Range,

    /// <summary>Text such as 「明显提高」: judged by tiers, not computed.</summary>
    Qualitative,
}

/// <summary>An indicator's target or actual read from its printed text: comparator, value(s), unit.</summary>
/// <param name="Comparator">The comparator.</param>
/// <param name="Value">The value (the upper bound for a range).</param>
/// <param name="Lower">The lower bound of a range.</param>
/// <param name="Unit">The unit as printed (%, 人, 万元, 次 …).</param>
/// <param name="Text">The text as printed.</param>
public sealed partial record TargetValue(Comparator Comparator, decimal? Value, decimal? Lower, string Unit, string Text)
{
    /// <summary>Reads 「≥90%」, 「≧95%」, 「&lt;=100%」, 「=100%」, 「15 人」, 「80 万」, 「2-5个工作日」, 「明显提高」.</summary>
    public static TargetValue Parse(string? text)
    {
        var t = Numbers.Printed.NormalizeDigits((text ?? string.Empty).Trim()).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (RangeValue().Match(t) is { Success: true } r)
        {
            return new TargetValue(Comparator.Range, Dec(r.Groups["b"].Value), Dec(r.Groups["a"].Value), r.Groups["u"].Value, t);
        }

        if (Quantity().Match(t) is not { Success: true } m)
        {
            return new TargetValue(Comparator.Qualitative, null, null, string.Empty, t);
        }

        var comparator = m.Groups["c"].Value switch
        {
            "≥" or "≧" or ">=" or "不低于" or "不少于" or "大于等于" => Comparator.AtLeast,
            ">" or "大于" or "高于" => Comparator.Above,
            "≤" or "≦" or "<=" or "不高于" or "不超过" or "小于等于" => Comparator.AtMost,
            "<" or "小于" or "低于" => Comparator.Below,
            "=" => Comparator.Equal,
            _ => Comparator.Bare,
        };
        return new TargetValue(comparator, Dec(m.Groups["v"].Value), null, m.Groups["u"].Value, t);
    }

    private static decimal Dec(string s) => decimal.Parse(s.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<c>≥|≧|>=|≤|≦|<=|=|>|<|不低于|不少于|不高于|不超过|大于等于|小于等于|大于|小于|高于|低于)?(?<v>\d[\d,]*(?:\.\d+)?)(?<u>%|[^\d\s]{0,6})$")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"^(?<a>\d+(?:\.\d+)?)[-–~至](?<b>\d+(?:\.\d+)?)(?<u>.*)$")]
    private static partial Regex RangeValue();
}

/// <summary>A grade band: from a total score up (优 from 90).</summary>
/// <param name="From">The lowest total in the band.</param>
/// <param name="Name">The grade.</param>
public sealed record GradeBand(decimal From, string Name);

/// <summary>
/// 评分规则: the weights, qualitative tiers, grade bands and deviation rule a province applies (财预〔2020〕10号 by
/// default). Configuration, not code: presets for the national rule, Shanghai and Guangxi.
/// </summary>
public sealed record ScoringRules
{
    /// <summary>The name of the rule set.</summary>
    public required string Name { get; init; }

    /// <summary>Grade bands, highest first.</summary>
    public required IReadOnlyList<GradeBand> Grades { get; init; }

    /// <summary>Qualitative tiers as fractions of the weight: achieved, partly achieved, not achieved (lower bounds).</summary>
    public (decimal Achieved, decimal Partly) Tiers { get; init; } = (0.8m, 0.6m);

    /// <summary>Actual ÷ target at or above which a deviation reason is required even though the target is met (Guangxi 1.3); null where not required.</summary>
    public decimal? DeviationReasonAbove { get; init; }

    /// <summary>National: 优 ≥ 90, 良 80–89, 中 60–79, 差 &lt; 60.</summary>
    public static ScoringRules National { get; } = new() { Name = "全国", Grades = [new(90, "优"), new(80, "良"), new(60, "中"), new(0, "差")] };

    /// <summary>Shanghai: 优/良/合格/不合格.</summary>
    public static ScoringRules Shanghai { get; } = new() { Name = "上海", Grades = [new(90, "优"), new(80, "良"), new(60, "合格"), new(0, "不合格")] };

    /// <summary>Guangxi: 一等–四等, and a deviation reason from 130 % of the target.</summary>
    public static ScoringRules Guangxi { get; } = new() { Name = "广西", Grades = [new(90, "一等"), new(80, "二等"), new(60, "三等"), new(0, "四等")], DeviationReasonAbove = 1.3m };

    /// <summary>The rules for a province (national when the province has none of its own).</summary>
    public static ScoringRules ForProvince(string? province) => province switch
    {
        { } p when p.StartsWith("上海", StringComparison.Ordinal) => Shanghai,
        { } p when p.StartsWith("广西", StringComparison.Ordinal) => Guangxi,
        _ => National,
    };

    /// <summary>The grade a total earns.</summary>
    public string Grade(decimal total) => Grades.First(g => total >= g.From || g == Grades[^1]).Name;
}

/// <summary>What the rule gives for one indicator: the expected score (or, for qualitative ones, the band) and why.</summary>
/// <param name="Expected">The expected score, when computable.</param>
/// <param name="Low">The lowest acceptable score (qualitative tiers).</param>
/// <param name="High">The highest acceptable score.</param>
/// <param name="Met">Whether the target was met, when decidable.</param>
/// <param name="Reason">How the expectation was reached, in Chinese.</param>
public sealed record ScoreExpectation(decimal? Expected, decimal Low, decimal High, bool? Met, string Reason);

/// <summary>
/// 评分引擎 (财预〔2020〕10号): execution score 10 × B/A capped at the weight; quantitative indicators by direction
/// (≥: full when met, else weight × actual ÷ target; ≤: full when met, else weight × (1 − (actual − target) ÷ target),
/// zero from twice the target; =: full when equal, else proportional); qualitative ones by tier. Scores are rounded to
/// two decimals half up.
/// </summary>
public static class ScoringEngine
{
    /// <summary>The execution score for A (全年预算) and B (全年执行).</summary>
    public static decimal? ExecutionScore(decimal weight, decimal? budget, decimal? executed) =>
        budget is > 0 && executed is { } b ? Rounding.HalfUp(Math.Min(weight, weight * b / budget.Value), 2) : null;

    /// <summary>What one indicator should score under <paramref name="rules"/>.</summary>
    public static ScoreExpectation Expect(Indicator indicator, ScoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(rules);
        var weight = indicator.Weight?.Value ?? 0m;
        var target = TargetValue.Parse(indicator.Target);
        var actual = TargetValue.Parse(indicator.Actual);
        if (target.Comparator == Comparator.Qualitative || actual.Value is null || target.Value is null)
        {
            var achieved = actual.Text.Length > 0 && (actual.Text == target.Text || actual.Text.Contains(target.Text, StringComparison.Ordinal) || actual.Text is "达到" or "完成" or "是");
            return achieved
                ? new ScoreExpectation(null, Rounding.HalfUp(weight * rules.Tiers.Achieved, 2), weight, true, $"定性指标实际「{actual.Text}」达到目标「{target.Text}」，得分应在 {rules.Tiers.Achieved:P0}–100% 的分值之间")
                : new ScoreExpectation(null, 0m, weight, null, "定性指标，按达成程度分档评分，无法自动判定");
        }

        var a = actual.Value.Value;
        var t = target.Value.Value;
        decimal expected;
        bool met;
        string reason;
        var isCost = $"{indicator.Level1}{indicator.Level2}".Contains("成本", StringComparison.Ordinal);
        var comparator = target.Comparator == Comparator.Bare ? (isCost ? Comparator.AtMost : Comparator.AtLeast) : target.Comparator;
        switch (comparator)
        {
            case Comparator.AtLeast or Comparator.Above:
                met = comparator == Comparator.AtLeast ? a >= t : a > t;
                expected = met ? weight : t == 0 ? 0m : weight * Math.Max(0m, a) / t;
                reason = met ? "正向指标已达到目标，得满分" : $"正向指标未达目标，得分 = 分值 × 实际 ÷ 目标 = {weight} × {a} ÷ {t}";
                break;
            case Comparator.AtMost or Comparator.Below:
                met = comparator == Comparator.AtMost ? a <= t : a < t;
                expected = met ? weight : t == 0 ? 0m : weight * Math.Max(0m, 1m - ((a - t) / t));
                reason = met ? "反向指标已达到目标，得满分" : $"反向指标超出目标，得分 = 分值 × (1 − (实际 − 目标) ÷ 目标)，两倍目标起为 0";
                break;
            case Comparator.Range:
                met = a >= (target.Lower ?? a) && a <= t;
                expected = met ? weight : a > t ? (t == 0 ? 0m : weight * Math.Max(0m, 1m - ((a - t) / t))) : weight * a / (target.Lower ?? t);
                reason = met ? "在目标区间内，得满分" : "超出目标区间，按偏离程度扣分";
                break;
            default:
                met = a == t;
                expected = met ? weight : t == 0 ? 0m : weight * Math.Min(a, t) / Math.Max(a, t);
                reason = met ? "等于目标值，得满分" : "不等于目标值，按比例得分";
                break;
        }

        expected = Rounding.HalfUp(Math.Min(weight, expected), 2);
        return new ScoreExpectation(expected, expected, expected, met, reason);
    }
}
