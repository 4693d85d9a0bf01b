using Juesuan.Domain.Reference;
using System.Globalization;
using Juesuan.Documents.Evaluations;
using Juesuan.Domain.Model;

namespace Juesuan.Documents.Disclosure;

/// <summary>
/// 部门决算公开文档: composes the publishable document of a department-year in its template's order — cover, 目录,
/// 部门概况, the public tables, the narrative written from the figures with its charts, 名词解释, the self-evaluation
/// forms — as format-independent blocks that the HTML and DOCX writers render.
/// </summary>
public static class DisclosureBuilder
{
    private static readonly string[] PartNumbers = ["一", "二", "三", "四", "五", "六"];

    /// <summary>
    /// Builds the document of <paramref name="year"/> by the <paramref name="reference"/> data of the run (its template
    /// and catalogues; the embedded data when none is given); <paramref name="charts"/> false leaves the charts out.
    /// </summary>
    public static DisclosureDocument Build(DepartmentYear year, bool charts = true, ReferenceData? reference = null, DateOnly? signed = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        reference ??= ReferenceData.Embedded;
        var template = reference.TemplateOf(year);
        var narrative = NarrativeWriter.Write(year, reference);
        var gaps = narrative.Gaps.ToList();
        var y = year.Year.ToString(CultureInfo.InvariantCulture);
        // A 单位决算 calls itself 单位 throughout (「单位概况」「单位决算表」), as a unit's own disclosure is printed.
        var who = DocumentKinds.Publisher(year.Kind);
        var title = $"{year.Department.Name}{y}年度{who}决算";
        var blocks = new List<Block>
        {
            new CoverBlock(title, year.Department.Region is { } region ? $"{year.Department.Province}{region}" : year.Department.Province ?? string.Empty, $"编制单位：{year.Department.Name}"),
            new ContentsBlock(),
        };
        var part = 0;
        string Part(string name) => $"第{PartNumbers[part++]}部分　{name}";

        blocks.Add(new HeadingBlock(1, Part($"{who}概况"), NewPage: true));
        blocks.AddRange(Overview(year, gaps));

        var tables = Tables(year, gaps, reference).ToArray();
        if (!template.TablesLast)
        {
            blocks.Add(new HeadingBlock(1, Part($"{y}年度{who}决算表"), NewPage: true));
            blocks.AddRange(tables);
        }

        blocks.Add(new HeadingBlock(1, Part($"{y}年度{who}决算情况说明"), NewPage: true));
        var chartList = charts ? Chart.For(year, reference) : [];
        foreach (var section in narrative.Sections)
        {
            blocks.Add(new HeadingBlock(2, $"{section.Number}、{section.Title}"));
            foreach (var paragraph in section.Paragraphs)
            {
                blocks.Add(paragraph.IsHeading ? new HeadingBlock(3, paragraph.Text) : new ParagraphBlock(paragraph.Text));
            }

            blocks.AddRange(chartList.Where(c => c.Section == section.Key).Select(c => new ChartBlock(c)));
        }

        blocks.Add(new SignatureBlock(year.Department.Name, SignedOn(signed)));

        blocks.Add(new HeadingBlock(1, Part("名词解释"), NewPage: true));
        var n = 0;
        foreach (var entry in Glossary.For(year, reference))
        {
            n++;
            var text = entry.Text;
            if (text is null)
            {
                gaps.Add(new NarrativeGap("名词解释", entry.Term + "的科目说明（科目目录中没有）"));
                text = NarrativeWriter.PlaceholderOpen + "科目说明】";
            }

            blocks.Add(new ParagraphBlock($"{n}.{entry.Term}：{text}"));
        }

        if (year.Evaluations.Count > 0)
        {
            blocks.Add(new HeadingBlock(1, Part("附件"), NewPage: true));
            var k = 0;
            foreach (var evaluation in year.Evaluations)
            {
                blocks.Add(new HeadingBlock(2, $"{Numeral(++k)}、{EvaluationForm.TitleOf(evaluation)}", NewPage: k > 1));
                blocks.AddRange(EvaluationForm.Blocks(EvaluationForm.GridFor(year, evaluation)));
            }
        }

        if (template.TablesLast)
        {
            blocks.Add(new HeadingBlock(1, Part("附表"), NewPage: true));
            blocks.AddRange(tables);
        }

        return new DisclosureDocument(title, blocks, gaps);
    }

    /// <summary>The 落款 date as an official document prints it (「2025年8月20日」), or blank for the hand when not given.</summary>
    internal static string SignedOn(DateOnly? date) => date is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日")
        : "　　　　年　　月　　日";

