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
