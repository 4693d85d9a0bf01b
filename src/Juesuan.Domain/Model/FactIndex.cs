using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Domain.Model;

/// <summary>Where an assertion of a fact comes from.</summary>
public enum AssertionOrigin
{
    /// <summary>A table cell.</summary>
    Table,

    /// <summary>A narrative claim.</summary>
    Narrative,

    /// <summary>A prior-year or budget figure.</summary>
    Reference,
}

/// <summary>One place that states a fact (断言): the amount and where it was stated.</summary>
/// <param name="Key">The fact.</param>
/// <param name="Amount">The amount as stated there.</param>
/// <param name="Origin">Table, narrative or reference.</param>
/// <param name="Table">The table definition id for table cells.</param>
/// <param name="Location">Where.</param>
public sealed record FactAssertion(FactKey Key, Amount Amount, AssertionOrigin Origin, string? Table, SourceLocation Location)
{
    /// <summary>For table cells: the identity of the cell (table definition, row key, column key).</summary>
    public CellKey? Cell { get; init; }
}

/// <summary>A table cell's identity: its table definition, row key and column key.</summary>
public readonly record struct CellKey(string Table, string Row, string Column);

/// <summary>
/// 事实索引: resolves a concept (e.g. 基本支出 of 210) to every place that states it — table cells through the
/// template's column and row concepts, narrative claims through their subjects, and the reference figures.
/// Blank cells are not assertions.
/// </summary>
public sealed class FactIndex
{
    // Most facts are stated once: an array of one each, grown by copying for the few stated more often (a list and its
    // array for each was twice the memory; the index is built for every audit).
    private readonly Dictionary<FactKey, FactAssertion[]> _byKey;

    private FactIndex(int capacity) => _byKey = new(capacity);

    /// <summary>The key of the 合计 row of tables whose other rows are classification codes.</summary>
    public const string TotalRowKey = "total";

    /// <summary>Every assertion.</summary>
    public IEnumerable<FactAssertion> All => _byKey.Values.SelectMany(v => v);

    /// <summary>Every fact key stated at least once.</summary>
    public IEnumerable<FactKey> Keys => _byKey.Keys;

    /// <summary>The assertions of exactly this key.</summary>
    public IReadOnlyList<FactAssertion> Find(FactKey key) => _byKey.TryGetValue(key, out var list) ? list : [];

    /// <summary>The statement of a fact to take as its value: a table's cell when one states it, else the first statement; null when none does.</summary>
    public FactAssertion? Stated(FactKey key)
    {
        var all = Find(key);
        return all.FirstOrDefault(a => a.Origin == AssertionOrigin.Table) ?? all.FirstOrDefault();
    }

    /// <summary>The assertions of a concept and code in any scope and basis.</summary>
    public IEnumerable<FactAssertion> FindConcept(string concept, string? code = null) =>
        _byKey.Where(kv => kv.Key.Concept == concept && kv.Key.Code == code).SelectMany(kv => kv.Value);

    /// <summary>Builds the index of a department-year's own (consolidated) tables, narrative and references.</summary>
    public static FactIndex Build(DepartmentYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var index = new FactIndex(StatedTable.CountCells(year.Tables) + (2 * year.Narrative.Claims.Count) + year.References.Count);
        var template = TemplateLibrary.Find(year.TemplateId);
        foreach (var table in year.Tables)
        {
            index.AddTable(table, template?.Tables.FirstOrDefault(t => t.Definition == table.Definition)?.RowBases);
        }

        foreach (var claim in year.Narrative.Claims)
        {
            if (claim.Amount is { } amount)
            {
                index.Add(new FactAssertion(claim.Subject, amount, AssertionOrigin.Narrative, null, year.Narrative.LocationOf(claim)));
            }

            if (claim.Budget is { } budget)
            {
                var key = claim.Subject with { Basis = claim.BudgetBasis ?? Bases.Budget };
                index.Add(new FactAssertion(key, budget, AssertionOrigin.Narrative, null, year.Narrative.LocationOf(claim)));
            }
        }

        foreach (var reference in year.References)
        {
            index.Add(new FactAssertion(reference.Key, reference.Amount, AssertionOrigin.Reference, null,
                reference.Source ?? new SourceLocation { Section = "上年数/预算数" }));
        }

        return index;
    }

    /// <summary>The fact a cell states under its table definition, or null when the definition gives it no concept.</summary>
    public static FactKey? KeyOf(TableDefinition definition, StatedRow row, ColumnDefinition column)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(column);
        var fixedRow = definition.Row(row.Key);
        var concept = fixedRow?.Concept ?? column.Concept;
        if (concept is null)
        {
            return null;
        }

        // A class row of 04 states expense.total by the column's scope; a fixed row of 01 states its own concept.
        // The 合计 row of a coded table states the department total, which carries no code.
        var code = fixedRow is null ? (row.Key == TotalRowKey ? null : row.Key) : fixedRow.Code;
        var scope = fixedRow?.Scope ?? column.Scope ?? definition.Scope ?? Scopes.All;
        var basis = fixedRow?.Basis ?? Bases.Actual;
        return new FactKey(concept, code, scope, basis);
    }

    private void AddTable(StatedTable table, IReadOnlyDictionary<string, string>? rowBases)
    {
        if (!TemplateLibrary.Definitions.TryGetValue(table.Definition, out var definition))
        {
            return;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            string? rowName = null;
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                if (cell.Value is not { } value || definition.Column(cell.Column) is not { } column)
                {
                    continue;
                }

                if (KeyOf(definition, row, column) is { } stated)
                {
                    var key = rowBases is not null && rowBases.TryGetValue(row.Key, out var basis) ? stated with { Basis = basis } : stated;
                    // The row's name is made once for all its cells.
                    var location = cell.Source ?? new SourceLocation
                    {
                        File = (row.Source ?? table.Source)?.File, Page = (row.Source ?? table.Source)?.Page, Line = row.Source?.Line,
                        Table = table.Number ?? table.Title, Row = rowName ??= RowName(definition, row), Column = column.Name,
                    };
                    Add(new FactAssertion(key, new Amount(value, table.Unit), AssertionOrigin.Table, table.Definition, location) { Cell = new CellKey(table.Definition, row.Key, column.Key) });
                }
            }
        }
    }

    // 「合计」, a fixed row's label, or 「2101501 行政运行」.
    private static string RowName(TableDefinition definition, StatedRow row) =>
        row.Key == TotalRowKey ? "合计"
        : definition.Row(row.Key) is { } fixedRow ? row.Label ?? fixedRow.Label
        : row.Label is null ? row.Key : $"{row.Key} {row.Label}";

    private void Add(FactAssertion assertion)
    {
        ref var stated = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byKey, assertion.Key, out var exists);
        stated = exists ? [.. stated!, assertion] : [assertion];
    }
}
