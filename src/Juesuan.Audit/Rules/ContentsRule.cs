using System.Globalization;
using Juesuan.Domain.Model;
// A 目录 entry: its label, what it says and the words it is compared by.
using Listed = (Juesuan.Domain.Model.PrintedLabel Label, Juesuan.Domain.Model.ContentsEntry Entry, string Words);

namespace Juesuan.Audit.Rules;

/// <summary>
/// C.CONTENTS: the 目录 against the document. Every part, section and table the 目录 lists is a heading or table title
/// of the body, under the same words (numbering, quotation marks and white space aside), in the 目录's order; and, for a
/// PDF whose 目录 prints page numbers, each entry's page is where its heading is, read against the offset the other
/// entries agree on (a cover and a 目录 without numbers come before page 1). Every finding is a warning: a 目录 that does
/// not match is corrected before publication, but it misstates no figure.
/// </summary>
internal static partial class ContentsRule
{
    // Fewer entries than this are not a 目录 to check (a heading the reader took for one).
    private const int MinimumEntries = 3;

    public static Rule Create() => new DelegateRule(RuleIds.CContents, "目录所列部分、标题和表与正文一致，次序相同，页码正确", Check);

    private static IEnumerable<Finding> Check(AuditContext c)
    {
        // The 目录: the first unbroken run of its entries (a line of the body taken for one later does not move its end).
        var labels = c.Year.Labels;
        var first = labels.Select((l, i) => (l, i)).FirstOrDefault(x => x.l.Kind == LabelKind.Contents, (null!, -1)).i;
        if (first < 0)
        {
            yield break;
        }

        var last = first;
        while (last + 1 < labels.Count && labels[last + 1].Kind is not (LabelKind.Heading or LabelKind.TableTitle))
        {
            last++;
        }

        var entries = labels.Skip(first).Take(last - first + 1).Where(l => l.Kind == LabelKind.Contents)
            .Select(l => (Label: l, Entry: ContentsEntry.Parse(l.Text)))
            .Select(x => (x.Label, x.Entry, Words: ContentsEntry.Words(x.Entry.Title)))
            .Where(x => x.Words.Length > 0)
            .ToArray();
        if (entries.Length < MinimumEntries)
        {
            yield break;
        }

        var body = labels.Skip(last + 1).Where(l => l.Kind is LabelKind.Heading or LabelKind.TableTitle).ToArray();
        var words = body.Select(b => ContentsEntry.Words(ContentsEntry.TitleOf(b.Text))).ToArray();
        var department = ContentsEntry.Words(c.Year.Department.Name);

        // Each entry's heading: the same words, else a heading that ends with them (the department or year put before a
        // table's title) or that a wrapped line cut short; the first such after the previous entry's, else the first.
        var matched = new int?[entries.Length];
        var taken = new bool[body.Length];
        var previous = -1;
        for (var e = 0; e < entries.Length; e++)
        {
            // The candidates are the headings of the same words, then those near them, none taken by an earlier entry: the
            // first after the previous entry's heading, else the first.
            var wanted = entries[e].Words;
            int? after = null;
            int? any = null;
            foreach (var same in (ReadOnlySpan<bool>)[true, false])
            {
                for (var b = 0; b < body.Length; b++)
                {
                    if (!taken[b] && (same ? words[b] == wanted : words[b] != wanted && Near(words[b], wanted, department)))
                    {
                        any ??= b;
                        after ??= b > previous ? b : null;
                    }
                }
            }

            matched[e] = after ?? any;
            if (matched[e] is { } m)
            {
                taken[m] = true;
            }

            previous = matched[e] ?? previous;
        }

        foreach (var finding in Missing(entries, body, matched))
        {
            yield return finding;
        }

        foreach (var finding in OutOfOrder(entries, body, matched))
        {
            yield return finding;
        }

        foreach (var finding in Pages(entries, body, matched))
        {
            yield return finding;
        }
    }

    // A heading that names the entry: with the department's name or the year before it (「上海市普陀区财政局2024年度收入
    // 支出决算总表」 for 「收入支出决算总表」 — other words before it make another title: 「财政拨款收入支出决算总体情况说明」
    // is not 「收入支出决算总体情况说明」), with a remark in brackets after it (「二、部门决算单位构成（仅有一个单位的部门，
    // 本部分内容…」), or cut short where its line wrapped.
    private static bool Near(string heading, string entry, string department) =>
        Math.Min(heading.Length, entry.Length) >= 4
        && ((heading.EndsWith(entry, StringComparison.Ordinal) && YearWords().Replace(department.Length == 0 ? heading[..^entry.Length] : heading[..^entry.Length].Replace(department, string.Empty, StringComparison.Ordinal), string.Empty).Length == 0)
            || (heading.Length > entry.Length && heading.StartsWith(entry, StringComparison.Ordinal) && heading[entry.Length] is '(' or '（' or '[' or '【')
            || (heading.Length >= 6 && entry.StartsWith(heading, StringComparison.Ordinal)));

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{4}年度?")]
    private static partial System.Text.RegularExpressions.Regex YearWords();

