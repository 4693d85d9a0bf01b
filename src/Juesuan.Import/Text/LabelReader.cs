using System.Text.RegularExpressions;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;

namespace Juesuan.Import.Text;

/// <summary>
/// The labels of a report (<see cref="PrintedLabel"/>): the cover lines before the first heading or 目录, the 目录 entries,
/// part and section headings, table titles, the 编制单位 lines of table headers and dated sentences — each as printed
/// with its line or page. Inside a table only its title and header lines are labels; row labels are not.
/// </summary>
internal static partial class LabelReader
{
    public static IReadOnlyList<PrintedLabel> Read(IReadOnlyList<ReportLine> lines, IReadOnlyList<(int Start, int End)> tableRegions, string file, Domain.Templates.TemplateSet templates)
    {
        var labels = new List<PrintedLabel>();
        var inContents = false;
        var beforeBody = true;
        string? firstEntry = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text.Trim();
            var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal).Trim();
            if (compact.Length == 0)
            {
                continue;
            }

            // A 目录 laid out as a list puts a bullet before its entries (「- 一、单位主要职责及内设机构」).
            if (inContents && compact.Length > 1 && compact[0] is '-' or '•' or '·' or '▪' or '●' && Heading().IsMatch(compact[1..].TrimStart()))
            {
                text = text.TrimStart().TrimStart('-', '•', '·', '▪', '●').TrimStart();
                compact = compact[1..].TrimStart();
            }

            // A 目录 lists each heading once: a line repeating its first entry is the body starting (「第一部分 部门概况」
            // printed again where the part begins), whatever the lines before it looked like.
            if (inContents && firstEntry is not null && ContentsEntry.TitleOf(text) == firstEntry)
            {
                inContents = false;
                beforeBody = false;
            }

            var region = ReportText.RegionOf(tableRegions, i);
            var inTable = region != default;
            LabelKind? kind = null;
            if (compact == "目录")
            {
                inContents = true;
                beforeBody = false;
                continue;
            }

            if (ReportText.UnitName(text) is not null)
            {
                kind = LabelKind.TableHeader;
            }
            else if (inTable ? i == region.Start : templates.MatchAnyTitle(compact) is not null && !ReportText.IsContentsEntry(text))
            {
                kind = inContents && !inTable ? LabelKind.Contents : LabelKind.TableTitle;
            }
            else if (inTable)
            {
                // The column headers above the first row of figures (「项目」「科目编码」…) are the table's header too.
                if (!HasFigures(text) && compact.Any(ch => !char.IsAsciiDigit(ch) && ch != ' ')
                    && !Enumerable.Range(region.Start, i - region.Start).Any(j => HasFigures(lines[j].Text)))
                {
                    labels.Add(new PrintedLabel { Kind = LabelKind.TableHeader, Text = text, Source = lines[i].At(file) });
                }

                continue;
            }
            else if (ReportText.IsContentsEntry(text) && !compact.Contains('，', StringComparison.Ordinal) && !compact.Contains('。', StringComparison.Ordinal))
            {
                // Leaders before a page number or after a heading; an ellipsis inside a sentence (「占XX%……」) is not one.
                kind = LabelKind.Contents;
            }
            else if (Heading().IsMatch(compact) && compact.Length <= 40 && !compact.Contains('。', StringComparison.Ordinal))
            {
                // A 目录 without leaders lists the headings before the text repeats them: it ends at the first sentence.
                kind = inContents ? LabelKind.Contents : LabelKind.Heading;
                beforeBody = false;
            }
            else if (compact.Contains("截至", StringComparison.Ordinal) && Year().IsMatch(compact))
            {
                kind = LabelKind.Date;
            }
            else if (beforeBody && compact.Length <= 40)
            {
                kind = LabelKind.Cover;
            }

            if (compact.Length > 40 || compact.Contains('。', StringComparison.Ordinal))
            {
                inContents = false;
                beforeBody = false;
            }

            if (kind == LabelKind.Contents && firstEntry is null && ContentsEntry.TitleOf(text) is { Length: > 0 } title)
            {
                firstEntry = title;
            }

            if (kind is { } k)
            {
                labels.Add(new PrintedLabel { Kind = k, Text = text, Name = ReportText.UnitName(text)?.Name, Source = lines[i].At(file) });
            }
        }

        return labels;
    }

    private static bool HasFigures(string text) => Figure().IsMatch(text);

    [GeneratedRegex(@"\d\.\d\d(?!\d)")]
    private static partial Regex Figure();


    [GeneratedRegex(@"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．])")]
    private static partial Regex Heading();

    [GeneratedRegex(@"20\d\d年")]
    private static partial Regex Year();
}
