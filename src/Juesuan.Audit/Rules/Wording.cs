using System.Text.RegularExpressions;

namespace Juesuan.Audit.Rules;

/// <summary>
/// What the template leaves behind and how figures are written (issue 13, items 3 and 4): placeholders and the
/// template's alternatives (「增加（减少）」, 「下降（增长）」, 「大于/小于」) are errors wherever they are; a rate printed
/// without its %, 「万」 without 元 and a figure with two decimal points are wording slips (warnings).
/// </summary>
internal static partial class Wording
{
    /// <summary>
    /// The placeholders of the templates (XX, ××, 某某, blanks to fill) and their either-or choices left unchosen. A blank
    /// after a signature label (「填报人：＿＿＿＿」「单位负责人：＿＿＿＿」) is where a printed form is signed by hand, not a
    /// gap in the text.
    /// </summary>
    public const string Leftovers =
        @"[XＸ]{2,}|[×✕]{2,}|某某|(?<![＿_])(?<!(?:负责人|填报人|经办人|审核人|联系人|联系电话|电话|签字|签章|签名|日期)[：:]\s*(?:[＿_]+\s*[年月]\s*){0,2})(?:＿{2,}|_{3,})|＊{2,}|？{2,}" +
        @"|(?:增加[（(]减少|减少[（(]增加|增长[（(]下降|下降[（(]增长|上升[（(]下降|大于[（(]小于|小于[（(]大于|高于[（(]低于|低于[（(]高于|超支[（(]节约|节约[（(]超支)(?:[、，/／]持平)?[）)]" +
        @"|增加[/／]减少|减少[/／]增加|增长[/／]下降|下降[/／]增长|大于[/／]小于|小于[/／]大于|高于[/／]低于";

    private static readonly System.Buffers.SearchValues<char> LeftoverStarts = System.Buffers.SearchValues.Create("XＸ×✕某＿_＊？【（(/／");

    // The words an either-or choice of the template begins with (「增加（减少）」「大于/小于」): its bracket or slash follows one.
    private static readonly string[] ChoiceWords = ["增加", "减少", "增长", "下降", "上升", "大于", "小于", "高于", "低于", "超支", "节约"];

