using System.Globalization;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Reference;
using Juesuan.Domain.Scoring;
using Juesuan.Domain.Templates;

namespace Juesuan.Audit;

/// <summary>
/// A figure taken from a table for a relation: its amount (null when blank or not printed, read as 0.00), what it is
/// and where. The description is built only when a finding needs it: audits are mostly of relations that hold.
/// </summary>
public sealed class Figure
{
    private readonly AuditContext? _context;
    private readonly StatedTable? _table;
    private string? _label;
    private string? _location;
    private FigureLocation? _where;

    /// <summary>A figure described explicitly (not a table cell, or a cell shown differently).</summary>
    public Figure(Amount? amount, string label, string location, (string Table, string Row, string Column)? cell = null, FigureLocation? where = null)
    {
        Amount = amount;
        _label = label;
        _location = location;
        Cell = cell;
        _where = where;
    }

    internal Figure(AuditContext context, StatedTable table, string row, string column, Amount? amount, bool rowPrinted)
    {
        _context = context;
        _table = table;
        Amount = amount;
        Cell = (table.Definition, row, column);
        RowPrinted = rowPrinted;
    }

    /// <summary>True when the figure's row is printed in its table (a blank cell there is "not filled in", not an absent row).</summary>
    public bool RowPrinted { get; }

    /// <summary>The printed amount, or null when blank / absent.</summary>
    public Amount? Amount { get; }

    /// <summary>The cell (definition, row, column), or null for figures outside tables.</summary>
    public (string Table, string Row, string Column)? Cell { get; }

    /// <summary>What it is, for messages (「2101501 行政运行 基本支出」).</summary>
    public string Label => _label ?? Describe().Label;

    /// <summary>Where it is, for findings.</summary>
    public string Location => _location ?? Describe().Location;

    // A cell's label and location, described together once (a finding asks both of every figure it shows).
    private (string Label, string Location) Describe()
    {
        var (label, location) = _context!.DescribeCell(_table!, Cell!.Value.Row, Cell.Value.Column);
        _label ??= label;
        _location ??= location;
        return (_label, _location);
    }

    /// <summary>Where it is, as data (null for a figure described only in words).</summary>
    public FigureLocation? Where => _where ??= _context?.LocateCell(_table!, Cell!.Value.Row, Cell.Value.Column);

    /// <summary>The figure as a finding shows it, in <paramref name="role"/>.</summary>
    public FindingFigure ToFinding(string? role = null) => ToFinding(role, Display);

    // As ToFinding, with its display already made.
    internal FindingFigure ToFinding(string? role, string display) => new(display, Location, role, Where);

    /// <summary>The figure in 万元 with its interval; a blank reads as 0.00.</summary>
    public Estimate Value => Operand.ValueOf(Amount);

    /// <summary>What deciding a relation needs of it.</summary>
    internal Operand Operand => new(Amount, RowPrinted, Cell);

    /// <summary>The value as printed, or 「空」.</summary>
    public string Display => Amount is { } a ? a.ToDisplayString() + (a.Unit == MoneyUnit.Yuan ? "元" : string.Empty) : "空";

    /// <summary>True when a non-zero number is printed.</summary>
    public bool IsNonZero => Operand.NonZero(Amount);

    /// <summary>The same cell, negated (for relations written with a minus).</summary>
    public Figure Negated() => new(Amount is { } a ? new Amount(-a.Value, a.Decimals, a.Unit) : null, "−" + Label, Location, Cell, Where);

    /// <summary>The same cell with another location text.</summary>
    public Figure At(string location) => new(Amount, Label, location, Cell, Where);
}

/// <summary>
/// What deciding a relation needs of a figure — its amount, whether its row is printed, its cell — without the figure's
/// descriptions: most relations hold, and for those no <see cref="Figure"/> need be made.
/// </summary>
internal readonly record struct Operand(Amount? Amount, bool RowPrinted, (string Table, string Row, string Column)? Cell)
{
    private static readonly Estimate Blank = new Printed(0m, 2).ToEstimate();

    /// <summary>In 万元 with its interval; a blank reads as 0.00.</summary>
    public Estimate Value => ValueOf(Amount);

    /// <summary>True when a non-zero number is printed.</summary>
    public bool IsNonZero => NonZero(Amount);

    /// <summary>An amount in 万元 with its interval; a blank reads as 0.00.</summary>
    public static Estimate ValueOf(Amount? amount) => amount?.In(MoneyUnit.WanYuan) ?? Blank;

    /// <summary>True for a printed non-zero amount.</summary>
    public static bool NonZero(Amount? amount) => amount is { Value: not 0m };
}

