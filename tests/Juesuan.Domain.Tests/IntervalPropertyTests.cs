using FsCheck;
using FsCheck.Xunit;
using Juesuan.Domain.Numbers;

namespace Juesuan.Domain.Tests;

/// <summary>The rounding model: printed figures are intervals; sums and quotients propagate them exactly.</summary>
public class IntervalPropertyTests
{
    private static decimal Yuan(PositiveInt raw) => raw.Get % 100_000_000 / 100m; // up to 999,999.99 元

    private static Printed ToWanYuan(decimal yuan) => Printed.Round(yuan / 10_000m, 2);

    [Property(MaxTest = 1000)]
    public bool Sums_of_yuan_amounts_rounded_to_wan_yuan_are_never_inconsistent(NonEmptyArray<PositiveInt> raw)
    {
        var yuan = raw.Get.Select(Yuan).ToArray();
        var items = yuan.Select(ToWanYuan).ToArray();
        var total = ToWanYuan(yuan.Sum());
        return Consistency.Check(total, Estimate.Sum(items.Select(i => i.ToEstimate()))).Holds;
    }

    [Property(MaxTest = 1000)]
    public bool A_total_beyond_the_propagated_interval_is_inconsistent_and_the_one_before_it_is_not(NonEmptyArray<PositiveInt> raw, bool above)
    {
        var items = raw.Get.Select(Yuan).Select(ToWanYuan).ToArray();
        var sum = Estimate.Sum(items.Select(i => i.ToEstimate()));
        const decimal step = 0.01m;
        const decimal half = 0.005m;

        // The first printed total whose own interval lies wholly outside the sum's interval.
        decimal beyond;
        if (above)
        {
            beyond = Math.Floor((sum.Range.Hi + half) / step) * step + step;
        }
        else
        {
            beyond = Math.Ceiling((sum.Range.Lo - half) / step) * step - step;
        }

        var previous = above ? beyond - step : beyond + step;
        var far = Consistency.Check(new Printed(beyond, 2), sum);
        var near = Consistency.Check(new Printed(previous, 2), sum);
        return far.Kind == ConsistencyKind.Inconsistent && far.Gap > 0m && near.Holds;
    }

    [Property(MaxTest = 500)]
    public bool Interval_sum_contains_every_sum_of_members(PositiveInt a, PositiveInt b, PositiveInt fa, PositiveInt fb)
    {
        var x = new Printed(Yuan(a), 2);
        var y = new Printed(Yuan(b), 2);
        var memberX = x.Interval.Lo + (x.Interval.Width * (fa.Get % 101) / 100m);
        var memberY = y.Interval.Lo + (y.Interval.Width * (fb.Get % 101) / 100m);
        var sum = x.Interval + y.Interval;
        var difference = x.Interval - y.Interval;
        var product = x.Interval * y.Interval;
        return sum.Contains(memberX + memberY) && difference.Contains(memberX - memberY) && product.Contains(memberX * memberY);
    }

    [Property(MaxTest = 500)]
    public bool A_share_computed_from_rounded_figures_is_consistent_with_the_share_of_the_true_figures(PositiveInt part, PositiveInt rest)
    {
        var partYuan = Yuan(part);
        var totalYuan = partYuan + Yuan(rest) + 100m;
        var stated = Printed.Round(partYuan / totalYuan * 100m, 2); // what an honest report prints
        var computed = ToWanYuan(partYuan).ToEstimate().DividedBy(ToWanYuan(totalYuan).ToEstimate());
        return computed is null || Consistency.Check(stated, computed.Value * 100m).Holds;
    }
}
