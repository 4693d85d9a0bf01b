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
/// <remarks>
/// The index is built for every audit, and most of its statements are table cells no rule asks about one by one. A cell
/// (and a narrative claim's amount or budget) is therefore kept as a slot — the cell, its row and its table's place, or the
/// claim, chained to the other statements of its fact — and its <see cref="FactAssertion"/>, with its key and location, is
/// made only when a rule asks for its fact, once. A fact's statements are kept in the order they were added, and the facts
/// in the order they were first stated. A fact is found by its family (concept, scope and basis: a few dozen a report,
/// numbered as first met) and its code, in a table of group numbers. Reading it makes and keeps those assertions, so an
/// index is for one thread at a time (an audit's, as the audit context is).
/// </remarks>
public sealed class FactIndex
{
    // A fact as the index keys it: FactKey's four parts without an object per cell.
    private readonly record struct Parts(string Concept, string? Code, string Scope, string Basis)
    {
        public static Parts Of(FactKey key) => new(key.Concept, key.Code, key.Scope, key.Basis);

        public FactKey ToKey() => new(Concept, Code, Scope, Basis);
    }

    // A fact's statements: the first slot of its chain (the slots chain on by Next); and the fact, as its family (concept,
    // scope and basis, numbered in _families) and code.
    private struct Group
    {
        public int First;
        public int Family;
        public string? Code;
    }

    // One statement: a table cell (Item is its StatedCell, Row and Table say where), a narrative claim's amount or budget
    // (Item is the Claim, Table is ClaimAmount or ClaimBudget), or a prior-year or budget figure (Item is the ReferenceFigure)
    // — their assertions made on demand. Next chains a fact's statements.
    private struct Slot
    {
        public object Item;
        public StatedRow? Row;
        public int Table;
        public int Next;
    }

    private const int ClaimAmount = -2;
    private const int ClaimBudget = -3;
    private const int ReferenceSlot = -4;

    // Where a reference figure read from no particular place is.
    private static readonly SourceLocation ReferencesRead = new() { Section = "上年数/预算数" };

    private readonly IReadOnlyList<StatedTable> _tables;
    private readonly Narrative? _narrative;
    private readonly Template? _template;
    // The facts by family and code, open addressing: each entry is a group's number + 1, 0 empty. A dictionary keyed by the
    // four strings was 48 bytes an entry for every printed cell; the few families are numbered once.
    private int[] _groupOf;
    private readonly Dictionary<(string Concept, string Scope, string Basis), int> _familyOf;
    private readonly List<(string Concept, string Scope, string Basis)> _families;

    // While a table is added: the families of its columns met so far (a table has a few).
    private readonly (ColumnDefinition Column, int Family)[] _columnFamilies = new (ColumnDefinition, int)[16];
    private Group[] _groups;
    private Slot[] _slots;
    private int _groupCount;
    private int _slotCount;

    // Made on demand: the assertions of the facts asked for (by group; a few dozen of several hundred an audit), which carry
    // their key; and every fact's key, when all are asked for.
    private Dictionary<int, FactAssertion[]>? _made;
    private FactKey[]? _keys;

