using Juesuan.Domain.Reference;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>How a host configures the use cases: which store, which reference data.</summary>
public sealed class JuesuanOptions
{
    private StoreOptions? _store;

    /// <summary>
    /// The store (default: the embedded SQLite file in the user's data folder, or JUESUAN_STORE/JUESUAN_DB). Resolved
    /// on first use, by <see cref="StoreResolver"/> unless set: a command that never touches the store never fails on
    /// its settings.
    /// </summary>
    public StoreOptions Store
    {
        get => _store ??= StoreResolver();
        set => _store = value;
    }

    /// <summary>How the store's options are found when <see cref="Store"/> was not set (the environment's, by default).</summary>
    public Func<StoreOptions> StoreResolver { get; set; } = () => StoreOptions.Resolve();

    /// <summary>
    /// True when a SQLite file named explicitly may be created; otherwise a missing explicit file is an error (a typo
    /// would make a new empty store). The default store is always created on first write.
    /// </summary>
    public bool CreateStore { get; set; }

    /// <summary>The clock: the date a rendered disclosure's 落款 carries is today's by it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The reference data (scoring rules today) that audit and score both use.</summary>
    public ReferenceData Reference { get; set; } = ReferenceData.Embedded;
}
