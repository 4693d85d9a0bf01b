using Juesuan.Formats;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>What handing a file to the workbench gave: the upload queued (or the same content seen before), or why it was refused.</summary>
/// <param name="Upload">The upload, when accepted.</param>
/// <param name="Duplicate">True when the same content was uploaded before: that upload is given and nothing is queued.</param>
/// <param name="Refusal">Why the file was refused, in Chinese.</param>
public sealed record UploadOutcome(StoredUpload? Upload, bool Duplicate, string? Refusal = null);

/// <summary>
/// Uploads (上传): a file is checked (its ending, its size, its content against what the ending promises) and queued in
/// the store; <see cref="ProcessAsync"/> — run by a background job — claims it, reads it, stores the department-year
/// with its original, audits it and keeps the audit, moving it through queued → reading → auditing → done / failed. A
/// file that fails never affects another.
/// </summary>
public sealed class Uploads(Library library, Reports reports, Audits audits)
{
    /// <summary>Checks and queues a file; the job that processes it is the host's to schedule.</summary>
    public async Task<UploadOutcome> EnqueueAsync(Stream content, string name, string? by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        var file = Path.GetFileName(name);
        if (!Reports.Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
        {
            return new(null, false, $"{file}：不能导入这种文件；可导入 {string.Join("、", Reports.Extensions)}。");
        }

        var (bytes, error) = await InputFile.ReadBytesAsync(content, file, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return new(null, false, error);
        }

        if (Mismatch(file, bytes) is { } mismatch)
        {
            return new(null, false, mismatch);
        }

        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        var (upload, duplicate) = await store.AddUploadAsync(file, bytes, by, cancellationToken).ConfigureAwait(false);
        return new(upload, duplicate);
    }

    /// <summary>
    /// Processes a queued upload to its end; null when it was not queued (another worker has it, or it is finished).
    /// Whatever goes wrong is the upload's state and message, never an exception for the worker.
    /// </summary>
    public async Task<StoredUpload?> ProcessAsync(long id, CancellationToken cancellationToken = default)
    {
        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        var upload = await store.UploadAsync(id, cancellationToken).ConfigureAwait(false);
        var content = upload is null ? null : await store.ClaimUploadAsync(id, cancellationToken).ConfigureAwait(false);
        if (upload is null || content is null)
        {
            return null;
        }

        try
        {
            var loaded = reports.Read(content, upload.FileName);
            if (!loaded.Success)
            {
                await store.SetUploadStateAsync(id, UploadStates.Failed, loaded.Error, cancellationToken: cancellationToken).ConfigureAwait(false);
                return await store.UploadAsync(id, cancellationToken).ConfigureAwait(false);
            }

            await store.SetUploadStateAsync(id, UploadStates.Auditing, cancellationToken: cancellationToken).ConfigureAwait(false);
            var saved = await library.SaveAsync(loaded, upload.By, cancellationToken).ConfigureAwait(false);
            var report = audits.Audit(loaded with { Source = upload.FileName });
            await library.SaveAuditAsync(saved.Key, report, upload.By, cancellationToken).ConfigureAwait(false);
            var remark = loaded.Issues.Count == 0 ? null : $"读取时有 {loaded.Issues.Count} 处提示";
            await store.SetUploadStateAsync(id, UploadStates.Done, remark, saved.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            await store.SetUploadStateAsync(id, UploadStates.Failed, e is StoreException ? "存储错误：" + e.Message : "处理时出错：" + e.Message, cancellationToken: cancellationToken).ConfigureAwait(false);
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
