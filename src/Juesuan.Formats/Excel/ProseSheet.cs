using System.Globalization;
using Juesuan.Domain.Model;

namespace Juesuan.Formats.Excel;

/// <summary>
/// The preparer's own words in the 填报模板 (issue 16): 「情况说明」 holds the narrative one section a row (序号, 标题, 正文;
/// the template's section key hidden), 「其他正文」 the printed text outside the sections (部门概况, an appended report).
/// The workbook keeps the text only; what the text states (its claims) is read from it again on import by the same
/// grammar as a text report, so an edit in the workbook is an edit of the claims.
/// </summary>
internal static class ProseSheet
{
    public const string Narrative = "情况说明";

    public const string Passages = "其他正文";

    // A cell holds at most 32,767 characters: a longer text goes on over rows marked 「续」.
    private const int Chunk = 30000;

    private const string Continued = "续";


    private static IEnumerable<string> Chunks(string text)
    {
        if (text.Length == 0)
        {
            yield return text;
            yield break;
        }

        for (var at = 0; at < text.Length;)
        {
            var length = Math.Min(Chunk, text.Length - at);
            // Never between the halves of a character outside the basic plane.
            if (at + length < text.Length && char.IsHighSurrogate(text[at + length - 1]))
            {
                length--;
            }

            yield return text.Substring(at, length);
            at += length;
        }
    }

    /// <summary>The narrative sheet's rows: a header, then one row per section.</summary>
    public static IEnumerable<string[]> NarrativeRows(DepartmentYear year)
    {
        yield return ["序号", "标题", "正文", "模板键", Continued];
        foreach (var section in year.Narrative.Sections)
        {
            var chunks = Chunks(section.Text).ToArray();
            yield return [section.Number, section.Title, chunks[0], section.Key ?? string.Empty];
            foreach (var more in chunks.Skip(1))
            {
                yield return [string.Empty, string.Empty, more, string.Empty, Continued];
            }
        }
    }

    /// <summary>The other text's rows: a header, then one row per passage.</summary>
    public static IEnumerable<string[]> PassageRows(DepartmentYear year)
    {
        // Hidden beside the text: the paragraph the report's grammar reads it in (段), and where it was printed (页, 行), so
        // an import reads the same paragraphs as the same statements.
        yield return ["正文", Continued, "段", "页", "行"];
        foreach (var passage in year.Passages)
        {
            var chunks = Chunks(passage.Text).ToArray();
            yield return [chunks[0], string.Empty, passage.Paragraph?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, passage.Source?.Page?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                passage.Source?.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty];
            foreach (var more in chunks.Skip(1))
            {
                yield return [more, Continued];
            }
        }
    }

    /// <summary>The sections the narrative sheet's rows give; a row without a title is an issue naming it.</summary>
    public static IReadOnlyList<NarrativeSection> ReadNarrative(IReadOnlyList<Dictionary<int, string>> rows, string file, List<ImportIssue> issues)
    {
        var sections = new List<NarrativeSection>();
        for (var r = 1; r < rows.Count; r++)
        {
            var (number, title, text, key) = (Cell(rows[r], 0), Cell(rows[r], 1), rows[r].GetValueOrDefault(2, string.Empty), Cell(rows[r], 3));
            if (number.Length == 0 && title.Length == 0 && text.Trim().Length == 0)
            {
                continue;
            }

            if (Cell(rows[r], 4) == Continued && sections.Count > 0)
            {
                sections[^1] = sections[^1] with { Text = sections[^1].Text + text };
                continue;
            }

            if (title.Length == 0)
            {
                issues.Add(new ImportIssue(new SourceLocation { File = file, Table = Narrative, Line = r + 1 }, $"工作表「{Narrative}」第 {r + 1} 行没有标题，该行已跳过（每部分写明序号、标题和正文）。"));
                continue;
            }

            sections.Add(new NarrativeSection { Number = number, Title = title, Text = text, Key = key.Length == 0 ? null : key });
        }

        // A section left without text is not written: the document writes it from the tables.
        return [.. sections.Where(s => s.Text.Trim().Length > 0)];
    }

    /// <summary>The passages the other text's rows give.</summary>
    public static IReadOnlyList<TextPassage> ReadPassages(IReadOnlyList<Dictionary<int, string>> rows)
    {
        var passages = new List<TextPassage>();
        foreach (var row in rows.Skip(1))
        {
            var text = row.GetValueOrDefault(0, string.Empty);
            if (Cell(row, 1) == Continued && passages.Count > 0)
            {
                passages[^1] = passages[^1] with { Text = passages[^1].Text + text };
            }
            else if (text.Trim().Length > 0)
            {
                int? Number(int column) => int.TryParse(Cell(row, column), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
                var (page, line) = (Number(3), Number(4));
                passages.Add(new TextPassage
                {
                    Text = text, Paragraph = Number(2),
                    Source = page is null && line is null ? null : new SourceLocation { Page = page, Line = line },
                });
            }
        }

        return passages;
    }

    private static string Cell(Dictionary<int, string> row, int column) => row.GetValueOrDefault(column, string.Empty).Trim();
}
