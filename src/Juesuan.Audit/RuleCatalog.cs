using Juesuan.Audit.Rules;

namespace Juesuan.Audit;

/// <summary>
/// 规则目录: every rule, in the order they run. Table rules run before the fact rule so that attribution knows which
/// totals failed their own table's arithmetic.
/// </summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<Rule>> Rules = new(() =>
        TableRules.All().Concat(CrossTableRules.All()).Concat(CompletenessRules.All())
            .Append(new FactRule()).Concat(NarrativeRules.All()).Concat(LabelRules.All()).Concat(EvaluationRules.All()).Concat(PriorYearRules.All()).ToArray());

    /// <summary>All rules.</summary>
    public static IReadOnlyList<Rule> All => Rules.Value;

    /// <summary>Every rule id a finding can carry (the fact rule also reports as N.AMOUNT).</summary>
    public static IReadOnlyList<string> Ids => All.Select(r => r.Id).Append(FactRule.NarrativeAmount).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The title of the rule a finding carries (the fact rule's narrative findings included), or the id itself.</summary>
    public static string Title(string id) =>
        id == FactRule.NarrativeAmount ? "情况说明中的金额与表一致" : All.FirstOrDefault(r => r.Id == id)?.Title ?? id;
}
