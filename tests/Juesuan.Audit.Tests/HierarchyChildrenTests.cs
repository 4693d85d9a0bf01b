using Juesuan.Audit.Rules;

namespace Juesuan.Audit.Tests;

/// <summary>
/// The hierarchy rules (T02/T03/T05.HIERARCHY) find each listed code's listed children through its parent's place; they must
/// give the groups, in the order, that grouping the children by their parent's code and keeping the listed parents gave:
/// on codes in any order, listed twice, or with parents missing.
/// </summary>
public class HierarchyChildrenTests
{
    [Fact]
    public void Children_are_grouped_as_grouping_by_the_parent_code_groups_them()
    {
        var random = new Random(11);
        // Few distinct codes, so that parents, children, repeats and orphans all occur.
        string[] pool = ["208", "20805", "2080501", "2080505", "20899", "2089901", "210", "21011", "2101101", "2101199", "21015", "2101501", "221", "22102", "2210201"];
        for (var n = 0; n < 2000; n++)
        {
            var coded = Enumerable.Range(0, random.Next(0, 14)).Select(_ => pool[random.Next(pool.Length)]).ToArray();
            var oracle = coded.Where(k => k.Length > 3).GroupBy(k => k[..(k.Length - 2)]).Where(g => coded.Contains(g.Key)).ToArray();

            var (parents, children) = TableRules.Children(coded, TableRules.ParentPlaces(coded));

            Assert.Equal(oracle.Select(g => g.Key), parents);
            Assert.Equal(oracle.Select(g => g.ToArray()), children);
        }
    }

    [Fact]
    public void A_codes_parent_is_the_first_place_of_its_code_less_two_digits()
    {
        var random = new Random(12);
        // Codes of every length, repeats, the total row and keys that only look like codes.
        string[] pool = ["total", "208", "20805", "2080501", "20899", "2089901", "210", "21011", "2101101", "301", "30101", "3019", "2080", "20805x", "20", "2081"];
        for (var n = 0; n < 3000; n++)
        {
            var keys = Enumerable.Range(0, random.Next(0, 20)).Select(_ => pool[random.Next(pool.Length)]).ToArray();
            var oracle = keys.Select(k => k.Length is 5 or 7 && k.All(char.IsAsciiDigit) ? Array.IndexOf(keys, k[..^2]) : -1);

            Assert.Equal(oracle, TableRules.ParentPlaces(keys));
        }
    }

    [Fact]
    public void A_column_is_listed_where_a_row_has_its_cell_and_printed_where_a_cell_has_a_figure()
    {
        // 05's columns: total printed, basic listed but blank in every row, project not listed at all.
        var definition = Juesuan.Domain.Templates.TemplateLibrary.Definitions[Juesuan.Domain.Templates.TableIds.GpbExpenditure];
        Juesuan.Domain.Model.StatedRow[] rows =
        [
            Juesuan.TestSupport.ExampleData.Row("210", ("total", "5.00")) with { Cells = [Juesuan.TestSupport.ExampleData.Cell("total", "5.00"), new() { Column = "basic" }] },
            Juesuan.TestSupport.ExampleData.Row("21011", ("total", "5.00")),
        ];

        Assert.Equal(["total", "basic"], TableRules.ListedColumns(definition, rows));
        Assert.Equal(["total"], TableRules.ListedColumns(definition, rows, printed: true));
        Assert.Empty(TableRules.ListedColumns(null, rows));
    }
}
