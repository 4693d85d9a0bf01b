using System.Data;
using System.Data.Common;
using System.Globalization;
using Juesuan.Domain.Model;

namespace Juesuan.Storage;

/// <summary>
/// One organisation as a bureau's list gives it (组织机构): its name, level (region, department or unit), the name of
/// the organisation above it, its code and the other names it is printed under. <paramref name="Row"/> is the row of
/// the list it came from, for messages.
/// </summary>
public sealed record OrganisationEntry(int Row, string Name, string Level, string? Parent, string? Code, IReadOnlyList<string> Aliases);

/// <summary>What an import of organisations did: how many were new and how many were already known (and updated).</summary>
public sealed record OrganisationImport(int Added, int Updated);

/// <summary>
/// One stored document as the material ledger (材料台账) counts it: which organisation and year, which kind, when it
/// first arrived, and how far it has come (its current revision's latest audit, review decisions, sign-off).
/// </summary>
public sealed record StoredLedgerEntry(
    string Key, long? Organisation, string Name, int Year, DocumentKind Kind, int Revision, DateTimeOffset ReceivedAt, DateTimeOffset SavedAt,
    int? Errors, int? Warnings, bool Reviewed, bool SignedOff, int Evaluations = 0);

/// <summary>One error or warning of a stored document's current audit, for a district's summary.</summary>
public sealed record StoredDistrictFinding(string Key, long? Organisation, string Name, DocumentKind Kind, string Rule, string Severity, string Message);

public sealed partial class DepartmentYearStore
{
    // A stored finding `f` of the document `y` that a reviewer's standing decision (its latest revision's) judged 误报 or
    // marked 已整改: what counts a district's errors and warnings leaves it out, as the report page and the letter do.
    private const string Dismissed = $"""
        EXISTS (SELECT 1 FROM reviews v WHERE v.year_key = y.key AND v.fingerprint = f.fingerprint
            AND v.decision IN ('{ReviewDecisions.FalseAlarm}', '{ReviewDecisions.Corrected}')
            AND v.revision = (SELECT MAX(w.revision) FROM reviews w WHERE w.year_key = y.key AND w.fingerprint = f.fingerprint))
        """;

