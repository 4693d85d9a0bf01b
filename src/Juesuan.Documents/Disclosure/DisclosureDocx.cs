using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Juesuan.Documents.Disclosure;

/// <summary>
/// The disclosure as a Word document (DocumentFormat.OpenXml): A4, 宋体/黑体 with the East Asian language set,
/// heading styles with outline levels feeding a 目录 field whose page numbers are laid out here (<see cref="DocxPages"/>),
/// so Word, WPS and LibreOffice show them without updating the field, page numbers in the footer, tables with merged
/// headers (GridSpan / VerticalMerge) repeated on every page, charts as PNG. Every line of text has an exact pitch
/// (twice its type size, 24 pt where the size is the body's; table cells 12 pt; a picture's line is its own height), so
/// where a page breaks does not depend on the fonts a reader has installed.
/// </summary>
public static class DisclosureDocx
{
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;
    private const int TextWidth = PageWidth - (2 * Margin);
    private const int LandscapeTextWidth = PageHeight - (2 * Margin);
    private const int CellPitch = 240; // 12 pt lines in table cells (8.5 pt type)

    // The exact line pitch for type of a size in half-points: twice the type size, in twips.
    private static string Pitch(int size) => (size * 20).ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="document"/> to <paramref name="path"/>.</summary>
    public static void Write(DisclosureDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = File.Create(path);
        Write(document, stream);
    }

    /// <summary>Writes <paramref name="document"/> to a stream.</summary>
    public static void Write(DisclosureDocument document, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        AddStyles(main);
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings();
        var footer = Docx.PageNumberFooter(main, "— ", " —");

        var body = new Body();
        uint imageId = 1;
        var contents = new Contents(document);

        // Charts are drawn first, side by side (each PNG takes tens of milliseconds in ScottPlot).
        var drawn = document.Blocks.OfType<ChartBlock>().AsParallel().AsOrdered().Select(c => (Block: c, Png: c.Chart.Png()))
            .ToDictionary(x => x.Block, x => x.Png);
        // A wide table the template prints landscape (Shanghai 02–04, 07–09) takes a section of its own, as in the PDF: the
        // portrait section before it ends in a paragraph carrying its properties, the landscape one after the table (or
        // after a run of such tables), and the page break a section break makes is not made twice.
        var hasCover = document.Blocks.FirstOrDefault() is CoverBlock;
        // The watermark's header, made once and named by every section.
        var watermarkId = document.Watermark is { } watermark ? main.GetIdOfPart(Docx.MarkHeader(main, watermark)) : null;
        var sections = 0;
        var landscape = false;
        var fresh = false;
        void EndSection()
        {
            // The paragraph that ends a section is a hairline, so a table that fills its page does not push it onto a page of its own.
            body.Append(new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { Line = "20", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
                    Section(main, watermarkId, footer, landscape, first: sections++ == 0, hasCover)),
                new Run(new RunProperties(new FontSize { Val = "2" }))));
            landscape = !landscape;
            fresh = true;
        }

        var blocks = document.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var mark = block is HeadingBlock listed ? contents.Bookmark(listed) : null;
            var wide = block is GridBlock { Grid.Landscape: true }
                || (block is HeadingBlock { Hidden: true } && b + 1 < blocks.Count && blocks[b + 1] is GridBlock { Grid.Landscape: true });
            if (wide != landscape)
            {
                EndSection();
            }

            if (fresh && block is HeadingBlock { NewPage: true } opening)
            {
                // The section break has turned the page already.
                block = opening with { NewPage = false };
            }

