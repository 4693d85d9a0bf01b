using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Audit.Rules;

/// <summary>Relations within one table (表内关系): row sums, the 类/款/项 hierarchy, the fixed rows of 01/04/06/09.</summary>
internal static class TableRules
{
    private static readonly string[] Income01 = ["income.general", "income.fund", "income.soe", "income.superior", "income.business", "income.operating", "income.affiliates", "income.other"];

    // 高等学校收支决算总表: 财政拨款收入 as one row (政府性基金 is a 其中 of it), 捐赠收入 a 其中 of 其他收入.
    private static readonly string[] UniversityIncome = ["income.fiscal", "income.superior", "income.business", "income.operating", "income.affiliates", "income.other"];

    // The items of the fixed rows' sums (kept by the audit for attribution, as given).
    private static readonly string[] IncomeGrandTotal = ["income.total", "income.nonFiscalBalanceUsed", "income.openingBalance"];
    private static readonly string[] ExpenseGrandTotal = ["expense.total", "expense.balanceDistribution", "expense.closingBalance"];
    private static readonly string[] FiscalIncomes = ["income.general", "income.fund", "income.soe"];
    private static readonly string[] FiscalOpenings = ["income.openingBalance.general", "income.openingBalance.fund", "income.openingBalance.soe"];
    private static readonly string[] FiscalIncomeGrandTotal = ["income.total", "income.openingBalance"];
    private static readonly string[] FiscalExpenseGrandTotal = ["expense.total", "expense.closingBalance"];

