using Juesuan.Domain.Model;
using Juesuan.Formats;
using System.Runtime.CompilerServices;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Juesuan.Import.Pdf;

/// <summary>What a figure is known by when it is looked for on a PDF's pages.</summary>
/// <param name="Value">The figure as printed (「2,961.68」, 「0.3万元」, 「71.73%」).</param>
/// <param name="Page">The page the reader found it (or its section's heading) on, when known.</param>
/// <param name="RowCode">For a table cell: the row's code, when it is a classification code.</param>
/// <param name="RowLabel">For a table cell: the row's label.</param>
/// <param name="ColumnName">For a table cell: the column's name, whose header lies above the figure.</param>
/// <param name="Sentence">For the narrative: the sentence it is in.</param>
/// <param name="SpanStart">For the narrative: where it starts in the sentence.</param>
/// <param name="TableTitle">For a table cell: the table's title (「公开03表（支出决算表）」 or the title alone); the figure is looked for below it.</param>
public sealed record FigureQuery(string Value, int? Page = null, string? RowCode = null, string? RowLabel = null, string? ColumnName = null, string? Sentence = null, int? SpanStart = null, string? TableTitle = null);

/// <summary>
/// Finds a figure's letters on a PDF's pages and gives their boxes (PDF user space, one per printed line), so a viewer
/// can highlight it. The letters are grouped into lines by baseline; a table cell is looked for on the line of its row
/// (its code or label) and, when the figure is printed more than once there, under its column's header; a narrative
/// figure inside its sentence. Box edges come from the letters' baselines and font size, which hold whether or not
/// the font programs were parsed (<see cref="TextOnlyParsing"/>).
/// </summary>
public sealed class PdfLocator
{
    // PDFs read in this process, by their bytes (the very array), with the letters their reading gave: an audit locates its
    // findings on the PDF it has just read without reading its pages again (that second read was a third of auditing a PDF).
    // An entry lives as long as its bytes.
    private static readonly ConditionalWeakTable<byte[], PdfLocator> ReadBefore = new();

    private readonly Lazy<Dictionary<int, List<Line>>> _lines;
    private readonly Dictionary<int, (double Width, double Height)> _sizes;

    // The lines of each page are made from its letters when a figure is first looked for.
    private PdfLocator(IReadOnlyList<PageLetters> pages)
    {
        _sizes = pages.ToDictionary(p => p.Number, p => (p.Width, p.Height));
        _lines = new(() => pages.ToDictionary(p => p.Number, p => ByBaseline(p.Number, p.Glyphs)));
    }

