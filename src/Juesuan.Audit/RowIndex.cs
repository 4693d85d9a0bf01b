using System.Numerics;
using Juesuan.Domain.Model;

namespace Juesuan.Audit;

/// <summary>
/// The rows of one stated table by key, the first row of each key: open addressing over the rows themselves. An audit
/// looks rows up by key in every table it reads (30 tables for a department with three units); a dictionary per table
/// was ≈ 28 bytes a row and an entry array grown for it, this is 11–21 bytes a row.
/// </summary>
internal sealed class RowIndex
{
    private readonly StatedRow?[] _slots;

    public RowIndex(IReadOnlyList<StatedRow> rows)
    {
        // Three quarters full at most (half full on average), so a probe ends after a step or two.
        _slots = new StatedRow?[BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, (rows.Count * 4 / 3) + 1))];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            ref var slot = ref SlotOf(row.Key);
            slot ??= row;
        }
    }

    /// <summary>The first row with <paramref name="key"/>, or null.</summary>
    public StatedRow? Find(string key) => SlotOf(key);

    // The slot holding the row of key, or the empty slot where it would go.
    private ref StatedRow? SlotOf(string key)
    {
        var mask = _slots.Length - 1;
        for (var i = key.GetHashCode() & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot is null || string.Equals(slot.Key, key, StringComparison.Ordinal))
            {
                return ref slot;
            }
        }
    }
}
