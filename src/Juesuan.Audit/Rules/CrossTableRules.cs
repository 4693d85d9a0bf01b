using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Audit.Rules;

/// <summary>
/// Relations across tables (表间关系) that are not the same fact stated twice (those are the fact rule's): sums across
/// tables, the functional ↔ economic links, 09 against 06, empty tables against 04, units against the department.
/// </summary>
internal static class CrossTableRules
{
    private static readonly (string[] Functional, string Economic, string Name)[] EconomicLinks =
    [
        (["2080505"], "30108", "机关事业单位基本养老保险缴费"),
        (["2080506"], "30109", "职业年金缴费"),
        (["2101101", "2101102"], "30110", "职工基本医疗保险缴费"),
        (["2101103"], "30111", "公务员医疗补助缴费"),
        (["2210201"], "30113", "住房公积金"),
    ];

    public static IEnumerable<Rule> All()
    {
        yield return Both(RuleIds.X0102FiscalIncome, "收入支出决算总表三项财政拨款收入之和等于收入决算表的财政拨款收入",
            TableIds.IncomeExpenditureSummary, TableIds.Income, (c, t01, t02) =>
                One(c.Sum(RuleIds.X0102FiscalIncome, c.Cell(t02, FactIndex.TotalRowKey, "fiscal"),
                    new[] { "income.general", "income.fund", "income.soe" }.Select(r => c.Cell(t01, r, "amount")).ToArray(),
                    "收入决算表财政拨款收入 = 收入支出决算总表一、二、三项之和", TableIds.Income)));

        yield return Both(RuleIds.X0506Basic, "一般公共预算基本支出等于人员经费与公用经费之和", TableIds.GpbExpenditure, TableIds.GpbBasicEconomic, (c, t05, t06) =>
            One(c.Sum(RuleIds.X0506Basic, c.Cell(t05, FactIndex.TotalRowKey, "basic"), [c.Cell(t06, "personnel.total", "amount"), c.Cell(t06, "public.total", "amount")],
                "一般公共预算财政拨款基本支出 = 人员经费合计 + 公用经费合计", TableIds.GpbBasicEconomic)));

        yield return Both(RuleIds.X0506Economic, "功能分类基本支出与对应的经济分类科目一致（社保、医保、公积金）", TableIds.GpbExpenditure, TableIds.GpbBasicEconomic, EconomicLinkFindings);

        yield return Both(RuleIds.X0906ThreePublic, "“三公”经费决算不小于基本支出明细表中对应的经济分类科目", TableIds.GpbBasicEconomic, ThreePublicTable(), ThreePublicFindings);
        yield return new DelegateRule(RuleIds.X0906ThreePublicMt, "会议费、培训费决算不小于基本支出明细表中的会议费、培训费", c =>
            c.Table(TableIds.ThreePublicMeetingTraining) is { } t09 && c.Table(TableIds.GpbBasicEconomic) is { } t06
                ? new[] { ("meeting", "30215"), ("training", "30216") }.Select(x => AtLeast(c, RuleIds.X0906ThreePublicMt, c.Cell(t09, "actual", x.Item1), c.Cell(t06, x.Item2, "amount"), TableIds.ThreePublicMeetingTraining)).OfType<Finding>()
                : []);

        yield return Both(RuleIds.X0305Within, "一般公共预算财政拨款支出不超过全部资金的支出", TableIds.Expenditure, TableIds.GpbExpenditure, (c, t03, t05) =>
            WithinFindings(c, t03, t05));

        yield return new DelegateRule(RuleIds.X04EmptyFunds, "空的政府性基金、国有资本经营表与财政拨款总表的对应栏为零", EmptyFundFindings);
        yield return new DelegateRule(RuleIds.XConsolidation, "部门各表等于各单位表的汇总", ConsolidationFindings);
    }

    private static string ThreePublicTable() => TableIds.ThreePublic;

