using Juesuan.Formats;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Juesuan.Documents.Disclosure;

/// <summary>
/// The disclosure as PDF, printed from its HTML in Chromium: the whole document once with the 目录's page numbers left
/// blank, then the cover and the 目录 alone with the numbers — the pages each heading landed on, which Chromium records as
/// the named destinations of the 目录's links — and those pages spliced into the first print (PDFsharp) in place of
/// their blank twins, keeping its links. The contents pages lay out the same either way (the numbers' column has its
/// width whatever it holds), so a short second print replaces a second print of the whole document.
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
    /// Prints <paramref name="document"/> to a stream with a printer still starting: the HTML is made and the charts are
    /// drawn while the browser starts (a second or more), not after it.
    /// </summary>
    public static async Task WriteAsync(Task<PdfPrinter> starting, DisclosureDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(starting);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        // The charts are drawn side by side inside the HTML's making.
        var making = Task.Run(() => DisclosureHtml.Render(document, charts: ChartMode.Jpeg), cancellationToken);
        PdfPrinter printer;
        string html;
        try
        {
            printer = await starting.ConfigureAwait(false);
        }
        finally
        {
            // Seen to its end whatever failed before (the browser's start), whose failure is the one reported.
            await ((Task)making).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        try
        {
            html = await making.ConfigureAwait(false);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // A chart that failed says so itself (not as 「One or more errors」).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }

        var pdf = await printer.PrintAsync(html, cancellationToken).ConfigureAwait(false);
        if (document.Blocks.OfType<ContentsBlock>().Any())
        {
            pdf = await NumberContentsAsync(printer, document, pdf, cancellationToken).ConfigureAwait(false);
        }

        await output.WriteAsync(pdf, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The print <paramref name="pdf"/> of the whole document with the 目录's numbers filled in: its contents pages
    /// replaced by those of a print of the cover and the 目录 alone, or — where that cannot be shown to fit (see
    /// <see cref="Fits"/>), a heading has no destination, or PDFsharp cannot read or write the print — the whole document
    /// printed again with the numbers (from the links, else from the print's text).
    /// </summary>
    private static async Task<byte[]> NumberContentsAsync(PdfPrinter printer, DisclosureDocument document, byte[] pdf, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<HeadingBlock, int>? pages = null;
        try
        {
            using var whole = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
            pages = LinkedPages(document, whole);
            if (pages is not null && Body(document) is { } body)
            {
                var contents = await printer.PrintAsync(DisclosureHtml.Render(document, pages, ChartMode.Box, contentsOnly: true), cancellationToken).ConfigureAwait(false);
                using var printed = PdfReader.Open(new MemoryStream(contents), PdfDocumentOpenMode.Import);
                if (Fits(document, body, pages, whole, printed))
                {
                    return Splice(whole, printed, pdf.Length + contents.Length);
                }
            }
        }
        catch (Exception e) when (e is PdfSharp.PdfSharpException or InvalidOperationException or InvalidCastException or ArgumentException
                                      or FormatException or NotImplementedException or NotSupportedException)
        {
            // A print PDFsharp does not take (a later Chromium's): the slower way below gives the same document.
        }

        return await printer.PrintAsync(DisclosureHtml.Render(document, pages ?? Pages(document, pdf), ChartMode.Jpeg), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The blocks after the 目录, when the splice applies: one 目录, nothing before it that a contents-only print draws
    /// otherwise (a chart is left an empty box there), and the block after it starting a page (or none).
    /// </summary>
    private static IReadOnlyList<Block>? Body(DisclosureDocument document)
    {
        var blocks = document.Blocks;
        if (blocks.Count(b => b is ContentsBlock) != 1)
        {
            return null;
        }

        var front = blocks.TakeWhile(b => b is not ContentsBlock).ToList();
        if (front.Any(b => b is ChartBlock))
        {
            return null;
        }

        var body = blocks.Skip(front.Count + 1).ToList();
        return body.Count == 0 || body[0] is HeadingBlock { NewPage: true } ? body : null;
    }

    /// <summary>
    /// Whether the print of the front (<paramref name="printed"/>) lines up with the whole's first pages: the same number
    /// of pages, each of the same size; every link of the 目录 on them; every heading after the 目录 on a later page, the
    /// first heading of the body on the very next one.
    /// </summary>
    private static bool Fits(DisclosureDocument document, IReadOnlyList<Block> body, IReadOnlyDictionary<HeadingBlock, int> pages,
        PdfSharp.Pdf.PdfDocument whole, PdfSharp.Pdf.PdfDocument printed)
    {
        var count = printed.PageCount;
        if (count >= whole.PageCount)
        {
            return false;
        }

        var links = 0;
        for (var i = 0; i < count; i++)
        {
            var (a, b) = (whole.Pages[i].MediaBox, printed.Pages[i].MediaBox);
            if (Math.Abs(a.Width - b.Width) > 0.5 || Math.Abs(a.Height - b.Height) > 0.5)
            {
                return false;
            }

            links += whole.Pages[i].Elements.GetArray("/Annots")?.Elements.Count(x => Resolve(x) is PdfDictionary annotation && annotation.Elements.GetName("/Subtype") == "/Link") ?? 0;
        }

        var listed = document.Headings.Count(h => h.Level <= 2);
        var after = body.OfType<HeadingBlock>().Where(h => h.Level <= 2).ToList();
        return links == listed
            && after.All(h => pages.TryGetValue(h, out var page) && page > count)
            && (body.Count == 0 || body[0] is not HeadingBlock { Level: <= 2 } first || pages[first] == count + 1);
    }

    /// <summary>
    /// <paramref name="whole"/> saved with its first pages drawn as <paramref name="front"/>'s: each page's drawing and
    /// what it draws with come from the short print; its links, size and place in the page tree stay the whole print's.
    /// </summary>
    private static byte[] Splice(PdfSharp.Pdf.PdfDocument whole, PdfSharp.Pdf.PdfDocument front, int capacity)
    {
        for (var i = 0; i < front.PageCount; i++)
        {
            var imported = whole.AddPage(front.Pages[i]);
            foreach (var key in (string[])["/Contents", "/Resources"])
            {
                // A blank page has neither: the page it replaces is left without them too.
                if (imported.Elements[key] is { } item)
                {
                    whole.Pages[i].Elements[key] = item;
                }
                else
                {
                    whole.Pages[i].Elements.Remove(key);
                }
            }

            whole.Pages.Remove(imported);
        }

        using var spliced = new MemoryStream(capacity);
        whole.Save(spliced, closeStream: false);
        return spliced.ToArray();
    }

    /// <summary>
    /// PDFsharp's first reading, page import and writing, on two pages of its own making: a short-lived process that
    /// prints calls it beside the browser's start, so the splice of its one document does not pay for them.
    /// </summary>
    public static void WarmSplicing()
    {
        byte[] Blank(int pages)
        {
            using var made = new PdfSharp.Pdf.PdfDocument();
            for (var i = 0; i < pages; i++)
            {
                made.AddPage();
            }

            using var stream = new MemoryStream();
            made.Save(stream, closeStream: false);
            return stream.ToArray();
        }

        using var whole = PdfReader.Open(new MemoryStream(Blank(2)), PdfDocumentOpenMode.Modify);
        using var front = PdfReader.Open(new MemoryStream(Blank(1)), PdfDocumentOpenMode.Import);
        _ = Splice(whole, front, 4096);
    }

    /// <summary>
    /// The page of each heading of the 目录 as Chromium recorded it: every link of the 目录 points at a named destination
    /// (the heading's anchor, 「h」 and its place among the headings) whose first element is the page. Null where one is
    /// missing.
    /// </summary>
    internal static IReadOnlyDictionary<HeadingBlock, int>? LinkedPages(DisclosureDocument document, PdfSharp.Pdf.PdfDocument pdf)
    {
        var destinations = new Dictionary<string, PdfItem>(StringComparer.Ordinal);
        var catalog = pdf.Internals.Catalog;
        if (catalog.Elements.GetDictionary("/Dests") is { } dests)
        {
            foreach (var key in dests.Elements.Keys)
            {
                destinations[key.TrimStart('/')] = dests.Elements[key]!;
            }
        }

        if (catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/Dests") is { } tree)
        {
            CollectNames(tree, destinations, depth: 0);
        }

        var numbers = new Dictionary<PdfObjectID, int>();
        for (var i = 0; i < pdf.PageCount; i++)
        {
            numbers[pdf.Pages[i].ReferenceNotNull.ObjectID] = i + 1;
        }

        var result = new Dictionary<HeadingBlock, int>(ReferenceEqualityComparer.Instance);
        foreach (var (heading, index) in document.Headings.Select((h, i) => (h, i)))
        {
            if (heading.Level > 2)
            {
                continue;
            }

            var destination = destinations.GetValueOrDefault(DisclosureHtml.Anchor(index));
            var target = Resolve(destination) switch
            {
                PdfDictionary { Elements: var elements } when elements.ContainsKey("/D") => Resolve(elements["/D"]),
                var other => other,
            };
            if (target is not PdfArray { Elements.Count: > 0 } array || array.Elements[0] is not PdfReference page
                || !numbers.TryGetValue(page.ObjectID, out var number))
            {
                return null;
            }

            result[heading] = number;
        }

        return result;
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    // A name tree (PDF 1.2): leaves hold [name, destination, …] in /Names, inner nodes their children in /Kids.
    private static void CollectNames(PdfDictionary node, Dictionary<string, PdfItem> into, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        if (node.Elements.GetArray("/Names") is { } names)
        {
            for (var i = 0; i + 1 < names.Elements.Count; i += 2)
            {
                if (Resolve(names.Elements[i]) is PdfString name)
                {
                    into[name.Value] = names.Elements[i + 1];
                }
            }
        }

        if (node.Elements.GetArray("/Kids") is { } kids)
        {
            foreach (var kid in kids.Elements)
            {
                if (Resolve(kid) is PdfDictionary child)
                {
                    CollectNames(child, into, depth + 1);
                }
            }
        }
    }

    /// <summary>
    /// A first print in the disclosure's style, made as a disclosure's is (the whole, then the 目录 spliced in): Chromium's
    /// first print in a process loads the fonts and is several times slower than the next, so a long-lived process (the
    /// workbench) pays it before a user's first PDF instead of during it.
    /// </summary>
    public static async Task WarmAsync(PdfPrinter printer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(printer);
        var document = new DisclosureDocument("预热", [
            new CoverBlock("部门决算", "预热", "编制单位：预热"),
            new ContentsBlock(),
            new HeadingBlock(1, "第一部分 部门概况", NewPage: true),
            new ParagraphBlock("2024年度收入合计484.93万元，比上年增加12.50万元，增长2.6%。"),
        ], []);
        await WriteAsync(printer, document, Stream.Null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The page each heading of the 目录 is printed on, found in the PDF's text after the contents pages: a visible
    /// heading by its text, a hidden one (a table's) by the title after its 「一、」 — for a PDF without the 目录's links
    /// (a print by another program, an older Chromium).
    /// </summary>
    public static IReadOnlyDictionary<HeadingBlock, int> Pages(DisclosureDocument document, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(document);
        List<string> texts;
        using (var read = UglyToad.PdfPig.PdfDocument.Open(pdf))
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
