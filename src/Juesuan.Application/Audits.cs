using System.Text;
using Juesuan.Audit;
using Juesuan.Documents.AuditReports;
using Juesuan.Domain.Model;
using Juesuan.Import.Pdf;

namespace Juesuan.Application;

/// <summary>The forms an audit is written in.</summary>
public enum AuditFormat
{
    /// <summary>Text for a terminal or a mail.</summary>
    Text,

    /// <summary>JSON for scripts.</summary>
    Json,

    /// <summary>A web page.</summary>
    Html,

    /// <summary>An Excel workbook.</summary>
    Xlsx,
}

/// <summary>Auditing (审核) with the reference data of the run, and writing the reports in every form.</summary>
public sealed class Audits(JuesuanOptions options, Library library)
{
    /// <summary>
    /// The same organisation's report of the year before, when <paramref name="loaded"/> came from the store and the
    /// store holds it (a cross-year audit runs whenever it does); null otherwise.
    /// </summary>
    public async Task<DepartmentYear?> StoredPriorAsync(Loaded loaded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded.Stored is { } stored ? await library.PriorOfAsync(stored.Key, stored.Year, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Audits a stored department-year against its stored prior year, when there is one (<see cref="StoredPriorAsync"/>).</summary>
    public async Task<AuditReport> AuditStoredAsync(Loaded loaded, CancellationToken cancellationToken = default) =>
        Audit(loaded, await StoredPriorAsync(loaded, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Audits what an input gave; when it was a PDF, each figure of each finding is also located on its pages (the
    /// boxes of its letters).
    /// </summary>
    public AuditReport Audit(Loaded loaded, DepartmentYear? prior = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var report = Audit(loaded.Year ?? throw new ArgumentException("Nothing was read.", nameof(loaded)), loaded.Source, prior);
        return loaded.Pdf is { } pdf ? Locate(report, pdf) : report;
    }

    /// <summary>
    /// Reads and audits each of <paramref name="files"/> (a directory's) on every core, each worker holding one
    /// department-year at a time and keeping only its findings: the reports in the files' order, and the files that
    /// could not be read. <paramref name="read"/> is told of each file as it is read (a host prints its remarks).
    /// </summary>
    public async Task<(IReadOnlyList<AuditReport> Reports, IReadOnlyList<Loaded> Unreadable)> AuditFilesAsync(Reports reports, IReadOnlyList<string> files, Action<Loaded>? read = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(files);
        var done = new AuditReport?[files.Count];
        var unreadable = new System.Collections.Concurrent.ConcurrentBag<(int Index, Loaded Loaded)>();
        using var batch = files.Count > 1 ? Juesuan.Import.Importer.Batch() : null;
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (i, _) =>
        {
            await Task.Yield();
            var loaded = reports.ReadFile(files[i]);
            read?.Invoke(loaded);
            if (loaded.Success)
            {
                done[i] = Audit(loaded);
            }
            else
            {
                unreadable.Add((i, loaded with { Original = null }));
            }
        }).ConfigureAwait(false);
        return (done.OfType<AuditReport>().ToArray(), unreadable.OrderBy(u => u.Index).Select(u => u.Loaded).ToArray());
    }

    /// <summary>
    /// The report with every printed figure of its findings located on the pages of <paramref name="pdf"/>, but for those
    /// of the report of the year before (<see cref="FigureLocation.PriorReport"/>), which are on that report's pages.
    /// </summary>
    public static AuditReport Locate(AuditReport report, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Findings.Any(f => f.Figures.Any(x => x.Where is not null)) || PdfLocator.Open(pdf) is not { } locator)
        {
            return report;
        }

        FindingFigure Place(FindingFigure figure) => figure.Where is { PriorReport: false } w && Printed(figure.Value)
            ? figure with { Where = w with { Boxes = locator.Locate(new FigureQuery(figure.Value, w.Page, w.RowCode, w.RowLabel, w.ColumnName, w.Sentence, w.SpanStart, w.Table is null ? null : w.TableName)) } }
            : figure;
        return report with { Findings = report.Findings.Select(f => f.Figures.Count == 0 ? f : f with { Figures = f.Figures.Select(Place).ToArray() }).ToArray() };
    }

    // A figure that is printed somewhere (not a blank cell shown as 空 or 空白).
    private static bool Printed(string value) => value.Length > 0 && value is not ("空" or "空白");

    /// <summary>
    /// Audits a department-year; its self-evaluations against the same scoring rules <see cref="Scores"/> uses, and,
    /// given the department's report of the year before, the cross-year rules against it.
    /// </summary>
    public AuditReport Audit(DepartmentYear year, string? source = null, DepartmentYear? prior = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        return Auditor.Audit(year, source, reference: options.Reference, prior: prior);
    }

    /// <summary>
    /// Writes <paramref name="reports"/> to <paramref name="output"/> as <paramref name="format"/>: one report alone or
    /// several with their summary. Text takes ANSI colours when <paramref name="colour"/> and every rounding difference
    /// and location when <paramref name="verbose"/>.
    /// </summary>
    public static async Task WriteAsync(IReadOnlyList<AuditReport> reports, AuditFormat format, Stream output, bool colour = false, bool verbose = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(output);
        if (format == AuditFormat.Xlsx)
        {
            await Streams.WritePackageAsync(output, s => AuditWorkbook.Write(reports, s), cancellationToken).ConfigureAwait(false);
            return;
        }

        await output.WriteAsync(Encoding.UTF8.GetBytes(Render(reports, format, colour, verbose)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The reports as text, JSON or HTML (everything but <see cref="AuditFormat.Xlsx"/>), for a host that shows them as a string.</summary>
    public static string Render(IReadOnlyList<AuditReport> reports, AuditFormat format, bool colour = false, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return format switch
        {
            AuditFormat.Json => reports.Count == 1 ? AuditJson.Render(reports[0]) : AuditJson.Render(reports),
            AuditFormat.Html => AuditHtml.Render(reports),
            AuditFormat.Text => AuditText.Render(reports, colour, verbose),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A workbook is not text: write it to a stream."),
        };
    }
}