    private static Rule Both(string id, string title, string a, string b, Func<AuditContext, StatedTable, StatedTable, IEnumerable<Finding>> check) =>
        new DelegateRule(id, title, c =>
        {
            var ta = c.Table(a);
            var tb = c.Table(b);
            if (b == TableIds.ThreePublic)
            {
                tb ??= c.Table(TableIds.ThreePublicMeetingTraining);
            }

            if (c.Year.Tables.Count == 0)
            {
                // No table read at all: C.TABLES says so once.
                return [];
            }

            if (c.Template.Table(a) is null || (c.Template.Table(b) ?? (b == TableIds.ThreePublic ? c.Template.Table(TableIds.ThreePublicMeetingTraining) : null)) is null)
            {
                // A relation between tables the template does not have (the university's four tables) does not apply.
                return [];
            }

            if (ta is null || tb is null)
            {
                var missing = string.Join("、", new[] { (ta, a), (tb, b) }.Where(x => x.Item1 is null).Select(x => c.TableName(x.Item2)));
                return [AuditContext.NotChecked(id, $"缺少{missing}", b)];
            }

            return check(c, ta, tb);
        });

    private static IEnumerable<Finding> One(Finding? f) => f is null ? [] : [f];

    /// <summary>
    /// What table 05 states, by function, for an economic 款 of table 06 that corresponds to functional 项 (住房公积金 ↔
    /// 2210201…): the sum of their 基本支出, or null where the 款 has no such link or 05 prints none of them.
    /// </summary>
    internal static Estimate? EconomicReference(StatedTable t05, string economic)
    {
        foreach (var (functional, code, _) in EconomicLinks)
        {
            if (code == economic)
            {
                // A loop: T.ROWS_SHIFTED asks this of every row of 06.
                var (any, sum) = (false, Estimate.Zero);
                foreach (var f in functional)
                {
                    if (t05.Row(f)?.Cell("basic")?.Value is { } p)
                    {
                        (any, sum) = (true, sum + p.ToEstimate());
                    }
                }

                return any ? sum : null;
            }
        }

        return null;
    }

    private static IEnumerable<Finding> EconomicLinkFindings(AuditContext c, StatedTable t05, StatedTable t06)
    {
        foreach (var (functional, economic, name) in EconomicLinks)
        {
            var items = functional.Select(code => c.Cell(t05, code, "basic")).ToArray();
            var target = c.Cell(t06, economic, "amount");
            if (!target.IsNonZero && items.All(i => !i.IsNonZero))
            {
                continue;
            }

            if (c.Sum(RuleIds.X0506Economic, target, items, $"经济分类 {economic} {name} = 功能分类 {string.Join(" + ", functional)} 的基本支出", TableIds.GpbBasicEconomic) is { Severity: Severity.Error } f)
            {
                // The bases can legitimately differ (a contribution booked under another 项): a warning, not an error.
                yield return f with { Severity = Severity.Warning, Message = f.Message + "两者口径通常一致，请核对科目归属。" };
            }
        }
    }

    private static IEnumerable<Finding> ThreePublicFindings(AuditContext c, StatedTable t06, StatedTable t09) =>
        new[] { ("abroad", "30212"), ("reception", "30217"), ("vehicleOperation", "30231") }
            .Select(x => AtLeast(c, RuleIds.X0906ThreePublic, c.Cell(t09, "actual", x.Item1), c.Cell(t06, x.Item2, "amount"), t09.Definition))
            .OfType<Finding>();

    private static readonly string[] ExpenditureColumns = ["total", "basic", "project"];

    // Each row and column of 05 at most what 03 states there. Most hold: compared on the cells' values, with figures made
    // only for the few that do not (two for every cell of 05 were ≈ 2 % of an audit's allocations).
    private static List<Finding> WithinFindings(AuditContext c, StatedTable t03, StatedTable t05)
    {
        var findings = new List<Finding>();
        foreach (var row in t05.Rows)
        {
            foreach (var column in ExpenditureColumns)
            {
                if (c.ValueAt(t05, row.Key, column).Range.Lo > c.ValueAt(t03, row.Key, column).Range.Hi
                    && AtLeast(c, RuleIds.X0305Within, c.Cell(t03, row.Key, column), c.Cell(t05, row.Key, column), TableIds.GpbExpenditure, Severity.Warning) is { } finding)
                {
                    findings.Add(finding);
                }
            }
        }

        return findings;
    }

