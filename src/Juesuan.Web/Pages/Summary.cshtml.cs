using Juesuan.Application;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>区汇总: a year of the district for the bureau's own report — published, on time, errors by family, the most frequent defects. For reviewers.</summary>
public sealed class SummaryModel(DistrictSummaries summaries, Library library) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public DistrictSummary? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        Years = (await library.ListAsync(ct)).Select(s => s.Year).Distinct().OrderDescending().ToArray();
        Year ??= Years.FirstOrDefault();
        if (Year is { } year and > 0)
        {
            Summary = await summaries.BuildAsync(year, cancellationToken: ct);
        }

        return Page();
    }

    /// <summary>The summary as an Excel workbook.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var shown = await OnGetAsync(ct);
        if (shown is not PageResult)
        {
            return shown;
        }

        if (Summary is not { } summary)
        {
            return QueueModel.Missing("存储中还没有任何年度的材料，无可汇总。");
        }

        var stream = new MemoryStream();
        await DistrictSummaries.WriteAsync(summary, stream, ct);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"决算公开审核汇总-{summary.Year}.xlsx");
    }
}
