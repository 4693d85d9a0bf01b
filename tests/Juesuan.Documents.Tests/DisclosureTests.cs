using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Juesuan.Documents.Disclosure;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.TestSupport;

namespace Juesuan.Documents.Tests;

public class DisclosureTests
{
    private static DepartmentYear Example() => NarrativeWriterTests.Example();

    private static void Approve(string name, string actual)
    {
        // Reviewed in the diff when it changes: set JUESUAN_APPROVE=1 to rewrite the approved file.
        var approved = Path.Combine(Paths.RepoRoot, "tests", "Juesuan.Documents.Tests", "Approved", name);
        if (Environment.GetEnvironmentVariable("JUESUAN_APPROVE") == "1")
        {
            File.WriteAllText(approved, actual);
        }

        Assert.Equal(File.ReadAllText(approved).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_narrative_closes_with_the_unit_and_date_and_every_form_has_its_signature_lines()
    {
        var document = DisclosureBuilder.Build(Example(), charts: false, signed: new DateOnly(2025, 8, 20));
        var blocks = document.Blocks.ToList();
        var signature = Assert.Single(blocks.OfType<SignatureBlock>());
        Assert.Equal(new SignatureBlock("青石县医疗保障局", "2025年8月20日"), signature);
        // After the last section of the 情况说明, before the 名词解释 part.
        var at = blocks.IndexOf(signature);
        Assert.IsType<HeadingBlock>(blocks[at + 1]);
        Assert.Contains("名词解释", ((HeadingBlock)blocks[at + 1]).Text, StringComparison.Ordinal);
        Assert.Contains(blocks.Take(at), b => b is HeadingBlock { Level: 2, Text: var t } && t.StartsWith("十三、", StringComparison.Ordinal));

        // Each self-evaluation form is followed by the lines its signers sign on.
        var forms = blocks.Select((b, i) => (b, i)).Where(x => x.b is GridBlock && x.i > at).Select(x => x.i).ToArray();
        Assert.NotEmpty(forms);
        Assert.All(forms, i => Assert.Equal(new FormFooterBlock(Juesuan.Documents.Evaluations.EvaluationForm.SignatureLine), blocks[i + 1]));

        // Not given, the date is left blank for the hand.
        Assert.Equal("　　　　年　　月　　日", DisclosureBuilder.Build(Example(), charts: false).Blocks.OfType<SignatureBlock>().Single().Date);
    }

    [Fact]
    public void A_unit_disclosure_calls_itself_a_unit_on_its_cover_in_its_headings_and_in_its_sentences()
    {
        static string[] Texts(DisclosureDocument d) => [d.Title, .. d.Blocks.Select(b => b switch
        {
            CoverBlock c => c.Title,
            HeadingBlock h => h.Text,
            ParagraphBlock p => p.Text,
            _ => string.Empty,
        })];

        var unit = DisclosureBuilder.Build(Example() with { Kind = DocumentKind.UnitFinalAccounts }, charts: false);
        var texts = Texts(unit);
        Assert.Equal("青石县医疗保障局2024年度单位决算", unit.Title);
        Assert.Equal(unit.Title, unit.Blocks.OfType<CoverBlock>().Single().Title);
        var parts = unit.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 1).Select(h => h.Text).ToArray();
        Assert.Contains("第一部分　单位概况", parts);
        Assert.Contains("第二部分　2024年度单位决算表", parts);
        Assert.Contains("第三部分　2024年度单位决算情况说明", parts);
        Assert.Contains("一、单位职责", texts);
        Assert.Contains(texts, t => t.StartsWith("纳入本单位2024年度单位决算编制范围的单位共", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("本单位", StringComparison.Ordinal) && t.Contains("机关运行经费", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("部门决算", StringComparison.Ordinal) || t.Contains("部门概况", StringComparison.Ordinal) || t.Contains("本部门", StringComparison.Ordinal));

        // A department's own stays a department's.
        var department = DisclosureBuilder.Build(Example(), charts: false);
        Assert.Equal("青石县医疗保障局2024年度部门决算", department.Title);
        Assert.Contains("第一部分　部门概况", department.Blocks.OfType<HeadingBlock>().Select(h => h.Text));
        Assert.DoesNotContain(Texts(department), t => t.Contains("单位决算", StringComparison.Ordinal) || t.Contains("本单位", StringComparison.Ordinal));
    }

    [Fact]
    public void Docx_prints_the_wide_tables_the_template_turns_landscape_in_landscape_sections()
    {
        // Shanghai prints 02–04 and 07–09 landscape: each run of them is a section of its own, the rest A4 portrait,
        // the cover in the first section without a number.
        var document = DisclosureBuilder.Build(Example() with { TemplateId = "shanghai-2024" }, charts: false);
        using var stream = new MemoryStream();
        DisclosureDocx.Write(document, stream);
        stream.Position = 0;
        using var word = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = word.MainDocumentPart!.Document.Body!;
        var sections = body.Descendants<SectionProperties>().ToArray();
        bool Wide(SectionProperties section) => section.GetFirstChild<PageSize>()!.Orient?.Value == PageOrientationValues.Landscape;
        Assert.Equal([false, true, false, true, false], sections.Select(Wide).ToArray());
        Assert.NotNull(sections[0].GetFirstChild<TitlePage>());
        Assert.All(sections.Skip(1), section => Assert.Null(section.GetFirstChild<TitlePage>()));

        // The tables' titles in the first landscape section: 收入决算表 … 财政拨款收入支出决算总表; its table as wide as the page.
        var paragraphs = body.Elements().ToList();
        var firstBreak = paragraphs.FindIndex(e => e.Descendants<SectionProperties>().Any());
        var secondBreak = paragraphs.FindIndex(firstBreak + 1, e => e.Descendants<SectionProperties>().Any());
        var wide = string.Concat(paragraphs.Skip(firstBreak + 1).Take(secondBreak - firstBreak).Select(e => e.InnerText));
        Assert.Contains("收入决算表", wide, StringComparison.Ordinal);
        Assert.Contains("财政拨款收入支出决算总表", wide, StringComparison.Ordinal);
        Assert.DoesNotContain("一般公共预算财政拨款支出决算表", wide, StringComparison.Ordinal);
        var table = paragraphs.Skip(firstBreak + 1).OfType<Table>().First();
        Assert.Equal((16838 - (2 * 1134)).ToString(System.Globalization.CultureInfo.InvariantCulture), table.GetFirstChild<TableProperties>()!.GetFirstChild<TableWidth>()!.Width!.Value);
    }

    [Fact]
    public void Html_of_the_example_is_approved()
    {
        // Charts are left out: their SVG depends on the fonts of the machine that draws them.
        Approve("qingshi-2024.disclosure.approved.html", DisclosureHtml.Render(DisclosureBuilder.Build(Example(), charts: false)));
    }

    [Fact]
    public void Docx_of_the_example_is_valid_and_its_text_is_approved()
    {
        using var stream = new MemoryStream();
        DisclosureDocx.Write(DisclosureBuilder.Build(Example()), stream);
        stream.Position = 0;
        using var word = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors));
        var body = word.MainDocumentPart!.Document!.Body!;
        Assert.Equal(7, word.MainDocumentPart.ImageParts.Count());
        Assert.NotEmpty(body.Descendants<TableHeader>());
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.Contains("TOC", StringComparison.Ordinal));
        var text = string.Join("\n", body.Elements().Select(e => e is Table t
            ? string.Join("\n", t.Elements<TableRow>().Select(r => string.Join(" | ", r.Elements<TableCell>().Select(c => c.InnerText))))
            : e.InnerText));
        Approve("qingshi-2024.disclosure-docx.approved.txt", text);
    }

