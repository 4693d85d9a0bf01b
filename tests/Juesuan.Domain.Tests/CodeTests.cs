using Juesuan.Domain.Codes;

namespace Juesuan.Domain.Tests;

public class CodeTests
{
    [Theory]
    [InlineData("2101501", "2101501", FunctionLevel.Item)]
    [InlineData("210 15 01", "2101501", FunctionLevel.Item)]
    [InlineData("210　15", "21015", FunctionLevel.Section)]
    [InlineData("２１０", "210", FunctionLevel.Class)]
    public void Functional_codes_parse_in_the_forms_reports_print(string text, string expected, FunctionLevel level)
    {
        var code = FunctionCode.Parse(text);
        Assert.True(code.Success, code.Error);
        Assert.Equal(expected, code.Value.Value);
        Assert.Equal(level, code.Value.Level);
    }

    [Theory]
    [InlineData("30101")]
    [InlineData("2101")]
    [InlineData("21015011")]
    [InlineData("21O15")]
    [InlineData(null)]
    public void Invalid_functional_codes_fail_with_a_message(string? text)
    {
        var code = FunctionCode.Parse(text);
        Assert.False(code.Success);
        Assert.Contains("支出功能分类", code.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Functional_codes_know_their_parents_and_children()
    {
        var item = FunctionCode.Of("2101501");
        Assert.Equal(FunctionCode.Of("21015"), item.Parent);
        Assert.Equal(FunctionCode.Of("210"), item.Parent!.Value.Parent);
        Assert.Null(FunctionCode.Of("210").Parent);
        Assert.Equal(FunctionCode.Of("210"), item.ClassCode);
        Assert.True(FunctionCode.Of("210").IsAncestorOf(item));
        Assert.True(FunctionCode.Of("21015").IsParentOf(item));
        Assert.False(FunctionCode.Of("210").IsParentOf(item));
        Assert.False(FunctionCode.Of("21011").IsAncestorOf(item));
    }

    [Fact]
    public void Economic_codes_parse_spaced_and_know_their_class()
    {
        var code = EconomicCode.Parse("301 01");
        Assert.True(code.Success);
        Assert.Equal("30101", code.Value.Value);
        Assert.Equal(EconomicCode.Of("301"), code.Value.Parent);
        Assert.True(EconomicCode.Of("302").IsClass);
        Assert.False(EconomicCode.Parse("2101501").Success);
    }
}
