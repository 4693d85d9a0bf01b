using Juesuan.Domain.Numbers;

namespace Juesuan.Domain.Model;

/// <summary>Project (项目支出) or department-wide (部门整体支出) self-evaluation.</summary>
public enum EvaluationKind
{
    /// <summary>项目支出绩效自评表.</summary>
    Project,

    /// <summary>部门整体支出绩效自评表.</summary>
    Department,
}

/// <summary>One funding line of the funds block (资金来源): 年初预算, 全年预算 (A), 全年执行 (B).</summary>
public sealed record EvaluationFunds
{
    /// <summary>资金来源 (财政拨款, 其他资金, 合计 …).</summary>
    public required string Source { get; init; }

    /// <summary>年初预算数.</summary>
    public Amount? InitialBudget { get; init; }

    /// <summary>全年预算数 (A).</summary>
    public Amount? FullYearBudget { get; init; }

    /// <summary>全年执行数 (B).</summary>
    public Amount? Executed { get; init; }

    /// <summary>执行率 (B/A) as this line prints it, in percent; 「其中」 lines print their own.</summary>
    public Printed? RatePercent { get; init; }
}

/// <summary>A performance indicator (绩效指标): levels, comparator, target, actual, weight, score, deviation reason.</summary>
public sealed record Indicator
{
    /// <summary>一级指标 (产出/效益/满意度…).</summary>
    public required string Level1 { get; init; }

    /// <summary>二级指标 (数量/质量/时效/成本…).</summary>
    public string? Level2 { get; init; }

    /// <summary>三级指标 (free text).</summary>
    public required string Level3 { get; init; }

    /// <summary>The target as printed (「≥95%」, 「明显提高」).</summary>
    public string? Target { get; init; }

    /// <summary>The actual as printed.</summary>
    public string? Actual { get; init; }

    /// <summary>分值 (weight).</summary>
    public Printed? Weight { get; init; }

    /// <summary>得分 (score).</summary>
    public Printed? Score { get; init; }

    /// <summary>偏差率 in percent, where the form has the column (Henan: (实际 − 目标) ÷ 目标, 0 when the target is met).</summary>
    public Printed? DeviationPercent { get; init; }

    /// <summary>偏差原因分析及改进措施.</summary>
    public string? DeviationReason { get; init; }

    /// <summary>Where it was read.</summary>
    public SourceLocation? Source { get; init; }
}

/// <summary>A task row of a department table (年度主要任务): name, content, amounts.</summary>
public sealed record EvaluationTask
{
    /// <summary>任务名称.</summary>
    public required string Name { get; init; }

    /// <summary>主要内容.</summary>
    public string? Content { get; init; }

    /// <summary>完成情况.</summary>
    public string? Completion { get; init; }

    /// <summary>全年预算数.</summary>
    public Amount? Budget { get; init; }

    /// <summary>全年执行数.</summary>
    public Amount? Executed { get; init; }
}

/// <summary>
/// A performance self-evaluation table (绩效自评表) as stated. Scoring and its audit come in their own issue; the model
/// keeps every stated figure so that they can be checked.
/// </summary>
public sealed record Evaluation
{
    /// <summary>Project or department.</summary>
    public required EvaluationKind Kind { get; init; }

    /// <summary>Project name, or the department name for a department table.</summary>
    public required string Name { get; init; }

    /// <summary>The unit that evaluated it.</summary>
    public string? Unit { get; init; }

    /// <summary>The functional code of the project, when known (links it to table 05).</summary>
    public string? FunctionCode { get; init; }

    /// <summary>Indicator framework (产出/效益/满意度, 投入管理/产出/效益, 部门管理/履职效果/能力建设).</summary>
    public string? Framework { get; init; }

    /// <summary>The funds block, one line per source; the first is the total.</summary>
    public IReadOnlyList<EvaluationFunds> Funds { get; init; } = [];

    /// <summary>The funds block's total line (its first), or null without a block (a method: not a field of the JSON).</summary>
    public EvaluationFunds? TotalFunds() => Funds.Count > 0 ? Funds[0] : null;

    /// <summary>执行率 as stated, in percent.</summary>
    public Printed? ExecutionRatePercent { get; init; }

    /// <summary>The weight of the execution rate (分值, usually 10).</summary>
    public Printed? ExecutionWeight { get; init; }

    /// <summary>The execution score as stated.</summary>
    public Printed? ExecutionScore { get; init; }

    /// <summary>Objectives: planned (预期目标).</summary>
    public string? PlannedObjectives { get; init; }

    /// <summary>Objectives: achieved (实际完成情况).</summary>
    public string? AchievedObjectives { get; init; }

    /// <summary>Tasks (department tables).</summary>
    public IReadOnlyList<EvaluationTask> Tasks { get; init; } = [];

    /// <summary>Indicators.</summary>
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    /// <summary>True when an importer could not read every indicator row (cells wrapped over lines), so sums over them are not checked.</summary>
    public bool IncompleteIndicators { get; init; }

    /// <summary>总分 as stated.</summary>
    public Printed? TotalScore { get; init; }

    /// <summary>The total weight of the form (100).</summary>
    public Printed? TotalWeight { get; init; }

    /// <summary>等级 as stated (优/良/中/差).</summary>
    public string? Grade { get; init; }

    /// <summary>结论.</summary>
    public string? Conclusion { get; init; }

    /// <summary>存在问题.</summary>
    public string? Problems { get; init; }

    /// <summary>改进措施.</summary>
    public string? Measures { get; init; }

    /// <summary>Where it was read.</summary>
    public SourceLocation? Source { get; init; }
}
