using System.Globalization;
using System.Net;
using System.Text;

namespace Juesuan.Documents.Disclosure;

/// <summary>How <see cref="DisclosureHtml"/> draws charts.</summary>
public enum ChartMode
{
    /// <summary>Inline SVG.</summary>
    Svg,

    /// <summary>JPEG images (for printing to PDF).</summary>
    Jpeg,

    /// <summary>Empty boxes of the charts' size.</summary>
    Box,
}

/// <summary>
/// The disclosure as one self-contained, printable HTML page: A4 pages through CSS (<c>@page</c>, page breaks before
/// parts and tables), table headers repeated on every printed page (<c>thead</c>), charts as inline SVG, a linked
/// 目录, and 【待补充】 placeholders highlighted. Chromium prints it to PDF (<see cref="PdfPrinter"/>). Headings, table
/// headers and total rows are set in 黑体 at its regular weight, as the official templates print them (the Shanghai
/// template embeds SimHei and no bold face), and bold is never synthesised: Chromium prints a synthesised bold as
/// Type 3 outlines, slower to print and to read back, instead of text in an embedded font.
/// </summary>
public static class DisclosureHtml
{
    private const string Style = """
        @page { size: A4; margin: 20mm 18mm 20mm 18mm;
          @bottom-center { content: "— " counter(page) " —"; font-family: "SimSun", "宋体", "AR PL UMing CN", "WenQuanYi Micro Hei", serif; font-size: 10.5pt; vertical-align: top; padding-top: 6mm; } }
        @page landscape { size: A4 landscape; }
        section.landscape, div.landscape { page: landscape; }
        body { font-family: "FangSong", "仿宋", "仿宋_GB2312", "SimSun", "宋体", "AR PL UMing CN", "WenQuanYi Micro Hei", serif; font-size: 12pt; line-height: 1.7; color: #000; margin: 0 auto; max-width: 190mm; font-synthesis: none; }
        @media print { body { max-width: none; } }
        h1, h2, h3, .cover-title, .table-title, figcaption, table.grid th, td.b { font-family: "SimHei", "黑体", "WenQuanYi Micro Hei", sans-serif; font-weight: normal; }
        .cover-title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "华文中宋", "SimHei", "黑体", "WenQuanYi Micro Hei", sans-serif; }
        table.grid td { font-family: "SimSun", "宋体", "AR PL UMing CN", "WenQuanYi Micro Hei", serif; }
        h1 { font-size: 18pt; text-align: center; margin: 0 0 1em; }
        h2 { font-size: 14pt; margin: 1em 0 0.5em; }
        h3 { font-size: 12pt; margin: 0.8em 0 0.3em; }
        p { text-indent: 2em; margin: 0 0 0.5em; text-align: justify; orphans: 2; widows: 2; }
        .new-page { break-before: page; page-break-before: always; }
        .signature { margin: 2em 0 0 auto; width: max-content; text-align: center; break-inside: avoid; page-break-inside: avoid; }
        .signature p, p.form-footer { text-indent: 0; }
        p.form-footer { font-size: 10.5pt; margin-top: 0.8em; white-space: nowrap; }
        .cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; }
        .cover-title { font-size: 26pt; margin-bottom: 1.5em; }
        .cover-sub { font-size: 14pt; }
        .toc ol { list-style: none; padding-left: 0; }
        .toc li.l2 { padding-left: 2em; }
        .toc li:last-child { break-before: avoid; page-break-before: avoid; }
        .toc a { color: #000; text-decoration: none; display: flex; white-space: nowrap; }
        .toc .d { flex: 1; overflow: hidden; color: #444; }
        .toc .p { width: 2.5em; text-align: right; }
        .table-number { text-align: right; font-size: 10.5pt; }
        .table-title { text-align: center; font-size: 16pt; margin: 0.2em 0; }
        .caption { display: flex; justify-content: space-between; font-size: 10.5pt; margin-bottom: 2px; }
        table.grid { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.35; }
        table.grid th, table.grid td { border: 0.5pt solid #000; padding: 1px 3px; vertical-align: middle; }
        table.grid td { vertical-align: top; }
        table.grid th { text-align: center; }
        table.grid thead { display: table-header-group; }
        table.grid tr { break-inside: avoid; page-break-inside: avoid; }
        td.r { text-align: right; white-space: nowrap; } td.c { text-align: center; }
        table.grid td.i1 { padding-left: 1.2em; } table.grid td.i2 { padding-left: 2.4em; }
        h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
        .anchor { height: 0; }
        .note { font-size: 9pt; text-indent: 0; margin-top: 0.3em; }
        figure { margin: 0.8em 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 10.5pt; }
        mark.gap { background: #ffe08a; color: #000; }
        @media screen { body { padding: 1em; } .new-page { border-top: 1px dashed #999; padding-top: 1em; margin-top: 2em; } }
        """;

    // A cover carries no page number; the pages after it keep their numbers (the 目录's numbers are the printed ones).
    private const string NoNumberOnCover = "\n@page :first { @bottom-center { content: none; } }";

