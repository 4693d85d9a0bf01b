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

    /// <summary>The form as a grid of 8 columns, for the disclosure's HTML and DOCX writers.</summary>
    public Disclosure.Grid ToGrid()
    {
        static Disclosure.GridCell Head(string text, int span = 1) => new(text, span, Align: Disclosure.CellAlign.Center, Bold: true);
        static Disclosure.GridCell Cell(string text, int span = 1, bool right = false) => new(text, span, Align: right ? Disclosure.CellAlign.Right : Disclosure.CellAlign.Left);
        var body = new List<IReadOnlyList<Disclosure.GridCell>>();
        body.AddRange(Header.Select(h => (IReadOnlyList<Disclosure.GridCell>)[Head(h.Label), Cell(h.Value, 7)]));
        body.Add(FundsHeader.Select((h, i) => Head(h, i == 0 ? 2 : 1)).ToArray());
        body.AddRange(Funds.Select(f => (IReadOnlyList<Disclosure.GridCell>)f.Select((c, i) => Cell(c, i == 0 ? 2 : 1, right: i > 0)).ToArray()));
        if (Planned is not null || Achieved is not null)
        {
            body.Add([Head("预期目标", 4), Head("实际完成情况", 4)]);
            body.Add([Cell(Planned ?? string.Empty, 4), Cell(Achieved ?? string.Empty, 4)]);
        }

        body.Add(IndicatorHeader.Select(h => Head(h)).ToArray());
        foreach (var row in Indicators)
        {
            var cells = new List<Disclosure.GridCell>();
            if (row.Span1 > 0)
            {
                cells.Add(new(row.Level1, RowSpan: row.Span1, Align: Disclosure.CellAlign.Center));
            }

            if (row.Span2 > 0)
            {
                cells.Add(new(row.Level2, RowSpan: row.Span2, Align: Disclosure.CellAlign.Center));
            }

            cells.AddRange(row.Cells.Select((c, i) => Cell(c, right: i is 3 or 4)));
            body.Add(cells);
        }

        body.Add([Head("总分", 5), Cell("100", right: true), Cell(Total, right: true), Cell(Grade is null ? string.Empty : "评价等级：" + Grade)]);
        return new Disclosure.Grid { Title = Title, RightCaption = Subtitle, Columns = 8, Widths = [10, 10, 18, 12, 12, 7, 7, 24], Body = body };
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
