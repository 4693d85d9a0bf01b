namespace Juesuan.Domain.Numbers;

/// <summary>Rounding as the reports do it: half away from zero (四舍五入), never banker's rounding.</summary>
public static class Rounding
{
    /// <summary>Rounds <paramref name="value"/> to <paramref name="decimals"/> decimals, half away from zero.</summary>
    public static decimal HalfUp(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
