using System.Text.RegularExpressions;
using Juesuan.Formats;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;
using Juesuan.Import.Text;

namespace Juesuan.Import.Pdf;

/// <summary>Rebuilds a table's rows from word positions (see <see cref="PdfReportReader"/>).</summary>
public static partial class PdfReportReader
{
    private const double RowReach = 22;

    private sealed class Anchor(PdfWord word, string side = "")
    {
        public PdfWord Word { get; } = word;

        public string Side { get; } = side;

        public List<PdfWord> Label { get; } = [word];

        public List<PdfWord> Codes { get; } = [];

        public Dictionary<int, string> Values { get; } = [];
    }

    private static List<(int Page, string Text)> TableLines(PdfWord title, TableDefinition definition, List<PdfWord> block, List<ImportIssue> issues, string file)
    {
        var lines = definition.Layout switch
        {
            TableLayout.TwoSided => TwoSided(definition, block, issues, file, title),
            TableLayout.Economic => Economic(block),
            TableLayout.ThreePublic => ThreePublic(definition, block),
            _ => Coded(definition, block, issues, file, title),
        };

        // Notes and empty-table statements under the table.
        var notes = BaselineLines(block.Where(w => !w.IsNumber)).Select(Join).SkipWhile(l => !l.StartsWith('注') && !l.StartsWith("说明", StringComparison.Ordinal)).ToList();
        lines.AddRange(notes.Select(n => (title.Page, n)));
        return lines;
    }

    private static double Distance(PdfWord a, PdfWord b) => a.Page == b.Page ? Math.Abs(a.Bottom - b.Bottom) : double.MaxValue;

    private static Anchor? Nearest(IEnumerable<Anchor> anchors, PdfWord word) =>
        anchors.Where(a => Distance(a.Word, word) <= RowReach).OrderBy(a => Distance(a.Word, word)).FirstOrDefault();

    // A wrapped label or name continues below its row: attach to the nearest anchor at or above the word.
    private static Anchor? Above(IEnumerable<Anchor> anchors, PdfWord word) =>
        anchors.Where(a => a.Word.Page == word.Page && a.Word.Bottom >= word.Bottom - 3 && a.Word.Bottom - word.Bottom <= RowReach)
            .OrderBy(a => a.Word.Bottom - word.Bottom).FirstOrDefault();

    /// <summary>The x-centre of the header word naming each column, searched right of <paramref name="minLeft"/> and above the rows.</summary>
    private static Dictionary<int, double> ColumnAnchors(IReadOnlyList<ColumnDefinition> columns, IEnumerable<PdfWord> header, double minLeft)
    {
        var candidates = header.Where(w => !w.IsNumber && w.Right >= minLeft).ToList();
        var result = new Dictionary<int, double>();
        for (var i = 0; i < columns.Count; i++)
        {
            var names = new List<string> { CatalogText.NormalizeName(columns[i].Name) };
            if (columns[i].Role == "total")
            {
                names.AddRange(["合计", "小计", "本年支出", "本年收入"]);
            }

            var word = candidates
                .Where(w => names.Any(n => CatalogText.NormalizeName(w.Text) is var t && t.Length >= 2 && (t.StartsWith(n[..Math.Min(2, n.Length)], StringComparison.Ordinal) && (n.Length < 4 || t.Length < 2 || n.StartsWith(t[..Math.Min(t.Length, 4)], StringComparison.Ordinal) || t.StartsWith(n[..Math.Min(4, n.Length)], StringComparison.Ordinal)))))
                .Where(w => !result.Values.Contains(w.Center))
                .OrderBy(w => w.Left)
                .FirstOrDefault();
            if (word is not null)
            {
                result[i] = word.Center;
            }
        }

        return result;
    }

    private static void PlaceNumbers(IEnumerable<PdfWord> numbers, List<Anchor> anchors, Dictionary<int, double> columns, List<ImportIssue> issues, string file, PdfWord title)
    {
        foreach (var number in numbers)
        {
            var row = Nearest(anchors, number);
            if (row is null || columns.Count == 0)
            {
                continue;
            }

            var column = columns.OrderBy(c => Math.Abs(c.Value - number.Center)).First().Key;
            if (!row.Values.TryAdd(column, number.Text))
            {
                issues.Add(new ImportIssue(new SourceLocation { File = file, Page = number.Page, Table = title.Text }, $"同一格读到两个数（{row.Values[column]} 与 {number.Text}），保留前者。"));
            }
        }
    }