    public static IEnumerable<Rule> All()
    {
        // 01 and the university's 收支决算总表 (高等学校) share the relations; their income rows differ.
        foreach (var (t01, incomeRows) in new[] { (TableIds.IncomeExpenditureSummary, Income01), (TableIds.UniversitySummary, UniversityIncome) })
        {
            foreach (var rule in SummaryRules(t01, incomeRows))
            {
                yield return rule;
            }
        }

        foreach (var income in new[] { TableIds.Income, TableIds.UniversityIncome })
        {
            yield return RowSum(RuleIds.T02RowSum, income, "total", ["fiscal", "superior", "business", "operating", "affiliates", "other"], "本年收入合计 = 各项收入之和");
            yield return Hierarchy(RuleIds.T02Hierarchy, income);
        }

        yield return RowSum(RuleIds.T03RowSum, TableIds.Expenditure, "total", ["basic", "project", "paidToSuperior", "operating", "subsidyToAffiliates"], "本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助");
        yield return Hierarchy(RuleIds.T03Hierarchy, TableIds.Expenditure);

        const string t04 = TableIds.FiscalSummary;
        yield return RowSum(RuleIds.T04RowSum, t04, "total", ["general", "fund", "soe"], "合计 = 一般公共预算 + 政府性基金 + 国有资本经营", r => r.Key is not ("income.general" or "income.fund" or "income.soe" or "income.total" or "income.grandTotal") && !r.Key.StartsWith("income.", StringComparison.Ordinal));
        // Sums of one column's rows go through SumOfRows, which decides them as Sum does without a figure for a sum that holds.
        yield return Rule(RuleIds.T04IncomeTotal, "财政拨款收入支出决算总表：本年收入合计等于三项财政拨款收入之和", t04, (c, t) =>
            One(c.SumOfRows(RuleIds.T04IncomeTotal, t, "income.total", FiscalIncomes, "amount", "本年收入合计 = 三项财政拨款收入之和")));
        yield return Rule(RuleIds.T04ExpenseTotal, "财政拨款收入支出决算总表：本年支出合计等于各类支出之和", t04, (c, t) =>
            new[] { "total", "general", "fund", "soe" }.Select(col => c.SumOfRows(RuleIds.T04ExpenseTotal, t, "expense.total", ClassRows(t).ToArray(), col, "本年支出合计 = 各类支出之和")).OfType<Finding>());
        yield return Rule(RuleIds.T04OpeningSplit, "财政拨款收入支出决算总表：年初结转和结余等于三项财政拨款的年初结转和结余之和", t04, (c, t) =>
            One(c.SumOfRows(RuleIds.T04OpeningSplit, t, "income.openingBalance", FiscalOpenings, "amount", "年初财政拨款结转和结余 = 三项之和")));
        yield return Rule(RuleIds.T04GrandTotals, "财政拨款收入支出决算总表：收入总计、支出总计及其平衡", t04, (c, t) => new[]
        {
            c.SumOfRows(RuleIds.T04GrandTotals, t, "income.grandTotal", FiscalIncomeGrandTotal, "amount", "收入总计 = 本年收入合计 + 年初财政拨款结转和结余"),
            c.SumOfRows(RuleIds.T04GrandTotals, t, "expense.grandTotal", FiscalExpenseGrandTotal, "total", "支出总计 = 本年支出合计 + 年末财政拨款结转和结余"),
            c.Equal(RuleIds.T04GrandTotals, c.Cell(t, "income.grandTotal", "amount"), c.Cell(t, "expense.grandTotal", "total"), "收入总计 = 支出总计", t04),
        }.OfType<Finding>());
        yield return Rule(RuleIds.T04FundBalance, "财政拨款收入支出决算总表：每项财政拨款 本年支出 = 本年收入 + 年初结转和结余 − 年末结转和结余", t04, (c, t) =>
            new[] { ("general", "一般公共预算财政拨款"), ("fund", "政府性基金预算财政拨款"), ("soe", "国有资本经营预算财政拨款") }
                .Select(f => c.Sum(RuleIds.T04FundBalance, c.Cell(t, "expense.total", f.Item1),
                    [c.Cell(t, "income." + f.Item1, "amount"), c.Cell(t, "income.openingBalance." + f.Item1, "amount"), Negate(c.Cell(t, "expense.closingBalance", f.Item1))],
                    $"{f.Item2}：本年支出 = 本年收入 + 年初结转和结余 − 年末结转和结余", t04))
                .OfType<Finding>());

        foreach (var fiscal in new[] { TableIds.GpbExpenditure, TableIds.UniversityFiscalExpenditure })
        {
            yield return RowSum(RuleIds.T05RowSum, fiscal, "total", ["basic", "project"], "合计 = 基本支出 + 项目支出");
            yield return Hierarchy(RuleIds.T05Hierarchy, fiscal);
        }


        yield return Economic(RuleIds.T06ClassSum, TableIds.GpbBasicEconomic);
        yield return Rule(RuleIds.T06PersonnelPublic, "基本支出明细表：人员经费合计 = 301 + 303，公用经费合计 = 其余各类", TableIds.GpbBasicEconomic, (c, t) =>
        {
            var classes = t.Rows.Where(r => r.Key.Length == 3 && Digits.Only(r.Key)).Select(r => r.Key).ToArray();
            return new[]
            {
                c.SumOfRows(RuleIds.T06PersonnelPublic, t, "personnel.total", classes.Where(c.Economics.IsPersonnel).ToArray(), "amount", "人员经费合计 = 工资福利支出 + 对个人和家庭的补助"),
                c.SumOfRows(RuleIds.T06PersonnelPublic, t, "public.total", classes.Where(k => !c.Economics.IsPersonnel(k)).ToArray(), "amount", "公用经费合计 = 商品和服务支出、资本性支出等各类之和"),
            }.OfType<Finding>();
        });

        yield return RowSum(RuleIds.T07RowSum, TableIds.GovFund, "total", ["basic", "project"], "本年支出 = 基本支出 + 项目支出");
        yield return Hierarchy(RuleIds.T07Hierarchy, TableIds.GovFund);
        yield return FundBalance(RuleIds.T07Balance, TableIds.GovFund);
        yield return RowSum(RuleIds.T08RowSum, TableIds.SoeExpenditure, "total", ["basic", "project"], "合计 = 基本支出 + 项目支出");
        yield return Hierarchy(RuleIds.T08Hierarchy, TableIds.SoeExpenditure);
        yield return RowSum(RuleIds.TSOERowSum, TableIds.SoeIncomeExpenditure, "total", ["basic", "project"], "本年支出 = 基本支出 + 项目支出");
        yield return Hierarchy(RuleIds.TSOEHierarchy, TableIds.SoeIncomeExpenditure);
        yield return FundBalance(RuleIds.TSOEBalance, TableIds.SoeIncomeExpenditure);

        foreach (var id in new[] { TableIds.ThreePublic, TableIds.ThreePublicMeetingTraining })
        {
            yield return RowSum(RuleIds.T09Total, id, "total", ["abroad", "vehicleSubtotal", "reception"], "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费");
            yield return RowSum(RuleIds.T09Vehicles, id, "vehicleSubtotal", ["vehiclePurchase", "vehicleOperation"], "公务用车购置及运行维护费 = 购置费 + 运行维护费");
        }

        yield return RowSum(RuleIds.TDETAILRowSum, "fiscal-expenditure-detail", "total", ["basicPersonnel", "basicPublic", "project"], "合计 = 人员经费 + 公用经费 + 项目支出");
        yield return Hierarchy(RuleIds.TDETAILHierarchy, "fiscal-expenditure-detail");
        yield return RowSum(RuleIds.TGDETAILRowSum, "gpb-expenditure-detail", "total", ["basicPersonnel", "basicPublic", "project"], "合计 = 人员经费 + 公用经费 + 项目支出");
        yield return Hierarchy(RuleIds.TGDETAILHierarchy, "gpb-expenditure-detail");
        yield return Economic(RuleIds.TPROJClassSum, "gpb-project-economic");
        yield return ShiftedRows.Rule();
        yield return FundCodes.Rule();
    }

