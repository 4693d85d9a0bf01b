using System.Text;
using System.Text.RegularExpressions;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Codes;
using Juesuan.TestSupport;

namespace Juesuan.Domain.Tests;

public partial class CatalogTests
{
    [Theory]
    [InlineData("30101", true)]
    [InlineData("30305", true)]
    [InlineData("303", true)]
    [InlineData("30201", false)]
    [InlineData("31002", false)]
    [InlineData("30188", true)]   // not in the catalog: its 类 301 decides
    [InlineData("39999", false)]
    public void An_economic_code_falls_on_the_personnel_or_the_public_side(string code, bool personnel) =>
        Assert.Equal(personnel, Juesuan.Domain.Catalogs.CatalogLibrary.Economic(2024).IsPersonnel(code));

    [Theory]
    [InlineData("2010101", "反映行政单位（包括实行公务员管理的事业单位）的基本支出。")]               // 人大事务 / 行政运行
    [InlineData("2150102", "反映行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出。")]
    [InlineData("2080599", "反映除上述项目以外其他用于行政事业单位养老方面的支出。")]
    [InlineData("2059999", "反映除教育事务管理、普通教育等上述项目以外的其他用于教育方面的支出。")] // its own, as printed
    [InlineData("2101501", null)]                                                                     // own text wins, whatever it is
    public void A_items_explanation_is_its_own_else_the_one_the_catalogue_gives_every_item_of_that_name(string code, string? expected)
    {
        var catalog = CatalogLibrary.Function(2024);
        var explanation = catalog.ExplanationOf(code);
        Assert.NotNull(explanation);
        if (expected is not null)
        {
            Assert.Equal(expected, explanation);
        }
        else
        {
            Assert.Equal(catalog.Find(code)!.Explanation, explanation);
        }
    }

    [Fact]
    public void An_item_with_no_explanation_and_no_common_name_has_none() =>
        Assert.Null(CatalogLibrary.Function(2024).ExplanationOf("2010104")); // 人大会议

    [Fact]
    public void The_function_catalog_has_the_26_classes_of_table_01_in_order()
    {
        var classes = CatalogLibrary.Function(2024).Entries.Where(e => e.Table01Order is not null).OrderBy(e => e.Table01Order).ToArray();
        Assert.Equal(26, classes.Length);
        Assert.Equal(Enumerable.Range(1, 26), classes.Select(c => c.Table01Order!.Value));
        Assert.Equal("一般公共服务支出", classes[0].Name);
        Assert.Equal("201", classes[0].Code);
        Assert.Equal("抗疫特别国债安排的支出", classes[^1].Name);
        Assert.Equal("234", classes[^1].Code);
        Assert.Equal("卫生健康支出", classes[8].Name);
    }

    [Fact]
    public void Every_catalog_code_is_valid_and_has_its_parent_in_the_catalog()
    {
        var function = CatalogLibrary.Function(2024);
        foreach (var entry in function.Entries)
        {
            var code = FunctionCode.Parse(entry.Code);
            Assert.True(code.Success, entry.Code);
            if (code.Value.Parent is { } parent)
            {
                Assert.True(function.Contains(parent.Value), $"{entry.Code} has no parent {parent} in the catalog");
            }
        }

        var economic = CatalogLibrary.Economic(2024);
        foreach (var entry in economic.Entries)
        {
            Assert.True(EconomicCode.Parse(entry.Code).Success, entry.Code);
            Assert.True(economic.Contains(entry.Code[..3]), entry.Code);
            Assert.Contains(entry.Group, new[] { "personnel", "public" });
        }
    }

    [Fact]
    public void Personnel_spending_is_classes_301_and_303()
    {
        var economic = CatalogLibrary.Economic(2024);
        Assert.All(economic.Entries.Where(e => e.Code.StartsWith("301", StringComparison.Ordinal) || e.Code.StartsWith("303", StringComparison.Ordinal)),
            e => Assert.Equal("personnel", e.Group));
        Assert.All(economic.Entries.Where(e => e.Code.StartsWith("302", StringComparison.Ordinal) || e.Code.StartsWith("310", StringComparison.Ordinal)),
            e => Assert.Equal("public", e.Group));
    }

