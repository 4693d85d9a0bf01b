using System.Globalization;
using System.Text.RegularExpressions;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.Audit.Rules;

/// <summary>
/// N.EVALUATED_PROJECTS: the templates' sentence 「本单位在部门决算中反映职工体检费项目等 3 个一级项目的绩效自评结果，涉及预算资金
/// 416.3 万元」 names how many project self-evaluations the disclosure carries and what money they cover; the project forms
/// attached say it too. A reviewer counts the forms and adds up their budgets (年初, 全年, or their 财政拨款 lines — the
/// templates word the money differently); nothing else compares them.
/// </summary>
internal static partial class EvaluatedProjects
{
    public static Rule Rule() => new DelegateRule(RuleIds.NEvaluatedProjects, "情况说明所称反映绩效自评结果的项目个数和资金与所附项目支出绩效自评表一致", Check);

    private static IEnumerable<Finding> Check(AuditContext c)
    {
        var forms = c.Year.Evaluations.Where(e => e.Kind == EvaluationKind.Project).ToArray();
        if (forms.Length == 0)
        {
            // Forms not attached (or not read): nothing to count against.
            yield break;
        }

        // A report that states it more than once with different counts (「反映…2 个」, then 「反映…1 个」 for one project it
        // goes on to discuss) speaks of parts: only a report that states one count speaks of all its forms.
        var statements = c.AllProse().Where(p => Stated().IsMatch(p.Text)).SelectMany(p => Stated().Matches(p.Text).Select(m => (Prose: p, Match: m))).ToArray();
        if (statements.Select(s => s.Match.Groups["n"].Value).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            yield break;
        }

        var names = string.Join("、", forms.Select(f => f.Name));
        var countSaid = false;
        foreach (var (prose, m) in statements)
        {
            var count = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (count != forms.Length)
            {
                // One count, said once: the first sentence that states it.
                if (countSaid)
                {
                    continue;
                }

                countSaid = true;
                yield return new Finding
                {
                    Rule = RuleIds.NEvaluatedProjects, Severity = Severity.Warning, Location = prose.Where,
                    Message = $"{prose.Where}：称反映 {count} 个项目的绩效自评结果，而所附项目支出绩效自评表有 {forms.Length} 张（{names}），请核对个数或所附的表。",
                    Expected = forms.Length.ToString(CultureInfo.InvariantCulture), Actual = count.ToString(CultureInfo.InvariantCulture),
                    Figures = [new FindingFigure(m.Groups["n"].Value + "个", prose.Where, "叙述", prose.At(m.Groups["n"].Index, m.Groups["n"].Value))],
                };
                continue;
            }

            if (!m.Groups["v"].Success || Amount.Parse(m.Groups["v"].Value + "万元", MoneyUnit.WanYuan) is not { Success: true } stated)
            {
                continue;
            }

            // The money the forms cover, in each wording a template may mean: the budgets at the start of the year,
            // the full-year budgets, or the 财政拨款 lines of either.
            var candidates = new (string What, Func<Evaluation, Amount?> Of)[]
            {
                ("年初预算数", f => f.TotalFunds()?.InitialBudget),
                ("全年预算数", f => f.TotalFunds()?.FullYearBudget),
                ("财政拨款年初预算数", f => Fiscal(f)?.InitialBudget),
                ("财政拨款全年预算数", f => Fiscal(f)?.FullYearBudget),
            }
            .Select(x => (x.What, Values: forms.Select(x.Of).ToArray()))
            .Where(x => x.Values.All(v => v is not null))
            .Select(x => (x.What, Sum: Estimate.Sum(x.Values.Select(v => v!.Value.In(MoneyUnit.WanYuan)))))
            .ToArray();
            if (candidates.Length == 0 || candidates.Any(x => Consistency.Check(stated.Value.In(MoneyUnit.WanYuan), x.Sum).Holds))
            {
                continue;
            }

            var sums = string.Join("，", candidates.Select(x => $"{x.What}之和 {AuditContext.Describe(x.Sum, 2, "万元")}"));
            yield return new Finding
            {
                Rule = RuleIds.NEvaluatedProjects, Severity = Severity.Warning, Location = prose.Where,
                Message = $"{prose.Where}：称 {count} 个项目的绩效自评涉及资金 {m.Groups["v"].Value}万元，而所附 {forms.Length} 张项目支出绩效自评表（{names}）的{sums}，都与之不符，请核对。",
                Expected = AuditContext.Format(candidates[0].Sum.Value, 2), Actual = m.Groups["v"].Value,
                Figures = [new FindingFigure(m.Groups["v"].Value + "万元", prose.Where, "叙述", prose.At(m.Groups["v"].Index, m.Groups["v"].Value))],
            };
        }
    }

    private static EvaluationFunds? Fiscal(Evaluation form) => form.Funds.FirstOrDefault(f => f.Source.Contains("财政拨款", StringComparison.Ordinal));

    // 「反映职工体检费项目等 3 个一级项目的绩效自评结果，涉及预算资金 416.3 万元」, 「反映公务员医疗补助 2个一级项目的绩效自评结果」.
    [GeneratedRegex(@"反映[^。；]{0,40}?(?<n>[0-9]{1,3})\s*个(?:一级|二级)?项目(?:的)?(?:支出)?绩效自评结果(?:[，,]\s*涉及[^0-9，。；]{0,20}?(?<v>[0-9][0-9,]*(?:\.[0-9]+)?)\s*万元)?")]
    private static partial Regex Stated();
}
