using Juesuan.Application;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>
/// 同类比较: the departments of one year whose names contain the group's words, side by side on comparable ratios, the
/// group's median and quartiles beneath, outliers marked in the table and each said in a sentence. For reviewers: a
/// preparer sees only their own department, which has no peers to be compared with here.
/// </summary>
public sealed class PeersModel(Peers peers, Library library) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Like { get; set; }

    /// <summary>The years stored, newest first.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public PeerTable? Table { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        Years = (await library.ListAsync(ct)).Select(s => s.Year).Distinct().OrderDescending().ToArray();
        Year ??= Years.FirstOrDefault();
        if (Year is { } year && Years.Contains(year))
        {
            Table = await peers.CompareAsync(year, Like, cancellationToken: ct);
        }

        return Page();
    }

    /// <summary>The table as an Excel workbook (numbers as numbers, outliers on a sheet of their own).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        if (await OnGetAsync(ct) is not PageResult || Table is not { } table)
        {
            return NotFound();
        }

        var stream = new MemoryStream();
        ComparisonWorkbooks.Write(table, stream);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"同类比较-{table.Year}.xlsx");
    }

    /// <summary>The outlier of a cell, if it is one.</summary>
    public PeerOutlier? OutlierAt(string department, string ratio) => Table?.Outliers.FirstOrDefault(o => o.Department == department && o.Ratio == ratio);
}
