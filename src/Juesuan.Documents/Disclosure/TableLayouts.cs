using Juesuan.Domain.Reference;
using System.Globalization;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Documents.Disclosure;

/// <summary>
/// Lays out a stated table the way the official template prints it (公开表版式): income and expenditure side by side
/// for 01 and 04 with their 行次, 功能分类 tables with 科目编码/科目名称 and 栏次, 06 with 人员经费 beside 公用经费, and the
/// 三公 table with 预算数 and 决算数 under merged headers. Every fixed row of the template is printed, filled or not.
/// </summary>
public static class TableLayouts
{
    /// <summary>The grid of <paramref name="table"/> in <paramref name="year"/>'s template.</summary>
    public static Grid Layout(DepartmentYear year, StatedTable table, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(table);
        reference ??= ReferenceData.Embedded;
        var template = reference.TemplateOf(year);
        var definition = reference.Templates.Definition(table.Definition);
        var templateTable = template.Table(table.Definition);
        var format = new CellFormat(template.ThousandsSeparators);
        var grid = definition.Layout switch
        {
            TableLayout.TwoSided => TwoSided(reference.Catalogs, year.Year, definition, table, format),
            TableLayout.Economic => Economic(reference.Catalogs, year.Year, definition, table, format),
            TableLayout.ThreePublic => ThreePublic(definition, table, format),
            _ => Functional(reference.Catalogs, year.Year, definition, table, format),
        };
        var notes = table.Notes.ToList();
        if (table.EmptyStatement is { } statement && !notes.Contains(statement))
        {
            notes.Insert(0, statement);
        }

        return grid with
        {
            Number = templateTable is null ? table.Number : templateTable.Number,
            Title = templateTable?.Title ?? table.Title,
            LeftCaption = "编制单位：" + year.Department.Name,
            RightCaption = "单位：" + table.Unit.Name(),
            Notes = notes,
        };
    }

    private static Grid TwoSided(CatalogSet catalogs, int year, TableDefinition definition, StatedTable table, CellFormat format)
    {
        var incomeColumns = definition.Columns.Where(c => c.Side is null or "income").ToArray();
        var expenseColumns = definition.Columns.Where(c => c.Side is null or "expenditure").ToArray();
        var income = definition.Rows.Where(r => r.Side == "income" && r.AppliesTo(year)).ToList();
        var expense = definition.Rows.Where(r => r.Side == "expenditure" && r.AppliesTo(year)).ToList();

        // Items on top; 本年收入合计 level with 本年支出合计; 总计 level with 总计 on the last row.
        var (incomeItems, incomeTail) = Split(income, "income.total");
        var (expenseItems, expenseTail) = Split(expense, "expense.total");
        var itemRows = Math.Max(incomeItems.Count, expenseItems.Count);
        var tailRows = Math.Max(incomeTail.Count, expenseTail.Count);
        var left = Pad(incomeItems, itemRows).Concat(PadTail(incomeTail, tailRows)).ToArray();
        var right = Pad(expenseItems, itemRows).Concat(PadTail(expenseTail, tailRows)).ToArray();

        var columns = 2 + incomeColumns.Length + 2 + expenseColumns.Length;
        var line = 1;
        List<IReadOnlyList<GridCell>> header =
        [
            new[] { Head("收入", incomeColumns.Length + 2), Head("支出", expenseColumns.Length + 2) },
            [Head("项目"), Head("行次"), .. incomeColumns.Select(c => Head(c.Name)), Head("项目"), Head("行次"), .. expenseColumns.Select(c => Head(c.Name))],
            [Head("栏次"), Head(string.Empty), .. incomeColumns.Select(_ => Head((line++).ToString(CultureInfo.InvariantCulture))), Head("栏次"), Head(string.Empty),
                .. expenseColumns.Select(_ => Head((line++).ToString(CultureInfo.InvariantCulture)))],
        ];
        var body = left.Zip(right).Select(pair => (IReadOnlyList<GridCell>)[.. Side(pair.First, incomeColumns, table, format), .. Side(pair.Second, expenseColumns, table, format)]).ToArray();
        // Labels must not wrap: a wrapped label reads as two rows to anyone extracting the text.
        var amount = incomeColumns.Length + expenseColumns.Length > 2 ? 10 : 12;
        int[] widths = [.. new[] { 30, 4 }, .. incomeColumns.Select(_ => amount), .. new[] { 30, 4 }, .. expenseColumns.Select(_ => amount)];
        return new Grid { Title = table.Title, Columns = columns, Widths = widths, Header = header, Body = body };
    }

