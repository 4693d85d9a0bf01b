namespace Juesuan.Storage;

/// <summary>Which database holds the store.</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file (the default; no setup).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for shared use.</summary>
    Postgres,
}

/// <summary>
/// Where the store lives. Defaults: SQLite at ~/.local/share/juesuan/juesuan.db (the user's data folder).
/// Environment: JUESUAN_STORE (sqlite|postgres), JUESUAN_DB (SQLite file), JUESUAN_CONNECTION (PostgreSQL connection string).
/// </summary>
public sealed record StoreOptions
{
    /// <summary>The provider.</summary>
    public StoreProvider Provider { get; init; } = StoreProvider.Sqlite;

    /// <summary>True when the SQLite file was named on the command line (--db): a missing one is then a mistake, not a first use.</summary>
    public bool ExplicitPath { get; init; }

    /// <summary>SQLite: the database file.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>PostgreSQL: the Npgsql connection string.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// The connection string the store itself opens with (for SQLite: its busy timeout, foreign keys, pooling), for
    /// anything else that shares the database (the workbench's account tables).
    /// </summary>
    public string OpenedWith => Dialect.For(this).ConnectionString;

    /// <summary>The default SQLite file in the user's data folder.</summary>
    public static string DefaultDatabasePath
    {
        get
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(root))
            {
                root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            }

            return Path.Combine(root, "juesuan", "juesuan.db");
        }
    }

    /// <summary>Options from explicit values, falling back to the environment, then to the defaults.</summary>
    public static StoreOptions Resolve(string? provider = null, string? databasePath = null, string? connectionString = null)
    {
        provider ??= Environment.GetEnvironmentVariable("JUESUAN_STORE");
        connectionString ??= Environment.GetEnvironmentVariable("JUESUAN_CONNECTION");

        // A file named on the command line must exist (or be asked for with --create); one set in JUESUAN_DB is a
        // configured location, created on first use like the default.
        var named = databasePath is not null;
        databasePath ??= Environment.GetEnvironmentVariable("JUESUAN_DB");
        var kind = provider?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => StoreProvider.Sqlite,
            "postgres" or "postgresql" or "pg" => StoreProvider.Postgres,
            _ => throw new StoreException($"未知的存储类型「{provider}」（可用：sqlite、postgres）"),
        };
        if (kind == StoreProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StoreException("使用 PostgreSQL 时须给出连接字符串（--connection 或环境变量 JUESUAN_CONNECTION）");
        }

        if (kind == StoreProvider.Postgres)
        {
            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException)
            {
                throw new StoreException("PostgreSQL 连接字符串的格式不对（应如 Host=127.0.0.1;Port=5432;Database=juesuan;Username=…）");
            }
        }

        if (kind == StoreProvider.Sqlite && databasePath is not null && string.IsNullOrWhiteSpace(databasePath))
        {
            throw new StoreException("--db（或 JUESUAN_DB）给出的数据库文件名为空");
        }

        return new StoreOptions
        {
            Provider = kind,
            DatabasePath = kind == StoreProvider.Sqlite ? Path.GetFullPath(databasePath ?? DefaultDatabasePath) : null,
            ConnectionString = kind == StoreProvider.Postgres ? connectionString : null,
            ExplicitPath = kind == StoreProvider.Sqlite && named,
        };
    }

    /// <summary>A short description for messages: the file, or the PostgreSQL host and database.</summary>
    public string Describe()
    {
        if (Provider == StoreProvider.Sqlite)
        {
            return $"SQLite {DatabasePath}";
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}

/// <summary>A store failure a user can act on (cannot open, corrupt document); the message is Chinese.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreException()
    {
    }
}

/// <summary>
/// A preparer's save refused because the report is not their organisation's (it names another department, or its key
/// belongs to another organisation); the message is Chinese and says so. Nothing was saved.
/// </summary>
public sealed class OutOfScopeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutOfScopeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public OutOfScopeException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OutOfScopeException()
    {
    }
}
