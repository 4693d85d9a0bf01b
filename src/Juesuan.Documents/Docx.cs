using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Juesuan.Documents;

/// <summary>What every DOCX Juesuan writes is made of: a run of text in a font and size, a page-number footer.</summary>
internal static class Docx
{
    /// <summary>A run of <paramref name="text"/> at <paramref name="size"/> half-points, Chinese-language.</summary>
    public static Run Run(string text, int size, string? font = null, bool bold = false, string? color = null)
    {
        var properties = new RunProperties();
        if (font is not null)
        {
            properties.Append(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font });
        }

        if (bold)
        {
            properties.Append(new Bold());
        }

        if (color is not null)
        {
            properties.Append(new Color { Val = color });
        }

        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }, new Languages { EastAsia = "zh-CN" });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>
    /// A footer part with the page number centred, between <paramref name="before"/> and <paramref name="after"/>
    /// (「— 1 —」 in official documents); the number is a PAGE field Word fills in.
    /// </summary>
    public static FooterPart PageNumberFooter(MainDocumentPart main, string before = "", string after = "", int size = 21, string? font = null)
    {
        var footer = main.AddNewPart<FooterPart>();
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        if (before.Length > 0)
        {
            paragraph.Append(Run(before, size, font));
        }

        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), Run("1", size, font), new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
        if (after.Length > 0)
        {
            paragraph.Append(Run(after, size, font));
        }

        footer.Footer = new Footer(paragraph);
        return footer;
    }

    /// <summary>
    /// A header part that prints <paramref name="text"/> on every page, large and red (the mark of a document that did
    /// not pass its audit, 「审核未通过」), so no page of it can be mistaken for the one to publish.
    /// </summary>
    public static HeaderPart MarkHeader(MainDocumentPart main, string text)
    {
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Run(text, 44, "黑体", bold: true, color: "C00000")));
        return header;
    }
}
