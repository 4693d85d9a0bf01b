using Juesuan.Documents.Disclosure;
using Juesuan.TestSupport;
using SkiaSharp;

namespace Juesuan.Documents.Tests;

/// <summary>
/// A document is printed with its installed fonts cut down to its characters (issue 19): the same glyphs in the same
/// places, from a font file a few hundred kilobytes long instead of 5–21 MB.
/// </summary>
public sealed class PrintFontsTests(DisclosurePdfTests.Browser browser) : IClassFixture<DisclosurePdfTests.Browser>
{
    private const string Installed = "WenQuanYi Micro Hei";

    private const string Uming = "AR PL UMing CN";

    [Fact]
    public void The_families_of_the_style_sheets_are_named_in_order_without_generic_ones_or_inline_styles()
    {
        const string html = """
            <html><head><style>
            body { font-family: "FangSong", "仿宋", 'AR PL UMing CN', serif; }
            h1, th { font-family: "SimHei","WenQuanYi Micro Hei" , sans-serif; font-weight: normal }
            .x { font-family: var(--f), "fangsong", monospace }
            .y { font-family: fangsong, ui-serif, "Kaiti" !important }
            </style></head><body><p style="font-family: Inline Only">正文</p></body></html>
            """;
        Assert.Equal(["FangSong", "仿宋", "AR PL UMing CN", "SimHei", "WenQuanYi Micro Hei", "Kaiti"], PrintFonts.FamiliesNamed(html));
    }

    [SkippableFact]
    public void An_installed_family_is_carried_with_the_glyphs_of_the_documents_characters_and_ascii_only()
    {
        RequireFont(Installed);
        var html = $$"""<html><head><style>body { font-family: "仿宋_GB2312", "{{Installed}}", sans-serif; }</style></head><body><p>医疗保障局决算公开：收入合计&#215;100%</p></body></html>""";

        var embedded = PrintFonts.Embed(html);

        Assert.StartsWith("<html><head><style>body", embedded, StringComparison.Ordinal);
        var face = System.Text.RegularExpressions.Regex.Matches(embedded, """@font-face\{font-family:"([^"]+)";font-weight:400;font-stretch:100%;font-style:normal;font-display:block;src:url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)""");
        var only = Assert.Single(face);
        Assert.Equal(Installed, only.Groups[1].Value);
        var font = Convert.FromBase64String(only.Groups[2].Value);
        using var full = SKFontManager.Default.MatchFamily(Installed);
        using var subset = SKTypeface.FromData(SKData.CreateCopy(font));
        Assert.NotNull(subset);
        foreach (var c in "医疗保障局决算公开：收入合计0123456789AZaz×")
        {
            Assert.True(subset.ContainsGlyph(c), $"{c} kept");
        }

        Assert.True(full.ContainsGlyph('龘') && !subset.ContainsGlyph('龘'), "a character the document does not print is left out");
        Assert.InRange(subset.GlyphCount, 50, 400);
        Assert.True(full.GlyphCount > 20_000);
        // Once more, from the process's copy of the installed font: the same subset.
        Assert.Equal(embedded, PrintFonts.Embed(html));
    }

    [Fact]
    public void A_document_naming_no_installed_family_is_printed_as_it_is()
    {
        const string html = """<html><head><style>body { font-family: "Juesuan No Such Font", serif; }</style></head><body>正文</body></html>""";
        Assert.Same(html, PrintFonts.Embed(html));
    }

    [SkippableFact]
    public async Task A_disclosure_prints_the_same_glyphs_in_the_same_places_either_way()
    {
        Paths.RequireBrowser();
        RequireFont(Installed);
        RequireFont(Uming);
        var document = new DisclosureDocument("测试", [
            new CoverBlock("部门决算", "青石县医疗保障局", null), new HeadingBlock(1, "第一部分 部门概况", NewPage: true),
            new ParagraphBlock("青石县医疗保障局2024年度收入合计1,234.56万元，比上年增加5.67%。主要原因是城乡居民医疗救助支出增加。"),
            // Written as entities in the HTML (×, ·, ²) and a character beyond the Basic Multilingual Plane.
            new ParagraphBlock("执行率=（实际支出÷预算数）×100%；面积120m²；张·𠀀某。"),
            new HeadingBlock(2, "二、支出决算情况说明", NewPage: false), new ParagraphBlock("支出合计1,111.11万元；其中基本支出888.88万元。")], []);
        var html = DisclosureHtml.Render(document);
        var embedded = PrintFonts.Embed(html);
        Assert.Contains($"@font-face{{font-family:\"{Uming}\";", embedded, StringComparison.Ordinal);
        Assert.Contains($"@font-face{{font-family:\"{Installed}\";", embedded, StringComparison.Ordinal);
        // Small: the print's cost follows the font's size. (Keeping every table carried UMing's 2.95 MB of embedded
        // bitmaps into the subset and made the print slower than with the installed font.)
        Assert.InRange(embedded.Length - html.Length, 1_000, 400_000);
        var printer = await browser.Printer;

        var plain = await printer.PrintAsync(html, subsetFonts: false, CancellationToken.None);
        var subset = await printer.PrintAsync(html, subsetFonts: true, CancellationToken.None);

        Assert.Equal(Letters(plain), Letters(subset));
        Assert.True(Letters(plain).Count > 100);
    }

    private static List<string> Letters(byte[] pdf)
    {
        using var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
        // The font's name without its subset tag (ABCDEF+), the character, its box to a hundredth of a point.
        return [.. read.GetPages().SelectMany(p => p.Letters.Select(l =>
        {
            var font = l.FontName ?? string.Empty;
            var box = l.BoundingBox;
            return $"{p.Number} {l.Value} {font[(font.IndexOf('+', StringComparison.Ordinal) + 1)..]} {l.PointSize:F2} {box.Left:F2} {box.Bottom:F2} {box.Width:F2} {box.Height:F2}";
        }))];
    }

    private static void RequireFont(string family)
    {
        using var font = SKFontManager.Default.MatchFamily(family);
        if (font?.FamilyName == family)
        {
            return;
        }

        // The fonts come with the browser's setup (.ci/run installs both): required where the browser is.
        Assert.False(Environment.GetEnvironmentVariable("JUESUAN_REQUIRE_BROWSER") == "1", $"{family} is not installed (apt-get install fonts-wqy-microhei fonts-arphic-uming)");
        Skip.If(true, $"{family} is not installed (apt-get install fonts-wqy-microhei fonts-arphic-uming)");
    }
}
