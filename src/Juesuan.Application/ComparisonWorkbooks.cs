using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Juesuan.Domain.Numbers;

namespace Juesuan.Application;

/// <summary>
/// Comparisons as Excel workbooks: every figure a number (not text), so a reviewer can chart, sort or sum the columns as
/// they are; a gap an empty cell with its reason beside it.
/// </summary>
public static class ComparisonWorkbooks
{
    /// <summary>A series: a title line, then year, value (in the latest year's unit for every year), unit, change, gap.</summary>
    public static void Write(Series series, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(series);
        var unit = series.Points.LastOrDefault(p => p.Value is not null)?.Value?.Unit ?? MoneyUnit.WanYuan;
        Write(stream, [("序列", [
            [$"{series.Organisation}：{series.What}（{series.Table}）"],
            ["年度", "数值", "单位", "比上年（%）", "缺口"],
            .. series.Points.Select(p => new object?[] { p.Year, p.Value?.In(unit).Value, p.Value is null ? null : unit.Name(), p.Change, p.Gap }),
        ])]);
    }

    /// <summary>A peer table: departments by ratios, the group's median and quartiles beneath, and the outliers with their sentences.</summary>
    public static void Write(PeerTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        var header = new object?[] { "部门" }.Concat(table.Ratios.Select(r => (object?)$"{r.Name}（{r.Unit}）")).ToArray();
        var rows = table.Departments.Select(d => new object?[] { d }.Concat(table.Ratios.Select(r => (object?)table.Values.GetValueOrDefault((d, r.Id)))).ToArray());
        var spread = Peers.Spread
            .Select(x => new object?[] { x.Name }.Concat(table.Ratios.Select(r => table.Statistics.TryGetValue(r.Id, out var s) ? (object?)x.Pick(s) : null)).ToArray());
        Write(stream,
        [
            ("同类比较", [[$"{table.Year} 年度 {table.Group}（{table.Departments.Count} 个）"], header, .. rows, .. spread]),
            ("离群值", [["部门", "指标", "数值", "稳健 z 值", "说明"], .. table.Outliers.Select(o => new object?[] { o.Department, table.Ratios.First(r => r.Id == o.Ratio).Name, o.Value, o.Score, o.Explanation })]),
        ]);
    }

    private static void Write(Stream stream, IReadOnlyList<(string Name, IReadOnlyList<object?[]> Rows)> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var list = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            part.Worksheet = new Worksheet(data);
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            uint index = 1;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = index };
                for (var i = 0; i < values.Length; i++)
                {
                    var cell = values[i] switch
                    {
                        decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) },
                        int n => new Cell { DataType = CellValues.Number, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) },
                        var other => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(other?.ToString() ?? string.Empty)) },
                    };
                    cell.CellReference = Column(i) + index.ToString(CultureInfo.InvariantCulture);
                    row.Append(cell);
                }

                data.Append(row);
                index++;
            }
        }

        workbook.Workbook.Save();
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));
}
