using Juesuan.Domain.Reference;
using Juesuan.Storage;

namespace Juesuan.Web;

/// <summary>The workbench's settings from configuration: the store (as the CLI names it), reference data, the first administrator's password.</summary>
public sealed record WorkbenchSettings(StoreOptions Store, ReferenceData Reference, string? AdminPassword, bool LoadExample)
{
    /// <summary>Reads the Juesuan section (and the command-line switches mapped onto it).</summary>
    public static WorkbenchSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Juesuan");
        var store = StoreOptions.Resolve(section["Store"], section["Db"], section["Connection"]);
        var reference = section["Reference"] is { Length: > 0 } folder ? ReferenceData.FromFolder(folder) : ReferenceData.Embedded;
        return new WorkbenchSettings(store, reference, section["AdminPassword"], !string.Equals(section["LoadExample"], "false", StringComparison.OrdinalIgnoreCase));
    }
}
