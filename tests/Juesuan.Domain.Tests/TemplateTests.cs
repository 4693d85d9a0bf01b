using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Templates;

namespace Juesuan.Domain.Tests;

public class TemplateTests
{
    [Theory]
    [InlineData("national-2022", 9, 13)]
    [InlineData("shaanxi-2022", 9, 14)]
    [InlineData("shanghai-2024", 9, 11)]
    [InlineData("sichuan-2022", 13, 10)]
    public void Each_template_has_its_tables_and_sections(string id, int tables, int sections)
    {
        var template = TemplateLibrary.Find(id)!;
        Assert.Equal(tables, template.Tables.Count);
        Assert.Equal(sections, template.Sections.Count);
        Assert.All(template.Tables, t => Assert.True(TemplateLibrary.Definitions.ContainsKey(t.Definition)));
        Assert.Equal(template.Tables.Count, template.Tables.Select(t => t.Definition).Distinct().Count());
    }

    [Fact]
    public void Shanghai_puts_the_three_public_table_seventh_and_publishes_soe_income_and_expenditure()
    {
        var shanghai = TemplateLibrary.Find("shanghai-2024")!;
        Assert.Equal(TableIds.ThreePublic, shanghai.Tables[6].Definition);
        Assert.Equal(TableIds.SoeIncomeExpenditure, shanghai.Tables[8].Definition);
        Assert.Null(shanghai.Tables[0].Number);
    }

    [Fact]
    public void Shaanxi_three_public_table_has_meeting_and_training_columns()
    {
        var shaanxi = TemplateLibrary.Find("shaanxi-2022")!;
        var definition = TemplateLibrary.Definition(shaanxi.Tables[8].Definition);
        Assert.NotNull(definition.Column("meeting"));
        Assert.NotNull(definition.Column("training"));
        Assert.Equal("其他需要说明的情况", shaanxi.Sections[^1].Title);
    }

    [Theory]
    [InlineData("一般公共预算财政拨款基本支出决算明细表", TableIds.GpbBasicEconomic)]
    [InlineData("一般公共预算财政拨款基本支出决算表", TableIds.GpbBasicEconomic)]
    [InlineData("财政拨款\"三公\"经费支出决算表", TableIds.ThreePublic)]
    [InlineData("财政拨款“三公”经费支出决算表", TableIds.ThreePublic)]
    [InlineData("收 入 决 算 表", TableIds.Income)]
    public void Tables_are_matched_by_title(string title, string definition)
    {
        Assert.Equal(definition, TemplateLibrary.Find("national-2022")!.MatchTitle(title)?.Definition);
    }

    [Fact]
    public void An_unknown_title_matches_nothing()
    {
        Assert.Null(TemplateLibrary.Find("national-2022")!.MatchTitle("部门预算项目支出绩效自评表"));
    }

    [Fact]
    public void Table_01_lists_every_class_of_the_catalog_in_order()
    {
        var definition = TemplateLibrary.Definition(TableIds.IncomeExpenditureSummary);
        var classRows = definition.Rows.Where(r => r.Code is not null).Select(r => r.Code).ToArray();
        var catalog = CatalogLibrary.Function(2024).Entries.Where(e => e.Table01Order is not null).OrderBy(e => e.Table01Order).Select(e => e.Code);
        Assert.Equal(catalog, classRows);
        Assert.Equal(definition.Rows.Count, definition.Rows.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void Column_keys_are_unique_in_every_definition()
    {
        Assert.All(TemplateLibrary.Definitions.Values, d => Assert.Equal(d.Columns.Count, d.Columns.Select(c => c.Key).Distinct().Count()));
    }

    [Fact]
    public void The_embedded_template_ids_listed_from_resource_names_are_the_ids_the_templates_carry()
    {
        // The help lists EmbeddedIds without parsing the templates: a file named otherwise than its id would mislead it.
        Assert.Equal(TemplateSet.Embedded.Templates.Keys.Order(StringComparer.Ordinal), TemplateSet.EmbeddedIds);
    }

    [Theory]
    [InlineData("陕西省", 2023, "shaanxi-2022")]
    [InlineData("上海市", 2024, "shanghai-2024")]
    [InlineData("四川省", 2022, "sichuan-2022")]
    [InlineData("河南省", 2022, "national-2022")]
    [InlineData(null, 2022, "national-2022")]
    public void The_template_follows_the_province(string? province, int year, string expected)
    {
        Assert.Equal(expected, TemplateSet.Embedded.ForProvince(province, year).Id);
    }

    [Theory]
    [InlineData("shanghai-2024", 2022, "shanghai-2024")]
    [InlineData("陕西/2023", 0, "shaanxi-2022")]
    [InlineData("四川省", 2022, "sichuan-2022")]
    [InlineData("全国", 2024, "national-2022")]
    [InlineData("火星/2024", 2024, null)]
    [InlineData("陕", 2024, null)]
    public void A_template_is_named_by_id_or_by_province_and_year(string text, int year, string? expected)
    {
        Assert.Equal(expected, TemplateSet.Embedded.Resolve(text, year)?.Id);
    }
}
