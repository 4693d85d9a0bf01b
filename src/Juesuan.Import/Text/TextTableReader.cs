using Juesuan.Formats;
using Juesuan.Domain;
using System.Text.RegularExpressions;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Import.Text;

/// <summary>
/// Reads the public tables of a report's text: finds each table by its title (never by its number) against the
/// templates, reads its unit, number, rows (codes printed compact or spaced, names wrapped over lines, blanks kept in
/// tab-separated text), notes and empty-table statement, and keeps every row it could read with its line number.
/// </summary>
internal static partial class TextTableReader
{
    public sealed record Result(Template Template, IReadOnlyList<StatedTable> Tables, IReadOnlyList<ImportIssue> Issues, IReadOnlyList<(int Start, int End)> Regions);

    public static Result Read(IReadOnlyList<ReportLine> lines, string file, string? provinceHint, TemplateSet templates)
    {
        var starts = FindTableStarts(lines, templates);
        var template = ChooseTemplate(starts.Select(s => s.Title).ToArray(), provinceHint, templates);
        var issues = new List<ImportIssue>();
        var emptyList = EmptyTableList(lines, template);
        var tables = new List<StatedTable>();
        var regions = new List<(int, int)>();
        var earlierIssues = new Dictionary<string, List<ImportIssue>>();
        var earlierRegions = new Dictionary<string, (int, int)>();
        for (var i = 0; i < starts.Count; i++)
        {
            var (index, title) = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1].Index : NextPart(lines, index + 1, templates);
            regions.Add((index, end));
            var match = template.MatchTitle(title) ?? templates.MatchAnyTitle(title);
            if (match is null)
            {
                continue;
            }

            var tableIssues = new List<ImportIssue>();
            var table = ReadTable(lines, index, end, file, title, templates.Definition(match.Definition), tableIssues);
            if (tables.FindIndex(t => t.Definition == match.Definition) is var earlier and >= 0)
            {
                // A title printed twice: a 目录 without leaders names every table before it is printed, so an earlier
                // occurrence without figures gives way to one with them (and what was noticed reading it goes too);
                // two with figures keep the first.
                if (tables[earlier].HasNoData && !table.HasNoData)
                {
                    // The 目录 line is not a table: its span goes back to the text (the 学校概况 after a 目录 of tables).
                    tables.RemoveAt(earlier);
                    var stale = earlierIssues[match.Definition];
                    issues.RemoveAll(stale.Contains);
                    regions.Remove(earlierRegions[match.Definition]);
                }
                else
                {
                    issues.Add(new ImportIssue(lines[index].At(file, title), $"表「{title}」出现了两次，只读取第一次。"));
                    continue;
                }
            }

            earlierIssues[match.Definition] = tableIssues;
            earlierRegions[match.Definition] = (index, end);
            issues.AddRange(tableIssues);

            if (table.EmptyStatement is null && table.HasNoData && emptyList.TryGetValue(match.Definition, out var reason))
            {
                table = table with { EmptyStatement = reason };
            }

            tables.Add(table);
        }

        // A table the 「是否空表」 list declares empty may be left out of the text altogether (镇安 08 表).
        foreach (var (definition, reason) in emptyList)
        {
            if (tables.All(t => t.Definition != definition) && template.Table(definition) is { } listed)
            {
                tables.Add(new StatedTable { Definition = definition, Number = listed.Number, Title = listed.Title, Rows = [], EmptyStatement = reason, Source = new SourceLocation { File = file, Table = listed.Title } });
            }
        }

