using FsCheck;
using FsCheck.Xunit;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.TestSupport;

namespace Juesuan.Audit.Tests;

/// <summary>
/// <see cref="AuditContext.SumOfRows(string, StatedTable, string, IReadOnlyList{string}, string, string)"/> (with the rows found by the caller or not) and <see cref="AuditContext.SumOfColumns"/> decide a relation without making
/// figures when it holds exactly: whatever the cells — missing rows, blank cells, zeros, sums that hold, hold by rounding
/// or fail — they must give what <see cref="AuditContext.Sum"/> gives over the same cells' figures, finding and recorded
/// arithmetic alike.
/// </summary>
public class SumOfCellsTests
{
    private static readonly string[] Items = ["301", "302", "303", "310", "399"];

    // An item's code: -1 no row, -2 a row with a blank cell, else cents (0 prints 0.00). The total: the items' sum plus a
    // shift of 0, 0.01 (rounding) or 0.50 (an error), or blank, or no row.
    private static StatedTable Table(int[] items, int total, string column)
    {
        var rows = new List<StatedRow>();
        var sum = 0m;
        for (var i = 0; i < Items.Length; i++)
        {
            var code = items[i % items.Length];
            if (code == -1)
            {
                continue;
            }

            var value = code == -2 ? (Printed?)null : new Printed(Math.Abs(code) % 100_000 / 100m, 2);
            sum += value?.Value ?? 0m;
            rows.Add(Row(Items[i], value, column));
        }

        var shift = Math.Abs(total) % 5;
        if (shift != 4)
        {
            rows.Insert(0, Row(FactIndex.TotalRowKey, shift == 3 ? null : new Printed(sum + (shift switch { 1 => 0.01m, 2 => 0.50m, _ => 0m }), 2), column));
        }

        return ExampleData.Table(TableIds.GpbBasicEconomic, [.. rows]);
    }

    private static StatedRow Row(string key, Printed? value, string column) =>
        new() { Key = key, Label = key, Cells = [new StatedCell { Column = column, Value = value }] };

    private static bool Alike(Finding? fast, Finding? figures, AuditContext a, AuditContext b, StatedTable table, IEnumerable<CellKey> cells)
    {
        // Every cell then fails a relation of its own table too, in both contexts alike: whether the relation decided above
        // held for a cell is then what attribution turns on (a cell that held somewhere is not blamed).
        var keys = cells.ToArray();
        foreach (var context in new[] { a, b })
        {
            foreach (var k in keys)
            {
                context.Sum("F", context.Cell(table, k.Row, k.Column), [new Figure(new Amount(987_654.32m, 2, table.Unit), "差", "差", (k.Table, k.Row, k.Column))], "失败", k.Table);
            }
        }

        return fast?.Message == figures?.Message && fast?.Severity == figures?.Severity && fast?.Kind == figures?.Kind
            && keys.All(k => a.FailedOwnArithmetic(k) == b.FailedOwnArithmetic(k));
    }

    [Property(MaxTest = 500)]
    public bool Rows_summed_in_a_column_decide_as_Sum_does(NonEmptyArray<int> items, int total)
    {
        var table = Table(items.Get, total, "amount");
        var year = ExampleData.Year(tables: table);
        var (fast, slow) = (new AuditContext(year), new AuditContext(year));
        var found = fast.SumOfRows("T", table, FactIndex.TotalRowKey, Items, "amount", "合计 = 各类之和");
        var expected = slow.Sum("T", slow.Cell(table, FactIndex.TotalRowKey, "amount"), Items.Select(k => slow.Cell(table, k, "amount")).ToArray(), "合计 = 各类之和", table.Definition);
        return Alike(found, expected, fast, slow, table, Items.Prepend(FactIndex.TotalRowKey).Select(k => new CellKey(table.Definition, k, "amount")));
    }

    [Property(MaxTest = 500)]
    public bool Rows_found_by_the_caller_and_summed_in_a_column_decide_as_Sum_does(NonEmptyArray<int> items, int total)
    {
        var table = Table(items.Get, total, "amount");
        var year = ExampleData.Year(tables: table);
        var (fast, slow) = (new AuditContext(year), new AuditContext(year));
        var rows = Items.Select(k => fast.Row(table, k)).ToArray();
        var found = fast.SumOfRows("T", table, FactIndex.TotalRowKey, fast.Row(table, FactIndex.TotalRowKey), Items, rows, "amount", "合计 = 各类之和");
        var expected = slow.Sum("T", slow.Cell(table, FactIndex.TotalRowKey, "amount"), Items.Select(k => slow.Cell(table, k, "amount")).ToArray(), "合计 = 各类之和", table.Definition);
        return Alike(found, expected, fast, slow, table, Items.Prepend(FactIndex.TotalRowKey).Select(k => new CellKey(table.Definition, k, "amount")));
    }

