using Juesuan.Import.Text;

namespace Juesuan.Import.Tests;

/// <summary>
/// Coded tables as `pdftotext -layout` prints them: columns by position, rows printing some of their columns, a cell
/// aligned higher than its neighbours on a line of its own, the 栏次 line and a page number between the rows.
/// </summary>
public sealed class LayoutTableTests
{
    // 普陀 2024's 支出决算表 as pdftotext -layout gives it (headers wrapped, a Chinese character one character of text).
    private const string Expenditure = """
        青石县医疗保障局2024年度部门决算
                                        支出决算表
                                                                                     单位：万元
                        项目                                                           对附属单位
                                        本年支出合                 项目支      上缴上级支   经营支
           支出功能分类                                  基本支出                                补
                               科目名称       计                    出         出      出
            科目编码                                                                      助支出
                                                   2,336.91   603.14
                                        2,940.05
         类    款   项
                                合计
                                                   1,503.52   603.14
        201             一般公共服务支出        2,106.66
                                                   1,503.52
        201   06   01   行政运行            1,511.89               8.37
        201   06   02   一般行政管理事务           10.00                10.00
                                               7
        208             社会保障和就业支出          833.39    833.39
        """;

    private static Dictionary<string, decimal?> Row(string key)
    {
        var year = TextReportReader.Read(Expenditure, "layout.txt").Value!;
        var row = Assert.Single(year.Table("expenditure")!.Rows, r => r.Key == key);
        return row.Cells.ToDictionary(c => c.Column, c => c.Value?.Value);
    }

    [Fact]
    public void Each_figure_goes_to_the_column_it_stands_under()
    {
        Assert.Equal((10.00m, (decimal?)null, 10.00m), (Row("2010602")["total"]!.Value, Row("2010602").GetValueOrDefault("basic"), Row("2010602")["project"]!.Value));
        Assert.Equal((833.39m, 833.39m, (decimal?)null), (Row("208")["total"]!.Value, Row("208")["basic"]!.Value, Row("208").GetValueOrDefault("project")));
    }

    [Fact]
    public void A_line_of_figures_alone_belongs_to_the_row_whose_figures_stand_in_other_columns()
    {
        Assert.Equal((2940.05m, 2336.91m, 603.14m), (Row("total")["total"]!.Value, Row("total")["basic"]!.Value, Row("total")["project"]!.Value));
        Assert.Equal((2106.66m, 1503.52m, 603.14m), (Row("201")["total"]!.Value, Row("201")["basic"]!.Value, Row("201")["project"]!.Value));
        Assert.Equal((1511.89m, 1503.52m, 8.37m), (Row("2010601")["total"]!.Value, Row("2010601")["basic"]!.Value, Row("2010601")["project"]!.Value));
    }

    [Fact]
    public void A_page_number_between_the_rows_is_no_figure_and_nothing_is_filled_left_to_right()
    {
        var result = TextReportReader.Read(Expenditure, "layout.txt");
        Assert.DoesNotContain(result.Value!.Table("expenditure")!.Rows.SelectMany(r => r.Cells), c => c.Value?.Value == 7m);
        Assert.DoesNotContain(result.Issues, i => i.Message.Contains("从左到右", StringComparison.Ordinal));
    }

    [Fact]
    public void In_a_two_sided_table_a_line_of_figures_alone_follows_the_labels_it_stands_beside()
    {
        // 普陀 2024's 财政拨款收入支出决算总表 through pdftotext -layout: the income figures print a line above their labels.
        const string Text = """
            青石县医疗保障局2024年度部门决算
                                        财政拨款收入支出决算总表
                                                                                  单位：万元
                      收入                                        支出
                 项目         决算数            项目         合计
                           2,940.05
            一、一般公共预算财政拨款              一、一般公共服务支出     2,106.66        2,106.66
                          二、外交支出
                           2,940.05                  2,940.05
               本年收入合计                    本年支出合计                  2,940.05
            """;
        var rows = TextReportReader.Read(Text, "layout.txt").Value!.Table("fiscal-summary")!.Rows;
        Assert.Equal(2940.05m, rows.Single(r => r.Key == "income.general").Cell("amount")!.Value!.Value.Value);
        Assert.Equal(2940.05m, rows.Single(r => r.Key == "income.total").Cell("amount")!.Value!.Value.Value);
        Assert.Equal(2940.05m, rows.Single(r => r.Key == "expense.total").Cell("total")!.Value!.Value.Value);
    }

