using System.Globalization;
using Juesuan.Application;
using Juesuan.Domain.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>
/// 材料台账: departments × years × kinds — missing, received, audited (errors / warnings), under review, signed off —
/// against each year's due dates (overdue marked); a cell opens its report; exported as Excel. For reviewers.
/// </summary>
public sealed class LedgerModel(Ledgers ledgers, Library library) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public Ledger? Ledger { get; private set; }

    /// <summary>The years anything is stored for, newest first.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public List<(string Text, bool Error)> Messages { get; } = [];

    /// <summary>What the last due-date change did, carried over its redirect.</summary>
    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        if (Done is { } done)
        {
            Messages.Add((done, false));
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDueAsync(int dueYear, string kind, string? due, CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        if (DocumentKinds.Parse(kind ?? string.Empty) is not { } which || dueYear is < 2000 or > 2100)
        {
            Messages.Add(("请选择年度和材料类别。", true));
        }
        else if (string.IsNullOrWhiteSpace(due))
        {
            await ledgers.SetDueAsync(dueYear, which, null, ct);
            Messages.Add(($"已清除 {dueYear} 年度{DocumentKinds.Name(which)}的截止日期。", false));
        }
        else if (DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            await ledgers.SetDueAsync(dueYear, which, date, ct);
            Messages.Add(($"{dueYear} 年度{DocumentKinds.Name(which)}的截止日期为 {date:yyyy-MM-dd}。", false));
        }
        else
        {
            Messages.Add(($"日期「{due}」应写成 YYYY-MM-DD。", true));
        }

        if (Messages.Any(m => m.Error))
        {
            await LoadAsync(ct);
            return Page();
        }

        // Redirected, so that reloading the ledger never sends the form again.
        Done = Messages.FirstOrDefault().Text;
        return RedirectToPage(new { year = Year });
    }

    /// <summary>The ledger shown, as an Excel workbook.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        if (!Access.CanReview(User))
        {
            return Forbid();
        }

        var ledger = await ledgers.BuildAsync(Year, cancellationToken: ct);
        var stream = new MemoryStream();
        await Ledgers.WriteAsync(ledger, stream, ct);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"材料台账{(Year is { } y ? "-" + y : string.Empty)}.xlsx");
    }

    /// <summary>The CSS class of a cell: its state, and overdue.</summary>
    public static string ClassOf(LedgerCell cell) =>
        $"ledger-cell state-{cell.State.ToString().ToLowerInvariant()}{(cell.Overdue ? " overdue" : string.Empty)}{(cell.Late ? " late" : string.Empty)}";

    private async Task LoadAsync(CancellationToken ct)
    {
        Years = (await library.ListAsync(ct)).Select(s => s.Year).Distinct().OrderDescending().ToArray();
        Ledger = await ledgers.BuildAsync(Year, cancellationToken: ct);
    }
}
