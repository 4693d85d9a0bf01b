using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.Documents.Evaluations;

/// <summary>
/// A self-evaluation table laid out as the national form prints it (绩效自评表): a title, the header lines, the funds
/// block, the objectives, and the indicator grid whose 一级/二级 cells span the rows they head. HTML and DOCX are both
/// written from this one layout, so the two cannot drift apart.
/// </summary>
public sealed record EvaluationForm(string Title, string Subtitle, IReadOnlyList<(string Label, string Value)> Header,
    IReadOnlyList<string[]> Funds, string? Planned, string? Achieved, IReadOnlyList<FormRow> Indicators, string Total, string? Grade)
{
    /// <summary>The column headers of the funds block.</summary>
    public static readonly string[] FundsHeader = ["资金来源", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"];

    /// <summary>The column headers of the indicator grid.</summary>
    public static readonly string[] IndicatorHeader = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

    /// <summary>The form of one evaluation.</summary>
    public static EvaluationForm Of(DepartmentYear year, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(evaluation);
        var department = evaluation.Kind == EvaluationKind.Department;
        var unit = evaluation.Funds.Select(f => f.Executed ?? f.FullYearBudget).OfType<Amount>().FirstOrDefault().Unit;
        var funds = evaluation.Funds.Select((f, i) => new[]
        {
            f.Source == "合计" ? "年度资金总额" : "其中：" + f.Source, Money(f.InitialBudget), Money(f.FullYearBudget), Money(f.Executed),
            i == 0 ? evaluation.ExecutionWeight?.ToString() ?? "10" : "—", i == 0 && evaluation.ExecutionRatePercent is { } r ? r + "%" : "—",
            i == 0 ? evaluation.ExecutionScore?.ToString() ?? string.Empty : "—",
        }).ToArray();
        return new EvaluationForm(
            department ? $"{evaluation.Name}部门整体支出绩效自评表" : $"{evaluation.Name}项目支出绩效自评表",
            $"（{year.Year}年度）　金额单位：{unit.Name()}",
            department
                ? [("部门名称", evaluation.Unit ?? evaluation.Name)]
                : [("项目名称", evaluation.Name), ("主管部门", year.Department.Name), ("实施单位", evaluation.Unit ?? year.Department.Name)],
            funds,
            evaluation.PlannedObjectives,
            evaluation.AchievedObjectives,
            Rows(evaluation.Indicators),
            evaluation.TotalScore?.ToString() ?? string.Empty,
            evaluation.Grade);
    }

    private static string Money(Amount? amount) => amount?.ToDisplayString() ?? string.Empty;

    // One row per indicator; a 一级 or 二级 cell spans the following rows that repeat it.
    private static List<FormRow> Rows(IReadOnlyList<Indicator> indicators)
    {
        var rows = new List<FormRow>();
        for (var i = 0; i < indicators.Count; i++)
        {
            var x = indicators[i];
            var span1 = i > 0 && indicators[i - 1].Level1 == x.Level1 ? 0 : indicators.Skip(i).TakeWhile(y => y.Level1 == x.Level1).Count();
            var span2 = i > 0 && indicators[i - 1].Level1 == x.Level1 && indicators[i - 1].Level2 == x.Level2 ? 0
                : indicators.Skip(i).TakeWhile(y => y.Level1 == x.Level1 && y.Level2 == x.Level2).Count();
            rows.Add(new FormRow(x.Level1, span1, x.Level2 ?? string.Empty, span2,
                [x.Level3, x.Target ?? string.Empty, x.Actual ?? string.Empty, x.Weight?.ToString() ?? string.Empty, x.Score?.ToString() ?? string.Empty, x.DeviationReason ?? string.Empty]));
        }

        return rows;
    }
}

/// <summary>One indicator row: its level cells with their spans (0 = covered by the row above) and the other cells.</summary>
/// <param name="Level1">一级指标.</param>
/// <param name="Span1">Rows the 一级 cell spans; 0 when covered.</param>
/// <param name="Level2">二级指标.</param>
/// <param name="Span2">Rows the 二级 cell spans; 0 when covered.</param>
/// <param name="Cells">三级指标, 指标值, 实际值, 分值, 得分, 偏差原因.</param>
public sealed record FormRow(string Level1, int Span1, string Level2, int Span2, string[] Cells);