    [Fact]
    public void An_economic_table_printed_over_three_lines_a_row_is_read_row_by_row()
    {
        // 普陀 2024's 基本支出决算表 through pdftotext -layout: figures, then codes, then names with the right column's 款;
        // a name wrapped under itself and a name printed letter by letter.
        const string Text = """
            青石县医疗保障局2024年度部门决算
                                一般公共预算财政拨款基本支出决算表
                                                                             单位：万元
                经济分类                                   经济分类
                               科目名称      决算数                         科目名称        决算数

            301                         2,082.85   302                           171.07
                        工资福利支出                                 商品和服务支出

                                        262.33                                   21.21
            301    01                              302
                        基本工资                              01   办公费

                                        160.75
            301    08   机关事业单位基本养老保险缴              302
                                                          06   电费
                        费
            303   11                            302         公 务 用 车 运 行 维 护
                       代缴社会保险费                        31
                                                            费
                                     2,152.26                                 184.65
                       人员经费合计                              公用经费合计
            """;
        var rows = TextReportReader.Read(Text, "layout.txt").Value!.Table("gpb-basic-economic")!.Rows;
        decimal? Amount(string key) => rows.Single(r => r.Key == key).Cell("amount")?.Value?.Value;
        Assert.Equal((2082.85m, 171.07m, 262.33m, 21.21m, 160.75m), (Amount("301"), Amount("302"), Amount("30101"), Amount("30201"), Amount("30108")));
        Assert.Null(Amount("30206"));
        Assert.Equal("机关事业单位基本养老保险缴费", rows.Single(r => r.Key == "30108").Label);
        Assert.Equal("公务用车运行维护费", rows.Single(r => r.Key == "30231").Label);
        Assert.Equal((2152.26m, 184.65m), (Amount("personnel.total"), Amount("public.total")));
    }

    [Fact]
    public void A_three_public_table_takes_each_figure_under_its_basis_and_item()
    {
        // 普陀 2024's 09 through pdftotext -layout: 「预算数 决算数」 under each item, figures under them, blanks untraced.
        const string Text = """
            青石县医疗保障局2024年度部门决算
                                         财政拨款“三公”经费支出决算表
                                                                                       单位：万元
                                               财政拨款“三公”经费
                                                     公务用车购置及运行费
                     合计      因公出国（境）费
                                              小计                   公务用车运行费        公务接待费
                                                      公务用车购置费
            预算数       决算数   预算数   决算数   预算数    决算数   预算数    决算数   预算数   决算数   预算数      决算数
              0.95                                                              0.95       0.32
            """;
        var rows = TextReportReader.Read(Text, "layout.txt").Value!.Table("three-public")!.Rows;
        decimal? Cell(string row, string column) => rows.Single(r => r.Key == row).Cell(column)?.Value?.Value;
        Assert.Equal((0.95m, 0.95m, 0.32m), (Cell("budget", "total")!.Value, Cell("budget", "reception")!.Value, Cell("actual", "reception")!.Value));
        Assert.Null(Cell("actual", "total"));
    }

    [Fact]
    public void On_a_page_after_the_headings_the_columns_closed_up_are_the_columns_the_headings_page_used()
    {
        // 西南大学 2023 表 3 through pdftotext -layout: page 2 prints no 上缴上级/经营 figures, and pdftotext closes those
        // columns up — 对附属单位补助's figures stand where 上缴上级支出's heading is.
        const string Headings = """
            青石县医疗保障局2024年度部门决算
                                                 支出决算表
                                                                                        单位：万元
                                        本年支出合                 项目支      上缴上级支   经营支   对附属单位补
                               科目名称       计     基本支出           出         出      出      助支出
            205       教育支出        1,300.00     1,000.00       200.00                                   100.00
            20502     普通教育        1,300.00     1,000.00       200.00                                   100.00
            """;
        const string Next = """
            208       社会保障和就业支出  120.00      100.00      15.00       5.00
            20805     行政事业单位养老支出 120.00     100.00      15.00       5.00
            """;
        var text = Headings + "\n\f" + Next;
        var rows = TextReportReader.Read(text, "layout.txt").Value!.Table("expenditure")!.Rows;
        var row = Assert.Single(rows, r => r.Key == "208");
        Assert.Equal((120.00m, 100.00m, 15.00m, 5.00m), (row.Cell("total")!.Value!.Value.Value, row.Cell("basic")!.Value!.Value.Value, row.Cell("project")!.Value!.Value.Value,
            row.Cells.Single(c => c.Column == "subsidyToAffiliates").Value!.Value.Value));
    }

