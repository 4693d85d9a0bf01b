namespace Juesuan.Domain.Numbers;

/// <summary>
/// A computed figure: the value computed from the printed operands (点值) together with the interval of values
/// the true operands could yield (传播区间). Sums, differences, products and quotients of printed figures are estimates.
/// </summary>
public readonly record struct Estimate(decimal Value, Interval Range)
{
    /// <summary>An exact constant.</summary>
    public static Estimate Exact(decimal value) => new(value, Interval.Point(value));

    /// <summary>Zero, exactly.</summary>
    public static Estimate Zero => Exact(0m);

    /// <summary>Sum.</summary>
    public static Estimate operator +(Estimate a, Estimate b) => new(a.Value + b.Value, a.Range + b.Range);

    /// <summary>Difference.</summary>
    public static Estimate operator -(Estimate a, Estimate b) => new(a.Value - b.Value, a.Range - b.Range);

    /// <summary>Product.</summary>
    public static Estimate operator *(Estimate a, Estimate b) => new(a.Value * b.Value, a.Range * b.Range);

    /// <summary>Scaling by an exact constant (e.g. ×100 for a percentage).</summary>
    public static Estimate operator *(Estimate a, decimal k) => new(a.Value * k, a.Range * k);

    /// <summary>The quotient, or null when the denominator's interval contains zero.</summary>
    public Estimate? DividedBy(Estimate denominator)
    {
        var range = Range.DividedBy(denominator.Range);
        if (range is null || denominator.Value == 0m)
        {
            return null;
        }

        return new Estimate(Value / denominator.Value, range.Value);
    }

    /// <summary>Σ of estimates (zero for none).</summary>
    public static Estimate Sum(IEnumerable<Estimate> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var total = Zero;
        foreach (var item in items)
        {
            total += item;
        }

        return total;
    }
}