    private static (List<RowDefinition> Items, List<RowDefinition> Tail) Split(List<RowDefinition> rows, string totalKey)
    {
        var at = rows.FindIndex(r => r.Key == totalKey);
        return at < 0 ? (rows, []) : (rows[..at], rows[at..]);
    }

    private static IEnumerable<RowDefinition?> Pad(List<RowDefinition> rows, int count) => rows.Cast<RowDefinition?>().Concat(Enumerable.Repeat<RowDefinition?>(null, count - rows.Count));

    // Blank rows go before the last (总计) row so the two 总计 rows are level.
    private static IEnumerable<RowDefinition?> PadTail(List<RowDefinition> rows, int count) =>
        rows.Count == 0 ? Enumerable.Repeat<RowDefinition?>(null, count)
        : rows.Take(rows.Count - 1).Cast<RowDefinition?>().Concat(Enumerable.Repeat<RowDefinition?>(null, count - rows.Count)).Append(rows[^1]);

    private static IEnumerable<GridCell> Side(RowDefinition? row, ColumnDefinition[] columns, StatedTable table, CellFormat format)
    {
        if (row is null)
        {
            return [new GridCell(string.Empty), new GridCell(string.Empty), .. columns.Select(_ => new GridCell(string.Empty))];
        }

        var stated = table.Row(row.Key);
        var summary = row.Role is not null || row.Label is "总计" || row.Key.EndsWith(".total", StringComparison.Ordinal);
        return [new GridCell(stated?.Label ?? row.Label, Bold: summary),
            new GridCell(row.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Align: CellAlign.Center),
            .. columns.Select(c => Amount(stated?.Cell(c.Key), format))];
    }

    private static Grid Functional(CatalogSet catalogs, int year, TableDefinition definition, StatedTable table, CellFormat format)
    {
        var columns = definition.Columns;
        var catalog = catalogs.Function(year);
        var line = 1;
        List<IReadOnlyList<GridCell>> header =
        [
            new[] { Head("项目", 2) }.Concat(columns.Select(c => Head(c.Name.Replace("·", "\n", StringComparison.Ordinal), rowSpan: 2))).ToArray(),
            [Head("功能分类科目编码"), Head("科目名称")],
            [Head("栏次", 2), .. columns.Select(_ => Head((line++).ToString(CultureInfo.InvariantCulture)))],
        ];
        List<IReadOnlyList<GridCell>> body =
        [
            new[] { new GridCell("合计", 2, Align: CellAlign.Center, Bold: true) }.Concat(columns.Select(c => Amount(table.Row(FactIndex.TotalRowKey)?.Cell(c.Key), format))).ToArray(),
        ];
        foreach (var row in table.Rows.Where(r => r.Key != FactIndex.TotalRowKey))
        {
            var level = row.Key.Length switch { 3 => 0, 5 => 1, _ => 2 };
            body.Add([new GridCell(row.Key, Align: CellAlign.Left, Bold: level == 0), new GridCell(row.Label ?? catalog.Find(row.Key)?.Name ?? string.Empty, Indent: level, Bold: level == 0),
                .. columns.Select(c => Amount(row.Cell(c.Key), format))]);
        }

        int[] widths = [.. new[] { 12, 30 }, .. columns.Select(_ => Math.Max(9, 60 / columns.Count))];
        return new Grid { Title = table.Title, Columns = 2 + columns.Count, Widths = widths, Header = header, Body = body };
    }

