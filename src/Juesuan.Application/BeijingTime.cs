using System.Globalization;

namespace Juesuan.Application;

/// <summary>
/// 北京时间: the time every user of the workbench lives by (UTC+8, no daylight saving), whatever zone the server runs in —
/// a server in a container keeps UTC, and a report received at 01:00 on the day after its deadline is late. Times are
/// stored in UTC and shown, dated and compared with deadlines in this time.
/// </summary>
public static class BeijingTime
{
    /// <summary>UTC+8.</summary>
    public static TimeSpan Offset { get; } = TimeSpan.FromHours(8);

    /// <summary>Today's date in Beijing by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The date <paramref name="at"/> falls on in Beijing.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary><paramref name="at"/> as users read it (「2026-12-02 15:04」), in Beijing time.</summary>
    public static string Shown(DateTimeOffset at, string format = "yyyy-MM-dd HH:mm") => at.ToOffset(Offset).ToString(format, CultureInfo.InvariantCulture);
}
