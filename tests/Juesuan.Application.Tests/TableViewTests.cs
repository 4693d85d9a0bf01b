using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Reference;
using Juesuan.Domain.Templates;

namespace Juesuan.Application.Tests;

/// <summary>A stated table laid out as read (the CLI's show, the workbench's viewer).</summary>
public sealed class TableViewTests
{
    private static StatedTable Economic(params string[] keys) => new()
    {
        Definition = TableIds.GpbBasicEconomic, Title = "一般公共预算财政拨款基本支出决算表",
        Rows = keys.Select(k => new StatedRow { Key = k, Label = k, Cells = [new StatedCell { Column = "amount", Value = Printed.Parse("1.00").Value }] }).ToArray(),
    };

    private static IEnumerable<string> Keys(StatedTable table) =>
        TableView.Of(ReferenceData.Embedded.Templates, ReferenceData.Embedded.Templates.Default, table).Parts.Single().Rows.Select(r => r.Key);

    [Fact]
    public void Codes_read_across_blocks_printed_side_by_side_are_put_in_order_and_an_ordered_table_is_left_as_printed()
    {
        // Table 06 printed as three blocks (301…, 302…, 310…) is read across them, row by row.
        Assert.Equal(["301", "30101", "302", "30201", "310", "personnel.total"], Keys(Economic("301", "302", "310", "30101", "30201", "personnel.total")));
        Assert.Equal(["301", "30101", "personnel.total", "302"], Keys(Economic("301", "30101", "personnel.total", "302")));
    }
}
