using System.Text.RegularExpressions;
using Juesuan.Formats;
using Juesuan.Domain.Templates;
using Juesuan.Import.Text;

namespace Juesuan.Corpus;

/// <summary>What a printed line is, judged from the page alone (not from what the reader made of it).</summary>
public enum LineKind
{
    /// <summary>Anything else: cover, self-evaluation tables, blank lines.</summary>
    Other,

    /// <summary>A sentence of running text.</summary>
    Narrative,

    /// <summary>A public table's title.</summary>
    TableTitle,

    /// <summary>A line between a table's title and its first row of figures (unit, header, 编制单位).</summary>
    TableHeader,

    /// <summary>A row of a public table with at least one figure.</summary>
    TableRow,

    /// <summary>An entry of the table of contents (目录).</summary>
    Contents,

    /// <summary>A part or section heading.</summary>
    Heading,
}

/// <summary>
/// The lines of a document classified by their own look — public-table blocks opened by a title the templates know,
/// headings, 目录 entries, sentences — so that the mutators choose defects the way a person looking at the page would,
/// independent of what the reader understood.
/// </summary>
public sealed partial class Layout
{
    private Layout(LineKind[] kinds, string?[] tables)
    {
        Kinds = kinds;
        Tables = tables;
    }

    /// <summary>The kind of each line.</summary>
    public IReadOnlyList<LineKind> Kinds { get; }

    /// <summary>The table definition of each line inside a public-table block.</summary>
    public IReadOnlyList<string?> Tables { get; }

    /// <summary>Classifies every line of <paramref name="source"/>.</summary>
    public static Layout Of(CorpusSource source)
    {
        var count = source.Lines.Count;
        var kinds = new LineKind[count];
        var tables = new string?[count];
        string? table = null;
        var seenRow = false;
        for (var i = 0; i < count; i++)
        {
            var text = PrintedText.Normalize(source.LineText(i)).Trim();
            var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal);
            if (ReportText.IsContentsEntry(text))
            {
                kinds[i] = LineKind.Contents;
                table = null;
                continue;
            }

            if ((TemplateLibrary.MatchAnyTitle(compact) ?? TitleInLine(source, i)) is { } title)
            {
                kinds[i] = LineKind.TableTitle;
                tables[i] = title.Definition;
                table = title.Definition;
                seenRow = false;
                continue;
            }

            if (Heading().IsMatch(compact))
            {
                kinds[i] = LineKind.Heading;
                table = null;
                continue;
            }

            if (table is not null && (compact.StartsWith("注", StringComparison.Ordinal) || compact.Contains('。', StringComparison.Ordinal)))
            {
                table = null;
            }

            if (table is not null)
            {
                var figures = Tokens(source, i).Count(IsCell);
                kinds[i] = figures > 0 ? LineKind.TableRow : seenRow ? LineKind.Other : LineKind.TableHeader;
                seenRow |= figures > 0;
                tables[i] = table;
                continue;
            }

            var cjk = compact.Count(c => c is >= '\u4E00' and <= '\u9FFF');
            var bareNumbers = Tokens(source, i).Count(IsCell);
            if (cjk >= 8 && !source.LineText(i).Contains('\t', StringComparison.Ordinal) && bareNumbers <= 1
                && (compact.Contains('，', StringComparison.Ordinal) || compact.Contains('。', StringComparison.Ordinal) || compact.Contains('；', StringComparison.Ordinal)))
            {
                kinds[i] = LineKind.Narrative;
            }
        }

        return new Layout(kinds, tables);
    }

    /// <summary>A number as a table cell prints it (1,234.56; 0.00; -3.20).</summary>
    public static bool IsCell(string token) => Cell().IsMatch(token);

    /// <summary>The tokens of a line: a text line's tab- or space-separated fields, a PDF line's words.</summary>
    public static IEnumerable<string> Tokens(CorpusSource source, int line) => source.IsPdf
        ? source.Lines[line].Select(s => source.Segments[s].Trim())
        : source.LineText(line).Split(['\t', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);

    // A PDF table title is one word of its line (the unit may share the baseline).
    private static TemplateTable? TitleInLine(CorpusSource source, int line) =>
        source.IsPdf ? source.Lines[line].Select(s => TemplateLibrary.MatchAnyTitle(source.Segments[s])).FirstOrDefault(t => t is not null) : null;

    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)\.\d+$")]
    private static partial Regex Cell();

    [GeneratedRegex(@"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、.{2,40}$|目录$)")]
    private static partial Regex Heading();
}