    private static List<(int Page, string Text)> Coded(TableDefinition definition, List<PdfWord> block, List<ImportIssue> issues, string file, PdfWord title)
    {
        var classX = block.Where(w => w.Text == "类").Select(w => w.Left).DefaultIfEmpty(block.Where(w => CodeWord().IsMatch(w.Text)).Select(w => w.Left).DefaultIfEmpty(0).Min()).First();
        var numbers = block.Where(w => w.IsNumber).ToList();
        var valueLeft = numbers.Count > 0 ? numbers.Min(w => w.Left) - 5 : double.MaxValue;

        // A 合计 row label sits left of the numbers; the 合计 column header sits above them.
        var anchors = block.Where(w => (CodeWord().IsMatch(w.Text) && Math.Abs(w.Left - classX) < 12) || (w.Text is "合计" or "合 计" && w.Right < valueLeft)).Select(w => new Anchor(w)).ToList();
        if (anchors.Count == 0)
        {
            return [];
        }

        var firstRow = anchors.Where(a => a.Word.Page == title.Page).Select(a => a.Word.Bottom).DefaultIfEmpty(0).Max();
        var header = block.Where(w => w.Page == title.Page && w.Bottom > firstRow + 3);
        var columns = ColumnAnchors(definition.Columns, header, valueLeft - 40);
        if (columns.Count < definition.Columns.Count && numbers.Count > 0)
        {
            issues.Add(new ImportIssue(new SourceLocation { File = file, Page = title.Page, Table = title.Text },
                $"表头中没有找到栏「{string.Join("、", definition.Columns.Where((_, i) => !columns.ContainsKey(i)).Select(c => c.Name))}」，这些栏的数读入最近的栏。"));
        }

        foreach (var word in block.Where(w => !w.IsNumber && !anchors.Any(a => a.Word == w) && w.Right < valueLeft))
        {
            if (word.Text.Length == 2 && word.Text.All(char.IsAsciiDigit) && word.Left > classX + 10)
            {
                Nearest(anchors, word)?.Codes.Add(word);
            }
            else if (word.Left > classX + 10 && word.Bottom < firstRow + 3 && Nearest(anchors, word) is { } row)
            {
                row.Label.Add(word);
            }
        }

        PlaceNumbers(numbers, anchors, columns, issues, file, title);
        return anchors.Select(a =>
        {
            var code = a.Word.Text is "合计" or "合 计" ? "合计" : a.Word.Text + string.Concat(a.Codes.OrderBy(c => c.Left).Select(c => c.Text));
            var name = string.Concat(a.Label.Skip(1).OrderByDescending(w => Math.Round(w.Bottom)).ThenBy(w => w.Left).Select(w => w.Text));
            return (a.Word.Page, $"{code}\t{name}\t{string.Join('\t', definition.Columns.Select((_, i) => a.Values.GetValueOrDefault(i, string.Empty)))}");
        }).ToList();
    }

