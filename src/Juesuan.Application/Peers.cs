using System.Globalization;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.Application;

/// <summary>A ratio departments of one kind are compared on (可比指标), with the unit it is shown in.</summary>
/// <param name="Id">Stable id (scripts).</param>
/// <param name="Name">What a reviewer calls it.</param>
/// <param name="Unit">「%」 or 「元/人」.</param>
public sealed record PeerRatio(string Id, string Name, string Unit);

/// <summary>The spread of one ratio across the group: median, quartiles, median absolute deviation, how many had it.</summary>
public sealed record PeerStatistics(decimal Median, decimal Q1, decimal Q3, decimal Mad, int Count);

/// <summary>A department whose ratio lies far from the group's (robust z beyond the limit), and a sentence saying so.</summary>
public sealed record PeerOutlier(string Department, string Ratio, decimal Value, decimal Score, string Explanation);

/// <summary>同类比较: departments of one year side by side on ratios that mean something, with the group's spread and the outliers.</summary>
/// <param name="Year">The year compared.</param>
/// <param name="Group">How the group was chosen (「名称含 医疗保障局」).</param>
/// <param name="Departments">The departments, in name order.</param>
/// <param name="Ratios">The ratios.</param>
/// <param name="Values">Each department's value of each ratio, null when its report does not give what the ratio needs.</param>
/// <param name="Statistics">Each ratio's spread (ratios fewer than four departments have are left out).</param>
/// <param name="Outliers">The outliers, ratio by ratio.</param>
public sealed record PeerTable(int Year, string Group, IReadOnlyList<string> Departments, IReadOnlyList<PeerRatio> Ratios,
    IReadOnlyDictionary<(string Department, string Ratio), decimal?> Values, IReadOnlyDictionary<string, PeerStatistics> Statistics, IReadOnlyList<PeerOutlier> Outliers);