    [Fact]
    public void The_document_has_every_part_in_the_national_order()
    {
        var document = DisclosureBuilder.Build(Example());
        var parts = document.Headings.Where(h => h.Level == 1).Select(h => h.Text).ToArray();
        Assert.Equal(["第一部分　部门概况", "第二部分　2024年度部门决算表", "第三部分　2024年度部门决算情况说明", "第四部分　名词解释", "第五部分　附件"], parts);
        Assert.Equal(9, document.Blocks.OfType<GridBlock>().Count(g => g.Grid.Number is not null));
        Assert.Equal(3, document.Blocks.OfType<GridBlock>().Count(g => g.Grid.Title.EndsWith("绩效自评表", StringComparison.Ordinal)));
        Assert.Empty(document.Gaps);
    }

    [Fact]
    public void Sichuan_prints_its_tables_last_and_Shanghai_puts_operating_costs_under_other_matters()
    {
        var sichuan = DisclosureBuilder.Build(Example() with { TemplateId = "sichuan-2022" }, charts: false);
        Assert.StartsWith("第五部分　附表", sichuan.Headings.Where(h => h.Level == 1).Last().Text, StringComparison.Ordinal);
        Assert.Contains(sichuan.Gaps, g => g.What.Contains("财政拨款支出决算明细表", StringComparison.Ordinal));

        var shanghai = NarrativeWriter.Write(Example() with { TemplateId = "shanghai-2024" });
        var other = shanghai.Sections.Single(s => s.Key == "other");
        Assert.Equal("（一）机关运行经费支出情况", other.Paragraphs[0].Text);
        Assert.StartsWith("2024年度本部门机关运行经费年初预算为24.00万元", other.Paragraphs[1].Text, StringComparison.Ordinal);
        Assert.Equal(11, shanghai.Sections.Count);

        var shaanxi = NarrativeWriter.Write(Example() with { TemplateId = "shaanxi-2022" });
        Assert.Equal("本部门无其他需要说明的情况。", shaanxi.Sections.Single(s => s.Key == "other").Text);
    }

