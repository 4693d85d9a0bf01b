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

        var name = c.TableName(table.Definition);
        foreach (var section in c.Year.Narrative.Sections)
        {
            foreach (var (item, at, row) in Listed(section.Text, table) ?? [])
            {
                var amount = row.Cell("amount")?.Value is { } printed ? printed.ToString() : "空白";
                var where = $"情况说明 {section.Number}、{section.Title}";
                yield return new Finding
                {
                    Rule = Id, Severity = Severity.Warning, Location = where, Table = table.Definition,
                    Message = $"{where}列出「{item}」，但{name}中「{row.Key} {row.Label}」为{(amount == "空白" ? "空白" : " " + amount)}：所列的支出并未发生，请核对是否沿用了上年的文字。",
                    Actual = item, Expected = $"{row.Key} {amount}",
                    Figures =
                    [
                        new FindingFigure(item, where, "叙述", AuditContext.InSection(where, section.Text, at, item)),
                        new FindingFigure(amount, $"{name} {row.Key}", "表", c.LocateCell(table, row.Key, "amount")),
                    ],
                };
            }
        }
    }

    // The items of the text's lists that name a 款 of table 06 showing nothing in its amount: each as printed, where the
    // first look-alike of it in its list begins, and the row (the first of that name). Null when there is none. Read off the
    // matches in place: most lists name spending that happened, and only the items found are made into strings.
    private static List<(string Item, int At, StatedRow Row)>? Listed(string text, StatedTable table)
    {
        // A section without text fails the rule, as matching it always did (a span would read it as empty).
        ArgumentNullException.ThrowIfNull(text);
        List<(string, int, StatedRow)>? found = null;
        foreach (var list in Listing().EnumerateMatches(text))
        {
            var (start, length) = ItemsOf(text.AsSpan(list.Index, list.Length));
            var items = text.AsSpan(list.Index + start, length);
            foreach (var range in items.SplitAny(Separators))
            {
                // As Split with RemoveEmptyEntries and TrimEntries gives them.
                var item = items[range].Trim();
                if (item.IsEmpty || Named(table, item) is not { } row || !row.ShowsNothingIn("amount"))
                {
                    continue;
                }

                var printed = item.ToString();
                (found ??= []).Add((printed, list.Index + start + items.IndexOf(printed, StringComparison.Ordinal), row));
            }
        }

        return found;
    }

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create("、，,；");

    // The first 款 of the table (a five-digit code) whose name of two characters or more is the item's, normalised.
    private static StatedRow? Named(StatedTable table, ReadOnlySpan<char> item)
    {
        // By index: an enumerator through the interface is boxed, and this runs for every item of every list.
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            if (row.Key.Length == 5 && Digits.Only(row.Key) && row.Label is { Length: >= 2 } label && CatalogText.SameName(label, item))
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>
    /// Where Listing's group <c>items</c> lies in one of its matches: after 「主要」 if the match begins so, 「包括」 or 「用于」,
    /// and a colon when the items still have their two characters without it — as the pattern's backtracking places it.
    /// </summary>
    internal static (int Start, int Length) ItemsOf(ReadOnlySpan<char> match)
    {
        var start = (match.StartsWith("主要包括", StringComparison.Ordinal) || match.StartsWith("主要用于", StringComparison.Ordinal) ? 2 : 0) + 2;
        if (start < match.Length && match[start] is '：' or ':' && match.Length - start - 1 >= 2)
        {
            start++;
        }

        return (start, match.Length - start);
    }

    // 「主要包括办公费、电费、差旅费…」, 「主要用于：…」: a list of kinds of spending, up to the end of its sentence.
    [GeneratedRegex(@"(?:主要)?(?:包括|用于)[：:]?(?<items>[^。；]{2,400})")]
    internal static partial Regex Listing();
}
