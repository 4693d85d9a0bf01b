using System.Text.RegularExpressions;
using Juesuan.Formats;
using Juesuan.Domain;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.Import.Text;

/// <summary>
/// Reads self-evaluation tables (绩效自评表) printed as tab-separated text (the 镇安 and 合水 layouts): the funds block
/// (年初预算, 全年预算 A, 全年执行 B, 分值, 执行率, 得分), department tasks, every indicator (levels carried down the
/// merged cells, target, actual, weight, score, deviation reason) and the 总分 row. Rows are read from their right end
/// — score, then weight (a whole number without %), then actual and target — because merged cells shift the left.
/// Space-separated layouts with wrapped cells (陇县, 渠县, 西工区) are not read yet and are reported.
/// </summary>
internal static partial class EvaluationReader
{
    public static IReadOnlyList<Evaluation> Read(IReadOnlyList<ReportLine> lines, string department, string file, List<ImportIssue> issues) =>
        Read(lines, department, file, issues, []);

    /// <summary>
    /// Reads the self-evaluation tables and adds the line spans they occupy (title to last row) to <paramref name="regions"/>,
    /// so the narrative around them does not take their cells for sentences.
    /// </summary>
    public static IReadOnlyList<Evaluation> Read(IReadOnlyList<ReportLine> lines, string department, string file, List<ImportIssue> issues, List<(int Start, int End)> regions)
    {
        var index = new Dictionary<ReportLine, int>(lines.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < lines.Count; i++)
        {
            index[lines[i]] = i;
        }

        var result = new List<Evaluation>();
        var titles = Enumerable.Range(0, lines.Count).Where(i => lines[i].Text.Contains("自评表", StringComparison.Ordinal) && !lines[i].Text.Contains('\t', StringComparison.Ordinal) && !ReportText.IsContentsEntry(lines[i].Text) && Title().IsMatch(lines[i].Text.Trim())).ToList();
        var isTitle = titles.ToHashSet();
        foreach (var start in titles)
        {
            var region = new List<ReportLine>();
            var sawTable = false;
            var end = Math.Min(titles.FirstOrDefault(t => t > start, lines.Count), start + 400);
            for (var i = start + 1; i < end && !isTitle.Contains(i); i++)
            {
                var line = lines[i];
                if (line.Text.Contains('\t', StringComparison.Ordinal))
                {
                    sawTable = true;
                    region.Add(line);
                }
                else if (sawTable && !line.IsBlank && !YearLine().IsMatch(line.Text.Trim()))
                {
                    break;
                }
            }

            if (!sawTable)
            {
                // Space-separated: the lines up to the next table or part (wrapped cells are read as far as they go).
                region = lines.Skip(start + 1).Take(end - start - 1).TakeWhile(l => !Part().IsMatch(l.Text.Trim())).Where(l => !l.IsBlank).ToList();
            }

            if (region.Count == 0)
            {
                continue;
            }

            // A tab-separated table has edges to trust; a space-separated one is read from a run of lines that may hold
            // sentences after it, which stay the narrative's: it ends at the last line read as a row (总分, mostly).
            (int Start, int End) Span(ReportLine? last) => sawTable ? (start, index[region[^1]] + 1) : (start, last is null ? start + 1 : index[last] + 1);

            var headerText = string.Concat(region.Take(40).Select(l => l.Text.Replace(" ", string.Empty, StringComparison.Ordinal)));
            if (headerText.Contains("部门编码", StringComparison.Ordinal) && headerText.Contains("自评得分", StringComparison.Ordinal))
            {
                var summary = Summary(region, department, file, out var lastSummaryRow);
                result.AddRange(summary);
                if (summary.Count > 0)
                {
                    regions.Add(Span(lastSummaryRow));
                    continue;
                }
            }

            if (Parse(lines[start], region, department, file, out var lastRow) is { } evaluation)
            {
                result.Add(evaluation);
                regions.Add(Span(lastRow));
            }
            else
            {
                issues.Add(new ImportIssue(lines[start].At(file, lines[start].Text.Trim()), "这张绩效自评表的排版尚不能读取（没有找到资金或指标行），未导入。"));
            }
        }

        return result;
    }

