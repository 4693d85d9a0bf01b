using Juesuan.Formats;
using UglyToad.PdfPig;

namespace Juesuan.Documents.Disclosure;

/// <summary>
/// The disclosure as PDF, printed from its HTML in Chromium twice: a layout print (charts as empty boxes of their size,
/// only headings painted, no page numbers) tells on which page each heading lands, read back with PdfPig; the final
/// print carries those page numbers in the 目录. The charts are drawn beside the layout print (or the browser's start).
/// </summary>
public static class DisclosurePdf
{
    /// <summary>Prints <paramref name="document"/> to <paramref name="path"/> with <paramref name="printer"/>.</summary>
    public static async Task WriteAsync(PdfPrinter printer, DisclosureDocument document, string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.Create(path);
        await WriteAsync(printer, document, stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Prints <paramref name="document"/> to a stream with <paramref name="printer"/>; no file is written on the way.</summary>
    public static Task WriteAsync(PdfPrinter printer, DisclosureDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(printer);
        return WriteAsync(Task.FromResult(printer), document, output, cancellationToken);
    }

    /// <summary>
    /// Prints <paramref name="document"/> to a stream with a printer still starting: the layout print's HTML is made
    /// and the charts are drawn while the browser starts (a second or more), not after it.
    /// </summary>
    public static async Task WriteAsync(Task<PdfPrinter> starting, DisclosureDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(starting);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        // The charts are drawn beside the rest (the final print takes them from where drawings are kept); when drawings
        // are not kept, the final print draws them itself.
        var charts = document.Blocks.OfType<ChartBlock>().Select(c => c.Chart).ToArray();
        var drawing = Chart.KeepDrawings && charts.Length > 0 ? Task.Run(() => Parallel.ForEach(charts, c => c.Jpeg()), cancellationToken) : Task.CompletedTask;
        byte[] pdf;
        try
        {
            var layoutHtml = document.Blocks.OfType<ContentsBlock>().Any() ? DisclosureHtml.Render(document, charts: ChartMode.Box, headingsOnly: true) : null;
            var printer = await starting.ConfigureAwait(false);
            IReadOnlyDictionary<HeadingBlock, int>? pages = null;
            if (layoutHtml is not null)
            {
                pages = Pages(document, await printer.PrintAsync(layoutHtml, cancellationToken).ConfigureAwait(false));
            }

            // A chart that failed says so itself (not as 「One or more errors」), before the final print is made.
            try
            {
                await drawing.ConfigureAwait(false);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }

            pdf = await printer.PrintAsync(DisclosureHtml.Render(document, pages, ChartMode.Jpeg), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Seen to its end whatever failed before (the browser's start, the layout print), whose failure is the one
            // reported.
            await drawing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await output.WriteAsync(pdf, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A first print in the disclosure's style, read back as a layout print is: Chromium's first print in a process loads
    /// the fonts and is several times slower than the next, so a long-lived process (the workbench) pays it before a
    /// user's first PDF instead of during it.
    /// </summary>
    public static async Task WarmAsync(PdfPrinter printer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(printer);
        var document = new DisclosureDocument("预热", [
            new CoverBlock("部门决算", "预热", "编制单位：预热"),
            new HeadingBlock(1, "目录", NewPage: true),
            new HeadingBlock(1, "第一部分 部门概况", NewPage: true),
            new ParagraphBlock("2024年度收入合计484.93万元，比上年增加12.50万元，增长2.6%。"),
        ], []);
        _ = Pages(document, await printer.PrintAsync(DisclosureHtml.Render(document, charts: ChartMode.Box), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The page each heading of the 目录 is printed on, found in the PDF's text after the contents pages: a visible
    /// heading by its text, a hidden one (a table's) by the title after its 「一、」.
    /// </summary>
    public static IReadOnlyDictionary<HeadingBlock, int> Pages(DisclosureDocument document, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(document);
        List<string> texts;
        using (var read = PdfDocument.Open(pdf))
        {
            texts = read.GetPages().Select(p => Squeeze(PrintedText.Normalize(p.Text))).ToList();
        }

        var result = new Dictionary<HeadingBlock, int>(ReferenceEqualityComparer.Instance);
        // After the 目录's first page (a later page may say 目录 in its text: 医保目录); the monotone search below passes
        // over a second page of contents, which lists only headings after the first.
        var from = texts.FindIndex(t => t.Contains("目录", StringComparison.Ordinal)) + 1;
        foreach (var heading in document.Headings.Where(h => h.Level <= 2))
        {
            var wanted = Squeeze(heading.Hidden && heading.Text.IndexOf('、', StringComparison.Ordinal) is var at and > 0 ? heading.Text[(at + 1)..] : heading.Text);
            var page = texts.FindIndex(from, t => t.Contains(wanted, StringComparison.Ordinal));
            if (page >= 0)
            {
                result[heading] = page + 1;
                from = page;
            }
        }

        return result;
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u3000'));
}
