using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Audit.Rules;

/// <summary>
/// 资金列错表 (issue 13, item 9): the 一般公共预算财政拨款支出决算表 lists general-budget spending only; a 款 of the
/// government-fund budget (国有土地使用权出让收入安排的支出, 彩票公益金安排的支出 …) or a 类 of the state-capital budget
/// (国有资本经营预算支出) in it is spending of another fund, misfiled. The catalogue marks which 款 and 类 those are.
/// </summary>
internal static class FundCodes
{
    public const string Id = RuleIds.XFundCodes;

    public static Rule Rule() => new DelegateRule(Id, "一般公共预算财政拨款支出表中没有政府性基金或国有资本经营预算的科目", Check);

    private static IEnumerable<Finding> Check(AuditContext c)
    {
        if (c.Table(TableIds.GpbExpenditure) is not { } table)
        {
            yield break;
        }

        var name = c.TableName(table.Definition);
        foreach (var row in table.Rows.Where(r => r.Key.Length is 3 or 5 or 7 && Digits.Only(r.Key)))
        {
            var budget = (row.Key.Length >= 5 ? c.Functions.Find(row.Key[..5])?.Budget : null) ?? c.Functions.Find(row.Key[..3])?.Budget;
            if (budget is null)
            {
                continue;
            }

            var fund = budget == "soe" ? "国有资本经营预算" : "政府性基金预算";
            yield return new Finding
            {
                Rule = Id, Severity = Severity.Error, Table = table.Definition, Location = $"{name} {row.Key} {row.Label}".Trim(),
                Message = $"{name}中的「{row.Key} {row.Label}」是{fund}的科目，不应列在一般公共预算财政拨款支出中；应列入{fund}财政拨款支出决算表，或改用一般公共预算的科目。",
                Actual = row.Key, Expected = "一般公共预算科目",
                Figures = [new FindingFigure(row.Key, $"{name} {row.Key}", "科目编码", c.LocateCell(table, row.Key, null))],
            };
        }
    }
}