    /// <summary>
    /// A mark across the page (「审核未通过」): fixed, so the browser repeats it on every printed page, and never in the way
    /// of a click.
    /// </summary>
    public static string Watermark(string text) =>
        "<div class=\"watermark\" aria-hidden=\"true\" style=\"position:fixed;top:38%;left:0;right:0;text-align:center;font-size:72pt;font-weight:bold;" +
        "color:rgba(192,0,0,0.18);transform:rotate(-28deg);z-index:1000;pointer-events:none;\">" + E(text) + "</div>\n";

    /// <summary>
    /// Renders the document. <paramref name="pages"/> gives the printed page of each heading for the 目录; without it
    /// the page numbers are left blank (the layout is the same, so a first print can find the pages).
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="pages">The page of each heading, for the 目录.</param>
    /// <param name="charts">How charts are drawn: SVG (screen), JPEG (print: chart labels as text would read as stray
    /// figures to anyone extracting the text, and the fonts are baked in), or an empty box of the same size (for a
    /// print of pages that hold no chart).</param>
    /// <param name="contentsOnly">Stop after the first 目录: the blocks up to it and the 目录 itself (a cover and the
    /// contents), printed on their own to carry the page numbers into a print of the whole document that left them
    /// blank.</param>
    public static string Render(DisclosureDocument document, IReadOnlyDictionary<HeadingBlock, int>? pages = null, ChartMode charts = ChartMode.Svg, bool contentsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(document.Title))
            .Append("</title>\n<style>\n").Append(Style).Append(document.Blocks.FirstOrDefault() is CoverBlock ? NoNumberOnCover : string.Empty)
            .Append("\n</style>\n</head>\n<body>\n");
        // Charts are drawn first, side by side: each takes milliseconds in ScottPlot, the rest of the page far less.
        Dictionary<ChartBlock, string> drawn = charts == ChartMode.Box ? [] : document.Blocks.OfType<ChartBlock>().AsParallel().AsOrdered()
            .Select(c => (Block: c, Markup: charts switch
            {
                ChartMode.Jpeg => $"<img alt=\"{E(c.Chart.Caption)}\" style=\"{ChartBox}\" src=\"data:image/jpeg;base64,{Convert.ToBase64String(c.Chart.Jpeg())}\">",
                _ => StripXmlDeclaration(c.Chart.Svg()),
            }))
            .ToDictionary(x => x.Block, x => x.Markup);
        var anchors = new Dictionary<HeadingBlock, string>(ReferenceEqualityComparer.Instance);
        foreach (var (heading, i) in document.Headings.Select((h, i) => (h, i)))
        {
            anchors[heading] = Anchor(i);
        }

