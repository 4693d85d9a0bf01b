using Juesuan.Formats.Json;
using Juesuan.Import.Text;

namespace Juesuan.Import.Tests;

/// <summary>An empty table's header line is not a row, and what import writes audit can read back.</summary>
public sealed class EmptyTableHeaderTests
{
    private const string Report = """
        青石县医疗保障局2024年度部门决算
        政府性基金预算财政拨款收入支出决算表
        编制单位：青石县医疗保障局 单位：万元
        项目 年初结转和结余 本年收入 本年支出
        合计 基本支出 项目支出
        合计
        注：本部门无政府性基金预算财政拨款收支，故本表为空。
        """;

    [Fact]
    public void The_header_of_an_empty_table_is_not_read_as_its_total_row()
    {
        var year = TextReportReader.Read(Report, "a.txt").Value!;
        var table = year.Table("gov-fund")!;
        Assert.DoesNotContain(table.Rows, r => r.Label == "基本支出项目支出");
        var total = Assert.Single(table.Rows, r => r.Key == "total");
        Assert.Equal("合计", total.Label);
        Assert.Equal(6, total.Source!.Line);
    }

    [Fact]
    public void An_empty_table_written_as_json_reads_back()
    {
        var year = TextReportReader.Read(Report, "a.txt").Value!;
        var back = DepartmentYearJson.Read(DepartmentYearJson.Write(year));
        Assert.True(back.Success, string.Join("；", back.Errors));
    }
}

/// <summary>The unit a table header names, read once for the department, the labels and the rules.</summary>
public sealed class UnitNameTests
{
    [Theory]
    [InlineData("编制单位：镇安县医疗保障局", "编制单位", "镇安县医疗保障局")]
    [InlineData("部门名称：洛阳市西工区医疗保障局 2022年度 单位：万元", "部门名称", "洛阳市西工区医疗保障局")]
    [InlineData("部门名称：XX局2022年度单位：万元", "部门名称", "XX局")]
    [InlineData("单位名称：  单位：万元", "单位名称", "")]
    [InlineData("单位名称：", "单位名称", "")]
    public void The_unit_name_stops_at_the_next_label_or_the_year(string text, string label, string name) =>
        Assert.Equal((label, name), ReportText.UnitName(text));

    [Fact]
    public void A_line_without_the_label_names_no_unit() => Assert.Null(ReportText.UnitName("单位：万元"));
}
