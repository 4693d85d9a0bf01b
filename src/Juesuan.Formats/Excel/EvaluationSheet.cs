using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.Formats.Excel;

/// <summary>
/// One self-evaluation form (绩效自评表) as a sheet of the 填报模板 (issue 16): the form's items one a row (项目 | 内容),
/// then its funds, tasks and indicators each under a header row, as the printed form lists them. Amounts are in 万元 as
/// printed (「287.00」), or name their unit (「3200.00元」); scores, weights and rates as printed. A clerk fills it like the
/// paper form; a workbook round trip keeps every stated figure.
/// </summary>
internal static class EvaluationSheet
{
    /// <summary>The prefix of the sheets' names: 「绩效1 职工体检费」.</summary>
    public const string Prefix = "绩效";

    private const string KindItem = "自评表";
    private const string ProjectForm = "项目支出绩效自评表";
    private const string DepartmentForm = "部门整体支出绩效自评表";

    private static readonly string[] FundsHeader = ["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率（%）"];
    private static readonly string[] TasksHeader = ["任务名称", "主要内容", "完成情况", "全年预算数", "全年执行数"];
    private static readonly string[] IndicatorsHeader = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差（%）", "偏差原因"];

    private sealed record Item(string Name, Func<Evaluation, string?> Get, Func<Evaluation, string, Evaluation?> Set);

    private static Item Text(string name, Func<Evaluation, string?> get, Func<Evaluation, string, Evaluation> set) => new(name, get, (e, v) => set(e, v));

    private static Item Figure(string name, Func<Evaluation, Printed?> get, Func<Evaluation, Printed, Evaluation> set) =>
        new(name, e => get(e)?.ToString(), (e, v) => Printed.Parse(v) is { Success: true } p ? set(e, p.Value) : null);

    private static readonly Item[] Items =
    [
        Text("名称", e => e.Name, (e, v) => e with { Name = v }),
        Text("实施单位", e => e.Unit, (e, v) => e with { Unit = v }),
        Text("功能分类科目编码", e => e.FunctionCode, (e, v) => e with { FunctionCode = v }),
        Text("指标体系", e => e.Framework, (e, v) => e with { Framework = v }),
        Figure("执行率（%）", e => e.ExecutionRatePercent, (e, v) => e with { ExecutionRatePercent = v }),
        Figure("执行率分值", e => e.ExecutionWeight, (e, v) => e with { ExecutionWeight = v }),
        Figure("执行率得分", e => e.ExecutionScore, (e, v) => e with { ExecutionScore = v }),
        Text("年度目标", e => e.PlannedObjectives, (e, v) => e with { PlannedObjectives = v }),
        Text("实际完成情况", e => e.AchievedObjectives, (e, v) => e with { AchievedObjectives = v }),
        Figure("总分值", e => e.TotalWeight, (e, v) => e with { TotalWeight = v }),
        Figure("总分", e => e.TotalScore, (e, v) => e with { TotalScore = v }),
        Text("等级", e => e.Grade, (e, v) => e with { Grade = v }),
        Text("结论", e => e.Conclusion, (e, v) => e with { Conclusion = v }),
        Text("存在问题", e => e.Problems, (e, v) => e with { Problems = v }),
        Text("改进措施", e => e.Measures, (e, v) => e with { Measures = v }),
        new("指标未读全", e => e.IncompleteIndicators ? "是" : null, (e, v) => v == "是" ? e with { IncompleteIndicators = true } : null),
    ];

    /// <summary>The sheet's name for the form at <paramref name="index"/> (1-based).</summary>
    public static string NameOf(int index, Evaluation evaluation) => $"{Prefix}{index} {evaluation.Name}";

    /// <summary>True when a sheet's name is a form's (「绩效1 …」).</summary>
    public static bool Is(string sheet) =>
        sheet.StartsWith(Prefix, StringComparison.Ordinal) && sheet.Length > Prefix.Length && char.IsAsciiDigit(sheet[Prefix.Length]);

    /// <summary>The sheet's rows.</summary>
    public static IEnumerable<string[]> Rows(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        yield return ["项目", "内容"];
        yield return [KindItem, evaluation.Kind == EvaluationKind.Department ? DepartmentForm : ProjectForm];
        foreach (var item in Items)
        {
            yield return [item.Name, item.Get(evaluation) ?? string.Empty];
        }

        yield return [];
        yield return FundsHeader;
        foreach (var f in evaluation.Funds)
        {
            yield return [f.Source, Money(f.InitialBudget), Money(f.FullYearBudget), Money(f.Executed), f.RatePercent?.ToString() ?? string.Empty];
        }

        yield return [];
        yield return TasksHeader;
        foreach (var t in evaluation.Tasks)
        {
            yield return [t.Name, t.Content ?? string.Empty, t.Completion ?? string.Empty, Money(t.Budget), Money(t.Executed)];
        }

        yield return [];
        yield return IndicatorsHeader;
        foreach (var i in evaluation.Indicators)
        {
            yield return [i.Level1, i.Level2 ?? string.Empty, i.Level3, i.Target ?? string.Empty, i.Actual ?? string.Empty,
                i.Weight?.ToString() ?? string.Empty, i.Score?.ToString() ?? string.Empty, i.DeviationPercent?.ToString() ?? string.Empty, i.DeviationReason ?? string.Empty];
        }
    }

    // 万元 as the printed figure; another unit names itself.
    private static string Money(Amount? amount) => amount is not { } a ? string.Empty : a.Unit == MoneyUnit.WanYuan ? a.Number.ToString() : a.ToString();

