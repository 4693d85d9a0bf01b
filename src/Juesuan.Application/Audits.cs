using System.Text;
using Juesuan.Audit;
using Juesuan.Documents.AuditReports;
using Juesuan.Domain.Model;

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
public sealed class Audits(JuesuanOptions options)
{
    /// <summary>Audits a department-year; its self-evaluations against the same scoring rules <see cref="Scores"/> uses.</summary>
    public AuditReport Audit(DepartmentYear year, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        return Auditor.Audit(year, source, scoring: options.Reference.ScoringFor(year.Department.Province));
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
            AuditWorkbook.Write(reports, output);
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