    private static IEnumerable<Rule> SummaryRules(string t01, string[] incomeRows)
    {
        yield return Rule(RuleIds.T01IncomeTotal, "收入支出决算总表：本年收入合计等于各项收入之和", t01, (c, t) =>
            One(c.SumOfRows(RuleIds.T01IncomeTotal, t, "income.total", incomeRows, "amount", incomeRows.Length == 8 ? "本年收入合计 = 一至八项收入之和" : "本年收入合计 = 各项收入之和")));
        yield return Rule(RuleIds.T01ExpenseTotal, "收入支出决算总表：本年支出合计等于各类支出之和", t01, (c, t) =>
            One(c.SumOfRows(RuleIds.T01ExpenseTotal, t, "expense.total", ClassRows(t).ToArray(), "amount", "本年支出合计 = 各类支出之和")));
        yield return Rule(RuleIds.T01IncomeGrandTotal, "收入支出决算总表：收入总计等于本年收入合计、使用非财政拨款结余与年初结转和结余之和", t01, (c, t) =>
            One(c.SumOfRows(RuleIds.T01IncomeGrandTotal, t, "income.grandTotal", IncomeGrandTotal, "amount", "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余")));
        yield return Rule(RuleIds.T01ExpenseGrandTotal, "收入支出决算总表：支出总计等于本年支出合计、结余分配与年末结转和结余之和", t01, (c, t) =>
            One(c.SumOfRows(RuleIds.T01ExpenseGrandTotal, t, "expense.grandTotal", ExpenseGrandTotal, "amount", "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余")));
        yield return Rule(RuleIds.T01Balance, "收入支出决算总表：收入总计等于支出总计", t01, (c, t) =>
            One(c.Equal(RuleIds.T01Balance, c.Cell(t, "income.grandTotal", "amount"), c.Cell(t, "expense.grandTotal", "amount"), "收入总计 = 支出总计", t01)));
    }

    /// <summary>The 类 rows of a table: 3-digit functional codes, template order first.</summary>
    internal static IEnumerable<string> ClassRows(StatedTable table) =>
        table.Rows.Where(r => r.Key.Length == 3 && Digits.Only(r.Key) && r.Key[0] == '2').Select(r => r.Key);

    internal static Rule Rule(string id, string title, string table, Func<AuditContext, StatedTable, IEnumerable<Finding>> check) =>
        new DelegateRule(id, title, c => c.Table(table) is { } t ? check(c, t) : []);

    private static IEnumerable<Finding> One(Finding? finding) => finding is null ? [] : [finding];

    private static Rule RowSum(string id, string table, string totalColumn, string[] parts, string relation, Func<StatedRow, bool>? filter = null) =>
        Rule(id, relation, table, (c, t) => RowSums(c, t, id, totalColumn, parts, relation, filter));

    // Each row's total against its parts, for the rows that print the total or a part (loops: a closure per row was most of
    // what these rules allocated).
    private static IEnumerable<Finding> RowSums(AuditContext c, StatedTable t, string id, string totalColumn, string[] parts, string relation, Func<StatedRow, bool>? filter)
    {
        // The parts the table's definition has, once for all its rows.
        var definition = TemplateLibrary.Definitions.GetValueOrDefault(t.Definition);
        var columns = parts.Where(p => definition?.Column(p) is not null).ToArray();
        foreach (var r in t.Rows)
        {
            if ((filter is null || filter(r)) && (r.Cell(totalColumn) is not null || AnyPrinted(r, parts))
                && c.SumOfColumns(id, t, r.Key, totalColumn, columns, relation) is { } finding)
            {
                yield return finding;
            }
        }
    }

