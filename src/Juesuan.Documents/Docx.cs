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
}
