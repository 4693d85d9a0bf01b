using Juesuan.Formats;
using Juesuan.Formats.Text;
using Juesuan.Import.Pdf;
using Juesuan.Audit;
using Juesuan.Documents.Disclosure;
using Juesuan.Domain.Model;
using Juesuan.Import;
using Juesuan.Import.Text;
using Juesuan.TestSupport;

namespace Juesuan.Documents.Tests;

/// <summary>
/// The generated disclosure read back by the importer: what we publish must be what we hold. Rendered to PDF (through
/// Chromium) and to text, imported, audited — no error or warning — and every figure of every table equal to the source.
/// </summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("juesuan-roundtrip-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public async Task Pdf_of_the_example_imports_back_with_equal_figures_and_a_clean_audit()
    {
        Paths.RequireBrowser();
        var source = NarrativeWriterTests.Example();
        var document = DisclosureBuilder.Build(source);
        var path = Path.Combine(_dir, "qingshi-2024.pdf");
        await using (var printer = await PdfPrinter.StartAsync())
        {
            await DisclosurePdf.WriteAsync(printer, document, path);
        }

        var result = Importer.ReadFile(path);
        Assert.True(result.Success, result.Error);
        Assert.Empty(result.Issues);
        var back = result.Value!;
        Assert.Equal(("青石县医疗保障局", 2024, "national-2022"), (back.Department.Name, back.Year, back.TemplateId));
        AssertSameFigures(source, back);
        AssertCleanAudit(back);

        // The narrative read back states what the generated one states, sentence for sentence.
        Assert.Equal(source.Narrative.Sections.Select(s => s.Number + "、" + s.Title), back.Narrative.Sections.Select(s => s.Number + "、" + s.Title));
        Assert.True(back.Narrative.Claims.Count >= 29, $"{back.Narrative.Claims.Count} claims");
        Assert.DoesNotContain(back.Narrative.UnattachedFigures, f => f.Contains("图", StringComparison.Ordinal));
        Assert.Equal(3, back.Evaluations.Count);
        Assert.Equal(source.Evaluations.Select(e => e.TotalScore), back.Evaluations.Select(e => e.TotalScore));

        // The 目录 carries the page of each part, and each number is the page the heading is printed on in this PDF
        // (the layout print that found them painted only the headings; the pages must break the same way).
        var pages = DisclosurePdf.Pages(document, File.ReadAllBytes(path));
        Assert.Equal(3, pages[document.Headings.First(h => h.Text.EndsWith("部门概况", StringComparison.Ordinal))]);
        // Printed once whole, the 目录 spliced in (not the slower second print of the whole).
        using (var info = UglyToad.PdfPig.PdfDocument.Open(path))
        {
            Assert.Contains("PDFsharp", info.Information.Producer, StringComparison.Ordinal);
        }

        static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var contents = string.Concat(PdfReportReader.PageTexts(path).Take(3).Where(t => t.Contains('录', StringComparison.Ordinal)).Select(Squeeze));
        Assert.Equal(document.Headings.Count(h => h.Level <= 2), pages.Count);
        foreach (var (heading, page) in pages)
        {
            var listed = System.Text.RegularExpressions.Regex.Match(contents, System.Text.RegularExpressions.Regex.Escape(Squeeze(heading.Text)) + "…+(\\d+)");
            Assert.True(listed.Success, $"{heading.Text} in {contents}");
            Assert.Equal(page.ToString(System.Globalization.CultureInfo.InvariantCulture), listed.Groups[1].Value);
        }
    }

    [SkippableFact]
    public async Task A_shanghai_disclosure_prints_its_wide_tables_landscape_and_numbers_every_page_but_the_cover()
    {
        // Issue 16, part 5: the Shanghai template prints tables 02–04 and 07–09 on landscape pages; 「— n —」 under every
        // page but the cover, the same numbers the 目录 gives.
        Paths.RequireBrowser();
        var putuo = Importer.ReadFile(Path.Combine(Paths.RequireSamples(), "pdf", "putuo-finance-bureau-2024-final-accounts.pdf")).Value!;
        var document = DisclosureBuilder.Build(putuo);
        var path = Path.Combine(_dir, "putuo.pdf");
        await using (var printer = await PdfPrinter.StartAsync())
        {
            await DisclosurePdf.WriteAsync(printer, document, path);
        }

        var bytes = File.ReadAllBytes(path);
        var pages = DisclosurePdf.Pages(document, bytes);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.Contains("PDFsharp", pdf.Information.Producer, StringComparison.Ordinal);
        bool Landscape(int page) => pdf.GetPage(page).Width > pdf.GetPage(page).Height;
        int PageOf(string title) => pages.Single(p => p.Key.Text.EndsWith(title, StringComparison.Ordinal)).Value;
        Assert.True(Landscape(PageOf("、收入决算表")));
        Assert.True(Landscape(PageOf("、财政拨款收入支出决算总表")));
        Assert.True(Landscape(PageOf("、财政拨款“三公”经费支出决算表")));
        Assert.False(Landscape(PageOf("、收入支出决算总表")));
        Assert.False(Landscape(PageOf("、一般公共预算财政拨款支出决算表")));
        Assert.False(Landscape(1));

        static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.DoesNotContain("—1—", Squeeze(pdf.GetPage(1).Text), StringComparison.Ordinal);
        foreach (var n in new[] { 2, PageOf("、收入决算表"), pdf.NumberOfPages })
        {
            Assert.Contains($"—{n}—", Squeeze(pdf.GetPage(n).Text), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Text_of_the_example_with_its_generated_narrative_imports_back_with_a_clean_audit()
    {
        var source = NarrativeWriterTests.Example();
        var generated = source with { Narrative = NarrativeWriter.Write(source).ToNarrative() };
        var path = Path.Combine(_dir, "qingshi-2024.txt");
        File.WriteAllText(path, TextReportWriter.Write(generated));
        var result = Importer.ReadFile(path);
        Assert.True(result.Success, result.Error);
        var back = result.Value!;
        AssertSameFigures(source, back);
        AssertCleanAudit(back);
        // The generated narrative yields the claims the hand-written one yields, subject for subject.
        var handWritten = Path.Combine(_dir, "hand-written.txt");
        File.WriteAllText(handWritten, TextReportWriter.Write(source));
        var expected = Importer.ReadFile(handWritten).Value!.Narrative.Claims.Select(c => c.Subject).ToArray();
        Assert.Equal(expected, back.Narrative.Claims.Select(c => c.Subject));
        Assert.True(expected.Length >= 29, $"{expected.Length} claims");
    }

    private static void AssertSameFigures(DepartmentYear source, DepartmentYear back)
    {
        foreach (var table in source.Tables)
        {
            var read = back.Table(table.Definition);
            Assert.True(read is not null, $"{table.Number} {table.Title} was not read back");
            foreach (var row in table.Rows)
            {
                foreach (var cell in row.Cells.Where(c => c.Value is not null))
                {
                    var value = read!.Row(row.Key)?.Cell(cell.Column)?.Value;
                    Assert.True(value == cell.Value, $"{table.Number} {row.Key} {row.Label} {cell.Column}: {cell.Value} written, {value?.ToString() ?? "nothing"} read");
                }
            }
        }
    }

    private static void AssertCleanAudit(DepartmentYear back)
    {
        var report = Auditor.Audit(back);
        var problems = report.Findings.Where(f => f.Severity is Severity.Error or Severity.Warning).Select(f => $"{f.Rule}: {f.Message}").ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }
}
