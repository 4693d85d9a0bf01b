using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Audit.Rules;

/// <summary>
/// 数值错位: a table whose figures slid one row against their labels from some row on — a paste or a layout gone wrong.
/// Every 类/款/项 sum below that row breaks, and each would be reported on its own; the one cause is that the figures
/// sit one row off. When moving them back by one row from some row makes every relation of the table hold, that is
/// said once, naming the row, and the table is blamed.
/// </summary>
internal static class ShiftedRows
{
    public const string Id = "T.ROWS_SHIFTED";

    public static Rule Rule() => new DelegateRule(Id, "表中数值没有自某行起相对行标题错位", Check);

    private static IEnumerable<Finding> Check(AuditContext c)
    {
        foreach (var table in c.Year.Tables)
        {
            if (TemplateLibrary.Definitions.GetValueOrDefault(table.Definition) is not { RowKind: "functional" or "economic" } definition)
            {
                continue;
            }

            var rows = table.Rows.Where(r => r.Key == FactIndex.TotalRowKey || (r.Key.All(char.IsAsciiDigit) && r.Key.Length is 3 or 5 or 7)).ToArray();
            var columns = definition.Columns.Select(x => x.Key).Where(col => rows.Any(r => r.Cell(col)?.Value is not null)).ToArray();
            if (rows.Length < 4 || columns.Length == 0)
            {
                continue;
            }

            var printed = rows.Select(r => columns.Select(col => r.Cell(col)?.Value).ToArray()).ToArray();
            var relations = Relations(rows);
            if (Evaluate(relations, printed, null).Broken.Count < 2)
            {
                continue;
            }

            if (Repair(relations, printed) is { } shift)
            {
                var name = c.TableName(table.Definition);
                var from = rows[shift.From];
                var label = $"{(from.Key == FactIndex.TotalRowKey ? "合计" : from.Key)} {from.Label}".Trim();
                yield return new Finding
                {
                    Rule = Id, Severity = Severity.Error, Table = table.Definition, Location = $"{name} {label}",
                    Message = $"{name} 自「{label}」行起数值相对行标题错位一行（数值{(shift.Up ? "上移" : "下移")}）：把这些数值{(shift.Up ? "逐行下移" : "逐行上移")}一行后，表内类、款、项的合计关系全部成立。请按决算报表核对该表，而不是逐个改数。",
                    Actual = from.Label, LikelyWrong = $"{name}（数值错位）",
                };
            }
        }
    }

    private sealed record Shift(int From, bool Up);

    // The row from which moving the figures back by one row, in either direction, leaves no relation broken and mends at
    // least two that were — a repair that merely skips the broken relations (through the row whose figures it drops)
    // proves nothing. The figures alone can leave a few neighbouring rows equally possible (a 款 with one 项 reads the
    // same shifted from either): the middle one of that run is reported.
    private static Shift? Repair(IReadOnlyList<(int Total, int[] Items)> relations, Printed?[][] printed)
    {
        var before = Evaluate(relations, printed, null).Broken;
        foreach (var up in new[] { true, false })
        {
            var valid = new List<int>();
            for (var k = 0; k < printed.Length - 2; k++)
            {
                // Figures moved up (row j shows row j+1's): row j's own are shown one row above; row k's are lost.
                // Figures moved down (row j shows row j−1's): row j's own are shown one row below; the last row's are lost.
                var repaired = printed.Select((p, j) => j < k ? p : up ? (j == k ? null : printed[j - 1]) : (j + 1 < printed.Length ? printed[j + 1] : null)).ToArray();
                var moved = Enumerable.Range(k, printed.Length - k).Count(j => repaired[j] is { } r && !r.SequenceEqual(printed[j]));
                var after = Evaluate(relations, repaired, up ? k : printed.Length - 1);
                if (after.Broken.Count == 0 && moved >= 2 && before.Count(after.Checked.Contains) >= 2)
                {
                    valid.Add(k);
                }
            }

            if (valid.Count > 0)
            {
                return new Shift(valid[valid.Count / 2], up);
            }
        }

        return null;
    }

    // The table's own sums, built once: 合计 = Σ类, 类 = Σ款, 款 = Σ项 (by the rows' codes, which stay with their labels).
    private static IReadOnlyList<(int Total, int[] Items)> Relations(StatedRow[] rows)
    {
        var relations = new List<(int Total, int[] Items)>();
        var total = Array.FindIndex(rows, r => r.Key == FactIndex.TotalRowKey);
        if (total >= 0)
        {
            relations.Add((total, rows.Select((r, i) => (r, i)).Where(x => x.r.Key.Length == 3 && x.r.Key.All(char.IsAsciiDigit)).Select(x => x.i).ToArray()));
        }

        foreach (var parent in rows.Select((r, i) => (r, i)).Where(x => x.r.Key.Length is 3 or 5 && x.r.Key.All(char.IsAsciiDigit)))
        {
            relations.Add((parent.i, rows.Select((r, i) => (r, i)).Where(x => x.r.Key.Length == parent.r.Key.Length + 2 && x.r.Key.StartsWith(parent.r.Key, StringComparison.Ordinal)).Select(x => x.i).ToArray()));
        }

        return relations.Where(r => r.Items.Length > 0).ToArray();
    }

    // Which relations (relation, column) are checked on these figures and which of them break; those through an unknown row are skipped.
    private static (HashSet<(int, int)> Broken, HashSet<(int, int)> Checked) Evaluate(IReadOnlyList<(int Total, int[] Items)> relations, Printed?[]?[] values, int? unknown)
    {
        var broken = new HashSet<(int, int)>();
        var checkedOnes = new HashSet<(int, int)>();
        for (var r = 0; r < relations.Count; r++)
        {
            var (head, items) = relations[r];
            if (head == unknown || items.Contains(unknown ?? -1) || values[head] is not { } totals || items.Any(i => values[i] is null))
            {
                continue;
            }

            for (var col = 0; col < totals.Length; col++)
            {
                if (totals[col] is not { } stated)
                {
                    continue;
                }

                var sum = Estimate.Sum(items.Select(i => values[i]![col] is { Value: not 0m } v ? v.ToEstimate() : Estimate.Zero));
                checkedOnes.Add((r, col));
                if (!Consistency.Check(stated, sum).Holds)
                {
                    broken.Add((r, col));
                }
            }
        }

        return (broken, checkedOnes);
    }
}
