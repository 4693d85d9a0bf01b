using Juesuan.Domain.Numbers;

namespace Juesuan.Domain.Model;

/// <summary>A section of the narrative (情况说明) as printed.</summary>
public sealed record NarrativeSection
{
    /// <summary>一, 二, … as printed.</summary>
    public required string Number { get; init; }

    /// <summary>The heading as printed.</summary>
    public required string Title { get; init; }

    /// <summary>The template section key it matches, when known.</summary>
    public string? Key { get; init; }

    /// <summary>The text.</summary>
    public string Text { get; init; } = string.Empty;
}

/// <summary>The direction a change or a comparison is worded in.</summary>
public enum Direction
{
    /// <summary>增加 / 增长 / 大于.</summary>
    Increase,

    /// <summary>减少 / 下降 / 小于.</summary>
    Decrease,

    /// <summary>持平 / 等于 / 无差异.</summary>
    Flat,
}

/// <summary>
/// One statement of the narrative about one subject (叙述声明): 「基本支出 131.48万元，占 94.81%」, or 「与上年相比增加
/// 43.10万元，增长 45.09%」, or 「年初预算 10.72万元，决算 9.97万元，完成年初预算的 92.97%」. Each part is optional;
/// parts present must agree with the tables (the audit checks that). Amounts carry their own unit so that a 元/万元
/// slip is visible.
/// </summary>
public sealed record Claim
{
    /// <summary>The subject: concept, code, scope (basis is actual for the amount).</summary>
    public required FactKey Subject { get; init; }

    /// <summary>The narrative section key or number it is in.</summary>
    public string? Section { get; init; }

    /// <summary>The stated amount (决算数).</summary>
    public Amount? Amount { get; init; }

    /// <summary>The stated share (占 x%), in percent.</summary>
    public Printed? SharePercent { get; init; }

    /// <summary>What the share is of (a concept key; the total of the section when absent).</summary>
    public FactKey? ShareOf { get; init; }

    /// <summary>The stated change against the prior year (增加/减少 X), always non-negative; see <see cref="ChangeDirection"/>.</summary>
    public Amount? Change { get; init; }

    /// <summary>The stated change in percent (增长/下降 Y%), non-negative.</summary>
    public Printed? ChangePercent { get; init; }

    /// <summary>The direction word of the change.</summary>
    public Direction? ChangeDirection { get; init; }

    /// <summary>The direction word of the change in percent (增长/下降), when the sentence gives one of its own.</summary>
    public Direction? ChangePercentDirection { get; init; }

    /// <summary>The stated budget (年初预算数 or 全年预算数).</summary>
    public Amount? Budget { get; init; }

    /// <summary>
    /// Which budget: <see cref="Bases.Budget"/> or <see cref="Bases.FullYearBudget"/> — of <see cref="Budget"/>, or, without
    /// one, of the completion rate (「完成全年预算的 0.00%」 names its budget though it prints none).
    /// </summary>
    public string? BudgetBasis { get; init; }

    /// <summary>The stated completion rate (完成年初预算的 Z%).</summary>
    public Printed? CompletionPercent { get; init; }

    /// <summary>The comparison word between actual and budget (大于/小于/等于).</summary>
    public Direction? BudgetComparison { get; init; }

    /// <summary>The stated gap between actual and budget (「决算数较预算数减少 0.28 万元」), non-negative; see <see cref="BudgetDifferenceDirection"/>.</summary>
    public Amount? BudgetDifference { get; init; }

    /// <summary>The direction word of <see cref="BudgetDifference"/> (增加/超支 or 减少/节约).</summary>
    public Direction? BudgetDifferenceDirection { get; init; }

    /// <summary>A stated count (团组、人次、辆、台).</summary>
    public Printed? Count { get; init; }

    /// <summary>The unit of the count (个, 人次, 辆, 台（套）).</summary>
    public string? CountUnit { get; init; }

