using System.Globalization;

namespace Juesuan.Storage;

/// <summary>A reviewer's decisions on a finding (审核意见).</summary>
public static class ReviewDecisions
{
    /// <summary>确认问题: the finding is a defect of the report.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>误报: the finding is wrong (a misreading, a legitimate difference).</summary>
    public const string FalseAlarm = "false-alarm";

    /// <summary>已整改: the defect was corrected.</summary>
    public const string Corrected = "corrected";

    /// <summary>Every decision.</summary>
    public static IReadOnlyList<string> All { get; } = [Confirmed, FalseAlarm, Corrected];

    /// <summary>The decision as users read it.</summary>
    public static string Name(string decision) => decision switch
    {
        Confirmed => "确认问题",
        FalseAlarm => "误报",
        Corrected => "已整改",
        _ => decision,
    };
}

/// <summary>A decision on a finding, made on a revision of a department-year.</summary>
/// <param name="Key">The department-year.</param>
/// <param name="Revision">The revision it was made on.</param>
/// <param name="Fingerprint">The finding's identity across revisions (rule, place, printed value).</param>
/// <param name="Decision">confirmed, false-alarm or corrected (<see cref="ReviewDecisions"/>).</param>
/// <param name="Comment">The reviewer's comment.</param>
/// <param name="By">Who decided.</param>
/// <param name="At">When (UTC).</param>
public sealed record StoredReview(string Key, int Revision, string Fingerprint, string Decision, string? Comment, string? By, DateTimeOffset At);

/// <summary>A sign-off (审核通过) of a revision.</summary>
/// <param name="Key">The department-year.</param>
/// <param name="Revision">The revision signed off.</param>
/// <param name="By">Who signed.</param>
/// <param name="At">When (UTC).</param>
public sealed record StoredSignOff(string Key, int Revision, string By, DateTimeOffset At);

/// <summary>Reviews and sign-offs.</summary>
public sealed partial class DepartmentYearStore
{
    /// <summary>
    /// Records (or replaces) a decision on a finding of revision <paramref name="revision"/> of <paramref name="key"/>;
    /// null when that is no longer the current revision (a newer one arrived while the reviewer was reading).
    /// </summary>
    public async Task<StoredReview?> SaveReviewAsync(string key, int revision, string fingerprint, string decision, string? comment, string? by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (!ReviewDecisions.All.Contains(decision))
        {
            throw new ArgumentException($"Unknown decision '{decision}'.", nameof(decision));
        }

        var at = DateTimeOffset.UtcNow;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var upsert = Command(connection, null, """
            INSERT INTO reviews (year_key, revision, fingerprint, decision, comment, decided_by, decided_at)
            SELECT key, revision, @fingerprint, @decision, @comment, @by, @at FROM department_years WHERE key = @key AND revision = @revision
            ON CONFLICT (year_key, revision, fingerprint) DO UPDATE SET decision = excluded.decision, comment = excluded.comment,
                decided_by = excluded.decided_by, decided_at = excluded.decided_at
            RETURNING revision
            """);
        Add(upsert, "fingerprint", fingerprint);
        Add(upsert, "decision", decision);
        Add(upsert, "comment", string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        Add(upsert, "by", by);
        AddTimestamp(upsert, "at", at);
        Add(upsert, "key", key);
        Add(upsert, "revision", revision);
        return await upsert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null ? null : new StoredReview(key, revision, fingerprint, decision, comment, by, at);
    }

    /// <summary>
    /// The decisions that stand for <paramref name="key"/>, by fingerprint: for each finding the latest decision made on
    /// any revision (a decision carries over to a finding that persists).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StoredReview>> ReviewsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT revision, fingerprint, decision, comment, decided_by, decided_at FROM reviews WHERE year_key = @key ORDER BY revision, decided_at
            """);
        Add(command, "key", key);
        var result = new Dictionary<string, StoredReview>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var review = new StoredReview(key, reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Timestamp(reader.GetValue(5)));
            result[review.Fingerprint] = review;
        }

        return result;
    }

    /// <summary>
    /// Signs off revision <paramref name="revision"/> of <paramref name="key"/> (审核通过; signing again records the new signer
    /// and time); null when that is no longer the current revision.
    /// </summary>
    public async Task<StoredSignOff?> SignOffAsync(string key, int revision, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var at = DateTimeOffset.UtcNow;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var upsert = Command(connection, null, """
            INSERT INTO signoffs (year_key, revision, signed_by, signed_at) SELECT key, revision, @by, @at FROM department_years WHERE key = @key AND revision = @revision
            ON CONFLICT (year_key, revision) DO UPDATE SET signed_by = excluded.signed_by, signed_at = excluded.signed_at
            RETURNING revision
            """);
        Add(upsert, "by", by);
        AddTimestamp(upsert, "at", at);
        Add(upsert, "key", key);
        Add(upsert, "revision", revision);
        return await upsert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null ? null : new StoredSignOff(key, revision, by, at);
    }

    /// <summary>The sign-offs of <paramref name="key"/>, latest revision first.</summary>
    public async Task<IReadOnlyList<StoredSignOff>> SignOffsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT revision, signed_by, signed_at FROM signoffs WHERE year_key = @key ORDER BY revision DESC");
        Add(command, "key", key);
        var result = new List<StoredSignOff>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredSignOff(key, reader.GetInt32(0), reader.GetString(1), Timestamp(reader.GetValue(2))));
        }

        return result;
    }
}