/// <summary>
/// 同类部门比较 (issue 17, item 3): the stored department-years of one year whose department names contain the group's
/// words (all 医疗保障局, or the reviewer's own list), each reduced to ratios that compare across sizes — 人员经费占基本支出,
/// 项目支出占本年支出, “三公”经费和机关运行经费人均, 一般公共预算支出完成年初预算, 本年支出比上年 — with the group's median,
/// quartiles and robust outliers (modified z-score on the median absolute deviation), each outlier said in a sentence.
/// </summary>
public sealed class Peers(Library library)
{
    // 「第2县」 before 「第10县」.
    private static readonly StringComparer Names = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), CompareOptions.NumericOrdering);

    /// <summary>The robust z beyond which a value is an outlier (Iglewicz and Hoaglin's 3.5).</summary>
    public const decimal Limit = 3.5m;

    /// <summary>The rows of a ratio's spread a table shows beneath the departments.</summary>
    public static readonly IReadOnlyList<(string Name, Func<PeerStatistics, decimal> Pick)> Spread =
        [("中位数", s => s.Median), ("下四分位", s => s.Q1), ("上四分位", s => s.Q3)];

    /// <summary>The ratios, in the order shown.</summary>
    public static readonly IReadOnlyList<PeerRatio> Ratios =
    [
        new("personnel-share", "人员经费占基本支出", "%"),
        new("project-share", "项目支出占本年支出", "%"),
        new("three-public-per-staff", "“三公”经费人均", "元/人"),
        new("operating-per-staff", "机关运行经费人均", "元/人"),
        new("completion", "一般公共预算支出完成年初预算", "%"),
        new("change", "本年支出比上年", "%"),
    ];

    /// <summary>
    /// The departments of <paramref name="year"/> whose names contain <paramref name="like"/> (every stored department
    /// when empty), or exactly those named in <paramref name="departments"/>.
    /// </summary>
    public async Task<PeerTable> CompareAsync(int year, string? like, IReadOnlyCollection<string>? departments = null, CancellationToken cancellationToken = default)
    {
        var stored = (await library.ListAsync(cancellationToken).ConfigureAwait(false)).Where(s => s.Year == year);
        stored = departments is { Count: > 0 } named
            ? stored.Where(s => named.Contains(s.Department))
            : stored.Where(s => string.IsNullOrWhiteSpace(like) || s.Department.Contains(like.Trim(), StringComparison.Ordinal));
        var values = new Dictionary<(string, string), decimal?>();
        var names = new List<string>();
        foreach (var summary in stored.OrderBy(s => s.Department, Names))
        {
            if (await library.LoadAsync(summary.Key, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                continue;
            }

            var prior = await library.PriorOfAsync(summary.Key, year, cancellationToken).ConfigureAwait(false);
            names.Add(summary.Department);
            foreach (var (ratio, value) in Measure(current, prior))
            {
                values[(summary.Department, ratio)] = value;
            }
        }

        var group = departments is { Count: > 0 } ? $"指定的 {names.Count} 个部门" : string.IsNullOrWhiteSpace(like) ? "存储的全部部门" : $"名称含「{like.Trim()}」的部门";
        return Summarise(year, group, names, values);
    }

    /// <summary>The table of <paramref name="values"/>: each ratio's spread and outliers (a pure function, tested on its own).</summary>
    public static PeerTable Summarise(int year, string group, IReadOnlyList<string> departments, IReadOnlyDictionary<(string Department, string Ratio), decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(values);
        var statistics = new Dictionary<string, PeerStatistics>();
        var outliers = new List<PeerOutlier>();
        foreach (var ratio in Ratios)
        {
            var given = departments.Select(d => (Department: d, Value: values.GetValueOrDefault((d, ratio.Id)))).Where(x => x.Value is not null).Select(x => (x.Department, Value: x.Value!.Value)).ToArray();
            if (given.Length < 4)
            {
                continue;
            }

            var sorted = given.Select(g => g.Value).Order().ToArray();
            var median = Quantile(sorted, 0.5m);
            var deviations = sorted.Select(v => Math.Abs(v - median)).Order().ToArray();
            var mad = Quantile(deviations, 0.5m);
            var stats = new PeerStatistics(median, Quantile(sorted, 0.25m), Quantile(sorted, 0.75m), mad, sorted.Length);
            statistics[ratio.Id] = stats;

            // The modified z-score, 0.6745 (x − median) / MAD; when more than half agree exactly (MAD 0), the mean absolute
            // deviation scaled to the same footing (× 1.2533) takes its place, and with no spread at all nothing stands out.
            var meanDeviation = deviations.Average();
            var scale = mad > 0m ? mad / 0.6745m : meanDeviation * 1.253314m;
            if (scale == 0m)
            {
                continue;
            }

            foreach (var (department, value) in given)
            {
                var score = (value - median) / scale;
                if (Math.Abs(score) > Limit)
                {
                    outliers.Add(new PeerOutlier(department, ratio.Id, value, Math.Round(score, 1), Explain(department, ratio, value, score, stats)));
                }
            }
        }

        return new PeerTable(year, group, departments, Ratios, values, statistics, outliers);
    }

    /// <summary>A ratio's value as shown: 「62.40%」, 「6,153 元/人」.</summary>
    public static string Show(PeerRatio ratio, decimal value) =>
        ratio.Unit == "%" ? value.ToString("0.00", CultureInfo.InvariantCulture) + "%" : value.ToString("#,0", CultureInfo.InvariantCulture) + " " + ratio.Unit;

    private static string Explain(string department, PeerRatio ratio, decimal value, decimal score, PeerStatistics stats)
    {
        var gap = Math.Abs(value - stats.Median);
        var by = ratio.Unit == "%" ? $"{gap.ToString("0.00", CultureInfo.InvariantCulture)} 个百分点" : Show(ratio, gap);
        return $"{department}的{ratio.Name}为 {Show(ratio, value)}，同组 {stats.Count} 个部门的中位数为 {Show(ratio, stats.Median)}（四分位 {Show(ratio, stats.Q1)}–{Show(ratio, stats.Q3)}），"
            + $"{(score > 0 ? "高出" : "低于")}中位数 {by}，稳健 z 值 {score.ToString("0.0", CultureInfo.InvariantCulture)}，明显偏{(score > 0 ? "高" : "低")}，请核对数据或了解原因。";
    }

    // Linear interpolation between closest ranks (the usual spreadsheet quartile).
    private static decimal Quantile(decimal[] sorted, decimal p)
    {
        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    /// <summary>The ratios of one department-year (and its prior year, for the change), null where it lacks the figures.</summary>
    public static IEnumerable<(string Ratio, decimal? Value)> Measure(DepartmentYear year, DepartmentYear? prior)
    {
        ArgumentNullException.ThrowIfNull(year);
        var facts = FactIndex.Build(year);
        decimal? Get(string concept, string basis = Bases.Actual, params string[] scopes) =>
            scopes.Select(s => facts.Stated(new FactKey(concept, null, s, basis))).FirstOrDefault(a => a is not null)?.Amount.In(MoneyUnit.WanYuan).Value;
        static decimal? Percent(decimal? part, decimal? whole) => part is { } p && whole is { } w && w != 0m ? Math.Round(p / w * 100m, 2) : null;
        // 万元 per head, shown in 元.
        static decimal? PerHead(decimal? amount, int? staff) => amount is { } a && staff is > 0 ? Math.Round(a * 10000m / staff.Value, 0) : null;

        var staff = year.Staffing?.Actual ?? year.Staffing?.Authorized;
        yield return ("personnel-share", Percent(Get(Concepts.ExpensePersonnel, Bases.Actual, Scopes.Gpb, Scopes.Fiscal, Scopes.All), Get(Concepts.ExpenseBasic, Bases.Actual, Scopes.Gpb, Scopes.Fiscal, Scopes.All)));
        yield return ("project-share", Percent(Get(Concepts.ExpenseProject, Bases.Actual, Scopes.All), Get(Concepts.ExpenseTotal, Bases.Actual, Scopes.All)));
        yield return ("three-public-per-staff", PerHead(Get(Concepts.ThreePublicTotal, Bases.Actual, Scopes.Fiscal, Scopes.All, Scopes.Gpb), staff));
        yield return ("operating-per-staff", PerHead(year.OperatingCosts?.Actual?.In(MoneyUnit.WanYuan).Value ?? Get(Concepts.OperatingCosts, Bases.Actual, Scopes.Gpb, Scopes.Fiscal, Scopes.All), staff));
        yield return ("completion", Percent(Get(Concepts.ExpenseTotal, Bases.Actual, Scopes.Gpb), Get(Concepts.ExpenseTotal, Bases.Budget, Scopes.Gpb)));
        var now = Get(Concepts.ExpenseTotal, Bases.Actual, Scopes.All);
        // Last year's report as its tables state it (a narrative figure only where no table does), as this year's is taken.
        var before = prior is null ? Get(Concepts.ExpenseTotal, Bases.Prior, Scopes.All) : FactIndex.Build(prior).Stated(new FactKey(Concepts.ExpenseTotal))?.Amount.In(MoneyUnit.WanYuan).Value;
        yield return ("change", now is { } n && before is { } b && b != 0m ? Math.Round((n - b) / b * 100m, 2) : null);
    }
}
