using System.Text.RegularExpressions;
using Juesuan.Formats;
using Juesuan.Domain.Model;
using Juesuan.Domain.Reference;
using Juesuan.Domain.Templates;

namespace Juesuan.Import.Text;

/// <summary>
/// Reads a published report given as text (as extracted from the PDF or Word file): department, year, the public
/// tables matched by title against the provincial templates, the narrative sections and the claims they make.
/// </summary>
public static partial class TextReportReader
{
    private static readonly string[] Provinces = ["北京市", "天津市", "河北省", "山西省", "内蒙古", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西", "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏", "陕西省", "甘肃省", "青海省", "宁夏", "新疆"];

    /// <summary>Reads a text file.</summary>
    public static ImportResult ReadFile(string path, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return InputFile.ReadBytes(path, out var error) is { } bytes ? Read(bytes, Path.GetFileName(path), reference) : new ImportResult(null, [], error);
    }

    /// <summary>Reads a report from the bytes of an input named <paramref name="file"/> (UTF-8, UTF-16 or GBK text).</summary>
    public static ImportResult Read(byte[] content, string file, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (InputFile.DecodeText(content, file, out var error, out var note) is not { } text)
        {
            return new ImportResult(null, [], error);
        }

        var result = Read(text, file, reference);
        return note is null ? result : result with { Issues = [new ImportIssue(new SourceLocation { File = file }, note), .. result.Issues] };
    }

    /// <summary>
    /// Reads a report's text; <paramref name="file"/> names it in source locations; tables and sections are matched
    /// against the templates of <paramref name="reference"/> (the embedded ones when none is given).
    /// </summary>
    public static ImportResult Read(string text, string file, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\0', StringComparison.Ordinal) || text.AsSpan().Count('\uFFFD') > text.Length / 20 + 5)
        {
            return new ImportResult(null, [], $"{file} 不是文本文件（含有二进制内容或无法识别的编码）。");
        }

        using (Reading.Enter())
        {
            return Read(ReportText.Lines(text), file, [], reference: reference);
        }
    }

    /// <summary>Reads a report from lines already extracted (the PDF reader passes page-tagged lines and its own notices).</summary>
    internal static ImportResult Read(IReadOnlyList<ReportLine> lines, string file, IEnumerable<ImportIssue> earlier, IReadOnlyList<PrintedLabel>? moreLabels = null, ReferenceData? reference = null)
    {
        reference ??= ReferenceData.Embedded;
        var templates = reference.Templates;
        var issues = new List<ImportIssue>(earlier);
        var department = FindDepartment(lines);
        var year = ReportText.FindYear(lines);
        if (department is null || year is null)
        {
            return new ImportResult(null, [], $"{file} 中找不到{(department is null ? "部门名称" : "决算年度")}：不像是一份部门决算报告。");
        }

        var province = Provinces.FirstOrDefault(p => department.StartsWith(p, StringComparison.Ordinal));
        var tables = TextTableReader.Read(lines, file, province, templates);
        issues.AddRange(tables.Issues);
        var template = tables.Template;
        if (tables.Tables.Count == 0)
        {
            // No tables in the text (published as images): the narrative's headings tell the template apart.
            var headings = NarrativeReader.Read(lines, tables.Regions, template, year.Value, file, [], reference).Sections.Select(h => Template.TitleKey(h.Title)).ToArray();
            // A template none of whose headings is printed says nothing: the default then, not the one with fewest sections.
            var best = templates.Ordered
                .Select(t => (Template: t, Matches: t.Sections.Count(s => headings.Contains(Template.TitleKey(s.Title)))))
                .OrderByDescending(x => x.Matches - Math.Abs(x.Template.Sections.Count - headings.Length))
                .First();
            template = best.Matches > 0 ? best.Template : templates.Default;
            if (province is not null)
            {
                template = templates.ForProvince(province, year.Value);
            }
        }

        // The self-evaluation tables are read first: their cells are theirs, not the narrative's around them.
        var evaluationRegions = new List<(int Start, int End)>();
        var evaluations = EvaluationReader.Read(lines, department, file, issues, evaluationRegions);
        var linesRead = new HashSet<ReportLine>();
        var narrative = NarrativeReader.Read(lines, [.. tables.Regions, .. evaluationRegions], template, year.Value, file, issues, reference, tables.Tables, linesRead);
        IReadOnlyList<PrintedLabel> labels = [.. LabelReader.Read(lines, tables.Regions, file, templates), .. moreLabels ?? []];
        var (units, composition) = UnitReader.Read(lines, department, file);

        // The prose no reader took, outside the self-evaluation tables, read by the same grammar: its statements join the
        // narrative's claims and its figures no statement takes are listed as unread with the narrative's.
        var runs = new List<List<ReportLine>>();
        var linesOfPassages = new List<List<ReportLine>>();
        var passages = PassageReader.Read(lines, tables.Regions, linesRead, labels, file, runs, linesOfPassages);
        var inEvaluations = evaluationRegions.SelectMany(r => Enumerable.Range(r.Start, Math.Max(0, Math.Min(r.End, lines.Count) - r.Start))).Select(i => lines[i]).ToHashSet();
        // Inside a self-evaluation table only its sentences are prose (「1、2022 年城乡居民参保 22.56 万人，参保率为 98%。」
        // in 年度目标完成情况), never its rows (IndicatorRow).
        bool Prose(List<ReportLine> run) => !run.Any(inEvaluations.Contains)
            || (run[^1].Text.TrimEnd().EndsWith('。') && !run.Any(IndicatorRow));
        var proseRuns = runs.Where(Prose).ToList();
        // Each passage the grammar read is marked with its paragraph (a workbook keeps the mark and reads the same paragraphs).
        var paragraphOf = new Dictionary<ReportLine, int>();
        for (var r = 0; r < proseRuns.Count; r++)
        {
            foreach (var line in proseRuns[r])
            {
                paragraphOf.TryAdd(line, r + 1);
            }
        }

        passages = [.. passages.Select((p, i) => i < linesOfPassages.Count && linesOfPassages[i].Count > 0 && paragraphOf.TryGetValue(linesOfPassages[i][0], out var paragraph)
            ? p with { Paragraph = paragraph } : p)];
        narrative = NarrativeReader.WithProse(narrative, [.. proseRuns], template, year.Value, file, issues, reference);
        var result = new DepartmentYear
        {
            Department = new Department { Name = department, Province = province, Functions = FindFunctions(lines) },
            Units = units,
            Composition = composition,
            Year = year.Value,
            TemplateId = template.Id,
            Kind = KindOf(lines),
            Tables = tables.Tables,
            Narrative = narrative,
            Labels = labels,
            Passages = passages,
            Explanations = NarrativeReader.ExplanationsOf(narrative),
            ThreePublic = NarrativeReader.ThreePublicCounts(narrative),
            Evaluations = evaluations,
            OperatingCosts = NarrativeReader.OperatingCostsOf(narrative),
            Procurement = NarrativeReader.ProcurementOf(narrative),
            Assets = NarrativeReader.AssetsOf(narrative),
            Staffing = NarrativeReader.StaffingOf(lines),
            Sources = [file],
        };
        if (tables.Tables.Count == 0 && result.Kind != DocumentKind.SelfEvaluationReport)
        {
            var read = result.Evaluations.Count > 0 ? $"读取了情况说明和 {result.Evaluations.Count} 张绩效自评表" : "只读取了情况说明";
            issues.Add(new ImportIssue(new SourceLocation { File = file }, $"文本中没有找到公开表（公开01–09表，可能以图片形式公开）；{read}。"));
        }

        return new ImportResult(result, issues);
    }

    /// <summary>
    /// A stand-alone self-evaluation report titles itself so on its first page (「2024年单位整体支出绩效自评报告」) and never
    /// as a final-accounts disclosure (「2024年度部门决算」); a unit's own disclosure titles itself 「…2024年度单位决算」 and
    /// never 「部门决算」.
    /// </summary>
    /// <summary>
    /// A row of a self-evaluation table (「…覆盖率 ≥95 98% 10 10」, with a reason after its scores or not), not a line of a
    /// sentence — which may print two figures apart as well, with a clause's punctuation between them (「点医药机构共 439 家，
    /// 追回违规医疗机构基金 157.1 万元；」).
    /// </summary>
    internal static bool IndicatorRow(ReportLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Fields;
        // A year (「2022 年以来…」) is no score.
        var numbers = Enumerable.Range(0, fields.Count).Where(i => ReportText.IsNumber(fields[i].TrimEnd('%', '％'))
            && !(i + 1 < fields.Count && fields[i].Length == 4 && fields[i + 1].StartsWith('年'))).ToArray();
        return numbers.Length >= 2 && !fields.Skip(numbers[0]).Take(numbers[^1] - numbers[0]).Any(f => f.AsSpan().IndexOfAny('，', '；') >= 0);
    }

    private static DocumentKind KindOf(IReadOnlyList<ReportLine> lines)
    {
        var front = lines.Where(l => !l.IsBlank).Take(40).Select(l => l.Text.Replace(" ", string.Empty, StringComparison.Ordinal)).ToArray();
        var finalAccounts = front.Select(t => FinalAccountsTitle().Match(t)).Where(m => m.Success).ToArray();
        if (finalAccounts.Length == 0)
        {
            return front.Any(t => SelfEvaluationTitle().IsMatch(t)) ? DocumentKind.SelfEvaluationReport : DocumentKind.FinalAccounts;
        }

        return finalAccounts.Any(m => m.Value.Contains("单位决算", StringComparison.Ordinal)) && !finalAccounts.Any(m => m.Value.Contains("部门决算", StringComparison.Ordinal))
            ? DocumentKind.UnitFinalAccounts : DocumentKind.FinalAccounts;
    }

    [GeneratedRegex(@"^(?:20\d\d年度?)?.{0,30}?(?:整体支出|项目支出|预算)?绩效(?:自评|自我评价|评价)报告$")]
    private static partial Regex SelfEvaluationTitle();

    [GeneratedRegex(@"20\d\d年度?(?:部门|单位)?决算(?:公开)?$|^第[一二三]部分")]
    private static partial Regex FinalAccountsTitle();

    /// <summary>
    /// 主要职能 as the 部门概况 prints it (「一、主要职能」, 「一、部门职责」, 「一、部门主要职责及机构设置」, 「一、单位主要职责及
    /// 内设机构」 — then its 「（一）主要职责」 only): the lines under the heading up to the next heading of its level, joined
    /// where the page wrapped them, a paragraph at each numbered point. Null when the report prints none.
    /// </summary>
    private static string? FindFunctions(IReadOnlyList<ReportLine> lines)
    {
        // The first heading with text under it: the 目录 prints the same words with nothing under them.
        for (var i = 0; i < Math.Min(lines.Count, 600); i++)
        {
            if (FunctionsHeading().Match(ReportText.Compact(lines[i].Text)) is { Success: true } m && Under(lines, i + 1, m.Groups["and"].Success) is { } functions)
            {
                return functions;
            }
        }

        return null;
    }

    // The text under a 主要职能 heading (see FindFunctions), or null when there is none.
    private static string? Under(IReadOnlyList<ReportLine> lines, int start, bool withMachinery)
    {
        var paragraphs = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = start; i < Math.Min(lines.Count, start + 300); i++)
        {
            var text = ReportText.Compact(lines[i].Text);
            if (text.Length == 0 || (withMachinery && text is "（一）主要职责" or "（一）部门职责" or "（一）职能职责"))
            {
                continue;
            }

            if (NextHeading().IsMatch(text) || (withMachinery && MachineryPart().IsMatch(text)))
            {
                break;
            }

            if (NumberedPoint().IsMatch(text) && current.Length > 0)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }

            current.Append(text);
        }

