using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Juesuan.Storage;

/// <summary>What differs between SQLite and PostgreSQL: connections, DDL and the schema lock.</summary>
internal abstract class Dialect
{
    public abstract DbConnection CreateConnection();

    public abstract string[] SchemaStatements { get; }

    /// <summary>A statement serialising schema creation across processes, run inside the creating transaction.</summary>
    public virtual string? SchemaLock => null;

    /// <summary>A query answering whether the schema-version table exists (true/false or 1/0).</summary>
    public abstract string SchemaExistsQuery { get; }

    public static Dialect For(StoreOptions options) => options.Provider switch
    {
        StoreProvider.Sqlite => new SqliteDialect(options.DatabasePath!),
        StoreProvider.Postgres => new PostgresDialect(options.ConnectionString!),
        _ => throw new ArgumentOutOfRangeException(nameof(options)),
    };

    private static string[] Tables(string numericType, string timestampType) =>
    [
        """
        CREATE TABLE IF NOT EXISTS department_years (
            key TEXT PRIMARY KEY,
            department TEXT NOT NULL,
            year INTEGER NOT NULL,
            province TEXT,
            template_id TEXT NOT NULL,
            units INTEGER NOT NULL,
            tables INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            saved_at 
        """ + timestampType + """
         NOT NULL,
            document TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS figures (
            year_key TEXT NOT NULL REFERENCES department_years(key) ON DELETE CASCADE,
            unit_name TEXT NOT NULL,
            table_id TEXT NOT NULL,
            row_key TEXT NOT NULL,
            column_key TEXT NOT NULL,
            value 
        """ + numericType + """
         NOT NULL,
            decimals INTEGER NOT NULL,
            money_unit TEXT NOT NULL,
            PRIMARY KEY (year_key, unit_name, table_id, row_key, column_key))
        """,
        "CREATE INDEX IF NOT EXISTS figures_by_cell ON figures (table_id, row_key, column_key)",
        "CREATE INDEX IF NOT EXISTS department_years_by_year ON department_years (year, department)",
        "CREATE TABLE IF NOT EXISTS juesuan_schema (version INTEGER PRIMARY KEY)",
        "INSERT INTO juesuan_schema (version) VALUES (" + DepartmentYearStore.SchemaVersion + ") ON CONFLICT (version) DO NOTHING",
    ];

    private sealed class SqliteDialect(string path) : Dialect
    {
        public override DbConnection CreateConnection()
        {
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // Default Timeout is also SQLite's busy timeout: concurrent writers wait for each other instead of failing.
            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 60, Pooling = true, ForeignKeys = true };
            return new SqliteConnection(builder.ToString());
        }

        // TEXT keeps "138.60" exactly; SQLite's NUMERIC affinity would turn it into a double.
        public override string[] SchemaStatements { get; } = ["PRAGMA journal_mode=WAL", .. Tables("TEXT", "TEXT")];

        public override string SchemaExistsQuery => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'juesuan_schema'";
    }

    private sealed class PostgresDialect(string connectionString) : Dialect
    {
        public override DbConnection CreateConnection() => new NpgsqlConnection(connectionString);

        public override string[] SchemaStatements { get; } = Tables("NUMERIC", "TIMESTAMPTZ");

        // CREATE TABLE IF NOT EXISTS races between sessions on PostgreSQL; a transaction-scoped advisory lock orders them.
        public override string SchemaLock => "SELECT pg_advisory_xact_lock(7203150001)";

        // to_regclass follows the connection's search_path, so a store in its own schema is found there.
        public override string SchemaExistsQuery => "SELECT CASE WHEN to_regclass('juesuan_schema') IS NULL THEN 0 ELSE 1 END";
    }
}
