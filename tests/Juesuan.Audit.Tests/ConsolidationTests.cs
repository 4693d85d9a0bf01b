using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using static Juesuan.Audit.Tests.Mutations;

namespace Juesuan.Audit.Tests;

/// <summary>
/// X.CONSOLIDATION (部门数 = 各单位数之和) against a plain reference on random 03 tables of the units and the department:
/// rows left out, listed in the department's order or shuffled, printed twice; cells in another column order, left out,
/// printed twice, blank; tables in 元 or 万元. The rule finds its rows walking the tables alongside each other and takes an aligned row's cells by place, so
/// this checks that it still sums exactly what a lookup by key and column gives — each unit's first row of a key and that
/// row's first cell of a column.
/// </summary>
public class ConsolidationTests
{
    private static readonly string[] Columns = ["total", "basic", "project", "paidToSuperior", "operating", "subsidyToAffiliates"];

    [Fact]
    public void The_consolidation_finds_exactly_the_department_cells_that_differ_from_a_lookup_sum()
    {
        var random = new Random(20261202);
        var department = Base.Tables.Single(t => t.Definition == TableIds.Expenditure);
        var codes = department.Rows.Select(r => r.Key).ToArray();
        var checkedCells = 0;
        var differing = 0;
        for (var round = 0; round < 300; round++)
        {
            // Each unit's 03: a random part of the department's rows, in its order or shuffled, some printed twice with
            // other figures (the first counts); each row's cells all columns or some, in order or shuffled, one sometimes
            // printed twice, some blank.
            var units = Base.Units.Select(u => u with
            {
                Tables = [.. u.Tables.Select(t => t.Definition != TableIds.Expenditure ? t : RandomTable(t, codes, random))],
            }).ToArray();
            var parts = units.Select(u => u.Tables.Single(t => t.Definition == TableIds.Expenditure)).ToArray();

            // The reference: per row key and column, the sum in 万元 of each unit's first row of the key and its first cell of the column.
            var sums = new Dictionary<(string Row, string Column), (decimal Sum, bool Printed)>();
            foreach (var part in parts)
            {
                foreach (var row in part.Rows)
                {
                    foreach (var cell in row.Cells)
                    {
                        var first = part.Row(row.Key)!.Cell(cell.Column)!;
                        var key = (row.Key, cell.Column);
                        if (!ReferenceEquals(first, cell) || !ReferenceEquals(part.Row(row.Key), row))
                        {
                            continue;
                        }

                        var (sum, printed) = sums.GetValueOrDefault(key);
                        sums[key] = cell.Value is { } v ? (sum + (v.Value * (part.Unit == MoneyUnit.Yuan ? 0.0001m : 1m)), true) : (sum, printed);
                    }
                }
            }

            // The department's 03, in 万元 or 元: its rows in its order, some left out, some printed twice (the second with
            // other figures); each row's cells in a random order, some columns left out, some printed twice; each cell the
            // units' sum, or 7.00 万元 off it, or blank.
            var inYuan = random.NextDouble() < 0.2;
            decimal AsPrinted(decimal wan) => inYuan ? wan * 10_000m : wan;
            StatedRow DepartmentRow(string code) => new()
            {
                Key = code,
                Cells = [.. Shuffled(Columns, random, 0.3).Where(_ => random.NextDouble() < 0.95).SelectMany(column =>
                {
                    var (sum, printed) = sums.GetValueOrDefault((code, column));
                    var roll = random.NextDouble();
                    var cell = roll < 0.1 ? new StatedCell { Column = column, Value = null }
                        : printed && roll < 0.25 ? Cell(column, AsPrinted(sum + 7m))
                        : Cell(column, AsPrinted(sum));
                    return random.NextDouble() < 0.05 ? new[] { cell, Cell(column, AsPrinted(sum + 3m)) } : [cell];
                })],
            };
            var rows = new List<StatedRow>();
            foreach (var code in codes.Where(_ => random.NextDouble() < 0.9))
            {
                rows.Add(DepartmentRow(code));
                if (random.NextDouble() < 0.05)
                {
                    rows.Add(DepartmentRow(code));
                }
            }

            var stated = department with { Rows = rows, Unit = inYuan ? MoneyUnit.Yuan : MoneyUnit.WanYuan };

            // What a lookup says differs: the department's first row of the key, its first cell of the column, in 万元,
            // against the units' sum — blank where a unit prints, or another figure.
            var expected = new HashSet<(string, string)>();
            foreach (var ((code, column), (sum, printed)) in sums)
            {
                checkedCells++;
                var value = stated.Row(code)?.Cell(column)?.Value?.Value * (inYuan ? 0.0001m : 1m);
                if ((value is null && printed) || (value is { } v && v != sum))
                {
                    expected.Add((code, column));
                }
            }

            var year = Base with { Units = units, Tables = [.. Base.Tables.Select(t => t.Definition == TableIds.Expenditure ? stated : t)] };
            var found = Auditor.Audit(year).Findings.Where(f => f.Rule == "X.CONSOLIDATION")
                .Select(f => f.Figures[0].Where!)
                .Where(w => w.Table == TableIds.Expenditure)
                .Select(w => (w.RowCode!, w.Column!))
                .ToList();
            differing += expected.Count;

            // Each differing cell once: a row or cell printed twice is not summed (nor found) twice.
            Assert.True(expected.SetEquals(found) && found.Count == expected.Count, $"round {round}: expected {string.Join(" ", expected.Order())}; found {string.Join(" ", found.Order())}");
        }

        // The rounds did check cells, and found some to differ.
        Assert.True(checkedCells > 10_000 && differing > 1_000, $"{checkedCells} cells checked, {differing} differing");
    }

