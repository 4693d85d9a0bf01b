using System.Data;
using System.Data.Common;
using System.Globalization;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
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

/// <summary>
/// 存储: department-years in SQLite or PostgreSQL. Each is stored whole as its JSON document (the format of
/// <see cref="DepartmentYearJson"/>, so nothing is lost) and, for comparisons across departments and years, as one row per
/// stated cell in <c>figures</c>. Saving the same department and year again replaces both in one transaction.
/// </summary>
public sealed class DepartmentYearStore
{
    /// <summary>The version of the database schema this build creates.</summary>
    public const int SchemaVersion = 1;

    private const int FigureBatch = 100;
    private readonly Dialect _dialect;
    private bool _schemaReady;

    private DepartmentYearStore(StoreOptions options)
    {
        Options = options;
        _dialect = Dialect.For(options);
    }

    /// <summary>Where the store lives.</summary>
    public StoreOptions Options { get; }

    /// <summary>Opens (and on first use creates) the store.</summary>
    public static async Task<DepartmentYearStore> OpenAsync(StoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = new DepartmentYearStore(options);
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

    /// <summary>Saves a department-year, replacing any stored one with the same key atomically.</summary>
    public async Task<StoredSummary> SaveAsync(DepartmentYear year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);

        // SQLite would keep a NUL that PostgreSQL refuses: both stores refuse it, in words.
        if (year.Department.Name.Any(char.IsControl))
        {
            throw new StoreException($"部门名称「{year.Department.Name.Replace("\0", "\\0", StringComparison.Ordinal)}」含有不可见的控制字符，无法保存；请更正名称后再导入。");
        }

        var document = DepartmentYearJson.Write(year);
        var figures = Figures(year).ToArray();
        var savedAt = DateTimeOffset.UtcNow;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

        // The upsert comes first: it takes the row lock, so a concurrent save of the same key waits here and the
        // figures below are never interleaved with another writer's.
        await using (var upsert = Command(connection, transaction, """
            INSERT INTO department_years (key, department, year, province, template_id, units, tables, revision, saved_at, document)
            VALUES (@key, @department, @year, @province, @template, @units, @tables, 1, @saved, @document)
            ON CONFLICT (key) DO UPDATE SET department = excluded.department, year = excluded.year, province = excluded.province,
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
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var delete = Command(connection, transaction, "DELETE FROM figures WHERE year_key = @key"))
        {
            Add(delete, "key", year.Key);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in figures.Chunk(FigureBatch))
        {
            await InsertFiguresAsync(connection, transaction, year.Key, chunk, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await FindAsync(year.Key, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Loads a department-year by key, or null when none is stored.</summary>
    public async Task<DepartmentYear?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT document FROM department_years WHERE key = @key");
        Add(command, "key", key);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string document)
        {
            return null;
        }

        var result = DepartmentYearJson.Read(document);
        return result.Success
            ? result.Value
            : throw new StoreException($"存储中的「{key}」已损坏：{string.Join("；", result.Errors)}");
    }

    /// <summary>The summary of one stored department-year, or null.</summary>
    public async Task<StoredSummary?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        (await QuerySummariesAsync("WHERE key = @key", key, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>Every stored department-year, by department and year.</summary>
    public Task<IReadOnlyList<StoredSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        QuerySummariesAsync(string.Empty, null, cancellationToken);

    /// <summary>Deletes a department-year and its figures; false when none was stored.</summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var figures = Command(connection, transaction, "DELETE FROM figures WHERE year_key = @key"))
        {
            Add(figures, "key", key);
            await figures.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int deleted;
        await using (var years = Command(connection, transaction, "DELETE FROM department_years WHERE key = @key"))
        {
            Add(years, "key", key);
            deleted = await years.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    /// <summary>How many figures (stated cells) are stored for a key.</summary>
    public async Task<int> CountFiguresAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM figures WHERE year_key = @key");
        Add(command, "key", key);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One cell across every stored department-year: e.g. (expenditure, total, basic) gives each department's 基本支出.
    /// The department's own tables are under unit name "" and each unit's under its name.
    /// </summary>
    public async Task<IReadOnlyList<(string Key, string Unit, Amount Amount)>> FigureAcrossYearsAsync(string tableId, string rowKey, string columnKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, """
            SELECT year_key, unit_name, value, decimals, money_unit FROM figures
            WHERE table_id = @table AND row_key = @row AND column_key = @column ORDER BY year_key, unit_name
            """);
        Add(command, "table", tableId);
        Add(command, "row", rowKey);
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

    private static IEnumerable<(string Unit, string Table, string Row, string Column, Printed Value, MoneyUnit MoneyUnit)> Figures(DepartmentYear year)
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
                            yield return (unit, table.Definition, row.Key, cell.Column, value, table.Unit);
                        }
                    }
                }
            }
        }
    }

    private async Task InsertFiguresAsync(DbConnection connection, DbTransaction transaction, string key,
        IReadOnlyList<(string Unit, string Table, string Row, string Column, Printed Value, MoneyUnit MoneyUnit)> chunk, CancellationToken cancellationToken)
    {
        var values = string.Join(", ", chunk.Select((_, i) => $"(@k, @u{i}, @t{i}, @r{i}, @c{i}, @v{i}, @d{i}, @m{i})"));
        await using var insert = Command(connection, transaction,
            "INSERT INTO figures (year_key, unit_name, table_id, row_key, column_key, value, decimals, money_unit) VALUES " + values);
        Add(insert, "k", key);
        for (var i = 0; i < chunk.Count; i++)
        {
            var f = chunk[i];
            Add(insert, "u" + i.ToString(CultureInfo.InvariantCulture), f.Unit);
            Add(insert, "t" + i.ToString(CultureInfo.InvariantCulture), f.Table);
            Add(insert, "r" + i.ToString(CultureInfo.InvariantCulture), f.Row);
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
        await using var command = Command(connection, null,
            $"SELECT key, department, year, province, template_id, units, tables, revision, saved_at FROM department_years {where} ORDER BY department, year");
        if (key is not null)
        {
            Add(command, "key", key);
        }

        var result = new List<StoredSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var saved = reader.GetValue(8) switch
            {
                DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
                DateTimeOffset dto => dto,
                var other => DateTimeOffset.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
            };
            result.Add(new StoredSummary(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), saved));
        }

        return result;
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // DDL is run only when the schema is missing: on PostgreSQL even CREATE INDEX IF NOT EXISTS takes a table lock
        // and deadlocks against concurrent writers.
        await using (var exists = Command(connection, null, _dialect.SchemaExistsQuery))
        {
            if (Convert.ToInt32(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1)
            {
                await using var version = Command(connection, null, "SELECT MAX(version) FROM juesuan_schema");
                var found = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (found > SchemaVersion)
                {
                    throw new StoreException($"存储（{Options.Describe()}）由更新版本的 Juesuan 创建（结构版本 {found}，本程序为 {SchemaVersion}），请升级本程序。");
                }

                _schemaReady = true;
                return;
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var statements = _dialect.SchemaLock is { } lockStatement ? [lockStatement, .. _dialect.SchemaStatements] : _dialect.SchemaStatements;
        foreach (var sql in statements.Where(s => !s.StartsWith("PRAGMA", StringComparison.Ordinal)))
        {
            await using var command = Command(connection, transaction, sql);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // journal_mode cannot change inside a transaction.
        foreach (var sql in _dialect.SchemaStatements.Where(s => s.StartsWith("PRAGMA", StringComparison.Ordinal)))
        {
            await using var command = Command(connection, null, sql);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _schemaReady = true;
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

    private void AddNumber(DbCommand command, string name, Printed value) =>
        Add(command, name, Options.Provider == StoreProvider.Sqlite ? value.ToString() : value.Value);

    private void AddTimestamp(DbCommand command, string name, DateTimeOffset value) =>
        Add(command, name, Options.Provider == StoreProvider.Sqlite ? value.ToString("O", CultureInfo.InvariantCulture) : value);
}
