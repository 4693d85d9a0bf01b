using System.Text.RegularExpressions;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Audit.Rules;

/// <summary>
/// The narrative (情况说明) against the tables: units, shares, changes and the prior year they imply, completion rates
/// and their wording, item budgets, coverage of every 项, placeholders, years, required counts. Amounts themselves are
/// compared by the fact rule (N.AMOUNT).
/// </summary>
internal static partial class NarrativeRules
{
    public static IEnumerable<Rule> All()
    {
        yield return new DelegateRule(RuleIds.NUnit, "情况说明中的金额单位与表一致（元/万元）", Units);
        yield return new DelegateRule(RuleIds.NShare, "占比等于金额除以正确的分母", Shares);
        yield return new DelegateRule(RuleIds.NChange, "增减额、增减率与方向自洽，并与上年数一致", Changes);
        yield return new DelegateRule(RuleIds.NImpliedPrior, "各处隐含的上年数一致", ImpliedPriors);
        yield return new DelegateRule(RuleIds.NCompletion, "完成率等于决算数除以预算数，大于/小于的措辞与之相符", Completions);
        yield return new DelegateRule(RuleIds.NItemBudgets, "各项年初预算之和等于一般公共预算财政拨款年初预算总数", ItemBudgets);
        yield return new DelegateRule(RuleIds.NItemActuals, "表未能核对时，各项决算数之和等于一般公共预算财政拨款支出决算总数", ItemActuals);
        yield return new DelegateRule(RuleIds.NParts, "分项之和与其总数相符：列全的（括号内）相等，「其中」所列不超过总数", Parts);
        yield return new DelegateRule(RuleIds.NItemCoverage, "一般公共预算财政拨款支出表中的每个项都有说明", ItemCoverage);
        yield return new DelegateRule(RuleIds.NPlaceholder, "没有遗留的占位符（XX、××、某某）", Placeholders);
        yield return new DelegateRule(RuleIds.NYear, "陈述中的年度与决算年度相符", Years);
        yield return new DelegateRule(RuleIds.NCounts, "“三公”经费的团组、人次、车辆等数量已说明", Counts);
        yield return Restatements.Rule();
        yield return Wording.Rule();
        yield return Wording.RangeRule();
        yield return Wording.RepeatedWordRule();
        yield return GradeCounts.Rule();
        yield return EvaluatedProjects.Rule();
        yield return ZeroListed.Rule();
        yield return ProcurementRule.Rule();
    }

    internal static string Where(AuditContext c, Claim claim) => c.Year.Narrative.LocationOf(claim).Describe();


    /// <summary>The table's statement of a fact (its first table cell), else null.</summary>
    private static (Estimate Value, MoneyUnit Unit)? TableValue(AuditContext c, FactKey key)
    {
        // Called for nearly every claim by several rules: a loop by index (no enumerator), no query and no strings.
        var assertions = c.Facts.Find(key);
        for (var i = 0; i < assertions.Count; i++)
        {
            var assertion = assertions[i];
            if (assertion.Origin == AssertionOrigin.Table)
            {
                return (assertion.Amount.In(MoneyUnit.WanYuan), assertion.Amount.Unit);
            }
        }

        return null;
    }

    /// <summary>The value of a fact for a derived check: the table's, else the claim's own amount.</summary>
    private static Estimate? ValueFor(AuditContext c, FactKey key, Claim? claim) =>
        TableValue(c, key)?.Value ?? (claim?.Amount is { } a ? Interpret(c, key, a) : (Estimate?)null) ?? c.Facts.Find(key).Select(f => (Estimate?)f.Amount.In(MoneyUnit.WanYuan)).FirstOrDefault();

    // A narrative amount whose unit differs from the table's is read as the number the writer meant (N.UNIT reports it).
    // A bare zero (「因公出国（境）费支出决算 0 万元，占 0%」) is the templates' 0.00 written short, not a figure rounded to
    // whole 万元: it is read to two decimals, as the tables print amounts.
    private static Estimate Interpret(AuditContext c, FactKey key, Amount amount)
    {
        if (amount.Value == 0m && amount.Decimals == 0)
        {
            amount = new Amount(0m, 2, amount.Unit);
        }

        var unit = TableValue(c, key with { Basis = Bases.Actual })?.Unit ?? DefaultUnit(c);
        return amount.Unit == unit ? amount.In(MoneyUnit.WanYuan) : new Amount(amount.Number, unit).In(MoneyUnit.WanYuan);
    }

    private static MoneyUnit DefaultUnit(AuditContext c) => c.Year.Tables.FirstOrDefault()?.Unit ?? MoneyUnit.WanYuan;

    private static Finding Error(AuditContext c, string rule, Claim claim, string message, string? expected = null, string? actual = null, string? difference = null, Severity severity = Severity.Error)
    {
        // The claim's place worked out once, for the finding and its figure.
        var source = c.Year.Narrative.LocationOf(claim);
        var where = source.Describe();
        return new()
        {
            Rule = rule, Severity = severity, Location = where, Message = message, Expected = expected, Actual = actual, Difference = difference,
            Figures = claim.Sentence is null ? [] : [new FindingFigure(actual ?? string.Empty, where, "叙述", AuditContext.Locate(source, actual))],
        };
    }

    /// <summary>
    /// A derived percentage that rounding explains but that the figures, recomputed, would print differently: an info
    /// note (「92.97% 按表中数据计算为 93.00%，差异在尾差范围内」), never an error.
    /// </summary>
    private static Finding? RoundingNote(AuditContext c, string rule, Claim claim, Func<string> what, Printed printed, Estimate expected)
    {
        var check = Consistency.Check(printed, expected);
        if (!Noted(check, printed, expected))
        {
            return null;
        }

        return new Finding
        {
            Rule = rule, Severity = Severity.Info, Kind = FindingKind.Rounding, Location = Where(c, claim),
            Message = $"{what()}写作 {printed}%，按表中数据计算为 {AuditContext.Format(expected.Value, printed.Decimals)}%，差异在尾差范围（{AuditContext.Format(expected.Range.Lo, 3)}%–{AuditContext.Format(expected.Range.Hi, 3)}%）内。",
            Expected = AuditContext.Describe(expected, printed.Decimals) + "%", Actual = printed + "%", Difference = AuditContext.Format(check.Difference),
        };
    }

    // A figure that only rounding explains, printed otherwise than the computed value rounds: worth a note.
    private static bool Noted(Consistency check, Printed printed, Estimate expected) =>
        check.Kind == ConsistencyKind.ConsistentByRounding && Rounding.HalfUp(expected.Value, printed.Decimals) != printed.Value;

    /// <summary>
    /// True when <see cref="Percentage"/> finds nothing: the ratio holds and needs no rounding note. Most percentages do;
    /// the rules ask this first, so that the texts of a finding (closures over the claim's figures) are made only for one.
    /// </summary>
    private static bool Quiet(Printed stated, Estimate numerator, Estimate denominator) =>
        numerator.DividedBy(denominator) is { } ratio && (ratio * 100m) is var expected && Consistency.Check(stated, expected) is { Holds: true } check
        && !Noted(check, stated, expected);

    /// <summary>
    /// A stated percentage against numerator ÷ denominator × 100 on intervals: a warning when the denominator can be
    /// zero, a rounding note when only rounding explains it, an error when nothing does — in that order, as a list: most
    /// percentages hold, and an iterator of this many decimals was ≈ 500 bytes a call.
    /// </summary>
    private static IReadOnlyList<Finding> Percentage(AuditContext c, string rule, Claim claim, Func<string> what, Printed stated, Estimate numerator, Estimate denominator,
        Func<string> zeroMessage, Func<Estimate, Consistency, string> errorMessage)
    {
        // The texts are made only for a finding: most percentages hold.
        if (numerator.DividedBy(denominator) is not { } ratio)
        {
            return [Error(c, rule, claim, zeroMessage(), actual: stated + "%", severity: Severity.Warning)];
        }

        var expected = ratio * 100m;
        var check = Consistency.Check(stated, expected);
        var note = RoundingNote(c, rule, claim, what, stated, expected);
        if (check.Holds)
        {
            return note is null ? [] : [note];
        }

        var error = Error(c, rule, claim, errorMessage(expected, check),
            expected: AuditContext.Format(expected.Value, 2) + "%", actual: stated + "%", difference: AuditContext.Points(check.Difference));
        return note is null ? [error] : [note, error];
    }

    // A claim's amounts as N.UNIT reads them, with their names in its messages (no array per claim).
    private static readonly (Func<Claim, Amount?> Of, string Part)[] ClaimAmounts =
        [(claim => claim.Amount, "金额"), (claim => claim.Change, "增减额"), (claim => claim.Budget, "预算数")];

    private static IEnumerable<Finding> Units(AuditContext c)
    {
        foreach (var claim in c.Year.Narrative.Claims)
        {
            var unit = TableValue(c, claim.Subject)?.Unit ?? DefaultUnit(c);
            foreach (var (of, part) in ClaimAmounts)
            {
                var amount = of(claim);
                // Nothing is nothing in either unit: 「事业收入 0 元」 beside 万元 misstates no amount.
                if (amount is { } a && a.Unit != unit && a.Value != 0m)
                {
                    // Without tables the report's own unit is the measure (a report whose tables are images, a self-evaluation).
                    var measure = c.Year.Tables.Count == 0 ? $"而本报告的金额以{unit.Name()}计" : $"而表中单位为{unit.Name()}";
                    yield return Error(c, RuleIds.NUnit, claim,
                        $"情况说明中{FactRule.Describe(c, claim.Subject)}的{part}写作「{a}」，单位为{a.Unit.Name()}，{measure}：应为「{a.Number}{unit.Name()}」或换算后的数值。",
                        expected: unit.Name(), actual: a.ToString());
                }
            }
        }

        // The procurement amounts, which its own reader takes from the narrative rather than a claim.
        if (c.Year.Procurement is { } p)
        {
            // Measured against the narrative's own unit (tables in 元 beside a narrative in 万元 are common).
            const string where = "情况说明 政府采购支出情况";
            var unit = c.Year.Narrative.Claims.Select(x => x.Amount?.Unit).OfType<MoneyUnit>().GroupBy(u => u).MaxBy(g => g.Count())?.Key ?? DefaultUnit(c);
            foreach (var (a, what) in p.Amounts())
            {
                if (a.Unit != unit && a.Value != 0m)
                {
                    // A warning: a sum stated in 元 on purpose reads as well, only not as the rest of the section does.
                    var converted = a.ConvertTo(unit);
                    yield return new Finding
                    {
                        Rule = RuleIds.NUnit, Severity = Severity.Warning, Location = where,
                        Message = $"{where}中{what}写作「{a}」，单位为{a.Unit.Name()}，而情况说明的其他金额以{unit.Name()}计：若是漏写了「万」，应为「{a.Number}{unit.Name()}」；若确以{a.Unit.Name()}计，宜换算为「{converted}」。",
                        Expected = unit.Name(), Actual = a.ToString(),
                        Figures = [new FindingFigure(a.ToString(), where, "政府采购", new FigureLocation { Section = where })],
                    };
                }
            }
        }

        foreach (var finding in UnitsAmongSiblings(c))
        {
            yield return finding;
        }
    }