    /// <summary>A rate or degree the subject names, in percent (参保率 98%、满意度 95%).</summary>
    public Printed? RatePercent { get; init; }

    /// <summary>True when <see cref="RatePercent"/> is a bound or a goal (95%以上, 确保…达 100%), not a value reached.</summary>
    public bool? RateIsBound { get; init; }

    /// <summary>The whole this claim is a part of, in a breakdown that follows the whole's statement (「其中…」, 「（基本…，大病…）」).</summary>
    public FactKey? PartOf { get; init; }

    /// <summary>True when the breakdown lists every part of the whole (a parenthesis), so the parts must add up to it.</summary>
    public bool? PartsComplete { get; init; }

    /// <summary>The reason given (主要原因是…).</summary>
    public string? Reason { get; init; }

    /// <summary>The sentence as printed.</summary>
    public string? Sentence { get; init; }

    /// <summary>Where it was read.</summary>
    public SourceLocation? Source { get; init; }
}

/// <summary>The narrative: its sections as printed and the claims read from them.</summary>
public sealed record Narrative
{
    /// <summary>Sections in printed order.</summary>
    public IReadOnlyList<NarrativeSection> Sections { get; init; } = [];

    /// <summary>Claims in printed order.</summary>
    public IReadOnlyList<Claim> Claims { get; init; } = [];

    /// <summary>Numbers the reader could not attach to a claim, kept so nothing is silently lost.</summary>
    public IReadOnlyList<string> UnattachedFigures { get; init; } = [];

    /// <summary>
    /// How many figures the printed prose outside the sections holds (正文 the clause grammar read: 部门概况, an appended
    /// report…), so the share of figures attached counts them as it counts the sections'.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int ProseFigures { get; init; }

    /// <summary>
    /// The printed heading of the section a claim names by key or number (「六、一般公共预算财政拨款基本支出决算情况说明」),
    /// or the name itself when no section matches.
    /// </summary>
    public string? SectionName(string? section)
    {
        if (section is null)
        {
            return null;
        }

        return SectionOf(section) is { } found ? $"{found.Number}、{found.Title}" : section;
    }

    /// <summary>Where a claim is, for messages: its own source, or 情况说明 + section + sentence.</summary>
    public SourceLocation LocationOf(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Source is { } source)
        {
            return source;
        }

        // 「情况说明 」 and the section's name made as one string: rules locate claims by the dozen an audit.
        var section = claim.Section is null ? "情况说明 "
            : SectionOf(claim.Section) is { } found ? string.Concat("情况说明 ", found.Number, "、", found.Title)
            : "情况说明 " + claim.Section;
        return new SourceLocation { Section = section, Sentence = claim.Sentence };
    }

    // The section named by key or number, the first that is (a loop, no closure).
    private NarrativeSection? SectionOf(string section)
    {
        for (var i = 0; i < Sections.Count; i++)
        {
            if (Sections[i].Key == section || Sections[i].Number == section)
            {
                return Sections[i];
            }
        }

        return null;
    }
}

/// <summary>What a reason explains: the change against the prior year, or the difference from the budget.</summary>
public enum ExplanationTopic
{
    /// <summary>与上年相比增减的原因.</summary>
    Change,

    /// <summary>决算数与预算数差异的原因.</summary>
    Budget,
}

/// <summary>
/// 原因说明: the preparer's reason for a change or a budget deviation of one fact, e.g. (expense.total@2101501[gpb],
/// budget, 「人员增加导致工资福利支出增加」). The text is quoted after 「主要原因是」.
/// </summary>
public sealed record Explanation
{
    /// <summary>The fact explained (its basis is ignored).</summary>
    public required FactKey Subject { get; init; }

    /// <summary>Change or budget.</summary>
    public ExplanationTopic Topic { get; init; }

    /// <summary>The reason, without 「主要原因是」 and without the closing 。.</summary>
    public required string Text { get; init; }
}
