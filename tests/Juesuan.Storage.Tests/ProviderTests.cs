using Juesuan.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Juesuan.Storage.Tests;

public sealed class SqliteStoreTests : StoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "juesuan-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "nested", "juesuan.db");

    protected override Task<DepartmentYearStore> OpenAsync() =>
        DepartmentYearStore.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DatabasePath = DatabasePath });

    [Fact]
    public async Task The_database_file_is_created_on_first_use()
    {
        Assert.False(File.Exists(DatabasePath));
        await OpenAsync();
        Assert.True(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task A_corrupt_stored_document_is_reported_not_thrown_raw()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Example);
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE department_years SET document = '{\"schemaVersion\":1}'";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StoreException>(() => store.LoadAsync(Example.Key));
        Assert.Contains("已损坏", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_come_from_the_environment_when_not_given()
    {
        var options = StoreOptions.Resolve("sqlite", null, null);
        Assert.Equal(StoreProvider.Sqlite, options.Provider);
        Assert.True(Path.IsPathRooted(options.DatabasePath));
        Assert.Throws<StoreException>(() => StoreOptions.Resolve("oracle", null, null));
        Assert.Throws<StoreException>(() => StoreOptions.Resolve("postgres", null, string.Empty));
    }

    [Fact]
    public async Task An_unopenable_database_gives_a_store_error()
    {
        var blocker = Path.Combine(_folder, "file");
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(blocker, "not a folder");
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            DepartmentYearStore.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DatabasePath = Path.Combine(blocker, "x.db") }));
        Assert.True(error is StoreException or IOException, error.GetType().Name);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>
/// The same contract against a real PostgreSQL server: JUESUAN_TEST_PG holds a connection string (.ci/run starts a
/// throwaway server and sets it). Each test class instance works in its own schema, dropped afterwards.
/// </summary>
public sealed class PostgresStoreTests : StoreContract, IAsyncLifetime
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private string? _connectionString;

    public async Task InitializeAsync()
    {
        var baseConnection = Environment.GetEnvironmentVariable("JUESUAN_TEST_PG");
        if (string.IsNullOrWhiteSpace(baseConnection))
        {
            if (Environment.GetEnvironmentVariable("JUESUAN_REQUIRE_PG") == "1")
            {
                throw new InvalidOperationException("JUESUAN_REQUIRE_PG=1 but JUESUAN_TEST_PG is not set.");
            }

            return;
        }

        await using (var connection = new NpgsqlConnection(baseConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = _schema }.ToString();
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("JUESUAN_TEST_PG"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override Task<DepartmentYearStore> OpenAsync()
    {
        Skip.If(_connectionString is null, "JUESUAN_TEST_PG is not set: no PostgreSQL server to test against (.ci/run starts one).");
        return DepartmentYearStore.OpenAsync(new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = _connectionString });
    }
}
