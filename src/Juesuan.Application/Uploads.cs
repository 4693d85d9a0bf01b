using Juesuan.Import;
using Juesuan.Formats;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>What handing a file to the workbench gave: the upload queued (or the same content seen before), or why it was refused.</summary>
/// <param name="Upload">The upload, when accepted.</param>
/// <param name="Duplicate">True when the same content was uploaded before: that upload is given and nothing is queued.</param>
/// <param name="Refusal">Why the file was refused, in Chinese.</param>
/// <param name="Name">The file's name (for a zip's entry, the entry's own name).</param>
public sealed record UploadOutcome(StoredUpload? Upload, bool Duplicate, string? Refusal = null, string Name = "");

/// <summary>
/// Uploads (上传): a file is checked (its ending, its size, its content against what the ending promises) and queued in
/// the store; <see cref="ProcessAsync"/> — run by a background job — claims it, reads it, stores the department-year
/// with its original, audits it and keeps the audit, moving it through queued → reading → auditing → done / failed. A
/// file that fails never affects another.
/// </summary>
public sealed class Uploads(Library library, Reports reports, Audits audits, Intake intake)
{
    /// <summary>
    /// Checks and queues a file — or, for a zip, each readable file in it — and gives one outcome per file; the jobs
    /// that process them are the host's to schedule. <paramref name="scope"/> is the organisation a preparer may upload
    /// for (null: any); a file of another organisation's report then fails when it is read, and is not stored.
    /// </summary>
    public async Task<IReadOnlyList<UploadOutcome>> EnqueueAsync(Stream content, string name, string? by, long? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        var file = Path.GetFileName(name);
        var zip = Path.GetExtension(file).Equals(".zip", StringComparison.OrdinalIgnoreCase);
        if (!zip && !Importer.CanRead(file))
        {
            return [new(null, false, $"{file}：不能导入这种文件；可导入 {string.Join("、", Reports.Extensions)}，或装有这些文件的 .zip。", file)];
        }

        var (bytes, error) = await InputFile.ReadBytesAsync(content, file, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return [new(null, false, error, file)];
        }

        if (zip)
        {
            return await EnqueueZipAsync(file, bytes, by, scope, cancellationToken).ConfigureAwait(false);
        }

        return [await EnqueueOneAsync(file, bytes, by, scope, cancellationToken).ConfigureAwait(false)];
    }

    /// <summary>The latest uploads, newest first — only <paramref name="by"/>'s when given (what a preparer may see).</summary>
    public async Task<IReadOnlyList<StoredUpload>> ListAsync(string? by, int limit = 50, CancellationToken cancellationToken = default) =>
        await (await library.StoreAsync(cancellationToken).ConfigureAwait(false)).UploadsAsync(limit, by, cancellationToken).ConfigureAwait(false);

    /// <summary>The uploads waiting for a reviewer to confirm their organisation, oldest first.</summary>
    public async Task<IReadOnlyList<StoredUpload>> PendingAsync(CancellationToken cancellationToken = default) =>
        await (await library.StoreAsync(cancellationToken).ConfigureAwait(false)).ConfirmingUploadsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A reviewer's choice of organisation for a waiting upload — and, with <paramref name="allSimilar"/>, for every
    /// waiting upload that printed the same name: each goes back to the queue to be filed under it (and the name is
    /// remembered as the organisation's alias when filed). Gives the uploads queued again, for the host to schedule.
    /// </summary>
    public async Task<IReadOnlyList<long>> ConfirmAsync(long id, long organisation, bool allSimilar, CancellationToken cancellationToken = default)
    {
        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await store.ConfirmingUploadsAsync(cancellationToken).ConfigureAwait(false);
        if (waiting.FirstOrDefault(u => u.Id == id) is not { } chosen
            || (await store.OrganisationsAsync(cancellationToken).ConfigureAwait(false)).All(o => o.Id != organisation || o.Level == "region"))
        {
            // Confirmed by someone else meanwhile, or no department or unit chosen: nothing is queued.
            return [];
        }

        var queued = new List<long>();
        foreach (var upload in allSimilar ? waiting.Where(u => u.PrintedName == chosen.PrintedName) : [chosen])
        {
            if (await store.ChooseOrganisationAsync(upload.Id, organisation, cancellationToken).ConfigureAwait(false))
            {
                queued.Add(upload.Id);
            }
        }

        return queued;
    }

    private async Task<UploadOutcome> EnqueueOneAsync(string file, byte[] bytes, string? by, long? scope, CancellationToken cancellationToken)
    {
        if ((Juesuan.Import.Importer.Empty(bytes, file) ?? Mismatch(file, bytes)) is { } mismatch)
        {
            return new(null, false, mismatch, file);
        }

        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        var (upload, duplicate) = await store.AddUploadAsync(file, bytes, by, scope, cancellationToken).ConfigureAwait(false);
        return new(upload, duplicate, Name: file);
    }

