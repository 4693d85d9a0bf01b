using System.Data.Common;
using System.Globalization;

namespace Juesuan.Storage;

/// <summary>The states an upload goes through (上传状态).</summary>
public static class UploadStates
{
    /// <summary>Waiting for a worker.</summary>
    public const string Queued = "queued";

    /// <summary>Being read.</summary>
    public const string Reading = "reading";

    /// <summary>Being audited.</summary>
    public const string Auditing = "auditing";

    /// <summary>Read, but its organisation is not certain from its content: waits for a reviewer's choice (待确认).</summary>
    public const string Confirming = "confirming";

    /// <summary>Read, stored and audited.</summary>
    public const string Done = "done";

    /// <summary>Could not be read or processed; the message says why.</summary>
    public const string Failed = "failed";

    /// <summary>A state as users read it.</summary>
    public static string Name(string state) => state switch
    {
        Queued => "排队中",
        Reading => "读取中",
        Auditing => "审核中",
        Confirming => "待确认",
        Done => "完成",
        Failed => "失败",
        _ => state,
    };
}

/// <summary>A file handed to the workbench and what became of it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="FileName">Its name as uploaded.</param>
/// <param name="Sha256">The hash of its content.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="State">queued, reading, auditing, done or failed (<see cref="UploadStates"/>).</param>
/// <param name="Message">Why it failed, or a remark.</param>
/// <param name="Key">The department-year it became, when done.</param>
/// <param name="By">Who uploaded it.</param>
/// <param name="UploadedAt">When (UTC).</param>
/// <param name="UpdatedAt">When its state last changed (UTC).</param>
/// <param name="Scope">The organisation it was made for (a preparer's), or null when it may become any department-year.</param>
/// <param name="Worker">The worker process that last took it (its job engine's instance id), or null before any did.</param>
/// <param name="Attempts">How many times a worker took it: 1 for an upload processed once; more when a worker died with it.</param>
/// <param name="PrintedName">The name its content printed, when its organisation waits for confirmation.</param>
/// <param name="Candidates">The organisations it may belong to (ids), when it waits for confirmation.</param>
/// <param name="Chosen">The organisation a reviewer chose for it, once confirmed.</param>
public sealed record StoredUpload(long Id, string FileName, string Sha256, long Size, string State, string? Message, string? Key, string? By, DateTimeOffset UploadedAt, DateTimeOffset UpdatedAt, long? Scope = null, string? Worker = null, int Attempts = 0,
    string? PrintedName = null, IReadOnlyList<long>? Candidates = null, long? Chosen = null)
{
    /// <summary>True when it will not change any more.</summary>
    public bool Finished => State is UploadStates.Done or UploadStates.Failed;

    /// <summary>True when nothing more happens to it without a person: finished, or waiting for a reviewer's confirmation.</summary>
    public bool Settled => Finished || State == UploadStates.Confirming;
}

/// <summary>An upload taken by a worker: its content, and which take it is (the worker and its attempt number).</summary>
public sealed record UploadClaim(long Id, string Worker, int Attempt, byte[] Content);

/// <summary>Uploads: the queue background jobs work from (issue 15).</summary>
public sealed partial class DepartmentYearStore
{
    private const string UploadColumns = "id, file_name, sha256, size, state, message, year_key, uploaded_by, uploaded_at, updated_at, organisation_id, worker, attempts, printed_name, candidates, chosen_organisation_id";

