using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Juesuan.TestSupport;
using Npgsql;
using UglyToad.PdfPig;
using Xunit;

namespace Juesuan.Cli.Tests;

/// <summary>
/// The installed `juesuan` — compiled ahead of time and trimmed (Native AOT), its PDFs handed to the ReadyToRun build in
/// pdf/ — gives what this build gives: every real report read, audited, shown and written alike, documents and
/// workbooks written alike, a store filled and read back (SQLite and PostgreSQL), a PDF made. Each command runs here
/// in-process and then as the published executable, with its outputs in a folder of its own; exit codes, what it
/// printed (the folder's name aside) and every file it wrote must agree. Runs when JUESUAN_PUBLISHED names the
/// executable (.ci/run publishes it first).
/// </summary>
public sealed class PublishedBuildTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("juesuan-published-").FullName;
    private readonly List<string> _schemas = [];

    [SkippableFact]
    public async Task Every_real_report_is_read_audited_and_shown_alike()
    {
        var published = Paths.RequirePublished();
        var samples = Paths.RequireSamples();
        string[] inputs =
        [
            Paths.Example,
            .. Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal),
            .. Directory.GetFiles(Path.Combine(samples, "pdf"), "*.pdf").Order(StringComparer.Ordinal),
            .. Directory.GetFiles(Paths.RequireCorpus(), "*.pdf").Order(StringComparer.Ordinal),
        ];
        foreach (var input in inputs)
        {
            // Each input's JSON a file of its own: one written before would be refused (no --force), unread.
            await Alike(published, "import", input, "-o", $"{{o}}/{Path.GetFileNameWithoutExtension(input)}.json");
            await Alike(published, "audit", input, "-v");
            await Alike(published, "audit", input, "-f", "json");
            await Alike(published, "show", input);
            await Alike(published, "score", input);
        }
    }

    [SkippableFact]
    public async Task Bad_input_is_refused_in_the_same_words()
    {
        var published = Paths.RequirePublished();
        var inputs = Path.Combine(_folder, "inputs");
        Directory.CreateDirectory(inputs);
        var example = File.ReadAllText(Paths.Example);
        var pdf = File.ReadAllBytes(Path.Combine(Paths.RequireSamples(), "pdf", "putuo-finance-bureau-2024-final-accounts.pdf"));
        File.WriteAllText(Path.Combine(inputs, "misspelt.json"), example.Replace("\"department\"", "\"departmnet\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(inputs, "wrong-type.json"), example.Replace("\"year\": 2024", "\"year\": \"二〇二四\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(inputs, "not.json"), "{ \"schemaVersion\": 1, ");
        File.WriteAllBytes(Path.Combine(inputs, "half.pdf"), pdf[..(pdf.Length / 2)]);
        File.WriteAllBytes(Path.Combine(inputs, "damaged.xlsx"), [.. "PK\u0003\u0004"u8, .. new byte[200]]);
        using (var zip = ZipFile.Open(Path.Combine(inputs, "not-a-workbook.xlsx"), ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("这不是工作簿");
        }

        File.WriteAllText(Path.Combine(inputs, "empty.txt"), string.Empty);
        foreach (var input in Directory.GetFiles(inputs).Order(StringComparer.Ordinal).Append(Path.Combine(inputs, "missing.pdf")))
        {
            await Alike(published, "import", input, "-o", $"{{o}}/{Path.GetFileName(input)}.json");
            await Alike(published, "audit", input);
        }

        await Alike(published, "import", inputs, "-o", "{o}/folder.json");
        await Alike(published, "render", Paths.Example, "-f", "odt", "-o", "{o}/x.odt");
    }

    [SkippableFact]
    public async Task Documents_workbooks_and_the_store_agree()
    {
        var published = Paths.RequirePublished();
        string[] store = ["--db", "{o}/store.db", "--create"];
        await Alike(published, "render", Paths.Example, "-f", "html", "-o", "{o}/example.html");
        await Alike(published, "render", Paths.Example, "-f", "docx", "-o", "{o}/example.docx");
        await Alike(published, "render", Paths.Example, "--only", "evaluations", "-o", "{o}/evaluations.docx");
        await Alike(published, "export", "--blank", "national-2022", "-o", "{o}/blank.xlsx");
        await Alike(published, ["import", Paths.Example, "--save", "--audit", .. store]);
        var key = Key(await Alike(published, ["list", .. store]));
        await Alike(published, ["export", key, "-o", "{o}/workbook.xlsx", .. store]);
        await Alike(published, ["export", key, "-f", "txt", "-o", "{o}/report.txt", .. store]);
        await Alike(published, "import", "{o}/workbook.xlsx", "-o", "{o}/from-workbook.json");
        await Alike(published, "import", "{o}/report.txt", "-o", "{o}/from-report.json");
        await Alike(published, ["audit", key, .. store]);
        await Alike(published, ["compare", "peers", "2024", .. store]);
        await Alike(published, ["ledger", "-o", "{o}/ledger.xlsx", .. store]);
        await Alike(published, ["prepare", "--help"]);
        await Alike(published, ["--help"]);
    }

    [SkippableFact]
    public async Task A_reference_folder_is_read_alike()
    {
        var published = Paths.RequirePublished();
        var domain = Path.Combine(Paths.RepoRoot, "src", "Juesuan.Domain");
        var folder = Path.Combine(_folder, "基础数据");
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        Directory.CreateDirectory(Path.Combine(folder, "catalogs"));
        var national = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(domain, "Templates", "national-2022.json")))!.AsObject();
        national["id"] = "guangdong-2024";
        national["provinces"] = new System.Text.Json.Nodes.JsonArray("广东省");
        File.WriteAllText(Path.Combine(folder, "templates", "guangdong-2024.json"), national.ToJsonString());
        File.Copy(Path.Combine(domain, "Catalogs", "function-codes.json"), Path.Combine(folder, "catalogs", "function-codes.json"));
        File.Copy(Path.Combine(domain, "Scoring", "scoring-rules.json"), Path.Combine(folder, "scoring-rules.json"));
        string[] reference = ["--reference", folder];
        await Alike(published, ["export", "--blank", "guangdong-2024", "-o", "{o}/guangdong.xlsx", .. reference]);
        await Alike(published, ["render", Paths.Example, "--template", "guangdong-2024", "-o", "{o}/guangdong.html", .. reference]);
        await Alike(published, ["audit", Paths.Example, "-f", "json", .. reference]);
        await Alike(published, ["score", Paths.Example, .. reference]);

        // A template the reader refuses is said in the same words.
        File.WriteAllText(Path.Combine(folder, "templates", "broken.json"), "{ \"id\": \"broken\", \"tables\": [ { \"definition\": 7 } ] }");
        await Alike(published, ["audit", Paths.Example, .. reference]);
    }

    [SkippableFact]
    public async Task A_postgres_store_is_filled_and_read_alike()
    {
        var published = Paths.RequirePublished();
        var server = Paths.RequirePostgres();

        // Each run gets a schema of its own: the same arguments, a different database underneath.
        string[] Store(string run) => ["--store", "postgres", "--connection", new NpgsqlConnectionStringBuilder(server) { SearchPath = Schema(server, run) }.ToString()];
        string[] here = Store("a"), there = Store("b");
        await Alike(published, ["import", Paths.Example, "--save"], here, there);
        var key = Key(await Alike(published, ["list"], here, there));
        await Alike(published, ["audit", key, "-f", "json"], here, there);
        await Alike(published, ["render", key, "-o", "{o}/from-store.html"], here, there);
    }

    [SkippableFact]
    public async Task A_pdf_is_made_through_the_build_beside_it()
    {
        var published = Paths.RequirePublished();
        Paths.RequireBrowser();
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(published)!, "pdf", "juesuan")), "the PDF-making build is installed in pdf/");
        await Alike(published, "render", Paths.Example, "-f", "pdf", "-o", "{o}/example.pdf");
    }

    [SkippableFact]
    public async Task Without_the_pdf_build_beside_it_a_pdf_is_refused_in_words()
    {
        var published = Paths.RequirePublished();
        var alone = Directory.CreateDirectory(Path.Combine(_folder, "alone")).FullName;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(published)!))
        {
            File.Copy(file, Path.Combine(alone, Path.GetFileName(file)));
        }

        var (exit, output, error) = await Run(Path.Combine(alone, "juesuan"), ["render", Paths.Example, "-f", "pdf", "-o", Path.Combine(alone, "x.pdf")]);
        Assert.Equal(ExitCodes.Internal, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("无法生成 PDF：安装不完整", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(alone, "x.pdf")));

        // Everything else works without it.
        (exit, _, _) = await Run(Path.Combine(alone, "juesuan"), ["render", Paths.Example, "-o", Path.Combine(alone, "x.html")]);
        Assert.Equal(ExitCodes.Ok, exit);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("JUESUAN_TEST_PG") is { Length: > 0 } server)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            foreach (var schema in _schemas)
            {
                using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
                drop.ExecuteNonQuery();
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string Schema(string server, string run)
    {
        var schema = $"t_published_{run}_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        create.ExecuteNonQuery();
        _schemas.Add(schema);
        return schema;
    }

    // The first key `list` printed.
    private static string Key(string list) =>
        list.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', '　')[0]).First(k => k.Contains('/', StringComparison.Ordinal));

    private Task<string> Alike(string published, params string[] args) => Alike(published, args, [], []);

    // Runs args here and as the published executable, "{o}" standing for each run's own output folder (the same folder
    // name for every command of a test, so that later commands read what earlier ones wrote); asserts they agree and
    // returns what this build printed.
    private async Task<string> Alike(string published, string[] args, string[] inProcessExtra, string[] publishedExtra)
    {
        var here = Path.Combine(_folder, "here");
        var there = Path.Combine(_folder, "published");
        Directory.CreateDirectory(here);
        Directory.CreateDirectory(there);
        // What each run wrote: the files of its folder (a store's aside) that are new or changed.
        static Dictionary<string, DateTime> Files(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Contains(".db", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.GetLastWriteTimeUtc, StringComparer.Ordinal);
        static string[] Written(string folder, Dictionary<string, DateTime> before) =>
            [.. Files(folder).Where(f => !before.TryGetValue(f.Key, out var then) || then != f.Value).Select(f => f.Key).Order(StringComparer.Ordinal)];
        var (hereBefore, thereBefore) = (Files(here), Files(there));
        var command = string.Join(' ', args);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Program.RunAsync([.. args.Select(a => a.Replace("{o}", here, StringComparison.Ordinal)), .. inProcessExtra], output, error);
        var (publishedExit, publishedOut, publishedErr) = await Run(published, [.. args.Select(a => a.Replace("{o}", there, StringComparison.Ordinal)), .. publishedExtra]);

        Assert.True(exit == publishedExit, $"`{command}`: exit {exit} here, {publishedExit} published.\n{publishedErr}");
        Assert.Equal(Normal(output.ToString(), here, inProcessExtra), Normal(publishedOut, there, publishedExtra));
        Assert.Equal(Normal(error.ToString(), here, inProcessExtra), Normal(publishedErr, there, publishedExtra));
        var written = Written(here, hereBefore);
        Assert.True(written.SequenceEqual(Written(there, thereBefore)), $"`{command}` wrote {string.Join("、", written)} here and {string.Join("、", Written(there, thereBefore))} published.");
        foreach (var file in written)
        {
            AssertSameContent(Path.Combine(here, file), Path.Combine(there, file), command);
        }

        return output.ToString();
    }

    // What a run printed with its own folder, and its own store's connection, named alike.
    private static string Normal(string text, string folder, string[] extra)
    {
        // The help names the program as started: the test host here.
        text = text.Replace(folder, "{o}", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("testhost", "juesuan", StringComparison.Ordinal);
        foreach (var value in extra.Where(e => e.Contains('=', StringComparison.Ordinal)))
        {
            text = text.Replace(value, "{store}", StringComparison.Ordinal);
        }

        return System.Text.RegularExpressions.Regex.Replace(text, @"t_published_[ab]_[0-9a-f]{32}", "{schema}");
    }

    private static void AssertSameContent(string expected, string actual, string command)
    {
        var name = Path.GetFileName(expected);
        switch (Path.GetExtension(expected))
        {
            case ".docx" or ".xlsx":
                // The package's parts, not its bytes: the archive records when each part was written.
                var parts = Parts(expected);
                var publishedParts = Parts(actual);
                Assert.Equal(parts.Keys.Order(StringComparer.Ordinal), publishedParts.Keys.Order(StringComparer.Ordinal));
                foreach (var (part, content) in parts)
                {
                    Assert.True(content == publishedParts[part], $"`{command}`: part {part} of {name} differs.");
                }

                break;
            case ".pdf":
                using (var here = PdfDocument.Open(expected))
                using (var there = PdfDocument.Open(actual))
                {
                    Assert.Equal(here.NumberOfPages, there.NumberOfPages);
                    Assert.Equal(here.GetPages().Select(p => p.Text), there.GetPages().Select(p => p.Text));
                }

                break;
            case ".html":
                Assert.True(Renumbered(File.ReadAllText(expected), ClipId) == Renumbered(File.ReadAllText(actual), ClipId), $"`{command}`: {name} differs.");
                break;
            default:
                Assert.True(File.ReadAllText(expected) == File.ReadAllText(actual), $"`{command}`: {name} differs.");
                break;
        }
    }

    // A chart's SVG names its clipping paths from a counter of the process (Skia's), and the OpenXML SDK and MiniExcel name a
    // package's relationships at random: the same document made in another process (or again in this one) names them
    // otherwise, so they are renumbered in the order they appear.
    private const string ClipId = @"\bcl_[0-9a-f]+\b";
    private const string RelationshipId = @"\bR[0-9a-f]{16}(?:[0-9a-f]{16})?\b";

    private static string Renumbered(string text, string pattern)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(text, pattern, m =>
        {
            if (!names.TryGetValue(m.Value, out var number))
            {
                names[m.Value] = number = names.Count;
            }

            return "id" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    // A package's parts as text (hex for binary ones), the core properties' times and the relationships' names left out.
    private static Dictionary<string, string> Parts(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var text = e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)
                ? Renumbered(Encoding.UTF8.GetString(buffer.ToArray()), RelationshipId)
                : Convert.ToHexString(buffer.ToArray());
            return e.FullName == "docProps/core.xml" ? System.Text.RegularExpressions.Regex.Replace(text, @"\d{4}-\d\d-\d\dT[\d:.]+Z", "{time}") : text;
        }, StringComparer.Ordinal);
    }

    private static async Task<(int Exit, string Out, string Err)> Run(string executable, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Not left running (with a browser it started) after the test has failed.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
