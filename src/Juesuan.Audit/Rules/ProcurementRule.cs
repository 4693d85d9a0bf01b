using Juesuan.Domain.Numbers;

namespace Juesuan.Audit.Rules;

/// <summary>
/// 政府采购 (issue 13, items 6 and 7): the goods, works and services a report states must make up its procurement total;
/// contracts awarded to small and medium enterprises cannot exceed the total, nor those to small and micro enterprises
/// the SME amount; and a report with procurement spending states its split and its SME share.
/// </summary>
internal static class ProcurementRule
{
    public const string Id = RuleIds.NProcurement;

    public static Rule Rule() => new DelegateRule(Id, "政府采购的货物、工程、服务之和等于总额，中小企业合同不超过总额，并已说明", Check);

    private static IEnumerable<Finding> Check(AuditContext c)
    {
        if (c.Year.Procurement is not { Total: { } total } p)
        {
            yield break;
        }

        const string where = "情况说明 政府采购支出情况";
        Finding Make(Severity severity, string message, string? expected = null, string? actual = null, params Amount?[] figures) => new()
        {
            Rule = Id, Severity = severity, Location = where, Message = message, Expected = expected, Actual = actual,
            Figures = figures.OfType<Amount>().Select(a => new FindingFigure(a.ToString(), where, "政府采购", new FigureLocation { Section = where })).ToArray(),
        };

        var whole = total.In(MoneyUnit.WanYuan);
        if (p is { Goods: { } goods, Works: { } works, Services: { } services })
        {
            var sum = goods.In(MoneyUnit.WanYuan) + works.In(MoneyUnit.WanYuan) + services.In(MoneyUnit.WanYuan);
            if (Consistency.Check(whole, sum) is { Kind: ConsistencyKind.Inconsistent } check)
            {
                yield return Make(Severity.Error,
                    $"政府采购总额写作 {total}，而货物 {goods}、工程 {works}、服务 {services} 之和为 {AuditContext.Format(sum.Value, 2)}，相差 {AuditContext.Format(check.Difference)}（超出尾差）。",
                    AuditContext.Format(sum.Value, 2), total.ToString(), total, goods, works, services);
            }
        }

        if (p.SmeContracts is { } sme && sme.In(MoneyUnit.WanYuan).Range.Lo > whole.Range.Hi)
        {
            yield return Make(Severity.Error, $"授予中小企业的合同金额 {sme} 超过了政府采购总额 {total}。", "≤ " + total, sme.ToString(), sme, total);
        }

        if (p is { SmeContracts: { } smeTotal, SmallMicroContracts: { } micro } && micro.In(MoneyUnit.WanYuan).Range.Lo > smeTotal.In(MoneyUnit.WanYuan).Range.Hi)
        {
            yield return Make(Severity.Error, $"授予小微企业的合同金额 {micro} 超过了授予中小企业的合同金额 {smeTotal}（小微企业是中小企业的一部分）。", "≤ " + smeTotal, micro.ToString(), micro, smeTotal);
        }

        if (whole.Range.Lo > 0m && (p.Goods is null || p.Works is null || p.Services is null || p.SmeContracts is null))
        {
            var missing = new[] { (p.Goods, "货物"), (p.Works, "工程"), (p.Services, "服务"), (p.SmeContracts, "授予中小企业合同金额") }.Where(x => x.Item1 is null).Select(x => x.Item2);
            yield return Make(Severity.Warning, $"政府采购支出 {total}，但没有说明{string.Join("、", missing)}：公开模板要求分别列明货物、工程、服务采购金额和授予中小企业的合同金额。", actual: total.ToString(), figures: total);
        }
    }
}
