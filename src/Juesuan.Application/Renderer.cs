using System.Text;
using Juesuan.Documents.Disclosure;
using Juesuan.Documents.Evaluations;
using Juesuan.Domain.Model;

namespace Juesuan.Application;

/// <summary>The forms a document is rendered in.</summary>
public enum RenderFormat
{
    /// <summary>A web page.</summary>
    Html,

    /// <summary>Word.</summary>
    Docx,

    /// <summary>PDF, printed by Chromium.</summary>
    Pdf,
}

/// <summary>Which document.</summary>
public enum RenderPart
{
    /// <summary>The whole disclosure (决算公开): tables, narrative, charts, glossary, self-evaluation forms.</summary>
    Disclosure,

    /// <summary>The self-evaluation forms (绩效自评表) alone.</summary>
    Evaluations,
}

/// <summary>What a rendering produced.</summary>
/// <param name="Written">False when there was nothing to render (forms asked for, none there); nothing was written then.</param>
/// <param name="Year">The department-year as rendered (with the template asked for).</param>
/// <param name="Gaps">Figures or reasons the data lacks, marked 【待补充】 in the document.</param>
/// <param name="Refusal">Why nothing was written, in Chinese.</param>
public sealed record RenderOutcome(bool Written, DepartmentYear Year, IReadOnlyList<NarrativeGap> Gaps, string? Refusal = null)
{
    /// <summary>The name of the template it was laid out by.</summary>
    public string TemplateName { get; init; } = string.Empty;
}

/// <summary>
/// The publishable documents (公开文档) written to a stream. PDFs go through one Chromium, started on first need and
/// shared by every rendering until the renderer is disposed.
/// </summary>
public sealed class Renderer(JuesuanOptions options) : IAsyncDisposable, IDisposable
{
    private readonly Lock _lock = new();
    private Task<PdfPrinter>? _starting;
    private bool _disposed;

    /// <summary>The template ids a rendering may be asked for (the run's reference data: embedded and the user's own).</summary>
    public IEnumerable<string> TemplateIds => options.Reference.Templates.Templates.Keys.Order(StringComparer.Ordinal);

    /// <summary>True when <paramref name="template"/> names a template (an id, or 「省份/年度」).</summary>
    public bool KnowsTemplate(string template) => options.Reference.Templates.Resolve(template, 0) is not null;

    /// <summary>
    /// Starts the browser PDFs need, when it is not running yet; throws <see cref="BrowserStartException"/> saying why it
    /// could not (how to install Chromium when there is none).
    /// </summary>
    public async Task PreparePdfAsync(CancellationToken cancellationToken = default) => _ = await Printer().WaitAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Starts the browser as <see cref="PreparePdfAsync"/> does and makes a first print with it, so that the next PDF
    /// does not pay a cold browser's first print (a long-lived process's warm-up).
    /// </summary>
    public async Task WarmPdfAsync(CancellationToken cancellationToken = default) =>
        await DisclosurePdf.WarmAsync(await Printer().WaitAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    // The browser's start, one shared by every caller while it is under way and once it is done; a start that failed is
    // tried again by the next caller, not by those that were waiting for it. It runs off the lock (Playwright starts its
    // driver process before its first wait).
    private Task<PdfPrinter> Printer()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_starting is null || _starting.IsFaulted || _starting.IsCanceled)
            {
                _starting = Task.Run(StartAsync);
            }