    private static List<(int Page, string Text)> TwoSided(TableDefinition definition, List<PdfWord> block, List<ImportIssue> issues, string file, PdfWord title)
    {
        var rows = definition.Rows.Select(r => (Row: r, Key: TextTableReader.LabelKey(r.Label))).ToArray();
        RowDefinition? Match(string text)
        {
            var key = TextTableReader.LabelKey(text);
            return key.Length < 2 ? null : rows.FirstOrDefault(r => r.Key == key).Row ?? rows.FirstOrDefault(r => key.Length >= 4 && r.Key.StartsWith(key, StringComparison.Ordinal)).Row;
        }

        var labelWords = block.Where(w => !w.IsNumber && !ReportText.IsInteger(w.Text)).ToList();
        var candidates = labelWords.Where(w => Ordinal().IsMatch(w.Text) || (Match(w.Text) is { } r && TextTableReader.LabelKey(w.Text) == TextTableReader.LabelKey(r.Label))).ToList();
        var firstOrdinal = candidates.Where(w => w.Page == title.Page && Ordinal().IsMatch(w.Text)).Select(w => w.Bottom).DefaultIfEmpty(0).Max();
        var rowWords = candidates.Where(w => w.Page != title.Page || w.Bottom <= firstOrdinal + 3).ToList();

        // The expenditure side starts where the labels that can only be expenditure rows (the 类 rows) start; a label both
        // sides print (总计) takes its side from its position.
        var split = rowWords.Where(w => Match(w.Text) is { Side: "expenditure", Code: not null }).Select(w => w.Left).DefaultIfEmpty(double.MaxValue).Min();
        var anchors = rowWords.Select(w => new Anchor(w, w.Left >= split - 5 ? "expenditure" : "income")).ToList();
        var labelX = anchors.GroupBy(a => a.Side).ToDictionary(g => g.Key, g => g.Min(a => a.Word.Left));
        foreach (var word in labelWords.Where(w => anchors.All(a => a.Word != w)))
        {
            var side = word.Left >= split - 5 ? "expenditure" : "income";
            if (labelX.TryGetValue(side, out var x) && Math.Abs(word.Left - x) < 10 && Above(anchors.Where(a => a.Side == side), word) is { } row)
            {
                row.Label.Add(word);
            }
        }

        var header = block.Where(w => w.Page == title.Page && w.Bottom > firstOrdinal + 12);
        var result = new List<(int Page, double Y, string Text)>();
        foreach (var side in new[] { "income", "expenditure" })
        {
            var sideAnchors = anchors.Where(a => a.Side == side).ToList();
            var columns = definition.Columns.Where(c => (c.Side ?? side) == side).ToList();
            var numbers = block.Where(w => w.IsNumber && (side == "income" ? w.Center < split : w.Center >= split)).ToList();
            var columnX = columns.Count == 1
                ? new Dictionary<int, double> { [0] = 0 }
                : ColumnAnchors(columns, header, side == "income" ? 0 : split);
            PlaceNumbers(numbers, sideAnchors, columnX, issues, file, title);
            result.AddRange(sideAnchors.Select(a => (a.Word.Page, a.Word.Bottom,
                $"{string.Concat(a.Label.OrderByDescending(w => Math.Round(w.Bottom)).ThenBy(w => w.Left).Select(w => w.Text))}\t{string.Join('\t', columns.Select((_, i) => a.Values.GetValueOrDefault(i, string.Empty)))}")));
        }

        return result.OrderBy(r => r.Page).ThenByDescending(r => r.Y).Select(r => (r.Page, r.Text)).ToList();
    }

    private static List<(int Page, string Text)> Economic(List<PdfWord> block)
    {
        var classWords = block.Where(w => EconomicClass().IsMatch(w.Text)).ToList();
        var halves = classWords.Select(w => w.Left).Order().Aggregate(new List<double>(), (acc, x) =>
        {
            if (acc.Count == 0 || x - acc[^1] > 40)
            {
                acc.Add(x);
            }

            return acc;
        });
        var result = new List<(int Page, double Y, string Text)>();
        for (var h = 0; h < halves.Count; h++)
        {
            var left = halves[h] - 5;
            var right = h + 1 < halves.Count ? halves[h + 1] - 5 : double.MaxValue;
            var inHalf = block.Where(w => w.Left >= left && w.Left < right).ToList();
            var anchors = inHalf.Where(w => EconomicClass().IsMatch(w.Text) && Math.Abs(w.Left - halves[h]) < 12).Select(w => new Anchor(w)).ToList();
            var totals = inHalf.Where(w => w.Text.Contains("经费合计", StringComparison.Ordinal)).Select(w => new Anchor(w, "total")).ToList();
            var all = anchors.Concat(totals).ToList();
            foreach (var word in inHalf.Where(w => !w.IsNumber && all.All(a => a.Word != w)))
            {
                if (word.Text.Length == 2 && word.Text.All(char.IsAsciiDigit))
                {
                    Nearest(anchors, word)?.Codes.Add(word);
                }
                else if (Above(anchors, word) is { } row && !word.Text.Contains("合计", StringComparison.Ordinal))
                {
                    row.Label.Add(word);
                }
            }

            foreach (var number in inHalf.Where(w => w.IsNumber))
            {
                Nearest(all, number)?.Values.TryAdd(0, number.Text);
            }

            result.AddRange(anchors.Select(a => (a.Word.Page, a.Word.Bottom,
                $"{a.Word.Text}{string.Concat(a.Codes.OrderBy(c => c.Left).Select(c => c.Text))}\t{string.Concat(a.Label.Skip(1).OrderByDescending(w => Math.Round(w.Bottom)).ThenBy(w => w.Left).Select(w => w.Text))}\t{a.Values.GetValueOrDefault(0, string.Empty)}")));
            result.AddRange(totals.Where(t => t.Values.Count > 0).Select(t => (t.Word.Page, t.Word.Bottom, $"{t.Word.Text}\t{t.Values[0]}")));
        }

        return result.OrderBy(r => r.Page).ThenByDescending(r => r.Y).Select(r => (r.Page, r.Text)).ToList();
    }