    /// <summary>
    /// The errors and warnings of the latest audit of every stored document's current revision for <paramref name="year"/>
    /// (in one query), for the district summary's families and most frequent defects; those its reviewers judged 误报 or
    /// marked 已整改 left out.
    /// </summary>
    public async Task<IReadOnlyList<StoredDistrictFinding>> DistrictFindingsAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"""
            SELECT y.key, y.organisation_id, y.department, y.kind, f.rule, f.severity, f.message
            FROM department_years y
            JOIN audit_runs a ON a.id = (SELECT MAX(l.id) FROM audit_runs l WHERE l.year_key = y.key AND l.revision = y.revision)
            JOIN findings f ON f.run_id = a.id
            WHERE y.year = @year AND f.severity IN ('error', 'warning') AND NOT {Dismissed}
            ORDER BY y.key, f.ordinal
            """);
        Add(command, "year", year);
        var result = new List<StoredDistrictFinding>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredDistrictFinding(reader.GetString(0), reader.IsDBNull(1) ? null : Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2),
                DocumentKinds.Parse(reader.GetString(3)) ?? DocumentKind.FinalAccounts, reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        }

        return result;
    }

    /// <summary>
    /// Registers a bureau's organisations in one transaction: each is found by its level, parent and name, or added;
    /// its code (when given) and aliases are kept, and it is marked registered. Parents are looked up by name among the
    /// organisations one level up — the ones given before it or already stored — and an entry whose parent is missing
    /// or ambiguous fails the whole import (<see cref="StoreException"/> naming its row): nothing is half-imported.
    /// </summary>
    public async Task<OrganisationImport> ImportOrganisationsAsync(IReadOnlyList<OrganisationEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        var added = 0;
        var updated = 0;
        var placed = new Dictionary<(string Level, string Name), long>();
        foreach (var entry in entries)
        {
            long? parent = null;
            if (entry.Parent is { } parentName)
            {
                var parentLevel = entry.Level switch { "unit" => "department", _ => "region" };
                parent = placed.TryGetValue((parentLevel, parentName), out var given)
                    ? given
                    : await ParentAsync(connection, transaction, entry, parentLevel, parentName, cancellationToken).ConfigureAwait(false);
            }

            // The organisation as listed, or one a report made before the list was registered (adopted and placed under
            // the listed parent), or a new one.
            var id = await OrganisationIdAsync(connection, transaction, parent, entry.Level, entry.Name, cancellationToken).ConfigureAwait(false);
            if (id is null && await UnregisteredAsync(connection, transaction, entry.Level, entry.Name, cancellationToken).ConfigureAwait(false) is { } adopted)
            {
                await using var move = Command(connection, transaction, "UPDATE organisations SET parent_id = @parent WHERE id = @id");
                Add(move, "parent", parent);
                Add(move, "id", adopted);
                await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                id = adopted;
            }

            var existed = id is not null;
            id ??= await EnsureOrganisationAsync(connection, transaction, parent, entry.Level, entry.Name, null, cancellationToken).ConfigureAwait(false);
            if (entry.Code is { } code)
            {
                await using var shared = Command(connection, transaction, "SELECT name FROM organisations WHERE code = @code AND id <> @id AND registered = 1");
                Add(shared, "code", code);
                Add(shared, "id", id);
                if (await shared.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string other)
                {
                    throw new StoreException($"第 {entry.Row} 行：代码 {code} 已是「{other}」的代码；未导入任何组织。");
                }
            }

            await using (var update = Command(connection, transaction, "UPDATE organisations SET registered = 1, code = COALESCE(@code, code) WHERE id = @id"))
            {
                Add(update, "code", entry.Code);
                Add(update, "id", id);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var alias in entry.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)))
            {
                await using var insert = Command(connection, transaction, "INSERT INTO organisation_aliases (organisation_id, alias) VALUES (@id, @alias) ON CONFLICT DO NOTHING");
                Add(insert, "id", id);
                Add(insert, "alias", alias.Trim());
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            placed[(entry.Level, entry.Name)] = id.Value;
            _ = existed ? updated++ : added++;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new OrganisationImport(added, updated);
    }

    /// <summary>Marks an organisation registered (a reviewer confirmed a report belongs to it).</summary>
    public async Task RegisterAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = Command(connection, null, "UPDATE organisations SET registered = 1 WHERE id = @id");
        Add(update, "id", id);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets (or, with null, clears) the date by which the documents of <paramref name="kind"/> for <paramref name="year"/> are due.</summary>
    public async Task SetDueDateAsync(int year, DocumentKind kind, DateOnly? due, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, due is null
            ? "DELETE FROM due_dates WHERE year = @year AND kind = @kind"
            : "INSERT INTO due_dates (year, kind, due_on) VALUES (@year, @kind, @due) ON CONFLICT (year, kind) DO UPDATE SET due_on = excluded.due_on");
        Add(command, "year", year);
        Add(command, "kind", DocumentKinds.Code(kind));
        if (due is { } date)
        {
            Add(command, "due", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every due date set, by year and kind.</summary>
    public async Task<IReadOnlyDictionary<(int Year, DocumentKind Kind), DateOnly>> DueDatesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT year, kind, due_on FROM due_dates");
        var result = new Dictionary<(int, DocumentKind), DateOnly>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (DocumentKinds.Parse(reader.GetString(1)) is { } kind)
            {
                result[(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), kind)] = DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return result;
    }

    /// <summary>
    /// Every stored document (of <paramref name="year"/> when given) as the ledger counts it, in one query: its current
    /// revision's latest audit (its errors and warnings less those its reviewers judged 误报 or marked 已整改), whether
    /// any finding of that revision has a review decision, and whether it is signed off.
    /// </summary>
    public async Task<IReadOnlyList<StoredLedgerEntry>> LedgerEntriesAsync(int? year = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"""
            SELECT y.key, y.organisation_id, y.department, y.year, y.kind, y.revision,
                (SELECT MIN(r.saved_at) FROM department_year_revisions r WHERE r.year_key = y.key), y.saved_at,
                a.errors - (SELECT COUNT(*) FROM findings f WHERE f.run_id = a.id AND f.severity = 'error' AND f.kind <> 'failed' AND {Dismissed}),
                a.warnings - (SELECT COUNT(*) FROM findings f WHERE f.run_id = a.id AND f.severity = 'warning' AND {Dismissed}),
                CASE WHEN EXISTS (SELECT 1 FROM reviews v WHERE v.year_key = y.key AND v.revision = y.revision) THEN 1 ELSE 0 END,
                CASE WHEN EXISTS (SELECT 1 FROM signoffs s WHERE s.year_key = y.key AND s.revision = y.revision) THEN 1 ELSE 0 END,
                y.evaluations
            FROM department_years y
            LEFT JOIN audit_runs a ON a.id = (SELECT MAX(l.id) FROM audit_runs l WHERE l.year_key = y.key AND l.revision = y.revision)
            {(year is null ? string.Empty : "WHERE y.year = @year")}
            ORDER BY y.year, y.key
            """);
        if (year is not null)
        {
            Add(command, "year", year);
        }

        var result = new List<StoredLedgerEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            int? Count(int i) => reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
            var saved = Timestamp(reader.GetValue(7));
            result.Add(new StoredLedgerEntry(
                reader.GetString(0), reader.IsDBNull(1) ? null : Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2),
                Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture), DocumentKinds.Parse(reader.GetString(4)) ?? DocumentKind.FinalAccounts,
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture), reader.IsDBNull(6) ? saved : Timestamp(reader.GetValue(6)), saved,
                Count(8), Count(9), Count(10) == 1, Count(11) == 1, Count(12) ?? 0));
        }

        return result;
    }

    // The parent named by an entry, among the stored organisations one level up: the registered one when a report made
    // another of the same name.
    private static async Task<long> ParentAsync(DbConnection connection, DbTransaction transaction, OrganisationEntry entry, string level, string name, CancellationToken cancellationToken)
    {
        await using var find = Command(connection, transaction, "SELECT id, registered FROM organisations WHERE level = @level AND name = @name ORDER BY id");
        Add(find, "level", level);
        Add(find, "name", name);
        var found = new List<(long Id, bool Registered)>();
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture) == 1));
            }
        }

        var registered = found.Where(f => f.Registered).ToList();
        return (found.Count, registered.Count) switch
        {
            (1, _) => found[0].Id,
            (0, _) => throw new StoreException($"第 {entry.Row} 行：上级「{name}」不存在（既不在本文件前面的行里，也不在已有组织中）；未导入任何组织。"),
            (_, 1) => registered[0].Id,
            _ => throw new StoreException($"第 {entry.Row} 行：上级「{name}」不止一个，无法确定；未导入任何组织。"),
        };
    }

    // The one organisation of a level and name only a report made (not registered), if there is exactly one.
    private static async Task<long?> UnregisteredAsync(DbConnection connection, DbTransaction transaction, string level, string name, CancellationToken cancellationToken)
    {
        await using var find = Command(connection, transaction, "SELECT id FROM organisations WHERE level = @level AND name = @name AND registered = 0 ORDER BY id LIMIT 2");
        Add(find, "level", level);
        Add(find, "name", name);
        var found = new List<long>();
        await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return found.Count == 1 ? found[0] : null;
    }

    private static async Task<long?> OrganisationIdAsync(DbConnection connection, DbTransaction transaction, long? parent, string level, string name, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, $"SELECT id FROM organisations WHERE {(parent is null ? "parent_id IS NULL" : "parent_id = @parent")} AND level = @level AND name = @name");
        if (parent is not null)
        {
            Add(select, "parent", parent);
        }

        Add(select, "level", level);
        Add(select, "name", name);
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
    }
}