        var blocks = document.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            switch (block)
            {
                case CoverBlock cover:
                    html.Append("<section class=\"cover\"><div class=\"cover-title\">").Append(E(cover.Title)).Append("</div><div class=\"cover-sub\">")
                        .Append(E(cover.Subtitle)).Append("</div><div class=\"cover-sub\">").Append(E(cover.Footer ?? string.Empty)).Append("</div></section>\n");
                    break;
                case ContentsBlock:
                    html.Append("<nav class=\"toc new-page\"><h1>目　录</h1><ol>\n");
                    foreach (var heading in document.Headings.Where(h => h.Level <= 2))
                    {
                        var page = pages is not null && pages.TryGetValue(heading, out var p) ? p.ToString(CultureInfo.InvariantCulture) : string.Empty;
                        html.Append("<li class=\"l").Append(heading.Level).Append("\"><a href=\"#").Append(anchors[heading]).Append("\"><span class=\"t\">").Append(E(heading.Text))
                            .Append("</span><span class=\"d\">……………………………………………………………………………………………</span><span class=\"p\">").Append(page).Append("</span></a></li>\n");
                    }

                    html.Append("</ol></nav>\n");
                    if (contentsOnly)
                    {
                        b = blocks.Count; // nothing after the 目录
                    }

                    break;
                case HeadingBlock { Hidden: true } hidden:
                    // The anchor of a landscape table is on the table's own (landscape) page, not on a portrait one of its own.
                    var landscape = b + 1 < blocks.Count && blocks[b + 1] is GridBlock { Grid.Landscape: true };
                    html.Append("<div id=\"").Append(anchors[hidden]).Append("\" class=\"anchor").Append(hidden.NewPage ? " new-page" : string.Empty)
                        .Append(landscape ? " landscape" : string.Empty).Append("\"></div>\n");
                    break;
                case HeadingBlock heading:
                    var tag = "h" + Math.Min(heading.Level, 3).ToString(CultureInfo.InvariantCulture);
                    html.Append('<').Append(tag).Append(" id=\"").Append(anchors[heading]).Append('"').Append(heading.NewPage ? " class=\"new-page\"" : string.Empty).Append('>')
                        .Append(E(heading.Text)).Append("</").Append(tag).Append(">\n");
                    break;
                case ParagraphBlock paragraph:
                    html.Append("<p>").Append(Marked(paragraph.Text)).Append("</p>\n");
                    break;
                case SignatureBlock signature:
                    html.Append("<div class=\"signature\"><p>").Append(E(signature.Unit)).Append("</p><p>").Append(E(signature.Date)).Append("</p></div>\n");
                    break;
                case FormFooterBlock footer:
                    html.Append("<p class=\"form-footer\">").Append(E(footer.Text)).Append("</p>\n");
                    break;
                case GridBlock grid:
                    AppendGrid(html, grid.Grid);
                    break;
                case ChartBlock chart:
                    html.Append("<figure>").Append(charts == ChartMode.Box ? $"<div style=\"{ChartBox};display:inline-block\"></div>" : drawn[chart])
                        .Append("<figcaption>（").Append(E(chart.Chart.Caption)).Append("）</figcaption></figure>\n");
                    break;
            }
        }

        if (document.Watermark is { } mark)
        {
            html.Append(Watermark(mark));
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The anchor of the <paramref name="index"/>th heading (its id, which the 目录 links to).</summary>
    internal static string Anchor(int index) => "h" + index.ToString(CultureInfo.InvariantCulture);

    // The printed size of a chart: 150 mm wide, in the chart's proportions.
    private static readonly string ChartBox = $"width:150mm;height:{(150.0 * Chart.Height / Chart.Width).ToString("0.##", CultureInfo.InvariantCulture)}mm";

    /// <summary>Appends one grid as a captioned HTML table.</summary>
    internal static void AppendGrid(StringBuilder html, Grid grid)
    {
        // The national layout: title, then the number flush right, then 编制单位 and 单位.
        html.Append(grid.Landscape ? "<section class=\"table landscape\">" : "<section class=\"table\">");
        html.Append("<div class=\"table-title\">").Append(E(grid.Title)).Append("</div>");
        if (grid.Number is not null)
        {
            html.Append("<div class=\"table-number\">").Append(E(grid.Number)).Append("</div>");
        }

        if (grid.LeftCaption is not null || grid.RightCaption is not null)
        {
            html.Append("<div class=\"caption\"><span>").Append(E(grid.LeftCaption ?? string.Empty)).Append("</span><span>").Append(E(grid.RightCaption ?? string.Empty)).Append("</span></div>");
        }

        html.Append("\n<table class=\"grid\">");
        if (grid.Widths is { } widths)
        {
            var sum = widths.Sum();
            html.Append("<colgroup>");
            foreach (var w in widths)
            {
                html.Append("<col style=\"width:").Append((100.0 * w / sum).ToString("0.##", CultureInfo.InvariantCulture)).Append("%\">");
            }

            html.Append("</colgroup>");
        }

        if (grid.Header.Count > 0)
        {
            html.Append("<thead>\n");
            foreach (var row in grid.Header)
            {
                AppendRow(html, row, "th");
            }

            html.Append("</thead>");
        }

        html.Append("<tbody>\n");
        foreach (var row in grid.Body)
        {
            AppendRow(html, row, "td");
        }

        html.Append("</tbody></table>\n");
        foreach (var note in grid.Notes)
        {
            html.Append("<p class=\"note\">").Append(Marked(note.StartsWith("注", StringComparison.Ordinal) ? note : "注：" + note)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendRow(StringBuilder html, IReadOnlyList<GridCell> row, string tag)
    {
        html.Append("<tr>");
        foreach (var cell in row)
        {
            html.Append('<').Append(tag);
            if (cell.ColSpan > 1)
            {
                html.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
            }

            if (cell.RowSpan > 1)
            {
                html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
            }

            var classes = new List<string>();
            if (tag == "td")
            {
                if (cell.Align == CellAlign.Right)
                {
                    classes.Add("r");
                }
                else if (cell.Align == CellAlign.Center)
                {
                    classes.Add("c");
                }

                if (cell.Bold)
                {
                    classes.Add("b");
                }

                if (cell.Indent > 0)
                {
                    classes.Add("i" + Math.Min(cell.Indent, 2).ToString(CultureInfo.InvariantCulture));
                }
            }

            if (classes.Count > 0)
            {
                html.Append(" class=\"").Append(string.Join(' ', classes)).Append('"');
            }

            html.Append('>').Append(E(cell.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</").Append(tag).Append('>');
        }

        html.Append("</tr>\n");
    }

    // 【待补充：…】 in a highlight, the rest escaped.
    private static string Marked(string text)
    {
        var escaped = E(text);
        var open = E(NarrativeWriter.PlaceholderOpen);
        var result = new StringBuilder();
        var at = 0;
        while (escaped.IndexOf(open, at, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = escaped.IndexOf('】', start);
            if (end < 0)
            {
                break;
            }

            result.Append(escaped, at, start - at).Append("<mark class=\"gap\">").Append(escaped, start, end - start + 1).Append("</mark>");
            at = end + 1;
        }

        return result.Append(escaped, at, escaped.Length - at).ToString();
    }

    private static string StripXmlDeclaration(string svg) => svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..] : svg;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
