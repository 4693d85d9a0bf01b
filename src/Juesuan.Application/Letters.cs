using Juesuan.Audit;
using Juesuan.Documents.AuditReports;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>
/// The audit letter (审核意见书) a reviewing office sends a department: its errors as problems to correct, its warnings as
/// matters to verify — each with the pages (or lines) its figures are printed on — leaving out what the reviewer marked
/// 误报 and the notes (rounding, not checked); a reviewer's comment goes with its item, and what was marked 已整改 says so.
/// </summary>
public static class Letters
{
    /// <summary>The letter for <paramref name="reviewed"/> (the findings of <paramref name="report"/> with their decisions).</summary>
    public static AuditLetter Compose(AuditReport report, IReadOnlyList<ReviewedFinding> reviewed, string issuer, string? number, DateOnly date, DateOnly? deadline)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(reviewed);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        var kept = reviewed.Where(r => r.Review?.Decision != ReviewDecisions.FalseAlarm).ToArray();
        return new AuditLetter
        {
            Issuer = issuer.Trim(),
            Number = string.IsNullOrWhiteSpace(number) ? null : number.Trim(),
            Addressee = report.Document.Department,
            Subject = $"{report.Document.Year}年度{Domain.Model.DocumentKinds.Title(report.Document.Kind)}",
            RulesRun = report.Summary.Rules,
            Problems = [.. kept.Where(r => r.Finding.Severity == Severity.Error).Select(Item)],
            Matters = [.. kept.Where(r => r.Finding.Severity == Severity.Warning).Select(Item)],
            Date = date,
            Deadline = deadline,
        };
    }

    /// <summary>
    /// The remediation notice (整改通知) to a department for a year: the findings still open in each of its documents
    /// (<paramref name="documents"/>: a title such as 「单位决算·某中心」, the audit and its reviewed findings) — neither
    /// corrected nor rejected as a false alarm — each item saying which document it is in.
    /// </summary>
    public static AuditLetter ComposeNotice(string department, int year, IReadOnlyList<(string Title, AuditReport Report, IReadOnlyList<ReviewedFinding> Reviewed)> documents,
        string issuer, string? number, DateOnly date, DateOnly? deadline)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        var open = documents.SelectMany(d => d.Reviewed.Where(Reviews.IsOpen).Select(r => (d.Title, Reviewed: r))).ToList();
        AuditLetterItem Item((string Title, ReviewedFinding Reviewed) x)
        {
            var item = Letters.Item(x.Reviewed);
            return documents.Count > 1 ? item with { Text = $"〔{x.Title}〕{item.Text}" } : item;
        }

        return new AuditLetter
        {
            Issuer = issuer.Trim(),
            Number = string.IsNullOrWhiteSpace(number) ? null : number.Trim(),
            Addressee = department,
            Subject = $"{year}年度决算公开材料",
            RulesRun = documents.Select(d => d.Report.Summary.Rules).DefaultIfEmpty(0).Max(),
            Problems = [.. open.Where(x => x.Reviewed.Finding.Severity == Severity.Error).Select(Item)],
            Matters = [.. open.Where(x => x.Reviewed.Finding.Severity == Severity.Warning).Select(Item)],
            Date = date,
            Deadline = deadline,
            Notice = true,
        };
    }

    /// <summary>Writes the letter as DOCX.</summary>
    public static void WriteDocx(AuditLetter letter, Stream output) => AuditLetterDocx.Write(letter, output);

    private static AuditLetterItem Item(ReviewedFinding reviewed)
    {
        var places = reviewed.Finding.Figures.Select(f => f.Where).OfType<FigureLocation>().ToArray();
        // The department knows which document it sent: the file its figures were read from is left out of the places.
        var text = Places.WithoutFile(reviewed.Finding.Message, places.Select(p => p.Document));
        var note = reviewed.Review switch
        {
            { Decision: ReviewDecisions.Corrected } review => "已整改" + (string.IsNullOrWhiteSpace(review.Comment) ? string.Empty : "：" + review.Comment.Trim()),
            { Comment: { Length: > 0 } comment } => "审核意见：" + comment.Trim(),
            _ => null,
        };
        // Where the figure's letters were found on the page (what the viewer opens), else the page it was read from.
        return new AuditLetterItem(text,
            [.. places.SelectMany(p => p.Boxes.Count > 0 ? p.Boxes.Select(b => (int?)b.Page) : [p.Page]).OfType<int>().Distinct().Order()],
            [.. places.Select(p => p.Line).OfType<int>().Distinct().Order()], note);
    }
}

/// <summary>Places (「某文件 第13页 …」) as a page or a letter about one document shows them.</summary>
public static class Places
{
    /// <summary>
    /// <paramref name="text"/> without the file names its places begin with (「<c>file</c> 第13页」 → 「第13页」): only the
    /// names given, followed by the space a place puts after them, so other text is never touched.
    /// </summary>
    public static string WithoutFile(string text, IEnumerable<string?> files)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(files);
        return files.OfType<string>().Where(f => f.Length > 0).Distinct().Aggregate(text, (t, file) => t.Replace(file + " ", string.Empty, StringComparison.Ordinal));
    }
}
