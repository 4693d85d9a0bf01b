using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Juesuan.Corpus;

// juesuan-corpus [--shared DIR] [--per-class N] [--doc TEXT] [--class ID] [--missed] [--show] [--write DIR] | --lines FILE
// Measures every real document under ../shared (samples, samples/pdf, corpus) and the derived ones in docs/corpus/derived (the PDFs through pdftotext -layout): what is read, what is found, and the
// recall of injected defects per class. --write stores baseline.json and baseline.md for review.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a, x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "");
if (options.TryGetValue("--lines", out var linesOf))
{
    // The lines the reader builds from a document (PDF: tables rebuilt from word positions), to see a misreading.
    foreach (var line in CorpusSource.ReaderLines(linesOf))
    {
        Console.WriteLine(line);
    }

    return 0;
}

if (options.TryGetValue("--layout", out var layoutOf))
{
    // The lines the mutators see (PDF: the words of a baseline), with the kind and table the layout gives each.
    var source = CorpusSource.Open(layoutOf);
    if (source is null)
    {
        Console.Error.WriteLine($"无法打开 {layoutOf}");
        return 2;
    }

    var layout = Layout.Of(source);
    for (var i = 0; i < source.Lines.Count; i++)
    {
        Console.WriteLine($"{i + 1,5} p{source.Pages[source.Lines[i].FirstOrDefault()],-3} {layout.Kinds[i],-11} {layout.Tables[i] ?? "-",-20} {source.LineText(i)}");
    }

    return 0;
}

var shared = options.GetValueOrDefault("--shared") ?? FindShared();
var perClass = int.Parse(options.GetValueOrDefault("--per-class") ?? "40", CultureInfo.InvariantCulture);
var documents = CorpusRunner.Documents(shared, Path.Combine(RepoRoot(), "docs", "corpus", "derived")).Where(d => !options.ContainsKey("--doc") || Path.GetFileName(d).Contains(options["--doc"], StringComparison.Ordinal)).ToArray();
var classes = options.TryGetValue("--class", out var only) ? only.Split(',') : null;
if (documents.Length == 0)
{
    Console.Error.WriteLine($"没有找到文档：{shared}");
    return 2;
}

CorpusRunner.Show = options.ContainsKey("--show");
var results = new DocumentResult[documents.Length];
Parallel.For(0, documents.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = CorpusRunner.Run(documents[i], perClass, classes));
var markdown = Report.Markdown(results, perClass, options.ContainsKey("--missed"));
Console.WriteLine(markdown);
if (options.TryGetValue("--write", out var dir))
{
    dir = dir.Length == 0 ? "docs/corpus" : dir;
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, "baseline.md"), Report.Markdown(results, perClass, missed: true));
    File.WriteAllText(Path.Combine(dir, "baseline.json"), Report.Json(results, perClass));
    Console.Error.WriteLine($"已写入 {dir}/baseline.md 和 baseline.json");
}

return 0;

static string FindShared() => Environment.GetEnvironmentVariable("JUESUAN_SHARED") ?? Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared"));

static string RepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Juesuan.slnx")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? ".";
}

