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
        if (Directory.Exists(dir))
        {
            return dir;
        }

        if (Environment.GetEnvironmentVariable("JUESUAN_REQUIRE_SAMPLES") == "1")
        {
            throw new InvalidOperationException($"JUESUAN_REQUIRE_SAMPLES=1 but the shared samples folder {dir} does not exist.");
        }

        Skip.If(true, $"shared samples not found at {dir}; set JUESUAN_SAMPLES or place ../shared beside the repository.");
        return dir;
    }

    /// <summary>
    /// The Chromium executable for PDF and browser tests (JUESUAN_CHROMIUM, else /usr/bin/chromium). Skips the calling
    /// test when there is none, unless JUESUAN_REQUIRE_BROWSER=1 (CI), where it fails instead.
    /// </summary>
    public static string RequireBrowser()
    {
        var path = Environment.GetEnvironmentVariable("JUESUAN_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (File.Exists(path))
        {
            return path;
        }

        if (Environment.GetEnvironmentVariable("JUESUAN_REQUIRE_BROWSER") == "1")
        {
            throw new InvalidOperationException($"JUESUAN_REQUIRE_BROWSER=1 but Chromium was not found at {path}.");
        }

        Skip.If(true, $"Chromium not found at {path}; install Debian's chromium or set JUESUAN_CHROMIUM.");
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
