using Juesuan.Import.Pdf;
using UglyToad.PdfPig.Writer;

namespace Juesuan.Import.Tests;

/// <summary>Finding a figure's letters on a PDF's page from what the reader said of it.</summary>
public sealed class PdfLocatorTests
{
    // Two lines printed with ASCII brackets, the same value twice: the sentence says which one is meant.
    private static PdfLocator Page()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        var font = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        page.AddText("(1) total 12.50, items 3.00", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        page.AddText("(2) other 3.00", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 600), font);
        return PdfLocator.Open(builder.Build())!;
    }

    [Fact]
    public void A_sentence_the_reader_gave_full_width_brackets_is_found_on_a_line_printed_with_ascii_ones()
    {
        // The reader makes brackets full-width (PrintedText.ChinesePunctuation); the page keeps what was printed.
        var sentence = "（2）other3.00";
        var boxes = Page().Locate(new FigureQuery("3.00", Sentence: sentence, SpanStart: sentence.IndexOf("3.00", StringComparison.Ordinal)));
        var box = Assert.Single(boxes);
        Assert.True(box.Bottom < 650, $"the 3.00 of the second line, not the first: {box.Bottom}");
    }

    [Fact]
    public void A_value_with_neither_sentence_row_nor_page_is_not_guessed()
    {
        var locator = Page();
        Assert.Empty(locator.Locate(new FigureQuery("3.00")));
        Assert.Single(locator.Locate(new FigureQuery("3.00", Page: 1)));
    }
}
