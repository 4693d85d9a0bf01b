using System.Text.RegularExpressions;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.Import.Text;

/// <summary>The role a figure plays in its clause (分句中数字的角色).</summary>
internal enum FigureRole
{
    /// <summary>决算数 / the amount of the subject.</summary>
    Amount,

    /// <summary>年初预算数.</summary>
    Budget,

    /// <summary>全年预算数 / 调整后预算数.</summary>
    FullYearBudget,

    /// <summary>完成预算的 Z%.</summary>
    Completion,

    /// <summary>增加 / 减少 X 万元.</summary>
    ChangeAmount,

    /// <summary>增长 / 下降 Y%.</summary>
    ChangePercent,

    /// <summary>占 x%: the whole is not named, so it is not checked.</summary>
    Share,

    /// <summary>A count with its unit (批次、人次、辆、个).</summary>
    Count,

    /// <summary>A rate or degree the clause names (参保率为 98%、满意度达到 95%): the subject is the rate.</summary>
    Rate,

    /// <summary>A figure whose role the clause does not show.</summary>
    Unknown,
}

/// <summary>
/// One figure of a clause: its role, printed number and unit, where it is, the direction word that governs it, and for a
/// share the whole it names (「占收入总额」 → 收入总额).
/// </summary>
internal sealed record ClauseFigure(FigureRole Role, string Number, string Unit, int Index, int Length, Direction? Direction, string? Whole = null, bool Bound = false)
{
    /// <summary>The figure as an amount in its printed unit (万元 when it prints none); null when it does not parse.</summary>
    public Amount? Money() => Amount.Parse(Number.Replace(",", string.Empty, StringComparison.Ordinal) + Unit, MoneyUnit.WanYuan) is { Success: true } a ? a.Value : null;
}

/// <summary>A subject and the figures stated about it, from one or more clauses of a sentence.</summary>
/// <param name="Subject">The subject as printed.</param>
/// <param name="Index">Where the statement starts in the section text.</param>
/// <param name="Figures">Its figures with their roles.</param>
/// <param name="PartOf">The statement (index in the list read) this one is a part of, inside a breakdown that follows it:
/// 「…15,357.29 万元（基本 11,130.46 万元，大病…）」 or 「…774.79 万元，其中人员经费…」.</param>
/// <param name="CompleteParts">True when the breakdown lists every part (a parenthesis), false for 「其中」/「含」.</param>
/// <param name="Code">The 科目编码 the report prints beside the subject (「小学教育（2050202）」), when it does.</param>
internal sealed record Statement(string Subject, int Index, IReadOnlyList<ClauseFigure> Figures, int? PartOf = null, bool CompleteParts = false, string? Code = null);

