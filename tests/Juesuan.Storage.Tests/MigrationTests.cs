using System.Data.Common;
using System.Globalization;
using Juesuan.Formats.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Juesuan.Storage.Tests;

/// <summary>
/// A schema-1 store — made by the build before migrations (Fixtures/store-v1.db: the example saved twice, 镇安, 西工区,
/// 普陀 from its PDF and 合水) — upgrades in place to schema 2 with every department-year intact, on SQLite and on
/// PostgreSQL (the same rows copied into a schema-1 PostgreSQL schema).
/// </summary>
public sealed class MigrationTests : IAsyncLifetime
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "store-v1.db");
    private readonly string _folder = Directory.CreateTempSubdirectory("juesuan-migration-").FullName;
    private readonly string _schema = "m_" + Guid.NewGuid().ToString("N");
    private string? _postgres;

    public async Task InitializeAsync()
    {
        var baseConnection = Environment.GetEnvironmentVariable("JUESUAN_TEST_PG");
        if (string.IsNullOrWhiteSpace(baseConnection))
        {
            // Each PostgreSQL test asks Paths.RequirePostgres: a skip here, a failure in CI.
            return;
        }

        await using var connection = new NpgsqlConnection(baseConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
        await command.ExecuteNonQueryAsync();
        _postgres = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = _schema }.ToString();
    }

    [Fact]
    public async Task A_schema_1_sqlite_store_upgrades_in_place_with_every_department_year_intact()
    {
        var path = Path.Combine(_folder, "store.db");
        File.Copy(Fixture, path);
        var before = await V1Contents(new SqliteConnection($"Data Source={path};Pooling=False"));
        Assert.Equal(5, before.Documents.Count);

        var store = await DepartmentYearStore.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DatabasePath = path });
        await AssertIntact(store, before);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            Assert.Equal((long)DepartmentYearStore.SchemaVersion, await Scalar(connection, "SELECT MAX(version) FROM juesuan_schema"));
            Assert.Equal(0L, await Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'figures'"));
        }

        // Opening again runs nothing; saving again makes the next revision of the migrated one.
        var again = await DepartmentYearStore.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DatabasePath = path });
        var example = DepartmentYearJson.Read(before.Documents["青石县医疗保障局/2024"]).Value!;
        Assert.Equal(3, (await again.SaveAsync(example)).Revision);
        Assert.Equal(2, await again.RevisionsAsync(example.Key));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Migrated_facts_join_the_series_of_a_renamed_code_once_the_catalogues_say_so()
    {
        var path = Path.Combine(_folder, "crosswalk.db");
        File.Copy(Fixture, path);
        var options = new StoreOptions { Provider = StoreProvider.Sqlite, DatabasePath = path };
        var embedded = await DepartmentYearStore.OpenAsync(options);
        Assert.Empty(await embedded.FigureAcrossYearsAsync("expenditure", "2101598", "total"));

        // A catalogue edition that retires 2101501 (行政运行) in favour of 2101598.
        const string json = """
            { "catalog": "function", "editions": [2098, 2099], "title": "测试目录",
              "entries": [
                { "code": "2101501", "name": "行政运行", "until": 2098, "replacedBy": ["2101598"] },
                { "code": "2101598", "name": "行政运行（新）", "since": 2099 } ] }
            """;
        var reference = Domain.Reference.ReferenceData.Embedded.WithCatalogs(Domain.Catalogs.Catalog.LoadEditions(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        var renamed = await DepartmentYearStore.OpenAsync(options, reference);
        var series = await renamed.FigureAcrossYearsAsync("expenditure", "2101598", "total");
        Assert.Contains(series, f => f.Key == "青石县医疗保障局/2024" && f.Unit.Length == 0);
        Assert.Equal(series.Count, (await renamed.FigureAcrossYearsAsync("expenditure", "2101501", "total")).Count);
        SqliteConnection.ClearAllPools();
    }

    [SkippableFact]
    public async Task A_schema_1_postgres_store_upgrades_in_place_with_every_department_year_intact()
    {
        Juesuan.TestSupport.Paths.RequirePostgres();
        var before = await V1Contents(new SqliteConnection($"Data Source={Fixture};Mode=ReadOnly;Pooling=False"));
        await using (var connection = new NpgsqlConnection(_postgres))
        {
            await connection.OpenAsync();
            await Execute(connection, Script("Postgres.0001_v1.sql"));
            await CopyV1Rows(connection);
        }

        var store = await DepartmentYearStore.OpenAsync(new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = _postgres });
        await AssertIntact(store, before);
        await using (var connection = new NpgsqlConnection(_postgres))
        {
            Assert.Equal(DepartmentYearStore.SchemaVersion, Convert.ToInt32(await Scalar(connection, "SELECT MAX(version) FROM juesuan_schema"), CultureInfo.InvariantCulture));
            Assert.Equal(0L, await Scalar(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'figures' AND table_schema = current_schema()"));
        }
    }

    [Fact]
    public async Task A_store_from_a_newer_build_is_refused_untouched()
    {
        var path = Path.Combine(_folder, "newer.db");
        File.Copy(Fixture, path);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await Execute(connection, "INSERT INTO juesuan_schema (version) VALUES (99)");
        }

        var error = await Assert.ThrowsAsync<StoreException>(() => DepartmentYearStore.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, DatabasePath = path }));
        Assert.Contains("更新版本", error.Message, StringComparison.Ordinal);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            Assert.Equal(1L, await Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'figures'"));
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task AssertIntact(DepartmentYearStore store, V1 before)
    {
        // A stand-alone self-evaluation (合水) moves to its own key (schema 8), its revisions and figures with it.
        static string Now(string key, string document) =>
            DepartmentYearJson.Read(document).Value!.Kind == Domain.Model.DocumentKind.SelfEvaluationReport ? key + "/绩效自评" : key;
        var listed = await store.ListAsync();
        Assert.Equal(before.Documents.Select(d => Now(d.Key, d.Value)).Order(StringComparer.Ordinal), listed.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Contains(listed, s => s.Key == "合水县医疗保障局/2024/绩效自评");
        foreach (var (old, document) in before.Documents)
        {
            var key = Now(old, document);
            var loaded = await store.LoadAsync(key);
            Assert.NotNull(loaded);
            Assert.Equal(DepartmentYearJson.Write(DepartmentYearJson.Read(document).Value!), DepartmentYearJson.Write(loaded!));
            Assert.Equal(before.Figures[old], await store.CountFiguresAsync(key));
            Assert.Equal(before.Revisions[old], listed.Single(s => s.Key == key).Revision);
            Assert.Equal(1, await store.RevisionsAsync(key));
        }

        // Organisations: each department under its region, the example's three units under it.
        var organisations = await store.OrganisationsAsync();
        Assert.Equal(5, organisations.Count(o => o.Level == "department"));
        var qingshi = organisations.Single(o => o.Name == "青石县医疗保障局");
        Assert.Equal("118", qingshi.Code);
        Assert.Equal("青石县（虚构）", organisations.Single(o => o.Id == qingshi.ParentId).Name);
        Assert.Equal(3, organisations.Count(o => o.ParentId == qingshi.Id && o.Level == "unit"));

        // Facts answer the cross-year query the figures did.
        var basic = await store.FigureAcrossYearsAsync("expenditure", "total", "basic");
        Assert.Contains(basic, f => f.Key == "青石县医疗保障局/2024" && f.Unit.Length == 0);
    }

    private sealed record V1(Dictionary<string, string> Documents, Dictionary<string, int> Figures, Dictionary<string, int> Revisions);

    private static async Task<V1> V1Contents(DbConnection connection)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            var documents = new Dictionary<string, string>();
            var revisions = new Dictionary<string, int>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT key, document, revision FROM department_years";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    documents[reader.GetString(0)] = reader.GetString(1);
                    revisions[reader.GetString(0)] = reader.GetInt32(2);
                }
            }

            var figures = documents.Keys.ToDictionary(k => k, _ => 0);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT year_key, COUNT(*) FROM figures GROUP BY year_key";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    figures[reader.GetString(0)] = reader.GetInt32(1);
                }
            }

            return new V1(documents, figures, revisions);
        }
    }

    // The schema-1 rows of the fixture, copied into PostgreSQL as that build stored them (NUMERIC values, TIMESTAMPTZ).
    private static async Task CopyV1Rows(NpgsqlConnection target)
    {
        await using var source = new SqliteConnection($"Data Source={Fixture};Mode=ReadOnly;Pooling=False");
        await source.OpenAsync();
        await using (var read = source.CreateCommand())
        {
            read.CommandText = "SELECT key, department, year, province, template_id, units, tables, revision, saved_at, document FROM department_years";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO department_years (key, department, year, province, template_id, units, tables, revision, saved_at, document)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                    """, target);
                for (var i = 0; i < 10; i++)
                {
                    insert.Parameters.Add(new NpgsqlParameter
                    {
                        Value = i == 8 ? DateTimeOffset.Parse(reader.GetString(i), CultureInfo.InvariantCulture).ToUniversalTime() : reader.IsDBNull(i) ? DBNull.Value : reader.GetValue(i),
                    });
                }

                await insert.ExecuteNonQueryAsync();
            }
        }

        await using (var read = source.CreateCommand())
        {
            read.CommandText = "SELECT year_key, unit_name, table_id, row_key, column_key, value, decimals, money_unit FROM figures";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                await using var insert = new NpgsqlCommand("INSERT INTO figures VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", target);
                for (var i = 0; i < 8; i++)
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = i == 5 ? decimal.Parse(reader.GetString(i), CultureInfo.InvariantCulture) : reader.GetValue(i) });
                }

                await insert.ExecuteNonQueryAsync();
            }
        }
    }

    private static string Script(string name)
    {
        using var stream = typeof(DepartmentYearStore).Assembly.GetManifestResourceStream("Juesuan.Storage.Migrations." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(DbConnection connection, string sql)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("JUESUAN_TEST_PG"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
