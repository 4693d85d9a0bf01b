using System.Text;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Formats.Text;

/// <summary>
/// Writes a department-year as report text in the tab-separated layout of the published samples (narrative first, then
/// the tables by template order): simple, but complete enough that the text reader (Juesuan.Import) reads it back equal.
/// </summary>
public static class TextReportWriter
{
    /// <summary>The report text.</summary>
    public static string Write(DepartmentYear year) => Write(year, null);

    /// <summary>Writes a department-year as report text, its tables in the order and numbering of <paramref name="template"/> (else the year's own).</summary>
    public static string Write(DepartmentYear year, Template? template)
    {
        ArgumentNullException.ThrowIfNull(year);
        template ??= year.Template;
        ArgumentNullException.ThrowIfNull(year);
        var sb = new StringBuilder();
        var name = year.Department.Name;
        sb.AppendLine(name).AppendLine($"{year.Year}年度部门决算").AppendLine();
        sb.AppendLine($"第二部分 {year.Year}年度部门决算情况说明").AppendLine();
        foreach (var section in year.Narrative.Sections)
        {
            sb.AppendLine($"{section.Number}、{section.Title}").AppendLine();
            foreach (var paragraph in section.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                sb.AppendLine(paragraph).AppendLine();
            }
        }

        sb.AppendLine($"第三部分 {year.Year}年度部门决算表").AppendLine();
        var order = template.Tables.Select(t => t.Definition).ToList();
        foreach (var table in year.Tables.OrderBy(t => order.IndexOf(t.Definition) is var o && o < 0 ? int.MaxValue : o))
        {
            WriteTable(sb, year, template, table);
        }

        return sb.ToString();
    }

    private static void WriteTable(StringBuilder sb, DepartmentYear year, Template template, StatedTable table)
    {
        var definition = TemplateLibrary.Definition(table.Definition);
        sb.AppendLine(table.Title);
        if ((table.Number ?? template.Table(table.Definition)?.Number) is { } number)
        {
            sb.AppendLine(number);
        }

        sb.AppendLine($"部门名称：{year.Department.Name}\t{year.Year}年度\t单位：{table.Unit.Name()}");
        switch (definition.Layout)
        {
            case TableLayout.TwoSided:
                TwoSided(sb, definition, table);
                break;
            case TableLayout.Economic:
                foreach (var row in table.Rows)
                {
                    var value = Value(row, "amount");
                    sb.AppendLine(definition.Row(row.Key) is { } fixedRow ? $"{row.Label ?? fixedRow.Label}\t{value}" : $"{row.Key}\t{row.Label}\t{value}");
                }

                break;
            case TableLayout.ThreePublic:
                var columns = definition.Columns.Select(c => c.Key).ToArray();
                sb.AppendLine("项目\t" + string.Join('\t', definition.Columns.Select(c => c.Name)));
                foreach (var row in table.Rows)
                {
                    sb.AppendLine($"{row.Label ?? row.Key}\t{string.Join('\t', columns.Select(c => Value(row, c)))}");
                }

                break;
            default:
                sb.AppendLine("科目代码\t科目名称\t" + string.Join('\t', definition.Columns.Select(c => c.Name)));
                foreach (var row in table.Rows.Where(r => r.Cells.Count > 0 || r.Key != FactIndex.TotalRowKey))
                {
                    var key = row.Key == FactIndex.TotalRowKey ? "合计" : row.Key;
                    sb.AppendLine($"{key}\t{(row.Key == FactIndex.TotalRowKey ? string.Empty : row.Label)}\t{string.Join('\t', definition.Columns.Select(c => Value(row, c.Key)))}");
                }

                break;
        }

        foreach (var note in table.Notes)
        {
            sb.AppendLine("注：" + note);
        }

        if (table.EmptyStatement is not null)
        {
            sb.AppendLine("说明：" + table.EmptyStatement);
        }

        sb.AppendLine();
    }

    private static void TwoSided(StringBuilder sb, TableDefinition definition, StatedTable table)
    {
        var income = table.Rows.Where(r => definition.Row(r.Key)?.Side == "income").ToArray();
        var expense = table.Rows.Where(r => definition.Row(r.Key)?.Side != "income").ToArray();
        var incomeColumns = definition.Columns.Where(c => (c.Side ?? "income") == "income").Select(c => c.Key).ToArray();
        var expenseColumns = definition.Columns.Where(c => (c.Side ?? "expenditure") == "expenditure").Select(c => c.Key).ToArray();
        sb.AppendLine("项目\t行次\t决算数\t项目\t行次\t" + string.Join('\t', expenseColumns.Select(c => definition.Column(c)!.Name)));
        for (var i = 0; i < Math.Max(income.Length, expense.Length); i++)
        {
            var left = i < income.Length ? Side(income[i], incomeColumns) : "\t\t";
            var right = i < expense.Length ? Side(expense[i], expenseColumns) : string.Empty;
            sb.AppendLine($"{left}\t{right}".TrimEnd('\t') is var line && line.Length == 0 ? "\t" : $"{left}\t{right}");
        }
    }

    private static string Side(StatedRow row, string[] columns) =>
        $"{row.Label}\t{row.Line}\t{string.Join('\t', columns.Select(c => Value(row, c)))}";

    private static string Value(StatedRow row, string column) => row.Cell(column)?.Value is { } v ? v.ToString() : string.Empty;
}
