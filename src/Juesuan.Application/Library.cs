using Juesuan.Domain.Model;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>
/// The store as the use cases see it (保存、读取、列出、删除): opened once, on first need. A command that only reads
/// never creates a store; one that writes creates the default store, and an explicitly named SQLite file only when
/// <see cref="JuesuanOptions.CreateStore"/> says so.
/// </summary>
public sealed class Library(JuesuanOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DepartmentYearStore? _store;

    /// <summary>The store in words (「SQLite 数据库 …」), for messages.</summary>
    public string Describe() => options.Store.Describe();

    /// <summary>True when the store exists already.</summary>
    public bool Exists => _store is not null || DepartmentYearStore.Exists(options.Store);

    /// <summary>
    /// The store, opened (and created when <paramref name="writing"/>); null when it does not exist and only reading
    /// was asked. Throws <see cref="StoreException"/> for an explicit SQLite file that does not exist without
    /// <see cref="JuesuanOptions.CreateStore"/>, and for a store that cannot be used.
    /// </summary>
    public async Task<DepartmentYearStore?> OpenAsync(bool writing, CancellationToken cancellationToken = default)
    {
        if (_store is not null)
        {
            return _store;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_store is null && !DepartmentYearStore.Exists(options.Store))
            {
                if (options.Store.ExplicitPath && !options.CreateStore)
                {
                    throw new StoreException($"数据库文件 {options.Store.DatabasePath} 不存在；请检查 --db 是否写错，或加 --create 新建");
                }

                if (!writing)
                {
                    return null;
                }
            }

            return _store ??= await DepartmentYearStore.OpenAsync(options.Store, options.Reference, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Saves a department-year (a second import of the same department and year replaces it as a new revision).</summary>
    public async Task<StoredSummary> SaveAsync(DepartmentYear year, CancellationToken cancellationToken = default)
    {
        var store = await OpenAsync(writing: true, cancellationToken).ConfigureAwait(false);
        return await store!.SaveAsync(year, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves what an input gave as a new revision, with the original it was read from kept beside it (its hash, its
    /// reader, when and by whom).
    /// </summary>
    /// <remarks>With <paramref name="scope"/> (a preparer's organisation) it is saved only to that organisation (<see cref="OutOfScopeException"/> otherwise).</remarks>
    public async Task<StoredSummary> SaveAsync(Loaded loaded, string? by = null, long? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var store = await OpenAsync(writing: true, cancellationToken).ConfigureAwait(false);
        var original = loaded.Original is { } o ? o with { By = by ?? o.By } : null;
        return await store!.SaveAsync(loaded.Year ?? throw new ArgumentException("Nothing was read.", nameof(loaded)), original, scope, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The original the stored <paramref name="key"/> was read from, or null.</summary>
    public async Task<StoredOriginal?> OriginalAsync(string key, CancellationToken cancellationToken = default) =>
        await OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store ? await store.OriginalAsync(key, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>Keeps an audit of the revision <paramref name="saved"/> (as a save returned it) with its findings (the JSON report, schema 2).</summary>
    public async Task<StoredAuditRun> SaveAuditAsync(StoredSummary saved, Audit.AuditReport report, string? by = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var store = await OpenAsync(writing: true, cancellationToken).ConfigureAwait(false);
        return await store!.SaveAuditAsync(saved.Key, saved.Revision, report, Documents.AuditReports.AuditJson.Render(report), by, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The audits kept for <paramref name="key"/>, newest first.</summary>
    public async Task<IReadOnlyList<StoredAuditRun>> AuditRunsAsync(string key, CancellationToken cancellationToken = default) =>
        await OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store ? await store.AuditRunsAsync(key, cancellationToken).ConfigureAwait(false) : [];

    /// <summary>The organisations of the store (regions, departments, units) with their aliases.</summary>
    public async Task<IReadOnlyList<StoredOrganisation>> OrganisationsAsync(CancellationToken cancellationToken = default) =>
        await OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store ? await store.OrganisationsAsync(cancellationToken).ConfigureAwait(false) : [];

    /// <summary>The store, created when it does not exist yet (hosts that keep uploads in it always write).</summary>
    public async Task<DepartmentYearStore> StoreAsync(CancellationToken cancellationToken = default) =>
        (await OpenAsync(writing: true, cancellationToken).ConfigureAwait(false))!;

    /// <summary>The department-year stored under <paramref name="key"/> (「部门/年度」), or null.</summary>
    public async Task<DepartmentYear?> LoadAsync(string key, CancellationToken cancellationToken = default) =>
        await OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store ? await store.LoadAsync(key, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>
    /// The same organisation's report of the year before <paramref name="year"/> (stored under <paramref name="key"/>),
    /// for the cross-year rules; null when the store has none.
    /// </summary>
    public async Task<DepartmentYear?> PriorOfAsync(string key, int year, CancellationToken cancellationToken = default) =>
        await OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store
        && await store.KeyOfYearAsync(key, year - 1, cancellationToken).ConfigureAwait(false) is { } prior
            ? await store.LoadAsync(prior, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>The current revision of a key with its summary, read together; null when none is stored.</summary>
    public async Task<(DepartmentYear Year, StoredSummary Summary)?> LoadCurrentAsync(string key, CancellationToken cancellationToken = default) =>
        await OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store ? await store.LoadCurrentAsync(key, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>The summary of what is stored under <paramref name="key"/> (its revision, when saved), or null.</summary>
    public async Task<StoredSummary?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        await OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store ? await store.FindAsync(key, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>Everything stored, by key; empty when there is no store yet.</summary>
    public async Task<IReadOnlyList<StoredSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store ? await store.ListAsync(cancellationToken).ConfigureAwait(false) : [];

    /// <summary>Deletes what is stored under <paramref name="key"/>; false when nothing was.</summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        await OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store && await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
}