    /// <summary>
    /// The readable files of a zip, each queued as its own upload. The archive is bounded before anything is kept — its
    /// entries (<see cref="ImportLimits.ZipEntries"/>), what it unpacks to (<see cref="ImportLimits.UnpackedBytes"/>) and
    /// each entry's ratio (<see cref="ImportLimits.ZipRatio"/>), counted while unpacking, not taken from its directory —
    /// and nothing of it is written to disk: an entry's name is only its last part, shown, never a path.
    /// </summary>
    private async Task<IReadOnlyList<UploadOutcome>> EnqueueZipAsync(string file, byte[] bytes, string? by, long? scope, CancellationToken cancellationToken)
    {
        // Only the last part of an entry's name is kept, and only to be shown: never a path.
        static string Last(string fullName) => Path.GetFileName(fullName.Replace('\\', '/'));
        static bool Readable(string fullName) => Last(fullName) is { Length: > 0 } name && !fullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
            && !name.StartsWith('.') && Importer.CanRead(name);
        IReadOnlyList<(string Name, byte[] Content)> files;
        try
        {
            if (BoundedZip.Unpack(bytes, ImportLimits.Current, Readable, out var refusal) is not { } unpacked)
            {
                return [new(null, false, file + " " + refusal, file)];
            }

            files = unpacked.Select(e => (Last(e.Name), e.Content)).ToArray();
        }
        catch (InvalidDataException)
        {
            return [new(null, false, $"{file} 不是完好的 zip 文件，未导入。", file)];
        }

        if (files.Count == 0)
        {
            return [new(null, false, $"{file} 中没有可导入的文件（{string.Join("、", Reports.Extensions)}）。", file)];
        }

        var outcomes = new List<UploadOutcome>();
        foreach (var (entryName, content) in files)
        {
            outcomes.Add(await EnqueueOneAsync(entryName, content, by, scope, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>
    /// Processes a queued upload to its end as <paramref name="worker"/> (the name the upload records); null when it was
    /// not to be taken (another worker has it, or it is finished). <paramref name="recovering"/>: the job engine re-runs
    /// the job of a worker that died, so an upload left half-done is taken over. Whatever goes wrong is the upload's
    /// state and message, never an exception for the worker.
    /// </summary>
    public async Task<StoredUpload?> ProcessAsync(long id, string worker = "本进程", bool recovering = false, CancellationToken cancellationToken = default)
    {
        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        var upload = await store.UploadAsync(id, cancellationToken).ConfigureAwait(false);
        var claim = upload is null ? null : await store.ClaimUploadAsync(id, worker, recovering, cancellationToken).ConfigureAwait(false);
        if (upload is null || claim is null)
        {
            return null;
        }

        var content = claim.Content;

        try
        {
            var loaded = reports.Read(content, upload.FileName);
            if (!loaded.Success)
            {
                await store.SetUploadStateAsync(claim, UploadStates.Failed, loaded.Error, cancellationToken: cancellationToken).ConfigureAwait(false);
                return await store.UploadAsync(id, cancellationToken).ConfigureAwait(false);
            }

            if (!await store.SetUploadStateAsync(claim, UploadStates.Auditing, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                // Taken over by another worker while this one was reading (it was thought dead): that one saves it.
                return null;
            }

            // A preparer's upload becomes a department-year of their own organisation only — never a new revision of another's.
            // Otherwise the organisation its content names (or a reviewer chose); when that is not certain it waits.
            var filing = await intake.FileAsync(loaded, upload.By, upload.Scope, upload.Chosen, cancellationToken).ConfigureAwait(false);
            if (filing.Saved is not { } saved)
            {
                var why = string.Join("；", [filing.Match.Why, .. filing.Notes]);
                await store.SetUploadConfirmingAsync(claim, $"待确认归属：{why}", filing.Match.PrintedName, [.. filing.Match.Candidates.Select(c => c.Id)], cancellationToken).ConfigureAwait(false);
                return await store.UploadAsync(id, cancellationToken).ConfigureAwait(false);
            }

            var prior = await library.PriorOfAsync(saved.Key, saved.Year, cancellationToken).ConfigureAwait(false);
            var report = audits.Audit(loaded with { Source = upload.FileName }, prior);
            await library.SaveAuditAsync(saved, report, upload.By, cancellationToken).ConfigureAwait(false);
            var remarks = filing.Notes.ToList();
            if (loaded.Issues.Count > 0)
            {
                remarks.Insert(0, $"读取时有 {loaded.Issues.Count} 处提示");
            }

            var remark = remarks.Count == 0 ? null : string.Join("；", remarks);
            await store.SetUploadStateAsync(claim, UploadStates.Done, remark, saved.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (ChosenOrganisationGoneException e)
        {
            // The organisation chosen is gone: the upload waits for another choice, its bytes kept.
            await store.SetUploadConfirmingAsync(claim, "待确认归属：" + e.Message, upload.PrintedName ?? string.Empty, upload.Candidates ?? [], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            var why = e switch { OutOfScopeException => e.Message, StoreException => "存储错误：" + e.Message, _ => "处理时出错：" + e.Message };
            await store.SetUploadStateAsync(claim, UploadStates.Failed, why, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await store.UploadAsync(id, cancellationToken).ConfigureAwait(false);
    }

    // The content must be what the ending promises (by signature, never by name alone).
    private static string? Mismatch(string file, byte[] bytes)
    {
        static bool Starts(byte[] b, params byte[] prefix) => b.AsSpan().StartsWith(prefix);
        var ok = Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".pdf" => Starts(bytes, "%PDF"u8.ToArray()),
            ".xlsx" => Starts(bytes, (byte)'P', (byte)'K', 3, 4),
            ".json" => bytes.SkipWhile(b => b is 0xEF or 0xBB or 0xBF or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t').FirstOrDefault() == (byte)'{',
            _ => !bytes.Take(4096).Contains((byte)0) || Starts(bytes, 0xFF, 0xFE) || Starts(bytes, 0xFE, 0xFF),
        };
        return ok ? null : $"{file} 的内容与扩展名不符（不是 {Path.GetExtension(file).TrimStart('.').ToUpperInvariant()} 文件），未导入。";
    }
}