    // An entry with no heading: when the body has a heading numbered as the entry is, between the headings of the
    // entries around it, the 目录 and the body word it differently; otherwise the body does not have it.
    private static IEnumerable<Finding> Missing(Listed[] entries, PrintedLabel[] body, int?[] matched)
    {
        for (var e = 0; e < entries.Length; e++)
        {
            if (matched[e] is not null)
            {
                continue;
            }

            var (label, entry, _) = entries[e];
            var from = matched.Take(e).LastOrDefault(m => m is not null) ?? -1;
            var to = matched.Skip(e + 1).FirstOrDefault(m => m is not null) ?? body.Length;
            var numbering = ContentsEntry.Numbering(entry.Title);
            var used = matched.Where(m => m is not null).Select(m => m!.Value).ToHashSet();
            var same = numbering.Length == 0 ? null : Enumerable.Range(from + 1, Math.Max(0, to - from - 1))
                .Where(b => !used.Contains(b) && ContentsEntry.Numbering(ContentsEntry.TitleOf(body[b].Text)) == numbering)
                .Select(b => body[b]).FirstOrDefault();
            yield return same is not null
                ? Warning(label, $"目录中为「{entry.Title}」，正文{Kind(same)}为「{ContentsEntry.TitleOf(same.Text)}」，两处应一致。", same)
                : Warning(label, $"目录列出「{entry.Title}」，正文中没有这一标题或表。");
        }
    }

    // Entries whose headings come in another order: those outside the longest run of headings in the 目录's order.
    private static IEnumerable<Finding> OutOfOrder(Listed[] entries, PrintedLabel[] body, int?[] matched)
    {
        var placed = Enumerable.Range(0, entries.Length).Where(e => matched[e] is not null).ToArray();
        var inOrder = LongestIncreasing(placed.Select(e => matched[e]!.Value).ToArray()).Select(i => placed[i]).ToHashSet();
        foreach (var e in placed.Where(e => !inOrder.Contains(e)))
        {
            // Named against an entry in order that the body puts on its other side: one listed before it but printed
            // after it, else one listed after it but printed before it.
            var at = matched[e]!.Value;
            var heading = body[at];
            var before = placed.Where(p => p < e && inOrder.Contains(p) && matched[p] > at).Select(p => entries[p].Entry.Title).LastOrDefault();
            var after = placed.Where(p => p > e && inOrder.Contains(p) && matched[p] < at).Select(p => entries[p].Entry.Title).FirstOrDefault();
            yield return Warning(entries[e].Label,
                before is not null ? $"目录中「{entries[e].Entry.Title}」排在「{before}」之后，正文中却在其前（{Where(heading)}）。"
                : after is not null ? $"目录中「{entries[e].Entry.Title}」排在「{after}」之前，正文中却在其后（{Where(heading)}）。"
                : $"目录中「{entries[e].Entry.Title}」的次序与正文不同（正文{Where(heading)}）。", heading);
        }
    }

    // Page numbers of a PDF's 目录: the offset between printed and physical pages most entries agree on, and the entries
    // that disagree with it.
    private static IEnumerable<Finding> Pages(Listed[] entries, PrintedLabel[] body, int?[] matched)
    {
        var paged = Enumerable.Range(0, entries.Length)
            .Where(e => entries[e].Entry.Page is not null && matched[e] is { } m && body[m].Source?.Page is not null)
            .Select(e => (Entry: e, Printed: entries[e].Entry.Page!.Value, Physical: body[matched[e]!.Value].Source!.Page!.Value))
            .ToArray();
        if (paged.Length < MinimumEntries)
        {
            yield break;
        }

        var offsets = paged.GroupBy(p => p.Physical - p.Printed).OrderByDescending(g => g.Count()).ToArray();
        if (offsets[0].Count() * 2 <= paged.Length)
        {
            // No offset most entries agree on: the page numbers are not the document's, nothing to say entry by entry.
            yield break;
        }

        var offset = offsets[0].Key;
        foreach (var (e, printed, physical) in paged.Where(p => p.Physical - p.Printed != offset))
        {
            var should = physical - offset;
            yield return Warning(entries[e].Label, $"目录中「{entries[e].Entry.Title}」标注在第 {printed} 页，正文在第 {should} 页（文件第 {physical} 页；其余条目的页码与文件页相差 {offset}）。",
                body[matched[e]!.Value], should.ToString(CultureInfo.InvariantCulture), printed.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Kind(PrintedLabel label) => label.Kind == LabelKind.TableTitle ? "表题" : "标题";

    private static string Where(PrintedLabel label) => label.Source?.Page is { } page ? $"第 {page} 页" : label.Source?.Line is { } line ? $"第 {line} 行" : "正文";

    private static Finding Warning(PrintedLabel entry, string message, PrintedLabel? heading = null, string? expected = null, string? actual = null) => new()
    {
        Rule = RuleIds.CContents, Severity = Severity.Warning, Location = entry.Source?.Describe() ?? "目录",
        Message = message, Expected = expected, Actual = actual,
        Figures = new[] { (entry, "目录"), (heading, heading is null ? null : Kind(heading)) }.Where(x => x.Item1 is not null)
            .Select(x => new FindingFigure(x.Item1!.Text, x.Item1.Source?.Describe() ?? x.Item2!, x.Item2, AuditContext.Locate(x.Item1.Source) with { Sentence = x.Item1.Text, SpanStart = 0, SpanLength = x.Item1.Text.Length }))
            .ToArray(),
    };

    // The indexes of a longest strictly increasing subsequence of values (patience sorting).
    private static IReadOnlyList<int> LongestIncreasing(int[] values)
    {
        var tails = new List<int>();
        var previous = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var lo = 0;
            var hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (values[tails[mid]] < values[i])
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count)
            {
                tails.Add(i);
            }
            else
            {
                tails[lo] = i;
            }
        }

        var result = new List<int>();
        for (var i = tails.Count > 0 ? tails[^1] : -1; i >= 0; i = previous[i])
        {
            result.Add(i);
        }

        result.Reverse();
        return result;
    }
}