    /// <summary>
    /// An amount no claim holds, printed in 元 in a sentence whose other amounts are in 万元 (「办结举报案件 16 起，追回基金
    /// 15.64 元，行政处罚 10.08 万元」): most likely 万 left out. A rate per head or a standard (「每人每年 380 元」「人均 1.2
    /// 元」「补助标准 30 元/人」) is in 元 by nature and left alone. A warning: the report's own unit is not a table's here.
    /// </summary>
    private static IEnumerable<Finding> UnitsAmongSiblings(AuditContext c)
    {
        HashSet<(string Sentence, string Number)>? claimed = null;
        Prose? previous = null;
        // Each passage with the one after it: a passage that ends at a semicolon (a line of a PDF's list) goes on there.
        foreach (var next in c.AllProse().Append(null))
        {
            if (previous is not { } prose)
            {
                previous = next;
                continue;
            }

            previous = next;
            if (!YuanAfterFigurePossible(prose.Text) || !YuanWithDecimals().IsMatch(prose.Text))
            {
                // Most passages have none: asked first without making matches, and first of all without the regex, which
                // tries every figure of the passage (most of them 万元's).
                continue;
            }

            var goesOn = next is not null && prose.Text.TrimEnd().EndsWith('；') ? next.Text[..(next.Text.IndexOf('。') is var full and >= 0 ? full : next.Text.Length)] : string.Empty;
            // The amounts in 元 with decimals first (few, or none): only their sentences are looked at.
            foreach (Match m in YuanWithDecimals().Matches(prose.Text))
            {
                // The sentence the finding would quote, found once (AuditContext.InSection's bounds).
                var where = prose.At(m.Index, m.Value);
                var sentence = where.Sentence ?? string.Empty;
                var at = where.SpanStart ?? 0;
                // Only beside amounts in 万元 — in its sentence up to the full stop, past the semicolons that part a list
                // (「追回违规医疗机构基金 157.1 元；行政处罚 50.73 万元」) — and a figure printed with decimals as they are
                // (「15.64元」): a whole 「300元」 is a sum in 元 as often as not.
                var from = prose.Text.LastIndexOf('。', Math.Max(0, m.Index - 1)) + 1;
                var to = prose.Text.IndexOf('。', m.Index) is var stop and >= 0 ? stop : prose.Text.Length;
                if (!sentence.Contains("万元", StringComparison.Ordinal) && !prose.Text.AsSpan(from, to - from).Contains("万元", StringComparison.Ordinal)
                    && !(to == prose.Text.Length && goesOn.Contains("万元", StringComparison.Ordinal)))
                {
                    continue;
                }

                var number = m.Groups["v"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
                var before = sentence[Math.Max(0, at - 6)..at];
                var after = sentence[Math.Min(sentence.Length, at + m.Length)..Math.Min(sentence.Length, at + m.Length + 4)];
                claimed ??= c.Year.Narrative.Claims.Where(x => x.Sentence is not null)
                    .SelectMany(x => new[] { x.Amount, x.Change, x.Budget }.Where(a => a is { Unit: MoneyUnit.Yuan }).Select(a => (x.Sentence!, a!.Value.Number.ToString().Replace(",", string.Empty, StringComparison.Ordinal))))
                    .ToHashSet();
                if (PerHead().IsMatch(before) || PerHeadAfter().IsMatch(after) || after.StartsWith('/') || after.StartsWith('／') || after.StartsWith('每')
                    || Printed.Parse(number) is not { Success: true, Value.Value: not 0m }
                    || claimed.Any(x => x.Number == number && x.Sentence.Contains(sentence.Trim(), StringComparison.Ordinal)))
                {
                    continue;
                }

                yield return new Finding
                {
                    Rule = RuleIds.NUnit, Severity = Severity.Warning, Location = prose.Where,
                    Message = $"{prose.Where}：「{AuditContext.Excerpt(where.Sentence, 60)}」中「{m.Value}」以元计，而同句其他金额以万元计：请核对是否漏写「万」。",
                    Expected = "万元", Actual = m.Value,
                    Figures = [new FindingFigure(m.Value, prose.Where, "叙述", where)],
                };
            }
        }
    }

    // 「15.64元」, not 「15.64万元」.
    [GeneratedRegex(@"(?<![0-9.,])(?<v>[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+|[0-9]+\.[0-9]+)\s*元")]
    internal static partial Regex YuanWithDecimals();

    /// <summary>
    /// False only when <see cref="YuanWithDecimals"/> cannot match: it needs a 元 whose nearest character before it, past
    /// white space (<c>\s</c>, <see cref="char.IsWhiteSpace(char)"/>), is a digit 0–9.
    /// </summary>
    internal static bool YuanAfterFigurePossible(string text)
    {
        for (var i = text.IndexOf('元', StringComparison.Ordinal); i >= 0; i = text.IndexOf('元', i + 1))
        {
            var j = i - 1;
            while (j >= 0 && char.IsWhiteSpace(text[j]))
            {
                j--;
            }

            if (j >= 0 && char.IsAsciiDigit(text[j]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("每|人均|户均|次均|平均|标准|单价|均价|定额|起付|最高|最低|不超过|限额|价值")]
    private static partial Regex PerHead();

    // 「按 300.00 元标准」「1000.00 元以上」「500.00 元/人」: a standard or a bound named after the figure.
    [GeneratedRegex("^(?:的)?(?:标准|以上|以下|以内|/|／|每)")]
    private static partial Regex PerHeadAfter();

    private static IEnumerable<Finding> Shares(AuditContext c)
    {
        // Shares of one whole stated in one sentence that add up to exactly 100: when one of them is wrong beyond rounding,
        // the writer most likely adjusted it to make the list reach 100 % — said so, because that is how a reviewer
        // explains it to the preparer (issue 13, item 10).
        var forcedTo100 = c.Year.Narrative.Claims.Where(x => x.SharePercent is not null && x.Sentence is not null)
            .GroupBy(x => (x.Sentence, Whole: x.ShareOf ?? DefaultShareOf(x)))
            .Where(g => g.Count() >= 2 && g.Sum(x => x.SharePercent!.Value.Value) == 100m)
            .SelectMany(g => g).ToHashSet(ReferenceEqualityComparer.Instance);
        var misstatedWhole = new HashSet<Claim>(ReferenceEqualityComparer.Instance);
        foreach (var finding in MisstatedWholes(c, misstatedWhole))
        {
            yield return finding;
        }

        foreach (var claim in c.Year.Narrative.Claims.Where(x => x.SharePercent is not null && !misstatedWhole.Contains(x)))
        {
            var denominatorKey = claim.ShareOf ?? DefaultShareOf(claim);
            var numerator = ValueFor(c, claim.Subject, claim);
            var denominator = denominatorKey is null ? null : ValueFor(c, denominatorKey, FirstStating(c, denominatorKey));
            if (numerator is null || denominator is null)
            {
                yield return AuditContext.NotChecked(RuleIds.NShare, $"「{AuditContext.Excerpt(claim.Sentence, 60)}」中的占比找不到{(numerator is null ? "分子" : "分母")}的数值", location: Where(c, claim));
                continue;
            }

            var share = claim.SharePercent!.Value;
            if (share.Value == 0m && numerator.Value.Value == 0m && denominator.Value.Value == 0m)
            {
                // 「…支出决算 0.00 万元，占 0.00%」 of a total that is nil too: nothing is wrong in writing a 0% share (a
                // completion rate over a zero budget stays a finding: there is no rate over a zero budget).
                continue;
            }

            if (Quiet(share, numerator.Value, denominator.Value))
            {
                continue;
            }

            foreach (var f in ShareFindings(c, claim, share, numerator.Value, denominator.Value, denominatorKey!))
            {
                yield return f.Kind == FindingKind.Violation && forcedTo100.Contains(claim)
                    ? f with { Message = f.Message + "同句各项占比合计正好为 100%：看来是为凑足 100% 调整了这一项，请按实际数重新舍入。" }
                    : f;
            }
        }
    }

    // A share's findings (its texts made here, for a share that gives one).
    private static IReadOnlyList<Finding> ShareFindings(AuditContext c, Claim claim, Printed share, Estimate numerator, Estimate denominator, FactKey denominatorKey)
    {
        var subject = FactRule.Describe(c, claim.Subject);
        return Percentage(c, RuleIds.NShare, claim, () => $"{subject}的占比", share, numerator, denominator,
            () => $"{subject}的占比 {share}% 的分母为零，占比无从计算。",
            (expected, check) => $"{subject}占{FactRule.Describe(c, denominatorKey)}的比例写作 {share}%，按 {AuditContext.Format(numerator.Value, 2)} ÷ {AuditContext.Format(denominator.Value, 2)} 应为 {AuditContext.Describe(expected, 2, "%")}，相差 {AuditContext.Points(check.Difference)} 个百分点（超出尾差 {AuditContext.Points(check.Gap)}）。");
    }

    // The first claim that states the fact's amount — or, with orBudget, only its budget — or null (a loop: asked for every
    // share and every list of parts).
    private static Claim? FirstStating(AuditContext c, FactKey key, bool orBudget = false)
    {
        foreach (var claim in c.Year.Narrative.Claims)
        {
            if (claim.Subject == key && (claim.Amount ?? (orBudget ? claim.Budget : null)) is not null)
            {
                return claim;
            }
        }

        return null;
    }

    /// <summary>
    /// Shares of one whole in one sentence that add up to 100 % (so the parts are all of it) and all agree with the sum of
    /// their parts, while none agrees with the whole as stated (「年末决算支出合计为 1585.9 万元，其中：基本支出 476.21 万元…，
    /// 占总支出的 61.46%；项目支出 298.58 万元，占总支出的 38.54%」, 476.21 + 298.58 = 774.79): the shares are right and the
    /// whole is misstated — one finding at the whole, not one per share (N.PARTS may also say that the parts do not reach
    /// the whole; this finding says which side is wrong). A whole the tables print is not blamed: then the parts are. The
    /// claims it covers are added to <paramref name="covered"/>.
    /// </summary>
    private static IEnumerable<Finding> MisstatedWholes(AuditContext c, HashSet<Claim> covered)
    {
        var groups = c.Year.Narrative.Claims.Where(x => x.SharePercent is not null && x.Sentence is not null && x.ShareOf is not null)
            .GroupBy(x => (x.Sentence, Whole: x.ShareOf!)).Where(g => g.Count() >= 2);
        foreach (var group in groups)
        {
            var parts = group.Select(x => (Claim: x, Value: ValueFor(c, x.Subject, x))).ToArray();
            var stated = c.Year.Narrative.Claims.Where(x => x.Subject == group.Key.Whole && x.Amount is not null).ToArray();
            var wholeClaim = stated.FirstOrDefault(x => x.Sentence == group.Key.Sentence) ?? stated.FirstOrDefault();
            var shares = Estimate.Sum(group.Select(x => x.SharePercent!.Value.ToEstimate()));
            if (parts.Any(p => p.Value is null) || TableValue(c, group.Key.Whole) is not null || ValueFor(c, group.Key.Whole, wholeClaim) is not { } whole
                || !(shares.Range.Lo <= 100m && shares.Range.Hi >= 100m))
            {
                continue;
            }

            var sum = Estimate.Sum(parts.Select(p => p.Value!.Value));
            bool Agrees(Claim claim, Estimate part, Estimate over) => part.DividedBy(over) is { } ratio && Consistency.Check(claim.SharePercent!.Value, ratio * 100m).Kind != ConsistencyKind.Inconsistent;
            if (!parts.All(p => Agrees(p.Claim, p.Value!.Value, sum)) || parts.Any(p => Agrees(p.Claim, p.Value!.Value, whole)))
            {
                continue;
            }

            covered.UnionWith(group);
            var first = group.First();
            var wholeName = FactRule.Describe(c, group.Key.Whole);
            var listed = string.Join("、", parts.Select(p => $"{FactRule.Describe(c, p.Claim.Subject)} {p.Claim.SharePercent}%"));
            yield return Error(c, RuleIds.NShare, wholeClaim ?? first,
                $"{wholeName}写作 {wholeClaim?.Amount?.ToString() ?? AuditContext.Format(whole.Value, 2)}，而同句各项的占比（{listed}）合计 100%，都是按各项之和 {AuditContext.Format(sum.Value, 2)} 计算的：所写的{wholeName}与其组成部分不符，请核对该合计数。",
                actual: wholeClaim?.Amount?.ToString() ?? AuditContext.Format(whole.Value, 2), expected: AuditContext.Format(sum.Value, 2));
        }
    }

    private static FactKey? DefaultShareOf(Claim claim) => claim.Subject.Concept.StartsWith("income", StringComparison.Ordinal)
        ? new FactKey(Concepts.IncomeTotal)
        : claim.Subject.Concept.StartsWith("expense", StringComparison.Ordinal) ? new FactKey(Concepts.ExpenseTotal) : null;

    private static decimal Sign(Direction? d) => d == Direction.Decrease ? -1m : 1m;

    /// <summary>The prior-year value a claim's change implies: this year's value less the signed change (null without a change).</summary>
    internal static Estimate? ImpliedPrior(AuditContext c, Claim claim)
    {
        if (claim.Change is not { } change || ValueFor(c, claim.Subject, claim) is not { } current)
        {
            return null;
        }

        return current - (Interpret(c, claim.Subject, change) * Sign(claim.ChangeDirection));
    }

    /// <summary>
    /// 「减少 2.00 万元，与上年持平」: one sentence saying both that a figure changed and that it stayed level. 「基本持平」,
    /// 「大致持平」 beside a small change is ordinary wording and is left alone, as is a change of zero.
    /// </summary>
    private static IEnumerable<Finding> FlatButChanged(AuditContext c)
    {
        foreach (var section in c.Year.Narrative.Sections)
        {
            foreach (var sentence in SentencesSayingFlat(section.Text))
            {
                var text = section.Text.Substring(sentence.Index, sentence.Length);
                // The change nearest before the 「持平」 is the one it contradicts (a sentence may list several changes).
                var flat = StrictFlat().Match(text);
                var changes = ChangedBy().Matches(text);
                var changed = flat.Success ? changes.LastOrDefault(m => m.Index < flat.Index) ?? changes.FirstOrDefault() : null;
                if (changed is null
                    || !decimal.TryParse(changed.Groups["v"].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) || value == 0m)
                {
                    continue;
                }

                var where = $"情况说明 {section.Number}、{section.Title}";
                yield return new Finding
                {
                    Rule = RuleIds.NChange, Severity = Severity.Warning, Location = where,
                    Message = $"{where}：同一句既写「{changed.Value}」又写「持平」，自相矛盾——「{AuditContext.Excerpt(text, 60)}」。",
                    Actual = changed.Value, Expected = "增减与持平只写其一",
                    Figures = [new FindingFigure(changed.Groups["v"].Value, where, "增减额", AuditContext.InSection(where, section.Text, sentence.Index + changed.Groups["v"].Index, changed.Groups["v"].Value))],
                };
            }
        }
    }

    // The sentences of a text that say 「持平」 (most say nothing of it: looked at in place, neither copied nor matched).
    private static List<(int Index, int Length)> SentencesSayingFlat(string text)
    {
        var found = new List<(int Index, int Length)>();
        if (!text.Contains("持平", StringComparison.Ordinal))
        {
            return found;
        }

        foreach (var sentence in SentencePattern().EnumerateMatches(text))
        {
            if (text.AsSpan(sentence.Index, sentence.Length).Contains("持平", StringComparison.Ordinal))
            {
                found.Add((sentence.Index, sentence.Length));
            }
        }

        return found;
    }

    [GeneratedRegex(@"[^。；]+[。；]?")]
    private static partial Regex SentencePattern();

    // 「持平」 said flatly — not 「基本持平」, 「大致持平」, 「略…持平」.
    [GeneratedRegex(@"(?<!基本|大致|大体|略|接近|基本上)持平")]
    private static partial Regex StrictFlat();

    [GeneratedRegex(@"(?:增加|减少|增长|下降)\s*(?<v>\d[\d,]{0,14}(?:\.\d{1,6})?)\s*(?:万元|元|%|％)")]
    private static partial Regex ChangedBy();

    private static Estimate SignedChange(AuditContext c, Claim x) => Interpret(c, x.Subject, x.Change!.Value) * (x.ChangeDirection == Direction.Decrease ? -1m : 1m);

    /// <summary>
    /// Each list of changes that does not add up to the change of the whole it follows (「支出总计…增加 54,492.83 万元。其中：
    /// 教育支出增加…，社会保障和就业支出减少…」): the whole, its parts, the whole's signed change and the parts' sum, and the
    /// one part whose direction word, turned round, would make them agree (null when none or several would).
    /// </summary>
    private static IEnumerable<(Claim Whole, Claim[] Parts, Estimate Target, Estimate Sum, Claim? Flip)> UnbalancedChanges(AuditContext c)
    {
        var claims = c.Year.Narrative.Claims;

        // A claim's first place in the narrative (a few lists a report: looked up, not indexed).
        int Order(Claim claim)
        {
            var i = 0;
            while (!ReferenceEquals(claims[i], claim))
            {
                i++;
            }

            return i;
        }

        foreach (var group in claims.Where(x => x.PartOf is not null && x.Change is not null && x.ChangeDirection is Direction.Increase or Direction.Decrease).GroupBy(x => x.PartOf!))
        {
            // The whole is the statement the list follows: the last with that subject before its first part (the same
            // total is stated in several sections, each with its own list).
            var parts = group.ToArray();
            var first = Order(parts[0]);
            var whole = claims.Take(first).LastOrDefault(x => x.Subject == group.Key && x.Change is not null && x.ChangeDirection is Direction.Increase or Direction.Decrease);
            parts = parts.Where(p => whole is not null && p.Section == whole.Section).ToArray();
            if (whole is null || parts.Length < 2)
            {
                continue;
            }

            // A part of the same list stated without its change amount (「经营支出增长 5%」) leaves the sum unknown.
            var wholeAt = Order(whole);
            if (claims.Skip(wholeAt + 1).TakeWhile(x => x.Subject != whole.Subject)
                .Any(x => x.PartOf == group.Key && x.Section == whole.Section && !parts.Contains(x) && (x.Change is null || x.ChangeDirection is not (Direction.Increase or Direction.Decrease)) && (x.ChangePercent is not null || x.Change is not null)))
            {
                continue;
            }

            var target = SignedChange(c, whole);
            var sum = Estimate.Sum(parts.Select(p => SignedChange(c, p)));
            if (Consistency.Check(target, sum).Holds)
            {
                continue;
            }

            var flips = parts.Where(p => SignedChange(c, p) is var v && Consistency.Check(target, sum - (v * 2m)).Holds && Math.Abs(v.Value * 2m) > (sum.Range.Width + target.Range.Width)).ToArray();
            yield return (whole, parts, target, sum, flips.Length == 1 ? flips[0] : null);
        }
    }

    /// <summary>
    /// 「支出总计…增加 54,492.83 万元。其中：教育支出增加 52,499.75 万元，…社会保障和就业支出减少 196.69 万元…」: when the
    /// parts' changes add up to the whole's only with one direction word turned round, that word is the slip. (Lists
    /// that do not add up otherwise are N.PARTS's, and only where the list is known to be complete.)
    /// </summary>
    private static IEnumerable<Finding> PartChanges(AuditContext c)
    {
        foreach (var (whole, _, _, sum, flip) in UnbalancedChanges(c))
        {
            if (flip is { } slip)
            {
                static string Word(Direction d) => d == Direction.Increase ? "增加" : "减少";
                var written = slip.ChangeDirection!.Value;
                var meant = written == Direction.Increase ? Direction.Decrease : Direction.Increase;
                yield return Error(c, RuleIds.NChange, slip,
                    $"「{FactRule.Describe(c, slip.Subject)}」写作{Word(written)} {slip.Change}；{FactRule.Describe(c, whole.Subject)}{Word(whole.ChangeDirection!.Value)} {whole.Change}，所列各部分的增减额只有在此处为“{Word(meant)}”时才与之相符（否则之和为 {AuditContext.Format(sum.Value, 2)}）。",
                    expected: Word(meant), actual: Word(written)) with
                {
                    Figures =
                    [
                        new FindingFigure($"{Word(written)}{slip.Change}", Where(c, slip), "增减额", c.Locate(slip, slip.Change!.Value.ToDisplayString())),
                        new FindingFigure($"{Word(whole.ChangeDirection!.Value)}{whole.Change}", Where(c, whole), "总数增减额", c.Locate(whole, whole.Change!.Value.ToDisplayString())),
                    ],
                };
            }
        }
    }

    private static IEnumerable<Finding> Changes(AuditContext c)
    {
        foreach (var finding in PartChanges(c).Concat(FlatButChanged(c)))
        {
            yield return finding;
        }

        foreach (var claim in c.Year.Narrative.Claims.Where(x => x.Change is not null || x.ChangePercent is not null))
        {
            var current = ValueFor(c, claim.Subject, claim);
            var what = FactRule.Describe(c, claim.Subject);
            if (claim.Change is not null && claim.ChangePercentDirection is { } percentDirection && claim.ChangeDirection is { } amountDirection
                && percentDirection != amountDirection)
            {
                static string Word(Direction d, bool percent) => d switch { Direction.Increase => percent ? "增长" : "增加", Direction.Decrease => percent ? "下降" : "减少", _ => "持平" };
                yield return Error(c, RuleIds.NChange, claim,
                    $"{what}的增减方向自相矛盾：增减额写作“{Word(amountDirection, false)} {claim.Change}”，增减率却写作“{Word(percentDirection, true)} {claim.ChangePercent}%”。",
                    expected: Word(amountDirection, true), actual: Word(percentDirection, true));
            }

            if (claim.ChangeDirection == Direction.Flat && claim.Change is { Value: not 0m })
            {
                yield return Error(c, RuleIds.NChange, claim, $"{what}写作“持平”，却给出变动额 {claim.Change}。", actual: claim.Change.ToString());
            }

            if (claim.Change is { } change && claim.ChangePercent is { } percent && ImpliedPrior(c, claim) is { } prior
                && Interpret(c, claim.Subject, change) is var changed && !Quiet(percent, changed, prior))
            {
                foreach (var f in ChangeRateFindings(c, claim, what, percent, change, changed, prior, current))
                {
                    yield return f;
                }
            }

            var reference = c.Facts.Find(claim.Subject with { Basis = Bases.Prior }).FirstOrDefault(a => a.Origin == AssertionOrigin.Reference);
            if (reference is not null && current is { } now && claim.Change is { } stated)
            {
                var actualChange = now - reference.Amount.In(MoneyUnit.WanYuan);
                var signed = Interpret(c, claim.Subject, stated) * Sign(claim.ChangeDirection);
                var check = Consistency.Check(signed, actualChange);
                if (!check.Holds)
                {
                    var word = actualChange.Value >= 0 ? "增加" : "减少";
                    yield return Error(c, RuleIds.NChange, claim,
                        $"{what}本年 {AuditContext.Format(now.Value, 2)}、上年 {reference.Amount}，应{word} {AuditContext.Format(Math.Abs(actualChange.Value), 2)}，叙述写作{(claim.ChangeDirection == Direction.Decrease ? "减少" : "增加")} {stated}。",
                        expected: AuditContext.Format(actualChange.Value, 2), actual: AuditContext.Format(signed.Value, 2), difference: AuditContext.Format(check.Difference));
                }
            }
        }
    }

    // A change rate's findings (its texts made here, for a rate that gives one).
    private static IReadOnlyList<Finding> ChangeRateFindings(AuditContext c, Claim claim, string what, Printed percent, Amount change, Estimate changed, Estimate prior, Estimate? current) =>
        Percentage(c, RuleIds.NChange, claim, () => $"{what}的增减率", percent, changed, prior,
            () => $"{what}的上年数为零（隐含），增减率 {percent}% 无从计算。",
            (expected, check) => $"{what}增减 {change}、增减率写作 {percent}%；按本年数 {AuditContext.Format(current!.Value.Value, 2)} 与增减额推出上年数 {AuditContext.Format(prior.Value, 2)}，增减率应为 {AuditContext.Describe(expected, 2, "%")}，相差 {AuditContext.Points(check.Difference)} 个百分点。");

    private static IEnumerable<Finding> ImpliedPriors(AuditContext c)
    {
        var priors = c.Year.Narrative.Claims
            .Select(claim => (claim, prior: ImpliedPrior(c, claim)))
            .Where(x => x.prior is not null)
            .GroupBy(x => x.claim.Subject with { Basis = Bases.Actual })
            .ToDictionary(g => g.Key, g => g.Select(x => (x.claim, prior: x.prior!.Value)).ToArray());
        foreach (var (key, list) in priors)
        {
            for (var i = 1; i < list.Length; i++)
            {
                if (!Consistency.Check(list[0].prior, list[i].prior).Holds)
                {
                    yield return Error(c, RuleIds.NImpliedPrior, list[i].claim,
                        $"{FactRule.Describe(c, key)}在两处隐含的上年数不同：「{AuditContext.Excerpt(list[0].claim.Sentence, 60)}」推出 {AuditContext.Format(list[0].prior.Value, 2)}，「{AuditContext.Excerpt(list[i].claim.Sentence, 60)}」推出 {AuditContext.Format(list[i].prior.Value, 2)}。",
                        expected: AuditContext.Format(list[0].prior.Value, 2), actual: AuditContext.Format(list[i].prior.Value, 2));
                }
            }

            if (c.Facts.Find(key with { Basis = Bases.Prior }).FirstOrDefault(a => a.Origin == AssertionOrigin.Reference) is { } reference
                && !Consistency.Check(reference.Amount.In(MoneyUnit.WanYuan), list[0].prior).Holds)
            {
                yield return Error(c, RuleIds.NImpliedPrior, list[0].claim,
                    $"{FactRule.Describe(c, key)}的上年数为 {reference.Amount}，而「{AuditContext.Excerpt(list[0].claim.Sentence, 60)}」隐含的上年数为 {AuditContext.Format(list[0].prior.Value, 2)}。",
                    expected: reference.Amount.ToString(), actual: AuditContext.Format(list[0].prior.Value, 2));
            }
        }

        // 基本支出 = 人员经费 + 公用经费 holds for the prior year too.
        var basic = priors.FirstOrDefault(kv => kv.Key.Concept == Concepts.ExpenseBasic && kv.Key.Code is null).Value;
        var personnel = priors.FirstOrDefault(kv => kv.Key.Concept == Concepts.ExpensePersonnel && kv.Key.Code is null).Value;
        var publicCosts = priors.FirstOrDefault(kv => kv.Key.Concept == Concepts.ExpensePublic && kv.Key.Code is null).Value;
        if (basic is { Length: > 0 } && personnel is { Length: > 0 } && publicCosts is { Length: > 0 })
        {
            var sum = personnel[0].prior + publicCosts[0].prior;
            var check = Consistency.Check(basic[0].prior, sum);
            if (!check.Holds)
            {
                yield return Error(c, RuleIds.NImpliedPrior, basic[0].claim,
                    $"按增减额推出的上年基本支出 {AuditContext.Format(basic[0].prior.Value, 2)} 不等于上年人员经费 {AuditContext.Format(personnel[0].prior.Value, 2)} 与公用经费 {AuditContext.Format(publicCosts[0].prior.Value, 2)} 之和 {AuditContext.Format(sum.Value, 2)}。",
                    expected: AuditContext.Format(sum.Value, 2), actual: AuditContext.Format(basic[0].prior.Value, 2), difference: AuditContext.Format(check.Difference));
            }
        }
    }

    // A completion rate's findings (its texts made here, for a rate that gives one): over a budget stated elsewhere (the
    // tables' or another sentence's), or over the claim's own when elsewhere is null.
    private static IReadOnlyList<Finding> CompletionFindings(AuditContext c, Claim claim, string what, Printed rate, Estimate actual, Estimate budget, FactAssertion? elsewhere)
    {
        if (elsewhere is not null)
        {
            var where = elsewhere.Origin == AssertionOrigin.Table ? "表中预算" : "另处所述预算";
            return Percentage(c, RuleIds.NCompletion, claim, () => $"{what}的完成率", rate, actual, budget,
                () => $"{what}的预算数为零，不能计算完成率，却写作完成 {rate}%。",
                (expected, check) => $"{what}决算 {AuditContext.Format(actual.Value, 2)}、{where} {elsewhere.Amount}，完成率写作 {rate}%，应为 {AuditContext.Describe(expected, 2, "%")}，相差 {AuditContext.Points(check.Difference)} 个百分点。");
        }

        return Percentage(c, RuleIds.NCompletion, claim, () => $"{what}的完成率", rate, actual, budget,
            () => $"{what}的预算数为 {claim.Budget}，不能计算完成率，却写作完成 {rate}%{ImpliedBudget(claim, actual, rate)}。",
            (expected, check) => $"{what}决算 {AuditContext.Format(actual.Value, 2)}、预算 {claim.Budget}，完成率写作 {rate}%，应为 {AuditContext.Describe(expected, 2, "%")}，相差 {AuditContext.Points(check.Difference)} 个百分点。");
    }

    private static IEnumerable<Finding> Completions(AuditContext c)
    {
        foreach (var finding in SharesCalledRates(c))
        {
            yield return finding;
        }

        // 「公务用车购置及运行维护费支出 1.31 万元，完成预算 0%」: nothing of the budget spent, yet money spent — possible only
        // over a budget hundreds of times the spending, which the message says.
        foreach (var claim in c.Year.Narrative.Claims.Where(x => x.Budget is null && x.CompletionPercent is { Value: 0m } && x.Amount is { Value: > 0m } && NoBudgetStated(c, x.Subject)))
        {
            var rate = claim.CompletionPercent!.Value;
            var least = claim.Amount!.Value.Interval.Lo / rate.Interval.Hi * 100m;
            yield return Error(c, RuleIds.NCompletion, claim,
                $"{FactRule.Describe(c, claim.Subject)}支出 {claim.Amount}，却写作完成预算 {rate}%：有支出，完成率就不为零（除非预算至少有 {AuditContext.Format(least, 2)}{claim.Amount.Value.Unit.Name()}）。请核对完成率或预算数。",
                expected: "> 0%", actual: rate + "%", severity: Severity.Warning);
        }

        // The converse: 「因公出国（境）费决算为 0.00 万元，完成预算的 4%」 — nothing spent, yet some of the budget used; possible
        // only when a few 元 were spent out of a budget of a few hundred, which the message says.
        foreach (var claim in c.Year.Narrative.Claims.Where(x => x.Budget is null && x.CompletionPercent is { Value: > 0m } && x.Amount is { Value: 0m } && NoBudgetStated(c, x.Subject)))
        {
            var rate = claim.CompletionPercent!.Value;
            var most = claim.Amount!.Value.Interval.Hi / rate.Interval.Lo * 100m;
            yield return Error(c, RuleIds.NCompletion, claim,
                $"{FactRule.Describe(c, claim.Subject)}支出 {claim.Amount}，却写作完成预算 {rate}%：没有支出，完成率就是 0%（除非预算不足 {AuditContext.Format(most, 2)}{claim.Amount.Value.Unit.Name()}、支出不足 {AuditContext.Format(claim.Amount.Value.Interval.Hi, 3)}{claim.Amount.Value.Unit.Name()}）。请核对完成率或决算数。",
                expected: "0%", actual: rate + "%", severity: Severity.Warning);
        }

        foreach (var finding in ItemBudgetsAboveTheirWhole(c))
        {
            yield return finding;
        }

        // Without the budget figure the rate and the wording still must agree: 100% is 等于, over it 大于, under it 小于.
        foreach (var claim in c.Year.Narrative.Claims.Where(x => x.Budget is null && x.CompletionPercent is not null && x.BudgetComparison is not null))
        {
            var rate = claim.CompletionPercent!.Value.ToEstimate().Range;
            var word = claim.BudgetComparison!.Value;
            var wrong = word switch
            {
                Direction.Flat => !rate.Contains(100m),
                Direction.Increase => rate.Hi <= 100m,
                _ => rate.Lo >= 100m,
            };
            if (wrong)
            {
                static string Word(Direction d) => d switch { Direction.Increase => "大于", Direction.Decrease => "小于", _ => "等于" };
                var truth = rate.Lo > 100m ? Direction.Increase : rate.Hi < 100m ? Direction.Decrease : Direction.Flat;
                yield return Error(c, RuleIds.NCompletion, claim,
                    $"{FactRule.Describe(c, claim.Subject)}完成预算 {claim.CompletionPercent}%，叙述却写作“决算数{Word(word)}预算数”：完成率{(truth == Direction.Flat ? "为 100%" : truth == Direction.Increase ? "超过 100%" : "不足 100%")}应是“{Word(truth)}”。",
                    expected: Word(truth), actual: $"{claim.CompletionPercent}%、{Word(word)}");
            }
        }

        // A rate whose budget the narrative leaves to the tables (「公务接待费支出决算为 0.00 万元，完成预算的 0%」 beside table
        // 09's 预算数): over the one budget the tables state for it; with budgets of both bases there, which is meant is unknown.
        // A budget the narrative states elsewhere (「1.因公出国（境）费，全年预算为 0.00 万元…」) serves where the tables state none.
        foreach (var claim in c.Year.Narrative.Claims.Where(x => x.Budget is null && x.CompletionPercent is not null))
        {
            // The budget the rate names (「完成全年预算的」), else the only one stated.
            var budgets = (claim.BudgetBasis is { } named ? [named] : new[] { Bases.Budget, Bases.FullYearBudget })
                .Select(b => c.Facts.Stated(claim.Subject with { Basis = b })).OfType<FactAssertion>().ToArray();
            if (budgets.Length != 1 || ValueFor(c, claim.Subject, claim) is not { } actual)
            {
                continue;
            }

            var what = FactRule.Describe(c, claim.Subject);
            var rate = claim.CompletionPercent!.Value;
            var budget = Interpret(c, claim.Subject, budgets[0].Amount);
            if (budget.Value == 0m)
            {
                // A zero rate of nothing is said where the budget is (a claim that prints it); any other rate of nothing is wrong.
                if (rate.Value != 0m)
                {
                    yield return Error(c, RuleIds.NCompletion, claim, $"{what}的预算数为 {budgets[0].Amount}，不能计算完成率，却写作完成 {rate}%。",
                        expected: "0%", actual: rate + "%", severity: Severity.Warning);
                }

                continue;
            }

            if (Quiet(rate, actual, budget))
            {
                continue;
            }

            foreach (var f in CompletionFindings(c, claim, what, rate, actual, budget, budgets[0]))
            {
                yield return f;
            }
        }

        foreach (var claim in c.Year.Narrative.Claims.Where(x => x.Budget is not null && (x.CompletionPercent is not null || x.BudgetComparison is not null || x.BudgetDifference is not null)))
        {
            var what = FactRule.Describe(c, claim.Subject);
            var budget = Interpret(c, claim.Subject, claim.Budget!.Value);
            var actual = ValueFor(c, claim.Subject, claim);
            if (actual is null)
            {
                continue;
            }

            if (claim.CompletionPercent is { } rate && !Quiet(rate, actual.Value, budget))
            {
                foreach (var f in CompletionFindings(c, claim, what, rate, actual.Value, budget, null))
                {
                    yield return f;
                }
            }

            if (claim.BudgetDifference is { } gap && claim.BudgetDifferenceDirection is { } gapDirection)
            {
                var stated = Interpret(c, claim.Subject, gap) * (gapDirection == Direction.Decrease ? -1m : 1m);
                var difference = actual.Value - budget;
                var gapCheck = Consistency.Check(stated, difference);
                if (!gapCheck.Holds)
                {
                    var written = gapDirection == Direction.Decrease ? "减少" : "增加";
                    var truth = difference.Value >= 0 ? "增加" : "减少";
                    yield return Error(c, RuleIds.NCompletion, claim,
                        $"{what}决算 {AuditContext.Format(actual.Value.Value, 2)}、预算 {claim.Budget}，决算较预算应{truth} {AuditContext.Format(Math.Abs(difference.Value), 2)}，叙述写作{written} {gap}。",
                        expected: AuditContext.Format(difference.Value, 2), actual: AuditContext.Format(stated.Value, 2), difference: AuditContext.Format(gapCheck.Difference));
                }
            }

            if (claim.BudgetComparison is { } word)
            {
                var intersect = Consistency.Check(actual.Value, budget).Holds;
                var truth = intersect && actual.Value.Value == budget.Value ? Direction.Flat : actual.Value.Value > budget.Value ? Direction.Increase : Direction.Decrease;
                var acceptable = word == truth || (intersect && word == Direction.Flat);
                if (!acceptable)
                {
                    static string Word(Direction d) => d switch { Direction.Increase => "大于", Direction.Decrease => "小于", _ => "等于" };
                    yield return Error(c, RuleIds.NCompletion, claim,
                        $"{what}决算 {AuditContext.Format(actual.Value.Value, 2)} {Word(truth)}预算 {claim.Budget}，叙述却写作“决算数{Word(word)}预算数”。",
                        expected: Word(truth), actual: Word(word));
                }
            }
        }
    }

    // Whether no budget of either basis is stated for the subject anywhere (a table, or the narrative elsewhere): where
    // one is, the rate's check over it speaks, not the checks of a rate beside zero.
    private static bool NoBudgetStated(AuditContext c, FactKey subject) =>
        new[] { Bases.Budget, Bases.FullYearBudget }.All(b => TableValue(c, subject with { Basis = b }) is null && c.Facts.Stated(subject with { Basis = b }) is null);

    /// <summary>
    /// A 三公 item's rate implies its budget (决算 ÷ 完成率) where the item's budget is printed nowhere; an item's budget cannot
    /// exceed the budget of the 三公 total (printed, or implied by the total's own rate): 渠县 2022 「“三公”经费…支出决算为 1.38
    /// 万元，完成预算数的 100%」 and 「公务用车购置及运行维护费支出 1.31 万元，完成预算 4%」 (a budget of some 33 万元). Intervals.
    /// </summary>
    private static IEnumerable<Finding> ItemBudgetsAboveTheirWhole(AuditContext c)
    {
        static Interval? Implied(Claim x) => x is { Amount: { Value: > 0m } a, CompletionPercent: { Value: > 0m } r }
            ? new Interval(a.Interval.Lo / r.Interval.Hi * 100m, a.Interval.Hi / r.Interval.Lo * 100m) : null;
        var claims = c.Year.Narrative.Claims;
        if (claims.FirstOrDefault(x => x.Subject.Concept == Concepts.ThreePublicTotal && (x.Budget is not null || Implied(x) is not null)) is not { } whole)
        {
            yield break;
        }

        var budget = whole.Budget is { } b ? b.Interval : Implied(whole)!.Value;
        foreach (var item in claims.Where(x => x.Section == whole.Section && x.Budget is null && x.Subject.Concept is "threePublic.abroad" or "threePublic.vehicles" or "threePublic.reception"
            && !claims.Any(y => y.Subject == x.Subject && y.Budget is not null)))
        {
            if (Implied(item) is { } implied && item.Amount!.Value.Unit == (whole.Budget ?? whole.Amount)!.Value.Unit && implied.Lo > budget.Hi)
            {
                yield return Error(c, RuleIds.NCompletion, item,
                    $"{FactRule.Describe(c, item.Subject)}支出 {item.Amount}、完成预算 {item.CompletionPercent}%，推算其预算约为 {AuditContext.Format(implied.Lo, 2)}–{AuditContext.Format(implied.Hi, 2)}，超过了“三公”经费的预算（{AuditContext.Format(budget.Lo, 2)}–{AuditContext.Format(budget.Hi, 2)}）：分项的预算不能大于总数的预算，请核对完成率。",
                    actual: item.CompletionPercent + "%", severity: Severity.Warning);
            }
        }
    }

    // A rate over a zero 年初预算 was taken over some other budget: the one it implies (决算 ÷ 完成率) says which, often the
    // full-year budget after a mid-year addition, and that is what the preparer should state.
    private static string ImpliedBudget(Claim claim, Estimate actual, Printed rate)
    {
        if (rate.Value <= 0m || actual.Value <= 0m)
        {
            return string.Empty;
        }

        // The actual is in 万元 whatever the budget was printed in.
        var implied = AuditContext.Format(actual.Value * 100m / rate.Value, 2) + "万元";
        return claim.BudgetBasis == Bases.FullYearBudget
            ? $"；按所写完成率反推，所用的预算约为 {implied}"
            : $"；按所写完成率反推，所用的预算约为 {implied}，看来是按全年预算（含年中追加）计算的——应写明全年预算数并按它计算，或说明年初未安排预算";
    }

    private static IEnumerable<Finding> ItemBudgets(AuditContext c)
    {
        var claims = c.Year.Narrative.Claims.Where(x => x.Budget is not null && x.Subject.Concept == Concepts.ExpenseTotal && x.Subject.Scope == Scopes.Gpb).ToArray();
        var total = claims.FirstOrDefault(x => x.Subject.Code is null);
        var items = claims.Where(x => x.Subject.Code is { Length: 7 }).GroupBy(x => x.Subject.Code).Select(g => g.First()).ToArray();
        if (total is null || items.Length == 0)
        {
            yield break;
        }

        var sum = Estimate.Sum(items.Select(x => Interpret(c, x.Subject, x.Budget!.Value)));
        var stated = Interpret(c, total.Subject, total.Budget!.Value);
        var check = Consistency.Check(stated, sum);
        // Table 05 lists a 项 with spending whose 年初预算 the narrative states nowhere (no paragraph, or one whose figure
        // could not be read): the items fall short of the total by its budget, which says nothing — only passing it does.
        var unstated = c.Table(TableIds.GpbExpenditure)?.Rows
            .Where(r => r.Key.Length == 7 && Digits.Only(r.Key) && r.Cells.Any(x => x.Value is { Value: not 0m }) && items.All(i => i.Subject.Code != r.Key)).Any() ?? false;
        if (check.Kind == ConsistencyKind.Inconsistent && !(unstated && sum.Value < stated.Value))
        {
            yield return Error(c, RuleIds.NItemBudgets, total,
                $"一般公共预算财政拨款年初预算总数写作 {total.Budget}，而 {items.Length} 个项的年初预算之和为 {AuditContext.Format(sum.Value, 2)}，相差 {AuditContext.Format(check.Difference)}。",
                expected: AuditContext.Format(sum.Value, 2), actual: total.Budget.ToString(), difference: AuditContext.Format(check.Difference)) with
            {
                Figures = SumFigures(c, total, total.Budget!.Value, items.Select(i => (i, i.Budget!.Value)), "年初预算"),
            };
        }
    }

    /// <summary>
    /// Where table 05 was not read (published as an image), the 项 paragraphs are the only statement of the items: their
    /// actuals must add up to the total the section states. With table 05 each item and the total meet the table instead
    /// (N.AMOUNT), and a missing paragraph is N.ITEM_COVERAGE's.
    /// </summary>
    private static IEnumerable<Finding> ItemActuals(AuditContext c)
    {
        if (c.Table(TableIds.GpbExpenditure) is not null)
        {
            yield break;
        }

        var claims = c.Year.Narrative.Claims.Where(x => x.Amount is not null && x.Subject.Concept == Concepts.ExpenseTotal && x.Subject.Scope == Scopes.Gpb).ToArray();
        var total = claims.FirstOrDefault(x => x.Subject.Code is null);
        var items = claims.Where(x => x.Subject.Code is { Length: 7 }).GroupBy(x => x.Subject.Code).Select(g => g.First()).ToArray();
        if (total is null || items.Length < 2)
        {
            yield break;
        }

        // A list that prints its amounts with two decimals drops trailing zeros now and then (「支出决算 200 万元」 beside
        // 「22.02 万元」): such an amount is read at the list's precision, not as rounded to the unit.
        var precision = items.Append(total).Max(x => x.Amount!.Value.Decimals);
        Estimate Read(Claim claim) => Interpret(c, claim.Subject, claim.Amount!.Value is var a && a.Decimals < precision ? new Amount(a.Value, precision, a.Unit) : a);
        var sum = Estimate.Sum(items.Select(Read));
        var stated = Read(total);
        var check = Consistency.Check(stated, sum);
        if (check.Kind == ConsistencyKind.Inconsistent)
        {
            yield return Error(c, RuleIds.NItemActuals, total,
                $"一般公共预算财政拨款支出决算总数写作 {total.Amount}，而 {items.Length} 个项的支出决算之和为 {AuditContext.Format(sum.Value, 2)}，相差 {AuditContext.Format(check.Difference)}（超出尾差）。",
                expected: AuditContext.Format(sum.Value, 2), actual: total.Amount.ToString(), difference: AuditContext.Format(check.Difference),
                // Items summing to less may be items the reader could not name; more can only be a slip.
                severity: sum.Value > stated.Value ? Severity.Error : Severity.Warning) with
            {
                Figures = SumFigures(c, total, total.Amount!.Value, items.Select(i => (i, i.Amount!.Value)), "支出决算"),
            };
        }
    }

    // Every figure of a sum that does not hold — the total, then each item where it is printed — so each can be found on the page.
    private static FindingFigure[] SumFigures(AuditContext c, Claim total, Amount stated, IEnumerable<(Claim Claim, Amount Value)> items, string role) =>
        [
            new FindingFigure(stated.ToString(), Where(c, total), $"{role}总数", c.Locate(total, stated.ToDisplayString())),
            .. items.Select(i => new FindingFigure(i.Value.ToString(), Where(c, i.Claim), $"{i.Claim.Subject.Code} {role}".Trim(), c.Locate(i.Claim, i.Value.ToDisplayString()))),
        ];

    // True when every part is a quantity of the tables, which the tables print.
    private static bool AllTablesOwn(AuditContext c, Claim[] parts)
    {
        foreach (var part in parts)
        {
            if (Concepts.StatedSubject(part.Subject.Concept) is not null || TableValue(c, part.Subject) is null)
            {
                return false;
            }
        }

        return true;
    }

    // A list of parts against its whole: an error when a list known to be complete does not add up to it, a warning when a
    // selection (「其中」) already exceeds it; null when neither. The texts are made only for a finding.
    private static Finding? PartsFinding(AuditContext c, Claim whole, Claim[] parts)
    {
        var listedInFull = parts.Length >= 2 && parts.All(p => p.PartsComplete == true);
        var complete = listedInFull || CompleteByDefinition(c, whole, parts);
        var stated = (whole.Amount ?? whole.Budget)!.Value;
        var total = Interpret(c, whole.Subject, stated);
        var sum = Estimate.Zero;
        foreach (var part in parts)
        {
            sum += Interpret(c, part.Subject, part.Amount!.Value);
        }

        if (complete && Consistency.Check(total, sum) is { Kind: ConsistencyKind.Inconsistent } check)
        {
            return Error(c, RuleIds.NParts, whole,
                $"{FactRule.Describe(c, whole.Subject)}写作 {stated}，{(listedInFull ? "其后列全的各部分" : "而其组成部分")} {Listed(c, parts)} 之和为 {AuditContext.Format(sum.Value, 2)}，相差 {AuditContext.Format(check.Difference)}（超出尾差）。",
                expected: AuditContext.Format(sum.Value, 2), actual: stated.ToString(), difference: AuditContext.Format(check.Difference),
                severity: listedInFull ? Severity.Error : Severity.Warning);
        }

        if (!complete && sum.Range.Lo > total.Range.Hi)
        {
            return Error(c, RuleIds.NParts, whole,
                $"{FactRule.Describe(c, whole.Subject)}写作 {stated}，而「其中」所列 {Listed(c, parts)} 之和已达 {AuditContext.Format(sum.Value, 2)}，超过总数。",
                expected: "≤ " + stated, actual: AuditContext.Format(sum.Value, 2), difference: AuditContext.Format(sum.Value - total.Value),
                severity: Severity.Warning);
        }

        return null;
    }

    // 「基本支出 476.21万元 + 项目支出 298.58万元」.
    private static string Listed(AuditContext c, Claim[] parts) => string.Join(" + ", parts.Select(p => $"{FactRule.Describe(c, p.Subject)} {p.Amount}"));

    /// <summary>
    /// A breakdown against its whole: parts listed in full (「15,357.29 万元（基本 11,130.46 万元，大病 1,720.68 万元，医疗救助
    /// 2,506.15 万元）」) add up to it; parts introduced with 「其中」 or 「含」 do not exceed it.
    /// </summary>
    private static IEnumerable<Finding> Parts(AuditContext c)
    {
        foreach (var group in c.Year.Narrative.Claims.Where(x => x.PartOf is not null && x.Amount is not null).GroupBy(x => x.PartOf!))
        {
            // The whole states its amount, or only a budget the parts break down (「预算总支出 774.79 万元，其中，基本支出 346.63
            // 万元…」): that figure is the one they must reach.
            var whole = FirstStating(c, group.Key, orBudget: true);
            var parts = group.ToArray();
            // A whole of the tables' quantities that the tables print, with parts that are the tables' quantities too, is
            // checked figure by figure against them (N.AMOUNT): its sum again here would say the same twice.
            if (whole is null || (TableValue(c, whole.Subject) is not null && AllTablesOwn(c, parts)))
            {
                continue;
            }

            if (PartsFinding(c, whole, parts) is { } finding)
            {
                yield return finding;
            }
        }

        foreach (var finding in Compositions(c))
        {
            yield return finding;
        }

        foreach (var finding in ThreePublicBudgets(c))
        {
            yield return finding;
        }

        foreach (var finding in ProjectLists(c))
        {
            yield return finding;
        }

        // A list of changes that names every part of its whole must add up to the whole's change (a list naming only
        // some parts may leave out changes that offset; a single turned-round direction word is N.CHANGE's).
        foreach (var (whole, parts, target, sum, flip) in UnbalancedChanges(c))
        {
            if (flip is not null || PartsNamed(c, whole, parts) is not { } how)
            {
                continue;
            }

            static string Word(decimal v) => v < 0 ? "减少" : "增加";
            var what = FactRule.Describe(c, whole.Subject);
            var listed = string.Join("，", parts.Select(p => $"{FactRule.Describe(c, p.Subject)}{Word(SignedChange(c, p).Value)} {p.Change}"));
            var check = Consistency.Check(target, sum);
            yield return Error(c, RuleIds.NParts, whole,
                $"{what}{Word(target.Value)} {whole.Change}，而其后所列各部分的增减（{listed}）合计为{Word(sum.Value)} {AuditContext.Format(Math.Abs(sum.Value), 2)}，相差 {AuditContext.Format(check.Difference)}（超出尾差；{how}）。",
                expected: AuditContext.Format(sum.Value, 2), actual: (target.Value < 0 ? "-" : string.Empty) + whole.Change, difference: AuditContext.Format(check.Difference),
                severity: how == ListedInFull ? Severity.Error : Severity.Warning) with
            {
                Figures = [.. parts.Prepend(whole).Select(p => new FindingFigure($"{Word(SignedChange(c, p).Value)}{p.Change}", Where(c, p), ReferenceEquals(p, whole) ? "总数增减额" : "增减额", c.Locate(p, p.Change!.Value.ToDisplayString())))],
            };
        }
    }

    /// <summary>
    /// 「总支出 774.79 万元，其中基本支出 476.21 万元，预算执行率为 61.46%；项目支出 298.58 万元，预算执行率为 38.54%」: rates
    /// with no budget, stated for the parts of a whole, that are each part's share of the whole (476.21 ÷ 774.79) are
    /// shares called execution rates. Where at least half of a list's rates are its shares (two decimals, never a
    /// coincidental 100%, never one the tables' budget bears out), the list is read as shares: the wording is a slip, and
    /// a rate that is not its share is wrong as a share too. Rates stated with their budget are the ordinary check's.
    /// </summary>
    private static IEnumerable<Finding> SharesCalledRates(AuditContext c)
    {
        var claims = c.Year.Narrative.Claims;
        // A rate the tables' budget bears out (actual ÷ 年初 or 全年预算) is an execution rate whatever else it equals.
        bool BorneOut(Claim p) => new[] { Bases.Budget, Bases.FullYearBudget }.Any(basis =>
            TableValue(c, p.Subject with { Basis = basis }) is { } budget && ValueFor(c, p.Subject, p) is { } actual
            && actual.DividedBy(budget.Value) is { } ratio && Consistency.Check(p.CompletionPercent!.Value, ratio * 100m).Holds);
        int IndexOf(Claim x) => Enumerable.Range(0, claims.Count).First(i => ReferenceEquals(claims[i], x));
        static bool Rated(Claim x) => x.Amount is not null && x.CompletionPercent is not null && x.Budget is null;

        // The lists: parts of a 「其中」 breakdown, and — where a section's own reader took the whole — the rated amounts of one
        // sentence after the sentence's total (「本年支出合计…，其中：基本支出…，预算执行率为 9.09%；项目支出…」).
        var lists = new List<(Claim Whole, Claim[] Parts)>();
        foreach (var group in claims.Where(x => x.PartOf is not null && Rated(x)).GroupBy(x => x.PartOf!))
        {
            var parts = group.ToArray();
            if (claims.Take(IndexOf(parts[0])).LastOrDefault(x => x.Subject == group.Key && x.Amount is not null) is { } whole)
            {
                lists.Add((whole, parts));
            }
        }

        foreach (var group in claims.Where(x => x.PartOf is null && x.Sentence is not null && Rated(x)).GroupBy(x => x.Sentence!))
        {
            var parts = group.ToArray();
            // The sentence's total: its largest amount stated without a rate, larger than any part.
            if (claims.Where(x => x.Sentence == group.Key && x.Amount is not null && x.CompletionPercent is null && x.PartOf is null)
                    .MaxBy(x => Interpret(c, x.Subject, x.Amount!.Value).Value) is { } whole
                && parts.All(p => Interpret(c, p.Subject, p.Amount!.Value).Value < Interpret(c, whole.Subject, whole.Amount!.Value).Value))
            {
                lists.Add((whole, parts));
            }
        }

        foreach (var (whole, parts) in lists)
        {
            if (parts.Length < 2)
            {
                continue;
            }

            var total = Interpret(c, whole.Subject, whole.Amount!.Value);
            var shares = parts.Select(p => Interpret(c, p.Subject, p.Amount!.Value).DividedBy(total) is { } r ? r * 100m : (Estimate?)null).ToArray();
            if (shares.Any(x => x is null))
            {
                continue;
            }

            var matches = parts.Select((p, i) => Consistency.Check(p.CompletionPercent!.Value, shares[i]!.Value).Holds && p.CompletionPercent!.Value.Decimals >= 1 && p.CompletionPercent.Value.Value != 100m && !BorneOut(p)).ToArray();
            if (matches.Count(m => m) * 2 < parts.Length || !matches.Any(m => m))
            {
                continue;
            }

            var what = FactRule.Describe(c, whole.Subject);
            var listed = string.Join("，", parts.Select((p, i) => $"{FactRule.Describe(c, p.Subject)} {p.Amount} ÷ {whole.Amount} = {AuditContext.Format(shares[i]!.Value.Value, 2)}%"));
            var wrong = parts.Select((p, i) => (p, i)).Where(x => !matches[x.i])
                .Select(x => $"{FactRule.Describe(c, x.p.Subject)}写作 {x.p.CompletionPercent}%，按占比应为 {AuditContext.Format(shares[x.i]!.Value.Value, 2)}%").ToArray();
            yield return Error(c, RuleIds.NCompletion, parts[0],
                $"所写的执行率 {string.Join("、", parts.Select(p => p.CompletionPercent + "%"))} 实为各部分占{what}（{whole.Amount}）的比重（{listed}），不是执行率（执行数 ÷ 预算数）：应改称占比，或写出真正的执行率" +
                (wrong.Length == 0 ? "。" : $"；而且{string.Join("；", wrong)}。"),
                expected: "占比", actual: "执行率", severity: Severity.Warning) with
            {
                Figures = [.. parts.Select(p => new FindingFigure(p.CompletionPercent + "%", Where(c, p), "执行率", c.Locate(p, p.CompletionPercent + "%")))],
            };
        }
    }

    private const string ListedInFull = "括号内已列全";

    /// <summary>
    /// How a list of parts is known to name every part of its whole, or null when it may be a selection: listed in
    /// full in brackets; parts that make the whole by definition (基本支出 and 项目支出); or every part a composition of
    /// the same total names — the parts stated, with their amounts adding up to it, after the whole or after the same
    /// total stated elsewhere (「收入总计 430,725.03 万元，财政拨款收入…占…；事业收入…；其他收入…」).
    /// </summary>
    private static string? PartsNamed(AuditContext c, Claim whole, IReadOnlyList<Claim> parts)
    {
        if (parts.Count >= 2 && parts.All(p => p.PartsComplete == true))
        {
            return ListedInFull;
        }

        if (CompleteByDefinition(c, whole, parts))
        {
            return "所列各部分按定义构成总数";
        }

        static string Name(FactKey key) => (Concepts.StatedSubject(key.Concept) ?? key.Concept) + "|" + key.Code;
        var names = parts.Select(p => Name(p.Subject)).ToHashSet(StringComparer.Ordinal);
        var claims = c.Year.Narrative.Claims;
        for (var i = 0; i < claims.Count; i++)
        {
            var total = claims[i];
            if (total.Amount is not { } amount || whole.Amount is not { } wholeAmount || amount.ToString() != wholeAmount.ToString()
                || (!ReferenceEquals(total, whole) && total.Subject.Concept != whole.Subject.Concept && Concepts.StatedSubject(total.Subject.Concept) is null))
            {
                continue;
            }

            // The statements after this total, up to its next statement, that are its parts: a breakdown (「其中：基本支出…；
            // 项目支出…」) and a list of shares (「教育支出…占…；科学技术支出…占…」) are two compositions of one total.
            var after = claims.Skip(i + 1).TakeWhile(x => x.Subject != total.Subject)
                .Where(x => x.Amount is not null && x.Section == total.Section && (x.ShareOf == total.Subject || x.PartOf == total.Subject)).ToArray();
            foreach (var members in new[] { after.Where(x => x.PartOf == total.Subject).ToArray(), after.Where(x => x.PartOf != total.Subject).ToArray() })
            {
                // Every member named, a zero one too: a kind at nothing this year may have been something last year.
                if (members.Length >= 2 && Consistency.Check(Interpret(c, total.Subject, amount), Estimate.Sum(members.Select(m => Interpret(c, m.Subject, m.Amount!.Value)))).Holds
                    && members.All(m => names.Contains(Name(m.Subject))))
                {
                    return $"{FactRule.Describe(c, total.Subject)} {amount} 由{string.Join("、", members.Select(m => FactRule.Describe(c, m.Subject)))}构成，均已列出";
                }
            }
        }

        return null;
    }

    // The kinds of income and of spending that make up 本年收入合计 and 本年支出合计 (the rows of table 01). 财政拨款 is one
    // kind, or three when split by fund (一般公共预算, 政府性基金, 国有资本经营).
    private static readonly (string Whole, string[] Split, string[] Kinds)[] Composed =
    [
        (Concepts.IncomeTotal, [Concepts.IncomeGeneral, "income.fund", "income.soe"], [Concepts.IncomeFiscal, "income.superior", "income.business", "income.operating", "income.affiliates", "income.other"]),
        (Concepts.ExpenseTotal, [], [Concepts.ExpenseBasic, Concepts.ExpenseProject, "expense.paidToSuperior", "expense.operating", "expense.subsidyToAffiliates"]),
    ];

    /// <summary>
    /// The “三公” budget the narrative states against the budgets of its three items, stated one by one (「1.因公出国（境）费，
    /// 全年预算为 0.00 万元…2.公务用车购置及运行费，全年预算为 0.10 万元…」): they must add up to it. Only where table 09 prints
    /// no figures (an empty table, or none): otherwise each budget is compared with the table (N.AMOUNT).
    /// </summary>
    private static IEnumerable<Finding> ThreePublicBudgets(AuditContext c)
    {
        if ((c.Table(TableIds.ThreePublic) ?? c.Table(TableIds.ThreePublicMeetingTraining)) is { } table && table.Rows.Any(r => r.Cells.Any(x => x.Value is not null)))
        {
            yield break;
        }

        // Without table 09, the narrative's own figures must make up their wholes as the table's columns would: the total
        // of its three items, 公务用车购置及运行维护费 of purchase and operation — budgets and actuals alike.
        (string Whole, string[] Parts)[] relations =
        [
            (Concepts.ThreePublicTotal, ["threePublic.abroad", "threePublic.vehicles", "threePublic.reception"]),
            ("threePublic.vehicles", ["threePublic.vehiclePurchase", "threePublic.vehicleOperation"]),
        ];
        var claims = c.Year.Narrative.Claims;
        foreach (var (wholeConcept, partConcepts) in relations)
        {
            foreach (var budget in new[] { true, false })
            {
                Amount? Of(Claim x) => budget ? x.Budget : x.Amount;
                if (claims.FirstOrDefault(x => x.Subject.Concept == wholeConcept && Of(x) is not null) is not { } whole)
                {
                    continue;
                }

                var items = partConcepts
                    .Select(concept => claims.FirstOrDefault(x => x.Subject.Concept == concept && Of(x) is not null && x.Section == whole.Section && (!budget || x.BudgetBasis == whole.BudgetBasis)))
                    .ToArray();
                if (items.Any(x => x is null))
                {
                    continue;
                }

                var stated = Of(whole)!.Value;
                var total = Interpret(c, whole.Subject, stated);
                var sum = Estimate.Sum(items.Select(x => Interpret(c, x!.Subject, Of(x!)!.Value)));
                if (Consistency.Check(total, sum) is { Kind: ConsistencyKind.Inconsistent } check)
                {
                    var listed = string.Join(" + ", items.Select(x => $"{FactRule.Describe(c, x!.Subject)} {Of(x!)}"));
                    var what = FactRule.Describe(c, whole.Subject) + (budget ? "的预算" : string.Empty);
                    yield return Error(c, RuleIds.NParts, whole,
                        $"{what}写作 {stated}，而{(budget ? "各项预算" : "各组成部分")} {listed} 之和为 {AuditContext.Format(sum.Value, 2)}，相差 {AuditContext.Format(check.Difference)}（超出尾差）。",
                        expected: AuditContext.Format(sum.Value, 2), actual: stated.ToString(), difference: AuditContext.Format(check.Difference));
                }
            }
        }
    }

    /// <summary>
    /// A list of projects counted before it (项目清单): 「本部门预算支出项目 4 个，当年财政拨款 351.25 万元，全年支出 298.58 万元」,
    /// then each project's funds and payment in a sentence of its own (「…财政拨款资金 28.81 万元，支付 28.81 万元」). When the
    /// list holds exactly as many projects as counted, it is all of them: their funds add up to the funds stated with the
    /// count, and their payments to the spending stated with it (warnings: the totals may be worded loosely).
    /// </summary>
    private static IEnumerable<Finding> ProjectLists(AuditContext c)
    {
        var claims = c.Year.Narrative.Claims;
        static string? Name(Claim x) => Concepts.StatedSubject(x.Subject.Concept);
        static bool IsHead(Claim x) => x.Count is not null && x.CountUnit == "个" && Name(x) is { } w && w.EndsWith("项目", StringComparison.Ordinal);
        for (var i = 0; i < claims.Count; i++)
        {
            var head = claims[i];
            if (!IsHead(head) || head.Count is not { Decimals: 0 } n || n.Value < 2 || Name(head) is not { } words)
            {
                continue;
            }

            // The pairs follow the count sentence by sentence — one project a sentence, its funds and then its payment —
            // up to the next count of projects, or a sentence with amounts that is no such pair (sentences of words only
            // between them are the projects' descriptions).
            var pairs = new List<(Claim Funds, Claim Paid)>();
            foreach (var sentence in claims.Skip(i + 1).TakeWhile(x => x.Section == head.Section).Where(x => x.Sentence != head.Sentence).GroupBy(x => x.Sentence))
            {
                var said = sentence.ToArray();
                if (said.Any(IsHead))
                {
                    break;
                }

                var funds = Array.FindIndex(said, x => x is { Amount: not null, PartOf: null } && Name(x) is { } w && w.EndsWith("资金", StringComparison.Ordinal));
                var paid = funds < 0 ? -1 : Array.FindIndex(said, funds + 1, x => x.Amount is not null && Name(x) is "支付" or "拨付" or "使用" or "支出" or "执行" or "实际支出" or "已支付");
                if (paid > 0)
                {
                    pairs.Add((said[funds], said[paid]));
                }
                else if (said.Any(x => x.Amount is not null))
                {
                    break;
                }
            }

            if (pairs.Count != n.Value)
            {
                continue;
            }

            // The totals stated with the count (not the count itself): the 财政拨款 (else the funds) and the spending.
            var stated = claims.Where(x => x.Sentence == head.Sentence && x.Amount is not null && x.Section == head.Section && x != head).ToArray();
            var fundsTotal = stated.FirstOrDefault(x => Name(x) is { } w && w.Contains("拨款", StringComparison.Ordinal))
                ?? stated.FirstOrDefault(x => Name(x) is { } w && w.Contains("资金", StringComparison.Ordinal));
            var paidTotal = stated.FirstOrDefault(x => x != fundsTotal && Name(x) is { } w && (w.Contains("支出", StringComparison.Ordinal) || w.Contains("支付", StringComparison.Ordinal) || w.Contains("执行", StringComparison.Ordinal)));
            foreach (var (total, parts, what) in new[] { (fundsTotal, pairs.Select(p => p.Funds).ToArray(), "资金"), (paidTotal, pairs.Select(p => p.Paid).ToArray(), "支付") })
            {
                if (total is null)
                {
                    continue;
                }

                var whole = Interpret(c, total.Subject, total.Amount!.Value);
                var sum = Estimate.Sum(parts.Select(p => Interpret(c, p.Subject, p.Amount!.Value)));
                if (Consistency.Check(whole, sum) is { Kind: ConsistencyKind.Inconsistent } check)
                {
                    var listed = string.Join(" + ", parts.Select(p => p.Amount!.Value.Number.ToString()));
                    yield return Error(c, RuleIds.NParts, total,
                        $"「{words}」写作 {n} 个，其后逐一列出的 {n} 个项目的{what} {listed} 之和为 {AuditContext.Format(sum.Value, 2)}，而「{Name(total)}」写作 {total.Amount}，相差 {AuditContext.Format(check.Difference)}（超出尾差）。",
                        expected: AuditContext.Format(sum.Value, 2), actual: total.Amount.ToString(), difference: AuditContext.Format(check.Difference), severity: Severity.Warning);
                }
            }
        }
    }

    /// <summary>
    /// 「本年收入合计 12,010.11 万元，其中：一般公共预算财政拨款收入…；政府性基金…；…其他收入 0 万元」: where one sentence
    /// states a total and the kinds that make it up, they must add up — exactly when every kind is stated, and never to
    /// more than the total when some are left out.
    /// </summary>
    private static IEnumerable<Finding> Compositions(AuditContext c)
    {
        foreach (var sentence in c.Year.Narrative.Claims.Where(x => x.Sentence is not null && x.Amount is not null && x.Subject.Code is null).GroupBy(x => (x.Sentence, x.Subject.Scope)))
        {
            foreach (var (wholeConcept, split, kinds) in Composed)
            {
                var whole = sentence.FirstOrDefault(x => x.Subject.Concept == wholeConcept);
                if (whole is null)
                {
                    continue;
                }

                Claim? Of(string concept) => sentence.FirstOrDefault(x => x.Subject.Concept == concept);
                var bySplit = split.Length > 0 && Of(split[0]) is not null;
                var parts = (bySplit ? split.Concat(kinds.Skip(1)) : kinds).Select(Of).ToArray();
                var stated = parts.OfType<Claim>().ToArray();
                if (stated.Length < 2)
                {
                    continue;
                }

                var complete = parts.All(p => p is not null);
                var total = Interpret(c, whole.Subject, whole.Amount!.Value);
                var sum = Estimate.Sum(stated.Select(p => Interpret(c, p.Subject, p.Amount!.Value)));
                // Described only for a finding: most sentences add up.
                string What() => FactRule.Describe(c, whole.Subject);
                string Listed() => string.Join(" + ", stated.Select(p => $"{FactRule.Describe(c, p.Subject)} {p.Amount}"));
                FindingFigure[] Figures() => SumFigures(c, whole, whole.Amount!.Value, stated.Select(p => (p, p.Amount!.Value)), "金额");
                if (complete && Consistency.Check(total, sum) is { Kind: ConsistencyKind.Inconsistent } check)
                {
                    yield return Error(c, RuleIds.NParts, whole,
                        $"{What()}写作 {whole.Amount}，而同句列出的各组成部分 {Listed()} 之和为 {AuditContext.Format(sum.Value, 2)}，相差 {AuditContext.Format(check.Difference)}（超出尾差）。",
                        expected: AuditContext.Format(sum.Value, 2), actual: whole.Amount.ToString(), difference: AuditContext.Format(check.Difference)) with { Figures = Figures() };
                }
                else if (!complete && sum.Range.Lo > total.Range.Hi)
                {
                    yield return Error(c, RuleIds.NParts, whole,
                        $"{What()}写作 {whole.Amount}，而同句列出的 {Listed()} 之和已达 {AuditContext.Format(sum.Value, 2)}，超过总数。",
                        expected: "≤ " + whole.Amount, actual: AuditContext.Format(sum.Value, 2), difference: AuditContext.Format(sum.Value - total.Value), severity: Severity.Warning) with { Figures = Figures() };
                }
            }
        }
    }

    // Parts that make up their whole by definition (人员经费 + 公用经费 = 基本支出), in the report's own words or as the
    // quantities of the tables; a whole the tables print is checked there (N.AMOUNT, X05_06.BASIC), not again here.
    private static bool CompleteByDefinition(AuditContext c, Claim whole, IReadOnlyList<Claim> parts) =>
        NameOf(whole.Subject) is { } wholeName && (Concepts.StatedSubject(whole.Subject.Concept) is not null || TableValue(c, whole.Subject) is null)
        && parts.Select(p => NameOf(p.Subject)).ToArray() is var names && names.All(n => n is not null) && Breakdowns.Completes(wholeName, names!);

    // Only the quantities whose parts are complete by definition (基本支出 = 人员经费 + 公用经费): naming any concept here
    // would make 「支出总计」 (which holds 结转结余) complete with 基本支出 + 项目支出.
    private static string? NameOf(FactKey key) => Concepts.StatedSubject(key.Concept)
        ?? (key.Code is null && key.Concept is Concepts.ExpenseBasic or Concepts.ExpensePersonnel or Concepts.ExpensePublic ? Concepts.Name(key.Concept) : null);

    private static IEnumerable<Finding> ItemCoverage(AuditContext c)
    {
        if (c.Table(TableIds.GpbExpenditure) is not { } t05)
        {
            yield break;
        }

        var claims = c.Year.Narrative.Claims;
        if (claims.Count == 0)
        {
            yield return AuditContext.NotChecked(RuleIds.NItemCoverage, "情况说明中没有可核对的陈述（未导入或未填写）");
            yield break;
        }

        var covered = claims.Where(x => x.Subject.Concept == Concepts.ExpenseTotal && x.Subject.Scope == Scopes.Gpb && x.Subject.Code is { Length: 7 })
            .Select(x => x.Subject.Code!).ToHashSet();
        foreach (var row in t05.Rows.Where(r => r.Key.Length == 7 && Digits.Only(r.Key)))
        {
            var figure = c.Cell(t05, row.Key, "total");
            if (figure.IsNonZero && !covered.Contains(row.Key))
            {
                yield return new Finding
                {
                    Rule = RuleIds.NItemCoverage, Severity = Severity.Warning, Location = figure.Location, Table = TableIds.GpbExpenditure,
                    Message = $"{c.TableName(TableIds.GpbExpenditure)} 列有 {figure.Label}（{figure.Display}），情况说明中没有对它的说明（模板要求逐项说明预算、决算与完成率）。",
                    Figures = [new(figure.Display, figure.Location)],
                };
            }
        }
    }

    [GeneratedRegex(Wording.Leftovers + @"|【[^】]{0,8}】")]
    internal static partial Regex Placeholder();

    private static IEnumerable<Finding> Placeholders(AuditContext c)
    {
        // Sections and passages, each placeholder where it is printed (the same template sentence may be printed twice);
        // then the sentences of claims that no section holds (a JSON input). A section's placeholder takes its page from
        // the claim whose sentence it is in.
        var claims = c.Year.Narrative.Claims.Where(x => x.Sentence is not null).ToArray();
        var sections = c.Year.Narrative.Sections;
        // (Statements read from the prose outside the sections are in the passages, which are read as they are.)
        // A text without a placeholder says nothing (most say nothing): asked first, without making matches or proses.
        // The regex tries every 增, 减, 大, 小… of a text: a screen by characters goes first (Wording.LeftoverPossible).
        var alone = claims.Where(x => x.Section != SectionKeys.Prose && Wording.LeftoverPossible(x.Sentence!) && Placeholder().IsMatch(x.Sentence!) && !sections.Any(s => s.Key == x.Section && s.Text.Contains(x.Sentence!, StringComparison.Ordinal)))
            .DistinctBy(x => x.Sentence).Select(x => new Prose(Where(c, x), x.Sentence!, x.Source, x.Section));
        foreach (var prose in c.AllProse().Where(p => Wording.LeftoverPossible(p.Text) && Placeholder().IsMatch(p.Text)).Concat(alone))
        {
            foreach (Match m in Placeholder().Matches(prose.Text))
            {
                var at = prose.At(m.Index, m.Value);
                if (prose.Source is null && prose.Section is not null
                    && claims.FirstOrDefault(x => x.Section == prose.Section && at.Sentence is { Length: > 0 } sentence && x.Sentence!.Contains(sentence, StringComparison.Ordinal))?.Source is { } source)
                {
                    at = at with { Document = source.File, Page = source.Page, Line = source.Line };
                }

                var start = Math.Max(0, m.Index - 12);
                var snippet = prose.Text.Substring(start, Math.Min(prose.Text.Length - start, m.Length + 24));
                yield return new Finding
                {
                    Rule = RuleIds.NPlaceholder, Severity = Severity.Error, Location = prose.Where,
                    Message = $"{prose.Where} 中留有占位符「{m.Value}」：…{snippet}…",
                    Actual = m.Value,
                    Figures = [new FindingFigure(m.Value, prose.Where, "叙述", at)],
                };
            }
        }
    }

    [GeneratedRegex(@"(20\d\d)\s*年")]
    private static partial Regex YearToken();

    // The years a sentence prints other than the report's and the year before, read off the matches without making them
    // (most sentences print those two only).
    private static IReadOnlyList<int> OtherYearsIn(string sentence, int reportYear)
    {
        List<int>? other = null;
        foreach (var m in YearToken().EnumerateMatches(sentence))
        {
            // The year is the match's first four characters (20 and two digits, of any script).
            if (Printed.Integer(sentence.AsSpan(m.Index, 4)) is { } year && year != reportYear && year != reportYear - 1)
            {
                (other ??= []).Add(year);
            }
        }

        return other is null ? [] : other;
    }

    private static IEnumerable<Finding> Years(AuditContext c)
    {
        // Statements of money only: a count or a rate describes the department (「2021 年全国教育科学规划优秀成果奖 6 项」),
        // where other years are named as a matter of course.
        foreach (var claim in c.Year.Narrative.Claims.Where(x => x.Sentence is not null && (x.Amount ?? x.Budget ?? x.Change) is not null).DistinctBy(x => x.Sentence))
        {
            foreach (var year in OtherYearsIn(claim.Sentence!, c.Year.Year))
            {
                yield return Error(c, RuleIds.NYear, claim, $"{c.Year.Year} 年度决算的陈述中出现 {year} 年：「{AuditContext.Excerpt(claim.Sentence, 60)}」，请核对年度。", expected: c.Year.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), actual: year.ToString(System.Globalization.CultureInfo.InvariantCulture), severity: Severity.Warning);
            }
        }
    }

    private static IEnumerable<Finding> Counts(AuditContext c)
    {
        // The spending comes from table 09, or from the narrative where the tables were published as images.
        var table = c.Table(TableIds.ThreePublic) ?? c.Table(TableIds.ThreePublicMeetingTraining);
        var details = c.Year.ThreePublic;
        var requirements = new (string Column, Func<ThreePublicDetails?, bool> Present, string What)[]
        {
            ("abroad", d => d?.AbroadGroups is not null && d.AbroadPersons is not null, "因公出国（境）团组数和人次"),
            ("vehiclePurchase", d => d?.VehiclesPurchased is not null, "公务用车购置数量"),
            ("vehicleOperation", d => d?.VehiclesHeld is not null, "公务用车保有量"),
            // Batches and persons of the reception the money was spent on: domestic (「国内公务接待 1 批次，10 人次」), or
            // foreign with a batch at least (「外事接待 0 批次，0 人」 does not account for any spending).
            ("reception", d => d?.DomesticReceptionBatches is not null && d.DomesticReceptionPersons is not null
                || d?.ForeignReceptionBatches > 0 && d.ForeignReceptionPersons is not null, "公务接待批次和人次"),
        };
        foreach (var (column, present, what) in requirements)
        {
            if (present(details))
            {
                continue;
            }

            if (table is not null)
            {
                var figure = c.Cell(table, "actual", column);
                if (figure.IsNonZero)
                {
                    yield return new Finding
                    {
                        Rule = RuleIds.NCounts, Severity = Severity.Warning, Location = figure.Location, Table = table.Definition,
                        Message = $"{figure.Label} 决算为 {figure.Display}，但没有说明{what}（模板要求列明）。",
                        Figures = [new(figure.Display, figure.Location)],
                    };
                }

                continue;
            }

            var concept = $"threePublic.{column}";
            if (c.Year.Narrative.Claims.FirstOrDefault(x => x.Subject.Concept == concept && x.Amount is { Value: > 0m }) is { } claim)
            {
                var where = Where(c, claim);
                var display = claim.Amount!.Value.ToString();
                yield return new Finding
                {
                    Rule = RuleIds.NCounts, Severity = Severity.Warning, Location = where,
                    Message = $"情况说明写{FactRule.Describe(c, claim.Subject)}支出 {display}，但没有说明{what}（模板要求列明）。",
                    Figures = [new(display, where, "叙述", AuditContext.Locate(c.Year.Narrative.LocationOf(claim), claim.Amount.Value.Number.ToString()))],
                };
            }
        }
    }
}
