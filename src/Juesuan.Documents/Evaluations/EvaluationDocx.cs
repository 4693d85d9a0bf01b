using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Juesuan.Domain.Model;

namespace Juesuan.Documents.Evaluations;

/// <summary>
/// Self-evaluation forms as a Word document (DocumentFormat.OpenXml): 宋体 with East Asian language set, one form per
/// page, merged 一级/二级 cells through vertical merge, header rows repeated across pages.
/// </summary>
public static class EvaluationDocx
{
    private const int Columns = 8;

    /// <summary>Writes every evaluation of a department-year to <paramref name="path"/>.</summary>
    public static void Write(DepartmentYear year, string path)
    {
        ArgumentNullException.ThrowIfNull(year);
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        var forms = year.Evaluations.Select(e => EvaluationForm.Of(year, e)).ToArray();
        for (var f = 0; f < forms.Length; f++)
        {
            var form = forms[f];
            body.Append(Paragraph(form.Title, bold: true, size: 32, center: true, pageBreakBefore: f > 0));
            body.Append(Paragraph(form.Subtitle, center: true));
            body.Append(Table(form));
        }

        body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Table Table(EvaluationForm form)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U }, new LeftBorder { Val = BorderValues.Single, Size = 4U },
                new BottomBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U })));
        table.Append(new TableGrid(Enumerable.Range(0, Columns).Select(_ => new GridColumn { Width = "1200" })));
        foreach (var (label, value) in form.Header)
        {
            table.Append(Row([Cell(label, bold: true), Cell(value, span: Columns - 1)]));
        }

        table.Append(Row(EvaluationForm.FundsHeader.Select((h, i) => Cell(h, bold: true, span: i == 0 ? 2 : 1)).ToArray()));
        foreach (var funds in form.Funds)
        {
            table.Append(Row(funds.Select((c, i) => Cell(c, span: i == 0 ? 2 : 1, right: i > 0)).ToArray()));
        }

        if (form.Planned is not null || form.Achieved is not null)
        {
            table.Append(Row([Cell("预期目标", bold: true, span: 4), Cell("实际完成情况", bold: true, span: 4)]));
            table.Append(Row([Cell(form.Planned ?? string.Empty, span: 4), Cell(form.Achieved ?? string.Empty, span: 4)]));
        }

        table.Append(Row(EvaluationForm.IndicatorHeader.Select(h => Cell(h, bold: true)).ToArray(), repeat: true));
        foreach (var row in form.Indicators)
        {
            var cells = new List<TableCell>
            {
                Cell(row.Span1 > 0 ? row.Level1 : string.Empty, merge: row.Span1 > 1 ? MergedCellValues.Restart : row.Span1 == 0 ? MergedCellValues.Continue : null),
                Cell(row.Span2 > 0 ? row.Level2 : string.Empty, merge: row.Span2 > 1 ? MergedCellValues.Restart : row.Span2 == 0 ? MergedCellValues.Continue : null),
            };
            cells.AddRange(row.Cells.Select((c, i) => Cell(c, right: i is 3 or 4)));
            table.Append(Row([.. cells]));
        }

        table.Append(Row([Cell("总分", bold: true, span: 5), Cell("100", right: true), Cell(form.Total, right: true), Cell(form.Grade is null ? string.Empty : "评价等级：" + form.Grade)]));
        return table;
    }

    private static TableRow Row(TableCell[] cells, bool repeat = false)
    {
        var row = new TableRow();
        if (repeat)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        row.Append(cells);
        return row;
    }

    private static TableCell Cell(string text, bool bold = false, int span = 1, bool right = false, MergedCellValues? merge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableCell(properties, Paragraph(text, bold: bold, size: 20, right: right));
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 21, bool center = false, bool right = false, bool pageBreakBefore = false)
    {
        var paragraphProperties = new ParagraphProperties();
        if (pageBreakBefore)
        {
            paragraphProperties.Append(new PageBreakBefore());
        }

        if (center || right)
        {
            paragraphProperties.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        }

        var runProperties = new RunProperties(new RunFonts { Ascii = "宋体", HighAnsi = "宋体", EastAsia = "宋体" });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        runProperties.Append(new Languages { EastAsia = "zh-CN" });
        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
