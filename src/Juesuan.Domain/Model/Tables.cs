using Juesuan.Domain.Numbers;

namespace Juesuan.Domain.Model;

/// <summary>A cell as stated (单元格): its column key, the printed number (null for a blank cell) and where it was read.</summary>
public sealed record StatedCell
{
    /// <summary>
    /// The column key of the table definition. The readers (text, PDF, Excel, JSON) give a key the template has as the
    /// template's own instance of it (see <see cref="Templates.ColumnDefinition.Key"/>), so that the audit's many lookups
    /// by column find a match by reference; the value is what counts, the instance only saves time.
    /// </summary>
    public required string Column { get; init; }

    /// <summary>The printed number; null when the cell was blank.</summary>
    public Printed? Value { get; init; }

    /// <summary>The text as printed, when it differs from the number's canonical form ("1,234.50", "-").</summary>
    public string? Text { get; init; }

    /// <summary>Where it was read.</summary>
    public SourceLocation? Source { get; init; }
}

/// <summary>A row as stated (行): keyed by its classification code or by the template's fixed-row key.</summary>
public sealed record StatedRow
{
    /// <summary>The functional/economic code, or the fixed-row key ("income.total").</summary>
    public required string Key { get; init; }

    /// <summary>The label (科目名称) as printed.</summary>
    public string? Label { get; init; }

    /// <summary>行次 as printed.</summary>
    public int? Line { get; init; }

    /// <summary>The cells, in printed order.</summary>
    public IReadOnlyList<StatedCell> Cells { get; init; } = [];

    /// <summary>Where the row was read.</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>The cell of <paramref name="column"/>, or null when the row has none.</summary>
    public StatedCell? Cell(string column)
    {
        // A loop without a delegate: the most frequent lookup of an audit (every relation's cells, and the consolidation
        // every cell of every unit's table); a row has a few cells.
        var cells = Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            if (string.Equals(cells[i].Column, column, StringComparison.Ordinal))
            {
                return cells[i];
            }
        }

        return null;
    }

    /// <summary>
    /// True when the row states nothing spent in <paramref name="column"/>: zero, or left blank (a layout that prints
    /// nothing for no spending). A cell that was printed but could not be read says nothing, so it is not.
    /// </summary>
    public bool ShowsNothingIn(string column) => Cell(column) is not { } cell || cell.Text is null && (cell.Value is not { } value || value.Value == 0m);
}

/// <summary>
/// A public table as stated in a report (公开表): its definition, printed number and title, unit, rows, notes and,
/// for an empty table, the statement why. Kept exactly as stated so that an audit can compare tables.
/// </summary>
public sealed record StatedTable
{
    /// <summary>The table definition id (<see cref="Templates.TableIds"/>).</summary>
    public required string Definition { get; init; }

    /// <summary>The number as printed (公开01表).</summary>
    public string? Number { get; init; }

    /// <summary>The title as printed.</summary>
    public required string Title { get; init; }

    /// <summary>单位 of the amounts.</summary>
    public MoneyUnit Unit { get; init; } = MoneyUnit.WanYuan;

    /// <summary>Rows in printed order.</summary>
    public IReadOnlyList<StatedRow> Rows { get; init; } = [];

    /// <summary>Notes printed under the table (注：…).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The statement of an empty table (「本部门无政府性基金预算财政拨款收支，并已公开空表」).</summary>
    public string? EmptyStatement { get; init; }

    /// <summary>Where the table starts.</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>The row with <paramref name="key"/>, or null.</summary>
    public StatedRow? Row(string key) => Keyed.Find(Rows, static r => r.Key, key);

    /// <summary>The number of cells <paramref name="tables"/> print a number in (blank cells left out).</summary>
    public static int CountPrinted(IEnumerable<StatedTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var cells = 0;
        foreach (var table in tables)
        {
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                for (var i = 0; i < row.Cells.Count; i++)
                {
                    cells += row.Cells[i].Value is null ? 0 : 1;
                }
            }
        }

        return cells;
    }

    /// <summary>The amount at (row, column), or null when the row or cell is missing or blank.</summary>
    public Amount? AmountAt(string rowKey, string column) =>
        Row(rowKey)?.Cell(column)?.Value is { } v ? new Amount(v, Unit) : null;

    /// <summary>True when no cell carries a non-zero number.</summary>
    public bool HasNoData => Rows.All(r => r.Cells.All(c => c.Value is null || c.Value.Value.Value == 0m));
}
