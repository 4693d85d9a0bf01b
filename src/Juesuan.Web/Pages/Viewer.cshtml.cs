using System.Text.Json;
using Juesuan.Application;
using Juesuan.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>A finding on the original's page: the page drawn by pdf.js, each of the finding's figures on it boxed.</summary>
public sealed class ViewerModel(Reports reports, Audits audits, Access access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = string.Empty;

    /// <summary>The finding's fingerprint: the same finding whatever else the report gained or lost since the link was made.</summary>
    [BindProperty(SupportsGet = true, Name = "finding")]
    public string FindingPrint { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "figure")]
    public int FigureIndex { get; set; }

    public Finding? Finding { get; private set; }

    public int PageNumber { get; private set; } = 1;

    /// <summary>The boxes on <see cref="PageNumber"/> of every figure of the finding, in PDF user space with the page size.</summary>
    public string BoxesJson { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.CanSeeAsync(User, Key, ct))
        {
            return NotFound();
        }

        var loaded = await reports.LoadStoredAsync(Key, withOriginal: true, ct);
        if (!loaded.Success || loaded.Pdf is null)
        {
            return NotFound();
        }

        Finding = audits.Audit(loaded).Findings.FirstOrDefault(f => Reviews.Fingerprint(f) == FindingPrint);
        if (Finding is null)
        {
            return NotFound();
        }

        var chosen = Finding.Figures.ElementAtOrDefault(FigureIndex)?.Where?.Boxes.FirstOrDefault() ?? Finding.Figures.SelectMany(f => f.Where?.Boxes ?? []).FirstOrDefault();
        if (chosen is null)
        {
            return NotFound();
        }

        PageNumber = chosen.Page;
        var boxes = Finding.Figures.SelectMany(f => (f.Where?.Boxes ?? []).Select(b => new { b.Left, b.Bottom, b.Right, b.Top, b.PageWidth, b.PageHeight, b.Page, f.Value }))
            .Where(b => b.Page == PageNumber);
        BoxesJson = JsonSerializer.Serialize(boxes);
        return Page();
    }
}
