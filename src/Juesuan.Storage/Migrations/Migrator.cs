using System.Reflection;
using DbUp;
using DbUp.Engine;
using Npgsql;

namespace Juesuan.Storage.Migrations;

/// <summary>
/// Brings a store's schema up to this build's with DbUp: plain SQL scripts per dialect (Migrations/Sqlite,
/// Migrations/Postgres), run in name order, each in its own transaction, recorded in <c>juesuan_migrations</c>. DbUp
/// because migrations here are data transformations written as SQL a reviewer can read (schema 1 → 2 moves figures
/// into facts and builds organisations from the stored documents), on both databases, without an ORM or a model
/// snapshot; FluentMigrator's runner is not on the package mirror and EF Core would bring a model this store does not
/// use. A schema-1 store (made before migrations) has no journal: its first script is schema 1 itself with
/// <c>IF NOT EXISTS</c>, so it changes nothing there and the second carries the data over.
/// </summary>
internal static class Migrator
{
    /// <summary>The journal table.</summary>
    public const string Journal = "juesuan_migrations";

    /// <summary>The scripts of a provider, by name.</summary>
    public static IReadOnlyList<SqlScript> Scripts(StoreProvider provider)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{(provider == StoreProvider.Sqlite ? "Sqlite" : "Postgres")}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new SqlScript(n[prefix.Length..], Read(assembly, n)))
            .ToArray();
    }

    /// <summary>Runs the scripts the store has not run; throws <see cref="StoreException"/> when one fails or the store is newer.</summary>
    public static void Upgrade(StoreOptions options, string connectionString)
    {
        var builder = options.Provider == StoreProvider.Sqlite
            ? DeployChanges.To.SqliteDatabase(connectionString).JournalToSqliteTable(Journal)
            : DeployChanges.To.PostgresqlDatabase(connectionString, Schema(connectionString)).JournalToPostgresqlTable(Schema(connectionString), Journal);
        var engine = builder.WithScripts(Scripts(options.Provider)).WithTransactionPerScript().WithVariablesDisabled().LogToNowhere().Build();
        var unknown = engine.GetExecutedButNotDiscoveredScripts();
        if (unknown.Count > 0)
        {
            throw new StoreException($"存储（{options.Describe()}）由更新版本的 Juesuan 升级过（已执行本程序不认识的迁移 {string.Join("、", unknown)}），请升级本程序。");
        }

        if (!engine.IsUpgradeRequired())
        {
            return;
        }

        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new StoreException($"存储（{options.Describe()}）升级到新结构时失败（迁移 {result.ErrorScript?.Name ?? "?"}），已回滚该步，数据未改动：{result.Error?.Message}", result.Error!);
        }
    }

    // The schema the store lives in: the connection's search path, else public.
    private static string Schema(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).SearchPath?.Split(',')[0].Trim() is { Length: > 0 } schema ? schema : "public";

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
