using System.Text.RegularExpressions;
using Juesuan.Audit;
using Juesuan.Domain.Model;
using Juesuan.Import;
using Juesuan.Import.Text;

namespace Juesuan.Corpus;

/// <summary>What a document reads to and finds, as published.</summary>
public sealed record DocumentFigures(
    string Document, string? Error, int Tables, int Cells, int NarrativeFigures, int Unattached, int ImportIssues,
    int Errors, int Warnings, int Infos, int Rounding, int NotChecked, bool UnmutatedUnchanged);

/// <summary>Recall of one defect class on one document.</summary>
/// <param name="Class">The defect class id.</param>
/// <param name="Mutants">Mutants run.</param>
/// <param name="Found">Found at the mutated place by an error or warning.</param>
/// <param name="RoundingOnly">Changes small enough that rounding explains them (only a 尾差 note at the place): no sound checker can call them errors.</param>
/// <param name="Unreadable">Mutants the importer refused as a whole.</param>
/// <param name="Missed">What was missed, for the reader.</param>
public sealed record ClassRecall(string Class, int Mutants, int Found, int RoundingOnly, int Unreadable, IReadOnlyList<string> Missed)
{
    /// <summary>Of the found mutants whose place is a row (a shift's first row, by code), how many findings name that very row.</summary>
    public (int Named, int Of)? RowsNamed { get; init; }

    /// <summary>The places of the class the document prints nothing to check against (<see cref="SecondSource"/>), not injected.</summary>
    public IReadOnlyList<string> WithoutSecondSource { get; init; } = [];

    /// <summary>Found over the mutants that rounding does not explain; null when there were none.</summary>
    public double? Recall => Mutants - RoundingOnly > 0 ? (double)Found / (Mutants - RoundingOnly) : null;
}

/// <summary>One document's figures and recall per class.</summary>
public sealed record DocumentResult(DocumentFigures Figures, IReadOnlyList<ClassRecall> Classes);