    private static StatedTable RandomTable(StatedTable table, string[] codes, Random random)
    {
        // A unit in 元 prints whole hundreds of 元, so that its figures are exact in 万元 too (no rounding to weigh).
        var unit = random.NextDouble() < 0.2 ? MoneyUnit.Yuan : MoneyUnit.WanYuan;
        var rows = codes.Where(_ => random.NextDouble() < 0.7).Select(code => RandomRow(code, unit, random)).ToList();
        if (random.NextDouble() < 0.3)
        {
            rows = [.. Shuffled(rows, random, 1)];
        }

        for (var i = 0; i < 2 && rows.Count > 0; i++)
        {
            if (random.NextDouble() < 0.3)
            {
                // A row printed twice, with other figures: the first printing is the one summed.
                rows.Insert(random.Next(rows.Count + 1), RandomRow(rows[random.Next(rows.Count)].Key, unit, random));
            }
        }

        return table with { Rows = rows, Unit = unit };
    }

    private static StatedRow RandomRow(string code, MoneyUnit unit, Random random)
    {
        decimal Figure() => unit == MoneyUnit.Yuan ? random.Next(100, 50_000) * 100m : random.Next(100, 50_000) / 100m;
        var columns = random.NextDouble() < 0.7 ? Columns : Columns.Where(_ => random.NextDouble() < 0.7).ToArray();
        var cells = Shuffled(columns, random, 0.2).Select(column => random.NextDouble() < 0.1
            ? new StatedCell { Column = column, Value = null }
            : Cell(column, Figure())).ToList();
        if (cells.Count > 0 && random.NextDouble() < 0.15)
        {
            // A cell printed twice in the row, with another figure: the first is the one summed.
            cells.Insert(random.Next(cells.Count + 1), Cell(cells[random.Next(cells.Count)].Column, Figure()));
        }

        return new StatedRow { Key = code, Cells = cells };
    }

    // The items in their order, or shuffled with the given chance.
    private static IReadOnlyList<T> Shuffled<T>(IReadOnlyList<T> items, Random random, double chance)
    {
        var copy = items.ToArray();
        if (random.NextDouble() < chance)
        {
            random.Shuffle(copy);
        }

        return copy;
    }

    private static StatedCell Cell(string column, decimal value) =>
        new() { Column = column, Value = Printed.Parse(value.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)).Value };
}
