using System.Globalization;
using System.Text.RegularExpressions;
using Juesuan.Documents.Disclosure;
using Juesuan.Formats;
using Juesuan.TestSupport;
using UglyToad.PdfPig.Actions;

namespace Juesuan.Documents.Tests;

/// <summary>
/// The 目录 of a printed disclosure: printed once whole with blank numbers, then the contents pages alone spliced in
/// (or, where the body would share a page with the 目录, printed whole again). Either way every number the 目录 prints is
/// the page its heading is printed on, and every line of it still links to that page.
/// </summary>
public sealed class DisclosurePdfTests(DisclosurePdfTests.Browser browser) : IClassFixture<DisclosurePdfTests.Browser>
{
    /// <summary>One browser for the class's tests (each start is a second of CPU beside the other test assemblies).</summary>
    public sealed class Browser : IAsyncLifetime
    {
        private readonly Lazy<Task<PdfPrinter>> _printer = new(() => PdfPrinter.StartAsync(1));

        /// <summary>The printer, started on first use (not at all when the tests skip for want of Chromium).</summary>
        public Task<PdfPrinter> Printer => _printer.Value;

        /// <inheritdoc />
        public Task InitializeAsync() => Task.CompletedTask;

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_printer.IsValueCreated && _printer.Value.IsCompletedSuccessfully)
            {
                await (await _printer.Value).DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task A_contents_of_two_pages_is_spliced_in_whole_with_its_links()
    {
        Paths.RequireBrowser();
        // Sixty sections, every fourth on a new page: the 目录 runs over two pages, the body over sixteen.
        List<Block> blocks = [new CoverBlock("部门决算", "测试县", null), new ContentsBlock(), new HeadingBlock(1, "第一部分 概况", NewPage: true)];
        for (var i = 1; i <= 60; i++)
        {
            blocks.Add(new HeadingBlock(2, $"第{i}节 标题", NewPage: i % 4 == 0));
            blocks.Add(new ParagraphBlock($"第{i}节的正文。"));
        }

        var pdf = await PrintAsync(new DisclosureDocument("测试", blocks, []));

        using var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var contentsPages = Enumerable.Range(1, 4).Where(p => read.GetPage(p).GetAnnotations().Any()).ToArray();
        Assert.Equal([2, 3], contentsPages);
        AssertNumbersArePages(read, 61, bodyFrom: 4);
        // Every line links to its heading's page: 61 links, their targets the numbers the lines print.
        var listed = Listed(read);
        var targets = contentsPages.SelectMany(p => read.GetPage(p).GetAnnotations()).Select(a => ((GoToAction)a.Action!).Destination.PageNumber).ToArray();
        Assert.Equal(listed.Select(l => l.Page), targets);
        Assert.Contains("PDFsharp", read.Information.Producer, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_body_that_starts_on_the_contents_page_is_printed_again_whole()
    {
        Paths.RequireBrowser();
        // A paragraph right after the 目录 shares its page: splicing in a print of the 目录 alone would lose it.
        using var read = await PrintedWholeAsync(new ContentsBlock(), new ParagraphBlock("紧随目录的一段说明。"));
        Assert.Contains("紧随目录的一段说明", Squeeze(read.GetPage(2).Text), StringComparison.Ordinal);
        Assert.Equal([("第一部分概况", 3), ("第二部分决算表", 4)], Listed(read));
    }

    [SkippableFact]
    public async Task A_chart_before_the_contents_is_printed_whole_not_spliced_in_as_an_empty_box()
    {
        Paths.RequireBrowser();
        var chart = new Chart("图1：测试", "gpb", ChartKind.Pie, [("基本支出", 1m), ("项目支出", 2m)]);
        using var read = await PrintedWholeAsync(new ChartBlock(chart), new ContentsBlock());
        // The chart on the page after the cover, drawn; the 目录 on the next.
        Assert.NotEmpty(read.GetPage(2).GetImages());
        Assert.Equal([("第一部分概况", 4), ("第二部分决算表", 5)], Listed(read));
    }

    [SkippableFact]
    public async Task Two_contents_blocks_are_printed_whole_with_both_numbered()
    {
        Paths.RequireBrowser();
        // A print of the first 目录 alone would blank the second's numbers and drop what lies between them.
        using var read = await PrintedWholeAsync(new ContentsBlock(), new ParagraphBlock("两个目录之间的一段。"), new ContentsBlock());
        Assert.Contains("两个目录之间的一段", Squeeze(read.GetPage(2).Text), StringComparison.Ordinal);
        // Both lists numbered (the paragraph between them runs into the second's first line in the page's text).
        Assert.Equal([4, 5, 4, 5], Listed(read).Select(l => l.Page));
        Assert.All(Listed(read), l => Assert.EndsWith(l.Page == 4 ? "第一部分概况" : "第二部分决算表", l.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void Splicing_warms_up_without_a_browser_or_fonts()
    {
        // The CLI's warm-up thread calls it and nobody observes a failure there: it must work where the tests run.
        DisclosurePdf.WarmSplicing();
    }

    [SkippableFact]
    public async Task Pages_found_by_links_are_the_pages_found_by_text()
    {
        Paths.RequireBrowser();
        var document = DisclosureBuilder.Build(NarrativeWriterTests.Example());
        var whole = await (await browser.Printer).PrintAsync(DisclosureHtml.Render(document, charts: ChartMode.Box));
        using var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(whole), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var linked = DisclosurePdf.LinkedPages(document, read);
        Assert.NotNull(linked);
        Assert.Equal(document.Headings.Count(h => h.Level <= 2), linked.Count);
        Assert.Equal(DisclosurePdf.Pages(document, whole).OrderBy(p => p.Value).Select(p => (p.Key.Text, p.Value)), linked.OrderBy(p => p.Value).Select(p => (p.Key.Text, p.Value)));
    }

    // A cover, then <paramref name="front"/>, then two parts on pages of their own, printed the slower way (the whole
    // printed again, no splice: PDFsharp never wrote it).
    private async Task<UglyToad.PdfPig.PdfDocument> PrintedWholeAsync(params Block[] front)
    {
        var pdf = await PrintAsync(new DisclosureDocument("测试", [
            new CoverBlock("部门决算", "测试县", null), .. front,
            new HeadingBlock(1, "第一部分 概况", NewPage: true), new HeadingBlock(1, "第二部分 决算表", NewPage: true),
        ], []));
        var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.DoesNotContain("PDFsharp", read.Information.Producer ?? string.Empty, StringComparison.Ordinal);
        return read;
    }

    private async Task<byte[]> PrintAsync(DisclosureDocument document)
    {
        using var output = new MemoryStream();
        await DisclosurePdf.WriteAsync(await browser.Printer, document, output);
        return output.ToArray();
    }

    // Each line of the 目录 (its title and the number after its leader dots), from the first page after the cover that
    // lists until the next that does not; the page's own number 「— 2 —」 and the heading 目录 left out.
    private static List<(string Title, int Page)> Listed(UglyToad.PdfPig.PdfDocument read)
    {
        var text = string.Concat(read.GetPages().Skip(1).Select(p => Squeeze(PrintedText.Normalize(p.Text)))
            .SkipWhile(t => !t.Contains('…', StringComparison.Ordinal)).TakeWhile(t => t.Contains('…', StringComparison.Ordinal))
            .Select(t => Regex.Replace(t, "—\\d+—|目录", string.Empty)));
        return Regex.Matches(text, @"([^…\d][^…]*?)…+(\d+)").Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
    }

    // Every number the 目录 prints is the page whose text carries that heading, none before the body's first page.
    private static void AssertNumbersArePages(UglyToad.PdfPig.PdfDocument read, int lines, int bodyFrom)
    {
        var listed = Listed(read);
        Assert.Equal(lines, listed.Count);
        var texts = read.GetPages().Select(p => Squeeze(PrintedText.Normalize(p.Text))).ToArray();
        foreach (var (title, page) in listed)
        {
            Assert.True(page >= bodyFrom, $"{title} listed on page {page}");
            Assert.Contains(title, texts[page - 1], StringComparison.Ordinal);
        }
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u3000'));
}
