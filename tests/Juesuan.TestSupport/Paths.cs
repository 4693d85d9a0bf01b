using Xunit;

namespace Juesuan.TestSupport;

/// <summary>Locates the repository and the shared samples beside it.</summary>
public static class Paths
{
    /// <summary>The repository root (the folder holding Juesuan.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The example department-year.</summary>
    public static string Example => Path.Combine(RepoRoot, "examples", "qingshi-2024.json");

    /// <summary>
    /// The shared samples folder (../shared/samples beside the repository), or JUESUAN_SAMPLES when set.
    /// Skips the calling test when it is absent, unless JUESUAN_REQUIRE_SAMPLES=1 (CI), where it fails instead.
    /// </summary>
    public static string RequireSamples()
    {
        var dir = Environment.GetEnvironmentVariable("JUESUAN_SAMPLES") ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "samples"));
        return Require(dir, Directory.Exists(dir), "JUESUAN_REQUIRE_SAMPLES", $"the shared samples folder {dir}",
            "set JUESUAN_SAMPLES or place ../shared beside the repository");
    }

    /// <summary>
    /// The shared corpus folder (../shared/corpus beside the repository), or JUESUAN_CORPUS when set; skips or fails like
    /// <see cref="RequireSamples"/>.
    /// </summary>
    public static string RequireCorpus()
    {
        var dir = Environment.GetEnvironmentVariable("JUESUAN_CORPUS") ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"));
        return Require(dir, Directory.Exists(dir), "JUESUAN_REQUIRE_SAMPLES", $"the shared corpus folder {dir}",
            "set JUESUAN_CORPUS or place ../shared beside the repository");
    }

    /// <summary>
    /// The Chromium executable for PDF and browser tests (JUESUAN_CHROMIUM, else /usr/bin/chromium). Skips the calling
    /// test when there is none, unless JUESUAN_REQUIRE_BROWSER=1 (CI), where it fails instead.
    /// </summary>
    public static string RequireBrowser()
    {
        var path = Environment.GetEnvironmentVariable("JUESUAN_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        return Require(path, File.Exists(path), "JUESUAN_REQUIRE_BROWSER", $"Chromium at {path}", "install Debian's chromium or set JUESUAN_CHROMIUM");
    }

    /// <summary>
    /// LibreOffice's command (JUESUAN_SOFFICE, else soffice on the PATH), which lays out a DOCX as a reader will see it.
    /// Skips the calling test when there is none, unless JUESUAN_REQUIRE_OFFICE=1 (CI), where it fails instead.
    /// </summary>
    public static string RequireOffice()
    {
        var path = Environment.GetEnvironmentVariable("JUESUAN_SOFFICE") is { Length: > 0 } configured
            ? configured
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, "soffice")).FirstOrDefault(File.Exists) ?? "soffice";
        return Require(path, File.Exists(path), "JUESUAN_REQUIRE_OFFICE", $"LibreOffice ({path})", "install libreoffice-writer-nogui or set JUESUAN_SOFFICE");
    }

    /// <summary>
    /// The connection string of the PostgreSQL server to test against (JUESUAN_TEST_PG; .ci/run starts one). Skips the
    /// calling test when it is not set, unless JUESUAN_REQUIRE_PG=1 (CI), where it fails instead.
    /// </summary>
    public static string RequirePostgres()
    {
        var connection = Environment.GetEnvironmentVariable("JUESUAN_TEST_PG") ?? string.Empty;
        return Require(connection, connection.Length > 0, "JUESUAN_REQUIRE_PG", "a PostgreSQL server (JUESUAN_TEST_PG)", "set JUESUAN_TEST_PG to a connection string");
    }

    /// <summary>
    /// The installed `juesuan` to test (JUESUAN_PUBLISHED: the executable `dotnet publish src/Juesuan.Cli
    /// -p:PublishProfile=linux-x64` wrote; .ci/run publishes it first). Skips the calling test when it is not set,
    /// unless JUESUAN_REQUIRE_PUBLISHED=1 (CI), where it fails instead. Never found by itself: a build left over from an
    /// older checkout would be tested against this one.
    /// </summary>
    public static string RequirePublished()
    {
        var path = Environment.GetEnvironmentVariable("JUESUAN_PUBLISHED") is { Length: > 0 } configured ? Path.GetFullPath(configured) : string.Empty;
        return Require(path, path.Length > 0 && File.Exists(path), "JUESUAN_REQUIRE_PUBLISHED", $"the published juesuan ({(path.Length > 0 ? path : "JUESUAN_PUBLISHED")})",
            "publish it with `dotnet publish src/Juesuan.Cli -p:PublishProfile=linux-x64` and set JUESUAN_PUBLISHED=artifacts/juesuan/juesuan");
    }

    // Present: the path. Absent: a failure where the variable demands it (CI), else a skip saying how to provide it.
    private static string Require(string path, bool present, string requireVariable, string what, string hint)
    {
        if (present)
        {
            return path;
        }

        if (Environment.GetEnvironmentVariable(requireVariable) == "1")
        {
            throw new InvalidOperationException($"{requireVariable}=1 but {what} does not exist.");
        }

        Skip.If(true, $"{what} not found; {hint}.");
        return path;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Juesuan.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Juesuan.slnx not found above " + AppContext.BaseDirectory);
    }
}