/// <summary>The runner's report as Markdown (for people) and JSON (for the regression test).</summary>
public static class Report
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The baseline as JSON.</summary>
    public static string Json(IReadOnlyList<DocumentResult> results, int perClass) =>
        JsonSerializer.Serialize(new { perClass, documents = results }, JsonOptions) + "\n";

    /// <summary>Tables of figures and recall, and the missed mutants when asked.</summary>
    public static string Markdown(IReadOnlyList<DocumentResult> results, int perClass, bool missed)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# Corpus and defect injection (at most {perClass} mutants per class and document)").AppendLine();
        sb.AppendLine("| document | tables | cells | narrative figures | unattached | attached % | import notes | errors | warnings | infos | rounding | not checked | unmutated unchanged |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var f in results.Select(r => r.Figures))
        {
            var attached = f.NarrativeFigures == 0 ? "–" : ((f.NarrativeFigures - f.Unattached) * 100.0 / f.NarrativeFigures).ToString("0.0", CultureInfo.InvariantCulture);
            sb.AppendLine(f.Error is not null ? $"| {f.Document} | {f.Error} |||||||||||| |"
                : $"| {f.Document} | {f.Tables} | {f.Cells} | {f.NarrativeFigures} | {f.Unattached} | {attached} | {f.ImportIssues} | {f.Errors} | {f.Warnings} | {f.Infos} | {f.Rounding} | {f.NotChecked} | {(f.UnmutatedUnchanged ? "yes" : "**no**")} |");
        }

        var ids = Mutators.All.Select(c => c.Id).Where(id => results.Any(r => r.Classes.Any(c => c.Class == id))).ToArray();
        sb.AppendLine().AppendLine("Recall per class: found / (mutants − rounding-only); `n/a` where the document offers no place for the defect. " +
            "Places the document prints nothing to check against (a target, an indicator's value, a change over an unprinted prior year, " +
            "an amount outside the accounts printed once) are not injected; their number follows 「no 2nd source」 and they are listed below.").AppendLine();
        sb.AppendLine("| class | " + string.Join(" | ", results.Select(r => Short(r.Figures.Document))) + " | all |");
        sb.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", results.Count + 1)));
        foreach (var id in ids)
        {
            var cells = results.Select(r => r.Classes.FirstOrDefault(c => c.Class == id)).ToArray();
            var total = (Found: cells.Sum(c => c?.Found ?? 0), Checkable: cells.Sum(c => c is null ? 0 : c.Mutants - c.RoundingOnly));
            sb.AppendLine($"| {id} | " + string.Join(" | ", cells.Select(Cell)) + $" | {Percent(total.Found, total.Checkable)} |");
        }

        // How exactly a found shift is placed: the first row named, or another row of the run the figures cannot tell apart.
        var rowed = results.Select(r => (r.Figures.Document, Rows: r.Classes.FirstOrDefault(c => c.RowsNamed is not null)?.RowsNamed)).Where(x => x.Rows is not null).ToArray();
        if (rowed.Length > 0)
        {
            sb.AppendLine().AppendLine("Found table shifts whose finding names the very row the shift starts at (else another row of the run the figures cannot tell apart): "
                + string.Join("; ", rowed.Select(x => $"{Short(x.Document)} {x.Rows!.Value.Named}/{x.Rows.Value.Of}")) + ".");
        }

        if (missed)
        {
            sb.AppendLine().AppendLine("## Places without a second source (not injected)").AppendLine();
            foreach (var r in results)
            {
                foreach (var c in r.Classes.Where(c => c.WithoutSecondSource.Count > 0))
                {
                    sb.AppendLine($"- **{r.Figures.Document} / {c.Class}**");
                    foreach (var m in c.WithoutSecondSource)
                    {
                        sb.AppendLine($"  - {m.Replace("|", "\\|", StringComparison.Ordinal)}");
                    }
                }
            }

            sb.AppendLine().AppendLine("## Missed mutants").AppendLine();
            foreach (var r in results)
            {
                foreach (var c in r.Classes.Where(c => c.Missed.Count > 0))
                {
                    sb.AppendLine($"- **{r.Figures.Document} / {c.Class}**");
                    foreach (var m in c.Missed)
                    {
                        sb.AppendLine($"  - {m.Replace("|", "\\|", StringComparison.Ordinal)}");
                    }
                }
            }
        }

        return sb.ToString();
    }

    private static string Cell(ClassRecall? c) => c is null || c.Mutants == 0 ? "n/a"
        : $"{Percent(c.Found, c.Mutants - c.RoundingOnly)} ({c.Found}/{c.Mutants - c.RoundingOnly}{(c.RoundingOnly > 0 ? $", {c.RoundingOnly} rounding" : string.Empty)}" +
          $"{(c.WithoutSecondSource.Count > 0 ? $", {c.WithoutSecondSource.Count} no 2nd source" : string.Empty)})";

    private static string Percent(int found, int of) => of == 0 ? "n/a" : (found * 100.0 / of).ToString("0", CultureInfo.InvariantCulture) + "%";

    // 「putuo」, and 「putuo (layout)」 for its derived text.
    private static string Short(string document) => document.Split('-')[0] + (document.EndsWith(".pdftotext-layout.txt", StringComparison.Ordinal) ? " (layout)" : string.Empty);
}