        if (current.Length > 0)
        {
            paragraphs.Add(current.ToString());
        }

        var functions = string.Join("\n", paragraphs);
        return functions.Length >= 10 ? functions : null;
    }

    [GeneratedRegex(@"^(?:[一二三]、)?(?:部门|单位)?(?:主要)?(?:职能|职责)(?<and>及(?:机构设置|内设机构))?$")]
    private static partial Regex FunctionsHeading();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")]
    private static partial Regex NextHeading();

    [GeneratedRegex(@"^（二）|^[（(]?2[)）.．、]?(?:内设|机构)")]
    private static partial Regex MachineryPart();

    [GeneratedRegex(@"^(?:[0-9]{1,2}[.．、]|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+条)")]
    private static partial Regex NumberedPoint();

    private static string? FindDepartment(IReadOnlyList<ReportLine> lines)
    {
        // The name most table headers give (one header printed wrong is then found wrong, not believed). An empty
        // 「单位名称：」 must not lend the name of the next label (「单位：万元」).
        var named = lines.Select(l => ReportText.UnitName(l.Text)?.Name).OfType<string>().Where(n => n.Length >= 2).ToList();
        if (named.Count > 0)
        {
            return named.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenBy(g => named.IndexOf(g.Key)).First().Key;
        }

        // The cover's own title: 「西南大学 2023 年度部门决算」.
        foreach (var line in lines.Take(60))
        {
            if (CoverTitle().Match(line.Text.Trim()) is { Success: true } m)
            {
                return m.Groups["name"].Value;
            }
        }

        foreach (var line in lines.Take(120))
        {
            if (Overview().Match(line.Text.Trim()) is { Success: true } m)
            {
                return m.Groups["name"].Value;
            }
        }

        foreach (var line in lines.Take(150))
        {
            if (OtherTitle().Match(line.Text.Trim()) is { Success: true } m)
            {
                return m.Groups["name"].Value;
            }
        }

        for (var i = 1; i < Math.Min(lines.Count, 60); i++)
        {
            if (TitleYear().IsMatch(lines[i].Text.Trim()))
            {
                var before = lines.Take(i).Reverse().FirstOrDefault(l => !l.IsBlank)?.Text.Trim();
                if (before is { Length: >= 4 } && DepartmentWord().IsMatch(before))
                {
                    return before;
                }

                if (TitleWithName().Match(lines[i].Text.Trim()) is { Success: true } t)
                {
                    return t.Groups[1].Value;
                }
            }
        }

        return null;
    }



    [GeneratedRegex(@"^(?<name>[^\s，。、：:（）()\d]{2,30}?)\s*20\d\d\s*年\s*度?\s*(?:部门|单位)?\s*决算(?:公开)?$")]
    private static partial Regex CoverTitle();

    [GeneratedRegex(@"^(?:第一部分\s*)?(?<name>.+?(?:局|委员会|中心|院|所|办公室))概况$")]
    private static partial Regex Overview();

    [GeneratedRegex(@"^(?:\d{4}\s*年度?)?.*?20\d\d\s*年\s*度?\s*(部门|单位)?\s*决算")]
    private static partial Regex TitleYear();

    // 「四川省渠县医疗保障局部门决算」, 「合水县医疗保障局文件」, 「1 陇县医疗保障局（本级）」.
    [GeneratedRegex(@"^(?:\d+\s+)?(?<name>[^\s，。、：]{2,30}?(?:局|委员会|中心|院|办公室))(?:(?:部门|单位)决算|文件|（本级）)$")]
    private static partial Regex OtherTitle();

    [GeneratedRegex(@"(局|委员会|中心|院|所|办公室|部|厅)$")]
    private static partial Regex DepartmentWord();

    [GeneratedRegex(@"^(?:20\d\d\s*年度?\s*)?(.+?(?:局|委员会|中心|院|所|办公室|部|厅))\s*20\d\d")]
    private static partial Regex TitleWithName();
}
