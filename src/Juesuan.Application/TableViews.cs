using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Application;

/// <summary>A column of a table as read: its key and printed name.</summary>
public sealed record TableViewColumn(string Key, string Name);

/// <summary>
/// A row of a table as read (读取结果): its key (code or fixed-row key), its label as a reader of the table sees it
/// (「  2080501 行政单位离退休」, indented by level), each column's value as read ("" for a blank cell) and where it was read.
/// </summary>
public sealed record TableViewRow(string Key, string Label, IReadOnlyList<string> Cells, SourceLocation? Source);

/// <summary>One grid of a table as read: the whole table, or one side (收入 / 支出) of a two-sided table.</summary>
/// <param name="Side">「收入」 or 「支出」 for a side of a two-sided table; null for the whole table.</param>
/// <param name="Columns">The columns that were read, in the definition's order.</param>
/// <param name="Rows">The rows in printed order (codes put in order when they were read across blocks), each with a value per column.</param>
public sealed record TableViewPart(string? Side, IReadOnlyList<TableViewColumn> Columns, IReadOnlyList<TableViewRow> Rows);

/// <summary>
/// A stated table as Juesuan read it, laid out for a person to compare with the printed page: the heading with its
/// number and unit, the grid(s) with only the columns that were read, the empty-table statement and the notes. Every
/// front end shows tables as read from this one layout (the CLI's `show`, the workbench's viewer).
/// </summary>
public sealed record TableView(string Definition, string Heading, IReadOnlyList<TableViewPart> Parts, string? EmptyStatement, IReadOnlyList<string> Notes)
{
    /// <summary>Lays <paramref name="table"/> out by its definition in <paramref name="templates"/>, numbered as <paramref name="template"/> prints it.</summary>
    public static TableView Of(TemplateSet templates, Template template, StatedTable table)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(table);
        var definition = templates.Definitions.GetValueOrDefault(table.Definition);
        var number = table.Number ?? template.Table(table.Definition)?.Number;
        var heading = $"{(number is null ? string.Empty : number + " ")}{table.Title}（单位：{table.Unit.Name()}）";

        // The definition's columns in its order, then any column the reader found that the definition does not name.
        var columns = definition?.Columns.Select(c => c.Key).ToList() ?? [];
        columns.AddRange(table.Rows.SelectMany(r => r.Cells).Select(c => c.Column).Distinct().Where(c => !columns.Contains(c)).ToList());

        var parts = new List<TableViewPart>();
        var ordered = InCodeOrder(table.Rows);
        if (definition?.Layout == TableLayout.TwoSided)
        {
            foreach (var (side, name) in new[] { ("income", "收入"), ("expenditure", "支出") })
            {
                var rows = ordered.Where(r => (definition.Row(r.Key)?.Side ?? "expenditure") == side).ToArray();
                var used = columns.Where(c => (definition.Column(c)?.Side ?? side) == side && rows.Any(r => r.Cell(c) is not null)).ToArray();
                parts.Add(Part(definition, name, rows, used));
            }
        }
        else
        {
            parts.Add(Part(definition, null, ordered, columns.Where(c => table.Rows.Any(r => r.Cell(c) is not null)).ToArray()));
        }

        return new(table.Definition, heading, parts, table.EmptyStatement, table.Notes);
    }

    // Rows as printed, unless the codes were read out of their order — a table printed in blocks side by side (table 06's
    // 301/302/310 columns) is read across the blocks — then the total, the codes in order, and the other fixed rows.
    private static IReadOnlyList<StatedRow> InCodeOrder(IReadOnlyList<StatedRow> rows)
    {
        var codes = rows.Where(r => r.Key.All(char.IsAsciiDigit)).ToArray();
        if (codes.Zip(codes.Skip(1)).All(p => string.CompareOrdinal(p.First.Key, p.Second.Key) < 0))
        {
            return rows;
        }

        return [.. rows.Where(r => r.Key == FactIndex.TotalRowKey), .. codes.OrderBy(r => r.Key, StringComparer.Ordinal), .. rows.Where(r => r.Key != FactIndex.TotalRowKey && !r.Key.All(char.IsAsciiDigit))];
    }

    private static TableViewPart Part(TableDefinition? definition, string? side, IReadOnlyList<StatedRow> rows, IReadOnlyList<string> columns) =>
        new(side,
            columns.Select(c => new TableViewColumn(c, definition?.Column(c)?.Name ?? c)).ToArray(),
            rows.Select(r => new TableViewRow(r.Key, Label(definition, r), columns.Select(c => r.Cell(c)?.Value is { } v ? v.ToDisplayString() : r.Cell(c)?.Text ?? string.Empty).ToArray(), r.Source)).ToArray());

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
