using Juesuan.Application;
using Juesuan.Audit;
using Juesuan.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>
/// A report's page: its header, the summary, the findings grouped by severity with their figures (each openable on the
/// original's page) and the reviewer's decision on each; sign-off of the revision; the audit as HTML, Excel or JSON.
/// </summary>
public sealed class ReportModel(Reports reports, Audits audits, Reviews reviews, JuesuanOptions options, Access access, Renderer renderer, Comparisons comparisons, Library library, ReviewQueue queue, Preparation preparation, RenderGate gate) : PageModel
{
    /// <summary>The comments on each finding (by fingerprint), oldest first: the reviewer's remarks and the preparer's answers.</summary>
    public ILookup<string, StoredComment> Comments { get; private set; } = Array.Empty<StoredComment>().ToLookup(c => c.Fingerprint);

    /// <summary>The reviewer this document is assigned to, if any.</summary>
    public string? AssignedTo { get; private set; }

    /// <summary>A comment on a finding: a reviewer's remark, or the preparer's answer (then they correct the report and upload it again).</summary>
    public async Task<IActionResult> OnPostCommentAsync(int revision, string fingerprint, string? text, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Groups.SelectMany(g => g.Findings).All(f => f.Fingerprint != fingerprint))
        {
            return NotFound();
        }

        if (!string.IsNullOrWhiteSpace(text) && Stored is { } current)
        {
            // The revision is the one shown now (read with the page), never what the form posted.
            await queue.CommentAsync(Key, fingerprint, current.Revision, User.Identity!.Name!, CanReview ? CommentRoles.Reviewer : CommentRoles.Preparer, text, ct);
        }