/// <summary>
/// What rules see: the department-year, its fact index, template and catalogs, and helpers that check relations on
/// intervals and turn the verdicts into findings. It also remembers which stated totals failed their own table's
/// arithmetic, so that attribution can name the likely wrong figure.
/// </summary>
public sealed class AuditContext
{
    // The cells of relations decided through Sum (those that do not hold exactly, and the rules that compare figures of
    // their own) that failed; those that held are kept as relations, their figures as the rules gave them (a set of their
    // cells' triples was ≈ 10 KB an audit, and attribution asks seldom).
    private readonly HashSet<(string, string, string)> _arithmeticFailures = [];
    private readonly List<(Figure Total, IReadOnlyList<Figure> Items)> _passed = [];

    // The relations of one table that held exactly without figures (SumOfCells: most relations of most reports), kept as
    // they were given rather than cell by cell — hashing every cell of every relation into a set was ≈ 4 % of an audit's
    // time and ≈ 27 KB; attribution asks seldom, and scans these.
    // They come in chunks: how many a report has is not foreseeable from its cells (0.4–1.4 a printed cell of the
    // department's own tables, the units' relations beside them), and a list grown by doubling allocated them twice over.
    private readonly List<HeldChunk> _held = [];
    private readonly Dictionary<string, StatedTable> _tables;
    private readonly Dictionary<StatedTable, RowIndex> _rows = new(ReferenceEqualityComparer.Instance);
    private Operand[] _operands = [];
    private readonly Dictionary<string, string> _tableNames = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates the context for one department-year with the <paramref name="reference"/> data of the run (the
    /// embedded data when none is given): its template, the catalogues of its year, the scoring rules of its province.
    /// </summary>
    public AuditContext(DepartmentYear year, ReferenceData? reference = null, DepartmentYear? prior = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        Year = year;
        Prior = prior;
        PriorFacts = prior is null ? null : FactIndex.Build(prior);
        Reference = reference ?? ReferenceData.Embedded;
        Scoring = Reference.ScoringFor(year.Department.Province);
        Template = Reference.TemplateOf(year);
        Facts = FactIndex.Build(year);
        Functions = Reference.Catalogs.Function(year.Year);
        Economics = Reference.Catalogs.Economic(year.Year);
        // The first table of each definition (a report that prints one twice is audited on its first).
        _tables = new Dictionary<string, StatedTable>(year.Tables.Count, StringComparer.Ordinal);
        foreach (var table in year.Tables)
        {
            _tables.TryAdd(table.Definition, table);
        }
    }

    /// <summary>The department-year under audit.</summary>
    public DepartmentYear Year { get; }

    /// <summary>
    /// The same department's published report of the year before (上年报告), when one is at hand — from the store or
    /// given with <c>--prior</c>: the cross-year rules (Y.*) check this year's report against it.
    /// </summary>
    public DepartmentYear? Prior { get; }

    /// <summary>The fact index of <see cref="Prior"/>.</summary>
    public FactIndex? PriorFacts { get; }

    /// <summary>The reference data of the run.</summary>
    public ReferenceData Reference { get; }

    /// <summary>The scoring rules its self-evaluations are checked against (the same ones `score` uses).</summary>
    public ScoringRules Scoring { get; }

    /// <summary>Its template.</summary>
    public Template Template { get; }

    /// <summary>Its fact index.</summary>
    public FactIndex Facts { get; }

    /// <summary>The functional classification of its year.</summary>
    public Catalog Functions { get; }

    /// <summary>The economic classification of its year.</summary>
    public Catalog Economics { get; }

    /// <summary>The stated table of a definition, or null.</summary>
    public StatedTable? Table(string definition) => _tables.GetValueOrDefault(definition);

    /// <summary>The name a reader knows the table by: 「公开03表（支出决算表）」.</summary>
    public string TableName(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        // Every figure a finding shows names its table: each name is made once an audit.
        ref var name = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_tableNames, definition, out _);
        return name ??= NameTable(definition);
    }

    private string NameTable(string definition)
    {
        var table = Table(definition);
        var number = table?.Number ?? Template.Table(definition)?.Number;
        var title = table?.Title ?? Template.Table(definition)?.Title ?? Reference.Templates.Definitions.GetValueOrDefault(definition)?.Name ?? definition;
        return number is null ? title : $"{number}（{title}）";
    }

