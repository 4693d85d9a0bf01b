using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Scoring;
using Juesuan.Domain.Templates;

namespace Juesuan.Audit.Rules;

/// <summary>
/// Self-evaluation tables (绩效自评表, P.*): weights add up, no score above its weight, the total is the sum, the execution
/// rate is B/A and its score 10 × B/A, quantitative scores follow their direction's rule, full scores for missed
/// targets, deviation reasons, the grade, and the amounts against the final accounts.
/// </summary>
internal static class EvaluationRules
{
    public static IEnumerable<Rule> All()
    {
        yield return Each(RuleIds.PWeightsTotal, "指标分值与执行率分值之和等于总分值", WeightsTotal);
        yield return Each(RuleIds.PCategoryWeights, "一级指标的分值合计符合评分规则（产出 50、效益 30、满意度 10）", CategoryWeights);
        yield return Each(RuleIds.PScoreAboveWeight, "得分不超过分值", ScoreAboveWeight);
        yield return Each(RuleIds.PTotal, "总分等于各项得分之和", Total);
        yield return Each(RuleIds.PExecution, "执行率 = 全年执行数 ÷ 全年预算数，执行率得分 = 分值 × 执行率", Execution);
        yield return Each(RuleIds.PIndicatorScore, "定量指标得分符合其方向的评分规则", IndicatorScores);
        yield return Each(RuleIds.PDeviationReason, "未达目标（或大幅超出目标）的指标写明偏差原因", DeviationReasons);
        yield return Each(RuleIds.PDeviation, "偏差率 = (实际值 − 目标值) ÷ 目标值，达标的指标偏差率为 0", Deviations);
        yield return Each(RuleIds.PGrade, "评价等级与总分相符", Grade);
        yield return Each(RuleIds.PFundsVsAccounts, "自评表的资金与决算表一致", FundsVsAccounts);
        yield return Each(RuleIds.PTasks, "部门整体自评表各项任务的预算数、执行数之和等于资金总额", Tasks);
    }

    private static Rule Each(string id, string title, Func<AuditContext, Evaluation, ScoringRules, IEnumerable<Finding>> check) =>
        new DelegateRule(id, title, c => c.Year.Evaluations.SelectMany(e => check(c, e, c.Scoring)));

    private static string Name(Evaluation e) => e.Kind == EvaluationKind.Department ? $"部门整体支出绩效自评表（{e.Name}）" : $"项目支出绩效自评表「{e.Name}」";

    private static string Where(Evaluation e, Indicator? i = null) => i is null ? Name(e) : $"{Name(e)} {i.Level3}";

    private static Finding Make(string rule, Severity severity, string location, string message, string? expected = null, string? actual = null, string? difference = null) => new()
    {
        Rule = rule, Severity = severity, Location = location, Message = message, Expected = expected, Actual = actual, Difference = difference,
    };

    private static decimal Sum(IEnumerable<Printed?> values) => values.Sum(v => v?.Value ?? 0m);

    private static IEnumerable<Finding> WeightsTotal(AuditContext c, Evaluation e, ScoringRules rules)
    {
        if (e.Indicators.Count == 0 || e.TotalWeight is not { } total)
        {
            yield break;
        }

        if (e.IncompleteIndicators)
        {
            yield return AuditContext.NotChecked(RuleIds.PWeightsTotal, $"{Name(e)} 的指标行未能全部读取（单元格跨行），无法核对分值与总分", location: Where(e));
            yield break;
        }

        // A form without a 分值 column for the execution rate (合水) still gives it the national 10 points.
        var sum = Sum(e.Indicators.Select(i => i.Weight)) + (e.ExecutionWeight?.Value ?? (e.ExecutionScore is null ? 0m : 10m));
        if (sum != total.Value)
        {
            yield return Make(RuleIds.PWeightsTotal, Severity.Error, Where(e),
                $"{Name(e)}：各指标分值{(e.ExecutionWeight is null ? string.Empty : "与执行率分值")}之和为 {AuditContext.Format(sum)}，与总分值 {total} 不符（已读取 {e.Indicators.Count} 个指标；若表中有跨行未读取的指标，请先核对导入结果）。",
                expected: total.ToString(), actual: AuditContext.Format(sum), difference: AuditContext.Format(sum - total.Value));
        }
    }

