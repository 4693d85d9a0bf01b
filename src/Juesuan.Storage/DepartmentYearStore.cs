using System.Data;
using System.Data.Common;
using System.Globalization;
using Juesuan.Audit;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Reference;
using Juesuan.Formats.Json;

namespace Juesuan.Storage;

/// <summary>A stored department-year as listed: its key and summary, without the document.</summary>
/// <param name="Key">「名称/年度」.</param>
/// <param name="Department">Department name.</param>
/// <param name="Year">Year.</param>
/// <param name="Province">Province, when known.</param>
/// <param name="TemplateId">Template id.</param>
/// <param name="Units">Number of units.</param>
/// <param name="Tables">Number of department tables.</param>
/// <param name="Revision">How many times it was saved (1 on first save).</param>
/// <param name="SavedAt">When it was last saved (UTC).</param>
public sealed record StoredSummary(string Key, string Department, int Year, string? Province, string TemplateId, int Units, int Tables, int Revision, DateTimeOffset SavedAt);

/// <summary>The original a department-year was read from, kept with it (上传的原件).</summary>
/// <param name="FileName">The file's name as uploaded.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="By">Who imported it, when known.</param>
public sealed record StoredOriginal(string FileName, byte[] Content, string? By = null)
{
    /// <summary>The reader its ending names: pdf, text, excel or json.</summary>
    public string Reader => Path.GetExtension(FileName).ToLowerInvariant() switch
    {
        ".pdf" => "pdf",
        ".txt" => "text",
        ".xlsx" => "excel",
        ".json" => "json",
        var other => other.TrimStart('.'),
    };
}

/// <summary>An organisation of the store: a region, a department or a unit (单位), with its code and the names it is also printed under.</summary>
/// <param name="Id">Its id in the store.</param>
/// <param name="ParentId">The organisation it belongs to (a department's region, a unit's department).</param>
/// <param name="Level">region, department or unit.</param>
/// <param name="Name">Its name.</param>
/// <param name="Code">Its code, when known.</param>
/// <param name="Aliases">Other names it is printed under.</param>
/// <param name="Registered">True when the bureau registered it (imported from its list or confirmed by a reviewer), not only met it in a report.</param>
public sealed record StoredOrganisation(long Id, long? ParentId, string Level, string Name, string? Code, IReadOnlyList<string> Aliases, bool Registered = false);

/// <summary>One saved audit of a stored department-year.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Key">The department-year.</param>
/// <param name="Revision">The revision audited.</param>
/// <param name="RunAt">When (UTC).</param>
/// <param name="Errors">Errors found.</param>
/// <param name="Warnings">Warnings found.</param>
/// <param name="Passed">True when it passed.</param>
public sealed record StoredAuditRun(long Id, string Key, int Revision, DateTimeOffset RunAt, int Errors, int Warnings, bool Passed);

/// <summary>
/// 存储: department-years in SQLite or PostgreSQL, schema 2 (issue 14), brought up to date by <see cref="Migrations.Migrator"/>.
/// Each department-year is stored whole as its JSON document (the format of <see cref="DepartmentYearJson"/>, so nothing
/// is lost), belongs to an organisation (region → department → unit), keeps every saved revision and the original it
/// was read from, and is stored as facts — one row per stated cell with its printed value and precision, its code also
/// as the canonical code of the catalogue's crosswalk so a series survives a renamed code — for comparisons across
/// departments and years. Audit runs are kept with their findings. Saving the same department and year again makes a
/// new revision in one transaction.
/// </summary>
public sealed partial class DepartmentYearStore
{
    /// <summary>The version of the database schema this build creates and migrates to.</summary>
    public const int SchemaVersion = 10;

    private const int FigureBatch = 100;
    private readonly Dialect _dialect;
    private bool _schemaReady;

    private DepartmentYearStore(StoreOptions options, ReferenceData reference)
    {
        Options = options;
        Reference = reference;
        _dialect = Dialect.For(options);
    }

    /// <summary>The reference data documents are read back with (their templates) and codes mapped by (the catalogues' crosswalk).</summary>
    public ReferenceData Reference { get; }

    /// <summary>Where the store lives.</summary>
    public StoreOptions Options { get; }

    /// <summary>Opens (and on first use creates) the store, with the embedded reference data.</summary>
    public static Task<DepartmentYearStore> OpenAsync(StoreOptions options, CancellationToken cancellationToken = default) =>
        OpenAsync(options, null, cancellationToken);

    /// <summary>Opens (and on first use creates, or migrates) the store with the <paramref name="reference"/> data of the run.</summary>
    public static async Task<DepartmentYearStore> OpenAsync(StoreOptions options, ReferenceData? reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = new DepartmentYearStore(options, reference ?? ReferenceData.Embedded);
        try
        {
            await store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            throw new StoreException($"无法使用存储（{options.Describe()}）：{Explain(e)}", e);
        }

        return store;
    }

