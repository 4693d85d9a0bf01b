using Juesuan.Documents.Disclosure;
using Juesuan.Domain.Model;

namespace Juesuan.Documents.Evaluations;

/// <summary>
/// Self-evaluation forms on their own (`juesuan render --only evaluations`) as one self-contained, printable HTML page,
/// one form per page, in the province's layout (<see cref="EvaluationForm.GridFor"/>). The disclosure's HTML writer
/// renders them, so the forms look the same alone and inside the disclosure.
/// </summary>
public static class EvaluationHtml
{
    /// <summary>Every evaluation of a department-year.</summary>
    public static string Render(DepartmentYear year) => DisclosureHtml.Render(Forms(year));

    /// <summary>The forms of a department-year as a document: a hidden heading (page break) and a grid per form.</summary>
    internal static DisclosureDocument Forms(DepartmentYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var blocks = new List<Block>();
        foreach (var (evaluation, i) in year.Evaluations.Select((e, i) => (e, i)))
        {
            var grid = EvaluationForm.GridFor(year, evaluation);
            blocks.Add(new HeadingBlock(1, grid.Title, NewPage: i > 0, Hidden: true));
            blocks.AddRange(EvaluationForm.Blocks(grid));
        }

        return new DisclosureDocument($"{year.Department.Name} {year.Year}年度绩效自评表", blocks, []);
    }
}
