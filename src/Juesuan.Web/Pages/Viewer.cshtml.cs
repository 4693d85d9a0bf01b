using System.Text.Json;
using Juesuan.Application;
using Juesuan.Audit;
using Juesuan.Domain.Model;
using Juesuan.Formats;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juesuan.Web.Pages;

/// <summary>
/// A finding against its source, side by side with what Juesuan read there (对照原件): on the left the original — a PDF
/// page drawn by pdf.js with each of the finding's figures boxed, or a text file's lines with the figures' lines
/// highlighted — and on the right the tables as read, the figures' cells marked, and the sentences the narrative figures
/// were read from. A misread shows as a difference between the two sides.
/// </summary>
public sealed class ViewerModel(Reports reports, Audits audits, Access access, JuesuanOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = string.Empty;

    /// <summary>The finding's fingerprint: the same finding whatever else the report gained or lost since the link was made.</summary>
    [BindProperty(SupportsGet = true, Name = "finding")]
    public string FindingPrint { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "figure")]
    public int FigureIndex { get; set; }

    public Finding? Finding { get; private set; }

    /// <summary>What is shown of the original: "pdf", "text", or null when nothing is (JSON, Excel, not kept, or no place on it).</summary>
    public string? OriginalKind { get; private set; }

    /// <summary>The reader the original was read by (pdf, text, excel, json), or null when none was kept.</summary>
    public string? Reader { get; private set; }

    /// <summary>The PDF page to open on: the chosen figure's.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>The boxes of every figure of the finding on every page, in PDF user space with the page size.</summary>
    public string BoxesJson { get; private set; } = "[]";

    /// <summary>A text original's lines, with the parts holding the finding's figures marked.</summary>
    public IReadOnlyList<SourceLine> Lines { get; private set; } = [];

    /// <summary>The line to scroll to: the chosen figure's.</summary>
    public int? FocusLine { get; private set; }

    /// <summary>Each table a figure was read from, as read, with the figures' cells.</summary>
    public IReadOnlyList<MarkedTable> Tables { get; private set; } = [];

    /// <summary>Each sentence a narrative figure was read from, with the figure in it.</summary>
    public IReadOnlyList<MarkedSentence> Sentences { get; private set; } = [];

    /// <summary>A location as this page shows it: without the original's file name (the page is about that file).</summary>
    public string Place(string location) => Places.WithoutFile(location, [OriginalName]);

    private string? OriginalName { get; set; }

    /// <summary>What a link to this page says for a figure at <paramref name="where"/> of a report whose original is <paramref name="original"/>; null when there is nothing to show.</summary>
    public static string? LinkText(FigureLocation? where, Juesuan.Storage.StoredOriginal? original) => where switch
    {
        // A figure of the report of the year before is not in this one's original.
        { PriorReport: true } => null,
        { Boxes.Count: > 0 } => $"在原件第 {where.Boxes[0].Page} 页查看",
        { Page: { } page } when original?.Reader == "pdf" => $"在原件第 {page} 页查看",
        { Line: { } line } when original?.Reader == "text" => $"在原文第 {line} 行查看",
        { Table: not null } or { Sentence: not null } => "查看读取结果",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.CanSeeAsync(User, Key, ct))
        {
            return NotFound();
        }

        var loaded = await reports.LoadStoredAsync(Key, withOriginal: true, ct);
        if (loaded.Year is not { } year)
        {
            return NotFound();
        }

        Finding = (await audits.AuditStoredAsync(loaded, ct)).Findings.FirstOrDefault(f => FindingFingerprint.Of(f) == FindingPrint);
        var reader = Reader = loaded.Original?.Reader;
        OriginalName = loaded.Original?.FileName;
        if (Finding?.Figures.ElementAtOrDefault(FigureIndex) is not { } chosen || LinkText(chosen.Where, loaded.Original) is null)
        {
            return NotFound();
        }

        var where = chosen.Where!;
        if (reader == "pdf" && (where.Boxes.Count > 0 || where.Page is not null))
        {
            OriginalKind = "pdf";
            PageNumber = where.Boxes.FirstOrDefault()?.Page ?? where.Page!.Value;
            BoxesJson = JsonSerializer.Serialize(Finding.Figures.SelectMany(f => (f.Where?.Boxes ?? []).Select(b => new { b.Left, b.Bottom, b.Right, b.Top, b.PageWidth, b.PageHeight, b.Page, f.Value })));
        }
        else if (reader == "text" && where.Line is not null && InputFile.DecodeText(loaded.Original!.Content, loaded.Original.FileName, out _, out _, report: false) is { } text)
        {
            OriginalKind = "text";
            Lines = SourceLine.Mark(text, Finding.Figures);
            FocusLine = SourceLine.Mark(text, [chosen]).FirstOrDefault(l => l.Marked)?.Number ?? where.Line;
        }

        Tables = MarkedTable.Of(year, options.Reference, Finding.Figures, chosen);
        Sentences = Finding.Figures.Where(f => f.Where?.Sentence is not null)
            .Select(f => MarkedSentence.Of(f))
            .DistinctBy(s => (s.Before, s.Figure, s.After))
            .ToArray();
        return Page();
    }
}