    /// <summary>
    /// False only when neither <see cref="Leftovers"/> nor a bracketed blank 【…】 can match: each alternative needs one of
    /// X Ｘ × ✕ 某 ＿ _ ＊ ？ 【, or a bracket or slash just after a word of an either-or choice (「增加（」「大于/」).
    /// Brackets are common in reports (「（类）」), so a bracket elsewhere does not count.
    /// </summary>
    internal static bool LeftoverPossible(string text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAny(LeftoverStarts); i >= 0; i = span[(i + 1)..].IndexOfAny(LeftoverStarts) is var next and >= 0 ? i + 1 + next : -1)
        {
            if (span[i] is not ('（' or '(' or '/' or '／'))
            {
                return true;
            }

            if (i >= 2)
            {
                var word = span.Slice(i - 2, 2);
                foreach (var choice in ChoiceWords)
                {
                    if (word.SequenceEqual(choice))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // N.FIGURE_FORM's patterns, what each says, and for two of them a screen by characters that is false only where the
    // pattern cannot match (a 万 not followed by 元; two decimal points in one figure).
    private static readonly (Regex Pattern, string What, Func<string, bool>? Possible)[] FormPatterns =
    [
        (RateWithoutPercent(), "比率没有写 %", null),
        (WanWithoutYuan(), "金额写作「万」，缺少「元」", BareWanPossible),
        (TwoPoints(), "数字有两个小数点", TwoPointsPossible),
    ];

    public static Rule Rule() => new DelegateRule(RuleIds.NFigureForm, "情况说明和其余正文中的数字写法完整：比率带 %，金额带单位，只有一个小数点", Check);

    private static IEnumerable<Finding> Check(AuditContext c)
    {
        foreach (var prose in c.AllProse())
        {
            var where = prose.Where;
            foreach (var (pattern, what, possible) in FormPatterns)
            {
                // Most texts have none: asked first without making matches — and, for the patterns with a screen, without
                // the regex either, which tries a match at every digit of every figure.
                if ((possible is not null && !possible(prose.Text)) || !pattern.IsMatch(prose.Text))
                {
                    continue;
                }

                foreach (Match m in pattern.Matches(prose.Text))
                {
                    if (pattern == WanWithoutYuan() && !MoneyMeant(prose.Text, m.Groups["f"].Index))
                    {
                        continue;
                    }

                    var start = Math.Max(0, m.Index - 16);
                    var snippet = prose.Text.Substring(start, Math.Min(prose.Text.Length - start, m.Length + 24));
                    var figure = m.Groups["f"].Success ? m.Groups["f"] : m;
                    yield return new Finding
                    {
                        Rule = RuleIds.NFigureForm, Severity = Severity.Warning, Location = where,
                        Message = $"{where}：{what}——「…{snippet}…」。",
                        Actual = figure.Value,
                        Figures = [new FindingFigure(figure.Value, where, "叙述", prose.At(figure.Index, figure.Value))],
                    };
                }
            }

        }

        foreach (var finding in OneDecimal(c.AllProse()))
        {
            yield return finding;
        }
    }

    /// <summary>
    /// 「下降 18.3%」 where the report writes its shares and rates to two decimals (「占 97.02%」…), as the templates ask: a
    /// figure written to one. Only where at least three rates of the report print two and more print two than one — a
    /// report written to one decimal throughout has its own style.
    /// </summary>
    private static IEnumerable<Finding> OneDecimal(IReadOnlyList<Prose> proses)
    {
        var (one, two) = RateDecimals(proses.Select(p => p.Text));
        if (two < 3 || one == 0 || two <= one)
        {
            yield break;
        }

        var rates = proses.Select(p => (Prose: p, Rates: RateFigure().Matches(p.Text).ToArray())).ToArray();

        foreach (var (prose, found) in rates)
        {
            foreach (var value in found.Where(m => m.Groups["d"].Length == 1).Select(m => m.Groups["v"]))
            {
                yield return new Finding
                {
                    Rule = RuleIds.NFigureForm, Severity = Severity.Warning, Location = prose.Where,
                    Message = $"{prose.Where}：「{value.Value}%」只保留了一位小数，而本报告的比率多保留两位（{two} 处）——应写作两位小数（按实际数计算后舍入）。",
                    Actual = value.Value + "%", Expected = "两位小数",
                    Figures = [new FindingFigure(value.Value + "%", prose.Where, "叙述", prose.At(value.Index, value.Value))],
                };
            }
        }
    }

    /// <summary>
    /// How many rates (<see cref="RateFigure"/>) of <paramref name="texts"/> print one decimal and how many two, counted
    /// without making matches (every report is counted; few have a finding): a rate's decimals are the digits after the
    /// point of the figure that ends the match (<see cref="RateOf"/>), as the regex's group <c>d</c> holds them.
    /// </summary>
    internal static (int One, int Two) RateDecimals(IEnumerable<string> texts)
    {
        var (one, two) = (0, 0);
        foreach (var text in texts)
        {
            foreach (var rate in RateFigure().EnumerateMatches(text))
            {
                var figure = RateOf(text.AsSpan(rate.Index, rate.Length));
                var decimals = figure.Length - figure.IndexOf('.') - 1;
                one += decimals == 1 ? 1 : 0;
                two += decimals == 2 ? 1 : 0;
            }
        }

        return (one, two);
    }

    // A share, change or completion rate: 「占 97.02%」, 「增长 8.27%」, 「完成年初预算的 98.64%」, 「执行率为 85.0%」.
    [GeneratedRegex(@"(?:占|增长|下降|上升|降低|增加|减少|完成|执行率|比重)[^，。；、0-9%]{0,12}?(?<v>[0-9]{1,3}\.(?<d>[0-9]{1,2}))\s*[%％]")]
    internal static partial Regex RateFigure();

    public static Rule RepeatedWordRule() => new DelegateRule(RuleIds.NRepeatedWord, "正文中没有连写两遍的词（「参保参保率」「看病看病」）", RepeatedWords);

    // Verbs a writer may double on purpose (「研究研究」); none is usual in a public report, but none is a slip either.
    private static readonly HashSet<string> Reduplicated = new(StringComparer.Ordinal) { "研究", "讨论", "学习", "商量", "了解", "考虑", "休息", "一个", "一项", "一步", "一点", "一批" };

    /// <summary>
    /// 「2022 年城乡居民参保参保率为 98%」, 「开展开展实地调研」: a two-character word written twice running, in a sentence (a
    /// comma or a full stop around it) — a slip of copying or editing. Cells of a table read as text (「增强 增强」, target
    /// and actual side by side) print no sentence and are left alone.
    /// </summary>
    private static IEnumerable<Finding> RepeatedWords(AuditContext c)
    {
        var reduplicated = Reduplicated.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var prose in c.AllProse())
        {
            foreach (var at in DoubledPairs(prose.Text))
            {
                const int length = 4;
                // The clause around it is a sentence's, short, not a run of table headers joined (「一级指标二级指标指标内容年度
                // 指标值实际完成值分值得分…」). Judged by positions: no substring is made for the many pairs that are not slips.
                var clauseStart = prose.Text.LastIndexOfAny(ClauseMarks, Math.Max(0, at - 1)) + 1;
                var clauseEnd = prose.Text.IndexOfAny(ClauseMarks, at + length);
                var clause = (clauseEnd < 0 ? prose.Text.Length : clauseEnd) - clauseStart;
                if (reduplicated.Contains(prose.Text.AsSpan(at, 2)) || clause > 40)
                {
                    continue;
                }

                var start = prose.Text.LastIndexOfAny(AuditContext.SentenceEnds, Math.Max(0, at - 1)) + 1;
                var end = prose.Text.IndexOfAny(AuditContext.SentenceEnds, at + length);
                var stop = end < 0 ? prose.Text.Length : end + 1;
                if (prose.Text.IndexOf('，', start, stop - start) < 0 && prose.Text[stop - 1] != '。')
                {
                    continue;
                }

                var from = Math.Max(0, at - 10);
                var snippet = prose.Text.Substring(from, Math.Min(prose.Text.Length - from, length + 20));
                var (doubled, word) = (prose.Text.Substring(at, length), prose.Text.Substring(at, 2));
                yield return new Finding
                {
                    Rule = RuleIds.NRepeatedWord, Severity = Severity.Warning, Location = prose.Where,
                    Message = $"{prose.Where}：「{doubled}」把「{word}」连写了两遍——「…{snippet}…」，应删去重复的一个。",
                    Actual = doubled, Expected = word,
                    Figures = [new FindingFigure(doubled, prose.Where, "叙述", prose.At(at, doubled))],
                };
            }
        }
    }

    private static readonly char[] ClauseMarks = ['，', '。', '；', '、', '：', '！', '？', '\n', '\t'];

    /// <summary>
    /// Where a word of two CJK ideographs (U+4E00–U+9FFF, the block <c>\p{IsCJKUnifiedIdeographs}</c>) is written twice
    /// running (「参保参保」), left to right and without overlap, as the regex <c>(?&lt;w&gt;[\p{IsCJKUnifiedIdeographs}]{2})\k&lt;w&gt;</c>
    /// finds them: by hand, since that back-reference made the regex the costliest of an audit's.
    /// </summary>
    internal static IEnumerable<int> DoubledPairs(string text)
    {
        static bool Ideograph(char c) => c is >= '\u4E00' and <= '\u9FFF';
        for (var i = 0; i + 3 < text.Length; i++)
        {
            if (text[i] == text[i + 2] && text[i + 1] == text[i + 3] && Ideograph(text[i]) && Ideograph(text[i + 1]))
            {
                yield return i;
                i += 3;
            }
        }
    }

    public static Rule RangeRule() => new DelegateRule(RuleIds.NRateRange, "部分占全体的比率（参保率、覆盖率、满意度……）不超过 100%，评分档次首尾衔接", OverHundred);

    // A share of a whole — people insured of those to insure, the satisfied of those asked — cannot pass 100 %; a
    // completion, execution or growth rate can, and is not named here.
    private static IEnumerable<Finding> OverHundred(AuditContext c)
    {
        foreach (var prose in c.AllProse())
        {
            foreach (var m in RatesOverHundred(prose.Text))
            {
                var start = Math.Max(0, m.Index - 12);
                var snippet = prose.Text.Substring(start, Math.Min(prose.Text.Length - start, m.Length + 20));
                yield return new Finding
                {
                    Rule = RuleIds.NRateRange, Severity = Severity.Warning, Location = prose.Where,
                    Message = $"{prose.Where}：{m.Groups["k"].Value}写作 {m.Groups["v"].Value}%，超过 100%——部分不会多于全体，请核对（「…{snippet}…」）。",
                    Expected = "不超过 100%", Actual = m.Groups["v"].Value + "%",
                    Figures = [new FindingFigure(m.Groups["v"].Value + "%", prose.Where, "叙述", prose.At(m.Groups["v"].Index, m.Groups["v"].Value))],
                };
            }

            foreach (var finding in Bands(prose))
            {
                yield return finding;
            }
        }
    }

    // The rates of a text beyond 100 %, as matches with their groups. Most rates are not: each is read from where its match
    // ends, and a match is made only for a rate beyond.
    internal static IReadOnlyList<Match> RatesOverHundred(string text)
    {
        List<Match>? over = null;
        foreach (var found in PartOfWhole().EnumerateMatches(text))
        {
            if (decimal.TryParse(RateOf(text.AsSpan(found.Index, found.Length)), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 100m)
            {
                (over ??= []).Add(PartOfWhole().Match(text, found.Index, found.Length));
            }
        }

        return over is null ? [] : over;
    }

    // The figure a rate's match ends with (the group v of PartOfWhole and RateFigure): before the % and any spaces that end
    // it, digits, and when a point comes before them, the digits before the point (the words before the figure have none).
    internal static ReadOnlySpan<char> RateOf(ReadOnlySpan<char> match)
    {
        var end = match[..^1].TrimEnd().Length;
        var start = DigitsBefore(match, end);
        if (start > 0 && match[start - 1] == '.' && DigitsBefore(match, start - 1) is var whole && whole < start - 1)
        {
            start = whole;
        }

        return match[start..end];

        static int DigitsBefore(ReadOnlySpan<char> text, int end)
        {
            while (end > 0 && char.IsDigit(text[end - 1]))
            {
                end--;
            }

            return end;
        }
    }

    /// <summary>
    /// 「分别按照该指标对应分值区间 100%-80%（含）、80%-60%（含）、60%-0% 合理确定分值」: the grades of a scale cover 0–100 %
    /// without a gap or an overlap — each band starts where the one before it ends, none passes 100 %, and the ends are
    /// 100 % and 0 % (「…、60%-4%」 leaves what is below 4 % ungraded).
    /// </summary>
    private static IEnumerable<Finding> Bands(Prose prose)
    {
        static decimal Of(Capture c) => decimal.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture);
        // One unit of the last printed digit: 「100%-90%、89%-80%」 steps by whole points and meets end to end.
        static decimal Unit(Capture c) => c.Value.Contains('.', StringComparison.Ordinal) ? (decimal)Math.Pow(10, -(c.Value.Length - c.Value.IndexOf('.', StringComparison.Ordinal) - 1)) : 1m;
        foreach (var m in Juesuan.Domain.Model.ScoringBands.In(prose.Text))
        {
            var highs = m.Groups["hi"].Captures;
            var lows = m.Groups["lo"].Captures;
            // Bands written with whole steps (every band starts one unit past the last) are a style; where any two bands
            // share an end (「80%-60%（含）、60%-0%」), all must.
            // A step goes the way the scale runs (down for 「100%-90%、89%-80%」, up for 「0%-59%、60%-79%」): 「100%-90%、91%-80%」
            // overlaps, it does not step.
            var down = Of(lows[0]) < Of(highs[0]) ? -1m : 1m;
            var stepped = Enumerable.Range(0, highs.Count - 1).All(i => Of(highs[i + 1]) - Of(lows[i]) == down * Math.Max(Unit(lows[i]), Unit(highs[i + 1])));
            var problems = new List<string>();
            for (var i = 0; i < highs.Count; i++)
            {
                if (Of(highs[i]) > 100m || Of(lows[i]) > 100m)
                {
                    problems.Add($"「{highs[i].Value}%-{lows[i].Value}%」超过 100%");
                }

                if (i + 1 < highs.Count && !stepped && Of(lows[i]) != Of(highs[i + 1]))
                {
                    problems.Add($"「{highs[i].Value}%-{lows[i].Value}%」止于 {lows[i].Value}%，下一档却始于 {highs[i + 1].Value}%");
                }
            }

            // The scale grades every completion from 0 to 100 %: its ends are 100 % and 0 %, whichever way it runs — unless
            // the text grades the rest in words (「60%以下不得分」「超过 50% 不得分」 just after the bands, or before them).
            var (top, bottom) = down < 0 ? (highs[0], lows[^1]) : (lows[^1], highs[0]);
            var around = prose.Text[Math.Max(0, m.Index - 8)..m.Index] + "|" + prose.Text[(m.Index + m.Length)..Math.Min(prose.Text.Length, m.Index + m.Length + 12)];
            var restInWords = RestGraded().IsMatch(around);
            if (!restInWords && Of(top) < 100m)
            {
                problems.Add($"最高一档止于 {top.Value}%，高于 {top.Value}% 的无档可归");
            }

            if (!restInWords && Of(bottom) > 0m)
            {
                problems.Add($"最低一档止于 {bottom.Value}%，低于 {bottom.Value}% 的无档可归");
            }

            if (problems.Count == 0)
            {
                continue;
            }

            yield return new Finding
            {
                Rule = RuleIds.NRateRange, Severity = Severity.Warning, Location = prose.Where,
                Message = $"{prose.Where}：评分档次「{m.Value}」不首尾衔接——{string.Join("；", problems)}。各档应依次相接并在 0–100% 之内，请核对。",
                Expected = "各档首尾相接", Actual = m.Value,
                Figures = [new FindingFigure(m.Value, prose.Where, "叙述", prose.At(m.Index, m.Value))],
            };
        }
    }

    // 「参保率为 98%」, 「满意度达到 95%以上」, 「缴费率到 99.1%」: the rate's name, a few linking words, the figure.
    [GeneratedRegex(@"(?<k>参保率|覆盖率|缴费率|满意度|知晓率|达标率|合格率|及时率|准确率|办结率|兑现率|签约率|普及率|到位率|使用率|结算率|受理率)(?:[^，。；：\d%]{0,6}?)(?<v>\d{1,3}(?:\.\d{1,2})?)\s*[%％]")]
    internal static partial Regex PartOfWhole();

    // Words that grade what lies beyond a scale's printed bands: 「60%以下不得分」, 「超过 50% 不得分」, 「不足 60% 的」.
    [GeneratedRegex("以下|以上|以内|超过|不足|低于|高于|不得分|不计分|得0分|得 0 分")]
    private static partial Regex RestGraded();

    // 「增长 8.27。」, 「完成年初预算的 98.2，」: a change or completion rate whose figure ends without % or a unit.
    [GeneratedRegex(@"(?:增长|下降|上升|降低|完成(?:年初|全年|调整后)?预算(?:数)?的|执行率(?:为|达)?)\s*(?<f>\d{1,4}\.\d{1,4})(?=\s*[，。；、）)]|\s*$)")]
    private static partial Regex RateWithoutPercent();

    // 「支出 12.34 万，」: 万 standing for 万元 where money is spoken of (see MoneyMeant).
    [GeneratedRegex(@"(?<f>\d[\d,]{0,14}(?:\.\d{1,6})?)\s*万(?=[，。；、）)]|\s*$)")]
    internal static partial Regex WanWithoutYuan();

    /// <summary>
    /// False only when <see cref="WanWithoutYuan"/> cannot match: it needs a 万 followed by the end of the text, by one of
    /// 「，。；、）)」 or by white space (its lookahead; <c>\s</c> is <see cref="char.IsWhiteSpace(char)"/>).
    /// </summary>
    internal static bool BareWanPossible(string text)
    {
        for (var i = text.IndexOf('万', StringComparison.Ordinal); i >= 0; i = text.IndexOf('万', i + 1))
        {
            if (i + 1 == text.Length || text[i + 1] is '，' or '。' or '；' or '、' or '）' or ')' || char.IsWhiteSpace(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False only when <see cref="TwoPoints"/> cannot match: it needs a digit, a point, digits, a point and a digit in a row
    /// (<c>\d</c> is <see cref="char.IsDigit(char)"/>, any decimal digit).
    /// </summary>
    internal static bool TwoPointsPossible(string text)
    {
        for (var i = text.IndexOf('.', StringComparison.Ordinal); i >= 0; i = text.IndexOf('.', i + 1))
        {
            if (i == 0 || !char.IsDigit(text[i - 1]))
            {
                continue;
            }

            var j = i + 1;
            while (j < text.Length && char.IsDigit(text[j]))
            {
                j++;
            }

            if (j > i + 1 && j + 1 < text.Length && text[j] == '.' && char.IsDigit(text[j + 1]))
            {
                return true;
            }
        }

        return false;
    }

    // Money, not people: no count word just before the figure (「参保 22.56 万，」 counts people), and money named just
    // before it or elsewhere in its sentence (「…基本 11,130.46 万，大病 1,720.68 万元…」). A count word that is the unit of
    // a count printed just before (「报销 1115 人次 332.67 万，」) names what the money was for, not this figure.
    private static bool MoneyMeant(string text, int at)
    {
        // Within the figure's clause: 「（不包括陪同人员），共计支出 0.07 万，」 names people in another clause.
        var before = text[Math.Max(0, at - 8)..at];
        before = before[(before.LastIndexOfAny(ClauseEnds) + 1)..];
        if (PeopleWords().Matches(before).LastOrDefault() is { } people && !UnitOfCount(before, people.Index))
        {
            return false;
        }

        var start = text.LastIndexOf('。', Math.Max(0, at - 1)) + 1;
        var end = text.IndexOf('。', at) is var e and >= 0 ? e : text.Length;
        // The sentence so far speaks of the accounts' totals and no people (「与上年度相比，收、支总计各增加 43.10 万，」).
        var opening = text[start..at];
        return MoneyWords().IsMatch(before) || text[start..end].Contains("元", StringComparison.Ordinal)
            || (TotalsWords().IsMatch(opening) && !PeopleWords().IsMatch(opening));
    }

    private static readonly char[] ClauseEnds = ['，', '。', '；', '、', '）', ')', '：'];

    private static bool UnitOfCount(string before, int word) => before[..word].TrimEnd() is { Length: > 0 } head && char.IsAsciiDigit(head[^1]);

    [GeneratedRegex("参保|人数|人次|户|名|人员(?!经费|支出|工资)")]
    private static partial Regex PeopleWords();

    [GeneratedRegex("支出|收入|经费|资金|基金|预算|决算|拨款|金额|费|补助|补贴|资助|报销|追回|罚款|处罚|采购")]
    private static partial Regex MoneyWords();

    [GeneratedRegex("收、?支总计|收入总计|支出总计|收支总计")]
    private static partial Regex TotalsWords();


    // 「1.234.56 万元」: a slip of the keyboard in an amount or a rate (dates and outline numbers like 3.1.2 are left alone).
    [GeneratedRegex(@"(?<![\d.])(?!20\d\d\.)(?<f>\d{1,9}\.\d{1,6}\.\d{1,6})(?![\d.])(?=\s*(?:万元|元|%|％))")]
    internal static partial Regex TwoPoints();
}
