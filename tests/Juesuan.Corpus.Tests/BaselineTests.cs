using System.Text.Json;
using Juesuan.TestSupport;

namespace Juesuan.Corpus.Tests;

/// <summary>
/// The defect-injection baseline (docs/corpus/baseline.json) is a floor: on every real document, no class may find
/// fewer injected defects than it did when the baseline was written, the document read as published must give the same
/// findings through the mutation path, no fewer narrative figures may be attached to a statement, and no more errors
/// may be found on it as published. Improve, then rewrite it with
/// <c>dotnet run --project tools/Juesuan.Corpus -- --write</c> so the diff shows the gain.
/// </summary>
public sealed class BaselineTests
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    // The PDFs through pdftotext -layout, kept in the repository (docs/corpus/derived).
    private static readonly string Derived = Path.Combine(Paths.RepoRoot, "docs", "corpus", "derived");

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var d in Baseline().Documents)
        {
            data.Add(d.Figures.Document);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void No_document_reads_or_finds_less_than_its_baseline(string document)
    {
        var shared = Path.GetDirectoryName(Paths.RequireSamples())!;
        var path = CorpusRunner.Documents(shared, Derived).FirstOrDefault(d => Path.GetFileName(d) == document);
        Assert.True(path is not null, $"{document} is in the baseline but not under {shared}");
        var baseline = Baseline();
        var before = baseline.Documents.Single(d => d.Figures.Document == document);
        var now = CorpusRunner.Run(path!, baseline.PerClass);

        Assert.Null(now.Figures.Error);
        Assert.True(now.Figures.UnmutatedUnchanged, "reading the words or lines back unchanged must give the same findings");
        // Reading more of the narrative may find more figures to attach; fewer attached is a regression.
        var attached = now.Figures.NarrativeFigures - now.Figures.Unattached;
        var attachedBefore = before.Figures.NarrativeFigures - before.Figures.Unattached;
        Assert.True(attached >= attachedBefore, $"narrative figures attached {attached} < baseline {attachedBefore}");

        // A new error on a document as published is a false alarm until someone shows it is the report's defect.
        Assert.True(now.Figures.Errors <= before.Figures.Errors, $"errors on the document as published {now.Figures.Errors} > baseline {before.Figures.Errors}");
        var regressions = before.Classes
            .Select(b => (Before: b, Now: now.Classes.SingleOrDefault(c => c.Class == b.Class)))
            .Where(x => x.Now is null || x.Now.Found < x.Before.Found)
            .Select(x => $"{x.Before.Class}: {x.Now?.Found ?? 0} found, baseline {x.Before.Found}")
            .ToArray();
        Assert.True(regressions.Length == 0, string.Join("; ", regressions));
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void Import_to_json_then_audit_finds_what_the_audit_of_the_original_finds(string document)
    {
        // Issue 11: 「import -o x.json then audit x.json gives the same findings as audit of the original」.
        var shared = Path.GetDirectoryName(Paths.RequireSamples())!;
        var path = CorpusRunner.Documents(shared, Derived).Single(d => Path.GetFileName(d) == document);
        var read = Juesuan.Import.Importer.ReadFile(path).Value!;
        var back = Juesuan.Formats.Json.DepartmentYearJson.Read(Juesuan.Formats.Json.DepartmentYearJson.Write(read));
        Assert.True(back.Success, string.Join("; ", back.Errors.Select(e => e.ToString())));
        static string[] Said(Juesuan.Domain.Model.DepartmentYear year) =>
            [.. Juesuan.Audit.Auditor.Audit(year).Findings.Select(f => $"{f.Rule}|{f.Severity}|{f.Message}").Order(StringComparer.Ordinal)];
        Assert.Equal(Said(read), Said(back.Value!));
    }

    private static BaselineFile Baseline()
    {
        var path = Path.Combine(Paths.RepoRoot, "docs", "corpus", "baseline.json");
        return JsonSerializer.Deserialize<BaselineFile>(File.ReadAllText(path), Options)!;
    }

    private sealed record BaselineFile(int PerClass, IReadOnlyList<DocumentResult> Documents);
}
