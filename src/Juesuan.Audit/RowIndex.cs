using System.Numerics;
using Juesuan.Domain.Model;

namespace Juesuan.Audit;

/// <summary>
/// The rows of one stated table by key, the first row of each key: open addressing over the rows' places. An audit
/// looks rows up by key in every table it reads (30 tables for a department with three units); a dictionary per table
/// was ≈ 28 bytes a row and an entry array grown for it, slots holding the rows themselves 11–21 bytes a row; a slot
/// holds the row's place + 1 (0 empty), 3–5 bytes a row (5–11 for a table of 65,535 rows or more).
/// </summary>
internal sealed class RowIndex
{
    private readonly IReadOnlyList<StatedRow> _rows;

    // Two bytes a slot for any table a report prints; four for one of 65,535 rows or more.
    private readonly ushort[]? _narrow;
    private readonly int[]? _wide;

    public RowIndex(IReadOnlyList<StatedRow> rows)
    {
        _rows = rows;
        // Three quarters full at most (half full on average), so a probe ends after a step or two.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, (rows.Count * 4 / 3) + 1));
        if (rows.Count < ushort.MaxValue)
        {
            _narrow = new ushort[size];
        }
        else
        {
            _wide = new int[size];
        }

        Unique = true;
        for (var r = 0; r < rows.Count; r++)
        {
            var slot = SlotOf(rows[r].Key);
            if (slot.Place < 0)
            {
                Set(slot.At, r + 1);
            }
            else
            {
                Unique = false;
            }
        }
    }

    /// <summary>Whether no key is printed twice: then every row is the one its key finds.</summary>
    public bool Unique { get; }

    /// <summary>The first row with <paramref name="key"/>, or null.</summary>
    public StatedRow? Find(string key) => SlotOf(key).Place is var place and >= 0 ? _rows[place] : null;

    /// <summary>
    /// The first row with <paramref name="key"/>, or null, for lookups that follow the table's order: in a table that
    /// prints no key twice (<see cref="Unique"/>) the row at <paramref name="cursor"/> is tried first, before the index;
    /// the cursor is left after the row found. Tables of one template list their rows in the same order, a unit's leaving
    /// out some: a walk over one table's rows finds another's mostly without hashing.
    /// </summary>
    public StatedRow? FindNext(string key, ref int cursor)
    {
        if (Unique && (uint)cursor < (uint)_rows.Count && string.Equals(_rows[cursor].Key, key, StringComparison.Ordinal))
        {
            return _rows[cursor++];
        }

        var place = SlotOf(key).Place;
        if (place < 0)
        {
            return null;
        }

        cursor = place + 1;
        return _rows[place];
    }

    /// <summary>The place of the first row with <paramref name="key"/> in the table's rows, or -1.</summary>
    public int PlaceOf(string key) => SlotOf(key).Place;

    private int Length => _narrow?.Length ?? _wide!.Length;

    private int Get(int at) => _narrow is not null ? _narrow[at] : _wide![at];

    private void Set(int at, int value)
    {
        if (_narrow is not null)
        {
            _narrow[at] = (ushort)value;
        }
        else
        {
            _wide![at] = value;
        }
    }

    // The place of the row of key and its slot, or -1 and the empty slot where it would go.
    private (int Place, int At) SlotOf(string key)
    {
        var mask = Length - 1;
        for (var i = key.GetHashCode() & mask; ; i = (i + 1) & mask)
        {
            var entry = Get(i) - 1;
            if (entry < 0 || string.Equals(_rows[entry].Key, key, StringComparison.Ordinal))
            {
                return (entry, i);
            }
        }
    }
}