    /// <summary>
    /// True when the cell took part (as total or item) in a relation of its own table that failed, and in none that held
    /// exactly or by rounding: its table's arithmetic speaks against it.
    /// </summary>
    public bool FailedOwnArithmetic(CellKey? cellKey)
    {
        if (cellKey is not { } key || !_arithmeticFailures.Contains((key.Table, key.Row, key.Column)))
        {
            return false;
        }

        foreach (var (total, items) in _passed)
        {
            if (PassedWith(key, total, items))
            {
                return false;
            }
        }

        foreach (var chunk in _held)
        {
            if (chunk.Covers(key))
            {
                return false;
            }
        }

        return true;
    }

    // A relation total = Σ items within one table that held exactly: Items are rows in the total's column, or columns in its
    // row (which, its chunk says).
    private readonly record struct Held(string Table, string TotalRow, string TotalColumn, IReadOnlyList<string> Items);

    // Up to 64 held relations, and which of them list columns: 32 bytes a relation, where a field for each kind of list
    // made 40.
    private sealed class HeldChunk
    {
        private readonly Held[] _relations = new Held[64];
        private ulong _ofColumns;

        public int Count { get; private set; }

        public bool Full => Count == _relations.Length;

        public void Add(Held held, bool ofColumns)
        {
            _ofColumns |= ofColumns ? 1UL << Count : 0;
            _relations[Count++] = held;
        }

        public bool Covers(CellKey cell)
        {
            for (var i = 0; i < Count; i++)
            {
                var (table, totalRow, totalColumn, items) = _relations[i];
                if (cell.Table == table
                    && ((cell.Row == totalRow && cell.Column == totalColumn)
                        || ((_ofColumns & (1UL << i)) == 0 ? cell.Column == totalColumn && items.Contains(cell.Row) : cell.Row == totalRow && items.Contains(cell.Column))))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The row of a table with <paramref name="key"/>, through a per-table index.</summary>
    public StatedRow? Row(StatedTable table, string key)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(key);
        return RowsOf(table).Find(key);
    }

    /// <summary>The table's row index (its rows by key), made on first use.</summary>
    internal RowIndex RowsOf(StatedTable table)
    {
        ref var rows = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_rows, table, out _);
        return rows ??= new RowIndex(table.Rows);
    }

    /// <summary>The figure at a cell of a stated table (blank when the row or cell is absent).</summary>
    public Figure Cell(StatedTable table, string rowKey, string column)
    {
        ArgumentNullException.ThrowIfNull(table);
        var operand = OperandAt(table, rowKey, column);
        return new Figure(this, table, rowKey, column, operand.Amount, operand.RowPrinted);
    }

    /// <summary>The value of a cell as <see cref="Cell"/>'s figure gives it (in 万元 with its interval; a blank reads as 0.00), without making the figure.</summary>
    public Estimate ValueAt(StatedTable table, string rowKey, string column) => OperandAt(table, rowKey, column).Value;

    // A cell as a relation's operand: what Cell's figure would hold.
    private Operand OperandAt(StatedTable table, string rowKey, string column) => OperandIn(table, Row(table, rowKey), rowKey, column);

    // The same, of the row found for rowKey.
    private static Operand OperandIn(StatedTable table, StatedRow? row, string rowKey, string column)
    {
        var amount = row?.Cell(column)?.Value is { } v ? new Amount(v, table.Unit) : (Amount?)null;
        return new Operand(amount, row is not null, (table.Definition, rowKey, column));
    }

    /// <summary>Where a cell is, as data: its table, row and column, and the page or line it was read from.</summary>
    public FigureLocation LocateCell(StatedTable table, string rowKey, string? column)
    {
        ArgumentNullException.ThrowIfNull(table);
        var definition = Reference.Templates.Definitions.GetValueOrDefault(table.Definition);
        var row = Row(table, rowKey);
        var source = (column is null ? null : row?.Cell(column)?.Source) ?? row?.Source ?? table.Source;
        return new FigureLocation
        {
            Document = source?.File, Page = source?.Page, Line = source?.Line,
            Table = table.Definition, TableName = TableName(table.Definition),
            RowCode = rowKey, RowLabel = RowName(definition, rowKey, row?.Label),
            Column = column, ColumnName = column is null ? null : definition?.Column(column)?.Name ?? column,
        };
    }

    /// <summary>Where a statement of a fact is, as data: a table cell, or a sentence of the narrative.</summary>
    public FigureLocation Locate(FactAssertion assertion, string? printed = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        if (assertion.Cell is { } cell && Table(cell.Table) is { } table && (cell.Row, cell.Column) is var (row, column))
        {
            return LocateCell(table, row, column);
        }

        return Locate(assertion.Location, printed);
    }