    /// <summary>
    /// The form a sheet's rows give, or null (with an issue) when it names no form. A figure that does not read is an
    /// issue naming its row, and the row's figure is left out.
    /// </summary>
    public static Evaluation? Read(string sheet, IReadOnlyList<Dictionary<int, string>> rows, string file, List<ImportIssue> issues)
    {
        string Cell(int row, int column) => rows[row].GetValueOrDefault(column, string.Empty).Trim();
        void Bad(int row, string what) =>
            issues.Add(new ImportIssue(new SourceLocation { File = file, Table = sheet, Line = row + 1 }, $"工作表「{sheet}」第 {row + 1} 行{what}，已跳过。"));
        Amount? MoneyAt(int row, int column, string what)
        {
            var text = Cell(row, column);
            if (text.Length == 0)
            {
                return null;
            }

            if (Amount.Parse(text, MoneyUnit.WanYuan) is { Success: true } a)
            {
                return a.Value;
            }

            Bad(row, $"的{what}「{text}」不是金额（写如 287.00，或连同单位写如 3200.00元）");
            return null;
        }

        Printed? FigureAt(int row, int column, string what)
        {
            var text = Cell(row, column).TrimEnd('%', '％');
            if (text.Length == 0)
            {
                return null;
            }

            if (Printed.Parse(text) is { Success: true } p)
            {
                return p.Value;
            }

            Bad(row, $"的{what}「{text}」不是数");
            return null;
        }

        var kind = Enumerable.Range(0, rows.Count).Where(r => Cell(r, 0) == KindItem).Select(r => Cell(r, 1)).FirstOrDefault();
        var name = Enumerable.Range(0, rows.Count).Where(r => Cell(r, 0) == "名称").Select(r => Cell(r, 1)).FirstOrDefault();
        // A form left as the blank template gave it (a name and every figure still to write) is not a form.
        bool Content(int r) => Cell(r, 0) is var first && first != KindItem && !IsHeader(first)
            && (Items.Any(i => i.Name == first) ? Cell(r, 1).Length > 0 : first.Length > 0 || Enumerable.Range(1, 8).Any(c => Cell(r, c).Length > 0));
        var filled = Enumerable.Range(1, Math.Max(0, rows.Count - 1)).Any(Content);
        if (string.IsNullOrEmpty(name) && !filled)
        {
            return null;
        }

        if (kind is not (ProjectForm or DepartmentForm) || string.IsNullOrEmpty(name))
        {
            issues.Add(new ImportIssue(new SourceLocation { File = file, Table = sheet }, $"工作表「{sheet}」没有写明「{KindItem}」（{ProjectForm}或{DepartmentForm}）和「名称」，不是绩效自评表，已跳过。"));
            return null;
        }

        var evaluation = new Evaluation { Kind = kind == DepartmentForm ? EvaluationKind.Department : EvaluationKind.Project, Name = name };
        var funds = new List<EvaluationFunds>();
        var tasks = new List<EvaluationTask>();
        var indicators = new List<Indicator>();
        string[]? block = null;
        for (var r = 1; r < rows.Count; r++)
        {
            var first = Cell(r, 0);
            if (first == FundsHeader[0] || first == TasksHeader[0] || first == IndicatorsHeader[0])
            {
                block = first == FundsHeader[0] ? FundsHeader : first == TasksHeader[0] ? TasksHeader : IndicatorsHeader;
                continue;
            }

            if (Enumerable.Range(0, 9).All(c => Cell(r, c).Length == 0))
            {
                continue;
            }

            if (block is null)
            {
                if (first == KindItem || first == "名称")
                {
                    continue;
                }

                var value = Cell(r, 1);
                if (Items.FirstOrDefault(i => i.Name == first) is not { } item)
                {
                    Bad(r, $"的「{first}」不是绩效自评表的项目");
                }
                else if (value.Length > 0)
                {
                    var set = item.Set(evaluation, value);
                    if (set is null)
                    {
                        Bad(r, $"「{first}」的「{value}」无法读取");
                    }
                    else
                    {
                        evaluation = set;
                    }
                }
            }
            else if (block == FundsHeader)
            {
                funds.Add(new EvaluationFunds
                {
                    Source = first, InitialBudget = MoneyAt(r, 1, "年初预算数"), FullYearBudget = MoneyAt(r, 2, "全年预算数"), Executed = MoneyAt(r, 3, "全年执行数"),
                    RatePercent = FigureAt(r, 4, "执行率"),
                });
            }
            else if (block == TasksHeader)
            {
                tasks.Add(new EvaluationTask
                {
                    Name = first, Content = Optional(Cell(r, 1)), Completion = Optional(Cell(r, 2)), Budget = MoneyAt(r, 3, "全年预算数"), Executed = MoneyAt(r, 4, "全年执行数"),
                });
            }
            else
            {
                indicators.Add(new Indicator
                {
                    Level1 = first, Level2 = Optional(Cell(r, 1)), Level3 = Cell(r, 2), Target = Optional(Cell(r, 3)), Actual = Optional(Cell(r, 4)),
                    Weight = FigureAt(r, 5, "分值"), Score = FigureAt(r, 6, "得分"), DeviationPercent = FigureAt(r, 7, "偏差"), DeviationReason = Optional(Cell(r, 8)),
                });
            }
        }

        return evaluation with { Funds = funds, Tasks = tasks, Indicators = indicators };
    }

    private static string? Optional(string text) => text.Length == 0 ? null : text;

    /// <summary>True for the first cell of a header row (项目, 资金来源, 任务名称, 一级指标).</summary>
    public static bool IsHeader(string first) => first == FundsHeader[0] || first == TasksHeader[0] || first == IndicatorsHeader[0] || first == "项目";

    /// <summary>The column widths (characters) the sheet is shown with.</summary>
    public static IReadOnlyList<double> Widths { get; } = [22, 40, 16, 14, 14, 8, 8, 10, 30];
}