        var order = template.Tables.Select(t => t.Definition).ToList();
        return new Result(template, tables.OrderBy(t => order.IndexOf(t.Definition) is var o && o < 0 ? int.MaxValue : o).ToArray(), issues, regions);
    }

    private static List<(int Index, string Title)> FindTableStarts(IReadOnlyList<ReportLine> lines, TemplateSet templates)
    {
        var starts = new List<(int, string)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text.Trim();
            if (templates.MatchAnyTitle(text) is null)
            {
                continue;
            }

            // A title opens a table only when a number line or a unit line follows (a table of contents line does not).
            var confirm = lines.Skip(i + 1).Take(8).Any(l => l.Text.Contains("公开", StringComparison.Ordinal) || l.Text.Contains("单位：", StringComparison.Ordinal) || l.Text.Contains("单位:", StringComparison.Ordinal)
                || l.Text.TrimStart().StartsWith("单位名称", StringComparison.Ordinal) || l.Text.TrimStart().StartsWith("编制单位", StringComparison.Ordinal));
            if (confirm)
            {
                starts.Add((i, text));
            }
        }

        return starts;
    }

    private static Template ChooseTemplate(IReadOnlyList<string> titles, string? provinceHint, TemplateSet templates)
    {
        if (provinceHint is not null)
        {
            var byProvince = templates.OfProvince(provinceHint).LastOrDefault();
            if (byProvince is not null)
            {
                return byProvince;
            }
        }

        // No title at all says nothing about the template: the default one, not whichever asks for the fewest tables.
        if (titles.Count == 0)
        {
            return templates.Default;
        }

        // The template whose own titles cover the most printed titles; titles only one template has decide ties.
        return templates.Ordered
            .Select(t => (Template: t, Score: (titles.Count(title => t.MatchTitle(title) is not null) * 10)
                + titles.Count(title => t.MatchTitle(title) is { } m && m.Title == title)
                - (t.Tables.Count(table => titles.All(title => t.MatchTitle(title)?.Definition != table.Definition)) * 5)))
            .OrderByDescending(x => x.Score)
            .First().Template;
    }

    /// <summary>
    /// Where the last table ends: at the next part (「第三部分」), or at a heading naming one of the template's sections
    /// exactly (「三、决算报表说明」 after the university's tables) — never at a row label that merely starts with 「一、」.
    /// </summary>
    private static int NextPart(IReadOnlyList<ReportLine> lines, int from, TemplateSet templates)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var text = lines[i].Text.Trim();
            if (PartHeading().IsMatch(text) || ReportText.IsSectionHeading(text, templates))
            {
                return i;
            }
        }

        return lines.Count;
    }

    private static Dictionary<string, string> EmptyTableList(IReadOnlyList<ReportLine> lines, Template template)
    {
        var result = new Dictionary<string, string>();
        foreach (var line in lines)
        {
            if (EmptyListRow().Match(line.Text) is { Success: true } m && m.Groups[2].Value == "是" && (template.MatchTitle(m.Groups[1].Value.Trim()) is { } t))
            {
                var reason = m.Groups[3].Value.Trim();
                result[t.Definition] = reason.Length > 0 ? reason : "是否空表：是";
            }
        }

        return result;
    }

    private static StatedTable ReadTable(IReadOnlyList<ReportLine> lines, int start, int end, string file, string title, TableDefinition definition, List<ImportIssue> issues)
    {
        var unit = MoneyUnit.WanYuan;
        string? number = null;
        var notes = new List<string>();
        string? empty = null;
        var body = new List<ReportLine>();
        var inNotes = false;
        for (var i = start + 1; i < end; i++)
        {
            var line = lines[i];
            var text = line.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (NumberLabel().Match(text) is { Success: true } n && number is null && Printed.Integer(n.Groups[1].Value) is { } printedNumber)
            {
                number = $"公开{printedNumber:00}表";
            }

            if (UnitLabel().Match(text) is { Success: true } u)
            {
                unit = u.Groups[1].Value == "元" ? MoneyUnit.Yuan : MoneyUnit.WanYuan;
            }

            if (text.StartsWith("注", StringComparison.Ordinal) || text.StartsWith("说明", StringComparison.Ordinal) || (inNotes && NoteContinuation().IsMatch(text)))
            {
                inNotes = true;
                var note = NotePrefix().Replace(text, string.Empty);
                if (EmptyWords().IsMatch(note))
                {
                    empty ??= note;
                }
                else
                {
                    notes.Add(note);
                }

                continue;
            }

            if (inNotes && notes.Count > 0 && !ReportText.IsNumber(line.Fields.FirstOrDefault() ?? string.Empty) && !Code().IsMatch(Printed.NormalizeDigits(line.Fields.FirstOrDefault() ?? string.Empty)))
            {
                // A note wrapped over lines.
                notes[^1] += text;
                continue;
            }

            body.Add(line);
        }

        var location = lines[start].At(file, number ?? title);
        var rows = definition.Layout switch
        {
            TableLayout.TwoSided => TwoSidedRows(body, definition, file, number ?? title, issues),
            TableLayout.Economic => EconomicRows(body, file, number ?? title),
            TableLayout.ThreePublic => ThreePublicRows(body, definition, file, number ?? title, issues),
            _ => CodedRows(body, definition, file, number ?? title, issues),
        };
        // A cell printed with a figure that cannot be read as one (13 decimals, two points) is kept as text and said —
        // never dropped, never left to look like a blank the report did not fill.
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells.Where(c => c.Value is null && c.Text is { Length: > 0 } t && t.Any(char.IsAsciiDigit)))
            {
                var reason = Printed.Parse(cell.Text).Error ?? "不是数字";
                var column = cell.Source?.Column ?? definition.Column(cell.Column)?.Name ?? cell.Column;
                issues.Add(new ImportIssue(cell.Source ?? row.Source ?? location, $"{number ?? title} {row.Key} {column}：「{cell.Text}」无法作为数字读取（{reason}），核对时按未填写处理。"));
            }
        }

        return new StatedTable { Definition = definition.Id, Number = number, Title = title, Unit = unit, Rows = rows, Notes = notes, EmptyStatement = empty, Source = location };
    }

    private static StatedCell Cell(string column, string text, SourceLocation where, string? columnName)
    {
        var trimmed = text.Trim();
        var parsed = trimmed.Length == 0 ? (ParseResult<Printed>?)null : Printed.Parse(trimmed);
        return new StatedCell
        {
            Column = column,
            Value = parsed is { Success: true } p ? p.Value : null,
            Text = parsed is { Success: false } ? trimmed : (parsed is { Success: true } ok && ok.Value.ToString() != trimmed ? trimmed : null),
            Source = where with { Column = columnName },
        };
    }

    /// <summary>Rows keyed by functional code (02, 03, 05, 07, 08): code, name (possibly wrapped), values.</summary>
    private static List<StatedRow> CodedRows(List<ReportLine> body, TableDefinition definition, string file, string table, List<ImportIssue> issues)
    {
        var rows = new List<StatedRow>();
        (string Code, string Name, ReportLine Line)? pending = null;
        void Add(string code, string name, ReportLine line, IReadOnlyList<string> values, bool positional)
        {
            var where = line.At(file, table, RowLabel(code));
            var columns = definition.Columns;
            if (!positional && values.Count != columns.Count && values.Count > 0)
            {
                issues.Add(new ImportIssue(where, $"该行有 {values.Count} 个数，表头有 {columns.Count} 栏，已按从左到右对应。"));
            }

            var cells = values.Take(columns.Count).Select((v, i) => Cell(columns[i].Key, v, where, columns[i].Name)).ToArray();
            static bool Blank(IEnumerable<StatedCell> row) => row.All(c => c.Value is null && c.Text is null);
            if (code == FactIndex.TotalRowKey && !values.Any(v => ReportText.IsNumber(v.Trim()))
                && IsColumnHeader(name + string.Concat(values.Select(v => v.Trim())), definition))
            {
                // 「合计 基本支出 项目支出」: the header of an empty table, not its total row.
                return;
            }

            if (rows.FindIndex(r => r.Key == code) is var earlier and >= 0)
            {
                if (Blank(rows[earlier].Cells))
                {
                    rows.RemoveAt(earlier);
                }
                else if (Blank(cells) || rows[earlier].Cells.Select(c => c.Value).SequenceEqual(cells.Select(c => c.Value)))
                {
                    // Nothing new: a blank repeat, or the same total printed at the head (「类 款 项 合计」) and the foot.
                    return;
                }
                else
                {
                    // A row key may appear once; the second row is reported with its figures, not silently merged or dropped.
                    issues.Add(new ImportIssue(where, $"行「{code}」在本表中重复出现，第二次的数值（{string.Join("、", values)}）未读入，请核对。"));
                    return;
                }
            }

            rows.Add(new StatedRow { Key = code, Label = name.Length == 0 ? (code == FactIndex.TotalRowKey ? "合计" : null) : name, Cells = cells, Source = where });
        }

        // Text laid out with spaces (pdftotext -layout, a page's copied text): each figure goes to the column it stands
        // under, wherever on the row's lines it is printed.
        if (Aligned(body) && Anchors(body, definition) is { } anchors && HeadingsHold(body, anchors, definition.Columns.Count))
        {
            foreach (var (code, name, line, values) in SpacedRows(body, anchors, [.. definition.Columns.Select(c => c.Name)], file, table, issues))
            {
                Add(code, name, line, values, positional: true);
            }

            return rows;
        }

        foreach (var line in body)
        {
            var fields = line.Fields;
            var positional = line.Text.Contains('\t', StringComparison.Ordinal);
            var (code, consumed) = RowCode(fields, line, file, table, issues);

            if (code is not null)
            {
                if (pending is { } p)
                {
                    Add(p.Code, p.Name, p.Line, [], false);
                }

                pending = null;
                var rest = fields.Skip(consumed).ToArray();
                if (positional)
                {
                    Add(code, rest.FirstOrDefault() ?? string.Empty, line, rest.Skip(1).ToArray(), true);
                    continue;
                }

                var name = string.Concat(rest.TakeWhile(t => !ReportText.IsNumber(t)));
                var values = rest.SkipWhile(t => !ReportText.IsNumber(t)).ToArray();
                if (values.Length == 0)
                {
                    pending = (code, name, line);
                }
                else
                {
                    Add(code, name, line, values, false);
                }
            }
            else if (pending is { } p)
            {
                // A name wrapped onto the next line(s), then the numbers.
                var name = string.Concat(fields.TakeWhile(t => !ReportText.IsNumber(t)));
                var values = fields.SkipWhile(t => !ReportText.IsNumber(t)).ToArray();
                pending = (p.Code, p.Name + name, p.Line);
                if (values.Length > 0)
                {
                    Add(p.Code, p.Name + name, p.Line, values, false);
                    pending = null;
                }
            }
        }

        if (pending is { } last)
        {
            Add(last.Code, last.Name, last.Line, [], false);
        }

        return rows;
    }

    // The row code a line opens with (ReadCode), or a code no 支出功能分类 code can be, read as printed and said.
    private static (string? Code, int Consumed) RowCode(IReadOnlyList<string> fields, ReportLine line, string file, string table, List<ImportIssue> issues)
    {
        var (code, consumed) = ReadCode(fields);
        if (code is null && fields.Count >= 2 && LooseCode().IsMatch(Printed.NormalizeDigits(fields[0])) && !ReportText.IsNumber(fields[1]))
        {
            // 「4101502 一般行政管理事务 7.20 …」: a code no 支出功能分类 code can be (they begin with 2) is read as printed,
            // never dropped with its figures; the audit then finds it where it stands.
            (code, consumed) = (Printed.NormalizeDigits(fields[0]), 1);
            issues.Add(new ImportIssue(line.At(file, table, code), $"「{code} {fields[1]}」的科目编码不是支出功能分类的编码（应以 2 开头），已按所印读入，请核对。"));
        }

        return (code, consumed);
    }

    /// <summary>
    /// A word of a space-laid line and where it stands, in characters. pdftotext -layout starts each word at the column
    /// of its place on the page, but a Chinese character is one character of text and two columns of page: a word's
    /// centre is its start plus half its width on the page.
    /// </summary>
    private readonly record struct Word(string Text, int Start, int End)
    {
        public double Centre => Start + (PrintedText.Width(Text) / 2.0);
    }

    private static Word[] Words(ReportLine line) => [.. WordPattern().Matches(line.Text).Select(m => new Word(m.Value, m.Index, m.Index + m.Length))];

    // Laid out with spaces to columns (pdftotext -layout): no tabs, and most lines with figures put a run of spaces
    // between their words — text copied with one space between words (a web page's) keeps no columns to go by.
    private static bool Aligned(IReadOnlyList<ReportLine> body)
    {
        var data = body.Where(l => l.Fields.Any(ReportText.IsNumber)).ToArray();
        return data.Length > 0 && !body.Any(l => l.Text.Contains('\t', StringComparison.Ordinal))
            && data.Count(l => l.Text.Trim().Contains("   ", StringComparison.Ordinal)) * 2 > data.Length;
    }

    /// <summary>
    /// Where each column of a space-laid table stands: the centre of the longest piece of its name a header line prints
    /// (「本年收入合」 over 「计」, 「附属单」 over 「位上」 over 「缴收入」) — header lines being those before the first figure.
    /// Null when fewer than two columns are found: then the figures are taken left to right, as before, and said.
    /// </summary>
    private static (int Column, double Centre)[]? Anchors(IReadOnlyList<ReportLine> body, TableDefinition definition)
    {
        var header = body.TakeWhile(l => !l.Fields.Any(ReportText.IsNumber)).SelectMany(Words).Where(w => w.Text.Length >= 2).ToArray();
        var anchors = new List<(int Column, double Centre)>();
        var used = new HashSet<Word>();
        for (var j = 0; j < definition.Columns.Count; j++)
        {
            // The column's name, the name under its group (小计, 人员经费 of 「基本支出·人员经费」), and for the total column
            // the words tables print over it.
            var column = definition.Columns[j];
            string[] names = [.. new[] { column.Name, column.Short, column.Heading(definition).Name }
                .Concat(column.Role == "total" ? ["合计", "小计", "总计"] : []).OfType<string>().Select(ReportText.Compact).Distinct()];
            var best = header.Where(w => !used.Contains(w) && names.Any(n => n.StartsWith(w.Text, StringComparison.Ordinal))).OrderByDescending(w => w.Text.Length).FirstOrDefault();
            if (best.Text is not null)
            {
                used.Add(best);
                anchors.Add((j, best.Centre));
            }
        }

        return anchors.Count >= 2 ? [.. anchors.OrderBy(a => a.Centre)] : null;
    }

    /// <summary>
    /// The rows of a space-laid table: a row opens with its code (or 合计); its name may wrap onto the lines after it; a
    /// line of figures alone (pdftotext prints a cell aligned higher than its neighbours on a line of its own: 「1,503.52
    /// 603.14」 over 「201 一般公共服务支出 2,106.66」) belongs to the row next to it whose figures stand in other columns —
    /// the row below when both would do. Each row's figures then go to the columns they stand under, in order.
    /// </summary>
    private static IEnumerable<(string Code, string Name, ReportLine Line, string[] Values)> SpacedRows(IReadOnlyList<ReportLine> body, (int Column, double Centre)[] anchors,
        IReadOnlyList<string> definitionColumns, string file, string table, List<ImportIssue> issues)
    {
        var columns = definitionColumns.Count;
        var records = new List<(string Code, string Name, ReportLine Line, int At, List<Word> Figures)>();
        var loose = new List<(int At, Word[] Figures, ReportLine Line)>();
        // Before the first figure come the headings: a 「合计」 there is a column's, not the total row.
        var firstFigure = body.ToList().FindIndex(l => l.Fields.Any(ReportText.IsNumber));
        string? above = null;
        void Unread(ReportLine line, IEnumerable<Word> figures, string why) =>
            issues.Add(new ImportIssue(line.At(file, table), $"第{line.Number}行的数字（{string.Join("、", figures.Select(f => f.Text))}）{why}，未读入，请核对。"));
        for (var i = 0; i < body.Count; i++)
        {
            var words = RowWords(Words(body[i]));
            if (words.Length == 0)
            {
                continue;
            }

            var (code, consumed) = RowCode([.. words.Select(w => w.Text)], body[i], file, table, issues);
            if (code is not null)
            {
                var rest = words.Skip(consumed).ToArray();
                var name = string.Concat(rest.TakeWhile(w => !ReportText.IsNumber(w.Text)).Select(w => w.Text));
                var figures = rest.SkipWhile(w => !ReportText.IsNumber(w.Text)).ToArray();
                if (i < firstFigure && figures.Length == 0)
                {
                    continue;
                }

                // A name printed half over its code line (a tall cell centred): the words right over it start its name.
                records.Add((code, (above ?? string.Empty) + name, body[i], i, [.. figures.Where(w => ReportText.IsNumber(w.Text))]));
                above = null;
                var stray = figures.Where(w => !ReportText.IsNumber(w.Text)).ToArray();
                if (stray.Length > 0)
                {
                    issues.Add(new ImportIssue(body[i].At(file, table, RowLabel(code)), $"第{body[i].Number}行数字之间的文字（{string.Join("", stray.Select(w => w.Text))}）未读入，请核对。"));
                }
            }
            else if (words.All(w => ReportText.IsNumber(w.Text)))
            {
                // A line of the columns' numbers (栏次 「1 2 3 …」) is no row's figures.
                if (!ColumnNumbers(words))
                {
                    loose.Add((i, words, body[i]));
                }
            }
            else if (words[0].Text == "栏次" || i < firstFigure || words.All(w => w.Text is "类" or "款" or "项"))
            {
                // Headings (「类 款 项」 printed over the total row among them) name no row.
                continue;
            }
            else if (!words.Any(w => ReportText.IsNumber(w.Text)))
            {
                // Words alone: the start of the next row's name when that row follows at once and its code line prints
                // no name (swu: 「行政事业单位养老支」 over 「20805 13,465.06 …」 over 「出」), else the end of the name of the
                // row over them (putuo: 「208 05 05 160.75 160.75」 over 「机关事业单位基本养老保险」 over 「缴费支出」).
                var text = string.Concat(words.Select(w => w.Text));
                var next = i + 1 < body.Count && body[i + 1].Number == body[i].Number + 1 ? RowWords(Words(body[i + 1])) : [];
                var (nextCode, nextConsumed) = ReadCode([.. next.Select(w => w.Text)]);
                if (nextCode is not null && next.Skip(nextConsumed).FirstOrDefault() is var first && (first.Text is null || ReportText.IsNumber(first.Text)))
                {
                    above = (above ?? string.Empty) + text;
                }
                else if (records.Count > 0)
                {
                    records[^1] = records[^1] with { Name = records[^1].Name + text };
                }
            }
            else
            {
                Unread(body[i], words.Where(w => ReportText.IsNumber(w.Text)), "所在的行既不以科目编码开头，也不是合计行");
            }
        }

        int ColumnOf(Word w) => anchors.MinBy(a => Math.Abs(a.Centre - w.Centre)).Column;
        // A page number printed between a table's rows (「7」 alone on its line) in a table of figures with decimals.
        var withDecimals = records.SelectMany(r => r.Figures).Count(f => f.Text.Contains('.', StringComparison.Ordinal));
        var decimalTable = withDecimals * 2 > records.Sum(r => r.Figures.Count);
        foreach (var (at, figures, line) in loose.Where(l => !(decimalTable && PageNumberAlone(l.Figures))))
        {
            var before = records.FindLastIndex(r => r.At < at);
            var after = records.FindIndex(r => r.At > at);
            bool Fits(int r) => r >= 0 && !records[r].Figures.Select(ColumnOf).Intersect(figures.Select(ColumnOf)).Any();
            var target = Fits(after) && (!Fits(before) || at - records[before].At >= records[after].At - at) ? after
                : Fits(before) ? before : -1;
            if (target < 0)
            {
                Unread(line, figures, "与上下两行的数字同栏，归不到任何一行");
                continue;
            }

            records[target].Figures.AddRange(figures);
        }

        // pdftotext lays out each page on its own and closes up the columns a page leaves empty: on a page after the
        // headings' (a form feed starts it) the figures stand in as many columns as the headings' page used, in the
        // same order — where they do, those are the page's columns; where not, the headings' places are all there is.
        var pageOf = new int[body.Count];
        for (var i = 0; i < body.Count; i++)
        {
            pageOf[i] = (i > 0 ? pageOf[i - 1] : 0) + (body[i].Text.Contains('\f', StringComparison.Ordinal) ? 1 : 0);
        }

        var headingsPage = records.Count > 0 ? pageOf[records[0].At] : 0;
        var used = records.Where(r => pageOf[r.At] == headingsPage).Select(r => Place([.. r.Figures.OrderBy(f => f.Centre)], anchors))
            .OfType<int[]>().SelectMany(slots => slots.Select(k => anchors[k])).Distinct().OrderBy(a => a.Centre).ToArray();
        var pageAnchors = new Dictionary<int, (int Column, double Centre)[]>();
        foreach (var page in records.Select(r => pageOf[r.At]).Distinct().Where(p => p != headingsPage))
        {
            var centres = records.Where(r => pageOf[r.At] == page).SelectMany(r => r.Figures).Select(f => f.Centre).Order().ToArray();
            var clusters = new List<List<double>>();
            foreach (var c in centres)
            {
                if (clusters.Count > 0 && c - clusters[^1][^1] <= 3)
                {
                    clusters[^1].Add(c);
                }
                else
                {
                    clusters.Add([c]);
                }
            }

            if (clusters.Count == used.Length && used.Length >= 2)
            {
                pageAnchors[page] = [.. used.Select((a, k) => (a.Column, clusters[k].Average()))];
            }
        }

        foreach (var (code, name, line, at, figures) in records)
        {
            var values = new string[columns];
            Array.Fill(values, string.Empty);
            var placed = figures.OrderBy(f => f.Centre).ToArray();
            var onPage = pageAnchors.GetValueOrDefault(pageOf[at]) is { } page && page.Length >= placed.Length ? page : anchors;
            if (placed.Length == columns)
            {
                // Every column printed: in order, wherever the header words stand.
                for (var k = 0; k < columns; k++)
                {
                    values[k] = placed[k].Text;
                }
            }
            else if (Place(placed, onPage) is { } slots)
            {
                for (var k = 0; k < placed.Length; k++)
                {
                    values[onPage[slots[k]].Column] = placed[k].Text;
                    // Put under a heading other than the nearest, to keep the row's figures in order: said, never silent.
                    if (onPage.MinBy(a => Math.Abs(a.Centre - placed[k].Centre)).Column != onPage[slots[k]].Column)
                    {
                        issues.Add(new ImportIssue(line.At(file, table, RowLabel(code)),
                            $"第{line.Number}行的「{placed[k].Text}」与表头各栏都对不齐，已按次序读入「{definitionColumns[onPage[slots[k]].Column]}」栏，请核对。"));
                    }
                }
            }
            else
            {
                issues.Add(new ImportIssue(line.At(file, table, RowLabel(code)),
                    $"该行有 {placed.Length} 个数，表头只认出 {onPage.Length} 栏，已按从左到右对应{(placed.Length > columns ? $"，多出的 {string.Join("、", placed.Skip(columns).Select(f => f.Text))} 未读入" : string.Empty)}。"));
                for (var k = 0; k < Math.Min(placed.Length, columns); k++)
                {
                    values[k] = placed[k].Text;
                }
            }

            yield return (code, name, line, values);
        }
    }

    // 「7」 alone on its line: a page number printed between a table's rows, in a table that prints its figures with decimals.
    private static bool PageNumberAlone(Word[] words) => words is [{ Text: { Length: <= 3 } bare }] && bare.All(char.IsAsciiDigit);

    // The name a row's notes give it: its code, or 合计.
    private static string RowLabel(string code) => code == FactIndex.TotalRowKey ? "合计" : code;

    // 「1 2 3 4 5」: whole numbers counting up by one, three at least — the 栏次 line under a header.
    private static bool ColumnNumbers(Word[] words) =>
        words.Length >= 3 && words.All(w => w.Text.All(char.IsAsciiDigit) && w.Text.Length <= 2)
        && words.Zip(words.Skip(1)).All(p => int.Parse(p.Second.Text, System.Globalization.CultureInfo.InvariantCulture) == int.Parse(p.First.Text, System.Globalization.CultureInfo.InvariantCulture) + 1);

    // Whether the figures stand in columns at all: the rows that print every column put their k-th figures one under
    // another (the middle half of them within a few characters; pdftotext right-aligns or centres a column's cells). Text spaced out with no
    // columns behind it (a document's copy with runs of spaces after names of any length) does not, and keeps the
    // left-to-right reading. With fewer than two such rows there is nothing against the columns.
    private static bool HeadingsHold(IReadOnlyList<ReportLine> body, (int Column, double Centre)[] anchors, int columns)
    {
        // A row's figures: what follows its code (「208」 is no figure).
        static Word[] Figures(ReportLine line)
        {
            var words = RowWords(Words(line));
            var (_, consumed) = ReadCode([.. words.Select(w => w.Text)]);
            return [.. words.Skip(consumed).Where(w => ReportText.IsNumber(w.Text)).OrderBy(w => w.Centre)];
        }

        var full = body.Select(Figures).Where(f => f.Length == columns).ToArray();
        if (full.Length < 2)
        {
            return true;
        }

        // Per column the middle half of the rows' places (a page pdftotext spaced otherwise moves a few rows, not the half).
        double Spread(int k)
        {
            var at = full.Select(f => f[k].Centre).Order().ToArray();
            return at[at.Length * 3 / 4] - at[at.Length / 4];
        }

        var spreads = Enumerable.Range(0, columns).Select(Spread).Order().ToArray();
        return spreads[spreads.Length / 2] <= 4;
    }

    // A row's words with the headings printed before its figures dropped (「类 款 项 合计 237,100.00 …」) and a total
    // printed letter by letter joined (「合 计」).
    private static Word[] RowWords(Word[] words)
    {
        var rest = words.SkipWhile(w => w.Text is "类" or "款" or "项").ToArray();
        if (rest.Length < words.Length && (rest.Length == 0 || rest[0].Text != "合计"))
        {
            return words;
        }

        return rest is [{ Text: "合" } he, { Text: "计" } ji, ..] ? [he with { Text = "合计", End = ji.End }, .. rest[2..]] : rest;
    }

    /// <summary>
    /// The columns (indexes into <paramref name="anchors"/>, both in order across the page) of figures read left to right:
    /// each figure to a column, in order, at the least total distance from the columns' headers; null when there are more
    /// figures than columns.
    /// </summary>
    private static int[]? Place(Word[] figures, (int Column, double Centre)[] anchors)
    {
        int n = figures.Length, m = anchors.Length;
        if (n > m)
        {
            return null;
        }

        // cost[i, k]: the least cost of placing the first i figures among the first k columns.
        var cost = new double[n + 1, m + 1];
        for (var i = 1; i <= n; i++)
        {
            cost[i, 0] = double.PositiveInfinity;
        }

        for (var i = 1; i <= n; i++)
        {
            for (var k = 1; k <= m; k++)
            {
                var skip = k - 1 >= i ? cost[i, k - 1] : double.PositiveInfinity;
                var take = cost[i - 1, k - 1] + Math.Abs(figures[i - 1].Centre - anchors[k - 1].Centre);
                cost[i, k] = Math.Min(skip, take);
            }
        }

        var slots = new int[n];
        for (int i = n, k = m; i > 0; k--)
        {
            if (k - 1 >= i && cost[i, k] == cost[i, k - 1])
            {
                continue;
            }

            slots[--i] = k - 1;
        }

        return slots;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();

    /// <summary>True when <paramref name="text"/> is nothing but column names of the table (a header line).</summary>
    private static bool IsColumnHeader(string text, TableDefinition definition)
    {
        var rest = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var name in definition.Columns.Select(c => c.Name.Replace(" ", string.Empty, StringComparison.Ordinal)).Where(n => n.Length > 0).OrderByDescending(n => n.Length))
        {
            rest = rest.Replace(name, string.Empty, StringComparison.Ordinal);
        }

        return text.Length > 0 && rest.Length == 0;
    }

    /// <summary>A functional code at the start of a line: "2101501", "210 15 01", or 合计.</summary>
    private static (string? Code, int Consumed) ReadCode(IReadOnlyList<string> fields)
    {
        if (fields.Count == 0)
        {
            return (null, 0);
        }

        if (fields[0] is "合计" or "合 计" or "总计")
        {
            return (FactIndex.TotalRowKey, 1);
        }

        // Full-width digits (「２１０１５０２」) are the same code as ASCII ones.
        var code = Printed.NormalizeDigits(fields[0]);
        if (!Code().IsMatch(code))
        {
            return (null, 0);
        }

        var consumed = 1;
        while (code.Length < 7 && consumed < fields.Count && Printed.NormalizeDigits(fields[consumed]) is { Length: 2 } two && two.All(char.IsAsciiDigit))
        {
            code += two;
            consumed++;
        }

        return (code, consumed);
    }

    /// <summary>06: economic codes printed three to a line (code, name, amount) and the 人员经费/公用经费 totals.</summary>
    private static List<StatedRow> EconomicRows(List<ReportLine> body, string file, string table)
    {
        var rows = new List<StatedRow>();
        foreach (var line in Aligned(body) ? PrintedRowsOf(body) : body)
        {
            var text = line.Text.Replace('\t', ' ');
            foreach (var (code, label, amount) in EconomicTriples(line.Text))
            {
                var where = line.At(file, table, code);
                if (rows.All(r => r.Key != code))
                {
                    rows.Add(new StatedRow { Key = code, Label = label, Cells = [Cell("amount", amount, where, "决算数")], Source = where });
                }
            }

            foreach (var (label, key) in new[] { ("人员经费合计", "personnel.total"), ("公用经费合计", "public.total") })
            {
                if (Regex.Match(text, label + @"\s*(-?[\d,]+(?:\.\d+)?)") is { Success: true } t)
                {
                    var where = line.At(file, table, label);
                    rows.Add(new StatedRow { Key = key, Label = label, Cells = [Cell("amount", t.Groups[1].Value, where, "决算数")], Source = where });
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// Table 06 laid out with spaces prints a row over up to three lines (pdftotext -layout of a tall cell): its figures
    /// alone (「262.33 … 21.21」), then its codes (「301 01 … 302」), then its names with the right column's 款
    /// (「基本工资 … 01 办公费」), a name wrapping under itself (「…基本养老保险缴」 over 「费」). Each printed row is made one
    /// line again — a row opens at a line that starts with a 类 code (or a 合计), the lines of figures alone before it are
    /// its, the lines of words after it too — its words in their order across the page, a word under another joined to it.
    /// </summary>
    private static List<ReportLine> PrintedRowsOf(List<ReportLine> body)
    {
        var result = new List<ReportLine>();
        var words = new List<Word>();
        var carry = new List<Word>();
        ReportLine? first = null;
        void Flush()
        {
            if (first is not null)
            {
                var joined = new List<Word>();
                foreach (var w in words.OrderBy(w => w.Start))
                {
                    // A name wrapped under itself: same place, both words.
                    if (!ReportText.IsNumber(w.Text) && joined.FindIndex(j => j.Start == w.Start && !ReportText.IsNumber(j.Text)) is var k and >= 0)
                    {
                        joined[k] = joined[k] with { Text = joined[k].Text + w.Text };
                    }
                    else
                    {
                        joined.Add(w);
                    }
                }

                // A 类 code and the 款 printed on the line under it are one code (「302」 over 「09 物业管理费」).
                var ordered = joined.OrderBy(w => w.Start).Select(w => w.Text).ToList();
                for (var i = 0; i + 1 < ordered.Count; i++)
                {
                    if (ordered[i] is { Length: 3 } cls && cls[0] == '3' && cls.All(char.IsAsciiDigit) && ordered[i + 1] is { Length: 2 } item && item.All(char.IsAsciiDigit))
                    {
                        ordered[i] = cls + item;
                        ordered.RemoveAt(i + 1);
                    }
                }

                result.Add(first with { Text = string.Join(" ", ordered) });
            }

            words.Clear();
            first = null;
        }

        foreach (var line in body)
        {
            var ws = LettersJoined(Words(line));
            if (ws.Length == 0 || ColumnNumbers(ws) || ws[0].Text == "栏次")
            {
                continue;
            }

            // Figures alone go to the row that opens next; a 款 alone (「07」, its name over and under it) is its row's.
            if (ws.All(w => ReportText.IsNumber(w.Text)) && !(ws[0].Text.Length == 3 && ws[0].Text.StartsWith('3'))
                && !ws.All(w => w.Text.Length <= 2 && w.Text.All(char.IsAsciiDigit)))
            {
                carry.AddRange(ws);
            }
            else if ((ws[0].Text.Length == 3 && ws[0].Text.StartsWith('3') && ws[0].Text.All(char.IsAsciiDigit)) || ws[0].Text.Contains("合计", StringComparison.Ordinal))
            {
                Flush();
                first = line;
                words.AddRange(carry);
                words.AddRange(ws);
                carry.Clear();
            }
            else if (first is not null)
            {
                words.AddRange(ws);
            }
        }

        words.AddRange(carry);
        Flush();
        return result;
    }

    /// <summary>
    /// Table 09 laid out with spaces, its bases printed as a line of column headings (Shanghai: 「预算数 决算数」 under each
    /// item; national: six 预算数 then six 决算数) and its figures on a line under them, blank cells leaving no trace
    /// (「0.95 … 0.95」): each figure goes to the heading it stands under — the n-th 预算数 is the n-th item's budget.
    /// Null when the table prints no such line of headings.
    /// </summary>
    private static List<StatedRow>? PositionalThreePublic(List<ReportLine> body, TableDefinition definition, string[] columns, string file, string table)
    {
        var at = body.FindIndex(l => Words(l) is { Length: >= 4 } ws && ws.All(w => w.Text is "预算数" or "决算数"));
        if (at < 0)
        {
            return null;
        }

        var headings = Words(body[at]);
        var slots = new List<(string Basis, string Column, double Centre)>();
        var seen = new Dictionary<string, int>();
        foreach (var h in headings)
        {
            var n = seen.GetValueOrDefault(h.Text);
            seen[h.Text] = n + 1;
            if (n < columns.Length)
            {
                slots.Add((h.Text == "预算数" ? "budget" : "actual", columns[n], h.Centre));
            }
        }

        var cells = new Dictionary<string, List<StatedCell>> { ["budget"] = [], ["actual"] = [] };
        var where = body[at].At(file, table);
        foreach (var line in body.Skip(at + 1))
        {
            var figures = Words(line);
            if (figures.Length == 0 || !figures.All(w => ReportText.IsNumber(w.Text)) || ColumnNumbers(figures))
            {
                continue;
            }

            var anchors = slots.Select((s, k) => (Column: k, s.Centre)).ToArray();
            if (Place(figures, anchors) is not { } placed)
            {
                return null;
            }

            for (var k = 0; k < figures.Length; k++)
            {
                var (basis, column, _) = slots[placed[k]];
                cells[basis].Add(Cell(column, figures[k].Text, line.At(file, table, basis == "budget" ? "预算数" : "决算数"), definition.Column(column)!.Name));
            }

            where = line.At(file, table);
            break;
        }

        // Both bases are rows of the printed table, a base with no figure a row of blanks.
        return [.. cells.Select(c => new StatedRow
        {
            Key = c.Key, Label = c.Key == "budget" ? "预算数" : "决算数", Cells = c.Value, Source = where with { Row = c.Key == "budget" ? "预算数" : "决算数" },
        })];
    }

    // A name printed letter by letter (「因 公 出 国 （ 境 ） 费」, a cell justified across its width) is one word.
    private static Word[] LettersJoined(Word[] words)
    {
        static bool Letter(Word w) => w.Text.Length == 1 && PrintedText.IsWide(w.Text[0]);
        var joined = new List<Word>();
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && Letter(words[i]) && Letter(words[i - 1]) && words[i].Start == words[i - 1].End + 1)
            {
                joined[^1] = joined[^1] with { Text = joined[^1].Text + words[i].Text, End = words[i].End };
            }
            else
            {
                joined.Add(words[i]);
            }
        }

        return [.. joined];
    }

    /// <summary>09: 预算数 / 决算数 rows, columns in the order the header prints them.</summary>
    private static List<StatedRow> ThreePublicRows(List<ReportLine> body, TableDefinition definition, string file, string table, List<ImportIssue> issues)
    {
        var header = string.Concat(body.TakeWhile(l => !l.Text.TrimStart().StartsWith("预算数", StringComparison.Ordinal) && !l.Text.TrimStart().StartsWith("决算数", StringComparison.Ordinal)).Select(l => l.Text));
        var receptionFirst = header.IndexOf("公务接待", StringComparison.Ordinal) is var r && r >= 0 && header.IndexOf("公务用车", StringComparison.Ordinal) is var v && v >= 0 && r < v;
        string[] order = receptionFirst
            ? ["total", "abroad", "reception", "vehicleSubtotal", "vehiclePurchase", "vehicleOperation", "meeting", "training"]
            : ["total", "abroad", "vehicleSubtotal", "vehiclePurchase", "vehicleOperation", "reception", "meeting", "training"];
        var columns = order.Where(c => definition.Column(c) is not null).ToArray();
        var rows = new List<StatedRow>();
        if (Aligned(body) && PositionalThreePublic(body, definition, columns, file, table) is { } positional)
        {
            return positional;
        }

        foreach (var line in body)
        {
            var fields = line.Fields;
            if (fields.Count > 1 && fields[0] is "预算数" or "决算数")
            {
                var key = fields[0] == "预算数" ? "budget" : "actual";
                var where = line.At(file, table, fields[0]);
                rows.Add(new StatedRow { Key = key, Label = fields[0], Cells = fields.Skip(1).Take(columns.Length).Select((x, i) => Cell(columns[i], x, where, definition.Column(columns[i])!.Name)).ToArray(), Source = where });
            }
            else if (fields.Count == 12 && fields.All(ReportText.IsNumber) && !fields.All(ReportText.IsInteger))
            {
                // National layout: 预算数 six columns then 决算数 six columns on one line.
                var where = line.At(file, table);
                rows.Add(new StatedRow { Key = "budget", Label = "预算数", Cells = fields.Take(6).Select((x, i) => Cell(columns[i], x, where with { Row = "预算数" }, definition.Column(columns[i])!.Name)).ToArray(), Source = where with { Row = "预算数" } });
                rows.Add(new StatedRow { Key = "actual", Label = "决算数", Cells = fields.Skip(6).Select((x, i) => Cell(columns[i], x, where with { Row = "决算数" }, definition.Column(columns[i])!.Name)).ToArray(), Source = where with { Row = "决算数" } });
            }
            else if (fields.Any(ReportText.IsNumber) && !fields.All(f => f.Length == 0 || ReportText.IsInteger(f)) && fields.Count > 1 && !fields[0].StartsWith("栏次", StringComparison.Ordinal) && !line.Text.Contains("公开", StringComparison.Ordinal))
            {
                issues.Add(new ImportIssue(line.At(file, table), $"无法识别的“三公”经费表行：「{line.Text.Trim()}」"));
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^第[一二三四五六七八九十]+部分")]
    private static partial Regex PartHeading();

    [GeneratedRegex(@"公开\s*0?(\d{1,2})\s*表")]
    private static partial Regex NumberLabel();

    [GeneratedRegex(@"单位\s*[：:]\s*(万元|元)")]
    private static partial Regex UnitLabel();

    [GeneratedRegex(@"^(注|说明)\s*[：:]?\s*(\d+\s*[.、．])?\s*")]
    private static partial Regex NotePrefix();

    [GeneratedRegex(@"^\d+\s*[.、．]")]
    private static partial Regex NoteContinuation();

    [GeneratedRegex(@"空表|无数据|不涉及|没有.*收入.*也没有")]
    private static partial Regex EmptyWords();

    [GeneratedRegex(@"^2[0-9]{2}([0-9]{2}){0,2}$")]
    private static partial Regex Code();

    [GeneratedRegex(@"^[0-9]{3}([0-9]{2}){0,2}$")]
    private static partial Regex LooseCode();

    /// <summary>
    /// The (code, name, amount) triples of a line of table 06. With tabs, by fields: a blank amount cell is a row with a
    /// blank amount, not a reason to read the next column's code as the amount. With spaces, by pattern: an integer
    /// amount is one not followed by a name (else it is the next column's code).
    /// </summary>
    private static IEnumerable<(string Code, string Label, string Amount)> EconomicTriples(string text)
    {
        if (text.Contains('\t', StringComparison.Ordinal))
        {
            var fields = text.Split('\t').Select(f => f.Trim()).ToArray();
            for (var i = 0; i + 1 < fields.Length; i++)
            {
                if (EconomicCode().IsMatch(fields[i]) && fields[i + 1].Length > 0 && !ReportText.IsNumber(fields[i + 1]))
                {
                    var nextIsCode = i + 3 < fields.Length && EconomicCode().IsMatch(fields[i + 2]) && fields[i + 3].Length > 0 && !ReportText.IsNumber(fields[i + 3]);
                    var amount = i + 2 < fields.Length && ReportText.IsNumber(fields[i + 2]) && !nextIsCode ? fields[i + 2] : string.Empty;
                    yield return (fields[i].Replace(" ", string.Empty, StringComparison.Ordinal), fields[i + 1], amount);
                    i += amount.Length > 0 ? 2 : 1;
                }
            }

            yield break;
        }

        // A code whose amount cell is blank leaves no trace between spaces: it is a row with a blank amount.
        var triples = EconomicTriple().Matches(text).ToArray();
        foreach (Match m in EconomicCodeAndName().Matches(text))
        {
            if (triples.FirstOrDefault(t => t.Index == m.Index) is { } t)
            {
                yield return (t.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal), t.Groups[2].Value.Trim(), t.Groups[3].Value);
            }
            else if (!triples.Any(t => m.Index > t.Index && m.Index < t.Index + t.Length))
            {
                yield return (m.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal), m.Groups[2].Value.Trim(), string.Empty);
            }
        }
    }

    [GeneratedRegex(@"(?<![\d.,])(3\d{2}(?:\s?\d{2})?)\s+([^\d\s]\S*)")]
    private static partial Regex EconomicCodeAndName();

    [GeneratedRegex(@"^3\d{2}(?:\s?\d{2})?$")]
    private static partial Regex EconomicCode();

    // The name may hold spaces but not another code followed by a name (that is the next column's row).
    [GeneratedRegex(@"(?<![\d.,])(3\d{2}(?:\s?\d{2})?)\s+([^\d\s](?:(?!\s3\d{2}(?:\s?\d{2})?\s+[^\d\s])[^\t])*?)\s+(-?[\d,]+\.\d+|-?\d+(?!\s+[^\d\s-]))(?=\s|$)")]
    private static partial Regex EconomicTriple();

    [GeneratedRegex(@"^表\s*\d+\t(.+?)\t(是|否)\t?(.*)$")]
    private static partial Regex EmptyListRow();
}
