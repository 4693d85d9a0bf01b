using Juesuan.Documents.Disclosure;
using Juesuan.Domain.Model;
using Juesuan.Formats.Json;
using Juesuan.TestSupport;

namespace Juesuan.Documents.Tests;

public class NarrativeWriterTests
{
    internal static DepartmentYear Example() => DepartmentYearJson.ReadFile(Paths.Example).Value!;

    [Fact]
    public void The_example_narrative_is_written_from_its_figures_word_for_word()
    {
        var year = Example();
        var generated = NarrativeWriter.Write(year);
        Assert.Empty(generated.Gaps);
        Assert.Equal(year.Narrative.Sections.Select(s => s.Number + s.Title), generated.Sections.Select(s => s.Number + s.Title));
        foreach (var (stated, written) in year.Narrative.Sections.Zip(generated.Sections))
        {
            Assert.Equal(stated.Text, written.Text);
        }
    }
}

public class NarrativeFromReportTests
{
    [SkippableFact]
    public void A_report_read_back_lends_its_budgets_prior_years_and_reasons_to_the_new_narrative()
    {
        var path = Path.Combine(Paths.RequireSamples(), "zhenan-2023-final-accounts.txt");
        var year = Juesuan.Import.Importer.ReadFile(path).Value!;
        Assert.Empty(year.References);
        var narrative = NarrativeWriter.Write(year, ownWords: false);
        var gpb = narrative.Sections.Single(s => s.Key == "gpb").Paragraphs.Select(p => p.Text).ToArray();

        // 「年初预算80.00万元，支出决算23.44万元…决算数小于年初预算数的主要原因是离休老干药费项目支出减少」 in the report.
        Assert.Contains(gpb, p => p.Contains("行政单位医疗（项）。年初预算为80.00万元，支出决算为23.44万元，完成年初预算的29.30%。决算数小于年初预算数的主要原因是离休老干药费项目支出减少。", StringComparison.Ordinal));

        // 「原因是年初预算将此项目列入卫生健康支出」 explains a budget of 0, not a change.
        Assert.Contains(gpb, p => p.Contains("年初预算为0.00万元，支出决算为9.68万元。决算数大于年初预算数的主要原因是年初预算将此项目列入卫生健康支出。", StringComparison.Ordinal));

        // The prior year is the actual less the stated change: 526.04 + 166.35 = 692.39; the rate is recomputed from the
        // printed figures (166.35 ÷ 692.39 = 24.025…%, half up 24.03%; the report printed 24.02%, within rounding).
        Assert.StartsWith("2023年度收入总计、支出总计均为526.04万元，与上年相比，收、支总计各减少166.35万元，下降24.03%。", narrative.Sections[0].Text, StringComparison.Ordinal);

        // What the report does not say stays a gap.
        Assert.Contains(narrative.Gaps, g => g.What == "收、支总计与上年相比增减的原因");
    }

    [SkippableFact]
    public void Re_rendering_the_putuo_pdf_leaves_no_gap_for_anything_the_report_states()
    {
        var year = Juesuan.Import.Importer.ReadFile(Path.Combine(Paths.RequireSamples(), "pdf", "putuo-finance-bureau-2024-final-accounts.pdf")).Value!;
        var gaps = DisclosureBuilder.Build(year).Gaps;

        // The report's 名词解释 explains 财政拨款收入, 基本支出, “三公”经费 …, not its 项 codes; the catalogue explains them
        // (行政运行, 一般行政管理事务 and 其他…支出 as every 款 has them; 购房补贴 as a university's report prints it; 信息化建设
        // and 财政委托业务支出 of 财政事务): nothing is left to fill.
        Assert.Empty(gaps);
        var glossary = Glossary.For(year);
        Assert.Contains(glossary, e => e.Term.EndsWith("行政运行（项）", StringComparison.Ordinal) && e.Text == "反映行政单位（包括实行公务员管理的事业单位）的基本支出。");
        Assert.Contains(glossary, e => e.Term.EndsWith("其他行政事业单位养老支出（项）", StringComparison.Ordinal) && e.Text == "反映除上述项目以外其他用于行政事业单位养老方面的支出。");
    }

    [SkippableTheory]
    [InlineData("zhenan-2023-final-accounts.txt")]
    [InlineData("xigong-2022-final-accounts.txt")]
    public void A_report_read_back_is_republished_in_its_own_words_and_its_functions_kept(string file)
    {
        var year = Juesuan.Import.Importer.ReadFile(Path.Combine(Paths.RequireSamples(), file)).Value!;
        var narrative = NarrativeWriter.Write(year);

        // Every section the report printed is published as written (its figures are the audit's to check); only the
        // sections it lacks are written from the figures, and no gap is left for a section it printed.
        var printed = year.Narrative.Sections.Where(s => s.Key is not null && !string.IsNullOrWhiteSpace(s.Text)).ToDictionary(s => s.Key!);
        Assert.NotEmpty(printed);
        foreach (var section in narrative.Sections.Where(s => printed.ContainsKey(s.Key)))
        {
            Assert.Equal(printed[section.Key].Text.Replace("\n", string.Empty, StringComparison.Ordinal), string.Concat(section.Paragraphs.Select(p => p.Text)));
        }

        var titles = narrative.Sections.Where(s => printed.ContainsKey(s.Key)).Select(s => s.Number + "、" + s.Title).ToHashSet();
        Assert.DoesNotContain(narrative.Gaps, g => titles.Contains(g.Section));

        // 主要职能 as the 部门概况 printed it: the disclosure's 部门概况 asks for nothing.
        Assert.True(year.Department.Functions?.Length > 300);
        Assert.DoesNotContain(DisclosureBuilder.Build(year).Gaps, g => g.Section == "部门概况");
    }
}
