namespace Juesuan.Domain.Numbers;

/// <summary>
/// A closed interval [Lo, Hi] of decimals: the set of true values a rounded figure can stand for (区间).
/// Arithmetic follows ordinary interval arithmetic, so an operation's result contains every value the
/// operation can yield on members of its operands.
/// </summary>
public readonly record struct Interval
{
    /// <summary>Creates [lo, hi]; <paramref name="lo"/> must not exceed <paramref name="hi"/>.</summary>
    public Interval(decimal lo, decimal hi)
    {
        if (lo > hi)
        {
            throw new ArgumentException($"Interval lower bound {lo} exceeds upper bound {hi}.", nameof(lo));
        }

        Lo = lo;
        Hi = hi;
    }

    /// <summary>Lower bound.</summary>
    public decimal Lo { get; }

    /// <summary>Upper bound.</summary>
    public decimal Hi { get; }

    /// <summary>Hi − Lo.</summary>
    public decimal Width => Hi - Lo;

    /// <summary>The middle of the interval.</summary>
    public decimal Mid => (Lo + Hi) / 2m;

    /// <summary>The degenerate interval [v, v].</summary>
    public static Interval Point(decimal value) => new(value, value);

    /// <summary>The interval a value printed with <paramref name="decimals"/> decimals stands for: v ± ½·10⁻ᵈ.</summary>
    public static Interval AroundPrinted(decimal value, int decimals)
    {
        var half = HalfUnit(decimals);
        return new Interval(value - half, value + half);
    }

    /// <summary>½·10⁻ᵈ, the largest rounding error of a figure printed with d decimals.</summary>
    public static decimal HalfUnit(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 20);
        return HalfUnits[decimals];
    }

    // Divided out once (every printed figure of every audit asks for its interval; the divisions were a tenth of an audit).
    private static readonly decimal[] HalfUnits = [.. Enumerable.Range(0, 21).Select(HalfUnitOf)];

    private static decimal HalfUnitOf(int decimals)
    {
        var unit = 1m;
        for (var i = 0; i < decimals; i++)
        {
            unit /= 10m;
        }

        return unit / 2m;
    }

    /// <summary>True when <paramref name="value"/> lies inside the interval.</summary>
    public bool Contains(decimal value) => Lo <= value && value <= Hi;

    /// <summary>True when zero lies inside the interval (a division by it is undefined).</summary>
    public bool ContainsZero => Contains(0m);

    /// <summary>True when the two intervals share at least one value.</summary>
    public bool Intersects(Interval other) => Lo <= other.Hi && other.Lo <= Hi;

    /// <summary>The distance between the intervals: 0 when they intersect, else the gap between the nearest bounds.</summary>
    public decimal GapTo(Interval other)
    {
        if (Intersects(other))
        {
            return 0m;
        }

        return Hi < other.Lo ? other.Lo - Hi : Lo - other.Hi;
    }

    /// <summary>Sum of intervals.</summary>
    public static Interval operator +(Interval a, Interval b) => new(a.Lo + b.Lo, a.Hi + b.Hi);

    /// <summary>Difference of intervals.</summary>
    public static Interval operator -(Interval a, Interval b) => new(a.Lo - b.Hi, a.Hi - b.Lo);

    /// <summary>Negation.</summary>
    public static Interval operator -(Interval a) => new(-a.Hi, -a.Lo);

    /// <summary>Product of intervals: the hull of the four bound products.</summary>
    public static Interval operator *(Interval a, Interval b)
    {
        var p1 = a.Lo * b.Lo;
        var p2 = a.Lo * b.Hi;
        var p3 = a.Hi * b.Lo;
        var p4 = a.Hi * b.Hi;
        return new Interval(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), Math.Max(Math.Max(p1, p2), Math.Max(p3, p4)));
    }

    /// <summary>Scaling by a constant.</summary>
    public static Interval operator *(Interval a, decimal k) => k >= 0 ? new(a.Lo * k, a.Hi * k) : new(a.Hi * k, a.Lo * k);

    /// <summary>
    /// Quotient of intervals, or null when the denominator contains zero (the quotient is then unbounded;
    /// callers report that as its own finding rather than guessing).
    /// </summary>
    public Interval? DividedBy(Interval denominator)
    {
        if (denominator.ContainsZero)
        {
            return null;
        }

        var q1 = Lo / denominator.Lo;
        var q2 = Lo / denominator.Hi;
        var q3 = Hi / denominator.Lo;
        var q4 = Hi / denominator.Hi;
        return new Interval(Math.Min(Math.Min(q1, q2), Math.Min(q3, q4)), Math.Max(Math.Max(q1, q2), Math.Max(q3, q4)));
    }

    /// <summary>The smallest interval containing both.</summary>
    public Interval Hull(Interval other) => new(Math.Min(Lo, other.Lo), Math.Max(Hi, other.Hi));

    /// <inheritdoc />
    public override string ToString() => $"[{Lo}, {Hi}]";
}