    /// <summary>larger ≥ smaller on intervals: an error (or <paramref name="severity"/>) only when no rounding allows it.</summary>
    private static Finding? AtLeast(AuditContext c, string rule, Figure larger, Figure smaller, string table, Severity severity = Severity.Error)
    {
        var gap = smaller.Value.Range.Lo - larger.Value.Range.Hi;
        if (gap <= 0m)
        {
            return null;
        }

        return new Finding
        {
            Rule = rule, Severity = severity, Table = table, Location = larger.Location,
            Message = $"{larger.Location} 为 {larger.Display}，小于 {smaller.Location} 的 {smaller.Display}；前者口径包含后者，不应更小（差 {AuditContext.Format(smaller.Value.Value - larger.Value.Value)}）。",
            Expected = $"≥ {smaller.Display}", Actual = larger.Display, Difference = AuditContext.Format(larger.Value.Value - smaller.Value.Value),
            Figures = [new(larger.Display, larger.Location), new(smaller.Display, smaller.Location)],
        };
    }

    private static IEnumerable<Finding> EmptyFundFindings(AuditContext c)
    {
        if (c.Table(TableIds.FiscalSummary) is not { } t04)
        {
            yield break;
        }

        foreach (var (column, table, name) in new[] { ("fund", TableIds.GovFund, "政府性基金预算财政拨款"), ("soe", TableIds.SoeExpenditure, "国有资本经营预算财政拨款"), ("soe", TableIds.SoeIncomeExpenditure, "国有资本经营预算财政拨款") })
        {
            if (c.Template.Table(table) is null)
            {
                continue;
            }

            var figure = c.Cell(t04, "expense.total", column);
            var income = c.Cell(t04, "income." + column, "amount");
            var stated = c.Table(table);
            if ((figure.IsNonZero || income.IsNonZero) && (stated is null || stated.HasNoData))
            {
                yield return new Finding
                {
                    Rule = RuleIds.X04EmptyFunds, Severity = Severity.Error, Table = table, Location = figure.Location,
                    Message = $"{c.TableName(TableIds.FiscalSummary)} 有{name}收支（收入 {income.Display}，支出 {figure.Display}），但{c.TableName(table)}{(stated is null ? "缺失" : "为空")}。",
                    Figures = [new(income.Display, income.Location), new(figure.Display, figure.Location)],
                };
            }
        }
    }

    // A printed value in 万元 (as it is when printed in 万元).
    private static decimal InWan(decimal value, MoneyUnit unit) => unit == MoneyUnit.WanYuan ? value : value * 0.0001m;

    // Whether the row prints the column of its cell at place i earlier too (by place: the same cell listed twice counts).
    private static bool PrintedEarlierInRow(StatedRow row, int i)
    {
        for (var j = 0; j < i; j++)
        {
            if (row.Cells[j].Column == row.Cells[i].Column)
            {
                return true;
            }
        }

        return false;
    }

    // Whether a unit before parts[first] has the cell (a row aligned with the row at hand has every column it prints).
    private static bool PrintedBefore(StatedRow?[] partRows, bool[] aligned, int first, string column)
    {
        for (var j = 0; j < first; j++)
        {
            if (aligned[j] || partRows[j]?.Cell(column) is not null)
            {
                return true;
            }
        }

        return false;
    }

