using System.Globalization;
using System.Text.RegularExpressions;
using Juesuan.Formats;
using Juesuan.Import.Text;

namespace Juesuan.Corpus;

/// <summary>
/// What a finding must name to count as finding an injected defect at its place: a printed value (the changed figure,
/// or a figure of the changed sentence), a word (a placeholder, a wrong year or name), or the table whose rows moved.
/// </summary>
/// <param name="Values">Printed values, any of which the finding may quote.</param>
/// <param name="Words">Words the finding may quote instead.</param>
/// <param name="Table">The table definition a finding may name instead.</param>
/// <param name="Where">For a word: the place the finding's location must name too (「第95行」, 「第2页」), since a wrong year or
/// name also changes what other findings quote.</param>
/// <param name="Rule">For a shifted table: the rule that must say so (one finding, not any finding of that table).</param>
public sealed record Anchor(IReadOnlyList<string> Values, IReadOnlyList<string> Words, string? Table = null, string? Where = null, string? Rule = null)
{
    /// <summary>The code of the row a shift starts at, when it prints one: a finding that names it names the place exactly.</summary>
    public string? Row { get; init; }
}

/// <summary>One injected defect: its class, what was changed (for the report), the edits and where a finding must point.</summary>
public sealed record Mutant(string Class, string Description, IReadOnlyList<Edit> Edits, Anchor Anchor, int Page, int Line)
{
    /// <summary>Why nothing in the document can show this defect (<see cref="SecondSource"/>): such places are listed, not injected.</summary>
    public string? WithoutSecondSource { get; init; }

    /// <summary>The name the mutant's file is given instead of the document's (the file-name class changes nothing inside).</summary>
    public string? Rename { get; init; }
}

/// <summary>A class of defect (缺陷类别) and how to inject it into a document.</summary>
/// <param name="Id">Stable id, used in the baseline.</param>
/// <param name="Title">What the defect is, in Chinese as a reviewer would say it.</param>
/// <param name="Candidates">Every place in the document where the defect can be injected.</param>
public sealed record DefectClass(string Id, string Title, Func<Context, Random, IEnumerable<Mutant>> Candidates);

/// <summary>A document with its layout and report year, as the mutators see it.</summary>
public sealed record Context(CorpusSource Source, Layout Layout, int Year)
{
    /// <summary>The names of table 06's 款 printed as zero or blank in the unmutated document (for the zero-listed class).</summary>
    public IReadOnlyList<string> ZeroItems { get; init; } = [];

    /// <summary>The empty tables of the unmutated document with the statement each prints for being empty (empty-unexplained).</summary>
    public IReadOnlyList<(string Definition, string Title, string Statement)> EmptyStatements { get; init; } = [];

    /// <summary>True when the unmutated document lists subordinate units in its 部门决算单位构成 (for the scope-wording class).</summary>
    public bool HasSubordinates { get; init; }

    /// <summary>The titles of the headings and table titles the unmutated document's 目录 lists word for word.</summary>
    public IReadOnlySet<string> ListedHeadings { get; init; } = new HashSet<string>();

    /// <summary>The lines of a kind.</summary>
    public IEnumerable<int> LinesOf(params LineKind[] kinds) => Enumerable.Range(0, Source.Lines.Count).Where(i => kinds.Contains(Layout.Kinds[i]));

    /// <summary>The pieces of the lines of a kind, with their line.</summary>
    public IEnumerable<(int Line, int Segment)> SegmentsOf(params LineKind[] kinds) => LinesOf(kinds).SelectMany(l => Source.Lines[l].Select(s => (l, s)));

    /// <summary>How a finding's location names the place of a piece: its line in a text file, its page in a PDF.</summary>
    public string Where(int line, int segment) => Source.IsPdf ? $"第{Source.Pages[segment]}页" : $"第{line + 1}行";

    /// <summary>
    /// The sentence around <paramref name="index"/> of a piece, joined across the wrapped lines of text before and after it
    /// (blank lines skipped; a heading, 目录 entry or public table ends it), and where that place is in it.
    /// </summary>
    /// <param name="line">The line of the piece.</param>
    /// <param name="segment">The piece.</param>
    /// <param name="index">The place in the piece.</param>
    /// <param name="before">How many whole sentences before it to include as well (a figure's context).</param>
    public (string Sentence, int At) SentenceAt(int line, int segment, int index, int before = 0)
    {
        var stops = before + 1;
        static int Count(string text) => text.Count(ch => Array.IndexOf(Stops, ch) >= 0);
        var pieces = Source.Lines[line];
        var offset = pieces.TakeWhile(s => s != segment).Sum(s => Source.Segments[s].Length + 1);
        var own = Source.LineText(line);
        string head = own[..(offset + index)], after = own[(offset + index)..];
        for (var l = line - 1; l >= Math.Max(0, line - 8 * stops) && Count(head) < stops; l--)
        {
            if (Layout.Kinds[l] is LineKind.Narrative or LineKind.Other && Source.LineText(l).Trim().Length > 0)
            {
                head = Source.LineText(l) + head;
            }
            else if (Source.LineText(l).Trim().Length > 0)
            {
                break;
            }
        }

        for (var l = line + 1; l < Math.Min(Source.Lines.Count, line + 9) && after.IndexOfAny(Stops) < 0; l++)
        {
            if (Layout.Kinds[l] is LineKind.Narrative or LineKind.Other && Source.LineText(l).Trim().Length > 0)
            {
                after += Source.LineText(l);
            }
            else if (Source.LineText(l).Trim().Length > 0)
            {
                break;
            }
        }

        var start = head.Length;
        for (var i = 0; i < stops && start > 0; i++)
        {
            start = head.LastIndexOfAny(Stops, start - 1) is var stop && stop >= 0 ? stop + (i == stops - 1 ? 1 : 0) : 0;
        }

        var end = after.IndexOfAny(Stops);
        return (head[start..] + (end < 0 ? after : after[..(end + 1)]), head.Length - start);
    }

    private static readonly char[] Stops = ['。', '！', '？'];

    /// <summary>A mutant changing one piece.</summary>
    public Mutant One(string cls, int line, int segment, string text, Anchor anchor, string description) =>
        new(cls, description, [new Edit(segment, text)], anchor, Source.Pages[segment], line);

    /// <summary>
    /// How many times the document prints <paramref name="value"/> as a figure of its own (not inside a longer number;
    /// thousands separators ignored; a rate 「98%」 with or without a space, with % or ％).
    /// </summary>
    public int Printings(string value) => Regex.Count(allText ??= Regex.Replace(string.Join("\n", Enumerable.Range(0, Source.Lines.Count).Select(Source.LineText)), @"(?<=\d),(?=\d{3})", string.Empty),
        value.EndsWith('%') ? $@"(?<![\d.,]){Regex.Escape(value[..^1])}\s*[%％]" : $@"(?<![\d.,]){Regex.Escape(value.Replace(",", string.Empty, StringComparison.Ordinal))}(?![\d.,]?\d)");

    /// <summary>Whether the document prints <paramref name="words"/> followed by an amount (「部门预算项目支出总额 416.30 万元」).</summary>
    public bool PrintedWithAmount(string words)
    {
        compact ??= Regex.Replace(string.Join("\n", Enumerable.Range(0, Source.Lines.Count).Select(Source.LineText)), @"[ \t\u3000]", string.Empty);
        return Regex.IsMatch(compact, Regex.Escape(words) + @"(?:为|是|[：:])?\d[\d,]*(?:\.\d+)?(?:亿元|万元|元)");
    }

    private string? allText;
    private string? compact;
}

