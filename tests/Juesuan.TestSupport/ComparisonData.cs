using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Formats.Json;

namespace Juesuan.TestSupport;

/// <summary>
/// Department-years for the cross-year and comparison tests, built from the example (examples/qingshi-2024.json): its
/// year before stating just the figures a case needs, and bureaus like it under other names.
/// </summary>
public static class ComparisonData
{
    /// <summary>The example department-year, read afresh.</summary>
    public static DepartmentYear Example => DepartmentYearJson.ReadFile(Paths.Example).Value!;

    /// <summary>
    /// The year before <paramref name="year"/> of the same department, read from <paramref name="file"/> (page
    /// <paramref name="page"/>): no narrative, references or evaluations, and of the tables only the given cells, each
    /// table and row as <paramref name="year"/> defines and labels them.
    /// </summary>
    public static DepartmentYear YearBefore(DepartmentYear year, string file, int page, params (string Table, string Row, string Column, string Value)[] cells)
    {
        ArgumentNullException.ThrowIfNull(year);
        var source = new SourceLocation { File = file, Page = page };
        return year with
        {
            Year = year.Year - 1,
            Sources = [file],
            Narrative = new Narrative(), References = [], Evaluations = [], Explanations = [],
            Tables = cells.GroupBy(c => c.Table).Select(g => year.Tables.First(t => t.Definition == g.Key) with
            {
                Source = source,
                Rows = g.GroupBy(c => c.Row).Select(r => new StatedRow
                {
                    Key = r.Key,
                    Label = year.Tables.First(t => t.Definition == g.Key).Rows.FirstOrDefault(x => x.Key == r.Key)?.Label ?? r.Key,
                    Source = source,
                    Cells = r.Select(c => new StatedCell { Column = c.Column, Value = Printed.Parse(c.Value).Value }).ToArray(),
                }).ToArray(),
            }).ToArray(),
        };
    }

    /// <summary>A county bureau like the example, named 「第<paramref name="n"/>县医疗保障局」, with <paramref name="staff"/> staff.</summary>
    public static DepartmentYear Bureau(DepartmentYear example, int n, int staff)
    {
        ArgumentNullException.ThrowIfNull(example);
        return example with
        {
            Department = example.Department with { Name = $"第{n}县医疗保障局", Region = $"第{n}县", Code = null },
            Staffing = example.Staffing! with { Actual = staff },
        };
    }
}
