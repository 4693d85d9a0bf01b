namespace Juesuan.Cli.Tests;

/// <summary>Runs `juesuan` in-process with its own folder and SQLite file, removed after each test.</summary>
public abstract class CliTestBase : IDisposable
{
    /// <summary>The test's own folder (created).</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("juesuan-cli-").FullName;

    /// <summary>Runs the command line with <paramref name="args"/> against the folder's store (created on first use); exit code, stdout, stderr.</summary>
    protected async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Program.RunAsync([.. args, "--db", Path.Combine(Folder, "store.db"), "--create"], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