    [Property(MaxTest = 500)]
    public bool Columns_summed_in_a_row_decide_as_Sum_does(NonEmptyArray<int> items, int total)
    {
        // The same figures turned a quarter: one row, its total column and an item column each.
        var column = Table(items.Get, total, "amount");
        var cells = column.Rows.Select(r => new StatedCell { Column = r.Key == FactIndex.TotalRowKey ? "total" : r.Key, Value = r.Cells[0].Value }).ToArray();
        var table = ExampleData.Table(TableIds.GpbBasicEconomic, new StatedRow { Key = "30101", Label = "基本工资", Cells = cells });
        var year = ExampleData.Year(tables: table);
        var (fast, slow) = (new AuditContext(year), new AuditContext(year));
        var found = fast.SumOfColumns("T", table, "30101", "total", Items, "合计 = 各项之和");
        var expected = slow.Sum("T", slow.Cell(table, "30101", "total"), Items.Select(k => slow.Cell(table, "30101", k)).ToArray(), "合计 = 各项之和", table.Definition);
        return Alike(found, expected, fast, slow, table, Items.Prepend("total").Select(k => new CellKey(table.Definition, "30101", k)));
    }

    [Fact]
    public void The_cases_the_properties_draw_from_all_occur()
    {
        // A property that never met a failing sum or a row not filled in would prove nothing about them.
        var table = Table([1000, 2000, -2, 0, 500], 2, "amount");
        var c = new AuditContext(ExampleData.Year(tables: table));
        Assert.Equal(Severity.Error, c.SumOfRows("T", table, FactIndex.TotalRowKey, Items, "amount", "r")?.Severity);
        Assert.True(c.FailedOwnArithmetic(new CellKey(table.Definition, FactIndex.TotalRowKey, "amount")));

        table = Table([1000, 2000, -2, 0, 500], 1, "amount");
        c = new AuditContext(ExampleData.Year(tables: table));
        Assert.Equal(FindingKind.Rounding, c.SumOfRows("T", table, FactIndex.TotalRowKey, Items, "amount", "r")?.Kind);

        table = Table([-2, -2, -2, -2, -2], 0, "amount");
        Assert.Null(new AuditContext(ExampleData.Year(tables: table)).SumOfRows("T", table, FactIndex.TotalRowKey, Items, "amount", "r"));

        table = Table([1000, -1, -1, -1, -1], 3, "amount");
        Assert.NotNull(new AuditContext(ExampleData.Year(tables: table)).SumOfRows("T", table, FactIndex.TotalRowKey, Items, "amount", "r"));
    }

    [Fact]
    public void A_cell_that_held_in_any_of_many_relations_is_not_blamed()
    {
        // 140 relations that hold, two in three decided without figures (more than a chunk of those kept), the others
        // through Sum; then every cell fails one relation too. Only a cell that held nowhere is blamed.
        const int pairs = 140;
        var rows = Enumerable.Range(0, pairs).SelectMany(i => new[] { Row($"t{i}", new Printed(i + 1m, 2), "amount"), Row($"i{i}", new Printed(i + 1m, 2), "amount") })
            .Append(Row("lone", new Printed(5m, 2), "amount")).ToArray();
        var table = ExampleData.Table(TableIds.GpbBasicEconomic, rows);
        var context = new AuditContext(ExampleData.Year(tables: table));
        for (var i = 0; i < pairs; i++)
        {
            var held = i % 3 != 0
                ? context.SumOfRows("T", table, $"t{i}", [$"i{i}"], "amount", "持平")
                : context.Sum("T", context.Cell(table, $"t{i}", "amount"), [context.Cell(table, $"i{i}", "amount")], "持平", table.Definition);
            Assert.Null(held);
        }

        foreach (var row in rows)
        {
            Assert.NotNull(context.Sum("F", context.Cell(table, row.Key, "amount"), [new Figure(new Amount(987_654.32m, 2, table.Unit), "差", "差", (table.Definition, row.Key, "amount"))], "失败", table.Definition));
        }

        Assert.All(rows.Where(r => r.Key != "lone"), r => Assert.False(context.FailedOwnArithmetic(new CellKey(table.Definition, r.Key, "amount")), r.Key));
        Assert.True(context.FailedOwnArithmetic(new CellKey(table.Definition, "lone", "amount")));
    }
}