/// <summary>
/// The clause grammar of the narrative (情况说明): a sentence is cut into clauses at 「，」「、」「；」; each figure takes its
/// role from the words just before it (预算 → budget, 完成…预算的 → completion rate, 增加/减少 → change, 增长/下降 → change in
/// percent, 占 → share, 批次/人次/辆 → count, else the subject's amount), and the subject from the words that open the
/// clause. A clause without a subject of its own continues the statement before it (「…，比上年增加 2.55 万元，增长 1.40%」).
/// The specific readers of <see cref="NarrativeReader"/> run first; this grammar reads what they leave, so a sentence
/// about any subject — a 类 the catalogue lacks, a 三公 item, a count — becomes a statement whose parts can be checked
/// against each other.
/// </summary>
internal static partial class ClauseReader
{
    /// <summary>
    /// The statements of <paramref name="text"/> whose figures are not already taken (<paramref name="taken"/>). A statement
    /// never reaches past its sentence: the same words name different things in different sentences (「大病」 of one fund
    /// and of another), so statements are compared within their sentence only.
    /// </summary>
    public static IReadOnlyList<Statement> Read(string text, Func<int, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = new List<Statement>();
        int? carried = null;
        int? previousLast = null;
        var bracketed = new HashSet<int>();
        var semicolonBefore = false;
        foreach (Match sentence in Sentence().Matches(text))
        {
            if (sentence.ValueSpan.IndexOfAnyInRange('0', '9') < 0)
            {
                // No figure: nothing to read, and a 「其中」 list does not go on past it.
                carried = null;
                previousLast = null;
                semicolonBefore = false;
                continue;
            }

            // A capture's Value is a new substring at every use: the sentence's and each clause's are taken once.
            var sentenceText = sentence.Value;

            string? subject = null;
            var start = 0;
            var figures = new List<ClauseFigure>();
            var first = statements.Count;
            int? partOf = null;
            var complete = false;
            var inParenthesis = false;
            var inBreakdown = false;
            var remark = false;
            string? pending = null;
            string? pendingCode = null;
            string? pendingWords = null;
            string? afterParenthesis = null;
            string? subjectCode = null;
            (int? PartOf, bool Complete) outer = (null, false);
            int? resumable = null;
            // The subjects the sentence gave amounts to, also where a specific reader took the figure (「国内公务接待支出 0.07
            // 万元，国内公务接待 1 批次，10 人次，共计支出 0.07 万元」): a clause of total words alone restates the one subject —
            // after several (「人员经费 300 万元，公用经费 50 万元，合计 350 万元」) it totals them, and stays unread.
            var amountsOf = new HashSet<string>(StringComparer.Ordinal);
            // With no amount before them, the one subject the sentence named (「国内公务接待 1 批次，10 人次，共计支出…」).
            var named = new HashSet<string>(StringComparer.Ordinal);

            // A 「其中」 list of the sentence before may go on in this one with the complementary part
            // (「其中，基本支出 346.63 万元，…。项目支出 298.58 万元，…」), and after a semicolon with any part (「其中：一般
            // 公共预算财政拨款收入…，占 97.02%；政府性基金预算财政拨款收入…，占 2.97%；…」).
            var continuing = carried;
            var afterSemicolon = semicolonBefore;
            int? continued = null;
            // After a semicolon a statement goes on the list only as one more item of it: not a total (「…；支出总计…」), and
            // stating what the items before it state (an amount and a share, say), no more and no less.
            // Where the list's whole has an amount, a figure that alone would take most of it and push the items past it is
            // a new quantity (「项目总投资 500 万元，其中：中央资金 300 万元，省级资金 100 万元；实际到位资金 450 万元」),
            // while a small item that passes it is a slip N.PARTS reports (「…；其他收入 10 万元」).
            bool LikeTheParts(int list)
            {
                if (IsTotal(subject!) || statements.LastOrDefault(x => x.PartOf == list) is not { } item
                    || !item.Figures.Select(f => f.Role).Distinct().Order().SequenceEqual(figures.Select(f => f.Role).Distinct().Order()))
                {
                    return false;
                }

                static decimal? Wan(IEnumerable<ClauseFigure> of) => of.FirstOrDefault(f => f.Role == FigureRole.Amount)?.Money()?.In(MoneyUnit.WanYuan).Value;
                var items = statements.Where(x => x.PartOf == list).Select(x => Wan(x.Figures)).Append(Wan(figures)).ToArray();
                return Wan(statements[list].Figures) is not { } whole || items.Any(x => x is null)
                    || items.Sum(x => x!.Value) <= whole + (0.01m * items.Length) || items[^1]!.Value <= whole / 2m;
            }

            void Close()
            {
                if (subject is not null && figures.Count > 0)
                {
                    var part = partOf ?? (continuing is { } list && ((afterSemicolon && LikeTheParts(list)) || Breakdowns.AreParts(statements.Where(x => x.PartOf == list).Select(x => x.Subject).Append(subject).ToArray())) ? list : null);
                    continued ??= partOf is null ? part : null;
                    if (inBreakdown)
                    {
                        bracketed.Add(statements.Count);
                    }

                    statements.Add(new Statement(subject, start, figures.ToArray(), part, part is not null && complete, subjectCode));
                    continuing = null;
                }

                figures.Clear();
            }

            // A breakdown opens after a statement of this sentence with an amount, or a budget (「预算总支出 774.79 万元，其中，…」):
            // the last one before it is the whole.
            int? Whole(bool pastCounts = false)
            {
                Close();
                subject = null;
                // 「具体内容包括」 lists what a sum was spent on: past statements of counts only (「共计支出 0.07 万元」 after
                // 「国内公务接待 1 批次，10 人次」); a 「其中」 after a count breaks down the count.
                var last = statements.Count - 1;
                while (pastCounts && last >= first && statements[last].Figures.All(f => f.Role == FigureRole.Count))
                {
                    last--;
                }

                return last >= first && statements[last].Figures.Any(f => f.Role is FigureRole.Amount or FigureRole.Budget or FigureRole.FullYearBudget) ? last : null;
            }

            foreach (Match clause in Clause().Matches(sentenceText))
            {
                var clauseText = clause.Value;
                var opening = clauseText.TrimStart();
                if (ReasonStart().IsMatch(opening))
                {
                    // 「主要原因是办公费下降 20%」: what follows a reason is not a figure of the statement before it.
                    Close();
                    subject = null;
                    resumable = null;
                    amountsOf.Clear();
                    named.Clear();
                }

                if (!inParenthesis && partOf is not null && !complete && OpensList(opening))
                {
                    // A second 「其中」 breaks down the part just read, not the whole: the first list ends here.
                    partOf = Whole();
                }
                else if (!inParenthesis && partOf is null && OpensList(opening))
                {
                    // 「…总收入 12,010.11 万元。其中：…」: a sentence opening with 其中 breaks down the one before it.
                    partOf = Whole(pastCounts: SpecificList().IsMatch(opening)) ?? (statements.Count == first && previousLast is { } before && statements[before].Figures.Any(f => f.Role == FigureRole.Amount) ? before : null);
                    complete = false;
                }
                else if (inParenthesis && clause.Index > 0 && sentenceText[clause.Index - 1] == '（'
                    && sentenceText.IndexOf('）', clause.Index) is var close and > 0 && Figure().IsMatch(sentenceText[clause.Index..close]))
                {
                    // Only a parenthesis with figures is a breakdown: 「（含上年结转资金）」 is a remark. Inside a 「其中」
                    // list it breaks down the part before it, and the list goes on after it.
                    outer = (partOf, complete);
                    partOf = Whole();
                    inBreakdown = true;
                    complete = !PartialIntroduction().IsMatch(opening);
                    remark = Including().IsMatch(opening);
                }

                // 「1.因公出国（境）经费支出 0 万元」: a name that a parenthesis cut goes on right after it, in this clause.
                var cutName = !inParenthesis && afterParenthesis is not null && pendingWords is not null && pendingCode is null
                    && clause.Index > 0 && sentenceText[clause.Index - 1] is '）' or ')'
                    ? pendingWords[(pendingWords.LastIndexOfAny(['）', ')', '：', ':']) + 1)..] + afterParenthesis : null;
                var lead = 0;
                if (!inParenthesis && YearOnly().IsMatch(clauseText))
                {
                    // 「…缴费支出（2080505）2023，年度决算数为…」: a year cut from its 年度 by a stray comma names nothing and
                    // leaves the subject and its code pending for the figure.
                }
                else if (!inParenthesis && !Figure().IsMatch(clauseText))
                {
                    // A clause of words only may name the subject of the next figure; words right after a parenthesis
                    // go on with the name before it (「因公出国（境）费，全年预算为…」).
                    var words = clauseText.TrimEnd('，', '、', ',', '（', '(', '）', ')');
                    pendingWords = afterParenthesis is not null && pendingWords is not null ? pendingWords + afterParenthesis + words : words;
                    pending = SubjectOf(pendingWords) ?? (pendingWords != words ? SubjectOf(words) : null);
                    pendingCode = null;
                }
                else if (inParenthesis && pending is not null && CodeOnly().Match(clauseText) is { Success: true } code)
                {
                    // 「小学教育（2050202），…决算数为 7,970.38 万元」: the code printed with the subject.
                    pendingCode = code.Groups["c"].Value;
                }
                else if (Figure().IsMatch(clauseText))
                {
                    pendingWords = null;
                }

                afterParenthesis = inParenthesis && !Figure().IsMatch(clauseText) && pendingWords is not null
                    ? "（" + clauseText.TrimEnd('）', ')') + "）" : null;

                foreach (Match figure in Figure().Matches(clauseText))
                {
                    var at = sentence.Index + clause.Index + figure.Index;
                    var before = clauseText[lead..figure.Index];
                    lead = figure.Index + figure.Length;
                    if (taken(at))
                    {
                        if (SubjectOf(before) is { } takenSubject)
                        {
                            named.Add(takenSubject);
                            if (RoleOf(before, figure.Groups["u"].Value).Role == FigureRole.Amount)
                            {
                                amountsOf.Add(takenSubject);
                            }
                        }

                        continue;
                    }

                    var (role, direction) = RoleOf(before, figure.Groups["u"].Value);
                    var repeats = figures.Any(f => f.Role == role && role is not (FigureRole.Unknown or FigureRole.Share));
                    // A subject of its own opens a statement for an amount, a budget, a count or a rate — for a change when
                    // no statement is open, or when the open one has its change already (「其中：财政拨款收入增加 14,458.07
                    // 万元，事业收入增加 974.61 万元」: a list of changes, one subject each); and for a share likewise
                    // (「完成体检人数占预计体检人数的 96%」, 「其中：基本支出占 40%，项目支出占 60%」).
                    var opens = role is FigureRole.Amount or FigureRole.Budget or FigureRole.FullYearBudget or FigureRole.Count or FigureRole.Rate
                        || ((subject is null || repeats) && role is FigureRole.ChangeAmount or FigureRole.ChangePercent)
                        || ((subject is null || figures.Any(f => f.Role == FigureRole.Share)) && role is FigureRole.Share);
                    var own = opens ? SubjectOf(before) : null;
                    if (own is not null && cutName is not null && before.Length == figure.Index)
                    {
                        own = SubjectOf(cutName + before) ?? own;
                    }

                    cutName = null;

                    // 「建成 3 个县级医院、17 个镇卫生院」: a count names what it counts after its unit, where a noun follows it.
                    if (role == FigureRole.Count && opens && CountedNoun().Match(clauseText, figure.Index + figure.Length) is { Success: true } noun
                        && SubjectOf(noun.Groups["n"].Value) is { } counted)
                    {
                        own = counted;
                    }

                    // 「…政府采购金额（以合同签订为准）为 251.25 万元」, 「小学教育（2050202），2023 年度决算数为…」: the subject
                    // stood before a parenthesis; what precedes the figure in its own clause names nothing.
                    // A share never takes its subject from a clause of words before it (「…，主要用于保障机构正常运转，占总支出的
                    // 61.46%」 is not a share of 保障机构正常运转).
                    var fromPending = own is null && opens && subject is null && pending is not null && role != FigureRole.Share;
                    if (fromPending)
                    {
                        own = pending;
                    }

                    // 「…，共计支出 0.07 万元」: total words with no subject of their own restate the one subject of the sentence's amounts.
                    if (own is null && opens && subject is null && role == FigureRole.Amount && TotalWordsOnly().IsMatch(before)
                        && (amountsOf.Count == 1 ? amountsOf : amountsOf.Count == 0 && named.Count == 1 ? named : null) is { } restated)
                    {
                        own = restated.Single();
                    }

                    if ((own ?? subject) is { } figureOf)
                    {
                        named.Add(figureOf);
                        if (role == FigureRole.Amount)
                        {
                            amountsOf.Add(figureOf);
                        }
                    }
                    var ownCode = fromPending ? pendingCode : null;
                    pending = null;
                    pendingCode = null;
                    if (own is not null && (own != subject || repeats))
                    {
                        resumable = null;
                        Close();
                        subject = own;
                        subjectCode = ownCode;
                        start = at;
                    }
                    else if (repeats)
                    {
                        // A second figure of the same role with no subject of its own belongs to a subject the grammar
                        // cannot name (「项目 298.58 万元」): it stays unread rather than join the statement before.
                        Close();
                        subject = null;
                        subjectCode = null;
                        start = at;
                    }

                    var whole = role == FigureRole.Share ? WholeOf(before) : null;
                    var bound = role is FigureRole.Rate or FigureRole.Completion && IsBound(clauseText[..figure.Index], clauseText[(figure.Index + figure.Length)..]);
                    if (bound && role == FigureRole.Completion)
                    {
                        // 「预算执行率达到 90%以上」 is a target, not the rate reached: a bound rate, never checked as a completion.
                        role = FigureRole.Rate;
                    }

                    var read = new ClauseFigure(role, figure.Groups["v"].Value, figure.Groups["u"].Value, at, figure.Length, direction, whole, bound);
                    if (subject is null && resumable is { } r && role is FigureRole.Share or FigureRole.ChangeAmount or FigureRole.ChangePercent or FigureRole.Completion)
                    {
                        // 「基本支出 476.21 万元（包括人员经费…，公用经费…），占总支出的 61.46%」: after its breakdown, a figure
                        // without a subject of its own is the whole's again.
                        statements[r] = statements[r] with { Figures = [.. statements[r].Figures, read] };
                        continue;
                    }

                    resumable = null;
                    figures.Add(read);
                }

                if (clauseText.EndsWith('（') || clauseText.EndsWith('('))
                {
                    inParenthesis = true;
                }
                else if (clauseText.EndsWith('）') || clauseText.EndsWith(')'))
                {
                    // The breakdown in parentheses ends: what follows is about the whole again, or something new.
                    if (inParenthesis && inBreakdown)
                    {
                        Close();
                        resumable = partOf;
                        if (remark && partOf is { } remarked && statements.Count(x => x.PartOf == remarked) == 1 && statements[^1].PartOf == remarked && bracketed.Contains(statements.Count - 1))
                        {
                            // One figure in brackets introduced by 含/包括 (「总收入 12,010.11 万元（包含…配套资金 4,596.52 万元）」)
                            // remarks on the whole; it lists nothing, and a 「其中」 list after it is the whole's own.
                            statements[^1] = statements[^1] with { PartOf = null };
                        }

                        subject = null;
                        (partOf, complete) = outer;
                        inBreakdown = false;
                    }

                    inParenthesis = false;
                }
            }

            Close();
            semicolonBefore = sentenceText.EndsWith('；');
            carried = partOf is not null && !complete ? partOf : semicolonBefore ? continued : null;
            // A sentence-opening 「其中」 in the next sentence breaks down the last statement outside brackets: 「总收入
            // 12,010.11 万元（包含…配套资金 4,596.52 万元）。其中：…」 lists the parts of the total, not of the remark.
            previousLast = Enumerable.Range(first, statements.Count - first).Where(x => !bracketed.Contains(x)).Select(x => (int?)x).LastOrDefault();
        }

        return statements;
    }