    /// <summary>
    /// Where something read from <paramref name="source"/> is, as data; when <paramref name="printed"/> is given and
    /// found in the sentence, the characters it takes there.
    /// </summary>
    public static FigureLocation Locate(SourceLocation? source, string? printed = null)
    {
        var sentence = source?.Sentence;
        var (at, length) = Find(sentence, printed);
        return new FigureLocation
        {
            Document = source?.File, Page = source?.Page, Line = source?.Line, TableName = source?.Table, RowLabel = source?.Row, ColumnName = source?.Column,
            Section = source?.Section, Sentence = sentence, SpanStart = at, SpanLength = length,
        };
    }

    /// <summary>
    /// Every printed prose of the report with where it is: the narrative sections, then the passages no reader took
    /// (<see cref="TextPassage"/>). The wording rules that apply to every printed word read these.
    /// </summary>
    /// <remarks>Made once an audit: every wording rule reads them.</remarks>
    public IReadOnlyList<Prose> AllProse() => _prose ??= Array.AsReadOnly<Prose>([
        .. Year.Narrative.Sections.Select(section => new Prose($"情况说明 {section.Number}、{section.Title}", section.Text, null, section.Key)),
        .. Year.Passages.Select(passage => Prose.Printed(passage.Text, passage.Source)),
    ]);

    private System.Collections.ObjectModel.ReadOnlyCollection<Prose>? _prose;

    /// <summary>
    /// Where <paramref name="printed"/>, found at <paramref name="index"/> of a narrative section's text, is: the sentence
    /// around it (to the nearest 。；！？) and the characters it takes there — at that very place, not its first look-alike.
    /// </summary>
    public static FigureLocation InSection(string section, string text, int index, string? printed = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        index = Math.Clamp(index, 0, text.Length);
        var start = index == 0 ? 0 : text.LastIndexOfAny(SentenceEnds, index - 1) + 1;
        var end = text.IndexOfAny(SentenceEnds, index);
        var raw = text[start..(end < 0 ? text.Length : end + 1)];
        var sentence = raw.Trim();
        var offset = index - start - (raw.Length - raw.TrimStart().Length);
        var (at, length) = printed is { Length: > 0 } && text.AsSpan(index).StartsWith(printed, StringComparison.Ordinal) && offset >= 0
            ? (offset, printed.Length)
            : Find(sentence, printed);
        return new FigureLocation { Section = section, Sentence = sentence, SpanStart = at, SpanLength = length };
    }

    /// <summary>What ends a sentence for every rule that quotes one: 。；！？ and a line break.</summary>
    internal static readonly char[] SentenceEnds = ['。', '；', '！', '？', '\n'];

