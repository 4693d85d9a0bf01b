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
    /// <summary>The signature lines under a self-evaluation form (the 填报人 and the responsible officers sign the printed form).</summary>
    public const string SignatureLine = "单位负责人：＿＿＿＿　财务负责人：＿＿＿＿　填报人：＿＿＿＿　联系电话：＿＿＿＿＿";

    /// <summary>One form as blocks of a document: its grid, then the lines its signers sign on.</summary>
    internal static IEnumerable<Disclosure.Block> Blocks(Disclosure.Grid grid) => [new Disclosure.GridBlock(grid), new Disclosure.FormFooterBlock(SignatureLine)];

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
            i == 0 ? evaluation.ExecutionWeight?.ToString() ?? "10" : "—", (i == 0 ? evaluation.ExecutionRatePercent : f.RatePercent) is { } r ? r + "%" : "—",
            i == 0 ? evaluation.ExecutionScore?.ToString() ?? string.Empty : "—",
        }).ToArray();
        return new EvaluationForm(
            TitleOf(evaluation),
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

    /// <summary>The name of an evaluation's form as the disclosure lists it: 「X部门整体支出绩效自评表」 or 「X项目支出绩效自评表」.</summary>
    public static string TitleOf(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Kind == EvaluationKind.Department ? $"{evaluation.Name}部门整体支出绩效自评表" : $"{evaluation.Name}项目支出绩效自评表";
    }

    /// <summary>
    /// The form of one evaluation in the layout of the department-year's province: Sichuan's 部门预算项目支出绩效自评表
    /// (年初预算 / 调整后预算数 / 预算执行数, 指标性质 and 度量单位 columns, 合计, 评价结论) for its project tables; the
    /// national grid otherwise (Henan, Shaanxi, Gansu and Shanghai print it).
    /// </summary>
    public static Disclosure.Grid GridFor(DepartmentYear year, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(evaluation);
        return year.TemplateId.StartsWith("sichuan", StringComparison.Ordinal) && evaluation.Kind == EvaluationKind.Project
            ? Sichuan(year, evaluation)
            : Of(year, evaluation).ToGrid();
    }

    private static Disclosure.Grid Sichuan(DepartmentYear year, Evaluation evaluation)
    {
        static Disclosure.GridCell Head(string text, int span = 1, int rows = 1) => new(text, span, rows, Disclosure.CellAlign.Center, Bold: true);
        static Disclosure.GridCell Cell(string text, int span = 1, bool right = false) => new(text, span, Align: right ? Disclosure.CellAlign.Right : Disclosure.CellAlign.Left);
        const int columns = 10;
        List<IReadOnlyList<Disclosure.GridCell>> body =
        [
            [Head("项目名称", 2), Cell(evaluation.Name, 8)],
            [Head("主管部门", 2), Cell(year.Department.Name, 3), Head("实施单位", 2), Cell(evaluation.Unit ?? year.Department.Name, 3)],
            [Head("项目年度目标", 5), Head("年度目标完成情况", 5)],
            [Cell(evaluation.PlannedObjectives ?? string.Empty, 5), Cell(evaluation.AchievedObjectives ?? string.Empty, 5)],
            [Head($"预算执行情况（{evaluation.ExecutionWeight?.ToString() ?? "10"}分）", 2), Head("年初预算", 2), Head("调整后预算数", 2), Head("预算执行数"), Head("预算执行率", 2), Head("得分")],
        ];
        foreach (var (funds, i) in evaluation.Funds.Select((f, i) => (f, i)))
        {
            var rate = funds.FullYearBudget is { Value: > 0 } a && funds.Executed is { } b ? Rounding.HalfUp(b.Value / a.Value * 100m, 2).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%" : "/";
            body.Add([Cell(funds.Source == "合计" ? "总额" : "其中：" + funds.Source, 2), Cell(Money(funds.InitialBudget), 2, true), Cell(Money(funds.FullYearBudget), 2, true),
                Cell(Money(funds.Executed), right: true), Cell(i == 0 && evaluation.ExecutionRatePercent is { } r ? r + "%" : rate, 2, true),
                Cell(i == 0 ? evaluation.ExecutionScore?.ToString() ?? string.Empty : "/", right: true)]);
        }

        body.Add([Head("一级指标"), Head("二级指标"), Head("三级指标"), Head("指标性质"), Head("指标值"), Head("度量单位"), Head("完成值"), Head("权重"), Head("得分"), Head("未完成原因分析")]);
        foreach (var indicator in evaluation.Indicators)
        {
            var target = Domain.Scoring.TargetValue.Parse(indicator.Target);
            var actual = Domain.Scoring.TargetValue.Parse(indicator.Actual);
            var nature = target.Comparator switch
            {
                Domain.Scoring.Comparator.AtLeast => "≥",
                Domain.Scoring.Comparator.Above => ">",
                Domain.Scoring.Comparator.AtMost => "≤",
                Domain.Scoring.Comparator.Below => "<",
                Domain.Scoring.Comparator.Equal or Domain.Scoring.Comparator.Bare => "=",
                Domain.Scoring.Comparator.Range => "区间",
                _ => "定性",
            };
            var quantitative = target.Comparator != Domain.Scoring.Comparator.Qualitative;
            string Number(decimal? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            body.Add([Cell(indicator.Level1), Cell(indicator.Level2 ?? string.Empty), Cell(indicator.Level3), Cell(nature),
                Cell(quantitative ? (target.Comparator == Domain.Scoring.Comparator.Range ? $"{Number(target.Lower)}-{Number(target.Value)}" : Number(target.Value)) : indicator.Target ?? string.Empty, right: quantitative),
                Cell(quantitative ? target.Unit : string.Empty),
                Cell(quantitative && actual.Comparator != Domain.Scoring.Comparator.Qualitative && actual.Unit == target.Unit ? Number(actual.Value) : indicator.Actual ?? string.Empty, right: quantitative),
                Cell(indicator.Weight?.ToString() ?? string.Empty, right: true), Cell(indicator.Score?.ToString() ?? string.Empty, right: true), Cell(Deviation(indicator))]);
        }

        body.Add([Head("合计", 7), Cell(evaluation.TotalWeight?.ToString() ?? "100", right: true), Cell(evaluation.TotalScore?.ToString() ?? string.Empty, right: true), Cell(string.Empty)]);
        body.Add([Head("评价结论", 2), Cell(evaluation.Conclusion ?? $"项目自评得分 {evaluation.TotalScore} 分" + (evaluation.Grade is null ? "。" : $"，等级为{evaluation.Grade}。"), 8)]);
        body.Add([Head("存在问题", 2), Cell(evaluation.Problems ?? "无", 8)]);
        body.Add([Head("改进措施", 2), Cell(evaluation.Measures ?? "无", 8)]);
        return new Disclosure.Grid
        {
            Title = "部门预算项目支出绩效自评表",
            RightCaption = $"（{year.Year}年度）",
            Columns = columns,
            Widths = [9, 10, 16, 6, 8, 6, 8, 6, 6, 15],
            Body = body,
        };
    }

    private static string Money(Amount? amount) => amount?.ToDisplayString() ?? string.Empty;

    // The 偏差 cell: the form's 偏差率 where it has one, then the reason (「41.80% 因疫情原因，未能及时进行支付」).
    private static string Deviation(Indicator indicator) =>
        string.Join(" ", new[] { indicator.DeviationPercent is { } p ? p + "%" : null, indicator.DeviationReason }.Where(x => !string.IsNullOrEmpty(x)));

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
                [x.Level3, x.Target ?? string.Empty, x.Actual ?? string.Empty, x.Weight?.ToString() ?? string.Empty, x.Score?.ToString() ?? string.Empty, Deviation(x)]));
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