    /// <summary>The role of a figure from the words before it in its clause, and the direction word that governs it.</summary>
    internal static (FigureRole Role, Direction? Direction) RoleOf(string before, string unit)
    {
        var percent = unit is "%" or "％";
        var money = unit is "万元" or "元";
        var direction = LastDirection(before);
        if (!percent && !money)
        {
            return (FigureRole.Count, null);
        }

        if (percent && ((before.Contains("完成", StringComparison.Ordinal) && before.Contains("预算", StringComparison.Ordinal)) || ExecutionRate().IsMatch(before) || OfBudget().IsMatch(before)))
        {
            return (FigureRole.Completion, null);
        }

        if (percent && before.Contains('占', StringComparison.Ordinal))
        {
            return (FigureRole.Share, null);
        }

        if (direction is not null && !DeviationWords().IsMatch(before))
        {
            return (percent ? FigureRole.ChangePercent : FigureRole.ChangeAmount, direction);
        }

        if (money && Budget().Match(before) is { Success: true } b && !before[b.Index..].Contains("决算", StringComparison.Ordinal))
        {
            return (b.Groups["full"].Success ? FigureRole.FullYearBudget : FigureRole.Budget, null);
        }

        if (percent && direction is null && NamedRate().IsMatch(before))
        {
            return (FigureRole.Rate, null);
        }

        if (money && !DeviationWords().IsMatch(before))
        {
            return (FigureRole.Amount, null);
        }

        // 「特殊人群参保缴费资助 100%」, 「偏差程度控制在 10%以内」: a percent that no role word claims states a rate or degree of
        // what the clause names — when the clause names something: the second figure of 「分别增长 5.2%、3.1%」 has no words
        // of its own and stays unread.
        return (percent && direction is null && !DeviationWords().IsMatch(before) && before.Trim().Length > 0 ? FigureRole.Rate : FigureRole.Unknown, null);
    }

