using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Juesuan.Domain.Numbers;

namespace Juesuan.Application;

/// <summary>A series as an Excel workbook: the figures as numbers (not text) so a reviewer can chart or sum them; a gap as an empty cell with its reason.</summary>
public static class SeriesWorkbook
{
    /// <summary>Writes <paramref name="series"/> to <paramref name="stream"/>.</summary>
    public static void Write(Series series, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        sheet.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "序列" });

        // One unit for every year (the latest year's), so the column can be charted or summed as it is.
        var unit = series.Points.LastOrDefault(p => p.Value is not null)?.Value?.Unit ?? MoneyUnit.WanYuan;
        uint index = 1;
        data.Append(Row(index++, Text($"{series.Organisation}：{series.What}（{series.Table}）")));
        data.Append(Row(index++, Text("年度"), Text("数值"), Text("单位"), Text("比上年（%）"), Text("缺口")));
        foreach (var point in series.Points)
        {
            data.Append(Row(index++,
                Number(point.Year),
                point.Value is { } v ? Number(v.In(unit).Value) : Text(string.Empty),
                Text(point.Value is null ? string.Empty : unit.Name()),
                point.Change is { } c ? Number(c) : Text(string.Empty),
                Text(point.Gap ?? string.Empty)));
        }

        workbook.Workbook.Save();
    }

    private static Row Row(uint index, params Cell[] cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = $"{(char)('A' + i)}{index}";
            row.Append(cells[i]);
        }

        return row;
    }

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell Number(decimal value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) };
}
