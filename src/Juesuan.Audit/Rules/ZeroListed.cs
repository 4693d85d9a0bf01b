using System.Text.RegularExpressions;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Audit.Rules;

/// <summary>
/// 列举为零的科目 (issue 13, item 8): 「公用经费…主要包括办公费、电费、差旅费…」 where table 06 prints 0.00 (or nothing) for 差旅费 —
/// the list names spending that did not happen, usually copied from last year's text.
/// </summary>
internal static partial class ZeroListed
{
    public const string Id = RuleIds.NZeroListed;

    public static Rule Rule() => new DelegateRule(Id, "「主要包括」所列的经济分类科目在公开06表中不为零", Check);

    private static IEnumerable<Finding> Check(AuditContext c)
    {
        if (c.Table(TableIds.GpbBasicEconomic) is not { } table)
        {
            yield break;
        }

        // The 款 of table 06 by name, with their printed amounts: made at the first list (many reports print none).
        Dictionary<string, StatedRow>? byName = null;
        var name = c.TableName(table.Definition);
        foreach (var section in c.Year.Narrative.Sections)
        {
            foreach (Match list in Listing().Matches(section.Text))
            {
                byName ??= table.Rows.Where(r => r.Key.Length == 5 && Digits.Only(r.Key) && r.Label is { Length: >= 2 })
                    .GroupBy(r => CatalogText.NormalizeName(r.Label!)).ToDictionary(g => g.Key, g => g.First());
                foreach (var item in list.Groups["items"].Value.Split(['、', '，', ',', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!byName.TryGetValue(CatalogText.NormalizeName(item), out var row) || !row.ShowsNothingIn("amount"))
                    {
                        continue;
                    }

                    var amount = row.Cell("amount")?.Value is { } printed ? printed.ToString() : "空白";

                    var where = $"情况说明 {section.Number}、{section.Title}";
                    yield return new Finding
                    {
                        Rule = Id, Severity = Severity.Warning, Location = where, Table = table.Definition,
                        Message = $"{where}列出「{item}」，但{name}中「{row.Key} {row.Label}」为{(amount == "空白" ? "空白" : " " + amount)}：所列的支出并未发生，请核对是否沿用了上年的文字。",
                        Actual = item, Expected = $"{row.Key} {amount}",
                        Figures =
                        [
                            new FindingFigure(item, where, "叙述", AuditContext.InSection(where, section.Text, list.Groups["items"].Index + list.Groups["items"].Value.IndexOf(item, StringComparison.Ordinal), item)),
                            new FindingFigure(amount, $"{name} {row.Key}", "表", c.LocateCell(table, row.Key, "amount")),
                        ],
                    };
                }
            }
        }
    }

    // 「主要包括办公费、电费、差旅费…」, 「主要用于：…」: a list of kinds of spending, up to the end of its sentence.
    [GeneratedRegex(@"(?:主要)?(?:包括|用于)[：:]?(?<items>[^。；]{2,400})")]
    private static partial Regex Listing();
}
