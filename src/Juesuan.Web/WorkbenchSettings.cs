using Juesuan.Domain.Reference;
using Juesuan.Storage;

namespace Juesuan.Web;

/// <summary>
/// The workbench's settings from configuration: the store (as the CLI names it), reference data, the first
/// administrator's password, whether to load the example, how many uploads this process works on at once
/// (Juesuan:Workers, default one per core) and, on PostgreSQL, how often it tells the other processes it is alive
/// (Juesuan:ClusterCheckinSeconds, default 5; a process silent for three times that is taken for dead and its jobs re-run),
/// and whether the browser PDFs are printed with starts with the workbench (Juesuan:WarmBrowser, default true).
/// </summary>
public sealed record WorkbenchSettings(StoreOptions Store, ReferenceData Reference, string? AdminPassword, bool LoadExample)
{
    /// <summary>How many uploads this process works on at once.</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>How often a clustered process checks in (and so how soon a dead one's jobs are taken over).</summary>
    public TimeSpan ClusterCheckin { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True when the browser PDFs are printed with starts with the workbench, so that the first PDF asked for does not
    /// wait for it (about a second and a half here; issue 19); false starts it on the first PDF.
    /// </summary>
    public bool WarmBrowser { get; init; } = true;

    /// <summary>Reads the Juesuan section (and the command-line switches mapped onto it).</summary>
    public static WorkbenchSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Juesuan");
        var store = StoreOptions.Resolve(section["Store"], section["Db"], section["Connection"]);
        var reference = section["Reference"] is { Length: > 0 } folder ? ReferenceData.FromFolder(folder) : ReferenceData.Embedded;
        var settings = new WorkbenchSettings(store, reference, section["AdminPassword"], !string.Equals(section["LoadExample"], "false", StringComparison.OrdinalIgnoreCase));
        if (section["Workers"] is { Length: > 0 } workers)
        {
            settings = settings with { Workers = int.TryParse(workers, out var n) && n is > 0 and <= 256 ? n : throw new InvalidOperationException($"Juesuan:Workers 应为 1 到 256 之间的整数，而不是「{workers}」。") };
        }

        if (section["ClusterCheckinSeconds"] is { Length: > 0 } checkin)
        {
            settings = settings with { ClusterCheckin = double.TryParse(checkin, System.Globalization.CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 600 ? TimeSpan.FromSeconds(s) : throw new InvalidOperationException($"Juesuan:ClusterCheckinSeconds 应为 1 到 600 之间的秒数，而不是「{checkin}」。") };
        }

        if (section["WarmBrowser"] is { Length: > 0 } warm)
        {
            settings = settings with { WarmBrowser = bool.TryParse(warm, out var on) ? on : throw new InvalidOperationException($"Juesuan:WarmBrowser 应为 true 或 false，而不是「{warm}」。") };
        }

        return settings;
    }
}
