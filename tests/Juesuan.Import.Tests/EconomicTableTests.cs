using Juesuan.Import.Text;

namespace Juesuan.Import.Tests;

/// <summary>Table 06 printed in columns (code, name, amount, code, name, amount …), as text with tabs or spaces.</summary>
public sealed class EconomicTableTests
{
    private static string Report(string body) => $"""
        青石县医疗保障局2024年度部门决算
        一般公共预算财政拨款基本支出决算表
        编制单位：青石县医疗保障局 单位：万元
        科目编码	科目名称	决算数	科目编码	科目名称	决算数
        {body}
        """;

    [Fact]
    public void A_blank_amount_cell_between_tabs_is_a_blank_row_not_the_next_columns_code()
    {
        var year = TextReportReader.Read(Report("30311\t代缴社会保险费\t\t30239\t其他交通费用\t2.20"), "a.txt").Value!;
        var rows = year.Table("gpb-basic-economic")!.Rows;
        var blank = Assert.Single(rows, r => r.Key == "30311");
        Assert.Null(blank.Cell("amount")!.Value);
        Assert.Equal(2.20m, Assert.Single(rows, r => r.Key == "30239").Cell("amount")!.Value!.Value.Value);
    }

    [Fact]
    public void With_spaces_an_integer_followed_by_a_name_is_the_next_code_and_an_integer_amount_still_reads()
    {
        var year = TextReportReader.Read(Report("30311 代缴社会保险费 30239 其他交通费用 2.20\n30201 办公费 5 30202 印刷费 0.00"), "a.txt").Value!;
        var rows = year.Table("gpb-basic-economic")!.Rows;
        Assert.Null(Assert.Single(rows, r => r.Key == "30311").Cell("amount")!.Value);
        Assert.Equal(2.20m, Assert.Single(rows, r => r.Key == "30239").Cell("amount")!.Value!.Value.Value);
        Assert.Equal(5m, Assert.Single(rows, r => r.Key == "30201").Cell("amount")!.Value!.Value.Value);
    }
}

/// <summary>A figure in a table that cannot be read as one is kept and reported, never dropped (issue 12's silent loss).</summary>
public sealed class UnreadableCellTests
{
    [Fact]
    public void A_table_cell_with_thirteen_decimals_is_kept_as_text_and_reported_with_its_place()
    {
        const string report = """
            青石县医疗保障局2024年度部门决算
            一般公共预算财政拨款基本支出决算表
            编制单位：青石县医疗保障局 单位：万元
            科目编码	科目名称	决算数	科目编码	科目名称	决算数
            30101	基本工资	41.4112345678901	30201	办公费	1.37
            """;
        var result = TextReportReader.Read(report, "a.txt");
        var cell = Assert.Single(result.Value!.Table("gpb-basic-economic")!.Rows, r => r.Key == "30101").Cell("amount")!;
        Assert.Null(cell.Value);
        Assert.Equal("41.4112345678901", cell.Text);
        var issue = Assert.Single(result.Issues, i => i.Message.Contains("41.4112345678901", StringComparison.Ordinal));
        Assert.Contains("30101", issue.Message, StringComparison.Ordinal);
        Assert.Contains("小数位", issue.Message, StringComparison.Ordinal);
    }
}
