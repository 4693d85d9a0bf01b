using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.Formats.Json;
using Juesuan.TestSupport;

namespace Juesuan.Domain.Tests;

/// <summary>
/// The fact index keeps cells as slots and makes their assertions on demand: what it answers must be what an index that
/// made every assertion at once answers, fact by fact and in the same order.
/// </summary>
public class FactIndexTests
{
    public static TheoryData<string> Years() =>
    [
        Paths.Example,
        Path.Combine(Paths.RepoRoot, "tests", "Juesuan.Audit.Tests", "Fixtures", "zhenan-2023.json"),
        Path.Combine(Paths.RepoRoot, "tests", "Juesuan.Audit.Tests", "Fixtures", "xigong-2022.json"),
    ];

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_fact_has_the_assertions_an_eager_index_makes_in_its_order(string path)
    {
        var year = DepartmentYearJson.ReadFile(path).Value!;
        var expected = Eager(year);
        var index = FactIndex.Build(year);
        Assert.Equal(expected.Keys, index.Keys);
        foreach (var (key, assertions) in expected)
        {
            Assert.Equal(assertions, index.Find(key));
            Assert.Equal(assertions.FirstOrDefault(a => a.Origin == AssertionOrigin.Table) ?? assertions[0], index.Stated(key));
            // Asked again, the same objects: made once.
            Assert.Same(index.Find(key), index.Find(key));
        }

        Assert.Equal(expected.Values.SelectMany(v => v), index.All);
        foreach (var (concept, code) in expected.Keys.Select(k => (k.Concept, k.Code)).Distinct())
        {
            Assert.Equal(expected.Where(kv => kv.Key.Concept == concept && kv.Key.Code == code).SelectMany(kv => kv.Value), index.FindConcept(concept, code));
        }

        Assert.Empty(index.Find(new FactKey("no.such.concept")));
        Assert.Null(index.Stated(new FactKey("no.such.concept")));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void An_index_that_grows_as_it_is_built_answers_as_one_sized_for_it(string path)
    {
        // Room for one statement: its slots, its groups and its table of groups all grow while it is built.
        var year = DepartmentYearJson.ReadFile(path).Value!;
        var (sized, grown) = (FactIndex.Build(year), FactIndex.Build(year, capacity: 1));
        Assert.Equal(sized.Keys, grown.Keys);
        Assert.Equal(sized.Differing, grown.Differing);
        Assert.All(sized.Keys, key => Assert.Equal(sized.Find(key), grown.Find(key)));
        Assert.Empty(grown.Find(new FactKey("no.such.concept")));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void The_facts_that_could_differ_are_those_stated_more_than_once_not_all_alike(string path)
    {
        var year = DepartmentYearJson.ReadFile(path).Value!;
        var expected = Eager(year).Where(kv => kv.Value.Count > 1 && kv.Value.Any(a => a.Amount.Value != kv.Value[0].Amount.Value || a.Amount.Unit != kv.Value[0].Amount.Unit)).Select(kv => kv.Key);
        Assert.Equal(expected, FactIndex.Build(year).Differing);
    }

    [Fact]
    public void A_cell_changed_in_one_table_makes_its_fact_differ()
    {
        var year = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        var index = FactIndex.Build(year);
        var key = new FactKey(Concepts.ExpenseTotal, "210");
        Assert.DoesNotContain(key, index.Differing);
        Assert.True(index.Find(key).Count >= 2);

        // 03's 210 row, its total column 0.01 higher.
        var table = year.Tables.First(t => t.Definition == TableIds.Expenditure);
        var row = table.Row("210")!;
        var column = TemplateLibrary.Definitions[table.Definition].Columns.First(c => FactIndex.KeyOf(TemplateLibrary.Definitions[table.Definition], row, c) == key);
        var changed = row with { Cells = [.. row.Cells.Select(c => c.Column == column.Key ? c with { Value = new Printed(c.Value!.Value.Value + 0.01m, 2) } : c)] };
        var tables = year.Tables.Select(t => t != table ? t : t with { Rows = [.. t.Rows.Select(r => r == row ? changed : r)] }).ToArray();
        var differing = FactIndex.Build(year with { Tables = tables }).Differing.ToArray();
        Assert.Equal([key], differing);
    }

    [Fact]
    public void A_row_printed_twice_and_a_table_printed_twice_state_their_facts_as_often()
    {
        var year = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        var table = year.Tables.First(t => t.Definition == TableIds.Expenditure);
        var twice = table with { Rows = [.. table.Rows, table.Rows.First(r => r.Key == "210")] };
        var changed = year with { Tables = [.. year.Tables.Select(t => t == table ? twice : t), twice] };
        var expected = Eager(changed);
        var index = FactIndex.Build(changed);
        Assert.Equal(expected.Keys, index.Keys);
        Assert.All(expected, kv => Assert.Equal(kv.Value, index.Find(kv.Key)));
        Assert.Equal(4, index.Find(new FactKey(Concepts.ExpenseTotal, "210")).Count(a => a.Table == TableIds.Expenditure));
    }

    // The index as it was built before slots: every assertion made at once, a fact's in the order stated.
    private static Dictionary<FactKey, List<FactAssertion>> Eager(DepartmentYear year)
    {
        var facts = new Dictionary<FactKey, List<FactAssertion>>();
        void Add(FactAssertion a) => (facts.TryGetValue(a.Key, out var list) ? list : facts[a.Key] = []).Add(a);
        var template = TemplateLibrary.Find(year.TemplateId);
        foreach (var table in year.Tables)
        {
            if (!TemplateLibrary.Definitions.TryGetValue(table.Definition, out var definition))
            {
                continue;
            }

            var rowBases = template?.Tables.FirstOrDefault(t => t.Definition == table.Definition)?.RowBases;
            foreach (var row in table.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    if (cell.Value is not { } value || definition.Column(cell.Column) is not { } column || FactIndex.KeyOf(definition, row, column) is not { } stated)
                    {
                        continue;
                    }

                    var key = rowBases is not null && rowBases.TryGetValue(row.Key, out var basis) ? stated with { Basis = basis } : stated;
                    var rowName = row.Key == FactIndex.TotalRowKey ? "合计" : definition.Row(row.Key) is { } fixedRow ? row.Label ?? fixedRow.Label : row.Label is null ? row.Key : $"{row.Key} {row.Label}";
                    var location = cell.Source ?? new SourceLocation
                    {
                        File = (row.Source ?? table.Source)?.File, Page = (row.Source ?? table.Source)?.Page, Line = row.Source?.Line,
                        Table = table.Number ?? table.Title, Row = rowName, Column = column.Name,
                    };
                    Add(new FactAssertion(key, new Amount(value, table.Unit), AssertionOrigin.Table, table.Definition, location) { Cell = new CellKey(table.Definition, row.Key, column.Key) });
                }
            }
        }

        foreach (var claim in year.Narrative.Claims)
        {
            if (claim.Amount is { } amount)
            {
                Add(new FactAssertion(claim.Subject, amount, AssertionOrigin.Narrative, null, year.Narrative.LocationOf(claim)));
            }

            if (claim.Budget is { } budget)
            {
                Add(new FactAssertion(claim.Subject with { Basis = claim.BudgetBasis ?? Bases.Budget }, budget, AssertionOrigin.Narrative, null, year.Narrative.LocationOf(claim)));
            }
        }

        foreach (var reference in year.References)
        {
            Add(new FactAssertion(reference.Key, reference.Amount, AssertionOrigin.Reference, null, reference.Source ?? new SourceLocation { Section = "上年数/预算数" }));
        }

        return facts;
    }
}