    private FactIndex(IReadOnlyList<StatedTable> tables, Narrative? narrative, Template? template, int capacity)
    {
        _tables = tables;
        _narrative = narrative;
        _template = template;
        // A table's columns and fixed rows make a few families each (37–67 for the reports at hand), grown at most once.
        var families = Math.Clamp(8 * tables.Count, 8, 128);
        (_familyOf, _families) = (new(families), new(families));
        // At most two thirds full, so a probe ends after a step or two.
        _groupOf = new int[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, capacity + (capacity / 2)))];
        _groups = new Group[Math.Max(capacity, 4)];
        _slots = new Slot[Math.Max(capacity, 4)];
    }

    /// <summary>The key of the 合计 row of tables whose other rows are classification codes.</summary>
    public const string TotalRowKey = "total";

    /// <summary>Every assertion.</summary>
    public IEnumerable<FactAssertion> All => Enumerable.Range(0, _groupCount).SelectMany(Made);

    /// <summary>Every fact key stated at least once, in the order first stated.</summary>
    public IEnumerable<FactKey> Keys
    {
        get
        {
            // Kept once made: the cross-year rules walk them twice.
            _keys ??= new FactKey[_groupCount];
            for (var group = 0; group < _groupCount; group++)
            {
                yield return _keys[group] ??= KeyOf(group);
            }
        }
    }

    /// <summary>
    /// Every fact key stated in more than one place whose statements do not all print the same number in the same unit
    /// (12.3 and 12.30 are the same number), in the order first stated: the facts whose statements could disagree.
    /// </summary>
    public IEnumerable<FactKey> Differing
    {
        get
        {
            for (var group = 0; group < _groupCount; group++)
            {
                if (_slots[_groups[group].First].Next >= 0 && !AllAlike(_groups[group]))
                {
                    // Its assertions made now, as the rule that asks will want them: the key they carry is made once.
                    yield return Made(group)[0].Key;
                }
            }
        }
    }

    /// <summary>The assertions of exactly this key.</summary>
    public IReadOnlyList<FactAssertion> Find(FactKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _familyOf.TryGetValue((key.Concept, key.Scope, key.Basis), out var family) && GroupOf(family, key.Code) is var entry && entry.Group >= 0
            ? Made(entry.Group) : [];
    }

    /// <summary>The statement of a fact to take as its value: a table's cell when one states it, else the first statement; null when none does.</summary>
    public FactAssertion? Stated(FactKey key)
    {
        var all = Find(key);
        return all.FirstOrDefault(a => a.Origin == AssertionOrigin.Table) ?? all.FirstOrDefault();
    }

    /// <summary>The assertions of a concept and code in any scope and basis.</summary>
    public IEnumerable<FactAssertion> FindConcept(string concept, string? code = null) =>
        Enumerable.Range(0, _groupCount).Where(g => _families[_groups[g].Family].Concept == concept && _groups[g].Code == code).SelectMany(Made);

    /// <summary>Builds the index of a department-year's own (consolidated) tables, narrative and references.</summary>
    public static FactIndex Build(DepartmentYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        // Blank cells state nothing: the index is sized for the printed ones.
        return Build(year, StatedTable.CountPrinted(year.Tables) + (2 * year.Narrative.Claims.Count) + year.References.Count);
    }

    // Built with room for capacity statements to begin with (tests give less, to make it grow).
    internal static FactIndex Build(DepartmentYear year, int capacity)
    {
        // The tables as they are now (the index refers to them by place, and makes assertions of them later).
        var index = new FactIndex([.. year.Tables], year.Narrative, TemplateLibrary.Find(year.TemplateId), capacity);
        for (var t = 0; t < index._tables.Count; t++)
        {
            index.AddTable(t, index._tables[t], index.RowBases(index._tables[t]));
        }

        // A claim's amount and budget, each an assertion made when asked for (with its location in the narrative).
        foreach (var claim in year.Narrative.Claims)
        {
            if (claim.Amount is not null)
            {
                ref var slot = ref index.NewSlot(Parts.Of(claim.Subject));
                (slot.Item, slot.Table) = (claim, ClaimAmount);
            }

            if (claim.Budget is not null)
            {
                ref var slot = ref index.NewSlot(Parts.Of(claim.Subject) with { Basis = BudgetBasis(claim) });
                (slot.Item, slot.Table) = (claim, ClaimBudget);
            }
        }

        // A reference figure's assertion likewise.
        foreach (var reference in year.References)
        {
            ref var slot = ref index.NewSlot(Parts.Of(reference.Key));
            (slot.Item, slot.Table) = (reference, ReferenceSlot);
        }

        return index;
    }

    /// <summary>The fact a cell states under its table definition, or null when the definition gives it no concept.</summary>
    public static FactKey? KeyOf(TableDefinition definition, StatedRow row, ColumnDefinition column)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(column);
        return PartsOf(definition, definition.Row(row.Key), row.Key, column)?.ToKey();
    }

    // The fact of a cell of the row keyed rowKey (fixedRow: the definition's row of that key, if any) in column.
    private static Parts? PartsOf(TableDefinition definition, RowDefinition? fixedRow, string rowKey, ColumnDefinition column)
    {
        var concept = fixedRow?.Concept ?? column.Concept;
        if (concept is null)
        {
            return null;
        }

        // A class row of 04 states expense.total by the column's scope; a fixed row of 01 states its own concept.
        // The 合计 row of a coded table states the department total, which carries no code.
        var code = fixedRow is null ? (rowKey == TotalRowKey ? null : rowKey) : fixedRow.Code;
        var scope = fixedRow?.Scope ?? column.Scope ?? definition.Scope ?? Scopes.All;
        var basis = fixedRow?.Basis ?? Bases.Actual;
        return new Parts(concept, code, scope, basis);
    }

    // The fact a cell states in this year's template: a row the template gives another basis (上年数) keeps it.
    private static Parts? CellParts(TableDefinition definition, RowDefinition? fixedRow, string? rowBasis, string rowKey, ColumnDefinition column) =>
        PartsOf(definition, fixedRow, rowKey, column) is not { } stated ? null
        : rowBasis is not null ? stated with { Basis = rowBasis }
        : stated;

    private static string? RowBasis(IReadOnlyDictionary<string, string>? rowBases, StatedRow row) =>
        rowBases is not null && rowBases.TryGetValue(row.Key, out var basis) ? basis : null;

    private IReadOnlyDictionary<string, string>? RowBases(StatedTable table) =>
        _template?.Tables.FirstOrDefault(d => d.Definition == table.Definition)?.RowBases;

    private void AddTable(int t, StatedTable table, IReadOnlyDictionary<string, string>? rowBases)
    {
        if (!TemplateLibrary.Definitions.TryGetValue(table.Definition, out var definition))
        {
            return;
        }

        // A coded row's cell states its column's family (the column's concept and scope, the actual basis) under the row's
        // code: the family is looked up once a column of the table, not once a cell.
        var known = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            // What the row says of its cells' facts, looked up once a row.
            var row = table.Rows[r];
            var (fixedRow, rowBasis) = (definition.Row(row.Key), RowBasis(rowBases, row));
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                if (cell.Value is null || definition.Column(cell.Column) is not { } column
                    || CellParts(definition, fixedRow, rowBasis, row.Key, column) is not { } parts)
                {
                    continue;
                }

                var family = fixedRow is null && rowBasis is null ? ColumnFamily(column, parts, ref known) : FamilyOf(parts);
                ref var slot = ref NewSlot(family, parts.Code);
                (slot.Item, slot.Row, slot.Table) = (cell, row, t);
            }
        }
    }

    // The family of a coded row's cell in column: the one met before in this table (known of them), else looked up and kept.
    private int ColumnFamily(ColumnDefinition column, Parts parts, ref int known)
    {
        for (var k = 0; k < known; k++)
        {
            if (ReferenceEquals(_columnFamilies[k].Column, column))
            {
                return _columnFamilies[k].Family;
            }
        }

        var family = FamilyOf(parts);
        if (known < _columnFamilies.Length)
        {
            _columnFamilies[known++] = (column, family);
        }

        return family;
    }

    // The family of a fact, numbered when first met.
    private int FamilyOf(Parts parts)
    {
        ref var family = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_familyOf, (parts.Concept, parts.Scope, parts.Basis), out var known);
        if (!known)
        {
            family = _families.Count;
            _families.Add((parts.Concept, parts.Scope, parts.Basis));
        }

        return family;
    }

    // A slot at the end of its fact's chain (the fact's group made when first stated).
    private ref Slot NewSlot(Parts parts) => ref NewSlot(FamilyOf(parts), parts.Code);

    private ref Slot NewSlot(int family, string? code)
    {
        if (_slotCount == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        var at = _slotCount++;
        var (group, bucket) = GroupOf(family, code);
        if (group >= 0)
        {
            // At the end of its chain: a fact is stated a few times at most (walked, not kept: 8 bytes a fact less).
            var last = _groups[group].First;
            while (_slots[last].Next >= 0)
            {
                last = _slots[last].Next;
            }

            _slots[last].Next = at;
        }
        else
        {
            if (_groupCount == _groups.Length)
            {
                Array.Resize(ref _groups, _groups.Length * 2);
            }

            group = _groupCount++;
            _groups[group] = new Group { First = at, Family = family, Code = code };
            _groupOf[bucket] = group + 1;
            if (_groupCount * 3 > _groupOf.Length * 2)
            {
                // Never for an index sized as Build sizes it (a fact a slot at most); kept two thirds full at most anyhow,
                // or a probe could find no empty bucket.
                Regroup();
            }
        }

        ref var slot = ref _slots[at];
        slot.Next = -1;
        return ref slot;
    }

    // The table of groups twice as large, every group placed again.
    private void Regroup()
    {
        _groupOf = new int[_groupOf.Length * 2];
        for (var group = 0; group < _groupCount; group++)
        {
            _groupOf[GroupOf(_groups[group].Family, _groups[group].Code).Bucket] = group + 1;
        }
    }

    // The group of a fact (-1 when it has none) and the bucket that holds it, or the empty bucket where it would go.
    private (int Group, int Bucket) GroupOf(int family, string? code)
    {
        var mask = _groupOf.Length - 1;
        for (var bucket = unchecked((family * -1640531535) ^ (code?.GetHashCode() ?? 0)) & mask; ; bucket = (bucket + 1) & mask)
        {
            var entry = _groupOf[bucket] - 1;
            if (entry < 0 || (_groups[entry].Family == family && string.Equals(_groups[entry].Code, code, StringComparison.Ordinal)))
            {
                return (entry, bucket);
            }
        }
    }

    // True when every statement of a fact prints the same number in the same unit, read without making assertions.
    private bool AllAlike(Group chain)
    {
        var first = AmountAt(chain.First);
        for (var at = _slots[chain.First].Next; at >= 0; at = _slots[at].Next)
        {
            var amount = AmountAt(at);
            if (amount.Value != first.Value || amount.Unit != first.Unit)
            {
                return false;
            }
        }

        return true;
    }

    private Amount AmountAt(int at) => _slots[at].Item switch
    {
        ReferenceFigure reference => reference.Amount,
        Claim claim => (_slots[at].Table == ClaimAmount ? claim.Amount : claim.Budget)!.Value,
        var cell => new Amount(((StatedCell)cell).Value!.Value, _tables[_slots[at].Table].Unit),
    };

    // The basis a claim's budget is stated under (年初预算 unless the claim names another).
    private static string BudgetBasis(Claim claim) => claim.BudgetBasis ?? Bases.Budget;

    private static FactKey BudgetKey(Claim claim) => claim.Subject with { Basis = BudgetBasis(claim) };

    // A claim's assertion, as the narrative states it: its amount under its subject, its budget under the budget basis.
    private FactAssertion ClaimAssertion(Claim claim, int part) => part == ClaimAmount
        ? new FactAssertion(claim.Subject, claim.Amount!.Value, AssertionOrigin.Narrative, null, _narrative!.LocationOf(claim))
        : new FactAssertion(BudgetKey(claim), claim.Budget!.Value, AssertionOrigin.Narrative, null, _narrative!.LocationOf(claim));

    // A fact's key: the one its assertions or the keys already carry, else made (a narrative or reference statement's own
    // key when the fact was first stated by one). Most facts are never asked for: no array of keys is kept for them.
    private FactKey KeyOf(int group)
    {
        if ((_keys?[group] ?? (_made is not null && _made.TryGetValue(group, out var made) ? made[0].Key : null)) is { } key)
        {
            return key;
        }

        var first = _slots[_groups[group].First];
        if (first.Item is ReferenceFigure reference)
        {
            return reference.Key;
        }

        if (first.Item is Claim claim)
        {
            // The key its assertion carries (the claim's subject, or the subject under the budget basis).
            return first.Table == ClaimAmount ? claim.Subject : BudgetKey(claim);
        }

        // A cell's key: its fact as AddTable worked it out, kept as the group's family and code.
        var family = _families[_groups[group].Family];
        return new FactKey(family.Concept, _groups[group].Code, family.Scope, family.Basis);
    }

    // A fact's assertions, made once: a cell's location is built from its table, row and column as the index always has.
    private FactAssertion[] Made(int group)
    {
        _made ??= new Dictionary<int, FactAssertion[]>(64);
        if (_made.TryGetValue(group, out var made))
        {
            return made;
        }

        var chain = _groups[group];
        var count = 0;
        for (var at = chain.First; at >= 0; at = _slots[at].Next)
        {
            count++;
        }

        made = new FactAssertion[count];
        var key = KeyOf(group);
        for (int at = chain.First, k = 0; at >= 0; at = _slots[at].Next, k++)
        {
            made[k] = AssertionAt(key, at);
        }

        return _made[group] = made;
    }

    private FactAssertion AssertionAt(FactKey key, int at)
    {
        var slot = _slots[at];
        if (slot.Item is ReferenceFigure reference)
        {
            // As the narrative's sentences and the cells are stated: under the figure's own key, where it was read.
            return new FactAssertion(reference.Key, reference.Amount, AssertionOrigin.Reference, null, reference.Source ?? ReferencesRead);
        }

        if (slot.Item is Claim claim)
        {
            return ClaimAssertion(claim, slot.Table);
        }

        var (table, row, cell) = (_tables[slot.Table], slot.Row!, (StatedCell)slot.Item);
        var definition = TemplateLibrary.Definitions[table.Definition];
        var column = definition.Column(cell.Column)!;
        var location = cell.Source ?? new SourceLocation
        {
            File = (row.Source ?? table.Source)?.File, Page = (row.Source ?? table.Source)?.Page, Line = row.Source?.Line,
            Table = table.Number ?? table.Title, Row = RowName(definition, row), Column = column.Name,
        };
        return new FactAssertion(key, new Amount(cell.Value!.Value, table.Unit), AssertionOrigin.Table, table.Definition, location)
        {
            Cell = new CellKey(table.Definition, row.Key, column.Key),
        };
    }

    // 「合计」, a fixed row's label, or 「2101501 行政运行」.
    private static string RowName(TableDefinition definition, StatedRow row) =>
        row.Key == TotalRowKey ? "合计"
        : definition.Row(row.Key) is { } fixedRow ? row.Label ?? fixedRow.Label
        : row.Label is null ? row.Key : $"{row.Key} {row.Label}";
}
