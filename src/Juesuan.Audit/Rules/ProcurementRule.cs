using Juesuan.Domain.Numbers;

namespace Juesuan.Audit.Rules;

/// <summary>
/// 政府采购 (issue 13, items 6 and 7): the goods, works and services a report states must make up its procurement total;
/// contracts awarded to small and medium enterprises cannot exceed the total, nor those to small and micro enterprises
/// the SME amount, nor what SMEs won in reserved and other projects (the Shanghai template's wording) the total; and a report
/// with procurement spending states its split and its SME share.
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

        // The shares printed beside the SME amounts, over the total (nothing to check when the total is zero).
        foreach (var (share, part, what) in new[] { (p.SmeSharePercent, p.SmeContracts, "授予中小企业合同金额"), (p.SmallMicroSharePercent, p.SmallMicroContracts, "授予小微企业合同金额") })
        {
            // A share of nothing, or nothing's share, is 0: 「授予中小企业合同金额 0 万元，占政府采购支出总额的 3%」 cannot be.
            if (share is { Value: not 0m } nonzero && (total.Value == 0m || part is { Value: 0m }))
            {
                yield return Make(Severity.Error,
                    $"{what}占政府采购支出总额的比例写作 {nonzero}%，而{(total.Value == 0m ? $"政府采购总额为 {total}" : $"{what}为 {part}")}：比例只能为 0。",
                    "0%", nonzero + "%", part, total);
                continue;
            }

            if (share is { } stated && part is { } amount && amount.In(MoneyUnit.WanYuan).DividedBy(whole) is { } ratio
                && Consistency.Check(stated, ratio * 100m) is { Holds: false } check)
            {
                yield return Make(Severity.Error,
                    $"{what}占政府采购支出总额的比例写作 {stated}%，按 {amount} ÷ {total} 应为 {AuditContext.Format((ratio * 100m).Value, 2)}%，相差 {AuditContext.Points(check.Difference)} 个百分点（超出尾差）。",
                    AuditContext.Format((ratio * 100m).Value, 2) + "%", stated + "%", amount, total);
            }
        }

        // The Shanghai wording: what SMEs won in the projects reserved for them and in the other projects — two parts of the
        // procurement (the projects reserved for small and micro enterprises may lie within those reserved for SMEs, so
        // their awards are not added).
        var awards = new[] { p.SmeReservedAwards, p.SmeOtherAwards }.OfType<Amount>().ToArray();
        if (awards.Length == 2 && Estimate.Sum(awards.Select(a => a.In(MoneyUnit.WanYuan))) is var won && won.Range.Lo > whole.Range.Hi)
        {
            yield return Make(Severity.Error,
                $"由中小企业中标或成交的采购金额（预留项目 {awards[0]}、其他项目 {awards[1]}，合计 {AuditContext.Format(won.Value, 2)}万元）超过了政府采购总额 {total}。",
                "≤ " + total, AuditContext.Format(won.Value, 2), awards[0], awards[1], total);
        }

        // The projects reserved and what was won in them: none reserved (a reserved budget of 0) leaves nothing to be won
        // there; what was won is contracted within their budget (政府采购合同金额不超过采购预算).
        foreach (var (budget, reserved, who) in new[] { (p.SmeReservedBudget, p.SmeReservedAwards, "中小企业"), (p.SmallMicroReservedBudget, p.SmallMicroReservedAwards, "小微企业") })
        {
            if (budget is not { } b || reserved is not { } amount)
            {
                continue;
            }

            if (b.Value == 0m && amount.Value != 0m)
            {
                yield return Make(Severity.Error,
                    $"面向{who}预留政府采购项目预算金额为 {b}，即没有预留项目，而在面向{who}预留的项目中由{who}中标或成交的采购金额写作 {amount}：两者矛盾。",
                    "0", amount.ToString(), amount, b);
            }
            else if (b.Value != 0m && amount.In(MoneyUnit.WanYuan).Range.Lo > b.In(MoneyUnit.WanYuan).Range.Hi)
            {
                yield return Make(Severity.Warning,
                    $"在面向{who}预留的政府采购项目中由{who}中标或成交的采购金额 {amount}，超过了这些项目的预算金额 {b}：合同金额一般不超过采购预算，请核对。",
                    "≤ " + b, amount.ToString(), amount, b);
            }
        }

        var smeStated = p.SmeContracts ?? p.SmeReservedAwards ?? p.SmeOtherAwards;
        if (whole.Range.Lo > 0m && (p.Goods is null || p.Works is null || p.Services is null || smeStated is null))
        {
            var missing = new[] { (p.Goods, "货物"), (p.Works, "工程"), (p.Services, "服务"), (smeStated, "授予中小企业合同金额") }.Where(x => x.Item1 is null).Select(x => x.Item2);
            yield return Make(Severity.Warning, $"政府采购支出 {total}，但没有说明{string.Join("、", missing)}：公开模板要求分别列明货物、工程、服务采购金额和授予中小企业的合同金额。", actual: total.ToString(), figures: total);
        }
    }
}