    [Fact]
    public void A_row_on_the_first_line_of_a_page_is_read_though_a_form_feed_opens_it()
    {
        // pdftotext -raw of 普陀 2024: 「\f2101101 行政单位医疗 60.99 60.99」 opens page 10.
        var text = "青石县医疗保障局2024年度部门决算\n支出决算表\n单位：万元\n科目编码 科目名称 本年支出合计 基本支出 项目支出\n"
            + "21011 行政事业单位医疗 60.99 60.99\n\f2101101 行政单位医疗 60.99 60.99\n";
        var rows = TextReportReader.Read(text, "raw.txt").Value!.Table("expenditure")!.Rows;
        Assert.Equal(60.99m, Assert.Single(rows, r => r.Key == "2101101").Cell("total")!.Value!.Value.Value);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("   ")]
    public void Text_without_columns_behind_it_is_read_left_to_right(string between)
    {
        // 西工 2022's tables, copied with single spaces — or spaced out with runs of spaces whose rows printing every
        // column do not stand under the headings: no columns to go by either way.
        string[][] lines =
        [
            ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
            ["合计", "138.68", "131.48", "7.20", "0.00", "0.00", "0.00"],
            ["208", "社会保障和就业支出", "10.00", "9.97", "0.03", "0.00", "0.00", "0.00"],
            ["210", "卫生健康支出", "5.00", "5.00"],
        ];
        var text = "青石县医疗保障局2024年度部门决算\n支出决算表\n单位：万元\n" + string.Join("\n", lines.Select(l => string.Join(between, l))) + "\n";
        var result = TextReportReader.Read(text, "plain.txt");
        var rows = result.Value!.Table("expenditure")!.Rows;
        var row = Assert.Single(rows, r => r.Key == "208");
        Assert.Equal((10.00m, 9.97m, 0.03m), (row.Cell("total")!.Value!.Value.Value, row.Cell("basic")!.Value!.Value.Value, row.Cell("project")!.Value!.Value.Value));
        // A row printing fewer figures than columns has no positions to go by: left to right, and said.
        var partial = Assert.Single(rows, r => r.Key == "210");
        Assert.Equal((5.00m, 5.00m), (partial.Cell("total")!.Value!.Value.Value, partial.Cell("basic")!.Value!.Value.Value));
        Assert.Contains(result.Issues, i => i.Message.Contains("该行有 2 个数，表头有 6 栏，已按从左到右对应", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_printed_over_and_under_its_code_line_and_a_total_after_the_headings_are_read()
    {
        // 西南大学 2023 through pdftotext -layout: a tall name cell centred on its code line; 「类 款 项 合计」 on one line.
        const string Text = """
            青石县医疗保障局2024年度部门决算
                                             支出决算表
                                                                                     单位：万元
                                    本年支出合                 项目支      上缴上级支   经营支
                           科目名称       计     基本支出           出         出      出
            类 款 项 合计        23,465.06   13,465.06   10,000.00
            208       社会保障和就业支出    13,465.06    13,465.06
                      行政事业单位养老支
            20805                  13,465.06    13,465.06
                      出
            """;
        var rows = TextReportReader.Read(Text, "layout.txt").Value!.Table("expenditure")!.Rows;
        Assert.Equal("行政事业单位养老支出", Assert.Single(rows, r => r.Key == "20805").Label);
        Assert.Equal("社会保障和就业支出", Assert.Single(rows, r => r.Key == "208").Label);
        Assert.Equal(23465.06m, Assert.Single(rows, r => r.Key == "total").Cell("total")!.Value!.Value.Value);
    }
}
