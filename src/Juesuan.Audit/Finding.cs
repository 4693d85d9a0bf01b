namespace Juesuan.Audit;

/// <summary>How serious a finding is (严重程度).</summary>
public enum Severity
{
    /// <summary>提示: rounding differences, remarks, rules that could not run.</summary>
    Info,

    /// <summary>警告: likely wrong, or legitimately different bases.</summary>
    Warning,

    /// <summary>错误: a relation that cannot hold, whatever rounding did.</summary>
    Error,
}

/// <summary>What kind of result a finding is.</summary>
public enum FindingKind
{
    /// <summary>A relation that does not hold, or a requirement not met.</summary>
    Violation,

    /// <summary>A difference that rounding explains (尾差): reported quietly, never as an error.</summary>
    Rounding,

    /// <summary>The rule could not check (missing table, zero denominator, …): not the same as "no problem".</summary>
    NotChecked,

    /// <summary>The rule itself failed (执行出错): the audit is incomplete and must not read as a pass.</summary>
    Failed,
}

/// <summary>One figure involved in a finding: its value as printed and where it is.</summary>
/// <param name="Value">The value as printed ("137.7", "154.78元").</param>
/// <param name="Location">Where it is stated.</param>
/// <param name="Role">What it is in the relation (合计, 分项, 叙述 …).</param>
public sealed record FindingFigure(string Value, string Location, string? Role = null);

/// <summary>
/// 审核发现: what a rule found, where, by how much and — where figures disagree — which one is most likely wrong.
/// Findings are data; rules never throw for bad input.
/// </summary>
public sealed record Finding
{
    /// <summary>The rule id (T03.ROW_SUM, X05_06.BASIC, N.SHARE …).</summary>
    public required string Rule { get; init; }

    /// <summary>Severity.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Violation, rounding or not checked.</summary>
    public FindingKind Kind { get; init; } = FindingKind.Violation;

    /// <summary>The message, in Chinese, for a finance officer.</summary>
    public required string Message { get; init; }

    /// <summary>Where (the main figure's location).</summary>
    public required string Location { get; init; }

    /// <summary>The table definition the finding belongs to, for grouping (null for narrative and document-wide).</summary>
    public string? Table { get; init; }

    /// <summary>The expected value and its interval ("526.05 [526.04, 526.06]").</summary>
    public string? Expected { get; init; }

    /// <summary>The value found as printed.</summary>
    public string? Actual { get; init; }

    /// <summary>Found − expected (point values), and for inconsistencies the smallest discrepancy.</summary>
    public string? Difference { get; init; }

    /// <summary>Every figure involved.</summary>
    public IReadOnlyList<FindingFigure> Figures { get; init; } = [];

    /// <summary>Which figure is most likely wrong and why (归因), when the rule can tell.</summary>
    public string? LikelyWrong { get; init; }
}