/// <summary>
/// The defect-injection runner (issue 11): reads every real document, records what it reads and finds, then injects one
/// defect at a time from each class and checks whether the audit reports it at the place it was put.
/// </summary>
public static partial class CorpusRunner
{
    /// <summary>
    /// The documents of the shared samples and corpus folders (text and PDF), and the derived ones kept in
    /// <paramref name="derived"/> (the PDFs through pdftotext -layout: docs/corpus/derived), by name.
    /// </summary>
    public static IReadOnlyList<string> Documents(string shared, string? derived = null) =>
        new[] { "samples", "samples/pdf", "corpus" }.Select(d => Path.Combine(shared, d)).Append(derived ?? string.Empty).Where(d => d.Length > 0 && Directory.Exists(d))
            .SelectMany(d => Directory.EnumerateFiles(d).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".pdf", StringComparison.Ordinal)))
            .OrderBy(Path.GetFileName, StringComparer.Ordinal).ToArray();

    /// <summary>Measures one document with at most <paramref name="perClass"/> mutants of each class.</summary>
    public static DocumentResult Run(string path, int perClass, IReadOnlyCollection<string>? classes = null)
    {
        var name = Path.GetFileName(path);
        var source = CorpusSource.Open(path);
        var published = Importer.ReadFile(path);
        if (source is null || published.Value is null)
        {
            return new DocumentResult(new DocumentFigures(name, published.Error ?? "无法打开", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false), []);
        }

        var year = published.Value;
        var report = Auditor.Audit(year, name);
        var again = source.Read([]);
        var unchanged = again.Value is not null && Keys(Auditor.Audit(again.Value, name).Findings).SequenceEqual(Keys(report.Findings));
        var figures = new DocumentFigures(
            name, null, year.Tables.Count, year.Tables.Sum(t => t.Rows.Sum(r => r.Cells.Count(c => c.Value is not null))),
            year.Narrative.Sections.Sum(s => NarrativeReader.AnyFigure().Count(s.Text)) + year.Narrative.ProseFigures, year.Narrative.UnattachedFigures.Count, published.Issues.Count,
            report.Summary.Errors, report.Summary.Warnings, report.Summary.Infos, report.Summary.Rounding, report.Summary.NotChecked, unchanged);

        var baseline = Keys(report.Findings).ToHashSet(StringComparer.Ordinal);
        var zeroItems = year.Table(Juesuan.Domain.Templates.TableIds.GpbBasicEconomic)?.Rows
            .Where(r => r.Key.Length == 5 && r.Label is { Length: >= 2 } && r.ShowsNothingIn("amount"))
            .Select(r => r.Label!).Distinct().ToArray() ?? [];
        var listed = year.Labels.Where(l => l.Kind == LabelKind.Contents).Select(l => ContentsEntry.TitleOf(l.Text)).ToHashSet(StringComparer.Ordinal);
        var context = new Context(source, Layout.Of(source), year.Year)
        {
            ZeroItems = zeroItems,
            EmptyStatements = [.. year.Tables.Where(t => t.EmptyStatement is { Length: > 0 } && t.HasNoData).Select(t => (t.Definition, t.Title, t.EmptyStatement!))],
            HasSubordinates = year.Units.Any(u => u.Kind == OrgUnitKind.Subordinate),
            ListedHeadings = year.Labels.Where(l => l.Kind is LabelKind.Heading or LabelKind.TableTitle).Select(l => ContentsEntry.TitleOf(l.Text)).Where(listed.Contains).ToHashSet(StringComparer.Ordinal),
        };
        var results = new List<ClassRecall>();
        foreach (var defect in Mutators.All.Where(d => classes is null || classes.Contains(d.Id)))
        {
            var random = new Random(Seed(name, defect.Id));
            var all = defect.Candidates(context, random).ToList();
            var candidates = all.Where(m => m.WithoutSecondSource is null).ToList();
            var unverifiable = all.Where(m => m.WithoutSecondSource is not null)
                .Select(m => $"第{m.Page}页/第{m.Line + 1}行 {m.Description}：{m.WithoutSecondSource}").ToArray();
            var chosen = candidates.Count <= perClass ? candidates : candidates.OrderBy(_ => random.Next()).Take(perClass).OrderBy(m => m.Line).ToList();
            int found = 0, rounding = 0, unreadable = 0, rowed = 0, named = 0;
            var missed = new List<string>();
            foreach (var mutant in chosen)
            {
                var verdict = Judge(source, mutant, baseline, name, out var finding);
                if (verdict == Verdict.Found && mutant.Anchor.Row is { } row)
                {
                    rowed++;
                    named += finding?.Message.Contains($"自「{row} ", StringComparison.Ordinal) == true ? 1 : 0;
                }

                switch (verdict)
                {
                    case Verdict.Found: found++; break;
                    case Verdict.RoundingOnly: rounding++; break;
                    case Verdict.Unreadable: unreadable++; missed.Add($"第{mutant.Page}页/第{mutant.Line + 1}行 {mutant.Description}（无法导入）"); break;
                    default: missed.Add($"第{mutant.Page}页/第{mutant.Line + 1}行 {mutant.Description}"); break;
                }
            }

            results.Add(new ClassRecall(defect.Id, chosen.Count, found, rounding, unreadable, missed) { WithoutSecondSource = unverifiable, RowsNamed = rowed > 0 ? (named, rowed) : null });
        }

        return new DocumentResult(figures, results);
    }

    private enum Verdict
    {
        Missed,
        Found,
        RoundingOnly,
        Unreadable,
    }

    private static Verdict Judge(CorpusSource source, Mutant mutant, HashSet<string> baseline, string name, out Finding? finding)
    {
        finding = null;
        var read = source.Read(mutant.Edits);
        if (read.Value is null)
        {
            return Verdict.Unreadable;
        }

        var year = mutant.Rename is { } renamed ? read.Value with { Sources = [renamed] } : read.Value;
        var fresh = Auditor.Audit(year, mutant.Rename ?? name).Findings.Where(f => !baseline.Contains(Key(f))).ToArray();
        if (fresh.FirstOrDefault(f => f.Severity >= Severity.Warning && f.Kind == FindingKind.Violation && At(f, mutant.Anchor)) is { } found)
        {
            finding = found;
            if (Show)
            {
                // --show: what found it, one line, to see that the finding names the right place.
                Console.Error.WriteLine($"发现 {name} 第{mutant.Line + 1}行 {mutant.Description}：{found.Rule} {found.Message}");
            }

            return Verdict.Found;
        }

        var verdict = fresh.Any(f => f.Kind == FindingKind.Rounding && At(f, mutant.Anchor)) ? Verdict.RoundingOnly : Verdict.Missed;
        if (Show)
        {
            // --show: what the audit said of a missed mutant, to see why it was not found at its place.
            var lines = fresh.Select(f => $"    {f.Rule} {f.Severity} {f.Location}: {f.Message}");
            Console.Error.WriteLine($"未发现 {name} 第{mutant.Line + 1}行 {mutant.Description}\n    原文：{source.LineText(mutant.Line)}\n{string.Join("\n", lines)}");
            if (source is PdfSource)
            {
                // The mutant as read, to look at by hand.
                var path = Path.Combine(Path.GetTempPath(), $"mutant-{mutant.Class}-{mutant.Line + 1}-{name}.json");
                File.WriteAllText(path, Juesuan.Formats.Json.DepartmentYearJson.Write(read.Value));
                Console.Error.WriteLine($"    已写出：{path}");
            }
            else if (source is TextSource)
            {
                // The mutant as a file, to import and audit by hand.
                var lines2 = source.Segments.ToArray();
                foreach (var edit in mutant.Edits)
                {
                    lines2[edit.Segment] = edit.Text;
                }

                var path = Path.Combine(Path.GetTempPath(), $"mutant-{mutant.Class}-{mutant.Line + 1}-{name}");
                File.WriteAllText(path, string.Join("\n", lines2));
                Console.Error.WriteLine($"    已写出：{path}");
            }
        }

        return verdict;
    }

    /// <summary>Print the new findings of each missed mutant to standard error (the runner's --show).</summary>
    public static bool Show { get; set; }

    /// <summary>True when a finding names the anchor: quotes one of its values or words, or is about its table.</summary>
    public static bool At(Finding finding, Anchor anchor)
    {
        if (anchor.Rule is not null && finding.Rule != anchor.Rule)
        {
            return false;
        }

        if (anchor.Table is not null && finding.Table == anchor.Table)
        {
            return true;
        }

        var text = string.Join("\n", new[] { finding.Message, finding.Location, finding.Actual, finding.Expected, finding.LikelyWrong }
            .Concat(finding.Figures.SelectMany(f => new[] { f.Value, f.Location })).Where(s => s is not null))
            .Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);

        // A value is matched in what the finding says, not in the line and page numbers of its locations.
        var said = Regex.Replace(text, @"第\d+[行页]", string.Empty);
        return anchor.Words.Any(w => text.Contains(w, StringComparison.Ordinal) && (anchor.Where is null || text.Contains(anchor.Where, StringComparison.Ordinal)))
            || anchor.Values.Select(v => v.Replace(",", string.Empty, StringComparison.Ordinal)).Any(v => Regex.IsMatch(said, $@"(?<![\d.]){Regex.Escape(v)}(?!\d)"));
    }

    private static IEnumerable<string> Keys(IEnumerable<Finding> findings) => findings.Select(Key).Order(StringComparer.Ordinal);

    private static string Key(Finding f) => $"{f.Rule}|{f.Severity}|{f.Kind}|{f.Message}";

    private static int Seed(string document, string cls)
    {
        // A stable seed (string.GetHashCode is randomised per process).
        var h = 17;
        foreach (var ch in document + "/" + cls)
        {
            h = unchecked((h * 31) + ch);
        }

        return h;
    }
}
