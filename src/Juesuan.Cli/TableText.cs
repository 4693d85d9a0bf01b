using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.Documents.Plain;

namespace Juesuan.Cli;

/// <summary>Prints stated tables as aligned text (the `show` command).</summary>
internal static class TableText
{
    public static string Render(Template template, IEnumerable<StatedTable> tables, string heading)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(heading);
        foreach (var table in tables)
        {
            sb.AppendLine();
            sb.AppendLine(Render(template, table));
        }

        return sb.ToString();
    }

    public static string Render(Template template, StatedTable table)
    {
        var definition = TemplateLibrary.Definitions.GetValueOrDefault(table.Definition);
        var sb = new System.Text.StringBuilder();
        var number = table.Number ?? template.Table(table.Definition)?.Number;
        sb.AppendLine($"{(number is null ? string.Empty : number + " ")}{table.Title}（单位：{table.Unit.Name()}）");
        var columns = definition?.Columns.Select(c => c.Key).ToList() ?? [];
        foreach (var extra in table.Rows.SelectMany(r => r.Cells).Select(c => c.Column).Distinct().Where(c => !columns.Contains(c)))
        {
            columns.Add(extra);
        }

        if (definition?.Layout == TableLayout.TwoSided)
        {
            foreach (var side in new[] { ("income", "收入"), ("expenditure", "支出") })
            {
                var rows = table.Rows.Where(r => (definition.Row(r.Key)?.Side ?? "expenditure") == side.Item1).ToArray();
                var used = columns.Where(c => (definition.Column(c)?.Side ?? side.Item1) == side.Item1 && rows.Any(r => r.Cell(c) is not null)).ToArray();
                sb.AppendLine($"【{side.Item2}】");
                sb.Append(Grid(definition, rows, used));
            }
        }
        else
        {
            sb.Append(Grid(definition, table.Rows, columns.Where(c => table.Rows.Any(r => r.Cell(c) is not null)).ToArray()));
        }

        if (table.EmptyStatement is not null)
        {
            sb.AppendLine("说明：" + table.EmptyStatement);
        }

        foreach (var note in table.Notes)
        {
            sb.AppendLine("注：" + note);
        }

        return sb.ToString();
    }

    private static string Grid(TableDefinition? definition, IReadOnlyList<StatedRow> rows, IReadOnlyList<string> columns)
    {
        var header = new List<string> { "项目" };
        header.AddRange(columns.Select(c => definition?.Column(c)?.Name ?? c));
        var body = rows.Select(r => (IReadOnlyList<string>)new[] { Label(definition, r) }
            .Concat(columns.Select(c => r.Cell(c)?.Value is { } v ? v.ToDisplayString() : string.Empty)).ToArray()).ToArray();
        return TextTable.Render(header, body, Enumerable.Range(1, columns.Count).ToHashSet());
    }

    private static string Label(TableDefinition? definition, StatedRow row)
    {
        if (definition?.Row(row.Key) is { } fixedRow && fixedRow.Code is null)
        {
            return row.Label ?? fixedRow.Label;
        }

        var indent = row.Key.Length switch { 5 when definition?.RowKind == RowKind.Functional => "  ", 7 => "    ", 5 when definition?.RowKind == RowKind.Economic => "  ", _ => string.Empty };
        return row.Key == FactIndex.TotalRowKey ? row.Label ?? "合计" : $"{indent}{row.Key} {row.Label}".TrimEnd();
    }
}
