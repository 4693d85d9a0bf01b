using System.Xml.Linq;
using Juesuan.TestSupport;

namespace Juesuan.Application.Tests;

/// <summary>
/// Project references run one way (issue 14): Domain &lt; Formats &lt; Import, Audit &lt; Documents, Storage &lt;
/// Application &lt; hosts. Read from the project files themselves, so a reference added against the layering fails here.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>What each project under <c>src/</c> may reference directly; a new project must be placed here.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Juesuan.Domain"] = [],
        ["Juesuan.Formats"] = ["Juesuan.Domain"],
        ["Juesuan.Import"] = ["Juesuan.Domain", "Juesuan.Formats"],
        ["Juesuan.Audit"] = ["Juesuan.Domain"],
        // Documents write; they never read a report back through the importers.
        ["Juesuan.Documents"] = ["Juesuan.Domain", "Juesuan.Formats", "Juesuan.Audit"],
        // The store keeps department-years and audit runs; it knows formats, never the readers.
        ["Juesuan.Storage"] = ["Juesuan.Domain", "Juesuan.Formats", "Juesuan.Audit"],
        ["Juesuan.Application"] = ["Juesuan.Domain", "Juesuan.Formats", "Juesuan.Import", "Juesuan.Audit", "Juesuan.Documents", "Juesuan.Storage"],
        // Hosts are argument parsing or HTTP over the use cases.
        ["Juesuan.Cli"] = ["Juesuan.Application"],
        ["Juesuan.Web"] = ["Juesuan.Application"],
    };

    public static TheoryData<string> Projects() => new(SourceProjects());

    private static IEnumerable<string> SourceProjects() =>
        Directory.EnumerateFiles(Path.Combine(Paths.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_only_the_layers_below_it(string project)
    {
        Assert.True(Allowed.TryGetValue(project, out var allowed), $"{project} has no place in the layering: add it to {nameof(Allowed)}.");
        var file = Path.Combine(Paths.RepoRoot, "src", project, project + ".csproj");
        var references = XDocument.Load(file).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();
        var against = references.Except(allowed, StringComparer.Ordinal).ToArray();
        Assert.True(against.Length == 0, $"{project} references {string.Join(", ", against)} against the layering.");
    }

    [Fact]
    public void Every_source_project_is_in_the_solution()
    {
        var solution = File.ReadAllText(Path.Combine(Paths.RepoRoot, "Juesuan.slnx"));
        foreach (var project in SourceProjects())
        {
            Assert.Contains($"src/{project}/{project}.csproj", solution, StringComparison.Ordinal);
        }
    }
}
