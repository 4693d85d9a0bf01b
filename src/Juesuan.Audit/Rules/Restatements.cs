using System.Text.RegularExpressions;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.Audit.Rules;

/// <summary>
/// 前后矛盾: the same rate or count stated in several places of one report (「城乡居民参保率为 98%」 in the summary, the
/// self-evaluation and the project review) must read the same everywhere. A value that differs from the others beyond
/// rounding is a slip in one of them; the value most places give is taken as meant.
/// </summary>
internal static partial class Restatements
{
    public const string Id = RuleIds.NRestated;

    public static Rule Rule() => new DelegateRule(Id, "同一比率或数量在报告各处的写法一致", Check);

    private sealed record Stated(Claim Claim, string Name, string Kind, Printed Value);

    private static IEnumerable<Finding> Check(AuditContext c)
    {
        var stated = new List<Stated>();
        Claim? previous = null;
        foreach (var claim in c.Year.Narrative.Claims)
        {
            if (Of(claim, previous, c.Year.Year) is { } s)
            {
                stated.Add(s);
            }

            previous = claim;
        }

        foreach (var group in stated.GroupBy(s => (s.Name, s.Kind)))
        {
            var items = group.ToArray();
            if (items.Length < 2 || items.Select(s => s.Claim.Sentence).Distinct().Count() < 2)
            {
                continue;
            }

            // The value most sentences give; the others, when rounding cannot join them to it, are reported.
            var values = items.GroupBy(s => s.Value.Value).OrderByDescending(g => g.Select(s => s.Claim.Sentence).Distinct().Count()).ToArray();
            if (values.Length < 2)
            {
                continue;
            }

            if (values[0].Select(s => s.Claim.Sentence).Distinct().Count() == values[1].Select(s => s.Claim.Sentence).Distinct().Count())
            {
                // Two values, as many places each (「特殊人群参保缴费资助 100%」 in the summary, 98% in the self-evaluation):
                // which is meant cannot be told, but they contradict each other — said once, naming both.
                // Only rates: an amount's or a count's name is the report's own words, and two projects' paragraphs may
                // share them (培训人数) with two values — unless the words before the name are the same too, a passage
                // printed twice (渠县 2022: 「2022 年以来检查定点医药机构共 439 家，追回违规医疗机构基金 157.1 万元」 in the
                // project's 年度目标完成情况 and in the department's). A sentence that gives both values names two things, not one twice.
                if (values.Length == 2 && (group.Key.Kind == "%" || SameWords(values[0].First(), values[1].First()))
                    && !values[0].Select(s => s.Claim.Sentence).Intersect(values[1].Select(s => s.Claim.Sentence)).Any()
                    && Tie(c, values[0].First(), values[1].First()) is { } tie)
                {
                    yield return tie;
                }

                continue;
            }

            var meant = values[0].First();
            foreach (var other in values.Skip(1).SelectMany(g => g))
            {
                // The same fact printed to the same places must read the same; to other places, within rounding.
                var same = other.Value.Decimals == meant.Value.Decimals ? other.Value.Value == meant.Value.Value : Consistency.Check(other.Value, meant.Value.ToEstimate()).Holds;
                if (same)
                {
                    continue;
                }

                yield return Contradiction(c, other, meant,
                    $"「{other.Name}」此处写作 {other.Value}{other.Kind}，而报告中另有 {values[0].Select(s => s.Claim.Sentence).Distinct().Count()} 处写作 {meant.Value}{meant.Kind}（如「{AuditContext.Excerpt(meant.Claim.Sentence)}」）：前后不一致，请核对。");
            }
        }
    }

    // Whether two statements of an amount or count are one passage printed twice: the words from the figure before the
    // name to the name read the same in both, twelve characters or more (spaces aside) — the figure among them (「…共 439
    // 家，追回违规医疗机构基金」) makes the words a passage's own, not a template's (「根据年初设定的绩效目标，本项目完成培训
    // 人数」 opens every project's paragraph).
    private static bool SameWords(Stated one, Stated other)
    {
        static string? Before(Stated s)
        {
            var sentence = Regex.Replace(s.Claim.Sentence ?? string.Empty, @"\s+", string.Empty);
            // The name just before this statement's own figure, where the sentence names it twice.
            var figure = s.Value.ToString();
            var at = -1;
            for (var i = sentence.IndexOf(s.Name, StringComparison.Ordinal); i >= 0; i = sentence.IndexOf(s.Name, i + 1, StringComparison.Ordinal))
            {
                at = i;
                if (sentence.AsSpan(i + s.Name.Length).TrimStart("为达是共：:").StartsWith(figure, StringComparison.Ordinal))
                {
                    break;
                }
            }

            if (at < 0)
            {
                return null;
            }

            // From the figure before the name (its first digit); without one the words may be a template's.
            var from = sentence.AsSpan(0, at).LastIndexOfAnyInRange('0', '9');
            if (from < 0)
            {
                return null;
            }

            while (from > 0 && (char.IsAsciiDigit(sentence[from - 1]) || sentence[from - 1] is '.' or ','))
            {
                from--;
            }

            return at + s.Name.Length - from < 12 ? null : sentence[from..(at + s.Name.Length)];
        }

        return Before(one) is { } words && words == Before(other);
    }

