using Juesuan.Domain.Model;

namespace Juesuan.Audit.Tests;

/// <summary>
/// The audit's rows by key (<see cref="RowIndex"/>) must answer as the dictionary it replaced did: the first row of each
/// key, null for a key no row has, for tables of every size (the larger ones with many collisions).
/// </summary>
public class RowIndexTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(50000)] // 66,667 rows: places past two bytes
    public void Every_key_finds_its_first_row_and_no_other(int count)
    {
        // Keys as tables have them (codes, 合计, fixed rows), every third one printed twice.
        var rows = Enumerable.Range(0, count).SelectMany(i => Rows(i)).ToArray();
        var oracle = new Dictionary<string, StatedRow>();
        foreach (var row in rows)
        {
            oracle.TryAdd(row.Key, row);
        }

        var index = new RowIndex(rows);
        foreach (var (key, row) in oracle)
        {
            Assert.Same(row, index.Find(key));
            Assert.Equal(Array.FindIndex(rows, r => r.Key == key), index.PlaceOf(key));
        }

        foreach (var missing in new[] { "", "999", "2101501x", "total ", "合计" })
        {
            Assert.Null(index.Find(missing));
            Assert.Equal(-1, index.PlaceOf(missing));
        }
    }

    [Theory]
    [InlineData(65_534)] // the last count kept in two bytes
    [InlineData(65_535)] // the first kept in four
    [InlineData(65_536)] // the first whose places + 1 would not fit two bytes
    public void Places_fit_their_slots_on_either_side_of_two_bytes(int count)
    {
        var rows = Enumerable.Range(0, count).Select(i => new StatedRow { Key = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
        var index = new RowIndex(rows);
        foreach (var at in new[] { 0, 1, count / 2, count - 2, count - 1 })
        {
            Assert.Same(rows[at], index.Find(rows[at].Key));
            Assert.Equal(at, index.PlaceOf(rows[at].Key));
        }

        Assert.Equal(-1, index.PlaceOf(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_walk_alongside_another_table_finds_what_a_lookup_finds(bool twice)
    {
        // Keys asked in another table's order (most present, in order; some missing; some out of order; some again): FindNext with
        // its cursor answers as Find, in a table with keys printed twice (not Unique) or without.
        var random = new Random(twice ? 7 : 11);
        var rows = Enumerable.Range(0, 300).SelectMany(i => Rows(i).Take(twice ? 2 : 1)).ToArray();
        var index = new RowIndex(rows);
        Assert.Equal(!twice, index.Unique);
        // Some keys asked twice running: in a table printing it twice, the cursor then stands at its second printing.
        var asked = rows.Select(r => r.Key).Distinct().Where(_ => random.NextDouble() < 0.8).SelectMany(k => random.NextDouble() < 0.3 ? new[] { k, k } : [k]).ToList();
        for (var i = 0; i < 40; i++)
        {
            asked.Insert(random.Next(asked.Count + 1), random.NextDouble() < 0.5 ? "missing" + i : rows[random.Next(rows.Length)].Key);
        }

        var cursor = 0;
        foreach (var key in asked)
        {
            Assert.Same(index.Find(key), index.FindNext(key, ref cursor));
        }
    }

    private static IEnumerable<StatedRow> Rows(int i)
    {
        var key = i == 0 ? "total" : (2010000 + (i * 7)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return new StatedRow { Key = key, Label = $"第 {i} 行" };
        if (i % 3 == 1)
        {
            yield return new StatedRow { Key = key, Label = $"第 {i} 行又一次" };
        }
    }
}