/// <summary>A line of a text original: its number and its text cut where the finding's figures are (odd parts are figures).</summary>
public sealed record SourceLine(int Number, IReadOnlyList<string> Parts)
{
    // How far past its line a figure is looked for: a paragraph wraps over a few lines, blank ones between them.
    private const int Reach = 40;

    /// <summary>True when a figure of the finding is on this line.</summary>
    public bool Marked => Parts.Count > 1;

    /// <summary>The line as HTML: its text encoded, each figure in a &lt;mark&gt;, no white space added.</summary>
    public IHtmlContent ToHtml()
    {
        var html = new HtmlContentBuilder();
        for (var i = 0; i < Parts.Count; i++)
        {
            if (i % 2 == 1)
            {
                html.AppendHtml("<mark>").Append(Parts[i]).AppendHtml("</mark>");
            }
            else
            {
                html.Append(Parts[i]);
            }
        }

        return html;
    }

    /// <summary>
    /// The lines of <paramref name="text"/>, numbered as the text reader numbers them, each figure marked where it is
    /// printed. A narrative figure is found through its sentence (which starts on the figure's line and may wrap over the
    /// lines after it, white space and line breaks between its characters); a table figure by its value on its row's
    /// line. A figure found neither way marks the whole of its line.
    /// </summary>
    public static IReadOnlyList<SourceLine> Mark(string text, IEnumerable<FindingFigure> figures)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var marks = new Dictionary<int, List<(int Start, int Length)>>();
        foreach (var figure in figures)
        {
            // The report of the year before has its own lines.
            if (figure.Where is not { PriorReport: false, Line: { } line } || line < 1 || line > lines.Length)
            {
                continue;
            }

            var spans = InSentence(lines, line - 1, figure.Where) ?? ByValue(lines, line - 1, figure.Value) ?? [(line - 1, 0, lines[line - 1].Length)];
            foreach (var (at, start, length) in spans)
            {
                if (!marks.TryGetValue(at, out var list))
                {
                    marks[at] = list = [];
                }

                list.Add((start, length));
            }
        }