    // 一、部门职责 and 二、机构设置 (units and staffing).
    private static IEnumerable<Block> Overview(DepartmentYear year, List<NarrativeGap> gaps)
    {
        var who = DocumentKinds.Publisher(year.Kind);
        yield return new HeadingBlock(2, $"一、{who}职责");
        if (string.IsNullOrWhiteSpace(year.Department.Functions))
        {
            gaps.Add(new NarrativeGap($"{who}概况", $"{who}职责"));
            yield return new ParagraphBlock(NarrativeWriter.PlaceholderOpen + $"{who}职责】");
        }
        else
        {
            foreach (var line in year.Department.Functions.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return new ParagraphBlock(line);
            }
        }

        yield return new HeadingBlock(2, "二、机构设置");
        var units = year.Units.Count == 0 ? [new OrgUnit { Name = year.Department.Name, Kind = OrgUnitKind.Headquarters }] : year.Units;
        yield return new ParagraphBlock($"纳入本{who}{year.Year}年度{who}决算编制范围的单位共{units.Count}个，包括："
            + string.Join("；", units.Select(Describe)) + "。");
        if (year.Staffing is { } s)
        {
            var parts = new List<string>();
            if (s.Authorized is { } authorized)
            {
                var detail = s.AuthorizedAdministrative is not null || s.AuthorizedInstitutional is not null
                    ? $"（行政编制{s.AuthorizedAdministrative ?? 0}人、事业编制{s.AuthorizedInstitutional ?? 0}人）" : string.Empty;
                parts.Add($"编制{authorized}人{detail}");
            }

            if (s.Actual is { } actual)
            {
                parts.Add($"实有人员{actual}人");
            }

            if (s.Retired is { } retired)
            {
                parts.Add($"离退休人员{retired}人");
            }

            if (parts.Count > 0)
            {
                yield return new ParagraphBlock($"截至{year.Year}年末，本{who}" + string.Join("，", parts) + "。");
            }
        }
    }

    // 「青石县医疗保障局（本级，行政单位）」: the kind unless the name already says it, and the nature.
    private static string Describe(OrgUnit unit)
    {
        var kind = unit.Kind == OrgUnitKind.Headquarters ? "本级" : "二级单位";
        var name = unit.Name;
        if (name.EndsWith("（本级）", StringComparison.Ordinal) || name.EndsWith("(本级)", StringComparison.Ordinal))
        {
            name = name[..^4];
        }

        return $"{name}（{kind}{(unit.Nature is null ? string.Empty : "，" + unit.Nature)}）";
    }

    // One page per table, in the template's order; a template table the data lacks is printed empty with a note.
    private static IEnumerable<Block> Tables(DepartmentYear year, List<NarrativeGap> gaps, ReferenceData reference)
    {
        var template = reference.TemplateOf(year);
        var n = 0;
        foreach (var templateTable in template.Tables)
        {
            n++;
            var stated = year.Table(templateTable.Definition);
            if (stated is null)
            {
                gaps.Add(new NarrativeGap($"{DocumentKinds.Publisher(year.Kind)}决算表", $"{templateTable.Number ?? string.Empty}{templateTable.Title}（数据中没有此表，按空表印出）"));
            }

            stated ??= new StatedTable
            {
                Definition = templateTable.Definition,
                Title = templateTable.Title,
                Number = templateTable.Number,
                Rows = [new StatedRow { Key = FactIndex.TotalRowKey, Label = "合计" }],
                EmptyStatement = NarrativeWriter.PlaceholderOpen + "本表数据或空表说明】",
            };
            var grid = TableLayouts.Layout(year, stated, reference) with { Landscape = templateTable.Landscape };
            yield return new HeadingBlock(2, $"{Numeral(n)}、{grid.Title}", NewPage: n > 1, Hidden: true);
            yield return new GridBlock(grid);
        }

        // Tables outside the template are kept, after the template's own.
        foreach (var extra in year.Tables.Where(t => template.Table(t.Definition) is null))
        {
            n++;
            var grid = TableLayouts.Layout(year, extra, reference);
            yield return new HeadingBlock(2, $"{Numeral(n)}、{grid.Title}", NewPage: true, Hidden: true);
            yield return new GridBlock(grid);
        }
    }

    /// <summary>一, 二, … 十三: the Chinese numeral of 1–99.</summary>
    public static string Numeral(int n)
    {
        string[] digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : digits[n % 10]),
        };
    }
}
