using Juesuan.TestSupport;

namespace Juesuan.Cli.Tests;

/// <summary>Outputs never clobber silently (issue 12): not an input, not an existing file without --force, not shared.</summary>
public sealed class OutputTests : CliTestBase
{
    [Fact]
    public async Task An_output_that_is_the_input_is_refused_and_the_input_kept()
    {
        var input = Path.Combine(Folder, "a.json");
        File.Copy(Paths.Example, input);
        var before = File.ReadAllText(input);
        var run = await Run("render", input, "-o", input, "--force");
        Assert.Equal(2, run.Exit);
        Assert.Contains("就是输入文件", run.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(input));
    }

    [Fact]
    public async Task An_existing_file_is_overwritten_only_with_force()
    {
        var target = Path.Combine(Folder, "out.json");
        File.WriteAllText(target, "keep me");
        var refused = await Run("import", Paths.Example, "-o", target);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("--force", refused.Err, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(target));

        var forced = await Run("import", Paths.Example, "-o", target, "--force");
        Assert.Equal(0, forced.Exit);
        Assert.StartsWith("{", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_into_a_missing_directory_is_said_in_chinese()
    {
        var run = await Run("import", Paths.Example, "-o", Path.Combine(Folder, "no-such-dir", "out.json"));
        Assert.Equal(2, run.Exit);
        Assert.Contains("找不到目录", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_whose_files_would_share_an_output_name_renders_nothing()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(Folder, "in")).FullName;
        File.Copy(Paths.Example, Path.Combine(inputs, "a.json"));
        File.WriteAllText(Path.Combine(inputs, "a.txt"), File.ReadAllText(Paths.Example));
        var outputs = Path.Combine(Folder, "out");
        var run = await Run("render", inputs, "-o", outputs);
        Assert.Equal(2, run.Exit);
        Assert.Contains("a.json、a.txt → a.html", run.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(outputs) ? Directory.GetFiles(outputs) : []);
    }
}

/// <summary>Store failures are located Chinese messages with exit 2, and a mistyped --db creates nothing (issue 12).</summary>
public sealed class StoreErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("juesuan-store-").FullName;

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Program.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_mistyped_db_path_is_an_error_not_a_new_empty_store()
    {
        var typo = Path.Combine(_folder, "juesaun.db");
        var run = await Run("list", "--db", typo);
        Assert.Equal(2, run.Exit);
        Assert.Contains("--create", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(typo));

        var created = await Run("import", Paths.Example, "--save", "--db", typo, "--create");
        Assert.Equal(0, created.Exit);
        Assert.True(File.Exists(typo));
    }

    [Theory]
    [InlineData("not-a-database", "不是数据库")]
    [InlineData("", "为空")]
    public async Task A_file_that_is_no_database_and_an_empty_name_are_said_in_words(string content, string expected)
    {
        var path = content.Length == 0 ? string.Empty : Path.Combine(_folder, "x.db");
        if (path.Length > 0)
        {
            File.WriteAllText(path, content);
        }

        var run = await Run("list", "--db", path);
        Assert.Equal(2, run.Exit);
        Assert.Contains("存储错误", run.Err, StringComparison.Ordinal);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.DoesNotMatch("SQLite Error|Parameter|string", run.Err);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_said_in_words()
    {
        var run = await Run("list", "--store", "postgres", "--connection", "Host=;;;=x");
        Assert.Equal(2, run.Exit);
        Assert.Contains("连接字符串的格式不对", run.Err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>A scoring rules file that is empty or has empty entries is refused, never silently replaced by the built-in rules.</summary>
public sealed class ScoreRulesTests : CliTestBase
{
    [Theory]
    [InlineData("{\"ruleSets\": []}", "是空的")]
    [InlineData("{\"ruleSets\": [null]}", "不完整")]
    [InlineData("{\"ruleSets\": [{\"name\": \"x\", \"grades\": [null]}]}", "不完整")]
    public async Task Empty_or_null_rules_are_refused(string json, string expected)
    {
        var rules = Path.Combine(Folder, "rules.json");
        File.WriteAllText(rules, json);
        var run = await Run("score", Paths.Example, "--rules", rules);
        Assert.Equal(2, run.Exit);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
    }
}
