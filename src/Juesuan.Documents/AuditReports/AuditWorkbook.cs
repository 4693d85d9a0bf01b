using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Juesuan.Audit;

namespace Juesuan.Documents.AuditReports;

/// <summary>The audit as an Excel workbook: a sheet with one row per finding and a sheet with one row per document.</summary>
public static class AuditWorkbook
{
    private static readonly string[] FindingHeader = ["部门", "年度", "规则", "严重程度", "类别", "表", "位置", "说明", "应为", "实为", "差额", "最可能有误"];

    /// <summary>Writes the workbook to <paramref name="path"/>.</summary>
    public static void Write(IReadOnlyList<AuditReport> reports, string path)
    {
        using var stream = File.Create(path);
        Write(reports, stream);
    }

    /// <summary>Writes the workbook to a stream.</summary>
    public static void Write(IReadOnlyList<AuditReport> reports, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());

        var findingRows = reports.SelectMany(r => r.Findings.Select(f => new[]
        {
            r.Document.Department, r.Document.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Rule, SeverityName(f.Severity),
            f.Kind switch { FindingKind.Rounding => "尾差", FindingKind.NotChecked => "未检查", FindingKind.Failed => "执行出错", _ => "问题" },
            f.Table ?? string.Empty, f.Location, f.Message, f.Expected ?? string.Empty, f.Actual ?? string.Empty, f.Difference ?? string.Empty, f.LikelyWrong ?? string.Empty,
        }));
        AddSheet(workbook, sheets, 1, "审核发现", FindingHeader, findingRows);
        AddSheet(workbook, sheets, 2, "汇总", ["部门", "年度", "错误", "警告", "提示", "尾差", "未检查", "结论"], reports.Select(r => new[]
        {
            r.Document.Department, r.Document.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Summary.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Summary.Warnings.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Summary.Infos.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Summary.Rounding.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Summary.NotChecked.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Verdict,
        }));
        workbook.Workbook.Save();
    }

    /// <summary>严重程度 in Chinese.</summary>
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        _ => "提示",
    };

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, string[] header, IEnumerable<string[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.AppendChild(Row(1, header));
        uint index = 2;
        foreach (var row in rows)
        {
            data.AppendChild(Row(index++, row));
        }

        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row Row(uint index, IEnumerable<string> values)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in values)
        {
            row.AppendChild(new Cell
            {
                CellReference = ColumnName(column++) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        return row;
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));
}