    private static List<(int Page, string Text)> ThreePublic(TableDefinition definition, List<PdfWord> block)
    {
        var slots = block.Where(w => w.Text is "预算数" or "决算数").OrderBy(w => w.Left).ToList();
        var lines = new List<(int Page, string Text)>
        {
            (block.FirstOrDefault()?.Page ?? 0, "项目\t" + string.Join('\t', definition.Columns.Select(c => c.Name))),
        };
        if (slots.Count < 2)
        {
            return lines;
        }

        var budget = new string[definition.Columns.Count];
        var actual = new string[definition.Columns.Count];
        if (StackedSlots(block, definition.Columns.Count) is { } stacked)
        {
            // The national layout: one 预算数 and one 决算数 spanning their columns, numbered 1…2n in the 栏次 row.
            foreach (var number in block.Where(w => w.IsNumber))
            {
                var index = stacked.Select((x, i) => (Distance: Math.Abs(x - number.Center), i)).MinBy(x => x.Distance).i;
                (index < budget.Length ? budget : actual)[index % budget.Length] = number.Text;
            }

            lines.Add((slots[0].Page, "预算数\t" + string.Join('\t', budget.Select(v => v ?? string.Empty))));
            lines.Add((slots[0].Page, "决算数\t" + string.Join('\t', actual.Select(v => v ?? string.Empty))));
            return lines;
        }

        var budgetSlots = slots.Where(s => s.Text == "预算数").ToList();
        var actualSlots = slots.Where(s => s.Text == "决算数").ToList();
        foreach (var number in block.Where(w => w.IsNumber))
        {
            var slot = slots.OrderBy(s => Math.Abs(s.Center - number.Center)).First();
            var list = slot.Text == "预算数" ? budgetSlots : actualSlots;
            var index = list.IndexOf(slot);
            var target = slot.Text == "预算数" ? budget : actual;
            if (index < target.Length)
            {
                target[index] = number.Text;
            }
        }

        lines.Add((slots[0].Page, "预算数\t" + string.Join('\t', budget.Select(v => v ?? string.Empty))));
        lines.Add((slots[0].Page, "决算数\t" + string.Join('\t', actual.Select(v => v ?? string.Empty))));
        return lines;
    }

    // The centres of the 栏次 numbers 1…2n on one line, left to right, when the table prints them; else null.
    private static double[]? StackedSlots(List<PdfWord> block, int columns)
    {
        var row = block.Where(w => ReportText.IsInteger(w.Text) && int.Parse(w.Text, System.Globalization.CultureInfo.InvariantCulture) is var k && k >= 1 && k <= 2 * columns)
            .GroupBy(w => (w.Page, Math.Round(w.Bottom / 3)))
            .FirstOrDefault(g => g.Select(w => w.Text).Distinct().Count() == 2 * columns);
        return row?.OrderBy(w => int.Parse(w.Text, System.Globalization.CultureInfo.InvariantCulture)).Select(w => w.Center).ToArray();
    }

    [GeneratedRegex(@"^2\d{2}(\d{2}){0,2}$")]
    private static partial Regex CodeWord();

    // 「301」 with its 款 「01」 printed apart (Shanghai), or 「30101」 in one cell (the national layout).
    [GeneratedRegex(@"^3\d{2}(\d{2})?$")]
    private static partial Regex EconomicClass();

    [GeneratedRegex(@"^([一二三四五六七八九十]+[、.．]|\d+\s*[.、．])")]
    private static partial Regex Ordinal();
}