    private static Finding? Tie(AuditContext c, Stated one, Stated other)
    {
        if (one.Value.Decimals != other.Value.Decimals && Consistency.Check(other.Value, one.Value.ToEstimate()).Holds)
        {
            return null;
        }

        // Reported at the later place, quoting the earlier one.
        var (first, second) = c.Year.Narrative.Claims.ToList() is var all && all.IndexOf(one.Claim) <= all.IndexOf(other.Claim) ? (one, other) : (other, one);
        return Contradiction(c, second, first,
            $"「{second.Name}」此处写作 {second.Value}{second.Kind}，而另一处写作 {first.Value}{first.Kind}（「{AuditContext.Excerpt(first.Claim.Sentence)}」）：前后不一致，无法判断以哪一处为准，请核对。");
    }

    // The finding at one place, quoting the other: both figures located.
    private static Finding Contradiction(AuditContext c, Stated here, Stated there, string message) => new()
    {
        Rule = Id, Severity = Severity.Warning, Location = c.Year.Narrative.LocationOf(here.Claim).Describe(), Message = message,
        Expected = $"{there.Value}{there.Kind}", Actual = $"{here.Value}{here.Kind}",
        Figures =
        [
            new FindingFigure($"{here.Value}{here.Kind}", c.Year.Narrative.LocationOf(here.Claim).Describe(), "叙述", c.Locate(here.Claim, $"{here.Value}")),
            new FindingFigure($"{there.Value}{there.Kind}", c.Year.Narrative.LocationOf(there.Claim).Describe(), "叙述", c.Locate(there.Claim, $"{there.Value}")),
        ],
    };

    // A rate reached (not a bound or a goal) or a count, named by its subject; a bare rate name (「参保率」) takes the
    // subject of the statement before it in the same sentence (「城乡居民参保 22.56 万人，参保率为 98%」). A sentence that
    // speaks of another year too is left alone: the same name may hold two years' values there — except an amount that
    // carries its own change (「基本支出 346.63 万元，较上年增加 129.58 万元」), whose other year is the change's.
    private static Stated? Of(Claim claim, Claim? previous, int reportYear)
    {
        var subject = Concepts.StatedSubject(claim.Subject.Concept);
        var (value, kind) = claim switch
        {
            { RatePercent: { } r, RateIsBound: not true } => (r, "%"),
            { Count: { } n, CountUnit: { Length: > 0 } u, Amount: null } => (n, u),
            // An amount of the report's own words that is no part of a breakdown (「总收入 12010.11 万元（包含城乡居民参保县级
            // 配套资金 4596.52 万元）」 in the income and the spending paragraph): parts of breakdowns (「基本」「医疗救助」) are
            // parts of different wholes in different sentences.
            { Amount: { } a, PartOf: null, Count: null, RatePercent: null } when subject is { Length: >= 8 } => (a.Number, a.Unit == MoneyUnit.Yuan ? "元" : "万元"),
            // A quantity the templates define (基本支出, 项目支出, 人员经费, 公用经费) is one figure of the department, part of a
            // breakdown or not — unless the sentence speaks of one fund (「一般公共预算财政拨款支出…其中基本支出…」), whose
            // 基本支出 is another figure (合水 2024: 基本支出 346.63 万元 in one paragraph, 476.21 万元 in two others).
            { Amount: { } a, Count: null, RatePercent: null } when subject is "基本支出" or "项目支出" or "人员经费" or "公用经费"
                && !FundWords().IsMatch(claim.Sentence ?? string.Empty) => (a.Number, a.Unit == MoneyUnit.Yuan ? "元" : "万元"),
            _ => (default(Printed?), string.Empty),
        };
        if (value is not { } v || subject is not { } name || claim.Sentence is not { } sentence
            || (OtherYear().IsMatch(sentence) && (kind == "%" || claim.Change is null)) || SpeaksOfOtherYear(sentence, reportYear))
        {
            return null;
        }

        name = Regex.Replace(name, @"\s+", string.Empty);
        if (kind == "%" && BareRate().IsMatch(name) && previous?.Sentence == sentence && previous.RatePercent is null
            && Concepts.StatedSubject(previous.Subject.Concept) is { } owner)
        {
            name = Regex.Replace(owner, @"\s+", string.Empty) + name;
        }

        // A name of two or three characters (「达到」, 「共」) names nothing a reader could check against another place; an
        // indicator every project reports for itself (服务对象满意度, 及时率 …) is a different fact in each project.
        return name.Length >= 4 && !PerProject().IsMatch(name) ? new Stated(claim, name, kind, v) : null;
    }


    // Whether the sentence prints a year other than the report's (read off the matches without making them).
    private static bool SpeaksOfOtherYear(string sentence, int reportYear)
    {
        foreach (var m in Years().EnumerateMatches(sentence))
        {
            if (Printed.Integer(sentence.AsSpan(m.Index, m.Length)) != reportYear)
            {
                return true;
            }
        }

        return false;
    }

    // 「参保率」, 「满意度」: a rate that names no population of its own.
    [GeneratedRegex("^[\\p{IsCJKUnifiedIdeographs}]{1,3}(?:率|度)$")]
    private static partial Regex BareRate();

    [GeneratedRegex("(?:满意度|满意率|知晓率|及时率|合格率|完成率|执行率|到位率|准确率|达标率|使用率|运行率)$")]
    private static partial Regex PerProject();

    [GeneratedRegex("财政拨款|一般公共预算|政府性基金|国有资本经营")]
    private static partial Regex FundWords();

    [GeneratedRegex("上年|去年|上一年|同期|同比|较上|比上")]
    private static partial Regex OtherYear();

    [GeneratedRegex("(?<![0-9])20[0-9]{2}(?![0-9])")]
    private static partial Regex Years();
}