            return _starting;
        }

        static async Task<PdfPrinter> StartAsync()
        {
            try
            {
                return await PdfPrinter.StartAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or Microsoft.Playwright.PlaywrightException or TimeoutException)
            {
                throw new BrowserStartException(e.Message, e);
            }
        }
    }

    /// <summary>
    /// Renders <paramref name="part"/> of <paramref name="year"/> as <paramref name="format"/> to
    /// <paramref name="output"/>, laid out by <paramref name="template"/> (an id or 「省份/年度」) instead of the data's own
    /// template when given.
    /// </summary>
    public async Task<RenderOutcome> RenderAsync(DepartmentYear year, RenderFormat format, Stream output, RenderPart part = RenderPart.Disclosure, string? template = null, CancellationToken cancellationToken = default) =>
        await RenderAsync(year, format, output, part, template, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// What a disclosure of <paramref name="year"/> would leave 【待补充】 (laid out by <paramref name="template"/> when
    /// given), without writing it: for the render gate, before anything is printed.
    /// </summary>
    public IReadOnlyList<NarrativeGap> GapsOf(DepartmentYear year, string? template = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        if (template is not null && options.Reference.Templates.Resolve(template, year.Year) is { } resolved)
        {
            year = year with { TemplateId = resolved.Id };
        }

        return DisclosureBuilder.Build(year, reference: options.Reference).Gaps;
    }

    /// <summary>
    /// As <see cref="RenderAsync(DepartmentYear, RenderFormat, Stream, RenderPart, string?, CancellationToken)"/>, with
    /// <paramref name="watermark"/> across every page when given (「审核未通过」).
    /// </summary>
    public async Task<RenderOutcome> RenderAsync(DepartmentYear year, RenderFormat format, Stream output, RenderPart part, string? template, string? watermark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(output);
        if (template is not null)
        {
            var resolved = options.Reference.Templates.Resolve(template, year.Year) ?? throw new ArgumentException($"未知的模板「{template}」。", nameof(template));
            year = year with { TemplateId = resolved.Id };
        }

        // The browser starts while the document is built (a second or more when it is not running yet).
        var browser = format == RenderFormat.Pdf ? Printer() : null;
        if (part == RenderPart.Evaluations)
        {
            var printer = browser is null ? null : await browser.ConfigureAwait(false);
            if (year.Evaluations.Count == 0)
            {
                return new(false, year, [], $"{year.Department.Name} {year.Year} 年度没有绩效自评表");
            }

            switch (format)
            {
                case RenderFormat.Docx:
                    await Streams.WritePackageAsync(output, s => EvaluationDocx.Write(year, s, watermark), cancellationToken).ConfigureAwait(false);
                    break;
                case RenderFormat.Pdf:
                    await output.WriteAsync(await printer!.PrintAsync(Marked(EvaluationHtml.Render(year), watermark), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await output.WriteAsync(Encoding.UTF8.GetBytes(Marked(EvaluationHtml.Render(year), watermark)), cancellationToken).ConfigureAwait(false);
                    break;
            }

            return new(true, year, []);
        }

        DisclosureDocument document;
        try
        {
            document = DisclosureBuilder.Build(year, reference: options.Reference, signed: BeijingTime.Today(options.Clock)) with { Watermark = watermark };
        }
        catch
        {
            // The start is seen to its end; the building's failure is the one reported.
            if (browser is not null)
            {
                await ((Task)browser).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            throw;
        }

        switch (format)
        {
            case RenderFormat.Pdf:
                // The HTML and its charts are made while the browser finishes starting.
                await DisclosurePdf.WriteAsync(browser!, document, output, cancellationToken).ConfigureAwait(false);
                break;
            case RenderFormat.Docx:
                await Streams.WritePackageAsync(output, s => DisclosureDocx.Write(document, s), cancellationToken).ConfigureAwait(false);
                break;
            default:
                await output.WriteAsync(Encoding.UTF8.GetBytes(DisclosureHtml.Render(document)), cancellationToken).ConfigureAwait(false);
                break;
        }

        return new(true, year, document.Gaps) { TemplateName = options.Reference.TemplateOf(year).Name };
    }

    // An HTML page with the mark across it, before its end.
    private static string Marked(string html, string? watermark) =>
        watermark is null ? html : html.Replace("</body>", DisclosureHtml.Watermark(watermark) + "</body>", StringComparison.Ordinal);

    /// <summary>Closes the browser, if one was started (for containers disposed synchronously).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // A start still under way (begun beside a document's building) finishes first, so its browser is closed too.
        Task<PdfPrinter>? starting;
        lock (_lock)
        {
            starting = _starting;
            _starting = null;
            _disposed = true;
        }

        if (starting is not null)
        {
            await ((Task)starting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (starting.IsCompletedSuccessfully)
            {
                await starting.Result.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>The browser PDFs are printed with could not be started; the message says why, in Chinese where it is ours.</summary>
public sealed class BrowserStartException(string message, Exception inner) : InvalidOperationException(message, inner);
