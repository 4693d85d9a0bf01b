using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Domain.Model;

/// <summary>
/// 汇总: the department's tables computed from its units' tables, cell by cell. Amounts are converted to 万元 when
/// units print in different units; the result keeps the fewest decimals any operand was printed with, so the sum's
/// printed precision never claims more than its parts. Intra-department transfers (上级补助收入 of a 二级单位 against
/// 对附属单位补助支出 of 本级) are not eliminated: the caller must model them as the report does.
/// </summary>
public static class Consolidation
{
    /// <summary>Consolidates the tables of <paramref name="units"/>; tables appear in the order first seen.</summary>
    public static IReadOnlyList<StatedTable> Consolidate(IEnumerable<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var tables = units.SelectMany(u => u.Tables).ToArray();
        return tables.Select(t => t.Definition).Distinct().Select(id => Merge(tables.Where(t => t.Definition == id).ToArray())).ToArray();
    }

    /// <summary>The department-year with its tables replaced by the consolidation of its units' tables.</summary>
    public static DepartmentYear WithConsolidatedTables(DepartmentYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return year with { Tables = Consolidate(year.Units) };
    }

    private static StatedTable Merge(IReadOnlyList<StatedTable> parts)
    {
        var unit = parts.Select(p => p.Unit).Distinct().Count() == 1 ? parts[0].Unit : MoneyUnit.WanYuan;
        var definition = TemplateLibrary.Definitions.GetValueOrDefault(parts[0].Definition);
        var rowOrder = new List<string>();
        var labels = new Dictionary<string, (string? Label, int? Line)>();
        var sums = new Dictionary<(string Row, string Column), (decimal Value, int Decimals)>();
        var columnOrder = new List<string>();
        foreach (var part in parts)
        {
            foreach (var row in part.Rows)
            {
                if (!labels.ContainsKey(row.Key))
                {
                    rowOrder.Add(row.Key);
                    labels[row.Key] = (row.Label, row.Line);
                }

                foreach (var cell in row.Cells)
                {
                    if (!columnOrder.Contains(cell.Column))
                    {
                        columnOrder.Add(cell.Column);
                    }

                    if (cell.Value is not { } v)
                    {
                        continue;
                    }

                    var converted = new Amount(v, part.Unit).ConvertTo(unit);
                    var decimals = part.Unit == unit ? v.Decimals : 2;
                    sums[(row.Key, cell.Column)] = sums.TryGetValue((row.Key, cell.Column), out var s)
                        ? (s.Value + converted.Value, Math.Min(s.Decimals, decimals))
                        : (converted.Value, decimals);
                }
            }
        }

        var orderedColumns = definition is null
            ? columnOrder
            : definition.Columns.Select(c => c.Key).Where(columnOrder.Contains).Concat(columnOrder.Where(c => definition.Column(c) is null)).ToList();
        var rows = rowOrder.Select(key => new StatedRow
        {
            Key = key,
            Label = labels[key].Label,
            Line = labels[key].Line,
            Cells = orderedColumns
                .Where(c => sums.ContainsKey((key, c)) || parts.Any(p => p.Row(key)?.Cell(c) is not null))
                .Select(c => new StatedCell
                {
                    Column = c,
                    Value = sums.TryGetValue((key, c), out var s) ? Printed.Round(s.Value, s.Decimals) : null,
                })
                .ToArray(),
        }).ToArray();
        return new StatedTable
        {
            Definition = parts[0].Definition,
            Number = parts[0].Number,
            Title = parts[0].Title,
            Unit = unit,
            Rows = rows,
            EmptyStatement = rows.All(r => r.Cells.All(c => c.Value is null || c.Value.Value.Value == 0m)) ? parts.Select(p => p.EmptyStatement).FirstOrDefault(s => s is not null) : null,
        };
    }
}
