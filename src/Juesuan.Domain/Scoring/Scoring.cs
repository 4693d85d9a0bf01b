using System.Globalization;
using System.Text.Json.Serialization;
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
        // The same few short texts (「≥95%」, 「100%」, 「≤20%」) are read by several rules of every audit and in every report
        // of a batch: each is parsed once. Only short texts are kept (a qualitative 实际完成值 can be a sentence, and a
        // long-running workbench reads untrusted uploads), and at most ParsedCap of them. The values are immutable.
        text ??= string.Empty;
        if (text.Length > ParsedLength)
        {
            return ParseText(text);
        }

        if (Parsed.TryGetValue(text, out var known))
        {
            return known;
        }

        var parsed = ParseText(text);
        if (Volatile.Read(ref _parsedCount) < ParsedCap && Parsed.TryAdd(text, parsed))
        {
            Interlocked.Increment(ref _parsedCount);
        }

        return parsed;
    }

    private const int ParsedLength = 32;

    private const int ParsedCap = 16_384;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TargetValue> Parsed = new(StringComparer.Ordinal);

    private static int _parsedCount;

    private static TargetValue ParseText(string text)
    {
        // Full-width comparators (「＝100%」, 「＞90%」) as Sichuan's 指标性质 column prints them.
        var t = Numbers.Printed.NormalizeDigits(text.Trim()).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace('＝', '=').Replace('＞', '>').Replace('＜', '<');
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

/// <summary>Qualitative tiers as fractions of the weight: achieved from <paramref name="Achieved"/>, partly from <paramref name="Partly"/>.</summary>
/// <param name="Achieved">Lower bound of 达成 (0.8).</param>
/// <param name="Partly">Lower bound of 部分达成 (0.6).</param>
public sealed record TierBands(decimal Achieved, decimal Partly);

/// <summary>
/// 偏离度扣分: a ≥ indicator whose actual reaches <paramref name="Above"/> × target suggests a target set too low; its
/// score may be cut by up to <paramref name="MaxCut"/> of the weight.
/// </summary>
/// <param name="Above">Actual ÷ target from which the cut applies (1.5 = 50 % above).</param>
/// <param name="MaxCut">The largest cut, as a fraction of the weight.</param>
public sealed record OverachievementCut(decimal Above, decimal MaxCut);

/// <summary>
/// 评分规则: the weights, qualitative tiers, grade bands, deviation rules a province applies (财预〔2020〕10号 by
/// default). Configuration, not code: the rule sets are data (Scoring/scoring-rules.json, embedded), and a user's own
/// file of the same shape can be loaded with <see cref="Load"/>.
/// </summary>
public sealed record ScoringRules
{
    private static readonly Lazy<IReadOnlyList<ScoringRules>> Embedded = new(() =>
    {
        using var stream = typeof(ScoringRules).Assembly.GetManifestResourceStream("Juesuan.Scoring.scoring-rules.json")
            ?? throw new InvalidOperationException("Missing resource scoring-rules.json");
        return Load(stream);
    });

    /// <summary>Stable id ("national", "shanghai", …).</summary>
    [JsonInclude]
    public string Id { get; internal set; } = "custom";

    /// <summary>The name of the rule set.</summary>
    public required string Name { get; init; }

    /// <summary>Provinces applying it (prefixes: 上海, 广西); empty for the national default.</summary>
    [JsonInclude]
    public IReadOnlyList<string> Provinces { get; internal set; } = [];

    /// <summary>Grade bands, highest first.</summary>
    public required IReadOnlyList<GradeBand> Grades { get; init; }

    /// <summary>Qualitative tiers as fractions of the weight.</summary>
    [JsonInclude]
    public TierBands Tiers { get; internal set; } = new(0.8m, 0.6m);

    /// <summary>The weight of the execution rate (预算执行率, 10).</summary>
    [JsonInclude]
    public decimal ExecutionWeight { get; internal set; } = 10m;

    /// <summary>The weight of each 一级指标 (产出 50, 效益 30, 满意度 10), where the form uses those categories.</summary>
    [JsonInclude]
    public IReadOnlyDictionary<string, decimal> CategoryWeights { get; internal set; } = new Dictionary<string, decimal>();

    /// <summary>Actual ÷ target at or above which a deviation reason is required even though the target is met (Guangxi 1.3); null where not required.</summary>
    public decimal? DeviationReasonAbove { get; init; }

    /// <summary>The 偏离度 cut for a target set far too low; null where none applies.</summary>
    public OverachievementCut? Overachievement { get; init; }

    /// <summary>A remark on where the rule set comes from or how it differs.</summary>
    public string? Note { get; init; }

    /// <summary>Every embedded rule set.</summary>
    public static IReadOnlyList<ScoringRules> All => Embedded.Value;

    /// <summary>National: 优 ≥ 90, 良 80–89, 中 60–79, 差 &lt; 60.</summary>
    public static ScoringRules National => All.First(r => r.Id == "national");

    /// <summary>Shanghai: 优/良/合格/不合格.</summary>
    public static ScoringRules Shanghai => All.First(r => r.Id == "shanghai");

    /// <summary>Guangxi: 一等–四等, and a deviation reason from 130 % of the target.</summary>
    public static ScoringRules Guangxi => All.First(r => r.Id == "guangxi");

    /// <summary>The rules for a province (national when the province has none of its own).</summary>
    public static ScoringRules ForProvince(string? province) =>
        All.FirstOrDefault(r => province is not null && r.Provinces.Any(p => province.StartsWith(p, StringComparison.Ordinal))) ?? National;

    /// <summary>Reads rule sets from JSON (the shape of the embedded file: {"ruleSets": [...]}); throws <see cref="InvalidDataException"/> with the reason when malformed.</summary>
    public static IReadOnlyList<ScoringRules> Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        RulesFile? file;
        try
        {
            file = System.Text.Json.JsonSerializer.Deserialize(json, Catalogs.CatalogText.Metadata<RulesFile>());
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"评分规则文件不是有效的 JSON 或字段不合格式（第 {(e.LineNumber ?? 0) + 1} 行）。", e);
        }

        var sets = file?.RuleSets ?? throw new InvalidDataException("评分规则文件中没有 ruleSets。");
        if (sets.Count == 0)
        {
            // An empty list would silently fall back to the built-in rules: the user meant some rules.
            throw new InvalidDataException("评分规则文件的 ruleSets 是空的：至少要有一套规则。");
        }

        for (var i = 0; i < sets.Count; i++)
        {
            var set = sets[i];
            if (set is null || set.Name is null || set.Grades is null || set.Provinces is null || set.Grades.Any(g => g is null) || set.Provinces.Any(p => p is null))
            {
                throw new InvalidDataException($"评分规则文件的第 {i + 1} 套规则不完整（有空的规则、名称、等级或省份）。");
            }
        }

        foreach (var set in sets)
        {
            if (set.Grades.Count == 0 || set.Grades.Zip(set.Grades.Skip(1)).Any(p => p.First.From <= p.Second.From))
            {
                throw new InvalidDataException($"评分规则「{set.Name}」的等级须从高到低排列且至少一个。");
            }
        }

        return sets;
    }

    /// <summary>The grade a total earns.</summary>
    public string Grade(decimal total) => Grades.First(g => total >= g.From || g == Grades[^1]).Name;

    internal sealed record RulesFile(IReadOnlyList<ScoringRules> RuleSets);
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
    /// <summary>
    /// A printed score as an estimate. Scores are given to two decimals at most (rounded half up), so a printed 「9」 is
    /// 9.00 — not anything in [8.5, 9.5): read as rounded, twelve integer scores would absorb a gap of 6.
    /// </summary>
    public static Estimate Score(Printed printed) => new Printed(printed.Value, Math.Max(printed.Decimals, 2)).ToEstimate();

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
        var isCost = NamesCost(indicator.Level1, indicator.Level2);
        var comparator = target.Comparator == Comparator.Bare ? (isCost ? Comparator.AtMost : Comparator.AtLeast) : target.Comparator;
        switch (comparator)
        {
            case Comparator.AtLeast or Comparator.Above:
                met = comparator == Comparator.AtLeast ? a >= t : a > t;
                if (met && t > 0 && rules.Overachievement is { } cut && a / t >= cut.Above)
                {
                    // A target set far too low: full marks, or a cut of up to MaxCut for the deviation.
                    return new ScoreExpectation(null, Rounding.HalfUp(weight * (1m - cut.MaxCut), 2), weight, true,
                        $"实际 {a} 达到目标 {t} 的 {a / t:P0}，目标可能设置偏低：可按偏离度扣分，得分应在分值的 {1m - cut.MaxCut:P0}–100% 之间");
                }

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

    /// <summary>
    /// True when the indicator's first- and second-level names, read as one, say 成本 (a cost indicator, lower is better) —
    /// read in place: the audit asks it of every indicator.
    /// </summary>
    internal static bool NamesCost(string? level1, string? level2)
    {
        const string cost = "成本";
        var first = level1.AsSpan();
        var second = level2.AsSpan();
        return first.Contains(cost, StringComparison.Ordinal) || second.Contains(cost, StringComparison.Ordinal)
            || (first.EndsWith(cost.AsSpan(0, 1), StringComparison.Ordinal) && second.StartsWith(cost.AsSpan(1), StringComparison.Ordinal));
    }
}
