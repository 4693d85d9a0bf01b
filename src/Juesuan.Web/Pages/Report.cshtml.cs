using Juesuan.Application;
using Juesuan.Audit;
using Juesuan.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>A report's page: its header, the summary, the findings grouped by severity with their figures, each one openable on the original's page.</summary>
public sealed class ReportModel(Reports reports, Audits audits, JuesuanOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = string.Empty;

    public AuditReport? Report { get; private set; }

    public StoredOriginal? Original { get; private set; }

    public string Title { get; private set; } = "审核结果";

    public string TemplateName { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    public IReadOnlyList<(string Title, IReadOnlyList<(Finding Finding, int Index)> Findings)> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await reports.LoadStoredAsync(Key, withOriginal: true, ct);
        if (!loaded.Success)
        {
            return NotFound();
        }

        Original = loaded.Original;
        Report = audits.Audit(loaded);
        TemplateName = options.Reference.TemplateOf(loaded.Year!).Name;
        Title = $"{Report.Document.Department} {Report.Document.Title} 审核结果";
        var indexed = Report.Findings.Select((f, i) => (Finding: f, Index: i)).ToArray();
        Groups =
        [
            ("错误", indexed.Where(x => x.Finding.Severity == Severity.Error).ToArray()),
            ("警告", indexed.Where(x => x.Finding.Severity == Severity.Warning).ToArray()),
            ("提示、尾差与未检查", indexed.Where(x => x.Finding.Severity == Severity.Info).ToArray()),
        ];
        Groups = Groups.Where(g => g.Findings.Count > 0).ToArray();
        return Page();
    }
}