/// <summary>The catalogue of defect classes the corpus runner injects (issue 11; the reviewer checks of issue 13 add more).</summary>
public static partial class Mutators
{
    /// <summary>Every class, in report order.</summary>
    public static IReadOnlyList<DefectClass> All { get; } =
    [
        new("narrative-amount", "情况说明中的一个金额被改动", NarrativeAmount),
        new("narrative-rate", "情况说明中的一个占比或比率改动 0.02–5 个百分点", NarrativeRate),
        new("narrative-direction", "增加/减少、增长/下降、大于/小于 用反", NarrativeDirection),
        new("narrative-unit", "情况说明中一个金额的单位写成“元”", NarrativeUnit),
        new("zero-budget-rate", "对为零的预算数写出完成率", ZeroBudgetRate),
        new("table-cell", "表中一个单元格改动 0.01–100，使合计不成立", TableCell),
        new("table-shift", "表中自某行起数值错位一行", TableShift),
        new("year-heading", "标题中的年度写错", YearHeading),
        new("year-contents", "目录中的年度写错", YearContents),
        new("year-date", "「截至…」日期中的年度写错", YearDate),
        new("placeholder-header", "表头留有占位符（XX）", PlaceholderHeader),
        new("name-header", "表头中的部门名称与封面不一致", NameHeader),
        new("template-leftover", "模板的二选一写法未选定（增加（减少））", TemplateLeftover),
        new("rate-without-percent", "增减率或完成率漏写 %", RateWithoutPercent),
        new("wan-without-yuan", "金额写作“万”而缺“元”", WanWithoutYuan),
        new("one-decimal", "两位小数的比率写成一位小数", OneDecimal),
        new("empty-unexplained", "空表删去了为空的说明", EmptyUnexplained),
        new("share-as-rate", "各部分的占比写成“预算执行率”", ShareAsRate),
        new("procurement-split", "政府采购的货物、工程、服务金额之一改动，与总额不符", ProcurementSplit),
        new("repeated-word", "句中一个词连写两遍", RepeatedWord),
        new("flat-contradiction", "同一句既写增减又写“与上年持平”", FlatContradiction),
        new("zero-listed", "「主要包括」中列出公开06表为零的科目", ZeroListed),
        new("contents-wording", "目录条目的文字与正文标题不一致", ContentsWording),
        new("heading-wording", "正文标题的文字与目录所列不一致", HeadingWording),
        new("counts-missing", "“三公”经费的批次、人次、车辆数未说明", CountsMissing),
        new("unit-count", "部门决算单位构成写出的单位个数与所列不符", UnitCount),
        new("scope-wording", "包括二级单位的部门决算称「本单位」", ScopeWording),
        new("parts-breakdown", "括号内列全的分项之一改动，分项之和不再等于总数", PartsBreakdown),
        new("forced-hundred", "几项占比为凑足 100% 而此增彼减", ForcedHundred),
        new("restated-rate", "多处写出的同一比率，其中一处写得不同", RestatedRate),
        new("item-unexplained", "05 表有支出的一个项，情况说明中删去了它的说明", ItemUnexplained),
        new("zero-prior-rate", "上年数为零（增减额等于本年数）却写出增长率", ZeroPriorRate),
        new("fund-code", "一般公共预算财政拨款支出表中列入政府性基金或国有资本经营预算的科目", FundCode),
        new("file-name", "报告文件按另一年度或另一单位命名", FileName),
    ];

    // The report saved under a name giving the year before, or another bureau (体育局, which no sample is): its content
    // untouched. Two mutants a document.
    private static IEnumerable<Mutant> FileName(Context c, Random random)
    {
        var extension = System.IO.Path.GetExtension(c.Source.Name);
        yield return new Mutant("file-name", $"文件名 → {c.Year - 1}年度部门决算{extension}", [], new Anchor([], [$"（{c.Year - 1}）"], Rule: "D.FILE_NAME"), 1, 0)
            { Rename = $"{c.Year - 1}年度部门决算{extension}" };
        yield return new Mutant("file-name", $"文件名 → 区体育局{c.Year}年度部门决算{extension}", [], new Anchor([], ["区体育局"], Rule: "D.FILE_NAME"), 1, 0)
            { Rename = $"区体育局{c.Year}年度部门决算{extension}" };
    }

    // A heading of the body that the document's 目录 lists word for word (as the reader found them: a heading or table
    // title whose title a 目录 entry gives) loses two characters before its last two, as the entry does in
    // contents-wording. The heading is the title's last printing; the 目录's is the first.
    private static IEnumerable<Mutant> HeadingWording(Context c, Random random)
    {
        static string Compact(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal);
        var titles = Enumerable.Range(0, c.Source.Lines.Count).Select(l => Juesuan.Domain.Model.ContentsEntry.TitleOf(Compact(PrintedText.Normalize(c.Source.LineText(l))).TrimStart('-', '•', '·', '▪', '●'))).ToArray();
        foreach (var title in c.ListedHeadings.Where(t => Juesuan.Domain.Model.ContentsEntry.Words(t).Length >= 6).Order(StringComparer.Ordinal))
        {
            var line = Array.LastIndexOf(titles, title);
            if (line < 0 || Array.IndexOf(titles, title) == line)
            {
                continue;
            }

            foreach (var segment in c.Source.Lines[line])
            {
                var text = c.Source.Segments[segment];
                var tail = title[^4..];
                var at = text.IndexOf(tail, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var mutated = text[..at] + tail[2..] + text[(at + 4)..];
                    var wrong = Juesuan.Domain.Model.ContentsEntry.TitleOf(string.Join(string.Empty, c.Source.Lines[line].Select(s => s == segment ? mutated : c.Source.Segments[s])));
                    // Found when a new finding names the heading as it now reads, or the 目录 entry it no longer matches.
                    yield return c.One("heading-wording", line, segment, mutated, new Anchor([], [wrong, title]), $"{title} → {wrong}");
                    break;
                }
            }
        }
    }