    private static Grid Economic(CatalogSet catalogs, int year, TableDefinition definition, StatedTable table, CellFormat format)
    {
        var catalog = catalogs.Economic(year);
        var coded = table.Rows.Where(r => r.Key.All(char.IsAsciiDigit)).ToArray();
        if (definition.Row("personnel.total") is null)
        {
            List<IReadOnlyList<GridCell>> single = [[Head("科目编码"), Head("科目名称"), Head("决算数")]];
            return new Grid
            {
                Title = table.Title, Columns = 3, Widths = [15, 45, 20], Header = single,
                Body = coded.Select(r => (IReadOnlyList<GridCell>)[new GridCell(r.Key), new GridCell(r.Label ?? catalog.Find(r.Key)?.Name ?? string.Empty, Indent: r.Key.Length > 3 ? 1 : 0), Amount(r.Cell("amount"), format)]).ToArray(),
            };
        }

        var personnel = coded.Where(r => catalog.IsPersonnel(r.Key)).ToArray();
        var publicRows = coded.Where(r => !catalog.IsPersonnel(r.Key)).ToArray();
        var count = Math.Max(personnel.Length, publicRows.Length);
        IEnumerable<GridCell> Item(StatedRow? row) => row is null
            ? [new GridCell(string.Empty), new GridCell(string.Empty), new GridCell(string.Empty)]
            : [new GridCell(row.Key, Bold: row.Key.Length == 3), new GridCell(row.Label ?? catalog.Find(row.Key)?.Name ?? string.Empty, Indent: row.Key.Length > 3 ? 1 : 0, Bold: row.Key.Length == 3), Amount(row.Cell("amount"), format)];
        List<IReadOnlyList<GridCell>> header =
        [
            new[] { Head("人员经费", 3), Head("公用经费", 3) },
            [Head("科目编码"), Head("科目名称"), Head("决算数"), Head("科目编码"), Head("科目名称"), Head("决算数")],
        ];
        var body = Enumerable.Range(0, count)
            .Select(i => (IReadOnlyList<GridCell>)[.. Item(i < personnel.Length ? personnel[i] : null), .. Item(i < publicRows.Length ? publicRows[i] : null)])
            .Append([new GridCell("人员经费合计", 2, Align: CellAlign.Center, Bold: true), Amount(table.Row("personnel.total")?.Cell("amount"), format),
                new GridCell("公用经费合计", 2, Align: CellAlign.Center, Bold: true), Amount(table.Row("public.total")?.Cell("amount"), format)])
            .ToArray();
        return new Grid { Title = table.Title, Columns = 6, Widths = [8, 30, 11, 8, 30, 11], Header = header, Body = body };
    }

    private static Grid ThreePublic(TableDefinition definition, StatedTable table, CellFormat format)
    {
        var keys = definition.Columns.Select(c => c.Key).ToArray();
        var n = keys.Length;
        IEnumerable<GridCell> Names()
        {
            foreach (var column in definition.Columns)
            {
                switch (column.Key)
                {
                    case "vehicleSubtotal":
                        yield return Head("公务用车购置及运行维护费", 3);
                        break;
                    case "vehiclePurchase" or "vehicleOperation":
                        break;
                    default:
                        yield return Head(column.Name, rowSpan: 2);
                        break;
                }
            }
        }

        IEnumerable<GridCell> Vehicles() => [Head("小计"), Head("公务用车购置费"), Head("公务用车运行维护费")];
        List<IReadOnlyList<GridCell>> header =
        [
            new[] { Head("预算数", n), Head("决算数", n) },
            [.. Names(), .. Names()],
            [.. Vehicles(), .. Vehicles()],
            [.. Enumerable.Range(1, 2 * n).Select(i => Head(i.ToString(CultureInfo.InvariantCulture)))],
        ];
        List<IReadOnlyList<GridCell>> body =
        [
            new[] { "budget", "actual" }.SelectMany(row => keys.Select(k => Amount(table.Row(row)?.Cell(k), format))).ToArray(),
        ];
        return new Grid { Title = table.Title, Columns = 2 * n, Widths = Enumerable.Repeat(1, 2 * n).ToArray(), Header = header, Body = body };
    }

    private static GridCell Head(string text, int colSpan = 1, int rowSpan = 1) => new(text, colSpan, rowSpan, CellAlign.Center, Bold: true);

    private static GridCell Amount(StatedCell? cell, CellFormat format) =>
        new(cell?.Value is { } value ? format.Format(value) : string.Empty, Align: CellAlign.Right);

    private sealed record CellFormat(bool Separators)
    {
        public string Format(Printed value) =>
            value.Value.ToString((Separators ? "#,0" : "0") + (value.Decimals > 0 ? "." + new string('0', value.Decimals) : string.Empty), CultureInfo.InvariantCulture);
    }
}
