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
    public const string Id = RuleIds.TRowsShifted;

    public static Rule Rule() => new DelegateRule(Id, "表中数值没有自某行起相对行标题错位", Check);

    private static IEnumerable<Finding> Check(AuditContext c)
    {
        foreach (var table in c.Year.Tables)
        {
            if (TemplateLibrary.Definitions.GetValueOrDefault(table.Definition) is not { } any)
            {
                continue;
            }

            if (any.RowKind is not (RowKind.Functional or RowKind.Economic))
            {
                // A table of fixed rows that lists the 类 by code (04's expense side) has one sum only; the other tables
                // that state the same 类 are its evidence.
                if (AgainstOthers(c, table, any) is { } across)
                {
                    yield return across;
                }

                continue;
            }

            var definition = any;

            // Screened with loops and few arrays: every coded table of every audit comes through here.
            var rows = CodedRows(table);
            if (rows.Length < 4 || TableRules.ListedColumns(definition, rows, printed: true) is not { Length: > 0 } columns)
            {
                continue;
            }

            // Two broken relations at least (a relation in two columns counts twice, as before links were evidence); with
            // broken links, one broken sum only with a broken link among its own items (a 302 slip and a 30110 booking
            // difference are two defects, not a shift — and the search for one is the rule's cost); a shift that loses a zero
            // breaks no sum, only links.
            var relations = Relations(rows, Anchors(c, table, rows, columns));
            // Screened on the rows as stated (most tables break nothing); copied into arrays only to try repairs.
            var broken = Evaluate(relations, new AsStated(rows, columns), null, withChecked: false).Broken;
            if (broken.Count < 2)
            {
                continue;
            }

            var sums = broken.Where(b => relations[b.Item1].Expected is null).Select(b => b.Item1).Distinct().ToArray();
            var links = broken.Where(b => relations[b.Item1].Expected is not null).Select(b => relations[b.Item1].Total).ToArray();
            if (links.Length > 0 && sums.Length == 1 && !links.Any(relations[sums[0]].Items.Contains))
            {
                continue;
            }

            var printed = rows.Select(r => columns.Select(col => r.Cell(col)?.Value).ToArray()).ToArray();
            var heads = rows.Select(r => r.Key.Length == 3 && Digits.Only(r.Key)).ToArray();
            if (Columns(rows).Select(sequence => Repair(relations, printed, broken, sequence, heads)).FirstOrDefault(x => x is not null) is { } shift)
            {
                yield return Said(c, table, rows[shift.From], shift.Up, "表内类、款、项的合计关系全部成立");
            }
            else if (AgainstOthers(c, table, definition) is { } across)
            {
                yield return across;
            }
        }
    }

    // The rows a sum can run through: 合计 and the codes of a 类, 款 or 项.
    private static StatedRow[] CodedRows(StatedTable table)
    {
        static bool Coded(StatedRow r) => r.Key == FactIndex.TotalRowKey || (Digits.Only(r.Key) && r.Key.Length is 3 or 5 or 7);
        var count = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            count += Coded(table.Rows[r]) ? 1 : 0;
        }

        var rows = new StatedRow[count];
        count = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (Coded(table.Rows[r]))
            {
                rows[count++] = table.Rows[r];
            }
        }

        return rows;
    }

    private static Finding Said(AuditContext c, StatedTable table, StatedRow from, bool up, string because)
    {
        var name = c.TableName(table.Definition);
        var label = $"{(from.Key == FactIndex.TotalRowKey ? "合计" : from.Key)} {from.Label}".Trim();
        return new Finding
        {
            Rule = Id, Severity = Severity.Error, Table = table.Definition, Location = $"{name} {label}",
            Message = $"{name} 自「{label}」行起数值相对行标题错位一行（数值{(up ? "上移" : "下移")}）：把这些数值{(up ? "逐行下移" : "逐行上移")}一行后，{because}。请按决算报表核对该表，而不是逐个改数。",
            Actual = from.Label, LikelyWrong = $"{name}（数值错位）",
        };
    }

    /// <summary>
    /// A table whose coded rows, from some row on, each print what the other tables (and the narrative) state for the
    /// next row's code (or the one before) or nothing where that row has nothing, while its rows above agree with them and
    /// its own total no longer adds up: the figures slid against the labels here, not elsewhere. At least one row shows its
    /// neighbour's figures and two rows disagree with their own; several moved rows must not all print the same figures
    /// (a coincidence of neighbours proves nothing).
    /// </summary>
    private static Finding? AgainstOthers(AuditContext c, StatedTable table, TableDefinition definition)
    {
        var coded = table.Rows.Where(r => r.Key.Length is 3 or 5 or 7 && Digits.Only(r.Key)).ToArray();
        if (coded.Length < 4 || !OwnSumBroken(table, definition, coded))
        {
            return null;
        }

        foreach (var column in Columns(coded))
        {
            var rows = column.Select(i => coded[i]).ToArray();
            // Per row and column: what this table prints and what the others state for that row's fact.
            var own = rows.Select(r => definition.Columns.Select(col => r.Cell(col.Key)?.Value).ToArray()).ToArray();
            var others = rows.Select(r => definition.Columns.Select(col => Reference(c, table, definition, r, col)).ToArray()).ToArray();
            // Only columns this table prints for its coded rows and some other place states are evidence; a row missing
            // from them there is blank there.
            var covered = Enumerable.Range(0, definition.Columns.Count).Where(col => own.Any(o => o[col] is not null) && others.Any(o => o[col] is not null)).ToArray();
            own = own.Select(o => covered.Select(col => o[col]).ToArray()).ToArray();
            others = others.Select(o => covered.Select(col => o[col]).ToArray()).ToArray();
            if (covered.Length == 0)
            {
                continue;
            }

            foreach (var up in new[] { true, false })
            {
                var mine = Enumerable.Range(0, rows.Length).Select(i => Agrees(own[i], others[i], table.Unit)).ToArray();
                var next = Enumerable.Range(0, rows.Length).Select(i => Agrees(own[i], up ? (i + 1 < rows.Length ? others[i + 1] : null) : (i > 0 ? others[i - 1] : null), table.Unit)).ToArray();
                // The run starts at the first row that disagrees with its own label; above it every row agrees (or is
                // blank), and in it every row shows its neighbour's figures (or blanks where the neighbour has none).
                var first = Array.IndexOf(mine, Agreement.No);
                if (first < 0)
                {
                    continue;
                }

                var inRun = Enumerable.Range(first, rows.Length - first).All(i => next[i] != Agreement.No);
                var moved = Enumerable.Range(first, rows.Length - first).Where(i => next[i] == Agreement.Yes && mine[i] == Agreement.No).ToArray();
                var wrong = Enumerable.Range(first, rows.Length - first).Count(i => mine[i] == Agreement.No);
                var distinct = moved.Select(i => string.Join("|", own[i].Select(v => v?.ToString()))).Distinct(StringComparer.Ordinal).Count();
                if (inRun && moved.Length >= 1 && wrong >= 2 && (moved.Length == 1 || distinct >= 2))
                {
                    return Said(c, table, rows[first], up, "各行与其他表所列同一科目的数值一致");
                }
            }
        }

        return null;
    }

    private enum Agreement
    {
        /// <summary>Both blank or zero throughout: consistent, but no evidence.</summary>
        Blank,

        /// <summary>Figures that agree.</summary>
        Yes,

        /// <summary>Figures that do not.</summary>
        No,
    }

    // Whether a row's printed figures agree with what is stated elsewhere for a row (its own, or a neighbour's). Beyond
    // the last coded row comes a total or the end, which tells nothing.
    private static Agreement Agrees(Printed?[] own, Amount?[]? reference, MoneyUnit unit)
    {
        if (reference is null)
        {
            return Agreement.Blank;
        }

        var any = false;
        for (var col = 0; col < own.Length; col++)
        {
            var printed = own[col] is { Value: not 0m } p ? p : (Printed?)null;
            var stated = reference?[col] is { Value: not 0m } a ? a : (Amount?)null;
            if (printed is null && stated is null)
            {
                continue;
            }

            if (printed is null || stated is null || !Consistency.Check(printed.Value, stated.Value.In(unit)).Holds)
            {
                return Agreement.No;
            }

            any = true;
        }

        return any ? Agreement.Yes : Agreement.Blank;
    }

    // What the other tables and the narrative state for the fact of a cell, when they state it alike; null otherwise.
    private static Amount? Reference(AuditContext c, StatedTable table, TableDefinition definition, StatedRow row, ColumnDefinition column)
    {
        if (FactIndex.KeyOf(definition, row, column) is not { } key)
        {
            return null;
        }

        var elsewhere = c.Facts.Find(key).Where(a => a.Table != table.Definition).Select(a => a.Amount).ToArray();
        return elsewhere.Length > 0 && elsewhere.All(a => Consistency.Check(a.In(MoneyUnit.WanYuan), elsewhere[0].In(MoneyUnit.WanYuan)).Holds) ? elsewhere[0] : null;
    }

    // A shifted column loses one row's figures and leaves a row blank: its total (合计 or 本年支出合计) no longer adds up.
    private static bool OwnSumBroken(StatedTable table, TableDefinition definition, StatedRow[] coded)
    {
        var total = table.Rows.FirstOrDefault(r => r.Key is FactIndex.TotalRowKey or "expense.total");
        var classes = coded.Where(r => r.Key.Length == 3).ToArray();
        if (total is null || classes.Length == 0)
        {
            // No sum of its own to break: no evidence that the figures slid here rather than elsewhere.
            return false;
        }

        return definition.Columns.Any(col => total.Cell(col.Key)?.Value is { } stated
            && !Consistency.Check(stated, Estimate.Sum(classes.Select(r => r.Cell(col.Key)?.Value is { } v ? v.ToEstimate() : Estimate.Zero))).Holds);
    }

    private sealed record Shift(int From, bool Up);

    // The printed columns of rows: a two- or three-column economic table (工资福利 | 商品和服务 | 资本性) prints several
    // rows on one line, and figures slide within one printed column. A row's place on its line gives its column; a 款
    // stays in the column of its 类 (a line whose first column has ended puts its first row at place 0). A table read
    // one row a line is one column.
    private static IEnumerable<int[]> Columns(StatedRow[] rows)
    {
        if (rows.All(r => r.Source?.Line is null))
        {
            return Chains(rows);
        }


        var column = new int[rows.Length];
        var ofClass = new Dictionary<string, int>(StringComparer.Ordinal);
        var place = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var sameLine = i > 0 && rows[i].Source is { Line: not null } here && rows[i - 1].Source is { } before && before.Line == here.Line && before.Page == here.Page;
            place = sameLine ? place + 1 : 0;
            var @class = rows[i].Key.Length >= 3 && rows[i].Key != FactIndex.TotalRowKey ? rows[i].Key[..3] : rows[i].Key;
            column[i] = ofClass.TryGetValue(@class, out var known) ? known : ofClass[@class] = place;
        }

        return column.Distinct().Order().Select(p => Enumerable.Range(0, rows.Length).Where(i => column[i] == p).ToArray()).Where(c => c.Length >= 3);
    }

    // Printed columns told from the order of the rows alone (a PDF's rows carry no line): the rows of a two-column page
    // interleave two 类 (301, 302, 30101, 30201, …). A 类 appearing for the first time continues the column of a 类
    // that has ended — none of its rows follows — or, with none ended, opens a column of its own. When two have ended
    // (「30199 | 30299」 then 303 alone, or 310 alone), the order cannot tell left from right: each way is a candidate.
    private static IEnumerable<int[]> Chains(StatedRow[] rows)
    {
        static string ClassOf(StatedRow r) => r.Key.Length >= 3 && r.Key != FactIndex.TotalRowKey ? r.Key[..3] : r.Key;
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Length; i++)
        {
            last[ClassOf(rows[i])] = i;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<int[]>();
        var branches = 0;
        void Walk(int i, List<List<int>> chains, Dictionary<string, int> chainOf)
        {
            for (; i < rows.Length; i++)
            {
                var @class = ClassOf(rows[i]);
                if (!chainOf.ContainsKey(@class))
                {
                    var ended = Enumerable.Range(0, chains.Count).Where(k => last[ClassOf(rows[chains[k][^1]])] < i).ToArray();
                    if (ended.Length == 0)
                    {
                        chainOf[@class] = chains.Count;
                        chains.Add([]);
                    }
                    else
                    {
                        // Every ended column but the first is tried on a copy (at most a few ways in all).
                        // At most eight other ways in the whole search.
                        foreach (var other in ended.Skip(1))
                        {
                            if (++branches > 8)
                            {
                                break;
                            }

                            var copy = chains.Select(c => c.ToList()).ToList();
                            var copyOf = new Dictionary<string, int>(chainOf, StringComparer.Ordinal) { [@class] = other };
                            copy[other].Add(i);
                            Walk(i + 1, copy, copyOf);
                        }

                        chainOf[@class] = ended[0];
                    }
                }

                chains[chainOf[@class]].Add(i);
            }

            foreach (var chain in chains.Where(c => c.Count >= 3 && found.Add(string.Join(",", c))))
            {
                results.Add([.. chain]);
            }
        }

        Walk(0, [], new Dictionary<string, int>(StringComparer.Ordinal));
        return results;
    }

    // The row from which moving the figures back by one row within a printed column, in either direction, leaves no
    // relation broken and mends at least two that were — a repair that merely skips the broken relations (through the
    // row whose figures it drops) proves nothing. The figures alone can leave a few neighbouring rows equally possible
    // (a 款 with one 项 reads the same shifted from either): the middle one of that run is reported.
    private static Shift? Repair(IReadOnlyList<Relation> relations, Printed?[][] printed, HashSet<(int, int)> before, int[] column, bool[] heads)
    {
        var width = printed[0].Length;
        foreach (var up in new[] { true, false })
        {
            var valid = new List<(int Row, int Mended)>();
            for (var k = 0; k < column.Length - 2; k++)
            {
                // Figures moved up (row j shows row j+1's): row j's own are shown one row above; row k's are lost.
                // Figures moved down (row j shows row j−1's): row j's own are shown one row below; the last row's are lost.
                var repaired = (Printed?[]?[])printed.Clone();
                for (var j = k; j < column.Length; j++)
                {
                    repaired[column[j]] = up ? (j == k ? null : printed[column[j - 1]]) : (j + 1 < column.Length ? printed[column[j + 1]] : null);
                }

                var moved = Enumerable.Range(k, column.Length - k).Count(j => repaired[column[j]] is { } r && !r.SequenceEqual(printed[column[j]]));
                var after = Evaluate(relations, new Copied(repaired, width), up ? column[k] : column[^1]);
                // A sum that stays broken away from the moved figures is another defect of the table, not a reason to doubt the shift.
                var touched = column[k..].ToHashSet();
                // An anchor broken before as after is a difference of bookings the document has anyway (30110 against
                // 2101101 + 2101102 where 2101101 also pays 30111), no evidence either way.
                var stillBroken = after.Broken.Count(b => relations[b.Item1].Total is var head && (touched.Contains(head) || relations[b.Item1].Items.Any(touched.Contains))
                    && !(relations[b.Item1].Expected is not null && before.Contains(b)));
                var unknown = up ? column[k] : column[^1];
                var dropped = printed[up ? column[^1] : column[k]];
                // The figure left over may be the column's own total (Σ of its 类: 公用经费合计 under 302 and 310), which
                // the shift carried up from the total row printed under the column.
                Estimate HeadsSum(int col) => Estimate.Sum(column.Where(i => heads[i]).Select(i => repaired[i]?[col] is { } v ? v.ToEstimate() : Estimate.Zero));
                var columnTotal = dropped.Any(d => d is { Value: not 0m })
                    && dropped.Select((d, col) => d is not { Value: not 0m } figure || Consistency.Check(figure, HeadsSum(col)).Holds).All(x => x);
                if (columnTotal)
                {
                    dropped = [];
                }

                if (stillBroken == 0 && moved >= 2 && Mended(relations, before, after, unknown, dropped) is var mended and > 0)
                {
                    valid.Add((column[k], mended));
                }
            }

            // The rows whose repair mends the most sums; of those, the middle one.
            var best = valid.Where(v => v.Mended == valid.Max(x => x.Mended)).Select(v => v.Row).ToList();
            if (best.Count > 0)
            {
                return new Shift(best[best.Count / 2], up);
            }
        }

        return null;
    }

    // The count of broken sums the repair mends when that is evidence enough, else 0: two; or one, when another broken
    // sum runs through the row whose own figures the shift lost (so it cannot be checked) and the figure the repair
    // leaves over is blank or zero, as the end of a shifted column is — a repair that throws away a printed figure
    // would otherwise "mend" any single typo.
    private static int Mended(IReadOnlyList<Relation> relations, HashSet<(int, int)> before, (HashSet<(int, int)> Broken, HashSet<(int, int)>? Checked) after, int unknown, Printed?[] dropped)
    {
        var mended = before.Count(b => after.Checked!.Contains(b) && !after.Broken.Contains(b));
        if (mended >= 2)
        {
            return mended;
        }

        var throughLost = before.Any(b => relations[b.Item1].Total == unknown || relations[b.Item1].Items.Contains(unknown));
        var nothingDropped = dropped.All(d => d is null || d.Value.Value == 0m);
        return mended == 1 && throughLost && nothingDropped ? mended : 0;
    }

    /// <summary>
    /// Figures another table states for rows of this one, which stay with their labels as the sums' codes do: table 05's
    /// 基本支出 of 2210201 for 06's 30113 住房公积金, and the other functional ↔ economic links. A shifted column of 06
    /// breaks them as it breaks the 类 sums (a two-column 06 breaks few sums: the column runs on into the next 类).
    /// </summary>
    private static IReadOnlyList<(int Row, int Column, Estimate Expected)> Anchors(AuditContext c, StatedTable table, StatedRow[] rows, string[] columns)
    {
        var amount = Array.IndexOf(columns, "amount");
        if (table.Definition != TableIds.GpbBasicEconomic || amount < 0 || c.Table(TableIds.GpbExpenditure) is not { } t05)
        {
            return [];
        }

        var anchors = new List<(int, int, Estimate)>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (CrossTableRules.EconomicReference(t05, rows[i].Key) is { } expected)
            {
                anchors.Add((i, amount, expected));
            }
        }

        return anchors;
    }

    // The table's own sums, built once: 合计 = Σ类, 类 = Σ款, 款 = Σ项 (by the rows' codes, which stay with their labels);
    // then each anchor, a relation of its row alone to the figure stated elsewhere.
    private static Relation[] Relations(StatedRow[] rows, IReadOnlyList<(int Row, int Column, Estimate Expected)> anchors)
    {
        // Each code's parent: the first row of the code less its last two digits.
        var parentOf = TableRules.ParentPlaces(new Keys(rows));
        var childCount = new int[rows.Length];
        var (classes, parents) = (0, 0);
        for (var i = 0; i < rows.Length; i++)
        {
            classes += rows[i].Key.Length == 3 && Digits.Only(rows[i].Key) ? 1 : 0;
            if (parentOf[i] >= 0)
            {
                parents += childCount[parentOf[i]]++ == 0 ? 1 : 0;
            }
        }

        var total = Array.FindIndex(rows, r => r.Key == FactIndex.TotalRowKey);
        var relations = new Relation[(total >= 0 && classes > 0 ? 1 : 0) + parents + anchors.Count];
        var made = 0;
        if (total >= 0 && classes > 0)
        {
            var items = new int[classes];
            for (int i = 0, k = 0; k < classes; i++)
            {
                if (rows[i].Key.Length == 3 && Digits.Only(rows[i].Key))
                {
                    items[k++] = i;
                }
            }

            relations[made++] = new Relation(total, items);
        }

        // In the rows' order, as before: a relation's place decides nothing, but findings stay stable.
        for (var parent = 0; parent < rows.Length; parent++)
        {
            if (childCount[parent] > 0)
            {
                var items = new int[childCount[parent]];
                for (int i = 0, k = 0; k < items.Length; i++)
                {
                    if (parentOf[i] == parent)
                    {
                        items[k++] = i;
                    }
                }

                relations[made++] = new Relation(parent, items);
            }
        }

        foreach (var a in anchors)
        {
            relations[made++] = new Relation(a.Row, [], a.Column, a.Expected);
        }

        return relations;
    }

    // The rows' keys as a list, without copying them.
    private sealed class Keys(StatedRow[] rows) : IReadOnlyList<string>
    {
        public int Count => rows.Length;

        public string this[int index] => rows[index].Key;

        public IEnumerator<string> GetEnumerator()
        {
            foreach (var row in rows)
            {
                yield return row.Key;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A sum (Total = Σ Items, every column) or an anchor (one column of Total equals Expected).</summary>
    private sealed record Relation(int Total, int[] Items, int Column = -1, Estimate? Expected = null);

    // Which relations (relation, column) are checked on these figures and which of them break; those through an unknown row
    // are skipped. Without withChecked only the broken ones are collected (most tables break none, and every relation of
    // every coded table is checked on every audit).
    private static (HashSet<(int, int)> Broken, HashSet<(int, int)>? Checked) Evaluate<TFigures>(IReadOnlyList<Relation> relations, TFigures values, int? unknown, bool withChecked = true)
        where TFigures : IFigures
    {
        var broken = new HashSet<(int, int)>();
        var checkedOnes = withChecked ? new HashSet<(int, int)>() : null;
        for (var r = 0; r < relations.Count; r++)
        {
            var (head, items, column, expected) = relations[r];
            if (expected is { } elsewhere && head != unknown)
            {
                // An anchor: the row's figure against the other table's, a blank row read as zero (blank there too is no evidence).
                var own = values.Has(head) ? values.At(head, column) : null;
                if (own is null && elsewhere.Value == 0m)
                {
                    continue;
                }

                checkedOnes?.Add((r, column));
                if (!Consistency.Check(own?.ToEstimate() ?? Estimate.Zero, elsewhere).Holds)
                {
                    broken.Add((r, column));
                }

                continue;
            }

            if (expected is not null || head == unknown || Array.IndexOf(items, unknown ?? -1) >= 0 || !values.Has(head) || !AllHave(values, items))
            {
                continue;
            }

            // Loops, not queries: this runs for every relation and column of every coded table on every audit.
            for (var col = 0; col < values.Columns; col++)
            {
                // A blank total over items that print figures is broken as well (a shift can empty a 类 row).
                var itemsPrint = false;
                var sum = Estimate.Zero;
                foreach (var i in items)
                {
                    if (values.At(i, col) is { Value: not 0m } v)
                    {
                        itemsPrint = true;
                        sum += v.ToEstimate();
                    }
                }

                var total = values.At(head, col);
                if (total is null && !itemsPrint)
                {
                    continue;
                }

                checkedOnes?.Add((r, col));
                if (total is not { } printed || !Consistency.Check(printed, sum).Holds)
                {
                    broken.Add((r, col));
                }
            }
        }

        return (broken, checkedOnes);
    }

    private static bool AllHave<TFigures>(TFigures values, int[] items)
        where TFigures : IFigures
    {
        foreach (var i in items)
        {
            if (!values.Has(i))
            {
                return false;
            }
        }

        return true;
    }

    // The figures Evaluate reads, by row and column: the rows as stated, or a copy a repair moved rows in (where a row whose
    // figures were lost has none).
    private interface IFigures
    {
        int Columns { get; }

        bool Has(int row);

        Printed? At(int row, int column);
    }

    private readonly struct AsStated(StatedRow[] rows, string[] columns) : IFigures
    {
        public int Columns => columns.Length;

        public bool Has(int row) => true;

        public Printed? At(int row, int column) => rows[row].Cell(columns[column])?.Value;
    }

    private readonly struct Copied(Printed?[]?[] values, int columns) : IFigures
    {
        public int Columns => columns;

        public bool Has(int row) => values[row] is not null;

        public Printed? At(int row, int column) => values[row]![column];
    }
}
