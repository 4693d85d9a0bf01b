using Juesuan.Formats;
using Juesuan.Import;
using Juesuan.Import.Pdf;
using Juesuan.Import.Text;

namespace Juesuan.Corpus;

/// <summary>One change to a source: a segment's new text, and for a PDF word optionally the baseline of another word.</summary>
/// <param name="Segment">The segment (a text line, or a PDF word) changed.</param>
/// <param name="Text">Its new text; empty removes a PDF word.</param>
/// <param name="BaselineOf">A PDF word whose baseline the changed word takes (moves it to that row).</param>
public sealed record Edit(int Segment, string Text, int? BaselineOf = null);

/// <summary>
/// A real document as the reader's input, in pieces that a defect can be injected into: the lines of a text file, or the
/// words PdfPig extracted from a PDF (before tables and sentences are built from them). <see cref="Lines"/> groups the
/// pieces as they are printed, so mutators can look at a line's context.
/// </summary>
public abstract class CorpusSource
{
    /// <summary>The file name.</summary>
    public required string Name { get; init; }

    /// <summary>The full path.</summary>
    public required string Path { get; init; }

    /// <summary>The pieces' texts.</summary>
    public required IReadOnlyList<string> Segments { get; init; }

    /// <summary>The pieces of each printed line, in reading order.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Lines { get; init; }

    /// <summary>The page of each piece (1 for a text file).</summary>
    public required IReadOnlyList<int> Pages { get; init; }

    /// <summary>True for a PDF.</summary>
    public abstract bool IsPdf { get; }

    /// <summary>The text of a printed line: its pieces joined by a space.</summary>
    public string LineText(int line) => string.Join(" ", Lines[line].Select(s => Segments[s]));

    /// <summary>Reads the document with the edits applied (none: as published).</summary>
    public abstract ImportResult Read(IReadOnlyList<Edit> edits);

    /// <summary>The numbered lines the reader builds from a file, with their page (tables of a PDF rebuilt from word positions).</summary>
    public static IEnumerable<string> ReaderLines(string path)
    {
        if (!path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return ReportText.Lines(File.ReadAllText(path)).Select(l => $"{l.Number,5}  {l.Text}");
        }

        if (PdfReportReader.ReadWordsOf(File.ReadAllBytes(path), System.IO.Path.GetFileName(path), false, out var words, out _) is { } error)
        {
            return [error];
        }

        return PdfReportReader.Lines(words, [], System.IO.Path.GetFileName(path)).Select(l => $"{l.Number,5} p{l.Page,-3} {l.Text}");
    }

    /// <summary>Opens a .txt or .pdf file; null for anything else or an unreadable file.</summary>
    public static CorpusSource? Open(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            return new TextSource
            {
                Name = name, Path = path, Segments = lines, Lines = lines.Select((_, i) => (IReadOnlyList<int>)[i]).ToArray(),
                Pages = lines.Select(_ => 1).ToArray(),
            };
        }

        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            if (PdfReportReader.ReadWordsOf(File.ReadAllBytes(path), System.IO.Path.GetFileName(path), false, out var words, out var pageCount) is not null)
            {
                return null;
            }

            var index = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < words.Count; i++)
            {
                index[words[i]] = i;
            }

            var lines = PdfReportReader.BaselineLines(words).Select(l => (IReadOnlyList<int>)l.Select(w => index[w]).ToArray()).ToArray();
            return new PdfSource
            {
                Name = name, Path = path, Segments = words.Select(w => w.Text).ToArray(), Lines = lines, Pages = words.Select(w => w.Page).ToArray(),
                Words = words, PageCount = pageCount,
            };
        }

        return null;
    }
}

/// <summary>A text file: one piece per line.</summary>
public sealed class TextSource : CorpusSource
{
    /// <inheritdoc />
    public override bool IsPdf => false;

    /// <inheritdoc />
    public override ImportResult Read(IReadOnlyList<Edit> edits)
    {
        var lines = Segments.ToArray();
        foreach (var edit in edits)
        {
            lines[edit.Segment] = edit.Text;
        }

        return TextReportReader.Read(string.Join("\n", lines), Name);
    }
}

/// <summary>A PDF: one piece per extracted word, with its box.</summary>
public sealed class PdfSource : CorpusSource
{
    internal List<PdfReportReader.PdfWord> Words { get; init; } = [];

    internal int PageCount { get; init; }

    /// <inheritdoc />
    public override bool IsPdf => true;

    /// <summary>The baseline (y) of a word, for ordering a table's rows.</summary>
    public double Baseline(int segment) => Words[segment].Bottom;

    /// <inheritdoc />
    public override ImportResult Read(IReadOnlyList<Edit> edits)
    {
        var words = Words.ToArray();
        foreach (var edit in edits)
        {
            var word = words[edit.Segment] with { Text = edit.Text };
            words[edit.Segment] = edit.BaselineOf is { } other ? word with { Bottom = Words[other].Bottom, Page = Words[other].Page } : word;
        }

        return PdfReportReader.FromWords(words.Where(w => w.Text.Length > 0).ToList(), PageCount, Name);
    }
}