    /// <summary>True when the store exists already (a SQLite file on disk; a PostgreSQL server is assumed to).</summary>
    public static bool Exists(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider != StoreProvider.Sqlite || File.Exists(options.DatabasePath);
    }

    // A database's complaint in words a user can act on; the driver's own text is left out.
    /// <summary>The SHA-256 of stored bytes, as lowercase hex: how an original and an upload are recognised again.</summary>
    internal static string ContentHash(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    private static string Explain(DbException e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 26 } => "这个文件不是数据库（可能是别的文件，或已损坏）",
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 8 } => "数据库文件只读，无法写入",
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 14 } => "无法打开数据库文件（目录不存在或没有权限）",
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => "数据库正被其他程序占用，请稍后再试",
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 11 } => "数据库文件已损坏",
        Npgsql.PostgresException p => $"PostgreSQL 拒绝了操作（{p.SqlState}）",
        Npgsql.NpgsqlException => "无法连接 PostgreSQL 服务器，或连接中断",
        _ => "数据库出错",
    };

    /// <summary>
    /// Saves a department-year as a new revision, replacing the current one of the same key atomically; with the
    /// original it was read from, when given (kept once per content).
    /// </summary>
    public async Task<StoredSummary> SaveAsync(DepartmentYear year, CancellationToken cancellationToken = default) =>
        await SaveAsync(year, null, null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="SaveAsync(DepartmentYear, CancellationToken)"/>
    public async Task<StoredSummary> SaveAsync(DepartmentYear year, StoredOriginal? original, CancellationToken cancellationToken = default) =>
        await SaveAsync(year, original, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// As <see cref="SaveAsync(DepartmentYear, CancellationToken)"/>, with the original; for a preparer's save,
    /// <paramref name="scope"/> is their organisation: the department-year is saved to it only when the report names it
    /// (its name or an alias) and the key is not another organisation's — decided in the save's own transaction, so
    /// nothing changes between the check and the write. Otherwise <see cref="OutOfScopeException"/> and nothing is saved.
    /// The summary returned is the revision this save made.
    /// </summary>
    public async Task<StoredSummary> SaveAsync(DepartmentYear year, StoredOriginal? original, long? scope, CancellationToken cancellationToken = default) =>
        await SaveAsync(year, original, scope, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// As <see cref="SaveAsync(DepartmentYear, StoredOriginal?, long?, CancellationToken)"/>, filed under
    /// <paramref name="organisation"/> when given (the department or unit district intake matched the report to) instead
    /// of the department its name finds or makes.
    /// </summary>
    public async Task<StoredSummary> SaveAsync(DepartmentYear year, StoredOriginal? original, long? scope, long? organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);

        // SQLite would keep a NUL that PostgreSQL refuses: both stores refuse it, in words.
        if (year.Department.Name.Any(char.IsControl))
        {
            throw new StoreException($"部门名称「{year.Department.Name.Replace("\0", "\\0", StringComparison.Ordinal)}」含有不可见的控制字符，无法保存；请更正名称后再导入。");
        }

        var document = DepartmentYearJson.Write(year);
        var figures = Figures(year, Reference.Catalogs).ToArray();
        var savedAt = DateTimeOffset.UtcNow;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

        // The upsert comes first: it takes the row lock, so a concurrent save of the same key waits here and the
        // figures below are never interleaved with another writer's.
        await using (var upsert = Command(connection, transaction, """
            INSERT INTO department_years (key, department, year, province, template_id, units, tables, revision, saved_at, document, kind, evaluations)
            VALUES (@key, @department, @year, @province, @template, @units, @tables, 1, @saved, @document, @kind, @evaluations)
            ON CONFLICT (key) DO UPDATE SET department = excluded.department, year = excluded.year, province = excluded.province, kind = excluded.kind, evaluations = excluded.evaluations,
                template_id = excluded.template_id, units = excluded.units, tables = excluded.tables,
                revision = department_years.revision + 1, saved_at = excluded.saved_at, document = excluded.document
            """))
        {
            Add(upsert, "key", year.Key);
            Add(upsert, "department", year.Department.Name);
            Add(upsert, "year", year.Year);
            Add(upsert, "province", year.Department.Province);
            Add(upsert, "template", year.TemplateId);
            Add(upsert, "units", year.Units.Count);
            Add(upsert, "tables", year.Tables.Count);
            AddTimestamp(upsert, "saved", savedAt);
            Add(upsert, "document", document);
            Add(upsert, "kind", DocumentKinds.Code(year.Kind));
            Add(upsert, "evaluations", year.Evaluations.Count);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (scope is null && organisation is { } target)
        {
            // The key is the printed name's: a report filed under one registered organisation never takes over another
            // registered organisation's document that printed the same name (two units' 单位决算 both printed with the
            // department's name). One met only in a report (before the bureau registered its list) is taken over.
            await using var owner = Command(connection, transaction, """
                SELECT d.organisation_id, o.registered FROM department_years d LEFT JOIN organisations o ON o.id = d.organisation_id WHERE d.key = @key
                """);
            Add(owner, "key", year.Key);
            await using (var reader = await owner.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(0)
                    && Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) != target
                    && !reader.IsDBNull(1) && Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture) == 1)
                {
                    throw new StoreException($"「{year.Key}」已是另一个组织的材料（两份报告印着同一个名称「{year.Department.Name}」），未保存；请核对报告上的名称，或把它归入原来的组织。");
                }
            }
        }

        var filedUnder = scope is { } own
            ? await InScopeAsync(connection, transaction, year, own, cancellationToken).ConfigureAwait(false)
            : await OrganisationAsync(connection, transaction, year, organisation, cancellationToken).ConfigureAwait(false);
        long? documentId = original is null ? null : await KeepOriginalAsync(connection, transaction, original, savedAt, cancellationToken).ConfigureAwait(false);
        await using (var link = Command(connection, transaction, "UPDATE department_years SET organisation_id = @organisation, document_id = @document WHERE key = @key"))
        {
            Add(link, "organisation", filedUnder);
            Add(link, "document", documentId);
            Add(link, "key", year.Key);
            await link.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var revision = Command(connection, transaction, """
            INSERT INTO department_year_revisions (year_key, revision, saved_at, saved_by, document_id, content)
            SELECT key, revision, saved_at, @by, document_id, document FROM department_years WHERE key = @key
            """))
        {
            Add(revision, "by", original?.By);
            Add(revision, "key", year.Key);
            await revision.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var delete = Command(connection, transaction, "DELETE FROM facts WHERE year_key = @key"))
        {
            Add(delete, "key", year.Key);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in figures.Chunk(FigureBatch))
        {
            await InsertFactsAsync(connection, transaction, year.Key, chunk, cancellationToken).ConfigureAwait(false);
        }

        var saved = (await QuerySummariesAsync(connection, transaction, "WHERE key = @key", year.Key, cancellationToken).ConfigureAwait(false)).Single();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    // A preparer's organisation, when the year may be saved to it: the key (locked by the upsert before this) is new or
    // already the organisation's, and the report names the organisation. Its units are kept under it.
    private static async Task<long> InScopeAsync(DbConnection connection, DbTransaction transaction, DepartmentYear year, long scope, CancellationToken cancellationToken)
    {
        await using var check = Command(connection, transaction, """
            SELECT (SELECT organisation_id FROM department_years WHERE key = @key),
                (SELECT COUNT(*) FROM organisations o WHERE o.id = @scope AND o.level = 'department' AND (o.name = @name
                    OR EXISTS (SELECT 1 FROM organisation_aliases a WHERE a.organisation_id = o.id AND a.alias = @name)))
            """);
        Add(check, "key", year.Key);
        Add(check, "scope", scope);
        Add(check, "name", year.Department.Name);
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var owner = reader.IsDBNull(0) ? (long?)null : Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            if (owner is { } other && other != scope || Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) == 0)
            {
                throw new OutOfScopeException($"这份报告是「{year.Department.Name}」的，不是你所在单位的，未保存。");
            }
        }

        return await OrganisationAsync(connection, transaction, year, scope, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads a department-year by key, or null when none is stored.</summary>
    public async Task<DepartmentYear?> LoadAsync(string key, CancellationToken cancellationToken = default) =>
        (await LoadCurrentAsync(key, cancellationToken).ConfigureAwait(false))?.Year;

    /// <summary>
    /// The current revision of <paramref name="key"/> with its summary, read together (a page that shows one revision and
    /// signs off a revision must name the same one), or null when none is stored.
    /// </summary>
    public async Task<(DepartmentYear Year, StoredSummary Summary)?> LoadCurrentAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {SummaryColumns}, document FROM department_years WHERE key = @key");
        Add(command, "key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var summary = Summary(reader);
        var result = DepartmentYearJson.Read(reader.GetString(9), Reference.Templates);
        if (result.Success)
        {
            return (result.Value!, summary);
        }

        // Saved by a template of a user's reference folder, loaded without it: not damage, and said so.
        if (result.Errors.All(e => e.Path == "$.templateId"))
        {
            throw new StoreException($"存储中的「{key}」用的模板不在当前的基础数据中（{string.Join("；", result.Errors.Select(e => e.Message))}）；请用 --reference 指定含该模板的基础数据目录");
        }

        throw new StoreException($"存储中的「{key}」已损坏：{string.Join("；", result.Errors)}");
    }

    /// <summary>Opens a connection and asks the database one trivial question: for a health check, whatever the store holds.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The summary of one stored department-year, or null.</summary>
    public async Task<StoredSummary?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        (await QuerySummariesAsync("WHERE key = @key", key, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>Every stored department-year, by department and year.</summary>
    public Task<IReadOnlyList<StoredSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        QuerySummariesAsync(string.Empty, null, cancellationToken);

    /// <summary>Deletes a department-year with its facts, revisions and audit runs (its organisation and originals stay); false when none was stored.</summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        // Facts, revisions, audit runs (and their findings), reviews and sign-offs go with it: their keys cascade.
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var years = Command(connection, null, "DELETE FROM department_years WHERE key = @key");
        Add(years, "key", key);
        return await years.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>How many figures (stated cells) are stored for a key.</summary>
    public async Task<int> CountFiguresAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM facts WHERE year_key = @key");
        Add(command, "key", key);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One cell across every stored department-year: e.g. (expenditure, total, basic) gives each department's 基本支出.
    /// The department's own tables are under unit name "" and each unit's under its name. The row is matched by its
    /// canonical code, so a code renamed between catalogue editions still gives one series.
    /// </summary>
    public async Task<IReadOnlyList<(string Key, string Unit, Amount Amount)>> FigureAcrossYearsAsync(string tableId, string rowKey, string columnKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT year_key, scope, value, decimals, money_unit FROM facts
            WHERE table_id = @table AND canonical_code = @row AND column_key = @column ORDER BY year_key, scope
            """);
        Add(command, "table", tableId);
        Add(command, "row", Reference.Catalogs.Canonical(rowKey));
        Add(command, "column", columnKey);
        var result = new List<(string, string, Amount)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var value = reader.GetValue(2) is decimal d ? d : decimal.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
            var unit = MoneyUnits.Parse(reader.GetString(4)).Value;
            result.Add((reader.GetString(0), reader.GetString(1), new Amount(value, reader.GetInt32(3), unit)));
        }

        return result;
    }

    /// <summary>
    /// 序列: one organisation's figure over the years it is stored — the department's own table <paramref name="tableId"/>,
    /// rows whose canonical code is among <paramref name="canonicalCodes"/> (several when a code was merged into another or
    /// split: their figures of a year are summed), column <paramref name="columnKey"/> — and every year stored, so a year
    /// without the figure is told from a year not stored. A year stored under two keys (a department renamed, both names
    /// its organisation's) counts once, by the latest saved.
    /// </summary>
    public async Task<(IReadOnlyList<int> YearsStored, IReadOnlyList<(int Year, Amount Sum, int Rows)> Figures)> SeriesAsync(long organisation, string tableId, IReadOnlyCollection<string> canonicalCodes, string columnKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(canonicalCodes);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var years = new List<int>();
        await using (var stored = Command(connection, null, "SELECT DISTINCT year FROM department_years WHERE organisation_id = @id AND kind <> 'evaluation' ORDER BY year"))
        {
            Add(stored, "id", organisation);
            await using var reader = await stored.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                years.Add(reader.GetInt32(0));
            }
        }

        var codes = canonicalCodes.ToArray();
        var names = string.Join(", ", codes.Select((_, i) => $"@c{i}"));
        await using var command = Command(connection, null, $"""
            SELECT d.year, f.value, f.decimals, f.money_unit FROM facts f JOIN department_years d ON d.key = f.year_key
            WHERE d.organisation_id = @id AND f.scope = '' AND f.table_id = @table AND f.column_key = @column AND f.canonical_code IN ({names})
              AND d.key = (SELECT k.key FROM department_years k WHERE k.organisation_id = d.organisation_id AND k.year = d.year AND k.kind <> 'evaluation' ORDER BY k.saved_at DESC, k.key LIMIT 1)
            """);
        Add(command, "id", organisation);
        Add(command, "table", tableId);
        Add(command, "column", columnKey);
        for (var i = 0; i < codes.Length; i++)
        {
            Add(command, $"c{i}", codes[i]);
        }

        var sums = new SortedDictionary<int, (Amount Sum, int Rows)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var value = reader.GetValue(1) is decimal d ? d : decimal.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
                var amount = new Amount(value, reader.GetInt32(2), MoneyUnits.Parse(reader.GetString(3)).Value);
                var year = reader.GetInt32(0);
                sums[year] = sums.TryGetValue(year, out var sum)
                    ? (new Amount(sum.Sum.Value + amount.In(sum.Sum.Unit).Value, Math.Max(sum.Sum.Decimals, amount.Decimals), sum.Sum.Unit), sum.Rows + 1)
                    : (amount, 1);
            }
        }

        return (years, sums.Select(kv => (kv.Key, kv.Value.Sum, kv.Value.Rows)).ToArray());
    }

    private static IEnumerable<(string Unit, string Table, string Row, string Canonical, string Column, Printed Value, MoneyUnit MoneyUnit)> Figures(DepartmentYear year, Domain.Catalogs.CatalogSet catalogs)
    {
        var sets = new[] { (Unit: string.Empty, year.Tables) }.Concat(year.Units.Select(u => (Unit: u.Name, u.Tables)));
        foreach (var (unit, tables) in sets)
        {
            foreach (var table in tables)
            {
                foreach (var row in table.Rows)
                {
                    foreach (var cell in row.Cells)
                    {
                        if (cell.Value is { } value)
                        {
                            yield return (unit, table.Definition, row.Key, catalogs.Canonical(row.Key), cell.Column, value, table.Unit);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Every organisation, regions first, each with its aliases.</summary>
    public async Task<IReadOnlyList<StoredOrganisation>> OrganisationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var aliases = new Dictionary<long, List<string>>();
        await using (var command = Command(connection, null, "SELECT organisation_id, alias FROM organisation_aliases ORDER BY alias"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (aliases.TryGetValue(reader.GetInt64(0), out var list) ? list : aliases[reader.GetInt64(0)] = []).Add(reader.GetString(1));
            }
        }

        var result = new List<StoredOrganisation>();
        await using (var command = Command(connection, null, """
            SELECT id, parent_id, level, name, code, registered FROM organisations
            ORDER BY CASE level WHEN 'region' THEN 0 WHEN 'department' THEN 1 ELSE 2 END, name
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetInt64(0);
                result.Add(new StoredOrganisation(id, reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), aliases.GetValueOrDefault(id) ?? [], Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture) == 1));
            }
        }

        return result;
    }

    /// <summary>
    /// Records that <paramref name="alias"/> names the organisation <paramref name="id"/> too: a department saved
    /// under that name later belongs to it (its series continue across a renamed department).
    /// </summary>
    public async Task AddAliasAsync(long id, string alias, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "INSERT INTO organisation_aliases (organisation_id, alias) VALUES (@id, @alias) ON CONFLICT DO NOTHING");
        Add(command, "id", id);
        Add(command, "alias", alias.Trim());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The original the current revision of <paramref name="key"/> was read from, or null when none was kept.</summary>
    public async Task<StoredOriginal?> OriginalAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT d.file_name, d.content, d.uploaded_by FROM department_years y JOIN documents d ON d.id = y.document_id WHERE y.key = @key
            """);
        Add(command, "key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredOriginal(reader.GetString(0), (byte[])reader.GetValue(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    /// <summary>The department <paramref name="key"/> belongs to — its unit's department for a unit's document — or null when it is not stored.</summary>
    public async Task<long?> DepartmentOfAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT CASE WHEN o.level = 'unit' THEN o.parent_id ELSE o.id END FROM department_years y JOIN organisations o ON o.id = y.organisation_id WHERE y.key = @key
            """);
        Add(command, "key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The organisation (department) <paramref name="key"/> belongs to, or null when it is not stored.</summary>
    public async Task<long?> OrganisationOfAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT organisation_id FROM department_years WHERE key = @key");
        Add(command, "key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// The key of the same organisation's department-year of <paramref name="year"/> (the year before, for a cross-year
    /// audit), or null: the organisation, not the name, decides, so a department renamed between the years still finds it;
    /// a disclosure's prior is a disclosure, a stand-alone self-evaluation's a self-evaluation.
    /// </summary>
    public async Task<string?> KeyOfYearAsync(string key, int year, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT other.key FROM department_years this JOIN department_years other ON other.organisation_id = this.organisation_id
            WHERE this.key = @key AND other.year = @year AND (other.kind = 'evaluation') = (this.kind = 'evaluation') ORDER BY other.saved_at DESC
            """);
        Add(command, "key", key);
        Add(command, "year", year);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>
    /// The organisation's own disclosure of <paramref name="year"/> (部门决算, or the 单位决算 a one-unit department
    /// publishes under its name; never a self-evaluation nor a unit's), the one saved last; null when none is stored.
    /// </summary>
    public async Task<string?> DisclosureOfAsync(long organisation, int year, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT key FROM department_years WHERE organisation_id = @id AND year = @year AND kind <> 'evaluation'
            ORDER BY CASE kind WHEN 'final' THEN 0 ELSE 1 END, saved_at DESC, key LIMIT 1
            """);
        Add(command, "id", organisation);
        Add(command, "year", year);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>The keys of the documents of a department and of its units (what the department's preparer sees).</summary>
    public async Task<IReadOnlySet<string>> KeysOfAsync(long organisation, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT key FROM department_years WHERE organisation_id = @id OR organisation_id IN (SELECT o.id FROM organisations o WHERE o.parent_id = @id AND o.level = 'unit')");
        Add(command, "id", organisation);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>Revision <paramref name="revision"/> of <paramref name="key"/> as it was saved, or null when it is not kept.</summary>
    public async Task<DepartmentYear?> RevisionAsync(string key, int revision, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT content FROM department_year_revisions WHERE year_key = @key AND revision = @revision");
        Add(command, "key", key);
        Add(command, "revision", revision);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string content
            && DepartmentYearJson.Read(content, Reference.Templates) is { Success: true } read ? read.Value : null;
    }

    /// <summary>How many revisions of <paramref name="key"/> are kept.</summary>
    public async Task<int> RevisionsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM department_year_revisions WHERE year_key = @key");
        Add(command, "key", key);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Keeps an audit of <paramref name="revision"/> of <paramref name="key"/> — the revision that was audited, whatever
    /// was saved since: its summary, its findings one row each (rule, severity, location, numbers), and the whole report
    /// as <paramref name="reportJson"/> (schema 2).
    /// </summary>
    public async Task<StoredAuditRun> SaveAuditAsync(string key, int revision, AuditReport report, string reportJson, string? by = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(reportJson);
        var runAt = DateTimeOffset.UtcNow;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long id;
        await using (var insert = Command(connection, transaction, """
            INSERT INTO audit_runs (year_key, revision, run_at, run_by, rules, errors, warnings, passed, report)
            SELECT year_key, revision, @at, @by, @rules, @errors, @warnings, @passed, @report FROM department_year_revisions WHERE year_key = @key AND revision = @revision
            RETURNING id
            """))
        {
            AddTimestamp(insert, "at", runAt);
            Add(insert, "by", by);
            Add(insert, "rules", report.Summary.Rules);
            Add(insert, "errors", report.Summary.Errors);
            Add(insert, "warnings", report.Summary.Warnings);
            Add(insert, "passed", report.Passed ? 1 : 0);
            Add(insert, "report", reportJson);
            Add(insert, "key", key);
            Add(insert, "revision", revision);
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new StoreException($"存储中没有「{key}」第 {revision} 版，审核结果未保存。");
            }

            id = reader.GetInt64(0);
        }

        var ordinal = 0;
        foreach (var chunk in report.Findings.Chunk(FigureBatch))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"(@run, @o{i}, @r{i}, @s{i}, @k{i}, @t{i}, @l{i}, @m{i}, @a{i}, @e{i}, @g{i}, @p{i})"));
            await using var insert = Command(connection, transaction,
                "INSERT INTO findings (run_id, ordinal, rule, severity, kind, table_id, location, message, actual, expected, gap, fingerprint) VALUES " + values);
            Add(insert, "run", id);
            for (var i = 0; i < chunk.Length; i++)
            {
                var f = chunk[i];
                var n = i.ToString(CultureInfo.InvariantCulture);
                Add(insert, "o" + n, ordinal++);
                Add(insert, "r" + n, f.Rule);
                Add(insert, "s" + n, f.Severity.ToString().ToLowerInvariant());
                Add(insert, "k" + n, f.Kind.ToString().ToLowerInvariant());
                Add(insert, "t" + n, f.Table);
                Add(insert, "l" + n, f.Location);
                Add(insert, "m" + n, f.Message);
                AddDecimal(insert, "a" + n, f.Numbers?.Actual);
                AddDecimal(insert, "e" + n, f.Numbers?.Expected);
                AddDecimal(insert, "g" + n, f.Numbers?.Gap);
                Add(insert, "p" + n, FindingFingerprint.Of(f));
            }

            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoredAuditRun(id, key, revision, runAt, report.Summary.Errors, report.Summary.Warnings, report.Passed);
    }

    /// <summary>The audits kept for <paramref name="key"/>, newest first.</summary>
    public async Task<IReadOnlyList<StoredAuditRun>> AuditRunsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT id, revision, run_at, errors, warnings, passed FROM audit_runs WHERE year_key = @key ORDER BY run_at DESC, id DESC");
        Add(command, "key", key);
        var result = new List<StoredAuditRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredAuditRun(reader.GetInt64(0), key, reader.GetInt32(1), Timestamp(reader.GetValue(2)), reader.GetInt32(3), reader.GetInt32(4), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture) == 1 || reader.GetValue(5) is true));
        }

        return result;
    }

    // The department a department-year belongs to — found by name or alias, else created under its region — and its units.
    // The department a year is saved under (found by alias, else made under its region), or the one given; its units under it.
    private static async Task<long> OrganisationAsync(DbConnection connection, DbTransaction transaction, DepartmentYear year, long? known, CancellationToken cancellationToken)
    {
        var department = known ?? await DepartmentAsync(connection, transaction, year, cancellationToken).ConfigureAwait(false);
        if (known is not null && await LevelAsync(connection, transaction, department, cancellationToken).ConfigureAwait(false) != "department")
        {
            // A unit's own disclosure is filed under the unit; its figures are the unit's, not further units'.
            return department;
        }

        foreach (var unit in year.Units)
        {
            await EnsureOrganisationAsync(connection, transaction, department, "unit", unit.Name, unit.Code, cancellationToken).ConfigureAwait(false);
        }

        return department;
    }

    private static async Task<string?> LevelAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT level FROM organisations WHERE id = @id");
        Add(command, "id", id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static async Task<long> DepartmentAsync(DbConnection connection, DbTransaction transaction, DepartmentYear year, CancellationToken cancellationToken)
    {
        var regionName = year.Department.Region ?? year.Department.Province;
        long? region = regionName is null ? null : await EnsureOrganisationAsync(connection, transaction, null, "region", regionName, null, cancellationToken).ConfigureAwait(false);
        await using (var aliased = Command(connection, transaction, """
            SELECT a.organisation_id FROM organisation_aliases a JOIN organisations o ON o.id = a.organisation_id
            WHERE a.alias = @name AND o.level = 'department' ORDER BY a.organisation_id
            """))
        {
            Add(aliased, "name", year.Department.Name);
            return await aliased.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } found and not DBNull
                ? Convert.ToInt64(found, CultureInfo.InvariantCulture)
                : await EnsureOrganisationAsync(connection, transaction, region, "department", year.Department.Name, year.Department.Code, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> EnsureOrganisationAsync(DbConnection connection, DbTransaction transaction, long? parent, string level, string name, string? code, CancellationToken cancellationToken)
    {
        // Insert-if-absent first: concurrent saves of one department's years meet at the unique index, not in a race.
        await using (var insert = Command(connection, transaction, "INSERT INTO organisations (parent_id, level, code, name) VALUES (@parent, @level, @code, @name) ON CONFLICT DO NOTHING"))
        {
            Add(insert, "parent", parent);
            Add(insert, "level", level);
            Add(insert, "code", code);
            Add(insert, "name", name);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var select = Command(connection, transaction, $"SELECT id, code FROM organisations WHERE {(parent is null ? "parent_id IS NULL" : "parent_id = @parent")} AND level = @level AND name = @name");
        if (parent is not null)
        {
            Add(select, "parent", parent);
        }

        Add(select, "level", level);
        Add(select, "name", name);
        long id;
        bool codeMissing;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            id = reader.GetInt64(0);
            codeMissing = reader.IsDBNull(1);
        }

        if (codeMissing && code is not null)
        {
            await using var update = Command(connection, transaction, "UPDATE organisations SET code = @code WHERE id = @id");
            Add(update, "code", code);
            Add(update, "id", id);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    // The original, kept once per content (its SHA-256).
    private async Task<long> KeepOriginalAsync(DbConnection connection, DbTransaction transaction, StoredOriginal original, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var hash = ContentHash(original.Content);
        await using (var insert = Command(connection, transaction, """
            INSERT INTO documents (sha256, file_name, reader, size, content, uploaded_at, uploaded_by)
            VALUES (@hash, @name, @reader, @size, @content, @at, @by) ON CONFLICT DO NOTHING
            """))
        {
            Add(insert, "hash", hash);
            Add(insert, "name", original.FileName);
            Add(insert, "reader", original.Reader);
            Add(insert, "size", original.Content.LongLength);
            Add(insert, "content", original.Content);
            AddTimestamp(insert, "at", at);
            Add(insert, "by", original.By);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var select = Command(connection, transaction, "SELECT id FROM documents WHERE sha256 = @hash");
        Add(select, "hash", hash);
        return Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private async Task InsertFactsAsync(DbConnection connection, DbTransaction transaction, string key,
        IReadOnlyList<(string Unit, string Table, string Row, string Canonical, string Column, Printed Value, MoneyUnit MoneyUnit)> chunk, CancellationToken cancellationToken)
    {
        var values = string.Join(", ", chunk.Select((_, i) => $"(@k, @u{i}, @t{i}, @r{i}, @n{i}, @c{i}, @v{i}, @d{i}, @m{i})"));
        await using var insert = Command(connection, transaction,
            "INSERT INTO facts (year_key, scope, table_id, code, canonical_code, column_key, value, decimals, money_unit) VALUES " + values);
        Add(insert, "k", key);
        for (var i = 0; i < chunk.Count; i++)
        {
            var f = chunk[i];
            Add(insert, "u" + i.ToString(CultureInfo.InvariantCulture), f.Unit);
            Add(insert, "t" + i.ToString(CultureInfo.InvariantCulture), f.Table);
            Add(insert, "r" + i.ToString(CultureInfo.InvariantCulture), f.Row);
            Add(insert, "n" + i.ToString(CultureInfo.InvariantCulture), f.Canonical);
            Add(insert, "c" + i.ToString(CultureInfo.InvariantCulture), f.Column);
            AddNumber(insert, "v" + i.ToString(CultureInfo.InvariantCulture), f.Value);
            Add(insert, "d" + i.ToString(CultureInfo.InvariantCulture), f.Value.Decimals);
            Add(insert, "m" + i.ToString(CultureInfo.InvariantCulture), f.MoneyUnit.Name());
        }

        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<StoredSummary>> QuerySummariesAsync(string where, string? key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await QuerySummariesAsync(connection, null, where, key, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<StoredSummary>> QuerySummariesAsync(DbConnection connection, DbTransaction? transaction, string where, string? key, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {SummaryColumns} FROM department_years {where} ORDER BY department, year");
        if (key is not null)
        {
            Add(command, "key", key);
        }

        var result = new List<StoredSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(Summary(reader));
        }

        return result;
    }

    private const string SummaryColumns = "key, department, year, province, template_id, units, tables, revision, saved_at";

    private static StoredSummary Summary(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), Timestamp(reader.GetValue(8)));

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            // A store made by a newer build is refused before anything is run against it.
            await using var version = Command(connection, null, "SELECT MAX(version) FROM juesuan_schema");
            try
            {
                if (await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } found and not DBNull
                    && Convert.ToInt32(found, CultureInfo.InvariantCulture) is var v && v > SchemaVersion)
                {
                    throw new StoreException($"存储（{Options.Describe()}）由更新版本的 Juesuan 创建（结构版本 {v}，本程序为 {SchemaVersion}），请升级本程序。");
                }
            }
            catch (DbException)
            {
                // No juesuan_schema yet: a new store.
            }
        }

        await using (await _dialect.MigrationLockAsync(cancellationToken).ConfigureAwait(false))
        {
            Migrations.Migrator.Upgrade(Options, _dialect.ConnectionString);
        }

        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var sql in _dialect.AfterMigration)
            {
                await using var command = Command(connection, null, sql);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await RefreshCanonicalCodesAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        _schemaReady = true;
    }

    /// <summary>
    /// Keeps every fact under the canonical code of the catalogues in use: facts carried over from schema 1, or stored
    /// before a catalogue edition named a code's successor, join their series. Only codes whose canonical code changed
    /// are written.
    /// </summary>
    private async Task RefreshCanonicalCodesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var fingerprint = Reference.Catalogs.CrosswalkFingerprint;
        await using (var known = Command(connection, null, "SELECT value FROM juesuan_settings WHERE key = 'crosswalk'"))
        {
            if (await known.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string == fingerprint)
            {
                return;
            }
        }

        var stale = new List<(string Code, string Canonical)>();
        await using (var select = Command(connection, null, "SELECT DISTINCT code, canonical_code FROM facts"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var code = reader.GetString(0);
                var canonical = Reference.Catalogs.Canonical(code);
                if (canonical != reader.GetString(1))
                {
                    stale.Add((code, canonical));
                }
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (code, canonical) in stale.Distinct())
        {
            await using var update = Command(connection, transaction, "UPDATE facts SET canonical_code = @canonical WHERE code = @code");
            Add(update, "canonical", canonical);
            Add(update, "code", code);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var remember = Command(connection, transaction, "INSERT INTO juesuan_settings (key, value) VALUES ('crosswalk', @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value"))
        {
            Add(remember, "value", fingerprint);
            await remember.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = _dialect.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"无法打开存储（{Options.Describe()}）：{(e is DbException db ? Explain(db) : e is UnauthorizedAccessException ? "没有权限" : e is System.Net.Sockets.SocketException or TimeoutException ? "无法连接服务器" : "无法打开")}", e);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // SQL text is built from constants and parameter names only; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static DateTimeOffset Timestamp(object value) => value switch
    {
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateTimeOffset dto => dto,
        var other => DateTimeOffset.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    private void AddDecimal(DbCommand command, string name, decimal? value) =>
        Add(command, name, value is not { } v ? null : Options.Provider == StoreProvider.Sqlite ? v.ToString(CultureInfo.InvariantCulture) : v);

    private void AddNumber(DbCommand command, string name, Printed value) =>
        Add(command, name, Options.Provider == StoreProvider.Sqlite ? value.ToString() : value.Value);

    private void AddTimestamp(DbCommand command, string name, DateTimeOffset value) =>
        Add(command, name, Options.Provider == StoreProvider.Sqlite ? value.ToString("O", CultureInfo.InvariantCulture) : value);
}