    // A printed figure in a sentence: as given, or without thousands separators, or its number without a unit — a whole
    // figure, never the tail of a longer one (「0.3万元」 is not in 「10.3万元」).
    private static (int? At, int? Length) Find(string? sentence, string? printed)
    {
        if (sentence is null || string.IsNullOrEmpty(printed))
        {
            return (null, null);
        }

        static bool Numeric(char c) => char.IsAsciiDigit(c) || c is '.' or ',';
        foreach (var form in new[] { printed, printed.Replace(",", string.Empty, StringComparison.Ordinal), new string(printed.TakeWhile(ch => char.IsAsciiDigit(ch) || ch is '.' or ',' or '-').ToArray()) })
        {
            for (var at = form.Length == 0 ? -1 : sentence.IndexOf(form, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(form, at + 1, StringComparison.Ordinal))
            {
                var end = at + form.Length;
                if ((at == 0 || !Numeric(sentence[at - 1]) || !Numeric(form[0])) && (end == sentence.Length || !Numeric(sentence[end]) || !Numeric(form[^1])))
                {
                    return (at, form.Length);
                }
            }
        }

        return (null, null);
    }

    /// <summary>Where a claim of the narrative is, as data, with the characters <paramref name="printed"/> takes in its sentence.</summary>
    public FigureLocation Locate(Claim claim, string? printed = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Locate(Year.Narrative.LocationOf(claim), printed);
    }

    /// <summary>The label and location of a cell, for messages.</summary>
    internal (string Label, string Location) DescribeCell(StatedTable table, string rowKey, string column)
    {
        var definition = Reference.Templates.Definitions.GetValueOrDefault(table.Definition);
        var columnName = definition?.Column(column)?.Name ?? column;
        var rowLabel = RowLabel(definition, rowKey, Row(table, rowKey)?.Label);
        return ($"{rowLabel}{(definition?.Columns.Count > 1 ? " " + columnName : string.Empty)}", $"{TableName(table.Definition)} {rowLabel} {columnName}");
    }

    /// <summary>
    /// <see cref="Sum"/> over one table's rows in one column: <paramref name="totalRow"/> = Σ <paramref name="itemRows"/>.
    /// When the total is printed and the sum holds exactly — most relations of most reports — the relation is recorded as
    /// <see cref="Sum"/> records it, without a <see cref="Figure"/> for any cell; otherwise the figures are made and
    /// <see cref="Sum"/> decides, so the outcome is the same either way.
    /// </summary>
    public Finding? SumOfRows(string rule, StatedTable table, string totalRow, IReadOnlyList<string> itemRows, string column, string relation) =>
        SumOfCells(rule, table, totalRow, column, itemRows, null, relation);

    /// <summary>
    /// As <see cref="SumOfRows(string, StatedTable, string, IReadOnlyList{string}, string, string)"/>, with the rows found
    /// already: <paramref name="total"/> is <see cref="Row"/> of <paramref name="totalRow"/> and each of
    /// <paramref name="items"/> of its key — for a rule summing the same rows in every column.
    /// </summary>
    internal Finding? SumOfRows(string rule, StatedTable table, string totalRow, StatedRow? total, IReadOnlyList<string> itemRows, IReadOnlyList<StatedRow?> items, string column, string relation) =>
        SumOfCells(rule, table, totalRow, column, itemRows, null, relation, total, items);

    /// <summary>As <see cref="SumOfRows(string, StatedTable, string, IReadOnlyList{string}, string, string)"/>, across one row's columns: <paramref name="totalColumn"/> = Σ <paramref name="itemColumns"/>.</summary>
    public Finding? SumOfColumns(string rule, StatedTable table, string row, string totalColumn, IReadOnlyList<string> itemColumns, string relation) =>
        SumOfCells(rule, table, row, totalColumn, null, itemColumns, relation);

    // The items are the cells of itemRows in the total's column, or of itemColumns in the total's row, each looked up once
    // into the context's operand buffer. A relation that holds exactly is recorded as Sum records it; any other goes to Sum with its
    // figures, which decides it alike.
    //
    // The rows are looked up once: across one row's columns, its row; down a column, each item's row — or the rows the
    // caller found already (foundTotal and foundItems, as Row finds them), when it sums the same rows in several columns.
    private Finding? SumOfCells(string rule, StatedTable table, string totalRow, string totalColumn, IReadOnlyList<string>? itemRows, IReadOnlyList<string>? itemColumns, string relation, StatedRow? foundTotal = null, IReadOnlyList<StatedRow?>? foundItems = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var count = itemRows?.Count ?? itemColumns!.Count;
        string RowOf(int k) => itemRows?[k] ?? totalRow;
        string ColumnOf(int k) => itemColumns?[k] ?? totalColumn;
        var row = foundItems is null ? Row(table, totalRow) : foundTotal;
        var total = OperandIn(table, row, totalRow, totalColumn);
        var buffer = OperandBuffer(count);
        for (var k = 0; k < count; k++)
        {
            buffer[k] = itemRows is null ? OperandIn(table, row, totalRow, ColumnOf(k))
                : OperandIn(table, foundItems is null ? Row(table, itemRows[k]) : foundItems[k], itemRows[k], totalColumn);
        }

        if (Weigh(total, buffer.AsSpan(0, count)) is { NotFilled: NotFilled.None, Check.Kind: ConsistencyKind.Consistent })
        {
            // Remembered as Sum would remember it (the total and every item, all of this table), by the relation.
            if (_held.Count == 0 || _held[^1].Full)
            {
                _held.Add(new HeldChunk());
            }

            _held[^1].Add(new Held(table.Definition, totalRow, totalColumn, Kept(itemRows ?? itemColumns!)), itemColumns is not null);
            return null;
        }

        var figures = new Figure[count];
        for (var k = 0; k < count; k++)
        {
            figures[k] = Cell(table, RowOf(k), ColumnOf(k));
        }

        return Sum(rule, Cell(table, totalRow, totalColumn), figures, relation, table.Definition);
    }

    // The operands of the relation being weighed (SumOfCells, Sum): one buffer an audit, rented when first needed and
    // given back by the auditor when the rules are done (ReturnBuffers) — a relation is weighed to its end before the next
    // one begins, so no two use it at once.
    private Operand[] OperandBuffer(int count)
    {
        if (_operands.Length < count)
        {
            var outgrown = _operands;
            _operands = System.Buffers.ArrayPool<Operand>.Shared.Rent(Math.Max(count, 64));
            if (outgrown.Length > 0)
            {
                System.Buffers.ArrayPool<Operand>.Shared.Return(outgrown, clearArray: true);
            }
        }

        return _operands;
    }

    /// <summary>
    /// Gives back the buffer the relations were weighed in, cleared, when the rules are done with the context (the
    /// auditor does); a context used afterwards rents another. One never given back is collected as garbage.
    /// </summary>
    internal void ReturnBuffers()
    {
        if (_operands.Length > 0)
        {
            System.Buffers.ArrayPool<Operand>.Shared.Return(_operands, clearArray: true);
            _operands = [];
        }
    }

    // A caller's list kept for attribution: an array as it is (the rules pass arrays they do not change), any other copied.
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(list))]
    private static IReadOnlyList<T>? Kept<T>(IReadOnlyList<T>? list) => list is null or T[] ? list : [.. list];

