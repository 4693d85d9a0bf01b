using System.Data.Common;
using System.Globalization;

namespace Juesuan.Storage;

/// <summary>Who reviews a document: the reviewer assigned, by whom and when.</summary>
public sealed record StoredAssignment(string Key, string Reviewer, string? By, DateTimeOffset At);

/// <summary>One comment of a finding's thread: the reviewer's remark or the preparer's answer (意见与答复).</summary>
public sealed record StoredComment(long Id, string Key, string Fingerprint, int Revision, string Author, string Role, string Text, DateTimeOffset At);

/// <summary>A re-audit of the whole store: when, by whom, how many documents, how many whose findings changed, and the note of what changed.</summary>
public sealed record StoredReaudit(long Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? By, int Documents, int Changed, string? Note);

/// <summary>A finding as a stored audit keeps it (for comparing one audit with the next).</summary>
public sealed record StoredFindingRow(string Rule, string Severity, string Location, string Message);

public sealed partial class DepartmentYearStore
{
    /// <summary>Assigns <paramref name="keys"/> to <paramref name="reviewer"/> (null: no one); unknown keys are left out. Gives how many were assigned.</summary>
    public async Task<int> AssignAsync(IReadOnlyList<string> keys, string? reviewer, string? by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var done = 0;
        foreach (var key in keys.Distinct())
        {
            await using var command = Command(connection, transaction, reviewer is null
                ? "DELETE FROM assignments WHERE year_key = @key"
                : """
                  INSERT INTO assignments (year_key, reviewer, assigned_by, assigned_at) SELECT key, @reviewer, @by, @at FROM department_years WHERE key = @key
                  ON CONFLICT (year_key) DO UPDATE SET reviewer = excluded.reviewer, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
                  """);
            Add(command, "key", key);
            if (reviewer is not null)
            {
                Add(command, "reviewer", reviewer);
                Add(command, "by", by);
                AddTimestamp(command, "at", DateTimeOffset.UtcNow);
            }

            done += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return done;
    }

    /// <summary>Every assignment, by key.</summary>
    public async Task<IReadOnlyDictionary<string, StoredAssignment>> AssignmentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT year_key, reviewer, assigned_by, assigned_at FROM assignments");
        var result = new Dictionary<string, StoredAssignment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = new StoredAssignment(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), Timestamp(reader.GetValue(3)));
        }

        return result;
    }

    /// <summary>Adds a comment to a finding's thread; null when the key is not stored.</summary>
    public async Task<StoredComment?> AddCommentAsync(string key, string fingerprint, int revision, string author, string role, string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var at = DateTimeOffset.UtcNow;
        await using var command = Command(connection, null, """
            INSERT INTO finding_comments (year_key, fingerprint, revision, author, role, text, written_at)
            SELECT key, @fingerprint, @revision, @author, @role, @text, @at FROM department_years WHERE key = @key RETURNING id
            """);
        Add(command, "key", key);
        Add(command, "fingerprint", fingerprint);
        Add(command, "revision", revision);
        Add(command, "author", author);
        Add(command, "role", role);
        Add(command, "text", text.Trim());
        AddTimestamp(command, "at", at);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } id and not DBNull
            ? new StoredComment(Convert.ToInt64(id, CultureInfo.InvariantCulture), key, fingerprint, revision, author, role, text.Trim(), at)
            : null;
    }

    /// <summary>The comments on <paramref name="key"/>'s findings, oldest first.</summary>
    public async Task<IReadOnlyList<StoredComment>> CommentsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT id, year_key, fingerprint, revision, author, role, text, written_at FROM finding_comments WHERE year_key = @key ORDER BY id");
        Add(command, "key", key);
        return await ReadCommentsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last comment of each document that has any (whose turn it is: a reviewer's remark waits for the preparer).</summary>
    public async Task<IReadOnlyDictionary<string, StoredComment>> LastCommentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT c.id, c.year_key, c.fingerprint, c.revision, c.author, c.role, c.text, c.written_at FROM finding_comments c
            WHERE c.id = (SELECT MAX(l.id) FROM finding_comments l WHERE l.year_key = c.year_key)
            """);
        return (await ReadCommentsAsync(command, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Key);
    }

    /// <summary>The errors and warnings of the latest audit kept for <paramref name="key"/>'s <paramref name="revision"/>; null when none was kept.</summary>
    public async Task<IReadOnlyList<StoredFindingRow>?> LatestFindingsAsync(string key, int revision, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        long run;
        await using (var latest = Command(connection, null, "SELECT MAX(id) FROM audit_runs WHERE year_key = @key AND revision = @revision"))
        {
            Add(latest, "key", key);
            Add(latest, "revision", revision);
            if (await latest.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not { } id || id is DBNull)
            {
                return null;
            }

            run = Convert.ToInt64(id, CultureInfo.InvariantCulture);
        }

        await using var command = Command(connection, null, "SELECT rule, severity, location, message FROM findings WHERE run_id = @run AND severity IN ('error', 'warning') ORDER BY ordinal");
        Add(command, "run", run);
        var result = new List<StoredFindingRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredFindingRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return result;
    }

    /// <summary>Records that a re-audit of the whole store began; its id.</summary>
    public async Task<long> StartReauditAsync(string? by, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "INSERT INTO reaudits (started_at, started_by) VALUES (@at, @by) RETURNING id");
        AddTimestamp(command, "at", DateTimeOffset.UtcNow);
        Add(command, "by", by);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Records how far a re-audit has come, and its note; <paramref name="finished"/> when it is done.</summary>
    public async Task UpdateReauditAsync(long id, int documents, int changed, string? note, bool finished, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"UPDATE reaudits SET documents = @documents, changed = @changed, note = @note{(finished ? ", finished_at = @at" : string.Empty)} WHERE id = @id");
        Add(command, "documents", documents);
        Add(command, "changed", changed);
        Add(command, "note", note);
        if (finished)
        {
            AddTimestamp(command, "at", DateTimeOffset.UtcNow);
        }

        Add(command, "id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest re-audits, newest first.</summary>
    public async Task<IReadOnlyList<StoredReaudit>> ReauditsAsync(int limit = 10, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT id, started_at, finished_at, started_by, documents, changed, note FROM reaudits ORDER BY id DESC LIMIT @limit");
        Add(command, "limit", limit);
        var result = new List<StoredReaudit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredReaudit(reader.GetInt64(0), Timestamp(reader.GetValue(1)), reader.IsDBNull(2) ? null : Timestamp(reader.GetValue(2)), reader.IsDBNull(3) ? null : reader.GetString(3),
                Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return result;
    }

    private static async Task<IReadOnlyList<StoredComment>> ReadCommentsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredComment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredComment(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), Timestamp(reader.GetValue(7))));
        }

        return result;
    }
}