        return Redirect($"/Report?key={Uri.EscapeDataString(Key)}#f-{fingerprint}");
    }

    /// <summary>The department's 本年支出合计 over its stored years, when more than this one is stored.</summary>
    public Series? Years { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = string.Empty;

    public AuditReport? Report { get; private set; }

    public StoredOriginal? Original { get; private set; }

    /// <summary>The department-year shown.</summary>
    public Domain.Model.DepartmentYear Year { get; private set; } = null!;

    public StoredSummary? Stored { get; private set; }

    public StoredSignOff? SignOff { get; private set; }

    /// <summary>The findings against the previous revision's, when there is one.</summary>
    public RevisionComparison? Comparison { get; private set; }

    public string Title { get; private set; } = "审核结果";

    public string TemplateName { get; private set; } = string.Empty;

    public string? Notice { get; private set; }

    /// <summary>True when the signed-in user may decide on findings and sign off (审核员, 管理员).</summary>
    public bool CanReview => Access.CanReview(User);

    public IReadOnlyList<(string Title, bool Quiet, IReadOnlyList<ReviewedFinding> Findings)> Groups { get; private set; } = [];

    /// <summary>Every finding with the decision standing on it.</summary>
    public IReadOnlyList<ReviewedFinding> Reviewed { get; private set; } = [];

    /// <summary>Today in Beijing: the audit letter's date, and its deadline's default a month on.</summary>
    public DateOnly Today => BeijingTime.Today(options.Clock);

    /// <summary>The errors still open (未处理): neither judged 误报 nor marked 已整改.</summary>
    public int OpenErrors { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>A location as this page shows it: without the file name every location starts with (the page is about that file).</summary>
    public string Place(string location) => Places.WithoutFile(location, [Original?.FileName]);

    /// <summary>A decision on one finding (确认问题 / 误报 / 已整改) with a comment.</summary>
    public async Task<IActionResult> OnPostDecideAsync(int revision, string fingerprint, string decision, string? comment, CancellationToken ct)
    {
        if (!CanReview)
        {
            return Forbid();
        }

        if (!ReviewDecisions.All.Contains(decision) || !await LoadAsync(ct) || Groups.SelectMany(g => g.Findings).All(f => f.Fingerprint != fingerprint))
        {
            return NotFound();
        }

        if (await reviews.DecideAsync(Key, revision, fingerprint, decision, comment, User.Identity!.Name!, ct) is null)
        {
            Notice = $"这份报告已有新版本（第 {Stored?.Revision} 版），意见未保存；请在新版本上审核。";
            return Page();
        }

        return Redirect($"/Report?key={Uri.EscapeDataString(Key)}#f-{fingerprint}");
    }

    /// <summary>
    /// 审核通过: the current revision is signed off by the signed-in reviewer — with errors still open only when the
    /// reviewer said so (<paramref name="confirmOpen"/>) for no more than the <paramref name="openSeen"/> the page showed
    /// (another reviewer may have reopened one since), never by one click past them.
    /// </summary>
    public async Task<IActionResult> OnPostSignOffAsync(int revision, bool confirmOpen, int openSeen, CancellationToken ct)
    {
        if (!CanReview)
        {
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Stored?.Revision == revision && OpenErrors > 0 && (!confirmOpen || OpenErrors > openSeen))
        {
            Notice = $"尚有 {OpenErrors} 个错误未处理（既未判为误报，也未标为已整改），未签署。如确要在此情况下通过，请勾选签署旁的确认后再签署。";
            return Page();
        }

        if (await reviews.SignOffAsync(Key, revision, User.Identity!.Name!, ct) is null)
        {
            Notice = $"这份报告已有新版本（第 {Stored?.Revision} 版），未签署；请审阅新版本后再签署。";
            return Page();
        }

        return Redirect($"/Report?key={Uri.EscapeDataString(Key)}");
    }

    /// <summary>Next year's 填报模板 from this document (its 决算数 as 上年数), as Excel.</summary>
    public async Task<IActionResult> OnGetPrepareAsync(CancellationToken ct)
    {
        if (!await access.CanSeeAsync(User, Key, ct) || await library.LoadAsync(Key, ct) is not { } year)
        {
            return NotFound();
        }

        if (year.Kind == Domain.Model.DocumentKind.SelfEvaluationReport)
        {
            return NotFound();
        }

        var prepared = preparation.Prepare(year, year.Year + 1, Key);
        var buffer = new MemoryStream();
        await Exports.WriteAsync(prepared.Year, ExportFormat.Xlsx, buffer, options.Reference, ct);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{year.Department.Name}{year.Year + 1}年度填报模板.xlsx");
    }

    /// <summary>The audit as a file: html, xlsx or json.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken ct)
    {
        var kind = format switch { "html" => AuditFormat.Html, "xlsx" => AuditFormat.Xlsx, "json" => AuditFormat.Json, _ => (AuditFormat?)null };
        if (kind is null || !await LoadAsync(ct))
        {
            return NotFound();
        }

        var buffer = new MemoryStream();
        await Audits.WriteAsync([Report!], kind.Value, buffer, cancellationToken: ct);
        buffer.Position = 0;
        var type = kind switch { AuditFormat.Html => "text/html; charset=utf-8", AuditFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ => "application/json; charset=utf-8" };
        return File(buffer, type, $"{Report!.Document.Department}-{Report.Document.Year}-审核结果.{format}");
    }

    /// <summary>
    /// The audit letter (审核意见书) as DOCX, for a reviewer: from <paramref name="issuer"/> (发文单位), numbered
    /// <paramref name="number"/> (文号), asking for corrections by <paramref name="deadline"/>, dated today; findings marked
    /// 误报 left out.
    /// </summary>
    public async Task<IActionResult> OnGetLetterAsync(string? issuer, string? number, DateOnly? deadline, CancellationToken ct)
    {
        if (!CanReview || !await LoadAsync(ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(issuer) || issuer.Length > 60 || number?.Length > 60)
        {
            Notice = "生成审核意见书需要填写发文单位（60 字以内），文号也不超过 60 字。";
            return Page();
        }

        var today = Today;
        var letter = Letters.Compose(Report!, Reviewed, issuer, number, today, deadline);
        var buffer = new MemoryStream();
        Letters.WriteDocx(letter, buffer);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{letter.Addressee}-{letter.Subject}-审核意见书.docx");
    }

    /// <summary>The publishable disclosure written from the stored data: docx, html or pdf.</summary>
    public async Task<IActionResult> OnGetRenderAsync(string format, CancellationToken ct)
    {
        var kind = format switch { "docx" => RenderFormat.Docx, "html" => RenderFormat.Html, "pdf" => RenderFormat.Pdf, _ => (RenderFormat?)null };
        var loaded = kind is null || !await access.CanSeeAsync(User, Key, ct) ? null : await reports.LoadStoredAsync(Key, cancellationToken: ct);
        if (loaded?.Year is not { } year)
        {
            return NotFound();
        }

        // The render gate of the command line: a document whose audit finds errors, or that would print 【待补充】, is
        // marked 「审核未通过」 on every page, so a draft is never taken for the text to publish.
        var outcome = await gate.CheckAsync(loaded, cancellationToken: ct);

        if (kind == RenderFormat.Pdf)
        {
            try
            {
                await renderer.PreparePdfAsync(ct);
            }
            catch (InvalidOperationException e)
            {
                // No Chromium on this server: said, not a crash (and only this: a rendering bug stays an error).
                return Content("无法生成 PDF：" + e.Message, "text/plain; charset=utf-8");
            }
        }

        var buffer = new MemoryStream();
        await renderer.RenderAsync(year, kind!.Value, buffer, RenderPart.Disclosure, null, outcome.Watermark, ct);

        buffer.Position = 0;
        var type = kind switch { RenderFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document", RenderFormat.Pdf => "application/pdf", _ => "text/html; charset=utf-8" };
        return File(buffer, type, $"{year.Department.Name}{year.Year}年度{Domain.Model.DocumentKinds.Title(year.Kind)}.{format}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await access.CanSeeAsync(User, Key, ct))
        {
            return false;
        }

        var loaded = await reports.LoadStoredAsync(Key, withOriginal: true, ct);
        if (!loaded.Success)
        {
            return false;
        }

        Original = loaded.Original;
        Year = loaded.Year!;
        Years = await YearsAsync(loaded, ct);
        Report = await audits.AuditStoredAsync(loaded, ct);
        Stored = loaded.Stored;
        SignOff = (await reviews.SignOffsAsync(Key, ct)).FirstOrDefault(s => s.Revision == Stored?.Revision);
        TemplateName = options.Reference.TemplateOf(loaded.Year!).Name;
        Title = $"{Report.Document.Department} {Report.Document.Title} 审核结果";
        var reviewed = Reviewed = await reviews.ReviewedAsync(Key, Report, ct);
        OpenErrors = Reviews.OpenErrors(reviewed);
        Comments = (await queue.CommentsAsync(Key, ct)).ToLookup(c => c.Fingerprint);
        AssignedTo = (await (await library.StoreAsync(ct)).AssignmentsAsync(ct)).GetValueOrDefault(Key)?.Reviewer;
        Comparison = Stored is { } summary ? await reviews.CompareWithPreviousAsync(Key, summary.Revision, Report, ct) : null;
        Groups = new (string Title, bool Quiet, IReadOnlyList<ReviewedFinding> Findings)[]
        {
            ("错误", false, reviewed.Where(x => x.Finding.Severity == Severity.Error).ToArray()),
            ("警告", false, reviewed.Where(x => x.Finding.Severity == Severity.Warning).ToArray()),
            ("提示、尾差与未检查", true, reviewed.Where(x => x.Finding.Severity == Severity.Info).ToArray()),
        }.Where(g => g.Findings.Count > 0).ToArray();
        return true;
    }

    // The series of the organisation the key belongs to (by its id: the page's access was checked on the key).
    private async Task<Series?> YearsAsync(Loaded loaded, CancellationToken ct)
    {
        if (loaded.Stored is not { } stored || await (await library.StoreAsync(ct)).OrganisationOfAsync(stored.Key, ct) is not { } organisation)
        {
            return null;
        }

        try
        {
            var series = await comparisons.SeriesAsync(loaded.Year!.Department.Name, "本年支出合计", ct, organisation);
            return series.Points.Count > 1 ? series : null;
        }
        catch (SeriesRequestException)
        {
            return null;
        }
    }
}