            fresh = false;
            switch (block)
            {
                case CoverBlock cover:
                    body.Append(Paragraph(string.Empty, spacingBefore: 4000));
                    body.Append(Paragraph(cover.Title, size: 52, bold: true, center: true, font: "黑体"));
                    body.Append(Paragraph(cover.Subtitle, size: 32, center: true, spacingBefore: 1200));
                    body.Append(Paragraph(cover.Footer ?? string.Empty, size: 32, center: true, spacingBefore: 600));
                    break;
                case ContentsBlock:
                    body.Append(Paragraph("目　录", size: 36, bold: true, center: true, font: "黑体", pageBreakBefore: true));
                    body.Append(contents.Entries());
                    break;
                case HeadingBlock heading:
                    body.Append(Heading(heading, mark));
                    break;
                case ParagraphBlock paragraph:
                    body.Append(Paragraph(paragraph.Text, firstLineChars: 200));
                    break;
                case SignatureBlock signature:
                    // Unit over date, flush right, with room above as a letter closes.
                    body.Append(Paragraph(signature.Unit, right: true, spacingBefore: 480));
                    body.Append(Paragraph(signature.Date, right: true));
                    break;
                case FormFooterBlock formFooter:
                    body.Append(Paragraph(formFooter.Text, size: 21, spacingBefore: 160));
                    break;
                case GridBlock grid:
                    // A form's signature lines do not stand alone on a page: its last row goes on with them.
                    body.Append(GridElements(grid.Grid, keepLastRow: b + 1 < blocks.Count && blocks[b + 1] is FormFooterBlock));
                    break;
                case ChartBlock chart:
                    body.Append(Image(main, chart.Chart, drawn[chart], imageId++));
                    body.Append(Paragraph($"（{chart.Chart.Caption}）", size: 21, center: true, font: "黑体"));
                    break;
            }
        }

        body.Append(Section(main, watermarkId, footer, landscape, first: sections == 0, hasCover));
        contents.Number(DocxPages.Of(body, main.StyleDefinitionsPart!.Styles!));
        main.Document = new Document(body); // saved once, as the package closes
    }

    /// <summary>
    /// The properties of a section: A4 portrait or landscape, the page-number footer and the watermark on every page; the
    /// first section's first page (the cover) without a number.
    /// </summary>
    private static SectionProperties Section(MainDocumentPart main, string? mark, FooterPart footer, bool landscape, bool first, bool hasCover)
    {
        var section = new SectionProperties();
        var cover = first && hasCover;
        if (mark is { } header)
        {
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = header });
            if (cover)
            {
                section.Append(new HeaderReference { Type = HeaderFooterValues.First, Id = header });
            }
        }

        section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
        if (cover)
        {
            // A cover has no page number: its first page takes a footer of its own, empty (the watermark stays on it).
            var blank = main.AddNewPart<FooterPart>();
            blank.Footer = new Footer(new Paragraph());
            section.Append(new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(blank) });
        }

        section.Append(landscape
            ? new PageSize { Width = (uint)PageHeight, Height = (uint)PageWidth, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = (uint)PageWidth, Height = (uint)PageHeight });
        section.Append(new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567U, Footer = 567U, Gutter = 0U });
        if (cover)
        {
            section.Append(new TitlePage());
        }

        return section;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体" },
                    new FontSize { Val = "24" }, new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new WidowControl(), new SpacingBetweenLines { Line = Pitch(24), LineRule = LineSpacingRuleValues.Exact }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            HeadingStyle(1, 36),
            HeadingStyle(2, 30),
            HeadingStyle(3, 24),
            new Style(
                new StyleName { Val = "Table Text" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = CellPitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact }),
                new StyleRunProperties(new FontSize { Val = "17" }))
            {
                Type = StyleValues.Paragraph,
                StyleId = "TableText",
            });
    }

    private static Style HeadingStyle(int level, int size) => new(
        new StyleName { Val = "heading " + level.ToString(CultureInfo.InvariantCulture) },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new PrimaryStyle(),
        new StyleParagraphProperties(
            new KeepNext(),
            new SpacingBetweenLines { Before = "240", After = "120", Line = Pitch(size), LineRule = LineSpacingRuleValues.Exact },
            level == 1 ? new Justification { Val = JustificationValues.Center } : new Justification { Val = JustificationValues.Left },
            new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new RunFonts { Ascii = "黑体", HighAnsi = "黑体", EastAsia = "黑体" }, new Bold(), new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }))
    {
        Type = StyleValues.Paragraph,
        StyleId = "Heading" + level.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The 目录: a TOC field whose result is written as Word writes it — an entry per heading of levels 1–2, its text a
    /// link to the heading's bookmark, a dotted leader and a PAGEREF to the same bookmark holding the page number laid out
    /// by <see cref="DocxPages"/>. A hidden heading (a table's, which prints its own title) is listed through a TC field,
    /// so Word's 更新域 keeps it.
    /// </summary>
    private sealed class Contents(DisclosureDocument document)
    {
        private readonly HeadingBlock[] headings = [.. document.Headings.Where(h => h.Level <= 2)];
        private readonly List<(Text Number, string Bookmark)> numbers = [];

        /// <summary>The bookmark of <paramref name="heading"/> when the 目录 lists it.</summary>
        public string? Bookmark(HeadingBlock heading)
        {
            var index = Array.FindIndex(headings, h => ReferenceEquals(h, heading));
            return index < 0 ? null : "_Toc" + (100_000_001 + index).ToString(CultureInfo.InvariantCulture);
        }

        public IEnumerable<OpenXmlElement> Entries()
        {
            for (var i = 0; i < headings.Length; i++)
            {
                var level = headings[i].Level;
                var bookmark = Bookmark(headings[i])!;
                // Entries at a 20 pt pitch: a county's 目录 of some thirty lines keeps to one page.
                var paragraph = new Paragraph(new ParagraphProperties(
                    new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth }),
                    new SpacingBetweenLines { Line = "400", LineRule = LineSpacingRuleValues.Exact },
                    new Indentation { Left = level == 1 ? "0" : "420" }));
                if (i == 0)
                {
                    paragraph.Append(FieldStart(" TOC \\o \"1-2\" \\f \\h \\z \\u "));
                }

                // Laid out with the widest number a 目录 prints, then written with the page's own.
                var number = new Text("000");
                numbers.Add((number, bookmark));
                paragraph.Append(new Hyperlink(
                    [
                        new Run(new Text(headings[i].Text) { Space = SpaceProcessingModeValues.Preserve }),
                        new Run(new TabChar()),
                        .. FieldStart($" PAGEREF {bookmark} \\h "),
                        new Run(number),
                        FieldEnd(),
                    ])
                { Anchor = bookmark, History = true });
                if (i == headings.Length - 1)
                {
                    paragraph.Append(FieldEnd());
                }

                yield return paragraph;
            }
        }

        /// <summary>Writes each entry's page from <paramref name="pages"/> (bookmark → page).</summary>
        public void Number(IReadOnlyDictionary<string, int> pages)
        {
            foreach (var (number, bookmark) in numbers)
            {
                number.Text = pages.TryGetValue(bookmark, out var page) ? page.ToString(CultureInfo.InvariantCulture)
                    : throw new InvalidOperationException($"The 目录's bookmark {bookmark} is on no heading of the body.");
            }
        }

        /// <summary>The runs that open a field with <paramref name="code"/> and begin its result.</summary>
        public static OpenXmlElement[] FieldStart(string code) =>
        [
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(code) { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        ];

        /// <summary>The run that closes a field.</summary>
        public static Run FieldEnd() => new(new FieldChar { FieldCharType = FieldCharValues.End });
    }

    private static Paragraph Heading(HeadingBlock heading, string? bookmark)
    {
        if (heading.Hidden)
        {
            // The page break and nothing printed: the table's own title follows. A TC field lists it in the 目录.
            var hidden = new Paragraph(heading.NewPage ? new ParagraphProperties(new PageBreakBefore(), new SpacingBetweenLines { Before = "0", After = "0" }) : new ParagraphProperties());
            if (bookmark is not null)
            {
                // A TC field has no result: begin, code, end.
                hidden.Append(Marked(bookmark,
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode($" TC \"{heading.Text.Replace("\"", "\\\"", StringComparison.Ordinal)}\" \\l {heading.Level.ToString(CultureInfo.InvariantCulture)} ") { Space = SpaceProcessingModeValues.Preserve }),
                    Contents.FieldEnd()));
            }

            return hidden;
        }

        var properties = new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + Math.Min(heading.Level, 3).ToString(CultureInfo.InvariantCulture) });
        if (heading.NewPage)
        {
            properties.Append(new PageBreakBefore());
        }

        var text = new Run(new Text(heading.Text) { Space = SpaceProcessingModeValues.Preserve });
        var paragraph = new Paragraph(properties);
        paragraph.Append(bookmark is null ? [text] : Marked(bookmark, text));
        return paragraph;
    }

    // Runs between the start and end of a bookmark.
    private static OpenXmlElement[] Marked(string bookmark, params OpenXmlElement[] runs)
    {
        var id = bookmark[4..];
        return [new BookmarkStart { Name = bookmark, Id = id }, .. runs, new BookmarkEnd { Id = id }];
    }

    private static IEnumerable<OpenXmlElement> GridElements(Grid grid, bool keepLastRow = false)
    {
        var textWidth = grid.Landscape ? LandscapeTextWidth : TextWidth;
        yield return Paragraph(grid.Title, size: 32, bold: true, center: true, font: "黑体");
        if (grid.Number is not null)
        {
            yield return Paragraph(grid.Number, size: 21, right: true);
        }

        if (grid.LeftCaption is not null || grid.RightCaption is not null)
        {
            // Left caption flush left, right caption at a right tab stop.
            var caption = new Paragraph(new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Right, Position = textWidth })));
            caption.Append(Docx.Run(grid.LeftCaption ?? string.Empty, 21), new Run(new TabChar()), Docx.Run(grid.RightCaption ?? string.Empty, 21));
            yield return caption;
        }

        var table = Table(grid);
        if (keepLastRow && table.Elements<TableRow>().LastOrDefault() is { } last)
        {
            foreach (var properties in last.Descendants<Paragraph>().Select(p => p.ParagraphProperties ??= new ParagraphProperties()))
            {
                properties.KeepNext = new KeepNext();
            }
        }

        yield return table;
        foreach (var note in grid.Notes)
        {
            yield return Paragraph(note.StartsWith("注", StringComparison.Ordinal) ? note : "注：" + note, size: 18);
        }
    }

    private static Table Table(Grid grid)
    {
        var textWidth = grid.Landscape ? LandscapeTextWidth : TextWidth;
        var widths = grid.Widths ?? Enumerable.Repeat(1, grid.Columns).ToArray();
        var sum = widths.Sum();
        var twips = widths.Select(w => textWidth * w / sum).ToArray();
        var table = new Table(new TableProperties(
            new TableWidth { Width = textWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U }, new LeftBorder { Val = BorderValues.Single, Size = 4U },
                new BottomBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(twips.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        AppendRows(table, grid.Header, grid.Columns, twips, header: true);
        AppendRows(table, grid.Body, grid.Columns, twips, header: false);
        return table;
    }

    // Rows through the full matrix: a position covered from above becomes a VerticalMerge continuation cell.
    private static void AppendRows(Table table, IReadOnlyList<IReadOnlyList<GridCell>> rows, int columns, int[] twips, bool header)
    {
        var matrix = Grid.Matrix(rows, columns);
        var origin = new GridCell?[rows.Count, columns];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (matrix[r][c] is { } cell)
                {
                    for (var dr = 0; dr < cell.RowSpan && r + dr < rows.Count; dr++)
                    {
                        origin[r + dr, c] = cell;
                    }
                }
            }
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = new TableRow();
            row.Append(header ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
            var c = 0;
            while (c < columns)
            {
                var cell = matrix[r][c];
                var covering = origin[r, c];
                if (cell is null && covering is null)
                {
                    // Covered horizontally by a span from the left: already emitted.
                    c++;
                    continue;
                }

                var source = cell ?? covering!;
                var span = source.ColSpan;
                var width = twips.Skip(c).Take(span).Sum();
                MergedCellValues? merge = source.RowSpan > 1 ? (cell is null ? MergedCellValues.Continue : MergedCellValues.Restart) : null;
                row.Append(Cell(cell is null ? string.Empty : source.Text, source, span, width, merge, header));
                c += span;
            }

            table.Append(row);
        }
    }

    private static TableCell Cell(string text, GridCell style, int span, int width, MergedCellValues? merge, bool header)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var lines = text.Split('\n');
        var cell = new TableCell(properties);
        foreach (var line in lines)
        {
            var indent = style.Indent > 0 ? style.Indent * 180 : 0;
            // The cell's type and pitch come from the TableText style: a table of a few hundred cells need not repeat them.
            var paragraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = "TableText" });
            if (indent > 0)
            {
                paragraphProperties.Append(new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture) });
            }

            if (style.Align == CellAlign.Center || header || style.Align == CellAlign.Right)
            {
                paragraphProperties.Append(new Justification { Val = style.Align == CellAlign.Right && !header ? JustificationValues.Right : JustificationValues.Center });
            }

            var run = new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve });
            if (style.Bold || header)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            cell.Append(new Paragraph(paragraphProperties, run));
        }

        return cell;
    }

    private static Paragraph Image(MainDocumentPart main, Chart chart, byte[] image, uint id)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(image))
        {
            part.FeedData(png);
        }

        const long widthEmu = 5_760_000L; // 16 cm
        var heightEmu = widthEmu * Chart.Height / Chart.Width;
        var relationship = main.GetIdOfPart(part);
        var name = "chart" + id.ToString(CultureInfo.InvariantCulture) + ".png";
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = widthEmu, Cy = heightEmu },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = chart.Caption },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = widthEmu, Cy = heightEmu }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        // A picture's line is single and as tall as the picture: an exact pitch would crop it.
        return new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = JustificationValues.Center }), new Run(drawing));
    }

    private static Paragraph Paragraph(string text, int size = 24, bool bold = false, bool center = false, bool right = false, string? font = null,
        bool pageBreakBefore = false, int spacingBefore = 0, int firstLineChars = 0)
    {
        var properties = new ParagraphProperties();
        if (pageBreakBefore)
        {
            properties.Append(new PageBreakBefore());
        }

        // Every line at an exact pitch (twice the type size), so page breaks do not depend on installed fonts.
        var spacing = new SpacingBetweenLines { Line = Pitch(size), LineRule = LineSpacingRuleValues.Exact };
        if (spacingBefore > 0)
        {
            spacing.Before = spacingBefore.ToString(CultureInfo.InvariantCulture);
        }

        properties.Append(spacing);

        if (firstLineChars > 0)
        {
            // Word and WPS read the indent in characters; LibreOffice only in twips, so both are written.
            properties.Append(new Indentation { FirstLineChars = firstLineChars, FirstLine = (firstLineChars * size / 10).ToString(CultureInfo.InvariantCulture) });
        }

        if (center || right)
        {
            properties.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        }

        return new Paragraph(properties, Docx.Run(text, size, font, bold));
    }
}
