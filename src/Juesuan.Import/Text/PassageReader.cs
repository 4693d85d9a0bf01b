using Juesuan.Domain.Model;

namespace Juesuan.Import.Text;

/// <summary>
/// The printed text no other reader took (<see cref="TextPassage"/>): every non-blank line outside the public tables,
/// the narrative sections and the labels, joined into paragraphs. A paragraph ends at a page break, at a line ending a
/// sentence, at a line another reader took, or after a few lines, so that a passage's line or page is near its words;
/// blank lines do not end one (text extracted from a PDF often puts one after every printed line).
/// </summary>
internal static class PassageReader
{
    private const int MaxLines = 4;

    /// <summary>
    /// The passages, and in <paramref name="runs"/> (when given) the lines of each, in order, a paragraph that a passage's
    /// line limit cut joined again (its lines follow on the same page and the first did not end a sentence) — the prose
    /// the clause grammar reads (<see cref="NarrativeReader.ReadProse"/>) — and in <paramref name="linesOf"/> each passage's own lines.
    /// </summary>
    public static IReadOnlyList<TextPassage> Read(IReadOnlyList<ReportLine> lines, IReadOnlyList<(int Start, int End)> tableRegions, IReadOnlySet<ReportLine> read, IReadOnlyList<PrintedLabel> labels, string file, List<List<ReportLine>>? runs = null, List<List<ReportLine>>? linesOf = null)
    {
        var labelled = labels.Select(l => Compact(l.Text)).ToHashSet(StringComparer.Ordinal);
        var passages = new List<TextPassage>();
        var text = new System.Text.StringBuilder();
        ReportLine? first = null;
        var joined = 0;

        var current = new List<ReportLine>();
        var continues = false;
        void Close()
        {
            // A page number or a row of figures alone holds no wording.
            if (first is not null && HasLetter(text))
            {
                passages.Add(new TextPassage { Text = Formats.PrintedText.ChinesePunctuation(text.ToString()), Source = first.At(file) });
                linesOf?.Add([.. current]);
                if (runs is not null)
                {
                    if (continues && runs.Count > 0 && runs[^1][^1].Page == current[0].Page)
                    {
                        runs[^1].AddRange(current);
                    }
                    else
                    {
                        runs.Add([.. current]);
                    }
                }
            }

            // Only a passage cut by the line limit or at a semicolon goes on in the next one: a paragraph ends at 。！？.
            continues = first is not null && text.Length > 0 && (joined == MaxLines || text[^1] == '；') && text[^1] is not ('。' or '！' or '？');
            text.Clear();
            current.Clear();
            first = null;
            joined = 0;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var compact = Compact(line.Text);
            if (compact.Length == 0)
            {
                continue;
            }

            if (first is not null && first.Page != line.Page)
            {
                Close();
            }

            if (read.Contains(line) || labelled.Contains(compact) || ReportText.RegionOf(tableRegions, i) != default)
            {
                Close();
                continue;
            }

            first ??= line;
            if (text.Length > 0 && Figurish(text[^1]) && Figurish(compact[0]))
            {
                text.Append(' ');
            }

            text.Append(compact);
            current.Add(line);
            if (compact[^1] is '。' or '！' or '？' or '；' || ++joined == MaxLines)
            {
                Close();
            }
        }

        Close();
        return passages;
    }

    // True when the passage holds a letter (a page number or a row of figures alone holds no wording).
    private static bool HasLetter(System.Text.StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsLetter(c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Spaces dropped, as the sections have them, except one between two figures: the cells of a table read as text
    // (「4,596.52 4,596.52 100.00%」) must not run together into a figure with two decimal points.
    private static string Compact(string text)
    {
        if (!text.AsSpan().ContainsAny(Blanks))
        {
            return text;
        }

        var tokens = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var result = new System.Text.StringBuilder(text.Length);
        foreach (var token in tokens)
        {
            if (result.Length > 0 && Figurish(result[^1]) && Figurish(token[0]))
            {
                result.Append(' ');
            }

            result.Append(token);
        }

        return result.ToString();
    }

    private static readonly char[] Separators = [' ', '\u3000', '\t'];

    private static readonly System.Buffers.SearchValues<char> Blanks = System.Buffers.SearchValues.Create(Separators);

    private static bool Figurish(char c) => char.IsAsciiDigit(c) || c is '.' or ',' or '%' or '-' or '+';
}