    // A line's fields, trimmed, without the empty ones.
    private static List<string> NonEmptyFields(ReportLine line)
    {
        var all = line.Fields;
        var fields = new List<string>(all.Count);
        foreach (var field in all)
        {
            if (field.Trim() is { Length: > 0 } trimmed)
            {
                fields.Add(trimmed);
            }
        }

        return fields;
    }

    private static Evaluation? Parse(ReportLine titleLine, List<ReportLine> region, string department, string file, out ReportLine? lastRow)
    {
        lastRow = null;
        var title = titleLine.Text.Trim();
        var isDepartment = title.Contains("整体", StringComparison.Ordinal)
            || region.Take(12).Any(l => l.Text.Contains("部门整体", StringComparison.Ordinal) || l.Text.Contains("年度履职目标", StringComparison.Ordinal)
                || l.Text.TrimStart().StartsWith("部门名称", StringComparison.Ordinal));
        var yuan = title.Contains("元）", StringComparison.Ordinal) || region.Any(l => l.Text.Contains("(元)", StringComparison.Ordinal) || l.Text.Contains("（元）", StringComparison.Ordinal));
        var unit = yuan ? MoneyUnit.Yuan : MoneyUnit.WanYuan;
        string? name = null;
        var funds = new List<EvaluationFunds>();
        var tasks = new List<EvaluationTask>();
        var indicators = new List<Indicator>();
        Printed? rate = null, weight = null, score = null, totalWeight = null, totalScore = null;
        string level1 = string.Empty, level2 = string.Empty;

        // Label-only lines since the last indicator row, and the 二级 label before them: a row printed without its 三级
        // label (「≥65% 80% 20 20」) takes its label from them — the name wrapped onto lines of its own.
        var pending = new List<string>();
        var level2BeforePending = string.Empty;
        var inIndicators = false;
        var hasRate = region.Any(l => l.Text.Contains("分值", StringComparison.Ordinal) && (l.Text.Contains("得分率", StringComparison.Ordinal) || l.Text.Contains("完成率", StringComparison.Ordinal)));
        foreach (var line in region)
        {
            var fields = NonEmptyFields(line);
            if (fields.Count == 0)
            {
                continue;
            }

            var joined = string.Concat(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(fields));
            if (fields[0] is "项目名称" or "部门" or "单位名称" or "部门名称" && fields.Count > 1)
            {
                name ??= fields[1];
                continue;
            }

            if ((joined.Contains("一级", StringComparison.Ordinal) && joined.Contains("二级", StringComparison.Ordinal))
                || joined is "一级指" or "一级指标" || joined.StartsWith("三级指标", StringComparison.Ordinal))
            {
                inIndicators = true;
                continue;
            }

            if (fields.FindIndex(f => FundsLabel().IsMatch(f)) is var fundsAt and >= 0)
            {
                var numbers = fields.Skip(fundsAt + 1).Where(IsFigure).ToList();
                if (numbers.Count == 0)
                {
                    // A header naming the funds columns, or a line with nothing filled in.
                    continue;
                }

                var source = FundsLabel().Match(fields[fundsAt]).Value is var label && label.Contains("财政", StringComparison.Ordinal) ? "财政拨款" : label.Contains("结转", StringComparison.Ordinal) ? "上年结转" : label.Contains("其他", StringComparison.Ordinal) ? "其他资金" : "合计";
                lastRow = line;
                if (source == "合计")
                {
                    var (amounts, w, r, s) = FromRight(numbers);
                    funds.AddRange(Funds(source, amounts, unit));
                    (rate, weight, score) = (r, w, s);
                }
                else
                {
                    // 「其中」 rows print 「—」 or 「/」 for weight and score: their leading amounts and their own rate count.
                    var ownRate = numbers.FirstOrDefault(n => n.Contains('%', StringComparison.Ordinal)) is { } p ? Number(p) : null;
                    funds.AddRange(Funds(source, numbers.Where(n => !n.Contains('%', StringComparison.Ordinal)).Take(3).ToList(), unit)
                        .Select((f, i) => i == 0 ? f with { RatePercent = ownRate } : f));
                }

                continue;
            }

            if (fields[0] == "总分" || fields.Skip(1).FirstOrDefault() == "总分")
            {
                var numbers = fields.Where(IsFigure).Select(Number).OfType<Printed>().ToList();
                if (numbers.Count >= 2)
                {
                    (totalWeight, totalScore) = (numbers[^2], numbers[^1]);
                    lastRow = line;
                }

                continue;
            }

            if (isDepartment && fields.FindIndex(f => TaskLabel().IsMatch(f)) is var taskAt and >= 0)
            {
                var rest = fields.Skip(taskAt + 1).ToList();
                var numbers = rest.Where(IsFigure).ToList();
                lastRow = line;
                tasks.Add(new EvaluationTask
                {
                    Name = rest.FirstOrDefault(f => !IsFigure(f)) ?? fields[taskAt],
                    Completion = rest.Skip(1).FirstOrDefault(f => !IsFigure(f)),
                    Budget = numbers.Count > 0 ? Money(numbers[0], unit) : null,
                    Executed = numbers.Count >= 4 ? Money(numbers[2], unit) : numbers.Count >= 2 ? Money(numbers[1], unit) : null,
                });
                continue;
            }

            if (inIndicators && (Indicator(fields, hasRate, ref level1, ref level2, line.At(file, title))
                ?? Unlabelled(fields, hasRate, pending, level2BeforePending, ref level1, ref level2, line.At(file, title))) is { } indicator)
            {
                indicators.Add(indicator);
                pending.Clear();
                lastRow = line;
            }
            else if (inIndicators && fields.Count <= 3 && !fields.Any(IsFigure))
            {
                if (pending.Count == 0)
                {
                    level2BeforePending = level2;
                }

                // A level label on a line of its own (merged cells in space-separated text).
                if (fields.FirstOrDefault(x => Level1().IsMatch(x)) is { } first && fields.SkipWhile(x => x != first).Skip(1).LastOrDefault() is { } second)
                {
                    // 「效益指标 经济效益指标」: both levels, so what follows is a 三级 name, not a 二级.
                    (level1, level2) = (first, second);
                    pending.Clear();
                    level2BeforePending = second;
                    continue;
                }

                pending.Add(string.Concat(fields));
                if (fields.FirstOrDefault(x => Level1().IsMatch(x)) is { } only)
                {
                    level1 = only;
                    level2 = string.Empty;
                }
                else if (fields[^1].Length >= 3)
                {
                    level2 = fields[^1];
                }
            }
        }

        if (funds.Count == 0 && indicators.Count == 0)
        {
            return null;
        }

        // In space-separated text a wrapped indicator row cannot be read whole: if the weights read do not make up the
        // form's total, say so rather than let the audit blame the report for what the import missed.
        var weights = indicators.Sum(i => i.Weight?.Value ?? 0m) + (weight?.Value ?? (score is null ? 0m : 10m));
        var incomplete = !region.Any(l => l.Text.Contains('\t', StringComparison.Ordinal)) && totalWeight is { } tw && weights != tw.Value;

        var projectName = Regex.Replace(title, @"^(.*?医疗保障局)?(.+?)(项目)?\s*(支出)?绩效自评表.*$", "$2").Trim();
        return new Evaluation
        {
            Kind = isDepartment ? EvaluationKind.Department : EvaluationKind.Project,
            Name = isDepartment ? name ?? department : name ?? projectName,
            Unit = isDepartment ? name ?? department : null,
            Funds = funds,
            ExecutionRatePercent = rate,
            ExecutionWeight = weight,
            ExecutionScore = score,
            Tasks = tasks,
            Indicators = indicators,
            IncompleteIndicators = incomplete,
            TotalWeight = totalWeight,
            TotalScore = totalScore,
            Source = titleLine.At(file, title),
        };
    }

