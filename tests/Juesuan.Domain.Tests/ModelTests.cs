using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.Formats.Json;
using Juesuan.TestSupport;

namespace Juesuan.Domain.Tests;

public class ModelTests
{
    private static readonly Lazy<DepartmentYear> Example = new(() => DepartmentYearJson.ReadFile(Paths.Example).Value!);

    [Fact]
    public void The_fact_index_finds_every_place_that_states_basic_spending_of_a_functional_item()
    {
        var index = FactIndex.Build(Example.Value);
        var allFunds = index.Find(new FactKey(Concepts.ExpenseBasic, "2101501"));
        var gpb = index.Find(new FactKey(Concepts.ExpenseBasic, "2101501", Scopes.Gpb));
        Assert.Equal(TableIds.Expenditure, Assert.Single(allFunds).Table);
        Assert.Equal(TableIds.GpbExpenditure, Assert.Single(gpb).Table);
        Assert.Equal(2, index.FindConcept(Concepts.ExpenseBasic, "2101501").Count());
    }

    [Fact]
    public void The_fact_index_links_the_narrative_to_the_tables()
    {
        var index = FactIndex.Build(Example.Value);
        var basic = index.Find(new FactKey(Concepts.ExpenseBasic));
        Assert.Contains(basic, a => a.Origin == AssertionOrigin.Table && a.Table == TableIds.Expenditure);
        Assert.Contains(basic, a => a.Origin == AssertionOrigin.Narrative);
        var budget = index.Find(new FactKey(Concepts.ExpenseTotal, "2101501", Scopes.Gpb, Bases.Budget));
        Assert.Contains(budget, a => a.Origin == AssertionOrigin.Reference);
        Assert.Contains(budget, a => a.Origin == AssertionOrigin.Narrative);
    }

    [Fact]
    public void Every_fact_of_the_example_is_stated_the_same_wherever_it_is_stated()
    {
        // The example is written to be mutually consistent: every concept stated in several places agrees exactly.
        var index = FactIndex.Build(Example.Value);
        var multiple = index.Keys.Select(k => index.Find(k)).Where(a => a.Count > 1).ToArray();
        Assert.True(multiple.Length > 30, $"only {multiple.Length} facts are stated more than once");
        foreach (var assertions in multiple)
        {
            var values = assertions.Select(a => a.Amount.In(MoneyUnit.WanYuan).Value).Distinct().ToArray();
            Assert.True(values.Length == 1, $"{assertions[0].Key}: {string.Join(" / ", assertions.Select(a => a.Amount + " @ " + a.Location.Describe()))}");
        }
    }

    [Fact]
    public void Table_01_and_table_03_state_the_same_class_totals()
    {
        var index = FactIndex.Build(Example.Value);
        var health = index.Find(new FactKey(Concepts.ExpenseTotal, "210"));
        Assert.Equal(new[] { TableIds.Expenditure, TableIds.IncomeExpenditureSummary }, health.Select(a => a.Table).Order());
        Assert.All(health, a => Assert.Equal(428.60m, a.Amount.Value));
    }

    [Fact]
    public void The_department_tables_of_the_example_are_the_consolidation_of_its_units()
    {
        var year = Example.Value;
        var consolidated = Consolidation.Consolidate(year.Units);
        Assert.Equal(7, consolidated.Count);
        foreach (var table in consolidated)
        {
            var stated = year.Table(table.Definition)!;
            foreach (var row in table.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    Assert.Equal(stated.AmountAt(row.Key, cell.Column)?.Value, cell.Value?.Value);
                }
            }

            Assert.Equal(stated.Rows.Select(r => r.Key).Order(), table.Rows.Select(r => r.Key).Order());
        }
    }

    [Fact]
    public void Consolidating_units_printed_in_yuan_and_wan_yuan_converts_to_wan_yuan()
    {
        var inYuan = ExampleData.Table(TableIds.Expenditure, ExampleData.Row("total", ("total", "12345.67"))) with { Unit = MoneyUnit.Yuan };
        var inWan = ExampleData.Table(TableIds.Expenditure, ExampleData.Row("total", ("total", "2.00")));
        var result = Consolidation.Consolidate([new OrgUnit { Name = "a", Tables = [inYuan] }, new OrgUnit { Name = "b", Tables = [inWan] }]);
        var table = Assert.Single(result);
        Assert.Equal(MoneyUnit.WanYuan, table.Unit);
        Assert.Equal(3.23m, table.AmountAt("total", "total")!.Value.Value); // 1.234567 + 2.00, printed to 2 decimals
    }

    [Fact]
    public void Unknown_codes_are_kept_and_reported_not_dropped()
    {
        var table = ExampleData.Table(TableIds.GpbExpenditure,
            ExampleData.Row("2109998", ("total", "1.00")),
            ExampleData.Row("21O15", ("total", "1.00")),
            ExampleData.Row("2101501", ("total", "1.00")) with { Label = "火星运行" });
        var year = ExampleData.Year(tables: table);
        var remarks = CodeCheck.Check(year);
        Assert.Contains(remarks, r => r.Row == "2109998" && r.Kind == "unknown");
        Assert.Contains(remarks, r => r.Row == "21O15" && r.Kind == "malformed");
        Assert.Contains(remarks, r => r.Row == "2101501" && r.Kind == "name" && r.Message.Contains("行政运行", StringComparison.Ordinal));
        Assert.Equal(3, year.Tables[0].Rows.Count);
    }

    [Fact]
    public void A_code_the_units_repeat_is_remarked_on_once_and_a_unit_name_of_its_own_again()
    {
        var department = ExampleData.Table(TableIds.GpbExpenditure,
            ExampleData.Row("2109998", ("total", "1.00")),
            ExampleData.Row("2101501", ("total", "1.00")) with { Label = "行政运行" });
        var unit = ExampleData.Table(TableIds.GpbExpenditure,
            ExampleData.Row("2109998", ("total", "0.50")),
            ExampleData.Row("2101501", ("total", "0.50")) with { Label = "行政运行" },
            ExampleData.Row("2101501", ("total", "0.50")) with { Label = "火星运行" },
            ExampleData.Row("2109998", ("total", "0.50")) with { Label = "另一个名称" }) with { Number = "单位表" };
        var year = ExampleData.Year(tables: department) with
        {
            Units = [new OrgUnit { Name = "本级", Tables = [unit] }, new OrgUnit { Name = "二级", Tables = [unit] }],
        };

        var remarks = CodeCheck.Check(year);

        Assert.Equal(
            ["2109998 unknown", "2101501 name", "2109998 unknown"],
            remarks.Select(r => $"{r.Row} {r.Kind}"));
        Assert.Equal("单位表", remarks[1].Table);
    }

    [Fact]
    public void A_name_cut_at_the_cell_edge_is_not_a_different_name()
    {
        var table = ExampleData.Table(TableIds.GpbExpenditure, ExampleData.Row("2080505", ("total", "9.97")) with { Label = "机关事业部门基本养老保险缴费支" });
        Assert.Empty(CodeCheck.Check(ExampleData.Year(tables: table)));
    }

    [Fact]
    public void The_store_key_is_department_and_year()
    {
        Assert.Equal("青石县医疗保障局/2024", Example.Value.Key);
    }
}