    /// <summary>
    /// The definition's columns in which some row lists a cell — or, with <paramref name="printed"/>, prints a figure — in
    /// the definition's order: loops, no closure per column (every coded table of every audit asks).
    /// </summary>
    internal static string[] ListedColumns(TableDefinition? definition, IReadOnlyList<StatedRow> rows, bool printed = false)
    {
        var columns = definition?.Columns ?? [];
        bool Listed(string column)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r].Cell(column) is { } cell && (!printed || cell.Value is not null))
                {
                    return true;
                }
            }

            return false;
        }

        // Each column decided once (a table has a few dozen columns at most), then the listed ones copied out.
        Span<bool> listed = columns.Count <= 64 ? stackalloc bool[columns.Count] : new bool[columns.Count];
        var count = 0;
        for (var k = 0; k < columns.Count; k++)
        {
            listed[k] = Listed(columns[k].Key);
            count += listed[k] ? 1 : 0;
        }

        var keys = new string[count];
        for (int k = 0, n = 0; n < count; k++)
        {
            if (listed[k])
            {
                keys[n++] = columns[k].Key;
            }
        }

        return keys;
    }

    private static bool AnyPrinted(StatedRow row, string[] columns)
    {
        foreach (var column in columns)
        {
            if (row.Cell(column)?.Value is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static Rule FundBalance(string id, string table) =>
        Rule(id, "年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余", table, (c, t) => t.Rows
            .Where(r => r.Cell("closing")?.Value is not null || r.Cell("opening")?.Value is not null)
            .Select(r => c.Sum(id, c.Cell(t, r.Key, "total"), [c.Cell(t, r.Key, "opening"), c.Cell(t, r.Key, "income"), Negate(c.Cell(t, r.Key, "closing"))], "本年支出 = 年初结转和结余 + 本年收入 − 年末结转和结余", table))
            .OfType<Finding>());

    private static Figure Negate(Figure f) => f.Negated();

    private static Rule Hierarchy(string id, string table) =>
        new DelegateRule(id, "类 = Σ款，款 = Σ项，合计 = Σ类", c => c.Table(table) is { } t ? HierarchyFindings(c, t, id) : []);

    private static IEnumerable<Finding> HierarchyFindings(AuditContext c, StatedTable table, string id)
    {
        var definition = TemplateLibrary.Definitions.GetValueOrDefault(table.Definition);
        var coded = table.Rows.Where(r => Digits.Only(r.Key) && r.Key.Length is 3 or 5 or 7).Select(r => r.Key).ToArray();
        var columns = ListedColumns(definition, table.Rows);
        var name = c.TableName(table.Definition);
        var classes = coded.Where(k => k.Length == 3).ToArray();
        var parentAt = ParentPlaces(coded);
        var (parents, children) = Children(coded, parentAt);
        var totalRow = c.Row(table, FactIndex.TotalRowKey);
        // The rows each relation sums, found once for all columns.
        var classRows = FoundRows(c, table, classes);
        var parentRows = FoundRows(c, table, parents);
        var childRows = new StatedRow?[children.Length][];
        for (var p = 0; p < children.Length; p++)
        {
            childRows[p] = FoundRows(c, table, children[p]);
        }

        foreach (var column in columns)
        {
            if (totalRow is not null && classes.Length > 0 && c.SumOfRows(id, table, FactIndex.TotalRowKey, totalRow, classes, classRows, column, "合计 = 各类之和") is { } total)
            {
                yield return total;
            }

            for (var p = 0; p < parents.Length; p++)
            {
                if (c.SumOfRows(id, table, parents[p], parentRows[p], children[p], childRows[p], column, parents[p].Length == 3 ? "类 = 所属各款之和" : "款 = 所属各项之和") is { } f)
                {
                    yield return f;
                }
            }
        }

        foreach (var orphan in coded.Where((k, i) => k.Length > 3 && parentAt[i] < 0))
        {
            yield return new Finding
            {
                Rule = id, Severity = Severity.Warning, Table = table.Definition, Location = $"{name} {orphan}",
                Message = $"{name} 列出了科目 {orphan}，却没有列出它的上级科目 {orphan[..(orphan.Length - 2)]}，无法核对层级合计。",
            };
        }
    }

    // Each key's row, as AuditContext.Row finds it.
    private static StatedRow?[] FoundRows(AuditContext c, StatedTable table, string[] keys)
    {
        var rows = new StatedRow?[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            rows[i] = c.Row(table, keys[i]);
        }

        return rows;
    }

    /// <summary>
    /// For each key, the place of its parent: the first key that is its code less its last two digits (a 款's 类, a 项's
    /// 款), or -1 for a key with none listed and for any key that is not a 款's or 项's code. Found by binary search over the
    /// places of the 类 and 款 ordered by code (and by place among equal codes, so a search lands on the first), looked up
    /// by the code cut short without making it: a table lists up to a few hundred codes, and a dictionary of them was
    /// ≈ 28 bytes a code, this is 4.
    /// </summary>
    internal static int[] ParentPlaces(IReadOnlyList<string> keys)
    {
        static bool MayParent(string key) => key.Length is 3 or 5 && Digits.Only(key);
        var count = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            count += MayParent(keys[i]) ? 1 : 0;
        }

        var byCode = new int[count];
        for (int i = 0, k = 0; k < count; i++)
        {
            if (MayParent(keys[i]))
            {
                byCode[k++] = i;
            }
        }

        byCode.AsSpan().Sort(new CodeOrder(keys));
        var parents = new int[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            parents[i] = key.Length is 5 or 7 && Digits.Only(key) ? FirstOf(byCode, keys, key.AsSpan(0, key.Length - 2)) : -1;
        }

        return parents;
    }

    // The first place (in byCode's order) whose key is code, or -1.
    private static int FirstOf(int[] byCode, IReadOnlyList<string> keys, ReadOnlySpan<char> code)
    {
        var (lo, hi) = (0, byCode.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[byCode[mid]].AsSpan().SequenceCompareTo(code) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < byCode.Length && keys[byCode[lo]].AsSpan().SequenceEqual(code) ? byCode[lo] : -1;
    }

    // Places ordered by their keys (ordinal), and by place among equal keys.
    private readonly struct CodeOrder(IReadOnlyList<string> keys) : IComparer<int>
    {
        public int Compare(int x, int y) => keys[x].AsSpan().SequenceCompareTo(keys[y]) is var byKey and not 0 ? byKey : x.CompareTo(y);
    }

    // Each listed parent code's listed children (款 under a 类, 项 under a 款): the parents in the order their first child is
    // listed, each with its children in theirs, as grouping the children by their parent's code gives them. A child whose
    // parent is not listed has no group here (it is an orphan, said apart).
    internal static (string[] Parents, string[][] Children) Children(string[] coded, int[] parentAt)
    {
        var parents = new List<int>();
        foreach (var at in parentAt)
        {
            if (at >= 0 && !parents.Contains(at))
            {
                parents.Add(at);
            }
        }

        var children = new string[parents.Count][];
        for (var p = 0; p < parents.Count; p++)
        {
            var count = 0;
            foreach (var at in parentAt)
            {
                count += at == parents[p] ? 1 : 0;
            }

            var items = new string[count];
            for (int i = 0, k = 0; i < coded.Length; i++)
            {
                if (parentAt[i] == parents[p])
                {
                    items[k++] = coded[i];
                }
            }

            children[p] = items;
        }

        return ([.. parents.Select(p => coded[p])], children);
    }

    private static Rule Economic(string id, string table) =>
        Rule(id, "经济分类：每类等于所属各款之和", table, (c, t) =>
        {
            var coded = t.Rows.Where(r => Digits.Only(r.Key)).Select(r => r.Key).ToArray();
            return coded.Where(k => k.Length == 3)
                .Select(k => (k, Items: coded.Where(i => i.Length == 5 && i.StartsWith(k, StringComparison.Ordinal)).ToArray()))
                .Where(x => x.Items.Length > 0)
                .Select(x => c.SumOfRows(id, t, x.k, x.Items, "amount", "经济分类类级 = 所属各款之和"))
                .OfType<Finding>();
        });
}
