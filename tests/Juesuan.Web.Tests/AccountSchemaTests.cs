using System.Text.RegularExpressions;
using Juesuan.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Juesuan.Web.Tests;

/// <summary>
/// The account tables are the store's migration 0007, written from the workbench's EF model: when an upgrade of
/// Identity or data protection changes the model, this fails and says a new migration is needed.
/// </summary>
public sealed partial class AccountSchemaTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void The_account_migration_is_what_the_model_asks_for(string dialect)
    {
        var options = new DbContextOptionsBuilder<WorkbenchDbContext>();
        if (dialect == "Sqlite")
        {
            options.UseSqlite("Data Source=:memory:");
        }
        else
        {
            options.UseNpgsql("Host=unused");
        }

        using var db = new WorkbenchDbContext(options.Options);
        var migration = File.ReadAllText(Path.Combine(Paths.RepoRoot, "src", "Juesuan.Storage", "Migrations", dialect, "0007_accounts.sql"));
        var model = db.Database.GenerateCreateScript().Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal)
            .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal).Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
        Assert.Equal(Statements(model), Statements(migration).Where(s => !s.StartsWith("INSERT INTO juesuan_schema", StringComparison.Ordinal)));
    }

    // The statements, comments dropped and white space folded.
    private static IEnumerable<string> Statements(string script) =>
        Comment().Replace(script, string.Empty).Split(';').Select(s => Space().Replace(s, " ").Trim()).Where(s => s.Length > 0);

    [GeneratedRegex("--[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