    /// <summary>
    /// The locator of a PDF's bytes, or null when they cannot be read as one: from the letters of their reading when this
    /// process has just read these bytes (<see cref="Remember"/>), else by reading them.
    /// </summary>
    public static PdfLocator? Open(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (ReadBefore.TryGetValue(content, out var read))
        {
            return read;
        }

        try
        {
            return TextOnlyParsing.Read(content, document => new PdfLocator([.. document.GetPages().Select(LettersOf)]));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Keeps the letters the reading of <paramref name="content"/> gave, page by page, for <see cref="Open"/>.</summary>
    internal static void Remember(byte[] content, IReadOnlyList<PageLetters> pages) => ReadBefore.AddOrUpdate(content, new PdfLocator(pages));

    /// <summary>A page's size and its printed letters, as the locator keeps them.</summary>
    internal sealed record PageLetters(int Number, double Width, double Height, List<Glyph> Glyphs);

    /// <summary>The letters of a page (whitespace left out), each character at its letter's place along the baseline.</summary>
    internal static PageLetters LettersOf(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var glyphs = new List<Glyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            var text = PrintedText.Normalize(letter.Value);
            if (text.Length == 0 || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var left = Math.Min(letter.StartBaseLine.X, letter.EndBaseLine.X);
            var right = Math.Max(letter.StartBaseLine.X, letter.EndBaseLine.X);
            var size = letter.PointSize > 0 ? letter.PointSize : 10;
            foreach (var ch in text)
            {
                glyphs.Add(new Glyph(ch, left, right, letter.StartBaseLine.Y, size));
            }
        }

        return new PageLetters(page.Number, page.Width, page.Height, glyphs);
    }

    // Letters on one baseline (within a third of their size) make a line, left to right; lines top to bottom.
    private static List<Line> ByBaseline(int page, List<Glyph> glyphs)
    {
        var lines = new List<Line>();
        foreach (var glyph in glyphs.OrderByDescending(g => g.Baseline).ThenBy(g => g.Left))
        {
            var line = lines.Count > 0 && Math.Abs(lines[^1].Baseline - glyph.Baseline) <= glyph.Size / 3 ? lines[^1] : null;
            if (line is null)
            {
                line = new Line(page, glyph.Baseline);
                lines.Add(line);
            }

            line.Glyphs.Add(glyph);
        }

        foreach (var line in lines)
        {
            line.Glyphs.Sort((a, b) => a.Left.CompareTo(b.Left));
            line.Text = new string(line.Glyphs.Select(g => g.Char).ToArray());
        }

        return lines;
    }

    /// <summary>The boxes of the figure's letters, one per line it spans; empty when it cannot be found.</summary>
    public IReadOnlyList<PageBox> Locate(FigureQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var forms = Forms(query.Value);
        if (forms.Count == 0)
        {
            return [];
        }

        var all = _lines.Value;
        var pages = (query.Page is { } p ? Enumerable.Range(p, query.Sentence is null ? 1 : 3).Where(all.ContainsKey) : all.Keys.Order()).ToList();
        foreach (var page in pages)
        {
            var lines = all[page];
            var found = query.Sentence is not null ? InSentence(all.GetValueOrDefault(page + 1) is { } next ? [.. lines, .. next] : lines, query, forms)
                : query.RowCode is not null || query.RowLabel is not null ? InRow(lines, query, forms)
                : null;
            // With nothing but a page to go on, the value's first printing on that page; without a page either, nothing —
            // the first printing anywhere in the document is a guess a reviewer would be misled by.
            found ??= query.Sentence is null && query.RowCode is null && query.RowLabel is null && query.Page is not null ? First(lines, forms) : null;
            if (found is { } hit)
            {
                return Boxes(hit);
            }
        }

        return [];
    }

    // The printed value, then without thousands separators, then its number alone (「0.3万元」 → 「0.3」).
    private static List<string> Forms(string value)
    {
        var squeezed = new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var number = new string(squeezed.SkipWhile(c => !char.IsAsciiDigit(c) && c != '-').TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-').ToArray());
        return new[] { squeezed, squeezed.Replace(",", string.Empty, StringComparison.Ordinal), number, number.Replace(",", string.Empty, StringComparison.Ordinal) }
            .Where(f => f.Length > 0 && f != "-").Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<(Line Line, int Start, int Length)>? First(List<Line> lines, List<string> forms)
    {
        foreach (var form in forms)
        {
            foreach (var line in lines)
            {
                if (Occurrences(line.Text, form).Where(a => line.Standalone(a, form.Length)).FirstOrDefault(-1) is var at and >= 0)
                {
                    return [(line, at, form.Length)];
                }
            }
        }

        return null;
    }

    // A table cell: on its row — the line printing its code, else its label (or, wrapped, the label's start), and the
    // lines within a text height of it, where a cell centred in a tall row prints its figure — under its column's
    // header when the row prints the figure more than once.
    private static List<(Line Line, int Start, int Length)>? InRow(List<Line> lines, FigureQuery query, List<string> forms)
    {
        // Below the table's own title when it is on the page: another table's row of the same name is not this one.
        if (TitleLine(lines, query.TableTitle) is { } title)
        {
            lines = lines.Where(l => l.Baseline < title.Baseline).ToList();
        }

        var label = Squeeze(query.RowLabel);
        var anchors = new[] { query.RowCode is { } code && code.All(char.IsAsciiDigit) ? code : null, label, label is { Length: > 6 } ? label[..6] : null }
            .Where(a => a is { Length: > 0 }).Select(a => a!).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var anchor in anchors)
        {
            foreach (var row in lines.Where(l => Occurrences(l.Text, anchor).Any(at => l.Standalone(at, anchor.Length))))
            {
                var band = lines.Where(l => Math.Abs(l.Baseline - row.Baseline) <= (row.Glyphs.Count > 0 ? row.Glyphs[0].Size : 10)).OrderBy(l => Math.Abs(l.Baseline - row.Baseline));
                foreach (var form in forms)
                {
                    foreach (var line in band)
                    {
                        var hits = Occurrences(line.Text, form).Where(at => line.Standalone(at, form.Length)).ToList();
                        if (hits.Count == 0)
                        {
                            continue;
                        }

                        var at = hits.Count == 1 || Header(lines, line, query.ColumnName) is not { } x ? hits[0]
                            : hits.OrderBy(h => Math.Abs(line.Center(h, form.Length) - x)).First();
                        return [(line, at, form.Length)];
                    }
                }
            }
        }

        return null;
    }

    // The line printing a table's title: the title inside 「公开03表（…）」, or as given.
    private static Line? TitleLine(List<Line> lines, string? title)
    {
        if (Squeeze(title) is not { Length: > 0 } squeezed)
        {
            return null;
        }

        var open = squeezed.IndexOf('（', StringComparison.Ordinal);
        var inner = open >= 0 && squeezed.EndsWith('）') ? squeezed[(open + 1)..^1] : squeezed;
        return lines.FirstOrDefault(l => l.Text.Contains(inner, StringComparison.Ordinal) && l.Text.Length <= inner.Length + 12);
    }

    // The centre of a column's header above a line: the nearest line above that prints the column's name.
    private static double? Header(List<Line> lines, Line row, string? column)
    {
        var name = Squeeze(column);
        if (name is not { Length: > 0 })
        {
            return null;
        }

        var header = lines.Where(l => l.Baseline > row.Baseline && l.Text.Contains(name, StringComparison.Ordinal)).OrderBy(l => l.Baseline).FirstOrDefault();
        return header is null ? null : header.Center(header.Text.IndexOf(name, StringComparison.Ordinal), name.Length);
    }

    // A narrative figure: the sentence's start is found in the page's text (lines joined), then the figure at or after its place in the sentence.
    private static List<(Line Line, int Start, int Length)>? InSentence(List<Line> lines, FigureQuery query, List<string> forms)
    {
        var text = new System.Text.StringBuilder();
        var map = new List<(Line Line, int Index)>();
        foreach (var line in lines)
        {
            // As the reader's sentences are (radicals as their ideographs, brackets full-width, 「"三公"」 curly), one
            // character for one, so the map holds.
            var printed = PrintedText.ChinesePunctuation(string.Concat(line.Text.Select(c => PrintedText.Normalize(c.ToString()) is [var one] ? one : c)));
            for (var i = 0; i < printed.Length; i++)
            {
                text.Append(printed[i]);
                map.Add((line, i));
            }
        }

        var all = text.ToString();
        var said = query.Sentence ?? string.Empty;
        var sentence = Squeeze(said)!;
        var head = sentence[..Math.Min(sentence.Length, 12)];
        if (head.Length == 0)
        {
            return null;
        }

        var offset = Squeeze(said[..Math.Min(said.Length, query.SpanStart ?? 0)])!.Length;
        foreach (var start in Occurrences(all, head))
        {
            foreach (var form in forms)
            {
                var at = all.IndexOf(form, Math.Min(all.Length, start + Math.Max(0, offset - 2)), StringComparison.Ordinal);
                if (at >= 0 && at <= start + sentence.Length)
                {
                    return map.Skip(at).Take(form.Length).GroupBy(m => m.Line).Select(g => (g.Key, g.First().Index, g.Count())).ToList();
                }
            }
        }

        return null;
    }

    private static IEnumerable<int> Occurrences(string text, string needle)
    {
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    private static string? Squeeze(string? text) => text is null ? null : new string(PrintedText.ChinesePunctuation(PrintedText.Normalize(text)).Where(c => !char.IsWhiteSpace(c)).ToArray());

    private List<PageBox> Boxes(List<(Line Line, int Start, int Length)> parts) => parts.Select(p =>
    {
        var (width, height) = _sizes[p.Line.Page];
        var glyphs = p.Line.Glyphs.Skip(p.Start).Take(p.Length).ToList();
        var size = glyphs.Max(g => g.Size);
        return new PageBox(p.Line.Page, glyphs.Min(g => g.Left), p.Line.Baseline - (size * 0.2), glyphs.Max(g => g.Right), p.Line.Baseline + (size * 0.8), width, height);
    }).ToList();

    /// <summary>A printed character and where its letter is.</summary>
    internal readonly record struct Glyph(char Char, double Left, double Right, double Baseline, double Size);

    private sealed class Line(int page, double baseline)
    {
        public int Page { get; } = page;

        public double Baseline { get; } = baseline;

        public List<Glyph> Glyphs { get; } = [];

        public string Text { get; set; } = string.Empty;

        public double Center(int start, int length) => (Glyphs[start].Left + Glyphs[start + length - 1].Right) / 2;

        /// <summary>
        /// True when the characters are a whole figure or code, not part of a longer one (「60.99」 of 「160.99」,
        /// 「208」 of 「2080501」): a digit beside them must stand apart by a gap, as table columns do.
        /// </summary>
        public bool Standalone(int start, int length)
        {
            static bool Numeric(char c) => char.IsAsciiDigit(c) || c is '.' or ',';
            var first = Glyphs[start];
            var last = Glyphs[start + length - 1];
            var before = start == 0 || !Numeric(Text[start - 1]) || first.Left - Glyphs[start - 1].Right > first.Size * 0.25;
            var after = start + length == Text.Length || !Numeric(Text[start + length]) || Glyphs[start + length].Left - last.Right > last.Size * 0.25;
            return before && after;
        }
    }
}
