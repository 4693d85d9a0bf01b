namespace Juesuan.Corpus.Tests;

public sealed class MutatorTests
{
    private const string Report = """
        青石县医疗保障局2024年度部门决算
        一、收入支出决算总体情况说明
        2024年度收入总计、支出总计均为731.03万元，与上年相比收、支总计减少46.98万元，下降6.04%。主要原因是人员减少。
        收入支出决算总表
        编制单位：青石县医疗保障局	单位：万元
        项目	行次	金额
        一般公共预算财政拨款收入	1	700.00
        其他收入	2	31.03
        本年收入合计	3	731.03
        """;

    private static Context Of(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"juesuan-mutator-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        try
        {
            var source = CorpusSource.Open(path)!;
            return new Context(source, Layout.Of(source), 2024);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IReadOnlyList<Mutant> Mutants(string cls) =>
        Mutators.All.Single(c => c.Id == cls).Candidates(Of(Report), new Random(1)).ToArray();

    [Fact]
    public void Layout_tells_sentences_headings_titles_headers_and_rows_apart()
    {
        var kinds = Of(Report).Layout.Kinds;
        Assert.Equal(
            [LineKind.Other, LineKind.Heading, LineKind.Narrative, LineKind.TableTitle, LineKind.TableHeader, LineKind.TableHeader, LineKind.TableRow, LineKind.TableRow, LineKind.TableRow],
            kinds.Take(9));
    }

    [Fact]
    public void Narrative_amounts_change_beyond_rounding_and_keep_their_decimals()
    {
        var mutants = Mutants("narrative-amount");
        Assert.Equal(2, mutants.Count);
        foreach (var m in mutants)
        {
            var value = m.Anchor.Values[1];
            Assert.Matches(@"^\d+\.\d\d$", value);
            Assert.NotEqual("731.03", value);
            Assert.NotEqual("46.98", value);
        }
    }

    [Fact]
    public void A_figure_wrapped_at_a_line_end_is_anchored_as_the_reader_joins_it()
    {
        // 西工 2022: 「财政拨款收入 138.」 at a line's end, 「68万元，占 100.00%」 on the next.
        const string wrapped = """
            青石县医疗保障局2024年度部门决算
            二、收入决算情况说明
            2024年度收入合计 138.68万元，其中：财政拨款收入 138.

            68万元，占 100.00%；其他收入 0.00万元，占 0.00%。
            """;
        var mutants = Mutators.All.Single(c => c.Id == "narrative-amount").Candidates(Of(wrapped), new Random(1)).ToArray();
        var tail = Assert.Single(mutants, m => m.Description.StartsWith("138.68万元", StringComparison.Ordinal) && m.Line > 2);
        Assert.StartsWith("138.", tail.Anchor.Values[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_direction_word_is_flipped_only_where_it_governs_a_figure()
    {
        var mutants = Mutants("narrative-direction");
        Assert.Equal(2, mutants.Count);
        Assert.Contains(mutants, m => m.Edits[0].Text.Contains("增加46.98万元，下降6.04%", StringComparison.Ordinal));
        Assert.Contains(mutants, m => m.Edits[0].Text.Contains("减少46.98万元，增长6.04%", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shift_moves_one_printed_column_up_from_the_chosen_row_and_leaves_the_totals_under_it()
    {
        const string table = """
            一般公共预算财政拨款基本支出决算表
            编制单位：青石县医疗保障局	单位：万元
            科目编码	科目名称	决算数	科目编码	科目名称	决算数
            301	工资福利支出	60.00	302	商品和服务支出	6.00
            30101	基本工资	40.00	30201	办公费	1.00
            30102	津贴补贴	20.00	30202	印刷费	5.00
            30103	奖金	0.00			
            人员经费合计		60.00	公用经费合计		6.00
            """;
        var shifts = Mutators.All.Single(c => c.Id == "table-shift").Candidates(Of(table), new Random(1)).ToArray();

        // From 301 and from 30101 two figures that are not zero move; from 30102 only one (20.00 over 0.00): no mutant.
        Assert.Equal(2, shifts.Length);
        var texts = shifts[0].Edits.Select(e => e.Text).ToArray();
        Assert.Equal(["301\t工资福利支出\t40.00\t302\t商品和服务支出\t6.00", "30101\t基本工资\t20.00\t30201\t办公费\t1.00", "30102\t津贴补贴\t0.00\t30202\t印刷费\t5.00", "30103\t奖金"],
            texts.Select(t => t.Trim()).ToArray());
    }

    [Fact]
    public void A_shift_passes_through_rows_printed_without_figures_but_not_through_a_wrapped_label()
    {
        // 镇安 2023 公开04表: 「10. 节能环保支出」 has empty cells and is a row; 「出」 is the rest of a wrapped label.
        const string table = """
            财政拨款收入支出决算总表
            单位：万元
            项目	决算数	项目	合计	一般公共预算财政拨款
            1. 一般公共预算财政拨款	526.04	8. 社会保障和就业支出	14.52	14.52
            		9. 卫生健康支出	503.03	503.03
            		10. 节能环保支出		
            		出		
            		11. 住房保障支出	8.49	8.49
            本年收入合计	526.04	本年支出合计	526.04	526.04
            """;
        var shift = Mutators.All.Single(c => c.Id == "table-shift").Candidates(Of(table), new Random(1))
            .Single(m => m.Description.Contains("9. 卫生健康支出", StringComparison.Ordinal));
        var texts = shift.Edits.Select(e => e.Text.Trim()).ToArray();
        // 9. takes the empty cells of 10.; 10. takes the figures of 11.; 「出」 is left alone.
        Assert.Equal(["9. 卫生健康支出", "10. 节能环保支出\t8.49\t8.49"], texts[..2].Select(t => System.Text.RegularExpressions.Regex.Replace(t, "\t+$", string.Empty)).ToArray());
        Assert.DoesNotContain(texts, t => t.StartsWith("出", StringComparison.Ordinal));
    }

    [Fact]
    public void A_finding_is_at_the_place_only_when_it_quotes_the_value_as_a_whole_number()
    {
        var finding = new Juesuan.Audit.Finding { Rule = "N.AMOUNT", Severity = Juesuan.Audit.Severity.Error, Message = "写作 1,731.03万元", Location = "第3行" };
        Assert.True(CorpusRunner.At(finding, new Anchor(["1731.03"], [])));
        Assert.False(CorpusRunner.At(finding, new Anchor(["731.03"], [])));
        Assert.False(CorpusRunner.At(finding, new Anchor(["1731.0"], [])));
        Assert.True(CorpusRunner.At(finding, new Anchor([], ["万元"], Where: "第3行")));
        Assert.False(CorpusRunner.At(finding, new Anchor([], ["万元"], Where: "第4行")));
    }

    [Theory]
    [InlineData("城乡居民参保率持续保持在95%以上。", "95%", "目标或界限")]
    [InlineData("医保信息系统7*24小时随时响应，100%达到年初绩效目标。", "100%", "达到目标的程度")]
    [InlineData("预算执行率100%完成年度目标。", "100%", null)]
    [InlineData("偏差程度控制在10%以内。", "10%", "目标或界限")]
    [InlineData("确保参保率达到98%，筹资任务完成率达100%。", "100%", "目标或界限")]
    [InlineData("完成参保资助61605人952.59万元，资助率100%。", "100%", "绩效指标值（资助率）")]
    [InlineData("决算数为8,897.19万元，比2022年度决算数增长7.51%。", "7.51%", "增减率的上年数和增减额均未印出")]
    [InlineData("决算数为80万元，比上年增加8万元，增长11.11%。", "11.11%", null)]
    [InlineData("上年决算数为72万元，本年80万元，增长11.11%。", "11.11%", null)]
    [InlineData("年初预算10万元，决算9.5万元，预算执行率95%。", "95%", null)]
    [InlineData("基本支出131.48万元，占94.81%。", "94.81%", null)]
    [InlineData("为确保预算执行进度，三公经费支出决算10.5万元，完成预算的85.3%。", "85.3%", null)]
    [InlineData("本年支出500万元，2022年450万元，增长11.11%。", "11.11%", null)]
    [InlineData("支出决算比上年增加了50万元，增长11.11%。", "11.11%", null)]
    public void A_rate_without_a_second_source_is_told_by_its_words(string sentence, string figure, string? reason) =>
        Assert.Equal(reason, SecondSource.ForRate(sentence, sentence.LastIndexOf(figure, StringComparison.Ordinal), figure.Length, year: 2023));

    [Theory]
    [InlineData("支出决算比上年增加0.4万元，主要原因是增加人员。", "增加", "与上年比较而上年数未印出")]
    [InlineData("支出决算比上年增加0.4万元，增长14.29%。", "增加", null)]
    [InlineData("上年决算2.8万元，本年比上年增加0.4万元。", "增加", null)]
    [InlineData("决算数大于预算数0.4万元。", "大于", null)]
    [InlineData("2023年度支出决算数大于年初预算数12.3万元。", "大于", null)]
    public void A_direction_without_a_second_source_is_told_by_its_words(string sentence, string word, string? reason) =>
        Assert.Equal(reason, SecondSource.ForDirection(sentence, sentence.IndexOf(word, StringComparison.Ordinal)));

    [Theory]
    [InlineData("职工医保门诊共济共结算36929人次165万元。", "165万元", 1, "决算科目以外的业务数据，别处未印出")]
    [InlineData("职工医保门诊共济共结算36929人次165万元。", "165万元", 2, null)]
    [InlineData("报销住院医疗费用15357.29万元（基本11130.46万元，大病1720.68万元）。", "15357.29万元", 1, null)]
    [InlineData("报销住院医疗费用15357.29万元（基本11130.46万元，大病1720.68万元）。", "1720.68万元", 1, null)]
    [InlineData("项目支出298.58万元，主要用于医保经办。", "298.58万元", 1, null)]
    public void An_amount_outside_the_accounts_printed_once_has_no_second_source(string sentence, string figure, int printings, string? reason) =>
        Assert.Equal(reason, SecondSource.ForAmount(sentence, sentence.IndexOf(figure, StringComparison.Ordinal), figure, printings));

    [Theory]
    // A threshold the template names is no amount of the accounts.
    [InlineData("单价100万元（含）以上设备（不含车辆）2台（套）。", "100万元", false, "界限或标准，不是数额")]
    [InlineData("单价100万元以上专用设备0台（套）。", "100万元", true, "界限或标准，不是数额")]
    // What SMEs won is bounded only by the total: lowered, it is found by no one; raised, the total shows it.
    [InlineData("在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额246.47万元；在其他项目中……", "246.47万元", true, "只以总额为上限的部分（其余部分未印出），调低无从发现")]
    [InlineData("在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额246.47万元；在其他项目中……", "246.47万元", false, null)]
    // With its share printed, the amount has a second source.
    [InlineData("授予中小企业合同金额20万元，占政府采购支出总额的40%。", "20万元", true, null)]
    // A part printed after it bounds it from below.
    [InlineData("授予中小企业合同金额20万元，其中：授予小微企业合同金额5万元。", "20万元", true, null)]
    public void A_threshold_or_an_amount_bounded_only_above_and_lowered_has_no_second_source(string sentence, string figure, bool lowered, string? reason) =>
        Assert.Equal(reason, SecondSource.ForAmount(sentence, sentence.IndexOf(figure, StringComparison.Ordinal), figure, 1, lowered: lowered));

    [Theory]
    [InlineData("涉及预算资金416.3万元，占部门预算项目支出总额的100%。", false, "占比的总数（部门预算项目支出总额）是部门预算的数，报告中未印出")]
    [InlineData("涉及预算资金416.3万元，占部门预算项目支出总额的100%。", true, null)]
    [InlineData("基本支出160.72万元，占本年支出合计的30.55%。", false, null)]
    public void A_share_of_a_budget_total_the_report_never_prints_has_no_second_source(string sentence, bool wholePrinted, string? reason)
    {
        var figure = sentence.Contains("100%", StringComparison.Ordinal) ? "100%" : "30.55%";
        Assert.Equal(reason, SecondSource.ForRate(sentence, sentence.LastIndexOf(figure, StringComparison.Ordinal), figure.Length, 2023, _ => wholePrinted));
    }
}
