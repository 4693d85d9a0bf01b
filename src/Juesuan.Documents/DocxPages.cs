using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Juesuan.Documents;

/// <summary>
/// The page each bookmark of a Word body lands on, found by laying the body out as Word and LibreOffice do for the
/// paragraphs Juesuan writes: exact line pitches (a paragraph's height does not depend on the fonts installed),
/// Chinese characters a full em and Latin text in Times metrics, lines broken between Chinese characters and between
/// Latin words with closing punctuation kept with what it closes (a stop or comma hanging past the margin),
/// keep-with-next, page breaks before, widow and orphan control, table rows that cannot split (as Juesuan writes them)
/// with their header rows repeated, and each section on pages of its own size. It gives a 目录 its page numbers without
/// Word's field update (which WPS and LibreOffice do not run on opening).
/// </summary>
/// <remarks>
/// It reads what the body says, not how it was built: the style sheet (document defaults,
/// paragraph styles' spacing, keep-with-next, page break and run size), direct paragraph and run properties over them.
/// Lines whose pitch is "auto" are taken as 1.3 em a single line (SimSun's), which only pictures use here.
/// </remarks>
internal sealed class DocxPages
{
    private const int CellBorder = 10; // a 0.5 pt rule between rows, in twips

    private readonly Styles styles;
    private readonly List<(int Height, int Width)> sections;
    private readonly Dictionary<string, int> marks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Style> byId;
    private readonly Style? normal;
    private readonly Dictionary<OpenXmlElement, Measured> measured = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Table, List<(bool Header, int Height)>> tables = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Format> formats = new(StringComparer.Ordinal);
    private int section;
    private int page = 1;
    private int used;

    private DocxPages(Styles styles, List<SectionProperties> sections)
    {
        this.styles = styles;
        this.sections = [.. sections.Select(Geometry)];
        byId = styles.Elements<Style>().Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        normal = styles.Elements<Style>().FirstOrDefault(s => s.Default?.Value == true && s.Type?.Value == StyleValues.Paragraph);
    }

    /// <summary>
    /// The page (counting the first as 1, as the PAGE field does) of every bookmark started in a paragraph of
    /// <paramref name="body"/> or in the first row of one of its tables.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Of(Body body, Styles styles)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(styles);
        var sections = body.Elements<Paragraph>().Select(p => p.ParagraphProperties?.SectionProperties).OfType<SectionProperties>().ToList();
        if (body.GetFirstChild<SectionProperties>() is { } last)
        {
            sections.Add(last);
        }