    /// <summary>
    /// Queues a file made for <paramref name="scope"/> (a preparer's organisation; null for any); when the same content
    /// was uploaded before for the same scope and has not failed, that upload is returned instead (<c>Duplicate</c>
    /// true) and nothing is queued — a preparer never learns of another organisation's uploads this way. An upload whose
    /// department-year has since been deleted is no longer a reason to refuse the same content.
    /// </summary>
    public async Task<(StoredUpload Upload, bool Duplicate)> AddUploadAsync(string fileName, byte[] content, string? by, long? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var hash = ContentHash(content);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var earlier = Command(connection, null,
            $"SELECT {UploadColumns} FROM uploads WHERE sha256 = @hash AND state <> 'failed' AND {(scope is null ? "organisation_id IS NULL" : "organisation_id = @scope")} " +
            "AND (year_key IS NULL OR year_key IN (SELECT key FROM department_years)) ORDER BY id LIMIT 1"))
        {
            Add(earlier, "hash", hash);
            if (scope is not null)
            {
                Add(earlier, "scope", scope);
            }

            if ((await ReadUploadsAsync(earlier, cancellationToken).ConfigureAwait(false)).FirstOrDefault() is { } seen)
            {
                return (seen, true);
            }
        }

        var now = DateTimeOffset.UtcNow;
        await using var insert = Command(connection, null, $"""
            INSERT INTO uploads (file_name, sha256, size, content, state, uploaded_by, uploaded_at, updated_at, organisation_id)
            VALUES (@name, @hash, @size, @content, 'queued', @by, @at, @at, @scope) RETURNING {UploadColumns}
            """);
        Add(insert, "scope", scope);
        Add(insert, "name", fileName);
        Add(insert, "hash", hash);
        Add(insert, "size", content.LongLength);
        Add(insert, "content", content);
        Add(insert, "by", by);
        AddTimestamp(insert, "at", now);
        return ((await ReadUploadsAsync(insert, cancellationToken).ConfigureAwait(false)).Single(), false);
    }

    /// <summary>One upload, or null.</summary>
    public async Task<StoredUpload?> UploadAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {UploadColumns} FROM uploads WHERE id = @id");
        Add(command, "id", id);
        return (await ReadUploadsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>The latest uploads, newest first — only <paramref name="by"/>'s when given.</summary>
    public async Task<IReadOnlyList<StoredUpload>> UploadsAsync(int limit = 100, string? by = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {UploadColumns} FROM uploads {(by is null ? string.Empty : "WHERE uploaded_by = @by")} ORDER BY id DESC LIMIT @limit");
        if (by is not null)
        {
            Add(command, "by", by);
        }

        Add(command, "limit", limit);
        return await ReadUploadsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After a restart of the only worker (the embedded store's in-process job engine): uploads left reading or auditing
    /// go back to the queue. Never call it where several workers share the store — another may be working on them.
    /// </summary>
    public async Task RequeueInterruptedUploadsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var reset = Command(connection, null, "UPDATE uploads SET state = 'queued', updated_at = @at WHERE state IN ('reading', 'auditing') AND content IS NOT NULL");
        AddTimestamp(reset, "at", DateTimeOffset.UtcNow);
        await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The uploads waiting in the queue, oldest first (to be scheduled again when their jobs were lost).</summary>
    public async Task<IReadOnlyList<StoredUpload>> QueuedUploadsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {UploadColumns} FROM uploads WHERE state = 'queued' ORDER BY id");
        return await ReadUploadsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes an upload for processing by <paramref name="worker"/> and gives its content; null when it is not to be
    /// taken — another worker took it first, or it is finished — so each upload is processed once however many workers
    /// share the store. A queued upload is taken by one statement that only one worker can win. When
    /// <paramref name="recovering"/> (the job engine re-runs a job whose worker died while running it), an upload left
    /// reading or auditing is taken too: its worker is gone.
    /// </summary>
    public async Task<UploadClaim?> ClaimUploadAsync(long id, string worker, bool recovering = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(worker);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var states = recovering ? "state IN ('queued', 'reading', 'auditing')" : "state = 'queued'";
        await using var claim = Command(connection, null,
            $"UPDATE uploads SET state = 'reading', worker = @worker, attempts = attempts + 1, updated_at = @at WHERE id = @id AND {states} AND content IS NOT NULL RETURNING attempts, content");
        AddTimestamp(claim, "at", DateTimeOffset.UtcNow);
        Add(claim, "worker", worker);
        Add(claim, "id", id);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new UploadClaim(id, worker, Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), (byte[])reader.GetValue(1))
            : null;
    }

    /// <summary>
    /// Records the new state of an upload <paramref name="claim"/> holds; false, and nothing written, when the upload has
    /// been taken over since (the job engine took its worker for dead and another worker claimed it): the late worker
    /// then stops without saving anything. Only a claim moves an upload on (when finished, its bytes are let go: the
    /// original is kept with the department-year).
    /// </summary>
    public async Task<bool> SetUploadStateAsync(UploadClaim claim, string state, string? message = null, string? key = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var finished = state is UploadStates.Done or UploadStates.Failed;
        await using var update = Command(connection, null,
            $"UPDATE uploads SET state = @state, message = @message, year_key = COALESCE(@key, year_key), updated_at = @at{(finished ? ", content = NULL" : string.Empty)} WHERE id = @id AND worker = @worker AND attempts = @attempt");
        Add(update, "state", state);
        Add(update, "message", message);
        Add(update, "key", key);
        AddTimestamp(update, "at", DateTimeOffset.UtcNow);
        Add(update, "id", claim.Id);
        Add(update, "worker", claim.Worker);
        Add(update, "attempt", claim.Attempt);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Sets a claimed upload aside for a reviewer: its content printed <paramref name="printedName"/>, which names none
    /// of the registered organisations for certain; <paramref name="candidates"/> are those it may be. Its bytes are
    /// kept until it is confirmed. False when the claim was taken over (as <see cref="SetUploadStateAsync"/>).
    /// </summary>
    public async Task<bool> SetUploadConfirmingAsync(UploadClaim claim, string message, string printedName, IReadOnlyList<long> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(candidates);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = Command(connection, null,
            "UPDATE uploads SET state = 'confirming', message = @message, printed_name = @printed, candidates = @candidates, chosen_organisation_id = NULL, updated_at = @at " +
            "WHERE id = @id AND worker = @worker AND attempts = @attempt");
        Add(update, "message", message);
        Add(update, "printed", printedName);
        Add(update, "candidates", string.Join(",", candidates.Select(c => c.ToString(CultureInfo.InvariantCulture))));
        AddTimestamp(update, "at", DateTimeOffset.UtcNow);
        Add(update, "id", claim.Id);
        Add(update, "worker", claim.Worker);
        Add(update, "attempt", claim.Attempt);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The uploads waiting for a reviewer to confirm their organisation, oldest first.</summary>
    public async Task<IReadOnlyList<StoredUpload>> ConfirmingUploadsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {UploadColumns} FROM uploads WHERE state = 'confirming' ORDER BY id");
        return await ReadUploadsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A reviewer's choice for an upload waiting for confirmation: it goes back to the queue to be filed under
    /// <paramref name="organisation"/>. False when it was not waiting (confirmed by someone else meanwhile).
    /// </summary>
    public async Task<bool> ChooseOrganisationAsync(long id, long organisation, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = Command(connection, null,
            "UPDATE uploads SET state = 'queued', chosen_organisation_id = @organisation, message = NULL, updated_at = @at WHERE id = @id AND state = 'confirming' AND content IS NOT NULL");
        Add(update, "organisation", organisation);
        AddTimestamp(update, "at", DateTimeOffset.UtcNow);
        Add(update, "id", id);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<IReadOnlyList<StoredUpload>> ReadUploadsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredUpload>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            result.Add(new StoredUpload(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture),
                reader.GetString(4), Text(5), Text(6), Text(7), Timestamp(reader.GetValue(8)), Timestamp(reader.GetValue(9)),
                Id(10), Text(11), Convert.ToInt32(reader.GetValue(12), CultureInfo.InvariantCulture),
                Text(13), Text(14) is { } ids ? [.. ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => long.Parse(i, CultureInfo.InvariantCulture))] : null, Id(15)));
            long? Id(int i) => reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        }

        return result;
    }
}
