using Juesuan.Application;
using Juesuan.Domain.Numbers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>
/// 各年度比较: a department's figure over the years it is stored, as a line chart (ECharts, served locally), the same
/// numbers as a table beside it, and downloads (Excel, JSON). A preparer sees their own department only.
/// </summary>
public sealed class SeriesModel(Comparisons comparisons, Library library) : PageModel
{
    /// <summary>What a reviewer most often follows; any other row name or a code can be typed.</summary>
    public static readonly string[] Suggestions = ["本年收入合计", "本年支出合计", "财政拨款收入", "基本支出", "项目支出", "年初结转和结余", "年末结转和结余"];

    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string What { get; set; } = "本年支出合计";

    /// <summary>The departments the user may compare.</summary>
    public IReadOnlyList<string> Departments { get; private set; } = [];

    public Series? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The series as an Excel workbook or JSON.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } series)
        {
            return NotFound();
        }

        var name = $"{series.Organisation}-{What}";
        if (format == "json")
        {
            return File(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(Points(series))), "application/json", name + ".json");
        }

        var stream = new MemoryStream();
        ComparisonWorkbooks.Write(series, stream);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    /// <summary>
    /// The points as the chart and the JSON download take them: year, value as a number in one unit for every year (the
    /// latest year's; a report in 元 beside one in 万元 is converted), or null for a gap with why, and as printed.
    /// </summary>
    public static object[] Points(Series series)
    {
        var unit = series.Points.LastOrDefault(p => p.Value is not null)?.Value?.Unit ?? MoneyUnit.WanYuan;
        return series.Points
            .Select(p => (object)new { year = p.Year, value = p.Value?.In(unit).Value, unit = unit.Name(), printed = p.Value?.ToString(), gap = p.Gap, change = p.Change })
            .ToArray();
    }

    private async Task<Series?> LoadAsync(CancellationToken ct)
    {
        var stored = await library.ListAsync(ct);
        var scope = Access.ScopeOf(User);
        if (scope is { } organisation)
        {
            var own = await (await library.StoreAsync(ct)).KeysOfAsync(organisation, ct);
            stored = stored.Where(s => own.Contains(s.Key)).ToArray();
        }

        Departments = stored.Select(s => s.Department).Distinct().Order(StringComparer.Ordinal).ToArray();
        Organisation ??= Departments.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(Organisation) || string.IsNullOrWhiteSpace(What))
        {
            return null;
        }

        // Only a department the user may see, named exactly: a preparer cannot reach another's by a partial name.
        if (!Departments.Contains(Organisation, StringComparer.Ordinal))
        {
            Error = $"没有可比较的部门「{Organisation}」。";
            return null;
        }

        try
        {
            // A preparer's series is their organisation's, by its id: a name alone could name another region's.
            return Result = await comparisons.SeriesAsync(Organisation, What, ct, scope);
        }
        catch (SeriesRequestException e)
        {
            Error = e.Message;
            return null;
        }
    }
}
