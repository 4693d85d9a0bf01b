using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Juesuan.Storage;

/// <summary>What differs between SQLite and PostgreSQL: connections, how migrations are kept to one process at a time, SQL details.</summary>
internal abstract class Dialect
{
    public abstract string ConnectionString { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>
    /// Holds the store's migration lock until disposed, so two processes opening a new store do not both migrate it:
    /// a lock file beside a SQLite database, a session advisory lock on PostgreSQL.
    /// </summary>
    public abstract Task<IAsyncDisposable> MigrationLockAsync(CancellationToken cancellationToken);

    /// <summary>The statements run once after migrating (outside any transaction).</summary>
    public virtual IReadOnlyList<string> AfterMigration => [];

    /// <summary>The dialect of a store's options.</summary>
    public static Dialect For(StoreOptions options) => options.Provider switch
    {
        StoreProvider.Sqlite => new SqliteDialect(options.DatabasePath!),
        StoreProvider.Postgres => new PostgresDialect(options.ConnectionString!),
        _ => throw new ArgumentOutOfRangeException(nameof(options)),
    };

    private sealed class SqliteDialect(string path) : Dialect
    {
        // Default Timeout is also SQLite's busy timeout: concurrent writers wait for each other instead of failing.
        public override string ConnectionString { get; } =
            new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 60, Pooling = true, ForeignKeys = true }.ToString();

        public override DbConnection CreateConnection()
        {
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            return new SqliteConnection(ConnectionString);
        }

        // journal_mode cannot change inside a transaction.
        public override IReadOnlyList<string> AfterMigration => ["PRAGMA journal_mode=WAL"];

        public override async Task<IAsyncDisposable> MigrationLockAsync(CancellationToken cancellationToken)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            // The lock file stays: deleting it on close would let a process holding the old file and one creating a new
            // one both think they hold the lock.
            var lockPath = path + ".lock";
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
                }
                catch (IOException) when (attempt < 600)
                {
                    await Task.Delay(100, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    throw new StoreException($"存储（{path}）正由另一个程序升级，等待一分钟后仍未完成；请稍后再试", e);
                }
            }
        }
    }

    private sealed class PostgresDialect(string connectionString) : Dialect
    {
        public override string ConnectionString => connectionString;

        public override DbConnection CreateConnection() => new NpgsqlConnection(connectionString);

        public override async Task<IAsyncDisposable> MigrationLockAsync(CancellationToken cancellationToken)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(7203150001)", connection);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return new AdvisoryLock(connection);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
        {
            public async ValueTask DisposeAsync()
            {
                await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(7203150001)", connection))
                {
                    await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                }

                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