    /// <summary>True when a rate is a bound or a goal, not a value reached: 「95%以上」, 「确保参保率达 100%」, 「≥90%」.</summary>
    internal static bool IsBound(string before, string after) => GoalWords().IsMatch(before) || BoundAfter().IsMatch(after);

    // 「执行率为 85%」, 「预算执行率 100%」: the actual over the budget (「任务完成率」 is not about money, so not this).
    [GeneratedRegex(@"执行率(?:为|达到|达|是|：|:)?\s*$")]
    private static partial Regex ExecutionRate();

    // 「参保率为」, 「满意度达到」, 「覆盖率」: a rate or degree named just before its figure.
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}](?:率|度)(?:持续|始终|一直|均)?(?:为|达到|达|到|是|保持在|稳定在|：|:){0,2}\s*(?:[≥≧>＞]\s*)?$")]
    private static partial Regex NamedRate();

    // 「体检费用 283.10 万元，占年初预算的 98.64%」: the part of the budget spent is a completion rate, not a share.
    [GeneratedRegex(@"占(?:年初|全年|调整后)?预算(?:数)?的?\s*$")]
    private static partial Regex OfBudget();

    [GeneratedRegex(@"确保|力争|目标|预期|计划|不低于|不少于|不超过|不高于|控制在|未达|达到.{0,6}以上|[≥≧>＞<＜≤≦]")]
    private static partial Regex GoalWords();

    [GeneratedRegex(@"^\s*(?:以上|以下|左右|上下|之内|以内)")]
    private static partial Regex BoundAfter();

    private static Direction? LastDirection(string text)
    {
        var m = DirectionWord().Matches(text).LastOrDefault();
        return m?.Value switch
        {
            "增加" or "增长" or "上升" or "提高" => Direction.Increase,
            "减少" or "下降" or "降低" => Direction.Decrease,
            "持平" => Direction.Flat,
            _ => null,
        };
    }

    /// <summary>The whole a share names: the words after 占 (「占总支出的」 → 总支出), null when it names none.</summary>
    internal static string? WholeOf(string before)
    {
        var at = before.LastIndexOf('占');
        var whole = at < 0 ? string.Empty : before[(at + 1)..].TrimEnd('的', '为', ' ').Replace("比例", string.Empty, StringComparison.Ordinal).Replace("比重", string.Empty, StringComparison.Ordinal);
        return whole.Length >= 2 ? whole : null;
    }

    /// <summary>
    /// What identifies a quantity across wordings in one section: 「学校2023年度收入总计」, 「收入总额」 and 「本年收入合计」 are all
    /// 收入; 「各项支出总计」 and 「总支出」 are 支出 — the owner, the year, 本年/各项 and the words for a total dropped.
    /// </summary>
    internal static string QuantityKey(string words)
    {
        // 总计, 总额 and 「总X」 are one total (years' grand totals); 合计 (本年收入合计) is another and keeps its word.
        var s = OwnerAndYear().Replace(words, string.Empty);
        s = s.Replace("各项", string.Empty, StringComparison.Ordinal).Replace("本年", string.Empty, StringComparison.Ordinal);
        if (s.EndsWith("合计", StringComparison.Ordinal))
        {
            return s;
        }

        var total = TotalWord().IsMatch(s) || (s.StartsWith('总') && s.Length > 1);
        s = TotalWord().Replace(s, string.Empty);
        s = s.StartsWith('总') && s.Length > 1 ? s[1..] : s;
        return total ? s + "总计" : s;
    }

    /// <summary>True when the words name a total (「…收入总计」, 「支出总额」, 「本年支出合计」).</summary>
    internal static bool IsTotal(string words) => TotalWord().IsMatch(words) || words.EndsWith("合计", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:学校|本单位|本部门|我局|我单位|单位|部门)?(?:20\d\d年度?)?")]
    private static partial Regex OwnerAndYear();

    [GeneratedRegex("(?:总额|总计|总数)$")]
    private static partial Regex TotalWord();

    /// <summary>The subject a clause opens with, without numbering, years, connectives and role words; null when none is left.</summary>
    internal static string? SubjectOf(string before)
    {
        // A sub-heading run into its first sentence (「（一）高等学校收支决算总表说明学校2023年度收入总计」): the subject is
        // what follows the heading.
        var s = before;
        if (s.LastIndexOf("说明", StringComparison.Ordinal) is var heading and > 0 && heading + 2 < s.Length)
        {
            s = s[(heading + 2)..];
        }

        // Headings run into the sentence and ending in 情况 before its year (「（一）部门总体收支情况1.部门总体收入情况2022
        // 年部门总收入」): the subject is what follows the year.
        if (HeadingThenYear().Matches(s) is { Count: > 0 } headings && headings[^1] is var last && last.Index + last.Length + 2 <= s.Length)
        {
            s = s[(last.Index + last.Length)..];
        }

        // A colon introduces what follows (「具体情况如下：1.因公出国（境）费」), when what follows names something.
        if (s.LastIndexOfAny(['：', ':']) is var colon and >= 0 && colon + 1 < s.Length && SubjectOf(s[(colon + 1)..]) is { } introduced)
        {
            return introduced;
        }

        // The subject ends where the role words begin: 「公务接待费|全年预算为」, 「基本支出|较上年增加」.
        s = LeadingFiller().Replace(s, string.Empty);
        var role = RoleWords().Match(s);
        var budgetLed = false;
        if (role.Success && role.Index == 0 && role.Length < s.Length && (role.Value == "完成" || role.Value.EndsWith("预算", StringComparison.Ordinal)))
        {
            // A role word that opens the words leaves the subject after it: 「完成|省级医用耗材和药品招标 6 批次」, 「预算|总支出
            // 774.79 万元」, 「全年预算|收入」 (收入 and 支出 alone name the quantity a budget is of; 「年初预算安排」「预算资金」
            // name nothing).
            budgetLed = role.Value != "完成";
            s = BudgetFiller().Replace(s[role.Length..], string.Empty);
            role = RoleWords().Match(s);
        }

        if (role.Success)
        {
            s = s[..role.Index];
        }

        s = TrailingRole().Replace(s, string.Empty);
        s = s.Trim('，', '、', '：', ':', '“', '”', ' ');

        // Headings run in before the subject (「4.…工作经费项目绩效自评综述：医疗保障服务能力提升项目绩效自评综述：全年预算数…」):
        // the subject is the last of them.
        if (s.LastIndexOfAny(['：', ':']) is var inner and >= 0 && inner + 2 < s.Length)
        {
            s = LeadingFiller().Replace(s[(inner + 1)..], string.Empty);
        }

        // Project names run long (「关闭破产企业退休职工参加城镇基本医疗保险财政补助资金及县直退休二巡医疗费财政拨款资金」).
        return s.Length is >= 2 and <= 50 && !DirectionWord().IsMatch(s) && !FundName().Replace(s, string.Empty).Contains("预算", StringComparison.Ordinal)
            && (!Generic().IsMatch(s) || (budgetLed && s is "收入" or "支出")) ? s : null;
    }

    // The noun right after a count's unit, up to the next figure or mark: 「个|县级医院、」, 「人次|城乡居民报销住院医疗费用 15357.29」.
    [GeneratedRegex(@"\G(?<n>[\p{IsCJKUnifiedIdeographs}“”]{2,20})(?=$|[、，,；。（(0-9])")]
    private static partial Regex CountedNoun();

    // What may follow a budget word without naming anything: 「年初预算|安排」, 「预算|数」, 「预算|资金」.
    [GeneratedRegex("^(?:数|金额|安排|资金|为|是)+")]
    private static partial Regex BudgetFiller();

    [GeneratedRegex(@"情况\s*(?:19|20)\d\d\s*年度?")]
    private static partial Regex HeadingThenYear();

    // 一般公共预算, 政府性基金预算, 国有资本经营预算 name funds: their 预算 is part of the subject.
    [GeneratedRegex("(?<!一般公共|基金|资本经营)(?:年初|全年|调整后)?预算|支出决算(?!支出)|决算(?=数|为|是|$)|完成|比上年|与上年|较上年|比20\\d\\d|与20\\d\\d|同比|增加|减少|增长|下降|持平|占")]
    private static partial Regex RoleWords();

    [GeneratedRegex(@"^\s*(?<c>[0-9]{3}|[0-9]{5}|[0-9]{7})\s*[）)]?[，,、]?\s*$")]
    private static partial Regex CodeOnly();

    [GeneratedRegex(@"^\s*(?:19|20)\d\d\s*(?:年度?)?\s*[，,、]?\s*$")]
    private static partial Regex YearOnly();

    [GeneratedRegex("^(?:主要原因|原因是|原因主要|主要用于|主要是由于|其原因)")]
    private static partial Regex ReasonStart();

    // A parenthesis that says what a whole includes: 「（包含城乡居民参保县级配套资金 4,596.52 万元）」.
    [GeneratedRegex("^(?:含|包括|包含)")]
    private static partial Regex Including();

    // 「其中」, or 「具体内容包括」 after a sum (「共计支出 0.07 万元，具体内容包括…用餐费 0.07 万元」): a list of some of its parts.
    private static bool OpensList(string opening) => opening.StartsWith("其中", StringComparison.Ordinal) || SpecificList().IsMatch(opening);

    [GeneratedRegex(@"^具体(?:内容)?(?:包括|为|是)")]
    private static partial Regex SpecificList();

    // A parenthesis that lists only some parts: 含、包括、其中、主要、如、约、包含.
    [GeneratedRegex("^(?:含|包括|包含|其中|主要|如|约|例如|比如)")]
    private static partial Regex PartialIntroduction();

    [GeneratedRegex(@"[^。；！？]+[。；！？]?")]
    private static partial Regex Sentence();

    // A comma between digits groups thousands (「39,049.48」); only other commas end a clause.
    [GeneratedRegex(@"(?:[^，、,（）()]|(?<=\d),(?=\d))+[，、,（）()]?")]
    private static partial Regex Clause();

    // ASCII digits only, at most 15 before and 6 after the point: anything else is not a printed amount to reason about.
    [GeneratedRegex(@"(?<![0-9.])(?<v>[0-9](?:[0-9]|,(?=[0-9])){0,18}(?:\.[0-9]{1,6})?)(?![0-9])(?<u>万元|元|%|％|个|万人次|人次|批次|万人|人|次|辆|台|套|家|户|件|项|名|所|座|场|期|篇)")]
    private static partial Regex Figure();

    [GeneratedRegex("增加|减少|增长|下降|上升|降低|提高|持平")]
    private static partial Regex DirectionWord();

    // 「决算数较预算数减少 0.28 万元」「比预算节约」: a deviation from the budget, not a change against the prior year.
    [GeneratedRegex("(?:较|比|与)(?:年初|全年|调整后)?预算|节约|超支")]
    private static partial Regex DeviationWords();

    [GeneratedRegex("(?:一般公共|政府性基金|国有资本经营)预算")]
    private static partial Regex FundName();

    // 一般公共预算, 政府性基金预算, 国有资本经营预算 name funds, not budgets.
    [GeneratedRegex("(?<!一般公共|基金|资本经营)(?:(?<full>全年|调整后|调整)|年初)?预算(?:数|金额|安排)?")]
    private static partial Regex Budget();

    // 「共计支出」, 「合计金额为」, 「共」: words that total, naming nothing (not 累计, a sum over years as often as not).
    [GeneratedRegex(@"^[，、,\s]*(?:共计|合计|总计|共)(?:支出|金额|花费|开支)?(?:为|达)?\s*$")]
    private static partial Regex TotalWordsOnly();

    [GeneratedRegex(@"^(?:[（(]?[一二三四五六七八九十\d]+[)）.、．]|其中[：:]?|主要(?:是|用于|包括)?|具体(?:内容)?(?:包括|为|是)|包括|本年度?|20\d\d\s*年度?|我局|我单位|本单位|本部门|与上年相比|比上年|较上年|同比|共计?|合计|累计|为|是|均为|分别为|[，、：:\s])+")]
    private static partial Regex LeadingFiller();

    [GeneratedRegex("(?:(?:财政拨款)?支出(?=决算|执行|实际))?(?:决算数?|实际支出|执行数|金额)?(?:为|是|共|达|合计|共计|累计)?$")]
    private static partial Regex TrailingRole();

    // Words too general to name a quantity on their own.
    [GeneratedRegex("^(?:支出|收入|决算|资金|经费|费用|金额|其他|上年|本年|年度|单位|部门|本部门|本单位)$")]
    private static partial Regex Generic();
}
