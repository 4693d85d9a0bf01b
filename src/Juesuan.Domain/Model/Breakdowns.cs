namespace Juesuan.Domain.Model;

/// <summary>
/// 完整分解: parts that make up a whole by definition, however a report introduces them — 基本支出 and 项目支出 a spending
/// total, 人员经费 and 公用经费 基本支出, 货物、工程、服务 a procurement total. The narrative reader uses them to follow a
/// 「其中」 list into the next sentence; the audit to require such parts to add up to their whole.
/// </summary>
public static class Breakdowns
{
    private sealed record Breakdown(string WholeWord, string[] Parts, string? WholeExcludes = null);

    private static readonly Breakdown[] Known =
    [
        new("支出", ["基本支出", "项目支出"], WholeExcludes: "基本"),
        new("基本支出", ["人员经费", "公用经费"]),
        new("采购", ["货物", "工程", "服务"]),
    ];

    /// <summary>The part a subject names (「人员经费支出」 is 人员经费, 「货物采购金额」 货物), or null.</summary>
    private static string? PartOf(Breakdown breakdown, string subject) => breakdown.Parts.FirstOrDefault(p => subject.StartsWith(p, StringComparison.Ordinal));

    /// <summary>True when the subjects are distinct parts of one known breakdown (all of it or some).</summary>
    public static bool AreParts(IReadOnlyCollection<string> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        return Known.Any(b => subjects.Select(s => PartOf(b, s)).ToArray() is var parts && parts.All(p => p is not null) && parts.Distinct().Count() == parts.Length);
    }

    /// <summary>True when the subjects are all the parts of a known breakdown of <paramref name="whole"/>.</summary>
    public static bool Completes(string whole, IReadOnlyCollection<string> subjects)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(subjects);
        return Known.Any(b => whole.Contains(b.WholeWord, StringComparison.Ordinal) && (b.WholeExcludes is null || !whole.Contains(b.WholeExcludes, StringComparison.Ordinal))
            && subjects.Count == b.Parts.Length && b.Parts.All(p => subjects.Count(s => PartOf(b, s) == p) == 1));
    }
}