    [Fact]
    public void Name_variants_seen_in_reports_match_by_code()
    {
        var function = CatalogLibrary.Function(2022);
        Assert.True(function.Find("21011")!.HasName("行政事业部门医疗"));
        Assert.True(function.Find("2101101")!.HasName("行政 单位医疗"));
        Assert.False(function.Find("2101101")!.HasName("事业单位医疗"));
        Assert.True(CatalogLibrary.Economic(2022).Find("30212")!.HasName("因公出国(境)费用"));
        Assert.StartsWith("反映", function.Find("2101501")!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_printed_in_running_text_finds_its_entries_loosely()
    {
        var function = CatalogLibrary.Function(2022);
        Assert.Contains(function.Named("社会保障和就业"), e => e.Code == "208");
        Assert.Contains(function.Named("行政部门医疗支出"), e => e.Code == "2101101");
        Assert.Contains(function.Named(" 行政运行 "), e => e.Code == "2101501");
        Assert.Empty(function.Named("火星医保"));
    }

    [Fact]
    public void An_edition_names_a_code_by_the_name_then_in_force_and_keeps_the_others_as_aliases()
    {
        var json = """
            {"catalog":"function","editions":[2020,2021],"title":"t","entries":[
              {"code":"21305","name":"巩固脱贫衔接乡村振兴","formerNames":[{"name":"扶贫","until":2020}]},
              {"code":"2130599","name":"其他","since":2021}]}
            """;
        var editions = Catalog.LoadEditions(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Equal("扶贫", editions[0].Find("21305")!.Name);
        Assert.Null(editions[0].Find("2130599"));
        Assert.Equal("巩固脱贫衔接乡村振兴", editions[1].Find("21305")!.Name);
        Assert.True(editions[1].Find("21305")!.HasName("扶贫"));
    }

    [Fact]
    public void The_edition_for_a_year_is_the_latest_not_after_it()
    {
        Catalog Edition(int year) => new("function", year, "t", [new CatalogEntry { Code = "210", Name = "卫生健康支出" + year }]);
        var editions = new[] { Edition(2019), Edition(2022), Edition(2025) };
        Assert.Equal(2022, CatalogLibrary.Select(editions, "function", 2024).Edition);
        Assert.Equal(2025, CatalogLibrary.Select(editions, "function", 2025).Edition);
        Assert.Equal(2019, CatalogLibrary.Select(editions, "function", 2010).Edition);
    }

    [Fact]
    public void A_catalog_file_with_duplicate_codes_is_rejected()
    {
        var json = """{"catalog":"function","edition":2022,"title":"t","entries":[{"code":"210","name":"a"},{"code":"210","name":"b"}]}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var error = Assert.Throws<InvalidDataException>(() => Catalog.Load(stream));
        Assert.Contains("210", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Every_functional_code_printed_in_the_sample_tables_is_in_the_catalog_under_a_known_name()
    {
        var samples = Paths.RequireSamples();
        var function = CatalogLibrary.Function(2023);
        var seen = 0;
        foreach (var file in new[] { "xigong-2022-final-accounts.txt", "zhenan-2023-final-accounts.txt" })
        {
            foreach (Match m in CodeAndName().Matches(File.ReadAllText(Path.Combine(samples, file))))
            {
                var code = m.Groups[1].Value;
                var name = m.Groups[2].Value;
                var entry = function.Find(code);
                Assert.True(entry is not null, $"{file}: {code} {name} is not in the catalog");
                var n = CatalogText.NormalizeName(name);
                Assert.True(entry.HasName(name) || new[] { entry.Name }.Concat(entry.Aliases).Any(a => CatalogText.NormalizeName(a).StartsWith(n, StringComparison.Ordinal)),
                    $"{file}: {code} printed as {name}, catalog has {entry.Name}");
                seen++;
            }
        }

        Assert.True(seen > 40, $"only {seen} codes found in the samples");
    }

    [GeneratedRegex(@"(?m)^(2[0-3]\d(?:\d\d){0,2})[ \t]+([\p{IsCJKUnifiedIdeographs}（）]+)")]
    private static partial Regex CodeAndName();
}

public sealed class BreakdownTests
{
    [Fact]
    public void Parts_that_make_up_a_whole_by_definition_are_known_by_their_printed_names()
    {
        Assert.True(Juesuan.Domain.Model.Breakdowns.Completes("年末决算支出合计", ["基本支出", "项目支出"]));
        Assert.True(Juesuan.Domain.Model.Breakdowns.Completes("基本支出", ["人员经费支出", "公用经费支出"]));
        Assert.True(Juesuan.Domain.Model.Breakdowns.Completes("政府采购金额", ["货物采购金额", "工程采购金额", "服务采购金额"]));
        Assert.False(Juesuan.Domain.Model.Breakdowns.Completes("自评总金额", ["人员经费", "公用经费"]));
        Assert.False(Juesuan.Domain.Model.Breakdowns.Completes("基本支出", ["基本支出", "项目支出"]));
        Assert.False(Juesuan.Domain.Model.Breakdowns.Completes("政府采购金额", ["货物采购金额", "服务采购金额"]));
        Assert.True(Juesuan.Domain.Model.Breakdowns.AreParts(["货物采购金额", "服务采购金额"]));
        Assert.False(Juesuan.Domain.Model.Breakdowns.AreParts(["人员经费", "人员经费"]));
    }
}