        var layout = new DocxPages(styles, sections);
        layout.Lay(body.Elements().Where(e => e is Paragraph or Table).ToList());
        return layout.marks;
    }

    private int Height => section < sections.Count ? sections[section].Height : Geometry(null).Height;

    private int Width => section < sections.Count ? sections[section].Width : Geometry(null).Width;

    // The text area of a section's pages, in twips (A4 with Word's default margins where none is given).
    private static (int Height, int Width) Geometry(SectionProperties? properties)
    {
        var size = properties?.GetFirstChild<PageSize>();
        var margin = properties?.GetFirstChild<PageMargin>();
        var height = (int)(size?.Height?.Value ?? 16838U) - (margin?.Top?.Value ?? 1440) - (margin?.Bottom?.Value ?? 1440);
        var width = (int)(size?.Width?.Value ?? 11906U) - (int)(margin?.Left?.Value ?? 1800U) - (int)(margin?.Right?.Value ?? 1800U);
        return (height, width);
    }

    private void Lay(List<OpenXmlElement> elements)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            switch (elements[i])
            {
                case Paragraph paragraph:
                    var measured = Measure(paragraph, Width);
                    if (measured.PageBreakBefore && used > 0)
                    {
                        NewPage();
                    }

                    if (measured.KeepNext)
                    {
                        KeepWithNext(elements, i);
                    }

                    Place(measured);
                    if (paragraph.ParagraphProperties?.SectionProperties is not null)
                    {
                        // A section ends here; the next starts on a page of its own (a 「下一页」 break).
                        section++;
                        NewPage();
                    }

                    break;
                case Table table:
                    Place(table, i + 1 < elements.Count ? elements[i + 1] as Paragraph : null);
                    break;
            }
        }
    }

    private void NewPage()
    {
        page++;
        used = 0;
    }

    // A run of keep-with-next paragraphs moves to a new page when it and the first line after it do not fit where it is.
    private void KeepWithNext(List<OpenXmlElement> elements, int from)
    {
        var height = 0;
        var j = from;
        for (; j < elements.Count && elements[j] is Paragraph p && Measure(p, Width) is { KeepNext: true } m; j++)
        {
            height += m.Height;
        }

        if (j < elements.Count)
        {
            height += elements[j] switch
            {
                Paragraph p => Opening(Measure(p, Width)),
                Table t => HeaderHeight(Rows(t)) + Rows(t).FirstOrDefault(r => !r.Header).Height,
                _ => 0,
            };
        }

        if (used > 0 && used + height > Height && height <= Height)
        {
            NewPage();
        }
    }

    // With widow and orphan control a paragraph leaves at least two lines on each page it spans: its first part is all
    // of a paragraph of three lines or fewer, else two lines.
    private static int FirstPart(int lines) => lines <= 3 ? lines : 2;

    // What of a paragraph must stand on the page it starts on: its space before and its first line, or under widow
    // control its first part.
    private static int Opening(Measured paragraph) =>
        paragraph.Before + paragraph.Lines.Take(paragraph.Widows ? FirstPart(paragraph.Lines.Count) : 1).Sum();

    // The header rows a table repeats on every page it runs onto.
    private static int HeaderHeight(List<(bool Header, int Height)> rows) => rows.TakeWhile(r => r.Header).Sum(r => r.Height);

    private void Place(Measured paragraph)
    {
        var n = paragraph.Lines.Count;
        var breakAt = -1;
        if (paragraph.Widows && n > 1 && used > 0)
        {
            // Where the paragraph breaks, widow and orphan control leaves two lines at least on each side: the break
            // moves up, or the whole paragraph goes on to the next page.
            var room = Height - used - paragraph.Before;
            var fit = 0;
            while (fit < n && room >= paragraph.Lines[fit])
            {
                room -= paragraph.Lines[fit++];
            }

            if (fit < n)
            {
                breakAt = Math.Min(fit, n - 2);
                if (breakAt < 2)
                {
                    NewPage();
                    breakAt = -1;
                }
            }
        }

        for (var k = 0; k < n; k++)
        {
            var extra = k == 0 ? paragraph.Before : 0;
            if (used > 0 && (used + extra + paragraph.Lines[k] > Height || k == breakAt))
            {
                NewPage();
            }

            if (k == 0)
            {
                foreach (var name in paragraph.Marks)
                {
                    marks.TryAdd(name, page);
                }
            }

            used += extra + paragraph.Lines[k];
        }

        used += paragraph.After;
    }

    private void Place(Table table, Paragraph? next)
    {
        var rows = Rows(table);
        var header = HeaderHeight(rows);
        // A last row whose paragraphs keep with the next goes on to the next page with the paragraph after the table's
        // first lines when they do not fit after it.
        var keepLast = next is not null && table.Elements<TableRow>().LastOrDefault()?.Descendants<Paragraph>().Any(p => FormatOf(p.ParagraphProperties).KeepNext) == true;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var after = 0;
            if (keepLast && r == rows.Count - 1 && Measure(next!, Width) is var following)
            {
                after = Opening(following);
            }

            if (used > 0 && (used + row.Height > Height || (after > 0 && used + row.Height + after > Height)))
            {
                NewPage();
                if (!row.Header)
                {
                    used += header; // the header rows repeat at the top of every page the table runs onto
                }
            }

            if (r == 0)
            {
                foreach (var name in table.GetFirstChild<TableRow>()!.Descendants<BookmarkStart>().Select(b => b.Name?.Value).OfType<string>())
                {
                    marks.TryAdd(name, page);
                }
            }

            used += row.Height;
        }
    }

    // Each row's height: its tallest cell, a cell merged down over several rows growing the last of them when its
    // content is taller than they are together.
    private List<(bool Header, int Height)> Rows(Table table)
    {
        if (!tables.TryGetValue(table, out var rows))
        {
            rows = RowsAnew(table);
            tables[table] = rows;
        }

        return rows;
    }

    private List<(bool Header, int Height)> RowsAnew(Table table)
    {
        var margins = table.GetFirstChild<TableProperties>()?.GetFirstChild<TableCellMarginDefault>();
        var horizontal = (margins?.TableCellLeftMargin?.Width?.Value ?? 108) + (margins?.TableCellRightMargin?.Width?.Value ?? 108);
        var vertical = Twips(margins?.TopMargin?.Width?.Value) + Twips(margins?.BottomMargin?.Width?.Value) + CellBorder;
        var rows = table.Elements<TableRow>().ToList();
        var heights = new int[rows.Count];
        var merged = new List<(int Row, int Column, int Height)>(); // cells that start a vertical merge
        var continues = new HashSet<(int Row, int Column)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var column = 0;
            foreach (var cell in rows[r].Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var at = column;
                column += properties?.GridSpan?.Val?.Value ?? 1;
                if (properties?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                {
                    continues.Add((r, at));
                    continue;
                }

                var width = Twips(properties?.TableCellWidth?.Width?.Value) - horizontal;
                var content = cell.Elements<Paragraph>().Sum(p => Measure(p, width).Height) + vertical;
                if (properties?.VerticalMerge is not null)
                {
                    merged.Add((r, at, content));
                }
                else
                {
                    heights[r] = Math.Max(heights[r], content);
                }
            }

            var exact = rows[r].TableRowProperties?.GetFirstChild<TableRowHeight>();
            if (exact?.Val?.Value is { } given && (exact.HeightType?.Value == HeightRuleValues.Exact || given + CellBorder > heights[r]))
            {
                heights[r] = (int)given + CellBorder;
            }
        }

        foreach (var (start, column, content) in merged)
        {
            var last = start;
            while (continues.Contains((last + 1, column)))
            {
                last++;
            }

            var spanned = heights.Skip(start).Take(last - start + 1).Sum();
            if (spanned < content)
            {
                heights[last] += content - spanned;
            }
        }

        return [.. rows.Select((row, r) => (On(row.TableRowProperties?.GetFirstChild<TableHeader>()), heights[r]))];
    }

    // The runs of a paragraph, those inside a link included: its children and grandchildren, not the whole subtree (a walk
    // through every run's properties and text cost more than the rest of the measuring).
    private static IEnumerable<Run> Runs(Paragraph paragraph)
    {
        foreach (var child in paragraph.ChildElements)
        {
            if (child is Run run)
            {
                yield return run;
            }
            else if (child is Hyperlink or SimpleField or InsertedRun)
            {
                foreach (var inner in child.Elements<Run>())
                {
                    yield return inner;
                }
            }
        }
    }

    private static int Twips(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var twips) ? twips : 0;

    // A paragraph is measured once for the width it is laid out in (body paragraphs are looked at again by keep-with-next).
    private Measured Measure(Paragraph paragraph, int width)
    {
        if (measured.TryGetValue(paragraph, out var known) && known.Width == width)
        {
            return known;
        }

        known = MeasureAnew(paragraph, width);
        measured[paragraph] = known;
        return known;
    }

    private Measured MeasureAnew(Paragraph paragraph, int width)
    {
        var own = paragraph.ParagraphProperties;
        var format = FormatOf(own);

        // The words: each run's text at its size; a picture is a line of its own height.
        var pieces = new List<(string Text, int Size)>();
        var pictures = new List<int>();
        var size = format.Size;
        foreach (var run in Runs(paragraph))
        {
            var runSize = run.RunProperties?.FontSize is { } fontSize && Twips(fontSize.Val?.Value) is > 0 and var s ? s : format.Size;
            size = pieces.Count == 0 ? runSize : Math.Max(size, runSize); // the largest type of the paragraph
            var text = string.Empty;
            foreach (var child in run.ChildElements)
            {
                if (child is Text t)
                {
                    text = text.Length == 0 ? t.Text : text + t.Text;
                }
                else if (child is TabChar)
                {
                    // A tab takes at least an em (a 目录 entry's dotted leader before its number).
                    text += "\u3000";
                }
                else if (child is Drawing drawing)
                {
                    pictures.AddRange(drawing.Descendants<DW.Extent>().Select(e => (int)((e.Cy?.Value ?? 0L) / 635L)));
                }
            }

            pieces.Add((text, runSize));
        }

        var line = format.Rule == LineSpacingRuleValues.Exact ? format.Line
            : format.Rule == LineSpacingRuleValues.AtLeast ? Math.Max(format.Line, size * 13)
            : size * 13 * format.Line / 240; // a single line of SimSun is 1.3 em; size is in half-points

        var indentation = own?.Indentation;
        var left = indentation is null ? 0 : Twips(indentation.Left?.Value) + Twips(indentation.Right?.Value);
        var firstLine = indentation?.FirstLineChars?.Value is { } chars ? chars * size * 10 / 100 : Twips(indentation?.FirstLine?.Value);
        var lines = new List<int>();
        if (pictures.Count > 0)
        {
            lines.AddRange(pictures.Select(h => Math.Max(line, h * (format.Rule is null || format.Rule == LineSpacingRuleValues.Auto ? format.Line : 240) / 240)));
        }
        else
        {
            lines.AddRange(Enumerable.Repeat(line, LineCount(pieces, width - left, firstLine, format.Hang)));
        }

        string[] names = paragraph.GetFirstChild<BookmarkStart>() is null ? [] : [.. paragraph.Elements<BookmarkStart>().Select(b => b.Name?.Value).OfType<string>()];
        return new Measured(width, format.Before, format.After, lines, format.KeepNext, format.PageBreak, format.Widows, names);
    }

    // What a paragraph's properties, its style and the document defaults make of its spacing, size and breaking rules:
    // worked out once for each style when the paragraph adds nothing of its own but indents and alignment.
    private Format FormatOf(ParagraphProperties? own)
    {
        var id = own?.ParagraphStyleId?.Val?.Value;
        var plain = own is null || own.ChildElements.All(c => c is ParagraphStyleId or Indentation or Justification or Tabs);
        if (plain && formats.TryGetValue(id ?? string.Empty, out var known))
        {
            return known;
        }

        var style = id is not null ? byId.GetValueOrDefault(id) ?? normal : normal;
        var defaults = styles.DocDefaults?.ParagraphPropertiesDefault?.ParagraphPropertiesBaseStyle;
        var spacings = new[] { own?.SpacingBetweenLines, style?.StyleParagraphProperties?.SpacingBetweenLines, defaults?.SpacingBetweenLines };
        var pitch = spacings.FirstOrDefault(s => s?.Line is not null);
        var format = new Format(
            Before: Twips(spacings.Select(s => s?.Before?.Value).FirstOrDefault(v => v is not null)),
            After: Twips(spacings.Select(s => s?.After?.Value).FirstOrDefault(v => v is not null)),
            Rule: pitch?.LineRule?.Value,
            Line: pitch is null ? 240 : Twips(pitch.Line!.Value),
            Size: Twips(style?.StyleRunProperties?.FontSize?.Val?.Value ?? styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.FontSize?.Val?.Value ?? "21"),
            KeepNext: On(own?.KeepNext ?? style?.StyleParagraphProperties?.KeepNext),
            PageBreak: On(own?.PageBreakBefore ?? style?.StyleParagraphProperties?.PageBreakBefore),
            Widows: On(own?.WidowControl ?? style?.StyleParagraphProperties?.WidowControl ?? defaults?.WidowControl),
            Hang: (own?.OverflowPunctuation ?? style?.StyleParagraphProperties?.OverflowPunctuation ?? defaults?.OverflowPunctuation) is not { Val.Value: false });
        if (plain)
        {
            formats[id ?? string.Empty] = format;
        }

        return format;
    }

    /// <summary>
    /// How many lines <paramref name="pieces"/> take in <paramref name="width"/> twips, the first line
    /// <paramref name="firstLine"/> narrower: a Chinese character may end a line anywhere, a Latin word only whole (unless
    /// longer than a line); closing punctuation stays with what it closes, opening
    /// punctuation goes with what follows. An empty paragraph is one line. <paramref name="hang"/>: a full stop or comma
    /// may stand past the margin (Word's 允许标点溢出边界, OOXML overflowPunct; LibreOffice's hanging punctuation).
    /// </summary>
    internal static int LineCount(IReadOnlyList<(string Text, int Size)> pieces, int width, int firstLine, bool hang = true)
    {
        // Units that cannot be parted, each with its width and the width that may hang past the margin.
        var units = new List<(int Width, int Hang)>();
        var pending = 0; // opening punctuation waiting for what follows
        foreach (var (text, size) in pieces)
        {
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c < 0x2000 && !char.IsWhiteSpace(c))
                {
                    var w = 0;
                    while (i < text.Length && text[i] < 0x2000 && !char.IsWhiteSpace(text[i]))
                    {
                        w += Latin(text[i], size);
                        i++;
                    }

                    units.Add((w + pending, 0));
                    pending = 0;
                    continue;
                }

                var cw = char.IsWhiteSpace(c) ? (c == '\u3000' ? size * 10 : Latin(' ', size)) : size * 10;
                i++;
                if (Opening(c))
                {
                    pending += cw;
                }
                else if (Closing(c) && units.Count > 0)
                {
                    var (uw, hanging) = units[^1];
                    units[^1] = (uw + cw, hanging + (hang && Hanging(c) ? cw : 0));
                }
                else
                {
                    units.Add((cw + pending, 0));
                    pending = 0;
                }
            }
        }

        if (pending > 0)
        {
            units.Add((pending, 0));
        }

        var lines = 1;
        var room = width - firstLine;
        var filled = 0;
        foreach (var (w, over) in units)
        {
            if (filled > 0 && filled + w - over > room)
            {
                lines++;
                room = width;
                filled = 0;
            }

            // A unit longer than a line breaks where it must.
            filled += w;
            while (filled - over > room)
            {
                filled -= room;
                lines++;
                room = width;
            }
        }

        return lines;
    }

    // Times New Roman advance widths (thousandths of an em) of the Latin characters a disclosure prints; size in half-points.
    private static int Latin(char c, int size)
    {
        var em = c switch
        {
            >= '0' and <= '9' => 500,
            '.' or ',' or ' ' => 250,
            ':' or ';' or '/' or 'i' or 'j' or 'l' or 't' or 'I' => 278,
            '(' or ')' or '-' or 'f' or 'r' or '[' or ']' => 333,
            '%' => 833,
            'm' or 'M' => 889,
            'w' => 722,
            'W' => 944,
            >= 'A' and <= 'Z' => 667,
            >= 'a' and <= 'z' => 500,
            _ => 500,
        };
        return em * size * 10 / 1000;
    }

    // The stops and commas Word and LibreOffice let stand past the margin (LibreOffice hangs only these).
    private static bool Hanging(char c) => "，。、．".Contains(c, StringComparison.Ordinal);

    private static bool Closing(char c) => "，。、；：？！）」』】》〉”’％…—".Contains(c, StringComparison.Ordinal);

    // An on/off property: on when present without a value or with a true one (w:keepNext w:val="0" is off).
    private static bool On(OnOffType? property) => property is not null && (property.Val is null || property.Val.Value);

    private static bool On(OnOffOnlyType? property) => property is not null && (property.Val is null || property.Val.Value == OnOffOnlyValues.On);

    private static bool Opening(char c) => "（「『【《〈“‘".Contains(c, StringComparison.Ordinal);

    private sealed record Format(int Before, int After, LineSpacingRuleValues? Rule, int Line, int Size, bool KeepNext, bool PageBreak, bool Widows, bool Hang);

    private sealed record Measured(int Width, int Before, int After, List<int> Lines, bool KeepNext, bool PageBreakBefore, bool Widows, string[] Marks)
    {
        /// <summary>The whole paragraph's height, spacing included.</summary>
        public int Height => Before + Lines.Sum() + After;
    }
}