    // Whether two rows print the same columns in the same order, so that a column's first cell is at the same place in both.
    private static bool SameColumns(StatedRow a, StatedRow b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        var x = a.Cells;
        var y = b.Cells;
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!string.Equals(x[i].Column, y[i].Column, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // The row's cell of column, taken at place i when the row is aligned with the row whose cell i that column first is.
    private static StatedCell? CellOf(StatedRow? row, bool aligned, int i, string column) =>
        row is null ? null : aligned ? row.Cells[i] : row.Cell(column);

    // Each unit's cell of the row and column, named with its unit. Not a lambda in the loop above: one capturing its row and
    // column would be allocated for every cell of every unit's table, whether it is called or not.
    private static Figure[] UnitItems(AuditContext c, (OrgUnit Unit, StatedTable? Table)[] parts, string row, string column)
    {
        var items = new Figure[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var item = c.Cell(parts[i].Table!, row, column);
            items[i] = item.At($"{parts[i].Unit.Name} {item.Location}");
        }

        return items;
    }

    private static IEnumerable<Finding> ConsolidationFindings(AuditContext c)
    {
        var units = c.Year.Units.Where(u => u.Tables.Count > 0).ToArray();
        if (units.Length == 0)
        {
            yield break;
        }

        // Each unit's row of the current row key, and whether it prints the same columns in the same order as the row at
        // hand (so that its cell of a column is the one at the same place): rows of one template nearly always do, and
        // the cells are then taken by place instead of looked up by column in every unit's row and the department's.
        var partRows = new StatedRow?[units.Length];
        var aligned = new bool[units.Length];
        var cursors = new int[units.Length];
        var indexes = new RowIndex[units.Length];
        foreach (var stated in c.Year.Tables)
        {
            var parts = units.Select(u => (Unit: u, Table: u.Tables.FirstOrDefault(t => t.Definition == stated.Definition))).Where(p => p.Table is not null).ToArray();
            if (parts.Length == 0)
            {
                continue;
            }

            // Sum the units' printed values per cell in 万元, each cell a unit prints taken once (at the first unit that
            // prints it); figures and messages are built only where the department differs — not for a cell blank in
            // every unit and in the department, which has nothing to add up. Looked up, not gathered in a dictionary:
            // this runs over every cell of every table, on every audit — each row found once in every unit's table and
            // the department's (walking them alongside the unit's rows), not once a cell.
            var statedIndex = c.RowsOf(stated);
            for (var j = 0; j < parts.Length; j++)
            {
                indexes[j] = c.RowsOf(parts[j].Table!);
            }

            for (var first = 0; first < parts.Length; first++)
            {
                var unitIndex = indexes[first];
                var unitRows = parts[first].Table!.Rows;
                Array.Clear(cursors);
                var statedCursor = 0;
                for (var r = 0; r < unitRows.Count; r++)
                {
                    var unitRow = unitRows[r];
                    var row = unitRow.Key;
                    if (!unitIndex.Unique && unitIndex.PlaceOf(row) != r)
                    {
                        // A row printed twice in a unit is summed once, at its first printing (the one lookups give) —
                        // told by place, so that the same row listed twice is too.
                        continue;
                    }

                    // This unit's row is the one a lookup gives (its first printing, above); the others' rows are found
                    // walking their tables alongside this one.
                    for (var j = 0; j < parts.Length; j++)
                    {
                        partRows[j] = j == first ? unitRow : indexes[j].FindNext(row, ref cursors[j]);
                        aligned[j] = partRows[j] is { } partRow && SameColumns(unitRow, partRow);
                    }

                    var statedRow = statedIndex.FindNext(row, ref statedCursor);
                    var statedAligned = statedRow is not null && SameColumns(unitRow, statedRow);
                    for (var i = 0; i < unitRow.Cells.Count; i++)
                    {
                        var unitCell = unitRow.Cells[i];
                        var column = unitCell.Column;
                        if (PrintedEarlierInRow(unitRow, i) || PrintedBefore(partRows, aligned, first, column))
                        {
                            // A cell printed twice in a row is summed once; a cell an earlier unit prints was summed there.
                            continue;
                        }

                        // The units before this one print no such cell (else it was summed there), and this unit's is the
                        // cell at hand (its first in the row): only the units after it are looked up, in the same order.
                        // A row aligned with this one has the cell at the same place: the column is printed first at i here.
                        var (sum, printed) = unitCell.Value is { } own ? (InWan(own.Value, parts[first].Table!.Unit), true) : (0m, false);
                        for (var j = first + 1; j < parts.Length; j++)
                        {
                            if (CellOf(partRows[j], aligned[j], i, column)?.Value is { } part)
                            {
                                sum += InWan(part.Value, parts[j].Table!.Unit);
                                printed = true;
                            }
                        }

                        var value = CellOf(statedRow, statedAligned, i, column)?.Value;
                        if ((value is null && !printed) || (value is { } v && InWan(v.Value, stated.Unit) == sum))
                        {
                            continue;
                        }

                        var items = UnitItems(c, parts, row, column);
                        if (c.Sum(RuleIds.XConsolidation, c.Cell(stated, row, column), items, "部门数 = 各单位数之和（汇总）", stated.Definition) is { } f)
                        {
                            yield return f;
                        }
                    }
                }
            }
        }
    }
}
