using System.Text.RegularExpressions;
using Juesuan.Formats;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;

namespace Juesuan.Import.Text;

/// <summary>
/// Tables 01 and 04, whose income and expenditure sides share a line: 「一、一般公共预算财政拨款收入 1 138.68
/// 一、一般公共服务支出 32 0.00」. Labels are matched to the definition's rows (ordinal prefixes, 部门/单位, 财政拨款 and
/// 总计/合计 variants tolerated), an integer after a label is its 行次, and the numbers up to the next label are its cells.
/// </summary>
internal static partial class TextTableReader
{
    private static List<StatedRow> TwoSidedRows(List<ReportLine> body, TableDefinition definition, string file, string table, List<ImportIssue> issues)
    {
        var rows = new List<StatedRow>();
        var used = new HashSet<string>();
        var labels = definition.Rows.Select(r => (Row: r, Key: LabelKey(r.Label))).ToArray();
        if (Aligned(body))
        {
            body = Overlaid(body);
        }

        foreach (var line in body)
        {
            var fields = line.Fields;
            var positional = line.Text.Contains('\t', StringComparison.Ordinal);

            // Header lines name the columns (项目, 一般公共预算财政拨款, …) and carry no figures and no blank cells.
            if (fields.Count == 0 || fields[0] is "项目" or "收入" || fields[0].StartsWith("栏次", StringComparison.Ordinal)
                || (!fields.Any(ReportText.IsNumber) && !(positional && fields.Any(f => f.Length == 0))))
            {
                continue;
            }

            var i = 0;
            while (i < fields.Count)
            {
                var (row, consumed) = MatchLabel(fields, i, labels, used);
                if (row is null)
                {
                    i++;
                    continue;
                }

                used.Add(row.Key);
                var printedLabel = string.Concat(fields.Skip(i).Take(consumed));
                i += consumed;
                int? lineNumber = null;
                if (i < fields.Count && row.Line is not null && ReportText.IsInteger(fields[i]) && !fields[i].Contains('.', StringComparison.Ordinal))
                {
                    lineNumber = int.Parse(fields[i], System.Globalization.CultureInfo.InvariantCulture);
                    i++;
                }

                var columns = definition.Columns.Where(c => (c.Side ?? row.Side) == row.Side).ToArray();
                var values = new List<string>();
                while (i < fields.Count && values.Count < columns.Length && MatchLabel(fields, i, labels, used).Row is null)
                {
                    var token = fields[i];
                    if (positional ? token.Length == 0 || ReportText.IsNumber(token) : ReportText.IsNumber(token))
                    {
                        values.Add(token);
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                var where = line.At(file, table, printedLabel);
                rows.Add(new StatedRow
                {
                    Key = row.Key,
                    Label = printedLabel,
                    Line = lineNumber,
                    Cells = values.Select((v, k) => Cell(columns[k].Key, v, where, columns[k].Name)).ToArray(),
                    Source = where,
                });
            }
        }

        foreach (var missing in definition.Rows.Where(r => r.Code is null && r.Role is "total" or "grandTotal" && !used.Contains(r.Key)))
        {
            issues.Add(new ImportIssue(new SourceLocation { File = file, Table = table }, $"没有找到「{missing.Label}」行。"));
        }

        return rows;
    }

    /// <summary>
    /// A space-laid table's lines with each line of figures alone (pdftotext prints a cell aligned higher than its
    /// neighbours on a line of its own: 「2,940.05」 over 「一、一般公共预算财政拨款 … 一、一般公共服务支出 2,106.66」) written
    /// into the line of labels under it — or, failing that, over it — where that line is blank at the figures' places, so
    /// each figure follows the label it stands beside. A line that fits neither stays as it is.
    /// </summary>
    private static List<ReportLine> Overlaid(List<ReportLine> body)
    {
        var lines = body.ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var words = Words(lines[i]);
            // Not a 栏次 line, nor a page number alone (「7」: these tables print their figures with decimals).
            if (words.Length == 0 || !words.All(w => ReportText.IsNumber(w.Text)) || ColumnNumbers(words)
                || PageNumberAlone(words))
            {
                continue;
            }

            bool Fits(int j) => j >= 0 && j < lines.Count && Words(lines[j]) is { Length: > 0 } other && !other.All(w => ReportText.IsNumber(w.Text))
                && words.All(w => lines[j].Text.Length <= w.Start || lines[j].Text.AsSpan(w.Start, Math.Min(w.End, lines[j].Text.Length) - w.Start).IsWhiteSpace());
            var into = Fits(i + 1) ? i + 1 : Fits(i - 1) ? i - 1 : -1;
            if (into < 0)
            {
                continue;
            }

            var text = lines[into].Text.PadRight(words.Max(w => w.End)).ToCharArray();
            foreach (var w in words)
            {
                w.Text.CopyTo(0, text, w.Start, w.Text.Length);
            }

            lines[into] = lines[into] with { Text = new string(text) };
            lines.RemoveAt(i);
            i--;
        }

        return lines;
    }

    /// <summary>The definition row a label at fields[i] (possibly split over up to three tokens) names, first unused first.</summary>
    private static (RowDefinition? Row, int Consumed) MatchLabel(IReadOnlyList<string> fields, int i, (RowDefinition Row, string Key)[] labels, HashSet<string> used)
    {
        if (fields[i].Length == 0 || ReportText.IsNumber(fields[i]))
        {
            return (null, 0);
        }

        for (var take = 1; take <= 3 && i + take <= fields.Count; take++)
        {
            var key = LabelKey(string.Concat(fields.Skip(i).Take(take)));
            if (key.Length == 0)
            {
                break;
            }

            var candidates = labels.Where(l => Similar(l.Key, key)).Select(l => l.Row).ToArray();
            var row = candidates.FirstOrDefault(r => !used.Contains(r.Key)) ?? candidates.FirstOrDefault();
            if (row is not null)
            {
                return (row, take);
            }
        }

        return (null, 0);
    }

    /// <summary>A label reduced to what identifies it: no ordinal, no spaces, 部门→单位, no 财政拨款, 总计 of 本年 → 合计.</summary>
    internal static string LabelKey(string label)
    {
        var s = CatalogText.NormalizeName(PrintedText.ChinesePunctuation(label));
        s = Ordinal().Replace(s, string.Empty);
        s = s.Replace("（含专用结余）", string.Empty, StringComparison.Ordinal).Replace("部门", "单位", StringComparison.Ordinal)
            .Replace("财政拨款", string.Empty, StringComparison.Ordinal);
        if (s.StartsWith("本年", StringComparison.Ordinal) && s.EndsWith("总计", StringComparison.Ordinal))
        {
            s = s[..^2] + "合计";
        }

        if (s is "收入总计" or "支出总计")
        {
            s = "总计";
        }

        if (s.EndsWith("收入", StringComparison.Ordinal) && s.Length > 4 && !s.StartsWith("本年", StringComparison.Ordinal))
        {
            s = s[..^2];
        }

        return s;
    }

    // 「资源勘探信息等支出」 is 「资源勘探工业信息等支出」: equal, or a shared start of 4 and end of 3 characters.
    private static bool Similar(string a, string b) =>
        a == b || (a.Length >= 7 && b.Length >= 7 && a[..4] == b[..4] && a[^3..] == b[^3..] && Math.Abs(a.Length - b.Length) <= 3);

    [GeneratedRegex(@"^([一二三四五六七八九十]+[、.．]|\d+\s*[.、．]|[（(][一二三四五六七八九十\d]+[)）])")]
    private static partial Regex Ordinal();
}