    // Only forms whose 一级指标 are the rule set's categories (the project framework): 投入管理/履职效果 forms differ by design.
    private static IEnumerable<Finding> CategoryWeights(AuditContext c, Evaluation e, ScoringRules rules)
    {
        if (rules.CategoryWeights.Count == 0 || e.Indicators.Count == 0 || e.IncompleteIndicators)
        {
            yield break;
        }

        var byCategory = e.Indicators.GroupBy(i => i.Level1.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToDictionary(g => g.Key, g => Sum(g.Select(i => i.Weight)));
        if (!byCategory.Keys.All(rules.CategoryWeights.ContainsKey))
        {
            yield break;
        }

        foreach (var (category, weight) in rules.CategoryWeights)
        {
            var stated = byCategory.GetValueOrDefault(category);
            if (stated != weight)
            {
                yield return Make(RuleIds.PCategoryWeights, Severity.Info, Where(e),
                    $"{Name(e)}：{category}的分值合计为 {AuditContext.Format(stated)}，{rules.Name}评分规则为 {AuditContext.Format(weight)}（权重可按项目调整，调整时应有说明）。",
                    expected: AuditContext.Format(weight), actual: AuditContext.Format(stated), difference: AuditContext.Format(stated - weight));
            }
        }
    }

    private static IEnumerable<Finding> ScoreAboveWeight(AuditContext c, Evaluation e, ScoringRules rules)
    {
        foreach (var i in e.Indicators.Where(i => i.Score is { } s && i.Weight is { } w && s.Value > w.Value))
        {
            yield return Make(RuleIds.PScoreAboveWeight, Severity.Error, Where(e, i),
                $"{Name(e)} 指标「{i.Level3}」得分 {i.Score} 超过其分值 {i.Weight}。", expected: $"≤ {i.Weight}", actual: i.Score.ToString());
        }

        if (e.ExecutionScore is { } es && e.ExecutionWeight is { } ew && es.Value > ew.Value)
        {
            yield return Make(RuleIds.PScoreAboveWeight, Severity.Error, Where(e), $"{Name(e)} 执行率得分 {es} 超过其分值 {ew}。", expected: $"≤ {ew}", actual: es.ToString());
        }
    }

    private static IEnumerable<Finding> Total(AuditContext c, Evaluation e, ScoringRules rules)
    {
        if (e.TotalScore is not { } total || e.Indicators.Count == 0)
        {
            yield break;
        }

        if (e.IncompleteIndicators)
        {
            yield return AuditContext.NotChecked(RuleIds.PTotal, $"{Name(e)} 的指标行未能全部读取，无法核对总分", location: Where(e));
            yield break;
        }

        // Scores are exact to two decimals (陇县: twelve integers read as rounded would absorb 95 written for 100).
        var parts = e.Indicators.Select(i => i.Score).Append(e.ExecutionScore).OfType<Printed>().Select(ScoringEngine.Score);
        var check = Consistency.Check(ScoringEngine.Score(total), Estimate.Sum(parts));
        if (!check.Holds)
        {
            yield return Make(RuleIds.PTotal, Severity.Error, Where(e),
                $"{Name(e)} 总分写作 {total}，各项得分{(e.ExecutionScore is null ? string.Empty : "（含执行率得分）")}之和为 {AuditContext.Format(check.Computed.Value)}，相差 {AuditContext.Format(check.Difference)}。",
                expected: AuditContext.Format(check.Computed.Value), actual: total.ToString(), difference: AuditContext.Format(check.Difference));
        }
    }

    private static IEnumerable<Finding> Execution(AuditContext c, Evaluation e, ScoringRules rules)
    {
        var funds = e.TotalFunds();
        if (funds?.FullYearBudget is not { } a || funds.Executed is not { } b || a.Value == 0m)
        {
            yield break;
        }

        // The 合计 line's rate is the form's; a 「其中」 line (当年财政拨款 …) prints its own.
        // A 「其中」 line repeating the 合计 line's figures and rate repeats its slip too: reported once.
        var lines = e.Funds.Select((f, i) => (Funds: f, Stated: i == 0 ? e.ExecutionRatePercent : f.RatePercent, Label: i == 0 ? string.Empty : $"「其中：{f.Source}」"))
            .Where((x, i) => i == 0 || !(x.Stated == e.ExecutionRatePercent && x.Funds.FullYearBudget == funds.FullYearBudget && x.Funds.Executed == funds.Executed));
        foreach (var (line, stated, label) in lines)
        {
            if (RateFinding(e, line, stated, label) is { } finding)
            {
                yield return finding;
            }
        }

        var weight = e.ExecutionWeight?.Value ?? 10m;
        if (e.ExecutionScore is { } score && ScoringEngine.ExecutionScore(weight, a.Value, b.Value) is { } expected)
        {
            var statedRate = e.ExecutionRatePercent?.Value;
            var fromStatedRate = statedRate is { } sr ? Rounding.HalfUp(Math.Min(weight, weight * sr / 100m), 2) : expected;
            if (Math.Abs(score.Value - expected) > 0.01m && Math.Abs(score.Value - fromStatedRate) > 0.01m)
            {
                yield return Make(RuleIds.PExecution, Severity.Error, Where(e),
                    $"{Name(e)} 执行率得分写作 {score}，按 分值 {AuditContext.Format(weight)} × 执行率 应为 {AuditContext.Format(expected, 2)}" +
                    (statedRate is { } s2 && fromStatedRate != expected ? $"（按所写执行率 {s2}% 为 {AuditContext.Format(fromStatedRate, 2)}）" : string.Empty) + "。",
                    expected: AuditContext.Format(expected, 2), actual: score.ToString(), difference: AuditContext.Format(score.Value - expected));
            }
        }
    }

    /// <summary>
    /// A line's printed execution rate against B ÷ A. When the rate was taken over 年初预算数 instead of 全年预算数 (A), the
    /// message says so: that is how it usually happens, and how a reviewer explains it to the preparer.
    /// </summary>
    private static Finding? RateFinding(Evaluation e, EvaluationFunds line, Printed? stated, string label)
    {
        if (stated is null || line.FullYearBudget is not { Value: not 0m } a || line.Executed is not { } b
            || b.Number.ToEstimate().DividedBy(a.Number.ToEstimate()) is not { } r)
        {
            return null;
        }

        var check = Consistency.Check(stated.Value, r * 100m);
        if (check.Holds)
        {
            return null;
        }

        var overInitial = line.InitialBudget is { Value: not 0m } initial && b.Number.ToEstimate().DividedBy(initial.Number.ToEstimate()) is { } ri
            && Consistency.Check(stated.Value, ri * 100m).Holds
            ? $"；所写执行率是按年初预算数 {initial} 计算的，应按全年预算数计算" : string.Empty;
        return Make(RuleIds.PExecution, Severity.Error, Where(e),
            $"{Name(e)}{label} 执行率写作 {stated}%，全年执行数 {b} ÷ 全年预算数 {a} = {AuditContext.Format(r.Value * 100m, 2)}%{overInitial}。",
            expected: AuditContext.Format(r.Value * 100m, 2) + "%", actual: stated + "%", difference: AuditContext.Format(check.Difference));
    }

    private static IEnumerable<Finding> IndicatorScores(AuditContext c, Evaluation e, ScoringRules rules)
    {
        foreach (var i in e.Indicators.Where(i => i.Score is not null && i.Weight is not null))
        {
            var expectation = ScoringEngine.Expect(i, rules);
            var score = i.Score!.Value.Value;
            if (expectation.Expected is { } expected)
            {
                if (expectation.Met == false && score >= i.Weight!.Value.Value)
                {
                    yield return Make(RuleIds.PIndicatorScore, Severity.Error, Where(e, i),
                        $"{Name(e)} 指标「{i.Level3}」未达目标（目标 {i.Target}，实际 {i.Actual}）却得满分 {i.Score}；{expectation.Reason}，应为 {AuditContext.Format(expected, 2)}。",
                        expected: AuditContext.Format(expected, 2), actual: i.Score.ToString(), difference: AuditContext.Format(score - expected));
                }
                else if (Math.Abs(score - expected) > 0.01m && score <= i.Weight!.Value.Value)
                {
                    yield return Make(RuleIds.PIndicatorScore, Severity.Warning, Where(e, i),
                        $"{Name(e)} 指标「{i.Level3}」（目标 {i.Target}，实际 {i.Actual}）得分 {i.Score}，按评分规则应为 {AuditContext.Format(expected, 2)}（{expectation.Reason}）。",
                        expected: AuditContext.Format(expected, 2), actual: i.Score.ToString(), difference: AuditContext.Format(score - expected));
                }
            }
            else if (expectation.Met == true && score < expectation.Low)
            {
                yield return Make(RuleIds.PIndicatorScore, Severity.Warning, Where(e, i),
                    $"{Name(e)} {(TargetValue.Parse(i.Target).Comparator == Comparator.Qualitative ? "定性指标" : "指标")}「{i.Level3}」{expectation.Reason}，实际得分 {i.Score} 低于下限 {AuditContext.Format(expectation.Low, 2)}。",
                    expected: $"{AuditContext.Format(expectation.Low, 2)}–{i.Weight}", actual: i.Score.ToString());
            }
        }
    }

    private static IEnumerable<Finding> DeviationReasons(AuditContext c, Evaluation e, ScoringRules rules)
    {
        foreach (var i in e.Indicators.Where(i => string.IsNullOrWhiteSpace(i.DeviationReason)))
        {
            var expectation = ScoringEngine.Expect(i, rules);
            var target = TargetValue.Parse(i.Target);
            var actual = TargetValue.Parse(i.Actual);
            var far = rules.DeviationReasonAbove is { } above && target.Value is > 0 && actual.Value is { } a && a / target.Value.Value >= above;
            if (expectation.Met == false || far)
            {
                yield return Make(RuleIds.PDeviationReason, Severity.Warning, Where(e, i),
                    $"{Name(e)} 指标「{i.Level3}」{(far ? $"实际 {i.Actual} 达到目标 {i.Target} 的 {rules.DeviationReasonAbove:P0} 以上" : $"未达目标（目标 {i.Target}，实际 {i.Actual}）")}，没有写偏差原因分析及改进措施。");
            }
        }
    }

    /// <summary>
    /// 「结转结余率 ≤20% 28.36% 2 1.16 41.80%」: the 偏差率 column is (实际 − 目标) ÷ 目标 — (28.36 − 20) ÷ 20 = 41.80% — in either
    /// sign; a met target may print 0 instead. Qualitative targets and targets of zero have none to check.
    /// </summary>
    private static IEnumerable<Finding> Deviations(AuditContext c, Evaluation e, ScoringRules rules)
    {
        static Estimate Of(decimal value) => new Printed(value, value.Scale).ToEstimate();
        foreach (var i in e.Indicators.Where(i => i.DeviationPercent is not null))
        {
            var target = TargetValue.Parse(i.Target);
            var actual = TargetValue.Parse(i.Actual);
            if (target.Comparator is Comparator.Qualitative or Comparator.Range || target.Value is not { } t || t == 0m || actual.Value is not { } a
                || target.Unit != actual.Unit)
            {
                continue;
            }

            var stated = i.DeviationPercent!.Value;
            // A target is a threshold set exactly (≤20% is 20, not 19.5–20.5); the actual is a measurement rounded as printed.
            if ((Of(a) - Estimate.Exact(t)).DividedBy(Estimate.Exact(t)) is not { } ratio)
            {
                continue;
            }

            var computed = ratio * 100m;
            var magnitude = Math.Abs(stated.Value);
            var fits = Consistency.Check(new Printed(magnitude, stated.Decimals), computed).Holds
                || Consistency.Check(new Printed(magnitude, stated.Decimals), computed * -1m).Holds
                || (stated.Value == 0m && ScoringEngine.Expect(i, rules).Met == true);
            if (!fits)
            {
                yield return Make(RuleIds.PDeviation, Severity.Warning, Where(e, i),
                    $"{Name(e)} 指标「{i.Level3}」偏差率写作 {stated}%，按 (实际 {i.Actual} − 目标 {i.Target}) ÷ 目标 应为 {AuditContext.Format(computed.Value, 2)}%。",
                    expected: AuditContext.Format(computed.Value, 2) + "%", actual: stated + "%", difference: AuditContext.Points(magnitude - Math.Abs(computed.Value)));
            }
        }
    }

    private static IEnumerable<Finding> Grade(AuditContext c, Evaluation e, ScoringRules rules)
    {
        if (e.Grade is { Length: > 0 } grade && e.TotalScore is { } total && rules.Grade(total.Value) is var expected && expected != grade)
        {
            yield return Make(RuleIds.PGrade, Severity.Error, Where(e), $"{Name(e)} 总分 {total}，按{rules.Name}等级标准应为「{expected}」，表中写作「{grade}」。", expected: expected, actual: grade);
        }
    }

    private static IEnumerable<Finding> Tasks(AuditContext c, Evaluation e, ScoringRules rules)
    {
        var total = e.TotalFunds();
        if (e.Tasks.Count == 0 || total is null)
        {
            yield break;
        }

        foreach (var (what, stated, parts) in new[]
        {
            ("全年预算数", total.FullYearBudget, e.Tasks.Select(t => t.Budget).ToArray()),
            ("全年执行数", total.Executed, e.Tasks.Select(t => t.Executed).ToArray()),
        })
        {
            if (stated is not { } amount || parts.Any(p => p is null))
            {
                continue;
            }

            var check = Consistency.Check(amount.In(MoneyUnit.WanYuan), Estimate.Sum(parts.Select(p => p!.Value.In(MoneyUnit.WanYuan))));
            if (!check.Holds)
            {
                yield return Make(RuleIds.PTasks, Severity.Error, Where(e),
                    $"{Name(e)} {e.Tasks.Count} 项任务的{what}之和为 {AuditContext.Format(check.Computed.Value, 2)}，资金总额的{what}为 {amount}，相差 {AuditContext.Format(check.Difference)}。",
                    expected: AuditContext.Format(check.Computed.Value, 2), actual: amount.ToString(), difference: AuditContext.Format(check.Difference));
            }
        }
    }

    private static IEnumerable<Finding> FundsVsAccounts(AuditContext c, Evaluation e, ScoringRules rules)
    {
        Finding? Compare(EvaluationFunds funds, Figure account, string accountName)
        {
            if (funds.Executed is not { } executed || account.Amount is null || Consistency.Check(executed.In(MoneyUnit.WanYuan), account.Value).Holds)
            {
                return null;
            }

            var difference = AuditContext.Format(executed.In(MoneyUnit.WanYuan).Value - account.Value.Value, 2);
            return Make(RuleIds.PFundsVsAccounts, Severity.Warning, Where(e),
                $"{Name(e)} {funds.Source}全年执行数 {executed}，{accountName}为 {account.Display}，相差 {difference} 万元（口径可能不同，请核对）。",
                expected: account.Display, actual: executed.ToString(), difference: difference);
        }

        var total = e.TotalFunds();
        var fiscal = e.Funds.FirstOrDefault(f => f.Source == "财政拨款");
        if (e.Kind == EvaluationKind.Department)
        {
            if (total is not null && c.Table(TableIds.Expenditure) is { } t03 && Compare(total, c.Cell(t03, FactIndex.TotalRowKey, "total"), $"{c.TableName(TableIds.Expenditure)} 本年支出合计") is { } f1)
            {
                yield return f1;
            }

            if (fiscal is not null && c.Table(TableIds.FiscalSummary) is { } t04 && Compare(fiscal, c.Cell(t04, "expense.total", "total"), $"{c.TableName(TableIds.FiscalSummary)} 财政拨款本年支出合计") is { } f2)
            {
                yield return f2;
            }
        }
        else if (e.FunctionCode is { } code && c.Table(TableIds.GpbExpenditure) is { } t05 && (fiscal ?? total) is { } line
                 && Compare(line, c.Cell(t05, code, "total"), $"{c.TableName(TableIds.GpbExpenditure)} {code}") is { } f3)
        {
            yield return f3;
        }
    }
}