    /// <summary>
    /// The Henan project summary table (项目绩效自评表 with 部门编码 … 自评得分 是否有偏差): one record per project, its cells
    /// wrapped over many lines and its figures on the last — 全年预算数, 全年执行数, 系统查询执行数, 预算执行率, five
    /// 得分率, 自评得分, 是否有偏差.
    /// </summary>
    private static List<Evaluation> Summary(List<ReportLine> region, string department, string file, out ReportLine? lastRow)
    {
        ReportLine? lastRead = null;
        var result = new List<Evaluation>();
        var record = new List<ReportLine>();
        void Flush()
        {
            if (record.Count < 2)
            {
                record.Clear();
                return;
            }

            var last = record[^1].Fields;
            var figures = last.SkipWhile(t => !IsFigure(t)).ToList();
            if (figures.Count >= 6 && figures[^1] is "是" or "否")
            {
                var text = string.Concat(record.Take(record.Count - 1).Skip(1).Select(l => l.Text.Trim())) + string.Concat(last.TakeWhile(t => !IsFigure(t)));
                var body = text.Replace(department, "|", StringComparison.Ordinal);
                var afterDepartments = body.LastIndexOf('|') is var bar && bar >= 0 ? body[(bar + 1)..] : body;
                var name = ProjectType().Split(afterDepartments)[0].Trim();
                var unit = MoneyUnit.WanYuan;
                result.Add(new Evaluation
                {
                    Kind = EvaluationKind.Project,
                    Name = name.Length > 0 ? name : afterDepartments,
                    Unit = department,
                    Funds = [new EvaluationFunds { Source = "合计", FullYearBudget = Money(figures[0], unit), Executed = Money(figures[1], unit) }],
                    ExecutionRatePercent = Number(figures[3]),
                    TotalScore = Number(figures[^2]),
                    TotalWeight = new Printed(100m, 0),
                    Source = record[0].At(file, "项目绩效自评表（汇总）"),
                });
                lastRead = record[^1];
            }

            record.Clear();
        }

        foreach (var line in region)
        {
            if (DepartmentCode().IsMatch(line.Text.Trim()))
            {
                Flush();
            }

            if (record.Count > 0 || DepartmentCode().IsMatch(line.Text.Trim()))
            {
                record.Add(line);
            }
        }

        Flush();
        lastRow = lastRead;
        return result;
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex DepartmentCode();

    [GeneratedRegex(@"可执行项目|可执行|一次性项目|常年性项目|延续性项目|经常性项目")]
    private static partial Regex ProjectType();

    /// <summary>
    /// The funds row's figures told apart by the columns' order, which differs by province: the rate is the figure printed
    /// with %; after it come weight and score (Sichuan: 执行率 权重 得分) or the score alone, with the weight before the
    /// rate (national: 分值 执行率 得分). Without a % figure: score last, rate before it, a whole-number weight before that.
    /// The amounts are the rest.
    /// </summary>
    private static (List<string> Amounts, Printed? Weight, Printed? Rate, Printed? Score) FromRight(List<string> numbers)
    {
        if (numbers.Count < 2)
        {
            return (numbers, null, null, null);
        }

        var percentAt = numbers.FindLastIndex(n => n.Contains('%', StringComparison.Ordinal));
        var rateAt = percentAt >= 0 ? percentAt : numbers.Count - 2;
        var after = numbers.Skip(rateAt + 1).ToList();
        var rest = numbers.Take(rateAt).ToList();
        Printed? weight = after.Count >= 2 ? Number(after[0]) : null;
        var score = after.Count > 0 ? Number(after[^1]) : null;
        if (after.Count < 2 && rest.Count >= 3 && !rest[^1].Contains('%', StringComparison.Ordinal) && Number(rest[^1]) is { Decimals: 0, Value: > 0 and <= 100 } w)
        {
            weight = w;
            rest.RemoveAt(rest.Count - 1);
        }

        return (rest, weight, Number(numbers[rateAt]), score);
    }

    /// <summary>
    /// The funds lines of a row: three amounts are 年初预算, A, B; two are A, B. A department row with 总额/财政拨款(/其他)
    /// under both A and B gives one line per source.
    /// </summary>
    private static IEnumerable<EvaluationFunds> Funds(string source, List<string> amounts, MoneyUnit unit) => amounts.Count switch
    {
        >= 6 =>
        [
            new EvaluationFunds { Source = source, FullYearBudget = Money(amounts[0], unit), Executed = Money(amounts[3], unit) },
            new EvaluationFunds { Source = "财政拨款", FullYearBudget = Money(amounts[1], unit), Executed = Money(amounts[4], unit) },
            new EvaluationFunds { Source = "其他资金", FullYearBudget = Money(amounts[2], unit), Executed = Money(amounts[5], unit) },
        ],
        4 =>
        [
            new EvaluationFunds { Source = source, FullYearBudget = Money(amounts[0], unit), Executed = Money(amounts[2], unit) },
            new EvaluationFunds { Source = "财政拨款", FullYearBudget = Money(amounts[1], unit), Executed = Money(amounts[3], unit) },
        ],
        3 => [new EvaluationFunds { Source = source, InitialBudget = Money(amounts[0], unit), FullYearBudget = Money(amounts[1], unit), Executed = Money(amounts[2], unit) }],
        2 => [new EvaluationFunds { Source = source, FullYearBudget = Money(amounts[0], unit), Executed = Money(amounts[1], unit) }],
        _ => [new EvaluationFunds { Source = source }],
    };

    // A row of figures only (target, actual, weight, score…) whose labels are the pending label-only lines: after a 一级
    // label the first is the 二级, the rest the wrapped 三级; without one they are all the 三级 of the current 二级.
    private static Indicator? Unlabelled(List<string> fields, bool hasRate, List<string> pending, string level2BeforePending, ref string level1, ref string level2, SourceLocation where)
    {
        if (pending.Count == 0 || fields.Count < 2 || !IsFigure(fields[^1]) || Level1().IsMatch(fields[0]))
        {
            return null;
        }

        // Only figures on the line (「10 9」, 「100% 10 10」): the cells above wrapped column by column, so the name, target
        // and actual cannot be told apart — the weight and score can, and the name keeps every wrapped piece.
        var figuresOnly = fields.Count < 4 && fields.All(f => IsFigure(f) || Comparison().IsMatch(f));
        if (!figuresOnly && fields.Count < 4)
        {
            return null;
        }

        // 「效益指标」 or 「满意度」 heads a 一级; 「履职效益」 is a 二级 that merely ends like one.
        var at = pending.FindLastIndex(x => Level1().IsMatch(x) && (x.Contains("指标", StringComparison.Ordinal) || x is "产出" or "效益" or "满意度" or "成本"));
        var rest = pending.Skip(at + 1).ToList();
        string level3;
        if (at >= 0 && rest.Count >= 2)
        {
            (level1, level2, level3) = (pending[at], rest[0], string.Concat(rest.Skip(1)));
        }
        else if (at >= 0)
        {
            (level1, level2, level3) = (pending[at], string.Empty, string.Concat(rest));
        }
        else
        {
            (level2, level3) = (level2BeforePending, string.Concat(pending));
        }

        if (level3.Length == 0)
        {
            return null;
        }

        if (figuresOnly)
        {
            if (Number(fields[^2]) is not { } weight || fields.Count > 2 && !IsFigure(fields[^2]))
            {
                return null;
            }

            return new Indicator
            {
                Level1 = level1.Length > 0 ? level1 : "（未标明）",
                Level2 = level2.Length > 0 ? level2 : null,
                Level3 = level3,
                Target = fields.Count == 4 ? fields[0] : null,
                Actual = fields.Count >= 3 ? fields[^3] : null,
                Weight = weight,
                Score = Number(fields[^1]),
                Source = where,
            };
        }

        var l1 = level1;
        var l2 = level2;
        return Indicator([level3, .. fields], hasRate, ref l1, ref l2, where);
    }

    private static Indicator? Indicator(List<string> fields, bool hasRate, ref string level1, ref string level2, SourceLocation where)
    {
        // Join a lone unit ("%") to the figure before it.
        var f = new List<string>();
        foreach (var field in fields)
        {
            if (field is "%" && f.Count > 0)
            {
                f[^1] += "%";
            }
            else
            {
                f.Add(field);
            }
        }

        var scoreAt = f.FindLastIndex(x => Number(x) is not null && !x.Contains('%', StringComparison.Ordinal));
        if (scoreAt < 3)
        {
            return null;
        }

        // Where the form has a 得分率 column (合水), it stands between 分值 and 得分.
        var before = hasRate ? f.FindLastIndex(scoreAt - 1, x => Number(x) is not null) - 1 : scoreAt - 1;
        if (before < 0)
        {
            return null;
        }

        var weightAt = f.FindLastIndex(before, x => Number(x) is { Value: <= 100 } && !x.Contains('%', StringComparison.Ordinal));
        if (weightAt < 2)
        {
            return null;
        }

        var actual = f[weightAt - 1];
        var target = f[weightAt - 2];
        var levels = f.Take(weightAt - 2).ToList();

        // A comparator in a column of its own (Sichuan: 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值): the target is the
        // comparator, value and unit together, and the name is the field before it — none when the row opens with the
        // comparator, whose name then wrapped onto the lines above.
        if (f.FindIndex(x => ComparatorOnly().IsMatch(x)) is var comparatorAt and >= 0 && comparatorAt < weightAt - 1)
        {
            target = string.Concat(f.Skip(comparatorAt).Take(weightAt - 1 - comparatorAt));
            levels = f.Take(comparatorAt).ToList();
        }

        if (levels.Count == 0)
        {
            return null;
        }

        Printed? deviation = null;
        var reasonAt = 1;
        if (scoreAt + 1 < f.Count && DeviationFigure().IsMatch(f[scoreAt + 1]) && Number(f[scoreAt + 1].Replace('−', '-').Replace('－', '-')) is { } read)
        {
            deviation = read;
            reasonAt = 2;
        }

        var level3 = levels[^1];
        foreach (var level in levels.Take(levels.Count - 1))
        {
            if (Level1().IsMatch(level))
            {
                level1 = level;
                level2 = string.Empty;
            }
            else
            {
                level2 = level;
            }
        }

        return new Indicator
        {
            Level1 = level1.Length > 0 ? level1 : "（未标明）",
            Level2 = level2.Length > 0 ? level2 : null,
            Level3 = level3,
            Target = target,
            Actual = actual,
            Weight = Number(f[weightAt]),
            Score = Number(f[scoreAt]),
            DeviationPercent = deviation,
            DeviationReason = scoreAt + reasonAt < f.Count ? string.Join(" ", f.Skip(scoreAt + reasonAt)) : null,
            Source = where,
        };
    }

    // 「结转结余率 ≤20% 28.36% 2 1.16 41.80% 因疫情原因…」: a signed percentage right after the score is the form's 偏差率 column.
    [GeneratedRegex(@"^[-−－]?[0-9]{1,6}(?:\.[0-9]{1,4})?%$")]
    private static partial Regex DeviationFigure();

    private static bool IsFigure(string text) => Number(text) is not null;

    private static Printed? Number(string text)
    {
        var t = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('%');
        return Printed.Parse(t) is { Success: true } p ? p.Value : null;
    }

    private static Amount? Money(string text, MoneyUnit unit) => Number(text) is { } p ? new Amount(p, unit) : null;

    [GeneratedRegex(@"(支出|整体|项目)?\s*绩效自评表|绩效自评表\s*$")]
    private static partial Regex Title();

    [GeneratedRegex(@"^[(（]\s*20\d\d\s*年度?\s*[)）]$")]
    private static partial Regex YearLine();

    [GeneratedRegex(@"^第[一二三四五六七八九十]+部分")]
    private static partial Regex Part();

    [GeneratedRegex(@"年度资金总额|金额合计|部门预算总额|预算总额|^总额$|其中：?当年财政拨款|当年财政拨款|其中：?财政资金|上年结转资金|其他资金")]
    private static partial Regex FundsLabel();

    [GeneratedRegex(@"^任务\s*\d+$")]
    private static partial Regex TaskLabel();

    [GeneratedRegex(@"^(?:[≥≤≧≦<>=＞＜＝]|>=|<=)$")]
    private static partial Regex ComparatorOnly();

    [GeneratedRegex(@"^[≥≤≧≦<>=＞＜]")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"(产出|效益|满意度|成本|部门管理|履职效果|能力建设|投入管理)\s*指?\s*标?\s*[(（]?\s*\d*\s*分?\s*[)）]?$")]
    private static partial Regex Level1();
}