    private enum NotFilled
    {
        None,

        // A total printed over items all left blank.
        Items,

        // A blank total over printed items.
        Total,
    }

    // A relation weighed before any finding is made of it: a row not filled in (and the first printed item), else the
    // check of total = Σ items on intervals.
    private readonly record struct Weighing(NotFilled NotFilled, int FirstNonZero, Estimate Computed, Consistency Check);

    // An item printed as 0.00 (or left blank) is taken as exactly zero: the reporting software prints 0.00 for items
    // with no spending, and letting every such item hide ±0.005 would let a long list of empty items (27 in a 302 class)
    // explain away a real 0.06 gap. The total and every non-zero item keep their full interval. A total printed over
    // parts all left blank (or a blank total over printed parts) is a row not filled in: one warning, not an arithmetic
    // error in every relation the row takes part in. Loops over a struct, no queries: every relation of every table
    // comes through here on every audit.
    private static Weighing Weigh(Operand total, ReadOnlySpan<Operand> items)
    {
        var totalTable = total.Cell?.Table;
        var allBlank = items.Length > 0;
        var sameTable = true;
        var firstNonZero = -1;
        for (var k = 0; k < items.Length; k++)
        {
            ref readonly var item = ref items[k];
            var inTable = item.Cell?.Table == totalTable;
            allBlank &= item.Amount is null && item.RowPrinted && inTable;
            sameTable &= inTable;
            firstNonZero = firstNonZero < 0 && item.IsNonZero ? k : firstNonZero;
        }

        if (allBlank && total.IsNonZero)
        {
            return new Weighing(NotFilled.Items, firstNonZero, Estimate.Zero, default);
        }

        if (total.Amount is null && total.RowPrinted && firstNonZero >= 0 && sameTable)
        {
            return new Weighing(NotFilled.Total, firstNonZero, Estimate.Zero, default);
        }

        var computed = Estimate.Zero;
        foreach (ref readonly var item in items)
        {
            if (item.IsNonZero)
            {
                computed += item.Value;
            }
        }

        return new Weighing(NotFilled.None, firstNonZero, computed, Consistency.Check(total.Value, computed));
    }

    // Remembers a relation decided through Sum that failed (attribution reads it): its total and its items of the total's
    // table, cell by cell.
    private void RecordFailure(Operand total, ReadOnlySpan<Operand> items)
    {
        if (total.Cell is not { } totalCell)
        {
            return;
        }

        _arithmeticFailures.Add(totalCell);
        foreach (ref readonly var item in items)
        {
            // Only relations within one table count as that table's own arithmetic.
            if (item.Cell is { } cell && cell.Table == totalCell.Table)
            {
                _arithmeticFailures.Add(cell);
            }
        }
    }

