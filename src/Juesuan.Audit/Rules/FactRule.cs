using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.Audit.Rules;

/// <summary>
/// One fact, several statements (同一数据多处列示): every place that states the same concept — 01 and 03 for a 类,
/// 03/05 totals, 04 against 05/07/08, the narrative against the tables, budgets against the budget figures — must
/// agree on intervals. When they do not, the statement that disagrees with the majority, fails its own table's
/// arithmetic, or is narrative against a table, is named as the likely wrong one.
/// </summary>
internal sealed class FactRule : Rule
{
    public const string SameFigure = RuleIds.XSameFigure;
    public const string NarrativeAmount = RuleIds.NAmount;

    public override string Id => SameFigure;

    public override string Title => "同一数据在各处列示一致（表与表、叙述与表）";

    public override IEnumerable<Finding> Check(AuditContext context)
    {
        // Only facts stated more than once, and not all alike, can disagree (Compare finds nothing in the others): the
        // others' assertions are never made.
        foreach (var key in context.Facts.Differing.ToArray())
        {
            if (Compare(context, key, context.Facts.Find(key)) is { } finding)
            {
                yield return finding;
            }
        }
    }

    private static Finding? Compare(AuditContext context, FactKey key, IReadOnlyList<FactAssertion> assertions)
    {
        var tableUnit = assertions.FirstOrDefault(a => a.Origin == AssertionOrigin.Table)?.Amount.Unit ?? MoneyUnit.WanYuan;

        // A narrative figure written with the wrong unit is compared as the number the writer meant; N.UNIT reports the slip.
        Estimate ValueOf(FactAssertion a) => a.Origin != AssertionOrigin.Table && a.Amount.Unit != tableUnit
            ? new Amount(a.Amount.Number, tableUnit).In(MoneyUnit.WanYuan)
            : a.Amount.In(MoneyUnit.WanYuan);

        var values = assertions.Select(ValueOf).ToArray();
        var support = values.Select(v => values.Count(w => Consistency.Check(v, w).Holds)).ToArray();
        var best = Array.IndexOf(support, support.Max());
        var agreeing = Enumerable.Range(0, values.Length).Where(i => Consistency.Check(values[best], values[i]).Holds).ToArray();
        if (agreeing.Length == values.Length && values.All(v => v.Value == values[0].Value))
        {
            return null;
        }

        var rule = assertions.Any(a => a.Origin == AssertionOrigin.Narrative) ? NarrativeAmount : SameFigure;
        // Narrative-against-table findings belong with the narrative; table-against-table ones with the first table.
        var table = rule == NarrativeAmount ? null : assertions.FirstOrDefault(a => a.Table is not null)?.Table;
        var figures = assertions.Select(a => new FindingFigure(Printed(a, tableUnit), a.Location.Describe(), Origin(a), context.Locate(a, a.Amount.ToDisplayString()))).ToArray();
        var what = Describe(context, key);

        if (agreeing.Length == values.Length)
        {
            return new Finding
            {
                Rule = rule, Severity = Severity.Info, Kind = FindingKind.Rounding, Table = table, Location = assertions[0].Location.Describe(), Figures = figures,
                Message = $"{what}在 {assertions.Count} 处列示的数值略有不同（{string.Join("、", figures.Select(f => f.Value))}），差异在尾差范围内。",
            };
        }

        var disagreeing = Enumerable.Range(0, values.Length).Except(agreeing).ToArray();
        var (culprits, reason) = Attribute(context, assertions, agreeing, disagreeing);
        var culpritText = string.Join("；", culprits.Select(i => $"{Place(assertions[i])}中的 {Printed(assertions[i], tableUnit)}"));
        var main = assertions[culprits.Length > 0 ? culprits[0] : disagreeing[0]];
        var reference = assertions[agreeing[0]];
        var check = Consistency.Check(ValueOf(main), ValueOf(reference));
        return new Finding
        {
            Rule = rule, Severity = Severity.Error, Table = table, Location = main.Location.Describe(), Figures = figures,
            Message = $"{what}在各处列示不一致：{string.Join("；", assertions.Select(a => $"{a.Location.Describe()} 为 {Printed(a, tableUnit)}"))}。" +
                      (culprits.Length > 0 ? $"最可能有误的是 {culpritText}（{reason}）。" : string.Empty),
            Expected = Printed(reference, tableUnit), Actual = Printed(main, tableUnit),
            Difference = $"{AuditContext.Format(check.Difference)}（最小差距 {AuditContext.Format(check.Gap)}）",
            Numbers = new FindingNumbers(ValueOf(main).Value, ValueOf(reference).Value, ValueOf(reference).Range.Lo, ValueOf(reference).Range.Hi, check.Difference, check.Gap),
            LikelyWrong = culprits.Length > 0 ? $"{string.Join("；", culprits.Select(i => $"{assertions[i].Location.Describe()} 的 {Printed(assertions[i], tableUnit)}"))}（{reason}）" : null,
        };
    }

    private static (int[] Culprits, string Reason) Attribute(AuditContext context, IReadOnlyList<FactAssertion> assertions, int[] agreeing, int[] disagreeing)
    {
        if (agreeing.Length > disagreeing.Length)
        {
            var places = string.Join("、", agreeing.Select(i => Place(assertions[i])).Distinct());
            return (disagreeing, $"其余 {agreeing.Length} 处（{places}）彼此一致");
        }

        var all = agreeing.Concat(disagreeing).ToArray();
        var arithmetic = all.Where(i => assertions[i].Origin == AssertionOrigin.Table && context.FailedOwnArithmetic(assertions[i].Cell)).ToArray();
        if (arithmetic.Length > 0 && arithmetic.Length < all.Length)
        {
            return (arithmetic, "它所在表的合计关系本身也不成立");
        }

        var narrative = all.Where(i => assertions[i].Origin == AssertionOrigin.Narrative).ToArray();
        if (narrative.Length > 0 && narrative.Length < all.Length)
        {
            return (narrative, "表中数据来自决算报表，情况说明中的数字系手工填写，且与表不符");
        }

        return ([], string.Empty);
    }

    private static string Place(FactAssertion a) => a.Origin switch
    {
        AssertionOrigin.Table => a.Location.Table ?? a.Table ?? "表",
        AssertionOrigin.Narrative => "情况说明",
        _ => "上年数/预算数",
    };

    private static string Origin(FactAssertion a) => a.Origin switch
    {
        AssertionOrigin.Table => "表",
        AssertionOrigin.Narrative => "叙述",
        _ => "参考数",
    };

    private static string Printed(FactAssertion a, MoneyUnit tableUnit) =>
        a.Amount.ToDisplayString() + (a.Origin == AssertionOrigin.Table && a.Amount.Unit == tableUnit ? string.Empty : a.Amount.Unit.Name());

    internal static string Describe(AuditContext context, FactKey key)
    {
        var concept = Concepts.Name(key) ?? (Concepts.StatedSubject(key.Concept) is { } printed ? $"「{printed}」" : key.Concept);
        var scope = Scopes.Name(key.Scope);
        var code = key.Code is null ? string.Empty
            : $"{key.Code} {context.Functions.Find(key.Code)?.Name ?? context.Economics.Find(key.Code)?.Name} ";
        var basis = key.Basis switch
        {
            Bases.Budget => "（年初预算数）",
            Bases.FullYearBudget => "（全年预算数）",
            Bases.Prior => "（上年数）",
            _ => string.Empty,
        };
        return $"{scope}{code}{concept}{basis}";
    }
}