    // A 目录 entry loses two characters before its last two (「…支出决算情况说明」 → 「…支出决算说明」): it no longer
    // names its heading word for word. Titles of fewer than six words are left (too short to tell from another's).
    private static IEnumerable<Mutant> ContentsWording(Context c, Random random)
    {
        foreach (var line in c.LinesOf(LineKind.Contents))
        {
            foreach (var segment in c.Source.Lines[line])
            {
                // Leaders inside a sentence (「占XX%……」 in a template) are not a 目录 entry.
                var text = c.Source.Segments[segment];
                var title = Juesuan.Domain.Model.ContentsEntry.TitleOf(text);
                if (Juesuan.Domain.Model.ContentsEntry.Words(title).Length < 6 || text.IndexOfAny(['，', '。', '；', ',', ';']) >= 0)
                {
                    continue;
                }

                // The title's last four characters as printed on the line (a title printed with spaces inside them is left).
                var tail = title[^4..];
                var at = text.IndexOf(tail, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                var mutated = text[..at] + tail[2..] + text[(at + 4)..];
                var wrong = Juesuan.Domain.Model.ContentsEntry.TitleOf(mutated);
                yield return c.One("contents-wording", line, segment, mutated, new Anchor([], [wrong], Where: c.Where(line, segment)), $"{title} → {wrong}");
            }
        }
    }

    private static IEnumerable<Mutant> ZeroListed(Context c, Random random)
    {
        if (c.ZeroItems.Count == 0)
        {
            yield break;
        }

        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in ListStart().Matches(text))
            {
                var item = c.ZeroItems[random.Next(c.ZeroItems.Count)];
                var at = m.Index + m.Length;
                yield return c.One("zero-listed", line, segment, text[..at] + item + "、" + text[at..], new Anchor([], [item]), $"「{m.Value}」后加「{item}」");
            }
        }
    }

    private static IEnumerable<Mutant> FlatContradiction(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in ChangeWithFigure().Matches(text))
            {
                if (decimal.Parse(m.Groups["v"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) == 0m)
                {
                    continue;
                }

                var end = m.Index + m.Length;
                yield return c.One("flat-contradiction", line, segment, text[..end] + "，与上年持平" + text[end..], new Anchor([m.Groups["v"].Value], []), $"{m.Value} 后加「与上年持平」");
            }
        }
    }

    private static IEnumerable<Mutant> TemplateLeftover(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in DirectionWord().Matches(text))
            {
                var left = $"{m.Value}（{Opposites[m.Value]}）";
                yield return c.One("template-leftover", line, segment, text[..m.Index] + left + text[(m.Index + m.Length)..], new Anchor([], [left]), $"{m.Value} → {left}");
            }
        }
    }

    private static IEnumerable<Mutant> RateWithoutPercent(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in RateWithPercent().Matches(text))
            {
                // Only where a clause ends after the rate: 「增长 8.27%，」 → 「增长 8.27，」.
                var percent = m.Groups["p"];
                yield return c.One("rate-without-percent", line, segment, text[..percent.Index] + text[(percent.Index + percent.Length)..], new Anchor([m.Groups["v"].Value], []), $"{m.Value} → 去掉 %");
            }
        }
    }

    // 「城乡居民参保率为 98%，」 → 「城乡居民参保参保率为 98%，」: the two characters after a comma written twice, in a sentence.
    private static IEnumerable<Mutant> RepeatedWord(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            // Not a table's note (「注：本表金额转换为万元时，因四舍五入…」): notes belong to their tables, which this rule does not read.
            var text = c.Source.Segments[segment];
            if (text.Contains("本表", StringComparison.Ordinal) || text.TrimStart().StartsWith("注", StringComparison.Ordinal) || AfterComma().Match(text) is not { Success: true } m)
            {
                continue;
            }

            var word = m.Groups["w"].Value;
            yield return c.One("repeated-word", line, segment, text[..m.Groups["w"].Index] + word + text[m.Groups["w"].Index..], new Anchor([word + word], [], Rule: "N.REPEATED_WORD"), $"「{word}」→「{word}{word}」");
        }
    }

    // Two characters of a word right after a comma, with more of the clause after them (no figure, no mark, in 10 characters).
    [GeneratedRegex(@"，(?<w>[\p{IsCJKUnifiedIdeographs}]{2})(?=[\p{IsCJKUnifiedIdeographs}]{2,10}[，。])")]
    private static partial Regex AfterComma();

    // 「货物采购金额 4.79 万元、工程采购金额 0 万元、服务采购金额 246.47 万元」: one non-zero part changed.
    private static IEnumerable<Mutant> ProcurementSplit(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in ProcurementPart().Matches(text))
            {
                if (decimal.Parse(m.Groups["v"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) == 0m
                    || Changed(m.Groups["v"].Value, random, relative: true) is not { } value)
                {
                    continue;
                }

                yield return c.One("procurement-split", line, segment, Splice(text, m.Groups["v"], value), new Anchor([value + "万元", value], []), $"{m.Value} → {value}万元");
            }
        }
    }

    [GeneratedRegex(@"(?:货物|工程|服务)(?:类)?(?:采购)?(?:金额|支出)?(?:为)?\s*(?<v>[0-9][0-9,]*(?:\.[0-9]{1,2})?)\s*万元")]
    private static partial Regex ProcurementPart();

    // 「基本支出 673.68 万元，占 9.09%；项目支出 6,739.91 万元，占 90.91%」 → 「…，预算执行率为 9.09%；…，预算执行率为 90.91%」:
    // the parts' shares of their whole called execution rates (合水 prints it so), where a line states two or more.
    private static IEnumerable<Mutant> ShareAsRate(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            // Parts with something in them, none the whole (a 0.00 % or a 100.00 % may well be a rate).
            var text = c.Source.Segments[segment];
            var shares = PartShare().Matches(text);
            if (shares.Count < 2 || shares.Any(m => decimal.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture) is 0m or 100m))
            {
                continue;
            }

            var mutated = PartShare().Replace(text, m => m.Groups["a"].Value + m.Groups["s"].Value + "预算执行率为" + m.Groups["v"].Value + "%");
            var values = shares.Select(m => m.Groups["v"].Value + "%").ToArray();
            yield return c.One("share-as-rate", line, segment, mutated, new Anchor(values, [], Rule: "N.COMPLETION"), $"「占 {string.Join("、", values)}」 → 「预算执行率为 …」");
        }
    }

    [GeneratedRegex(@"(?<a>万元)(?<s>\s*[，,]\s*)占(?:[^，。；0-9%]{0,8}?)\s*(?<v>[0-9]{1,3}\.[0-9]{1,2})\s*[%％]")]
    private static partial Regex PartShare();

    // An empty table's statement (「说明：我部门没有政府性基金收入，…故本表无数据。」) deleted from the line that prints it:
    // found at the table — C.EMPTY_TABLE, or C.TABLES where that line was all the report printed of the table.
    private static IEnumerable<Mutant> EmptyUnexplained(Context c, Random random)
    {
        static string Compact(string text) => string.Concat(PrintedText.Normalize(text).Where(ch => !char.IsWhiteSpace(ch)));
        foreach (var (definition, title, statement) in c.EmptyStatements)
        {
            var wanted = Compact(statement);
            if (wanted.Length < 6)
            {
                continue;
            }

            // Tables often share one wording (「本部门不涉及 故公开空表」): the statement's line that names this table, else
            // the one after this table's title.
            bool Says(int l) => Compact(c.Source.LineText(l)).Contains(wanted[..Math.Min(wanted.Length, 12)], StringComparison.Ordinal);
            var titled = Enumerable.Range(0, c.Source.Lines.Count).Where(l => Says(l) && Compact(c.Source.LineText(l)).Contains(Compact(title), StringComparison.Ordinal)).ToArray();
            var after = Enumerable.Range(0, c.Source.Lines.Count).Where(l => Compact(c.Source.LineText(l)).Contains(Compact(title), StringComparison.Ordinal)).Select(l => (int?)l).FirstOrDefault();
            var candidates = titled.Length > 0 ? titled : Enumerable.Range(after ?? 0, c.Source.Lines.Count - (after ?? 0)).Where(Says).Take(1).ToArray();
            foreach (var line in candidates)
            {
                var segments = c.Source.Lines[line];
                if (segments.Count == 0)
                {
                    continue;
                }

                yield return new Mutant("empty-unexplained", $"删去「{(statement.Length > 20 ? statement[..20] + "…" : statement)}」", [.. segments.Select(seg => new Edit(seg, string.Empty))],
                    new Anchor([], [], Table: definition), c.Source.Pages[segments[0]], line);
                break;
            }
        }
    }

    // A share or rate printed to two decimals written to one (「占 97.66%」 → 「占 97.7%」), where its text prints its rates to two.
    private static IEnumerable<Mutant> OneDecimal(Context c, Random random)
    {
        // Only a report that writes its rates to two decimals (three others at least) shows the slip.
        if (c.SegmentsOf(LineKind.Narrative).Sum(x => TwoDecimalRate().Matches(c.Source.Segments[x.Segment]).Count) < 4)
        {
            yield break;
        }

        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in TwoDecimalRate().Matches(text))
            {
                // Rounded, not cut: the figure stays right, only its form is wrong.
                var value = m.Groups["v"];
                var cut = Math.Round(decimal.Parse(value.Value, CultureInfo.InvariantCulture), 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
                yield return c.One("one-decimal", line, segment, text[..value.Index] + cut + text[(value.Index + value.Length)..], new Anchor([cut + "%"], [], Rule: "N.FIGURE_FORM"), $"{value.Value}% → {cut}%");
            }
        }
    }

    [GeneratedRegex(@"(?:占|增长|下降)[^，。；、0-9%]{0,12}?(?<v>[0-9]{1,3}\.[0-9]{2})(?=\s*[%％])")]
    private static partial Regex TwoDecimalRate();

    private static IEnumerable<Mutant> WanWithoutYuan(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in Amount().Matches(text))
            {
                var end = m.Index + m.Length;
                if (m.Groups["u"].Value != "万元" || end >= text.Length || text[end] is not ('，' or '。' or '；' or '、'))
                {
                    continue;
                }

                var (sentence, at) = c.SentenceAt(line, segment, m.Index);
                var head = WrappedHead(sentence, at);
                yield return c.One("wan-without-yuan", line, segment, text[..(end - 1)] + text[end..], new Anchor([head + m.Groups["v"].Value], []), $"{head}{m.Value} → {head}{m.Groups["v"].Value}万");
            }
        }
    }

    private static IEnumerable<Mutant> NarrativeAmount(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            foreach (Match m in Amount().Matches(c.Source.Segments[segment]))
            {
                if (Changed(m.Groups["v"].Value, random, relative: true) is { } value)
                {
                    var (sentence, at) = c.SentenceAt(line, segment, m.Index);
                    var head = WrappedHead(sentence, at);
                    var printed = head + value + m.Groups["u"].Value;
                    yield return c.One("narrative-amount", line, segment, Splice(c.Source.Segments[segment], m.Groups["v"], value),
                        new Anchor([printed, head + value], []), $"{head}{m.Value} → {printed}")
                        with
                        {
                            WithoutSecondSource = SecondSource.ForAmount(sentence, at, m.Value, c.Printings(m.Groups["v"].Value), c.SentenceAt(line, segment, m.Index, before: 1).Sentence,
                                lowered: decimal.Parse(value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) < decimal.Parse(m.Groups["v"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)),
                        };
                }
            }
        }
    }

    // A figure wrapped at a line's end (「138.」, then 「68万元」 on the next line): the part printed before the break, so that
    // the anchor is the figure as the reader joins it, not its tail.
    private static string WrappedHead(string sentence, int at)
    {
        var start = at;
        while (start > 0 && (char.IsAsciiDigit(sentence[start - 1]) || sentence[start - 1] is '.' or ','))
        {
            start--;
        }

        return sentence[start..at];
    }

    private static IEnumerable<Mutant> NarrativeRate(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            foreach (Match m in Percent().Matches(c.Source.Segments[segment]))
            {
                if (Changed(m.Groups["v"].Value, random, relative: false) is { } value)
                {
                    var (sentence, at) = c.SentenceAt(line, segment, m.Index);
                    var head = WrappedHead(sentence, at);
                    yield return c.One("narrative-rate", line, segment, Splice(c.Source.Segments[segment], m.Groups["v"], value),
                        new Anchor([head + value + "%", head + value], []), $"{head}{m.Value} → {head}{value}%") with { WithoutSecondSource = SecondSource.ForRate(sentence, at, m.Length, year: c.Year, printedWithAmount: c.PrintedWithAmount) };
                }
            }
        }
    }

    private static readonly Dictionary<string, string> Opposites = new()
    {
        ["增加"] = "减少", ["减少"] = "增加", ["增长"] = "下降", ["下降"] = "增长", ["大于"] = "小于", ["小于"] = "大于", ["高于"] = "低于", ["低于"] = "高于",
    };

    private static IEnumerable<Mutant> NarrativeDirection(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in DirectionWord().Matches(text))
            {
                // Only a word that governs a figure can be checked: the figures of its clause anchor the finding.
                var after = text[(m.Index + m.Length)..];
                var clause = ClauseEnd().Match(after) is { Success: true } end ? after[..end.Index] : after;
                var before = text[..m.Index];
                var start = Math.Max(before.LastIndexOfAny(['。', '；']), 0);
                var figures = Figure().Matches(before[start..] + clause).Select(f => f.Groups["v"].Value).ToArray();
                if (figures.Length == 0 || !Figure().IsMatch(clause))
                {
                    continue;
                }

                var flipped = text[..m.Index] + Opposites[m.Value] + after;
                var (sentence, at) = c.SentenceAt(line, segment, m.Index);
                yield return c.One("narrative-direction", line, segment, flipped, new Anchor(figures, []), $"{m.Value} → {Opposites[m.Value]}（{Short(text, m.Index)}）")
                    with { WithoutSecondSource = SecondSource.ForDirection(sentence, at) };
            }
        }
    }

    private static IEnumerable<Mutant> NarrativeUnit(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            foreach (Match m in Amount().Matches(c.Source.Segments[segment]))
            {
                if (m.Groups["u"].Value != "万元" || decimal.Parse(m.Groups["v"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) == 0m)
                {
                    continue;
                }

                var text = c.Source.Segments[segment];
                var changed = text[..m.Groups["u"].Index] + "元" + text[(m.Groups["u"].Index + 2)..];
                // A figure the line wrap cut (「增加 6.9」 / 「1万元」) is the whole figure in what the audit says.
                var figure = Wrapped(c, line, text, m.Index) + m.Groups["v"].Value;
                yield return c.One("narrative-unit", line, segment, changed, new Anchor([figure + "元"], []), $"{m.Value} → {m.Groups["v"].Value}元");
            }
        }
    }

    // The digits a figure starting a line carries over from the last printed line before it (「…增加 6.9」 then 「1万元」).
    private static string Wrapped(Context c, int line, string text, int at)
    {
        if (text[..at].Trim().Length > 0)
        {
            return string.Empty;
        }

        for (var before = line - 1; before >= 0 && before >= line - 3; before--)
        {
            var previous = c.Source.LineText(before).TrimEnd();
            if (previous.Length > 0)
            {
                return WrappedDigits().Match(previous).Value;
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"(?<![0-9.,])[0-9][0-9.,]*$")]
    private static partial Regex WrappedDigits();

    private static IEnumerable<Mutant> ZeroBudgetRate(Context c, Random random)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in BudgetThenRate().Matches(text))
            {
                var budget = m.Groups["b"];
                if (decimal.Parse(budget.Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) == 0m)
                {
                    continue;
                }

                var zero = budget.Value.Contains('.', StringComparison.Ordinal) ? "0." + new string('0', budget.Value.Length - budget.Value.IndexOf('.', StringComparison.Ordinal) - 1) : "0";
                yield return c.One("zero-budget-rate", line, segment, Splice(text, budget, zero), new Anchor([m.Groups["r"].Value + "%", m.Groups["r"].Value], []),
                    $"预算数 {budget.Value} → {zero}，完成率 {m.Groups["r"].Value}% 未改");
            }
        }
    }

    private static IEnumerable<Mutant> TableCell(Context c, Random random)
    {
        foreach (var line in c.LinesOf(LineKind.TableRow))
        {
            foreach (var segment in c.Source.Lines[line])
            {
                var text = c.Source.Segments[segment];
                foreach (Match m in CellInLine().Matches(text))
                {
                    var magnitude = new[] { 0.01m, 0.1m, 1m, 10m }[random.Next(4)] * random.Next(1, 10);
                    var value = decimal.Parse(m.Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
                    var decimals = m.Value.Length - m.Value.IndexOf('.', StringComparison.Ordinal) - 1;
                    // At least one unit of the last printed place: 0.03 added to 「137.7」 would print it unchanged.
                    magnitude = Math.Max(magnitude, 1m / (decimal)Math.Pow(10, decimals));
                    var printed = Format(Math.Round(value + magnitude, decimals, MidpointRounding.AwayFromZero), decimals, m.Value.Contains(',', StringComparison.Ordinal));
                    yield return c.One("table-cell", line, segment, text[..m.Index] + printed + text[(m.Index + m.Length)..],
                        new Anchor([printed], []), $"{c.Layout.Tables[line]}：{m.Value} → {printed}");
                }
            }
        }
    }

    private static IEnumerable<Mutant> CountsMissing(Context c, Random random)
    {
        // A count the template requires, left out of its sentence: only a count above zero, since a zero count goes with
        // no spending, which requires no count.
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in RequiredCount().Matches(text))
            {
                if (Amount(m.Groups["n"].Value) == 0m)
                {
                    continue;
                }

                var what = m.Groups["k"].Value switch
                {
                    "团组" => "因公出国（境）团组数和人次",
                    var k when k.Contains("接待", StringComparison.Ordinal) => "公务接待批次和人次",
                    _ => "公务用车保有量",
                };
                yield return c.One("counts-missing", line, segment, text[..m.Index] + text[(m.Index + m.Length)..], new Anchor([], [what], Rule: "N.COUNTS"), $"删去「{m.Value}」");
            }
        }
    }

    private static IEnumerable<Mutant> UnitCount(Context c, Random random)
    {
        // 「单位共 3 个」 → 「单位共 4 个」, 「所属 2 个二级预算单位」 → 「所属 3 个…」: the count off by one, the list as it was.
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative, LineKind.Other))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in StatedUnitCount().Matches(text))
            {
                var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                var wrong = (n + (n > 1 && random.Next(2) == 0 ? -1 : 1)).ToString(CultureInfo.InvariantCulture);
                yield return c.One("unit-count", line, segment, Splice(text, m.Groups["n"], wrong), new Anchor([wrong], [], Rule: "D.UNITS"), $"{m.Value} → {wrong}");
            }
        }
    }

    private static IEnumerable<Mutant> ScopeWording(Context c, Random random)
    {
        if (!c.HasSubordinates)
        {
            yield break;
        }

        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            var at = text.IndexOf("本部门", StringComparison.Ordinal);
            if (at >= 0)
            {
                yield return c.One("scope-wording", line, segment, text[..at] + "本单位" + text[(at + 3)..], new Anchor([], ["本单位"], Rule: "N.SCOPE"), $"本部门 → 本单位（{Short(text, at)}）");
            }
        }
    }

    private static IEnumerable<Mutant> PartsBreakdown(Context c, Random random)
    {
        // 「15357.29 万元（基本 11130.46 万元，大病 1720.68 万元，医疗救助 2506.15 万元）」: one part changed, the total kept.
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in Breakdown().Matches(text))
            {
                var parts = WanAmount().Matches(m.Groups["parts"].Value).ToArray();
                var total = Amount(m.Groups["total"].Value);
                if (parts.Length < 2 || Math.Abs(parts.Sum(p => Amount(p.Value)) - total) > 0.01m * parts.Length)
                {
                    continue;
                }

                var part = parts[random.Next(parts.Length)];
                var decimals = part.Value.Contains('.', StringComparison.Ordinal) ? part.Value.Length - part.Value.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                var delta = Math.Max(Math.Round(total * random.Next(1, 20) / 100m, decimals), decimals == 0 ? 1m : 0.01m);
                var value = Format(Amount(part.Value) + delta, decimals, part.Value.Contains(',', StringComparison.Ordinal));
                var at = m.Groups["parts"].Index + part.Index;
                yield return c.One("parts-breakdown", line, segment, text[..at] + value + text[(at + part.Length)..], new Anchor([value, m.Groups["total"].Value], [], Rule: "N.PARTS"), $"{part.Value} → {value}（总数 {m.Groups["total"].Value}）");
            }
        }
    }

    private static IEnumerable<Mutant> ForcedHundred(Context c, Random random)
    {
        // Shares of one sentence that add up to 100 %: one raised and another lowered by as much, so they still do.
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            var shares = ShareOf().Matches(text).ToArray();
            if (shares.Length < 2 || Math.Abs(shares.Sum(m => Amount(m.Groups["v"].Value)) - 100m) > 0.01m * shares.Length)
            {
                continue;
            }

            for (var i = 0; i < shares.Length; i++)
            {
                var j = (i + 1 + random.Next(shares.Length - 1)) % shares.Length;
                var up = shares[i].Groups["v"];
                var down = shares[j].Groups["v"];
                var decimals = up.Value.Contains('.', StringComparison.Ordinal) ? up.Value.Length - up.Value.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                var delta = new[] { 0.5m, 1m, 2m }[random.Next(3)];
                if (Amount(down.Value) - delta < 0m || decimals == 0 && delta != Math.Round(delta))
                {
                    continue;
                }

                var raised = Format(Amount(up.Value) + delta, decimals, false);
                var lowered = Format(Amount(down.Value) - delta, down.Value.Contains('.', StringComparison.Ordinal) ? down.Value.Length - down.Value.IndexOf('.', StringComparison.Ordinal) - 1 : 0, false);
                // The later one first, so the earlier one's place still holds.
                var mutated = text;
                foreach (var (group, printed) in new[] { ((Group)up, raised), ((Group)down, lowered) }.OrderByDescending(e => e.Item1.Index))
                {
                    mutated = Splice(mutated, group, printed);
                }

                yield return c.One("forced-hundred", line, segment, mutated, new Anchor([raised + "%", lowered + "%"], [], Rule: "N.SHARE"), $"{up.Value}% → {raised}%，{down.Value}% → {lowered}%（合计仍为 100%）");
            }
        }
    }

    private static IEnumerable<Mutant> RestatedRate(Context c, Random random)
    {
        // A rate printed three times or more with the same words and value: one of the places written otherwise.
        var places = c.SegmentsOf(LineKind.Narrative)
            .SelectMany(p => NamedRate().Matches(c.Source.Segments[p.Segment]).Select(m => (p.Line, p.Segment, Match: m)))
            .GroupBy(p => (p.Match.Groups["k"].Value, p.Match.Groups["v"].Value))
            .Where(g => g.Count() >= 3);
        foreach (var group in places)
        {
            foreach (var (line, segment, m) in group)
            {
                var value = Amount(m.Groups["v"].Value);
                var changed = (value >= 100m ? value - random.Next(1, 4) : value + random.Next(1, 4) * (random.Next(2) == 0 ? -1 : 1)).ToString(CultureInfo.InvariantCulture);
                yield return c.One("restated-rate", line, segment, Splice(c.Source.Segments[segment], m.Groups["v"], changed), new Anchor([changed + "%", changed], [], Rule: "N.RESTATED"), $"{m.Groups["k"].Value} {m.Groups["v"].Value}% → {changed}%");
            }
        }
    }

    private static IEnumerable<Mutant> ItemUnexplained(Context c, Random random)
    {
        // 「3. 卫生健康支出（类）行政事业单位医疗（款）行政单位医疗支出（项）。年初预算…」 dropped whole: the item is left unexplained.
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            if (ItemParagraph().Match(text) is { Success: true } m && text.TrimEnd().EndsWith('。'))
            {
                var item = m.Groups["item"].Value.Trim();
                yield return c.One("item-unexplained", line, segment, string.Empty, new Anchor([], [item], Rule: "N.ITEM_COVERAGE"), $"删去「{(text.Length > 30 ? text[..30] : text)}…」");
            }
        }
    }

    private static IEnumerable<Mutant> ZeroPriorRate(Context c, Random random)
    {
        // 「支出 X 万元，比上年增加 Y 万元，增长 Z%」 with Y made X: the prior year is zero, and a rate over it means nothing.
        foreach (var (line, segment) in c.SegmentsOf(LineKind.Narrative))
        {
            var text = c.Source.Segments[segment];
            foreach (Match m in AmountThenIncrease().Matches(text))
            {
                if (Amount(m.Groups["now"].Value) == 0m || m.Groups["now"].Value == m.Groups["by"].Value)
                {
                    continue;
                }

                yield return c.One("zero-prior-rate", line, segment, Splice(text, m.Groups["by"], m.Groups["now"].Value), new Anchor([], ["上年数为零"], Rule: "N.CHANGE"), $"增加 {m.Groups["by"].Value} → {m.Groups["now"].Value}（与本年数相同）");
            }
        }
    }

    // Items of the government-fund and state-capital budgets, as a clerk copying from the wrong sheet would print them.
    private static readonly (string Code, string Name)[] OtherFundItems =
    [
        ("2296002", "用于社会福利的彩票公益金支出"),
        ("2120801", "征地和拆迁补偿支出"),
        ("2230101", "厂办大集体改革支出"),
    ];

    private static IEnumerable<Mutant> FundCode(Context c, Random random)
    {
        // A 项 row of the general-budget expenditure table relabelled as an item of another budget, its figures kept.
        foreach (var line in c.LinesOf(LineKind.TableRow).Where(l => c.Layout.Tables[l] == "gpb-expenditure"))
        {
            var segments = c.Source.Lines[line];
            var (code, name) = OtherFundItems[random.Next(OtherFundItems.Length)];
            var pieces = segments.Select(sg => c.Source.Segments[sg].Trim()).ToArray();
            if (pieces.Length >= 4 && Digits(pieces[0], 3) && Digits(pieces[1], 2) && Digits(pieces[2], 2))
            {
                // The code printed in three columns, 类 款 项 (「201 06 01 行政运行」).
                var split = new List<Edit> { new(segments[0], code[..3]), new(segments[1], code[3..5]), new(segments[2], code[5..]) };
                if (!Layout.IsCell(pieces[3]))
                {
                    split.Add(new Edit(segments[3], name));
                }

                yield return new Mutant("fund-code", $"{pieces[0]} {pieces[1]} {pieces[2]} → {code[..3]} {code[3..5]} {code[5..]} {name}", split, new Anchor([], [code], Rule: "X.FUND_CODES"), c.Source.Pages[segments[0]], line);
                continue;
            }

            var at = segments.Select((s, k) => (s, k)).FirstOrDefault(x => ItemCode().IsMatch(c.Source.Segments[x.s]), (s: -1, k: -1));
            if (at.k < 0)
            {
                continue;
            }

            var text = c.Source.Segments[at.s];
            var m = ItemCode().Match(text);
            var edits = new List<Edit>();
            if (text[(m.Index + m.Length)..].TrimStart('\t', ' ') is { Length: > 0 } rest && !char.IsAsciiDigit(rest[0]))
            {
                // Code and name in one piece (a tab-separated row): the name is the text up to the next tab or figure.
                var label = LabelAfterCode().Match(text, m.Index + m.Length);
                edits.Add(new Edit(at.s, text[..m.Index] + code + text[(m.Index + m.Length)..label.Index] + name + text[(label.Index + label.Length)..]));
            }
            else
            {
                // Code and name as separate words (PDF): the name is the next piece that is not a figure.
                edits.Add(new Edit(at.s, text[..m.Index] + code + text[(m.Index + m.Length)..]));
                var next = segments.Skip(at.k + 1).FirstOrDefault(s => !Layout.IsCell(c.Source.Segments[s]), -1);
                if (next >= 0)
                {
                    edits.Add(new Edit(next, name));
                }
            }

            yield return new Mutant("fund-code", $"{m.Value} → {code} {name}", edits, new Anchor([], [code], Rule: "X.FUND_CODES"), c.Source.Pages[at.s], line);
        }
    }

    private static IEnumerable<Mutant> TableShift(Context c, Random random)
    {
        // The rows of each table block, in order; from a chosen row on each row takes the figures of the row below, in
        // the printed column of the chosen row's first figures.
        var blocks = c.LinesOf(LineKind.TableRow).GroupBy(l => (c.Layout.Tables[l], Block: BlockStart(c, l)));
        foreach (var block in blocks)
        {
            // A row printed without figures (「10. 节能环保支出」 with its cells empty) is a row all the same: figures sliding
            // down the column pass through it. Totals printed under the rows (人员经费合计 …, 04's 收入总计 | 支出总计) stay
            // where they are: a slip moves the rows' figures.
            var lines = Enumerable.Range(block.First(), block.Last() - block.First() + 1)
                .Where(l => c.Layout.Kinds[l] == LineKind.TableRow || (c.Layout.Kinds[l] == LineKind.Other && c.Layout.Tables[l] == block.Key.Item1 && Labelled(c, l)))
                .ToArray();
            var rows = PrintedRows(c, lines);
            while (rows.Length > 0 && PrintedText.Normalize(string.Join(" ", rows[^1].Select(c.Source.LineText))) is var last
                && (last.Contains("合计", StringComparison.Ordinal) || last.Contains("总计", StringComparison.Ordinal)))
            {
                rows = rows[..^1];
            }

            for (var k = 0; k + 2 < rows.Length; k++)
            {
                var column = PrintedColumn.Of(c, rows[k]);
                if (column is null)
                {
                    continue;
                }

                // A shift that moves zeros over zeros changes nothing a reader could see, and one that moves a single
                // figure is a misplaced cell, not a shifted table: at least two figures that are not zero must move.
                var moving = rows[k..].Sum(r => column.Figures(c, r).Count(f => f != 0m));
                if (moving < 2)
                {
                    continue;
                }

                // Nor is it a shift where the rows hold the same figures (a 类 with one 款 with one 项: 6.75, 6.75, 6.75):
                // only the last row would change — emptied, which reads as a row left blank, not as a slide.
                var changed = Enumerable.Range(k, rows.Length - k)
                    .Count(j => !column.Figures(c, rows[j]).SequenceEqual(j + 1 < rows.Length ? column.Figures(c, rows[j + 1]) : []));
                if (changed < 2)
                {
                    continue;
                }

                var edits = new List<Edit>();
                for (var j = k; j < rows.Length; j++)
                {
                    edits.AddRange(column.Shift(c, rows[j], j + 1 < rows.Length ? rows[j + 1] : null, first: j == k));
                }

                var label = PrintedText.Normalize(string.Join(" ", rows[k].Select(c.Source.LineText))).Trim();
                var code = rows[k].SelectMany(l => Layout.Tokens(c.Source, l)).FirstOrDefault(t => t.Length is 3 or 5 or 7 && t.All(char.IsAsciiDigit));
                yield return new Mutant("table-shift", $"{block.Key.Item1}：自「{(label.Length > 24 ? label[..24] : label)}」起数值上移一行", edits,
                    new Anchor([], [], block.Key.Item1, Rule: "T.ROWS_SHIFTED") { Row = code }, c.Source.Pages[c.Source.Lines[rows[k][^1]][0]], rows[k][^1]);
            }
        }
    }

    // The printed rows of a table block. A PDF may print some of a row's figures a little above its label (a cell
    // aligned to the top beside one centred: 「1,503.52 603.14」 over 「201 一般公共服务支出 2,106.66」, or the totals
    // 「2,152.26 184.65」 over 「人员经费合计 公用经费合计」); such a line of figures alone is the row below's. Text
    // prints a row on one line.
    private static int[][] PrintedRows(Context c, int[] lines)
    {
        var rows = new List<int[]>();
        for (var i = 0; i < lines.Length; i++)
        {
            // The label line under it may be no row of its own (「人员经费合计 公用经费合计」 opens with no code).
            var below = lines[i] + 1;
            if (c.Source is PdfSource && below < c.Source.Lines.Count && c.Layout.Tables[below] == c.Layout.Tables[lines[i]]
                && c.Layout.Kinds[below] is LineKind.TableRow or LineKind.Other
                && Layout.Tokens(c.Source, lines[i]).ToArray() is { Length: > 0 } tokens && tokens.All(Layout.IsCell) && !Layout.Tokens(c.Source, below).All(Layout.IsCell))
            {
                rows.Add([lines[i], below]);
                if (i + 1 < lines.Length && lines[i + 1] == below)
                {
                    i++;
                }
            }
            else
            {
                rows.Add([lines[i]]);
            }
        }

        return [.. rows];
    }

    // A line that opens a row of its own: a code (2050202, or a 款 「18」 printed apart) or a list number (「10.」) with a
    // label — not a stray page number, and not the second line of a label that wrapped (「出」), which is no row.
    private static bool Labelled(Context c, int line)
    {
        var tokens = Layout.Tokens(c.Source, line).ToArray();
        return tokens.Any(t => RowOpening().IsMatch(t)) && tokens.Any(t => t.Count(ch => ch is >= '\u4E00' and <= '\u9FFF') >= 2);
    }

    // 「303」「30101」「2080505」, 「10.」, or a 款 printed apart from its 类 (Shanghai's 「303 03」 over 「退职（役）费 18 专用材料费」).
    [GeneratedRegex(@"^(?:\d{2}|\d{3}|\d{5}|\d{7}|\d{1,2}[.、．](?:\D.*)?)$")]
    private static partial Regex RowOpening();

    private static int BlockStart(Context c, int line)
    {
        while (line > 0 && c.Layout.Kinds[line - 1] is LineKind.TableRow or LineKind.TableHeader or LineKind.Other && c.Layout.Tables[line - 1] == c.Layout.Tables[line])
        {
            line--;
        }

        return line;
    }

    private static decimal Amount(string text) => decimal.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>
    /// One printed column of figures of a table row: a two- or three-column economic table prints several rows on a
    /// line, and a clerk's slip moves one column of figures. The column is that of a row's first figures, up to the next
    /// label: the tab fields it takes (text with tabs), its span across the page (PDF), or the first run of figures
    /// (text with spaces, where empty cells leave no trace).
    /// </summary>
    private sealed record PrintedColumn(int[]? Fields, (double Left, double Right)? Span)
    {
        public static PrintedColumn? Of(Context c, int[] row)
        {
            if (c.Source is PdfSource pdf)
            {
                var words = row.SelectMany(l => pdf.Lines[l]).OrderBy(s => pdf.Words[s].Left).ToArray();
                var first = Array.FindIndex(words, s => Layout.IsCell(pdf.Segments[s]));
                if (first < 0)
                {
                    return null;
                }

                var next = Array.FindIndex(words, first, s => !Layout.IsCell(pdf.Segments[s]));
                return new PrintedColumn(null, (pdf.Words[words[first]].Left - 2, next < 0 ? double.MaxValue : pdf.Words[words[next]].Left - 1));
            }

            var text = c.Source.Segments[row[0]];
            if (!text.Contains('\t', StringComparison.Ordinal))
            {
                return CellInLine().IsMatch(text) ? new PrintedColumn(null, null) : null;
            }

            // From the first figure to the next label (empty cells included), or the end of the line.
            var fields = text.Split('\t').Select(f => f.Trim()).ToArray();
            var start = Array.FindIndex(fields, Layout.IsCell);
            if (start < 0)
            {
                return null;
            }

            var end = Array.FindIndex(fields, start, f => f.Length > 0 && !Layout.IsCell(f));
            return new PrintedColumn(Enumerable.Range(start, (end < 0 ? fields.Length : end) - start).ToArray(), null);
        }

        /// <summary>The row's figures in this column.</summary>
        public decimal[] Figures(Context c, int[] row) => c.Source is PdfSource pdf
            ? Words(pdf, row).Select(s => Amount(pdf.Segments[s])).ToArray()
            : Spans(c.Source.Segments[row[0]]).Select(x => c.Source.Segments[row[0]][x.Start..x.End].Trim()).Where(Layout.IsCell).Select(Amount).ToArray();

        /// <summary>The edits that give <paramref name="row"/> the figures of <paramref name="below"/> in this column (none for the last row).
        /// On a PDF each word gets one edit: a row's own figures are dropped only on the first shifted row (below it
        /// they have moved up a row), and the figures of the row below take this row's page and baseline (of the row's
        /// line in the same place: a figure printed above its label goes above this row's).</summary>
        public IEnumerable<Edit> Shift(Context c, int[] row, int[]? below, bool first)
        {
            if (c.Source is PdfSource pdf)
            {
                var moved = below is { } b
                    ? Words(pdf, b).Select(s => new Edit(s, pdf.Segments[s], BaselineOf: pdf.Lines[row[Math.Min(Array.FindIndex(b, l => pdf.Lines[l].Contains(s)), row.Length - 1)]][0]))
                    : [];
                return (first ? Words(pdf, row).Select(s => new Edit(s, string.Empty)) : []).Concat(moved);
            }

            var text = c.Source.Segments[row[0]];
            var mine = Spans(text);
            var theirs = below is { } n ? Spans(c.Source.Segments[n[0]]).Select(x => c.Source.Segments[n[0]][x.Start..x.End]).ToArray() : [];
            if (Fields is null)
            {
                // Spaces: the first run of figures is replaced as a whole.
                var (start, end) = mine.Count == 0 ? (text.Length, text.Length) : (mine[0].Start, mine[^1].End);
                return [new Edit(row[0], text[..start] + string.Join(" ", theirs) + text[end..])];
            }

            var fields = text.Split('\t');
            foreach (var (index, ordinal) in Fields.Select((index, ordinal) => (index, ordinal)))
            {
                if (index < fields.Length && (fields[index].Trim().Length == 0 || Layout.IsCell(fields[index].Trim())))
                {
                    fields[index] = ordinal < theirs.Length && Layout.IsCell(theirs[ordinal].Trim()) ? theirs[ordinal] : string.Empty;
                }
            }

            return [new Edit(row[0], string.Join('\t', fields))];
        }

        // The figure words of a PDF row within the column's span.
        private IEnumerable<int> Words(PdfSource pdf, int[] row) =>
            row.SelectMany(l => pdf.Lines[l]).Where(s => Layout.IsCell(pdf.Segments[s]) && pdf.Words[s].Center >= Span!.Value.Left && pdf.Words[s].Center <= Span.Value.Right).OrderBy(s => pdf.Words[s].Left);

        // Text: the column's tab fields (empty ones included), or the first run of figures.
        private List<(int Start, int End)> Spans(string text)
        {
            if (Fields is not null)
            {
                var bounds = new List<(int Start, int End)>();
                var at = 0;
                foreach (var field in text.Split('\t'))
                {
                    bounds.Add((at, at + field.Length));
                    at += field.Length + 1;
                }

                return Fields.Where(f => f < bounds.Count).Select(f => bounds[f]).ToList();
            }

            var cells = CellInLine().Matches(text);
            var spans = new List<(int Start, int End)>();
            foreach (Match m in cells)
            {
                if (spans.Count > 0 && !string.IsNullOrWhiteSpace(text[spans[^1].End..m.Index]))
                {
                    break;
                }

                spans.Add((m.Index, m.Index + m.Length));
            }

            return spans;
        }
    }

    private static IEnumerable<Mutant> YearHeading(Context c, Random random) =>
        Years(c, "year-heading", c.LinesOf(LineKind.Heading, LineKind.TableTitle).Concat(CoverLines(c)));

    private static IEnumerable<Mutant> YearContents(Context c, Random random) => Years(c, "year-contents", c.LinesOf(LineKind.Contents));

    private static IEnumerable<Mutant> YearDate(Context c, Random random)
    {
        foreach (var line in Enumerable.Range(0, c.Source.Lines.Count))
        {
            foreach (var segment in c.Source.Lines[line])
            {
                var text = c.Source.Segments[segment];
                if (AsOf().Match(text) is { Success: true } m && int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) is var year)
                {
                    var wrong = (year - 1).ToString(CultureInfo.InvariantCulture);
                    yield return c.One("year-date", line, segment, Splice(text, m.Groups["y"], wrong), new Anchor([], [wrong + "年"], Where: c.Where(line, segment)), $"{m.Value} → 截至{wrong}年");
                }
            }
        }
    }

    // The cover: lines before the first heading or table that name the report year.
    private static IEnumerable<int> CoverLines(Context c) =>
        Enumerable.Range(0, c.Source.Lines.Count).TakeWhile(l => c.Layout.Kinds[l] is LineKind.Other).Take(40);

    private static IEnumerable<Mutant> Years(Context c, string cls, IEnumerable<int> lines)
    {
        var year = c.Year.ToString(CultureInfo.InvariantCulture);
        var wrong = (c.Year - 1).ToString(CultureInfo.InvariantCulture);
        foreach (var line in lines)
        {
            foreach (var segment in c.Source.Lines[line])
            {
                var text = c.Source.Segments[segment];
                if (YearWord().Match(text) is { Success: true } m && m.Groups["y"].Value == year)
                {
                    yield return c.One(cls, line, segment, Splice(text, m.Groups["y"], wrong), new Anchor([], [wrong + "年", wrong], Where: c.Where(line, segment)), $"「{Short(text, m.Index)}」{year} → {wrong}");
                }
            }
        }
    }

    private static IEnumerable<Mutant> PlaceholderHeader(Context c, Random random)
    {
        foreach (var (line, segment, name) in Names(c))
        {
            var text = c.Source.Segments[segment];
            yield return c.One("placeholder-header", line, segment, text.Replace(name, "XX", StringComparison.Ordinal), new Anchor([], ["XX"], Where: c.Where(line, segment)), $"{name} → XX");
        }

        // Without a 编制单位 line, a column header takes the placeholder.
        foreach (var line in c.LinesOf(LineKind.TableHeader))
        {
            foreach (var segment in c.Source.Lines[line])
            {
                var text = c.Source.Segments[segment];
                if (HeaderWord().Match(text) is { Success: true } m)
                {
                    yield return c.One("placeholder-header", line, segment, text[..m.Index] + "XX" + text[(m.Index + m.Length)..], new Anchor([], ["XX"], Where: c.Where(line, segment)), $"表头「{m.Value}」→ XX");
                }
            }
        }
    }

    private static IEnumerable<Mutant> NameHeader(Context c, Random random)
    {
        foreach (var (line, segment, name) in Names(c))
        {
            // The slips reviewers find: a district dropped, 和 for 与.
            var other = name.Contains('和', StringComparison.Ordinal) ? name.Replace('和', '与')
                : DistrictPrefix().Match(name) is { Success: true } p && p.Length < name.Length - 2 ? name[p.Length..] : name[..^1] + "所";
            yield return c.One("name-header", line, segment, c.Source.Segments[segment].Replace(name, other, StringComparison.Ordinal), new Anchor([], [other], Where: c.Where(line, segment)), $"{name} → {other}");
        }
    }

    private static IEnumerable<(int Line, int Segment, string Name)> Names(Context c)
    {
        foreach (var (line, segment) in c.SegmentsOf(LineKind.TableHeader, LineKind.TableTitle, LineKind.Other))
        {
            if (c.Layout.Tables[line] is not null && UnitName().Match(c.Source.Segments[segment]) is { Success: true } m && m.Groups["n"].Value.Length >= 4)
            {
                yield return (line, segment, m.Groups["n"].Value);
            }
        }
    }

    /// <summary>A printed number changed so that no rounding explains it: by 3–40 % for amounts, 0.02–5 points for rates.</summary>
    private static string? Changed(string printed, Random random, bool relative)
    {
        var plain = printed.Replace(",", string.Empty, StringComparison.Ordinal);
        var value = decimal.Parse(plain, CultureInfo.InvariantCulture);
        var decimals = plain.Contains('.', StringComparison.Ordinal) ? plain.Length - plain.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var step = decimals == 0 ? 1m : 1m / (decimal)Math.Pow(10, decimals);
        var delta = relative
            ? Math.Max(Math.Round(value * (0.03m + (decimal)random.NextDouble() * 0.37m), decimals), 10 * step)
            : Math.Max(Math.Round(0.02m + (decimal)random.NextDouble() * 4.98m, decimals), decimals == 0 ? 1m : 2 * step);
        var changed = random.Next(2) == 0 || value - delta < 0 ? value + delta : value - delta;
        return changed == value ? null : Format(changed, decimals, printed.Contains(',', StringComparison.Ordinal));
    }

    private static string Format(decimal value, int decimals, bool grouped) =>
        value.ToString((grouped ? "#,0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : string.Empty), CultureInfo.InvariantCulture);

    private static string Splice(string text, Group group, string value) => text[..group.Index] + value + text[(group.Index + group.Length)..];

    private static string Short(string text, int index)
    {
        var start = Math.Max(0, index - 12);
        return text[start..Math.Min(text.Length, index + 12)];
    }

    [GeneratedRegex(@"(?<![\d.,])(?<v>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<u>万元|元)")]
    private static partial Regex Amount();

    [GeneratedRegex(@"(?<![\d.,])(?<v>\d+(?:\.\d+)?)\s*[%％]")]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?<![\d.,])(?<v>\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|[%％])")]
    private static partial Regex Figure();

    [GeneratedRegex("增加|减少|增长|下降|大于|小于|高于|低于")]
    private static partial Regex DirectionWord();

    [GeneratedRegex(@"(?:增加|减少)\s*(?<v>\d[\d,]{0,14}(?:\.\d{1,6})?)\s*万元(?=[，。；])")]
    private static partial Regex ChangeWithFigure();

    // 「主要包括：」, 「主要包括」 at the start of a list of kinds of spending.
    [GeneratedRegex(@"主要包括[：:]?(?=[\p{IsCJKUnifiedIdeographs}])")]
    private static partial Regex ListStart();

    [GeneratedRegex(@"(?:增长|下降|完成(?:年初|全年)?预算的)\s*(?<v>\d{1,4}\.\d{1,4})(?<p>%|％)(?=[，。；])")]
    private static partial Regex RateWithPercent();

    // The clause a direction word governs: to the next comma or stop (「减少筹资陈本，提高工作效率，确保参保率达到 98%」 is not
    // a change of 98%).
    [GeneratedRegex("[。；，,]|主要原因|原因是")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"预算(?:数)?(?:为|是)?\s*(?<b>\d[\d,]*(?:\.\d+)?)\s*万元[^。]{0,60}?完成[^。%]{0,12}?预算[^。%]{0,4}?(?<r>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex BudgetThenRate();

    [GeneratedRegex(@"(?<![\d.,])-?(\d{1,3}(,\d{3})+|\d+)\.\d+(?![\d.])")]
    private static partial Regex CellInLine();

    [GeneratedRegex(@"截至\s*(?<y>20\d\d)\s*年")]
    private static partial Regex AsOf();

    [GeneratedRegex(@"(?<y>20\d\d)\s*年")]
    private static partial Regex YearWord();

    [GeneratedRegex(@"(?:编制单位|单位名称|部门名称|填报单位)\s*[：:]\s*(?<n>[^\s\t：:，。]+)")]
    private static partial Regex UnitName();

    [GeneratedRegex("项目|科目名称|功能分类科目编码")]
    private static partial Regex HeaderWord();

    [GeneratedRegex(@"^.{2,6}?[县区市]")]
    private static partial Regex DistrictPrefix();

    // 「国内公务接待 1 批次，10 人」, 「团组 2 个，累计 10 人次」, 「共有公务用车 3 辆」.
    [GeneratedRegex(@"(?<k>接待国内来访团组|国内公务接待|外事接待|团组|(?:共有|实有)公务用车|保有量为?)\s*(?<n>[0-9]+)\s*(?:批次|个|次|辆)(?:\s*[，,、]\s*(?:累计|来宾)?\s*[0-9]+\s*人次?)?")]
    private static partial Regex RequiredCount();

    // 「单位共 3 个」, 「所属 2 个二级预算单位」, 「下属二级预算单位 2 个」.
    [GeneratedRegex(@"(?<![级属政业])单位共\s*(?<n>[0-9]{1,2})\s*个|(?:所属|下属)\s*(?<n>[0-9]{1,2})\s*个\s*二级|(?:所属|下属)二级(?:预算)?单位\s*(?<n>[0-9]{1,2})\s*个")]
    private static partial Regex StatedUnitCount();

    // A total in 万元 with its parts in brackets, each in 万元.
    [GeneratedRegex(@"(?<total>\d[\d,]*(?:\.\d+)?)\s*万元\s*[（(](?<parts>[^（）()]{4,160})[）)]")]
    private static partial Regex Breakdown();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?(?=\s*万元)")]
    private static partial Regex WanAmount();

    // 「占 61.46%」, 「占本年支出合计的 38.54%」.
    [GeneratedRegex(@"占[^，。；%0-9]{0,16}?(?<v>\d{1,3}(?:\.\d{1,2})?)\s*%")]
    private static partial Regex ShareOf();

    // 「参保率为 98%」, 「满意度达到 95%」 (not a bound: 「以上」 after it is left out by the rule, not here).
    [GeneratedRegex(@"(?<k>[\u4e00-\u9fff]{1,6}(?:率|度))(?:为|达|达到)?\s*(?<v>\d{1,3}(?:\.\d{1,2})?)\s*%(?!以上)")]
    private static partial Regex NamedRate();

    // A paragraph of the narrative on one 项: 「…（类）…（款）…（项）。」 or 「…（项）：」 opening it.
    [GeneratedRegex(@"（款）(?<item>[^（）。]{2,30})（项）[。：:，]")]
    private static partial Regex ItemParagraph();

    // 「…支出 9.97 万元，比上年增加 2.55 万元，增长 34.36%」: an amount, its increase, and the rate, in one clause run.
    [GeneratedRegex(@"(?<now>\d[\d,]{0,14}\.\d{1,4})\s*万元(?:[，,]\s*)?(?:比|较|与)(?:上年|\s*20\d\d\s*年度?)[^。；\d]{0,16}?增加\s*(?<by>\d[\d,]{0,14}\.\d{1,4})\s*万元[，,]\s*增长\s*\d")]
    private static partial Regex AmountThenIncrease();

    private static bool Digits(string text, int count) => text.Length == count && text.All(char.IsAsciiDigit);

    // A 项 code opening a row: seven digits standing alone.
    [GeneratedRegex(@"^\s*(?<![0-9])[0-9]{7}(?![0-9.])")]
    private static partial Regex ItemCode();

    // The row's label after its code: up to a tab or the first figure.
    [GeneratedRegex(@"(?<=^|\t|\s)[^\t0-9]+?(?=\s*(?:\t|$|-?[0-9]))")]
    private static partial Regex LabelAfterCode();
}
