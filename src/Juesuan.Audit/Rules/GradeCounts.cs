using System.Text.RegularExpressions;
using Juesuan.Domain.Model;

namespace Juesuan.Audit.Rules;

/// <summary>
/// N.GRADE_COUNTS: the projects counted by self-evaluation grade (「2 个项目自评等级为优，2 个项目自评为良，1 个项目自评为中」)
/// add up to the projects evaluated stated just before them (「实际自评 6 个」). A grade left out or a count mistyped leaves
/// some project without a grade — a reviewer adds them up; nothing else does (they are in no table).
/// </summary>
internal static partial class GradeCounts
{
    public static Rule Rule() => new DelegateRule(RuleIds.NGradeCounts, "自评等级（优、良、中、差）的项目数之和等于自评项目数", Check);

    private static IEnumerable<Finding> Check(AuditContext c)
    {
        var claims = c.Year.Narrative.Claims;
        for (var i = 0; i < claims.Count; i++)
        {
            // A run of grade counts in one section: two or more, each a count of 个 whose subject names a grade.
            var length = 0;
            while (i + length < claims.Count && claims[i + length].Section == claims[i].Section && IsGrade(claims[i + length]))
            {
                length++;
            }

            if (length < 2)
            {
                continue;
            }

            var run = claims.Skip(i).Take(length).ToArray();

            // The count they break down: the last count of projects before the run, in its sentence or the one before
            // it (at most four claims back: the amounts of the sentence come between), that names no grade.
            // A part of another count (「其中重点项目 2 个」) is no total; one that names the evaluation (自评) comes first.
            var candidates = claims.Take(i).Reverse().Take(4).Where(x => x.Section == claims[i].Section && x.Count is not null && x.CountUnit == "个" && x.PartOf is null
                && Concepts.StatedSubject(x.Subject.Concept) is { } words && (words.Contains("项目", StringComparison.Ordinal) || words.Contains("自评", StringComparison.Ordinal))
                && !words.StartsWith("其中", StringComparison.Ordinal) && !words.Contains("重点", StringComparison.Ordinal) && !Grade().IsMatch(words)).ToArray();
            var total = candidates.FirstOrDefault(x => Concepts.StatedSubject(x.Subject.Concept)!.Contains("自评", StringComparison.Ordinal)) ?? candidates.FirstOrDefault();
            i += run.Length - 1;
            if (total is null)
            {
                continue;
            }

            var sum = run.Sum(x => x.Count!.Value.Value);
            if (sum == total.Count!.Value.Value)
            {
                continue;
            }

            var parts = string.Join(" + ", run.Select(x => x.Count!.Value.ToString()));
            var graded = string.Join("、", run.Select(x => $"{Grade().Match(Concepts.StatedSubject(x.Subject.Concept)!).Groups["g"].Value} {x.Count} 个"));
            var where = NarrativeRules.Where(c, run[0]);
            yield return new Finding
            {
                Rule = RuleIds.NGradeCounts, Severity = Severity.Warning, Location = where,
                Message = $"{where}：各自评等级的项目数（{graded}）之和为 {parts} = {sum}，而所写的自评项目数为 {total.Count} 个——{(sum < total.Count.Value.Value ? "有项目的等级没有说明" : "等级的项目数多于自评项目数")}，请核对。",
                Expected = total.Count.ToString(), Actual = sum.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Figures = [.. run.Prepend(total).Select(x => new FindingFigure(x.Count + "个", NarrativeRules.Where(c, x), "叙述", c.Locate(x, x.Count + "个")))],
            };
        }
    }

    private static bool IsGrade(Claim claim) => claim.Count is not null && claim.CountUnit == "个"
        && Concepts.StatedSubject(claim.Subject.Concept) is { } words && words.StartsWith("项目", StringComparison.Ordinal) && Grade().IsMatch(words);

    // 「项目自评等级为优」, 「项目结果为“良”」, 「项目评价为中」: the grade ends the words.
    [GeneratedRegex(@"(?:为|是|评定为|等级为)[“""]?(?<g>优秀|优|良好|良|中|合格|不合格|差)[”""]?$")]
    private static partial Regex Grade();
}
