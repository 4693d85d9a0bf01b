namespace Juesuan.Domain.Numbers;

/// <summary>The outcome of comparing a printed figure with what it should equal.</summary>
public enum ConsistencyKind
{
    /// <summary>The printed figure equals the computed value exactly (一致).</summary>
    Consistent,

    /// <summary>They differ, but rounding explains the difference: the intervals intersect (尾差).</summary>
    ConsistentByRounding,

    /// <summary>No rounding explains the difference (不一致).</summary>
    Inconsistent,
}

/// <summary>
/// The verdict of one relation checked on intervals (XBRL Calculations 1.1 style):
/// the stated figure, the computed estimate, their point difference and the smallest possible discrepancy.
/// </summary>
/// <param name="Kind">Consistent, consistent only through rounding, or inconsistent.</param>
/// <param name="Stated">The interval of the stated figure.</param>
/// <param name="Computed">The computed estimate (point value and propagated interval).</param>
/// <param name="Difference">Stated point value − computed point value.</param>
/// <param name="Gap">The gap between the intervals: 0 unless inconsistent; the smallest discrepancy rounding cannot explain.</param>
public readonly record struct Consistency(ConsistencyKind Kind, Interval Stated, Estimate Computed, decimal Difference, decimal Gap)
{
    /// <summary>True unless <see cref="ConsistencyKind.Inconsistent"/>.</summary>
    public bool Holds => Kind != ConsistencyKind.Inconsistent;

    /// <summary>Compares a printed figure with a computed estimate.</summary>
    public static Consistency Check(Printed stated, Estimate computed) => Check(stated.ToEstimate(), computed);

    /// <summary>
    /// Compares two estimates that should be equal (a stated one and a computed one, or the same concept stated twice).
    /// Equal points are consistent; intersecting intervals are consistent by rounding; otherwise inconsistent with the gap.
    /// </summary>
    public static Consistency Check(Estimate stated, Estimate computed)
    {
        var difference = stated.Value - computed.Value;
        if (difference == 0m)
        {
            return new Consistency(ConsistencyKind.Consistent, stated.Range, computed, 0m, 0m);
        }

        var gap = stated.Range.GapTo(computed.Range);
        var kind = gap == 0m ? ConsistencyKind.ConsistentByRounding : ConsistencyKind.Inconsistent;
        return new Consistency(kind, stated.Range, computed, difference, gap);
    }
}
