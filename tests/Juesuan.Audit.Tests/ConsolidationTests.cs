using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using static Juesuan.Audit.Tests.Mutations;

namespace Juesuan.Audit.Tests;

/// <summary>
/// X.CONSOLIDATION (部门数 = 各单位数之和) against a plain reference on random units' 03 tables: rows left out, listed in
/// the department's order or shuffled, printed twice; cells in another column order, printed twice, blank; units in 元
/// or 万元. The rule finds its rows walking the tables alongside each other and takes an aligned row's cells by place, so
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

            // The department's 03: every row the units print, in its order, the cells in a random order; some cells 7.00
            // off the sum, some left blank where units print (both differ), the others exact (or blank where no unit prints).
            var expected = new HashSet<(string, string)>();
            var stated = department with
            {
                Rows = [.. codes.Select(code => new StatedRow
                {
                    Key = code,
                    Cells = [.. Shuffled(Columns, random, 0.3).Select(column =>
                    {
                        var (sum, printed) = sums.GetValueOrDefault((code, column));
                        var roll = random.NextDouble();
                        if (sums.ContainsKey((code, column)) && (printed || roll < 0.1))
                        {
                            checkedCells++;
                        }

                        if (printed && roll < 0.1)
                        {
                            expected.Add((code, column));
                            return new StatedCell { Column = column, Value = null };
                        }

                        if (printed && roll < 0.25)
                        {
                            expected.Add((code, column));
                            return Cell(column, sum + 7m);
                        }

                        return printed || roll < 0.5 ? Cell(column, sum) : new StatedCell { Column = column, Value = null };
                    })],
                })],
            };
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