        return lines.Select((l, i) => new SourceLine(i + 1, marks.TryGetValue(i, out var spans) ? Cut(l, spans) : [l])).ToArray();
    }

    // The figure's characters through its sentence: the sentence without white space is looked for in the characters
    // without white space of the lines around the figure's line (a sentence may start lines before the statement the
    // figure belongs to, and wrap over lines after it); of its occurrences, the one that puts the figure nearest its
    // line is taken, and the figure's characters are mapped back to their lines.
    private static List<(int Line, int Start, int Length)>? InSentence(string[] lines, int line, FigureLocation where)
    {
        if (where is not { Sentence: { } sentence, SpanStart: { } spanStart, SpanLength: { } spanLength } || spanStart < 0 || spanLength <= 0 || spanStart + spanLength > sentence.Length)
        {
            return null;
        }

        var chars = new System.Text.StringBuilder();
        var places = new List<(int Line, int Column)>();
        for (var i = Math.Max(0, line - Reach); i < Math.Min(lines.Length, line + Reach); i++)
        {
            for (var c = 0; c < lines[i].Length; c++)
            {
                if (!char.IsWhiteSpace(lines[i][c]))
                {
                    chars.Append(Fold(lines[i][c]));
                    places.Add((i, c));
                }
            }
        }

        static string Solid(string s) => string.Concat(s.Where(ch => !char.IsWhiteSpace(ch)).Select(Fold));
        var stream = chars.ToString();
        var whole = Solid(sentence);
        var offset = Solid(sentence[..spanStart]).Length;
        var length = Solid(sentence.Substring(spanStart, spanLength)).Length;
        if (length == 0)
        {
            return null;
        }

        List<(int Line, int Column)>? best = null;
        for (var at = stream.IndexOf(whole, StringComparison.Ordinal); at >= 0 && whole.Length > 0; at = stream.IndexOf(whole, at + 1, StringComparison.Ordinal))
        {
            var figure = places.GetRange(at + offset, length);
            if (best is null || Math.Abs(figure[0].Line - line) < Math.Abs(best[0].Line - line))
            {
                best = figure;
            }
        }

        return best?.GroupBy(p => p.Line).Select(g => (g.Key, g.Min(p => p.Column), g.Max(p => p.Column) - g.Min(p => p.Column) + 1)).ToList();
    }

    // A character as the readers compare it: full-width forms as their ASCII (「（类）」 is read from 「(类)」), one for one.
    private static char Fold(char c) => ContentsEntry.Fold(c);

    // A table figure: its value (without the unit a finding adds, 「154.78元」) on its row's line.
    private static List<(int Line, int Start, int Length)>? ByValue(string[] lines, int at, string value)
    {
        var printed = value.TrimEnd('元', '万', ' ').Trim();
        var column = printed.Length == 0 ? -1 : lines[at].IndexOf(printed, StringComparison.Ordinal);
        return column < 0 ? null : [(at, column, printed.Length)];
    }

    private static string[] Cut(string line, List<(int Start, int Length)> spans)
    {
        var parts = new List<string>();
        var at = 0;
        foreach (var (start, length) in spans.OrderBy(s => s.Start))
        {
            if (start < at)
            {
                continue;
            }

            parts.Add(line[at..start]);
            parts.Add(line.Substring(start, length));
            at = start + length;
        }

        parts.Add(line[at..]);
        return [.. parts];
    }
}

/// <summary>A table as read with the (row, column) cells of the finding's figures, and the cell of the figure opened.</summary>
public sealed record MarkedTable(TableView View, IReadOnlySet<(string Row, string Column)> Cells, (string Row, string Column)? Chosen)
{
    /// <summary>True when the cell at <paramref name="row"/>, <paramref name="column"/> holds one of the finding's figures.</summary>
    public bool IsMarked(string row, string column) => Cells.Contains((row, column));

    /// <summary>True when the cell holds the figure the viewer was opened on.</summary>
    public bool IsChosen(string row, string column) => Chosen == (row, column);

    /// <summary>The department's tables the <paramref name="figures"/> were read from, in the order the figures name them; <paramref name="chosen"/> is the figure opened.</summary>
    public static IReadOnlyList<MarkedTable> Of(DepartmentYear year, Domain.Reference.ReferenceData reference, IEnumerable<FindingFigure> figures, FindingFigure chosen)
    {
        var template = reference.TemplateOf(year);
        static (string, string)? Cell(FindingFigure f) => f.Where is { RowCode: { } row, Column: { } column } ? (row, column) : null;
        return figures.Where(f => f.Where is { Table: not null, PriorReport: false })
            .GroupBy(f => f.Where!.Table!)
            .Select(g => year.Table(g.Key) is { } table
                ? new MarkedTable(TableView.Of(reference.Templates, template, table), g.Select(Cell).OfType<(string, string)>().ToHashSet(),
                    chosen.Where?.Table == g.Key ? Cell(chosen) : null)
                : null)
            .OfType<MarkedTable>()
            .ToArray();
    }
}

/// <summary>A sentence a narrative figure was read from, cut around the figure (its section for context).</summary>
public sealed record MarkedSentence(string? Section, string Before, string Figure, string After)
{
    public static MarkedSentence Of(FindingFigure figure)
    {
        var where = figure.Where!;
        var sentence = where.Sentence!;
        if (where.SpanStart is { } start && where.SpanLength is { } length && start >= 0 && start + length <= sentence.Length)
        {
            return new(where.Section, sentence[..start], sentence.Substring(start, length), sentence[(start + length)..]);
        }

        return new(where.Section, sentence, string.Empty, string.Empty);
    }
}
