using System.Text;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Reference;
using Juesuan.Formats.Excel;
using Juesuan.Formats.Json;
using Juesuan.Formats.Text;

namespace Juesuan.Application;

/// <summary>The forms a department-year is exported in; each reads back in.</summary>
public enum ExportFormat
{
    /// <summary>Juesuan's JSON.</summary>
    Json,

    /// <summary>The Excel 填报模板.</summary>
    Xlsx,

    /// <summary>Report text in the published layout.</summary>
    Txt,
}

/// <summary>Exporting department-years (导出), and the blank workbook a clerk fills in.</summary>
public static class Exports
{
    /// <summary>
    /// Writes <paramref name="year"/> to <paramref name="output"/> as <paramref name="format"/>, its tables in the order of
    /// its template in <paramref name="reference"/> (the embedded data when none is given).
    /// </summary>
    public static async Task WriteAsync(DepartmentYear year, ExportFormat format, Stream output, ReferenceData? reference = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(output);
        if (format == ExportFormat.Xlsx)
        {
            // The 上年数 and budgets a report read back states only in its narrative go to 参考数 as well, where a clerk sees
            // and edits them beside the figures (the narrative sheet keeps the words; its statements are read again on import).
            year = year with { References = [.. year.References, .. NarrativeReferences(year)] };

            // The 原因说明 sheet lists the reasons the disclosure would still lack, for the clerk to fill exactly those.
            var data = reference ?? ReferenceData.Embedded;
            var wanted = Documents.Disclosure.DisclosureBuilder.Build(year, reference: data).Gaps
                .Where(g => g.Subject is not null && g.Topic is not null).Select(g => (g.Subject!, g.Topic!.Value, g.What)).ToList();
            await Streams.WritePackageAsync(output, s => Workbook.Write(year, s, data.TemplateOf(year), wanted), cancellationToken).ConfigureAwait(false);
            return;
        }

        await output.WriteAsync(Encoding.UTF8.GetBytes(Text(year, format, reference)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The reference figures a report's narrative states and its references lack: a budget beside an actual
    /// (「年初预算为…」), a prior year implied by an actual and its stated change (「增加 X 万元」), in 万元 with the
    /// printed precision of the two.
    /// </summary>
    public static IEnumerable<ReferenceFigure> NarrativeReferences(DepartmentYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var known = year.References.Select(r => r.Key).ToHashSet();
        foreach (var claim in year.Narrative.Claims)
        {
            if (claim.Budget is { } budget && claim.Subject with { Basis = claim.BudgetBasis ?? Bases.Budget } is var budgetKey && known.Add(budgetKey))
            {
                yield return new ReferenceFigure { Key = budgetKey, Amount = budget };
            }

            if (claim.Amount is not null && claim.Change is { } change && claim.ChangeDirection is { } direction && claim.Subject with { Basis = Bases.Prior } is var priorKey && known.Add(priorKey))
            {
                var actual = claim.Amount!.Value.In(MoneyUnit.WanYuan).Value;
                var by = change.In(MoneyUnit.WanYuan).Value;
                var decimals = Math.Max(claim.Amount!.Value.Decimals, change.Decimals) + (claim.Amount!.Value.Unit == MoneyUnit.Yuan || change.Unit == MoneyUnit.Yuan ? 4 : 0);
                yield return new ReferenceFigure { Key = priorKey, Amount = new Amount(direction == Direction.Increase ? actual - by : direction == Direction.Decrease ? actual + by : actual, decimals, MoneyUnit.WanYuan) };
            }
        }
    }

    /// <summary>The department-year as JSON or report text (not <see cref="ExportFormat.Xlsx"/>), for a host that shows it as a string.</summary>
    public static string Text(DepartmentYear year, ExportFormat format, ReferenceData? reference = null) => format switch
    {
        ExportFormat.Json => DepartmentYearJson.Write(year),
        ExportFormat.Txt => TextReportWriter.Write(year, (reference ?? ReferenceData.Embedded).TemplateOf(year)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A workbook is not text: write it to a stream."),
    };

    /// <summary>
    /// The empty department-year of a template of <paramref name="reference"/> (the embedded data when none is given)
    /// and a year — its workbook is the blank 填报模板 — or null for an unknown template.
    /// </summary>
    public static DepartmentYear? Blank(string templateId, int year, ReferenceData? reference = null) =>
        (reference ?? ReferenceData.Embedded).Templates.Find(templateId) is { } template ? Workbook.Blank(template, year) : null;
}