    [Fact]
    public void Shanghai_tables_print_thousands_separators()
    {
        var year = Example() with { TemplateId = "shanghai-2024" };
        var table = year.Table(TableIds.IncomeExpenditureSummary)!;
        var big = table with { Rows = table.Rows.Select(r => r.Key == "income.grandTotal" ? r with { Cells = [new StatedCell { Column = "amount", Value = new Printed(12345.6m, 2) }] } : r).ToArray() };
        var grid = TableLayouts.Layout(year, big);
        Assert.Contains(grid.Body.SelectMany(r => r), c => c.Text == "12,345.60");
        Assert.Null(grid.Number);
        Assert.DoesNotContain(TableLayouts.Layout(Example(), big).Body.SelectMany(r => r), c => c.Text.Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_reason_is_a_visible_placeholder_and_a_reported_gap_never_an_invented_one()
    {
        var year = Example() with { Explanations = [], Narrative = new Narrative() };
        var document = DisclosureBuilder.Build(year, charts: false);
        Assert.Contains(document.Gaps, g => g.Section == "一、收入支出决算总体情况说明" && g.What == "收、支总计与上年相比增减的原因");
        Assert.Contains(document.Gaps, g => g.What == "2101501 行政运行决算数与年初预算数差异的原因");
        var html = DisclosureHtml.Render(document);
        Assert.Contains("<mark class=\"gap\">【待补充：收、支总计与上年相比增减的原因】</mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("增加了经办事务支出", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_prior_year_is_a_placeholder_and_a_zero_budget_gets_no_rate()
    {
        var year = Example();
        var references = year.References
            .Where(r => r.Key != new FactKey(Concepts.IncomeGrandTotal, Basis: Bases.Prior))
            .Select(r => r.Key.Code == "2101506" && r.Key.Basis == Bases.Budget ? r with { Amount = new Amount(0m, 2, MoneyUnit.WanYuan) } : r)
            .ToArray();
        // Without the narrative too: its claims would imply the prior year (actual less the stated change).
        var narrative = NarrativeWriter.Write(year with { References = references, Narrative = new Narrative() });
        var overview = narrative.Sections.Single(s => s.Key == "overview").Text;
        Assert.Equal("2024年度收入总计、支出总计均为486.93万元。与上年相比，收、支总计各【待补充：收、支总计的上年决算数】。", overview);
        var item = narrative.Sections.Single(s => s.Key == "gpb").Paragraphs.Select(p => p.Text).Single(p => p.Contains("医疗保障经办事务（项）", StringComparison.Ordinal));
        Assert.Equal("8.卫生健康支出（类）医疗保障管理事务（款）医疗保障经办事务（项）。年初预算为0.00万元，支出决算为58.00万元。决算数大于年初预算数的主要原因是使用上年结转资金支付经办服务下沉项目。", item);
    }

    [Fact]
    public void Glossary_explains_every_item_code_the_tables_use()
    {
        var glossary = Glossary.For(Example());
        Assert.Equal(Glossary.FixedTerms.Count + 11, glossary.Count);
        Assert.Contains(glossary, e => e.Term == "卫生健康支出（类）医疗保障管理事务（款）医疗保障经办事务（项）" && e.Text!.StartsWith("反映", StringComparison.Ordinal));
        Assert.All(glossary, e => Assert.False(string.IsNullOrEmpty(e.Text), e.Term));
    }

    [Fact]
    public void Charts_follow_the_quxian_set_and_draw_with_chinese_labels()
    {
        var charts = Chart.For(Example());
        Assert.Equal(
            ["图1：收、支决算总计变动情况", "图2：收入决算结构", "图3：支出决算结构", "图4：财政拨款收、支决算总计变动情况", "图5：一般公共预算财政拨款支出决算变动情况", "图6：一般公共预算财政拨款支出决算结构", "图7：“三公”经费财政拨款支出结构"],
            charts.Select(c => c.Caption));
        Assert.Equal([("2023年度", 468.20m), ("2024年度", 486.93m)], charts[0].Data);
        var svg = charts[5].Svg();
        Assert.Matches(@"^\s*(<\?xml[^>]*\?>\s*)?<svg", svg);
        Assert.Contains("卫生健康支出", svg, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, charts[6].Png().Take(4).ToArray());
    }

    [Fact]
    public void A_structure_with_one_part_only_gets_no_chart()
    {
        // Issue 16 part 5: no chart of a single 100 % slice — spending that is all 基本支出 has no 支出决算结构 chart.
        var year = Example();
        var expenditure = year.Table(TableIds.Expenditure)!;
        var allBasic = expenditure with
        {
            Rows = [.. expenditure.Rows.Select(r => r with { Cells = [.. r.Cells.Select(c => c.Column == "project" ? c with { Value = new Printed(0m, 2) } : c)] })],
        };
        var charts = Chart.For(year with { Tables = [.. year.Tables.Select(t => t.Definition == TableIds.Expenditure ? allBasic : t)] });
        Assert.DoesNotContain(charts, c => c.Caption.EndsWith("支出决算结构", StringComparison.Ordinal) && !c.Caption.Contains("一般公共预算", StringComparison.Ordinal));
        Assert.Contains(charts, c => c.Caption.EndsWith("收入决算结构", StringComparison.Ordinal));
    }

    [Fact]
    public void Charts_draw_with_the_gb2312_cut_of_their_font_unless_a_label_needs_more()
    {
        // 镕 is not in GB2312: a chart naming it is drawn with the full font, and its SVG still carries the character.
        Assert.Equal(ChartFont.SubsetName, ChartFont.NameFor(["卫生健康支出 426.60万元（88.34%）", "2024年度", "万元"]));
        Assert.Equal(Chart.FontName, ChartFont.NameFor(["镕基支出 1.00万元（33.33%）"]));
        var svg = new Chart("图1：测试", "gpb", ChartKind.Pie, [("镕基支出", 1m), ("其他支出", 2m)]).Svg();
        Assert.Contains("镕基支出 1.00万元（33.33%）", svg, StringComparison.Ordinal);
        Assert.Contains("其他支出 2.00万元（66.67%）", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(ChartFont.SubsetName, svg, StringComparison.Ordinal);
        Assert.Contains($"font-family=\"{Chart.FontName}\"", Chart.For(Example())[5].Svg(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_of_the_same_content_is_drawn_once_and_one_of_other_content_anew()
    {
        var caption = "图9：缓存测试 " + Guid.NewGuid().ToString("N");
        var first = new Chart(caption, "gpb", ChartKind.Pie, [("基本支出", 1m), ("项目支出", 2m)]);
        var again = new Chart(caption, "gpb", ChartKind.Pie, [("基本支出", 1m), ("项目支出", 2m)]);
        var other = new Chart(caption, "gpb", ChartKind.Pie, [("基本支出", 1m), ("项目支出", 3m)]);
        Assert.Same(first.Png(), again.Png());
        Assert.Same(first.Svg(), again.Svg());
        Assert.NotSame(first.Png(), other.Png());
        Assert.Contains("项目支出 3.00万元（75.00%）", other.Svg(), StringComparison.Ordinal);
        Assert.DoesNotContain("项目支出 3.00万元", again.Svg(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_department_year_without_a_table_prints_it_empty_and_says_so()
    {
        var year = Example() with { Tables = Example().Tables.Where(t => t.Definition != TableIds.GovFund).ToArray() };
        var document = DisclosureBuilder.Build(year, charts: false);
        Assert.Contains(document.Gaps, g => g.What.StartsWith("公开07表政府性基金预算财政拨款收入支出决算表", StringComparison.Ordinal));
        var grid = document.Blocks.OfType<GridBlock>().Single(g => g.Grid.Number == "公开07表").Grid;
        Assert.Contains(grid.Notes, n => n.Contains("待补充", StringComparison.Ordinal));
    }

    [Fact]
    public void Grid_matrix_places_cells_around_row_spans()
    {
        IReadOnlyList<IReadOnlyList<GridCell>> rows =
        [
            [new GridCell("a", RowSpan: 2), new GridCell("b", ColSpan: 2)],
            [new GridCell("c"), new GridCell("d")],
        ];
        var matrix = Grid.Matrix(rows, 3);
        Assert.Equal("a", matrix[0][0]!.Text);
        Assert.Null(matrix[0][2]);
        Assert.Null(matrix[1][0]);
        Assert.Equal("c", matrix[1][1]!.Text);
        Assert.Throws<InvalidOperationException>(() => Grid.Matrix([[new GridCell("x", ColSpan: 2), new GridCell("y")]], 2));
    }
}