    // Whether a relation that held counts the cell as its total or as one of its items of the total's table (what a failure
    // records of its cells).
    private static bool PassedWith(CellKey key, Figure total, IReadOnlyList<Figure> items)
    {
        if (total.Cell is not { } totalCell)
        {
            return false;
        }

        if (totalCell == (key.Table, key.Row, key.Column))
        {
            return true;
        }

        for (var k = 0; k < items.Count; k++)
        {
            if (items[k].Cell is { } cell && cell.Table == totalCell.Table && cell == (key.Table, key.Row, key.Column))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Checks total = Σ items on intervals. Returns null when exactly equal, an info finding when rounding explains the
    /// difference, an error when it cannot (and remembers the total as failing its arithmetic). A relation that holds is
    /// remembered with <paramref name="items"/> as given when it is an array: pass one not changed afterwards (the rules
    /// pass new arrays, or static ones nothing changes), as for the rows and columns of <see cref="SumOfRows(string, StatedTable, string, IReadOnlyList{string}, string, string)"/>.
    /// </summary>
    public Finding? Sum(string rule, Figure total, IReadOnlyList<Figure> items, string relation, string? table)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(items);
        var operands = OperandBuffer(items.Count);
        for (var k = 0; k < items.Count; k++)
        {
            operands[k] = items[k].Operand;
        }

        var weighing = Weigh(total.Operand, operands.AsSpan(0, items.Count));
        if (weighing.NotFilled == NotFilled.None)
        {
            if (!weighing.Check.Holds)
            {
                RecordFailure(total.Operand, operands.AsSpan(0, items.Count));
            }
            else if (total.Cell is not null)
            {
                _passed.Add((total, Kept(items)));
            }
        }

        switch (weighing.NotFilled)
        {
            case NotFilled.Items:
                return Unfilled(rule, total, total, "各分项均未填写", table);
            case NotFilled.Total:
                return Unfilled(rule, total, items[weighing.FirstNonZero], "合计未填写", table);
        }

        var (computed, check) = (weighing.Computed, weighing.Check);
        if (check.Kind == ConsistencyKind.Consistent)
        {
            return null;
        }

        // Each figure's display made once: the message, the arguments and the figures all show it.
        var (totalDisplay, itemDecimals) = (total.Display, items.Count == 0 ? 2 : int.MinValue);
        var figures = new FindingFigure[items.Count + 1];
        figures[0] = total.ToFinding("合计", totalDisplay);
        var listed = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        for (var k = 0; k < items.Count; k++)
        {
            var display = items[k].Display;
            itemDecimals = Math.Max(itemDecimals, items[k].Amount?.Decimals ?? 2);
            figures[k + 1] = items[k].ToFinding("分项", display);
            if (items.Count <= 4)
            {
                listed.AppendLiteral(k == 0 ? string.Empty : " + ");
                listed.AppendFormatted(items[k].Label);
                listed.AppendLiteral(" ");
                listed.AppendFormatted(display);
            }
        }

        var decimals = Math.Max(total.Amount?.Decimals ?? 2, itemDecimals);
        var itemsText = items.Count <= 4 ? listed.ToStringAndClear() : $"{items.Count} 个分项";
        var tolerance = (check.Stated.Width + check.Computed.Range.Width) / 2m;
        var difference = Format(check.Difference);
        var arguments = new Dictionary<string, string>(8)
        {
            ["relation"] = relation, ["total"] = total.Label, ["actual"] = totalDisplay, ["items"] = itemsText, ["computed"] = Format(computed.Value, decimals),
            ["difference"] = difference, ["tolerance"] = Format(tolerance), ["gap"] = Format(check.Gap),
        };
        var numbers = new FindingNumbers(total.Value.Value, computed.Value, computed.Range.Lo, computed.Range.Hi, check.Difference, check.Gap);
        if (check.Kind == ConsistencyKind.ConsistentByRounding)
        {
            const string rounded = "{relation}：{total} {actual}，{items} 之和为 {computed}，相差 {difference}，在尾差范围（±{tolerance}）内。";
            return new Finding
            {
                Rule = rule, Severity = Severity.Info, Kind = FindingKind.Rounding, Table = table, Location = total.Location, Figures = figures,
                Template = rounded, Arguments = arguments, Message = MessageTemplate.Render(rounded, arguments), Numbers = numbers,
                Expected = Describe(computed, decimals), Actual = totalDisplay, Difference = difference,
            };
        }

        const string broken = "{relation}不成立：{total} 印为 {actual}，但 {items} 之和为 {computed}，相差 {difference}；尾差最多解释 ±{tolerance}，仍差 {gap}。";
        return new Finding
        {
            Rule = rule, Severity = Severity.Error, Table = table, Location = total.Location, Figures = figures,
            Template = broken, Arguments = arguments, Message = MessageTemplate.Render(broken, arguments), Numbers = numbers,
            Expected = Describe(computed, decimals), Actual = totalDisplay, Difference = $"{difference}（最小差距 {arguments["gap"]}）",
        };
    }

    private static Finding Unfilled(string rule, Figure total, Figure shown, string what, string? table)
    {
        const string template = "{total}：{what}（{shown} 为 {value}），无法核对该关系；空白与 0.00 含义不同，请补填。";
        var arguments = new Dictionary<string, string> { ["total"] = total.Label, ["what"] = what, ["shown"] = shown.Label, ["value"] = shown.Display };
        return new()
        {
            Rule = rule, Severity = Severity.Warning, Table = table, Location = total.Location,
            Template = template, Arguments = arguments, Message = MessageTemplate.Render(template, arguments),
            Actual = shown.Display, Figures = [total.ToFinding("合计"), shown.ToFinding()],
        };
    }

    /// <summary>Checks a = b on intervals (two statements of quantities that must be equal).</summary>
    public Finding? Equal(string rule, Figure a, Figure b, string relation, string? table) => Sum(rule, a, [b], relation, table);

    /// <summary>A "could not check" finding: distinct from "checked, no problem".</summary>
    public static Finding NotChecked(string rule, string reason, string? table = null, string? location = null) => new()
    {
        Rule = rule, Severity = Severity.Info, Kind = FindingKind.NotChecked, Table = table, Location = location ?? "-",
        Template = "未检查：{reason}", Arguments = new Dictionary<string, string> { ["reason"] = reason }, Message = "未检查：" + reason,
    };

    /// <summary>Formats a decimal without trailing zeros beyond what it carries.</summary>
    public static string Format(decimal value, int? decimals = null) =>
        decimals is { } d ? Rounding.HalfUp(value, d).ToString("N" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                          : value.ToString("#,0.##########", CultureInfo.InvariantCulture);

    /// <summary>"526.05（区间 [526.04, 526.06]）", or with a unit "71.65%（区间 [71.65359%, 71.65418%]）".</summary>
    public static string Describe(Estimate estimate, int decimals, string unit = "") =>
        $"{Format(estimate.Value, decimals)}{unit}（区间 [{Format(Rounding.HalfUp(estimate.Range.Lo, decimals + 3))}{unit}, {Format(Rounding.HalfUp(estimate.Range.Hi, decimals + 3))}{unit}]）";

    /// <summary>A difference of percentages in percentage points, to 4 decimals (0.0761165626 → "0.0761").</summary>
    public static string Points(decimal difference) => Format(Rounding.HalfUp(difference, 4));

    /// <summary>A sentence cut for a message: at most <paramref name="length"/> characters, then 「…」.</summary>
    public static string Excerpt(string? text, int length = 40) => text is null ? string.Empty : text.Length <= length ? text : text[..length] + "…";

    // The row's name alone (行政运行), without its code.
    private string? RowName(TableDefinition? definition, string rowKey, string? printed)
    {
        if (rowKey == FactIndex.TotalRowKey)
        {
            return "合计";
        }

        if (definition?.Row(rowKey) is { } fixedRow)
        {
            return fixedRow.Code is null ? fixedRow.Label : Functions.Find(fixedRow.Code)?.Name ?? fixedRow.Label;
        }

        return printed ?? (definition?.RowKind == RowKind.Economic ? Economics.Find(rowKey)?.Name : Functions.Find(rowKey)?.Name);
    }

    private string RowLabel(TableDefinition? definition, string rowKey, string? printed)
    {
        if (rowKey == FactIndex.TotalRowKey)
        {
            return "合计";
        }

        if (definition?.Row(rowKey) is { } fixedRow)
        {
            return fixedRow.Code is null ? fixedRow.Label : $"{fixedRow.Code} {Functions.Find(fixedRow.Code)?.Name ?? fixedRow.Label}";
        }

        var name = printed ?? (definition?.RowKind == RowKind.Economic ? Economics.Find(rowKey)?.Name : Functions.Find(rowKey)?.Name);
        return name is null ? rowKey : $"{rowKey} {name}";
    }
}

/// <summary>A printed prose text: a narrative section (no <paramref name="Source"/>) or a passage outside the sections.</summary>
/// <param name="Where">How a message names it: 「情况说明 五、…」 or 「正文第 3 页」.</param>
/// <param name="Text">The text.</param>
/// <param name="Source">For a passage, where it starts.</param>
/// <param name="Section">The key of the narrative section it is or is in, when known.</param>
public sealed record Prose(string Where, string Text, SourceLocation? Source, string? Section = null)
{
    /// <summary>Printed text outside the sections, named by its page or line (「正文第 3 页」).</summary>
    public static Prose Printed(string text, SourceLocation? source)
    {
        var at = source is { Page: { } page } ? $"第{page}页" : source is { Line: { } line } ? $"第{line}行" : string.Empty;
        return new Prose($"正文{at}", text, source);
    }

    /// <summary>Where <paramref name="printed"/>, found at <paramref name="index"/> of the text, is.</summary>
    /// <remarks>A passage's figure is named by the passage (「正文第 1488 行」), so two passages' figures are told apart.</remarks>
    public FigureLocation At(int index, string? printed = null)
    {
        var found = AuditContext.InSection(Where, Text, index, printed);
        return Source is { } source ? found with { Document = source.File, Page = source.Page, Line = source.Line } : found;
    }
}

