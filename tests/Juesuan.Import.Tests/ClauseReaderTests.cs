using Juesuan.Domain.Model;
using Juesuan.Import.Text;

namespace Juesuan.Import.Tests;

/// <summary>The clause grammar: sentence → statements with their figures' roles.</summary>
public sealed class ClauseReaderTests
{
    private static IReadOnlyList<Statement> Read(string text) => ClauseReader.Read(text, _ => false);

    [Fact]
    public void A_change_clause_without_a_subject_continues_the_statement_before_it()
    {
        var s = Read("机关运行经费支出65万元，比2023年度增加2.55万元，增长4.08%。主要原因是物业费上涨。").Single();
        Assert.Equal("机关运行经费支出", s.Subject);
        Assert.Equal([FigureRole.Amount, FigureRole.ChangeAmount, FigureRole.ChangePercent], s.Figures.Select(f => f.Role));
        Assert.Equal([null, Direction.Increase, Direction.Increase], s.Figures.Select(f => f.Direction));
    }

    [Theory]
    [InlineData("国内公务接待1批次，10人次，共计支出0.07万元，具体内容包括用餐费0.05万元、住宿费0.02万元。", false, "国内公务接待")]
    [InlineData("国内公务接待支出0.07万元，国内公务接待1批次，10人次（不包括陪同人员），合计金额为0.07万元，具体内容包括用餐费0.05万元、住宿费0.02万元。", true, "国内公务接待支出")]
    public void Total_words_without_a_subject_restate_the_subject_and_the_list_after_them_is_its_parts(string text, bool readerTookTheFirst, string subject)
    {
        // 渠县 2022: the 三公 reader takes 「国内公务接待支出 0.07 万元」 and the counts; 「共计支出 0.07 万元」 is the sum the
        // 「具体内容包括」 list breaks down, and was read by no one.
        var taken = readerTookTheFirst ? text.IndexOf("（", StringComparison.Ordinal) : 0;
        var s = ClauseReader.Read(text, i => i < taken);
        var whole = Assert.Single(s, x => x.Figures.Any(f => f.Role == FigureRole.Amount && f.Number == "0.07") && x.PartOf is null && x.Figures.All(f => f.Role == FigureRole.Amount));
        Assert.Equal(subject, whole.Subject);
        var parts = s.Where(x => x.PartOf == s.ToList().IndexOf(whole)).Select(x => x.Subject).ToArray();
        Assert.Equal(["用餐费", "住宿费"], parts);
    }

    [Fact]
    public void Total_words_after_several_subjects_total_them_and_restate_none()
    {
        // 「人员经费…，公用经费…，合计…」 with the parts taken by a specific reader: the total is of both, not the last one's.
        const string Text = "人员经费300.00万元，公用经费50.00万元，合计350.00万元。";
        foreach (var taken in new[] { 0, Text.IndexOf("合计", StringComparison.Ordinal) })
        {
            Assert.DoesNotContain(ClauseReader.Read(Text, i => i < taken), x => x.Figures.Any(f => f.Number == "350.00"));
        }
    }

    [Fact]
    public void Budget_actual_and_completion_are_told_apart_and_the_budget_kind_is_kept()
    {
        var s = Read("公务接待费全年预算为3.00万元，支出决算为2.80万元，完成全年预算的93.33%。").Single();
        Assert.Equal("公务接待费", s.Subject);
        Assert.Equal([FigureRole.FullYearBudget, FigureRole.Amount, FigureRole.Completion], s.Figures.Select(f => f.Role));
    }

    [Fact]
    public void Each_subject_of_a_list_opens_its_own_statement()
    {
        var s = Read("其中：人员经费439.25万元，公用经费36.96万元。");
        Assert.Equal(["人员经费", "公用经费"], s.Select(x => x.Subject));
    }

    [Fact]
    public void A_list_of_changes_gives_each_subject_its_own_change_and_a_bare_change_still_continues()
    {
        var s = Read("其中：教育支出增加52,499.75万元，科学技术支出增加965.07万元，农林水支出减少16.84万元，比上年减少1.2%。");
        Assert.Equal(["教育支出", "科学技术支出", "农林水支出"], s.Select(x => x.Subject));
        Assert.Equal([Direction.Increase, Direction.Increase, Direction.Decrease], s.Select(x => x.Figures[0].Direction));
        Assert.Equal([FigureRole.ChangeAmount, FigureRole.ChangePercent], s[^1].Figures.Select(f => f.Role));
    }

    [Fact]
    public void A_name_with_a_parenthesis_after_a_colon_is_the_subject_of_the_figures_that_follow()
    {
        var s = Read("具体情况如下：1.因公出国（境）费，全年预算为0.00万元，支出决算为0.00万元，完成全年预算的0.00%。").Single();
        Assert.Equal("因公出国（境）费", s.Subject);
        Assert.Equal([FigureRole.FullYearBudget, FigureRole.Amount, FigureRole.Completion], s.Figures.Select(f => f.Role));
    }

    [Fact]
    public void An_execution_rate_target_is_a_bound_rate_not_a_completion_and_a_task_completion_rate_is_not_about_money()
    {
        Assert.DoesNotContain(Read("项目预算执行率达到90%以上。").SelectMany(x => x.Figures), f => f.Role == FigureRole.Completion);
        Assert.Equal(FigureRole.Completion, Read("该项目全年预算200万元，实际支出200万元，执行率100%。").Single().Figures.Last().Role);
        Assert.DoesNotContain(Read("年度任务完成率100%。").SelectMany(x => x.Figures), f => f.Role == FigureRole.Completion);
    }

    [Fact]
    public void A_figure_whose_subject_the_grammar_cannot_name_is_left_out()
    {
        // 「其他」 alone names nothing: its figure must not join 公用经费.
        var s = Read("其中人员经费439.25万元，公用经费36.96万元，其他298.58万元。");
        Assert.Equal(["人员经费", "公用经费"], s.Select(x => x.Subject));
        Assert.All(s, x => Assert.Single(x.Figures));
    }

    [Fact]
    public void A_deviation_from_the_budget_is_not_a_change_against_the_prior_year()
    {
        var s = Read("差旅费支出1.1万元，决算数较预算数减少0.1万元，主要原因是厉行节约。").Single();
        Assert.DoesNotContain(s.Figures, f => f.Role == FigureRole.ChangeAmount);
    }

    [Fact]
    public void Counts_keep_their_units_and_figures_already_read_are_skipped()
    {
        var text = "国内公务接待3批次、27人次，公务接待费支出0.80万元。";
        var taken = text.IndexOf("0.80", StringComparison.Ordinal);
        var s = ClauseReader.Read(text, i => i == taken);
        Assert.Contains(s, x => x.Subject == "国内公务接待" && x.Figures[0] is { Role: FigureRole.Count, Unit: "批次" });
        Assert.DoesNotContain(s, x => x.Figures.Any(f => f.Number == "0.80"));
    }

    [Fact]
    public void Thousands_separators_do_not_cut_a_clause_and_a_sub_heading_does_not_become_the_subject()
    {
        var s = Read("（一）高等学校收支决算总表说明学校2023年度收入总计430,725.03万元，与2022年度相比，减少23,616.80万元，降低5.20%。其中：其他收入减少39,049.48万元。");
        Assert.Equal(["学校2023年度收入总计", "其他收入"], s.Select(x => x.Subject));
        Assert.Equal(["430,725.03", "23,616.80", "5.20"], s[0].Figures.Select(f => f.Number));
        Assert.Equal("39,049.48", s[1].Figures.Single().Number);
    }

    [Fact]
    public void A_parenthesis_of_figures_is_a_complete_breakdown_and_a_remark_is_not()
    {
        var s = Read("报销住院医疗费用15357.29万元（基本11130.46万元，大病1720.68万元，医疗救助2506.15万元），门诊慢特病1448.53万元。");
        Assert.Equal(["报销住院医疗费用", "基本", "大病", "医疗救助", "门诊慢特病"], s.Select(x => x.Subject));
        Assert.All(s.Skip(1).Take(3), x => Assert.Equal((0, true), (x.PartOf!.Value, x.CompleteParts)));
        Assert.Null(s[4].PartOf);

        var remark = Read("项目支出全年预算7.20万元（含上年结转资金），支出决算7.20万元。").Single();
        Assert.Equal(2, remark.Figures.Count);
    }

    [Fact]
    public void A_qizhong_list_goes_on_into_the_next_sentence_with_the_complementary_part_and_nests_a_parenthesis()
    {
        var s = Read("年末决算支出合计为1585.9万元，其中：基本支出476.21万元（包括人员经费支出439.25万元，公用经费支出36.96万元），占总支出的61.46%；项目支出298.58万元，占总支出的38.54%。");
        Assert.Equal(["年末决算支出合计", "基本支出", "人员经费支出", "公用经费支出", "项目支出"], s.Select(x => x.Subject));
        Assert.Equal([null, 0, 1, 1, 0], s.Select(x => x.PartOf));
        Assert.All(s.Skip(1), x => Assert.False(x.CompleteParts));
    }

    [Fact]
    public void A_subject_before_a_remark_in_parentheses_names_the_figure_after_it_and_its_breakdown_follows()
    {
        var s = Read("2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。");
        Assert.Equal(["政府采购", "货物采购", "工程采购", "服务采购"], s.Select(x => x.Subject));
        Assert.Equal([null, 0, 0, 0], s.Select(x => x.PartOf));
    }

    [Fact]
    public void A_code_printed_with_the_subject_is_kept()
    {
        var s = Read("1.小学教育（2050202），2023年度决算数为7,970.38万元，比2022年度决算数增长0.39%。").Single();
        Assert.Equal(("小学教育", "2050202"), (s.Subject, s.Code));
        Assert.Equal([FigureRole.Amount, FigureRole.ChangePercent], s.Figures.Select(f => f.Role));

        // A stray comma between the year and its 年度 (西南大学 2023, item 9) does not make the year part of the name.
        var slip = Read("9.机关事业单位基本养老保险缴费支出（2080505）2023，年度决算数为8,897.19万元，比2022年度决算数增长7.51%。").Single();
        Assert.Equal(("机关事业单位基本养老保险缴费支出", "2080505"), (slip.Subject, slip.Code));
        Assert.Equal([FigureRole.Amount, FigureRole.ChangePercent], slip.Figures.Select(f => f.Role));

        // A name a parenthesis cut goes on right after it; a code in the parenthesis is the code, not part of the name.
        var cut = Read("1.因公出国（境）经费支出0万元，完成预算0%。").First();
        Assert.Equal("因公出国（境）经费支出", cut.Subject);
        var captioned = Read("具体情况如下：（图7：“三公”经费财政拨款支出结构）1.因公出国（境）经费支出0万元，完成预算0%。").First();
        Assert.Equal("因公出国（境）经费支出", captioned.Subject);

        // A year opening the sentence stays a year: the subject comes after it.
        var opening = Read("2023年，住房公积金（2210201）决算数为7,448.44万元。").Single();
        Assert.Equal(("住房公积金", "2210201"), (opening.Subject, opening.Code));
    }

    [Fact]
    public void A_sentence_opening_with_qizhong_breaks_down_the_one_before()
    {
        var s = Read("2022年部门总收入12010.11万元。其中：上级补助收入5万元，事业收入8万元。");
        Assert.Equal([null, 0, 0], s.Select(x => x.PartOf));
    }

    [Fact]
    public void A_qizhong_after_a_bracketed_remark_breaks_down_the_total_not_the_remark()
    {
        // 渠县 2022 (appended evaluation report): the bracket is a partial remark on the total; the next 其中 lists its parts.
        var s = Read("2022年部门总收入12010.11万元（包含城乡居民参保县级配套资金4596.52万元）。其中：一般公共预算财政拨款收入11652.66万元，占97.02%；政府性基金预算财政拨款收入357.45万元，占2.97%。");
        Assert.Equal(["部门总收入", "包含城乡居民参保县级配套资金", "一般公共预算财政拨款收入", "政府性基金预算财政拨款收入"], s.Select(x => x.Subject));
        // The one bracketed figure introduced by 包含 remarks on the total: it is no part of the list after it.
        Assert.Equal([null, null, 0, 0], s.Select(x => x.PartOf));

        // Subject after headings run into the sentence: what follows the year.
        var run = Read("（一）部门总体收支情况1.部门总体收入情况2022年部门总收入12010.11万元。").Single();
        Assert.Equal("部门总收入", run.Subject);
    }

    [Theory]
    [InlineData("项目总投资500万元，其中：中央资金300万元，省级资金100万元；实际到位资金450万元，到位率90%。", "实际到位资金")]
    [InlineData("收入总计100万元，其中：财政拨款收入60万元；支出总计100万元，其中：基本支出70万元。", "支出总计")]
    public void After_a_semicolon_only_one_more_item_of_the_same_kind_goes_on_the_list(string sentence, string outside)
    {
        var s = Read(sentence);
        Assert.Null(s.Single(x => x.Subject == outside).PartOf);
    }

    [Fact]
    public void A_count_names_what_it_counts_after_its_unit_and_keeps_its_amount()
    {
        // 龙县 2022: 「建成3个县级医院、17个镇卫生院」; 合水 2024: 「门诊慢特病44203人次1448.53万元」 (人次, not 人, before a digit).
        var hospitals = Read("聚焦医保报销公共服务体系，建成3个县级医院、17个镇卫生院、1个民营医院。");
        Assert.Equal(["县级医院", "镇卫生院", "民营医院"], hospitals.Select(x => x.Subject));
        Assert.All(hospitals, h => Assert.Equal(FigureRole.Count, Assert.Single(h.Figures).Role));

        var outpatient = Read("门诊慢特病44203人次1448.53万元。").Single();
        Assert.Equal("门诊慢特病", outpatient.Subject);
        Assert.Equal([("44203", "人次"), ("1448.53", "万元")], outpatient.Figures.Select(f => (f.Number, f.Unit)));
    }

    [Theory]
    [InlineData("全年实际发生体检费用283.10万元，占年初预算的98.64%。", "Completion")]
    [InlineData("城乡居民参保率持续保持在95%以上。", "Rate")]
    [InlineData("授予中小企业合同金额20万元，占政府采购支出总额的40%。", "Share")]
    public void A_percent_takes_its_role_from_the_words_before_it(string sentence, string role)
    {
        // 镇安 2023: 「占年初预算的」 is the budget spent (a completion), 「参保率持续保持在」 names a rate.
        Assert.Contains(Read(sentence).SelectMany(x => x.Figures), f => f.Role.ToString() == role && f.Unit == "%");
    }

    [Fact]
    public void A_second_qizhong_breaks_down_the_part_before_it_and_a_reason_ends_the_statement()
    {
        var s = Read("财政拨款支出1000万元，其中：基本支出800万元，其中人员经费600万元、公用经费200万元。");
        Assert.Equal([null, 0, 1, 1], s.Select(x => x.PartOf));

        var reason = Read("公用经费50万元，比上年减少10万元，主要原因是办公费下降20%。");
        Assert.Equal("公用经费", reason[0].Subject);
        Assert.DoesNotContain(reason[0].Figures, f => f.Role == FigureRole.ChangePercent);
    }

    [Fact]
    public void A_parenthesis_introduced_with_zhuyao_lists_only_some_parts_and_fund_names_are_not_budgets()
    {
        var s = Read("医疗救助资金500万元（主要用于资助参保200万元、门诊救助100万元）。");
        Assert.All(s.Skip(1), x => Assert.False(x.CompleteParts));
        Assert.Equal("Amount", ClauseReader.RoleOf("一般公共预算财政拨款支出", "万元").Role.ToString());
    }

    [Fact]
    public void Parts_after_qizhong_are_an_incomplete_breakdown()
    {
        var s = Read("自评总金额774.79万元，其中人员经费439.25万元，公用经费36.96万元。");
        Assert.Equal([null, 0, 0], s.Select(x => x.PartOf));
        Assert.All(s.Skip(1), x => Assert.False(x.CompleteParts));
    }

    [Theory]
    [InlineData("学校2023年度收入总计", "收入总计")]
    [InlineData("收入总额", "收入总计")]
    [InlineData("总支出", "支出总计")]
    [InlineData("学校2023年度各项支出总计", "支出总计")]
    [InlineData("学校2023年度财政拨款支出总计", "财政拨款支出总计")]
    [InlineData("本年收入合计", "收入合计")]
    [InlineData("财政拨款收入", "财政拨款收入")]
    public void A_quantity_keeps_its_identity_across_wordings(string words, string key) =>
        Assert.Equal(key, ClauseReader.QuantityKey(words));

    [Fact]
    public void A_share_names_its_whole()
    {
        var s = Read("学校2023年度收入总计430,725.03万元，财政拨款收入243,015.38万元，占收入总额56.42%。");
        var share = s[1].Figures.Single(f => f.Role == FigureRole.Share);
        Assert.Equal(("收入总额", "56.42"), (share.Whole, share.Number));
    }

    [Theory]
    [InlineData("一般公共预算财政拨款支出", "一般公共预算财政拨款支出")]
    [InlineData("政府性基金预算财政拨款收入为", "政府性基金预算财政拨款收入")]
    [InlineData("公务接待费全年预算为", "公务接待费")]
    public void A_funds_name_keeps_its_budget_word_but_a_budget_role_ends_the_subject(string before, string subject) =>
        Assert.Equal(subject, ClauseReader.SubjectOf(before));

    [Theory]
    [InlineData("与上年相比增加", "万元", "ChangeAmount")]
    [InlineData("，下降", "%", "ChangePercent")]
    [InlineData("占", "%", "Share")]
    [InlineData("完成年初预算的", "%", "Completion")]
    [InlineData("年初预算为", "万元", "Budget")]
    [InlineData("调整后预算数", "万元", "FullYearBudget")]
    [InlineData("支出决算为", "万元", "Amount")]
    [InlineData("执行率为", "%", "Completion")]
    [InlineData("城乡居民参保率为", "%", "Rate")]
    [InlineData("满意度达到", "%", "Rate")]
    [InlineData("共有车辆", "辆", "Count")]
    [InlineData("特殊人群参保缴费资助", "%", "Rate")]
    [InlineData("偏差程度控制在", "%", "Rate")]
    [InlineData("比预算节约", "%", "Unknown")]
    public void The_words_before_a_figure_give_its_role(string before, string unit, string role) =>
        Assert.Equal(role, ClauseReader.RoleOf(before, unit).Role.ToString());
}

/// <summary>Subjects that role words open or headings run into, and figures that come back to a whole after its breakdown.</summary>
public sealed class SubjectEdgeTests
{
    private static IReadOnlyList<Statement> Read(string text) => ClauseReader.Read(text, _ => false);

    [Fact]
    public void A_budget_word_or_完成_before_the_subject_leaves_the_subject_after_it()
    {
        // 合水 2024: 「全年预算收入 774.79 万元，预算总支出 774.79 万元」; 镇安 2023: 「完成省级医用耗材和药品招标 6 批次」.
        Assert.Equal(["收入", "总支出"], Read("2024年我单位全年预算收入774.79万元，预算总支出774.79万元。").Select(s => s.Subject));
        Assert.Equal("省级医用耗材和药品招标", Read("完成省级医用耗材和药品招标6批次。").Single().Subject);
        Assert.Null(ClauseReader.SubjectOf("全年预算为"));
    }

    [Fact]
    public void Headings_run_into_a_sentence_leave_the_last_one_as_the_subject()
    {
        // 陇县 2022: two headings, each ending in a colon, before 「全年预算数 20 万元」.
        var s = Read("4.镇村医保基金筹集工作经费项目绩效自评综述：医疗保障服务能力提升项目绩效自评综述：全年预算数20万元，执行数20万元，完成预算的100%。");
        Assert.Equal("医疗保障服务能力提升项目绩效自评综述", s[0].Subject);
        Assert.Contains(s[0].Figures, f => f.Role == FigureRole.Completion);
    }

    [Fact]
    public void A_share_that_opens_its_sentence_names_its_part_before_占()
    {
        // 镇安 2023: 「完成体检人数占预计体检人数的 96%」.
        var s = Read("数量指标：完成体检人数占预计体检人数的96%；质量指标：全部按照体检方案进行。").Single();
        Assert.Equal("体检人数", s.Subject);
        Assert.Equal(FigureRole.Share, s.Figures.Single().Role);
    }

    [Fact]
    public void A_budget_word_followed_by_filler_names_nothing_and_the_subject_before_stands()
    {
        var s = Read("公务接待费，年初预算安排5万元，实际支出4万元。").Single();
        Assert.Equal("公务接待费", s.Subject);
        Assert.Null(ClauseReader.SubjectOf("预算资金"));
    }

    [Fact]
    public void Shares_listed_one_per_subject_each_open_their_statement_and_a_share_never_takes_a_clause_of_words_as_its_subject()
    {
        Assert.Equal(["基本支出", "项目支出"], Read("其中：基本支出占40%，项目支出占60%。").Select(x => x.Subject));
        var s = Read("基本支出476.21万元，主要用于保障机构正常运转，占总支出的61.46%。");
        Assert.DoesNotContain(s, x => x.Subject.Contains("运转", StringComparison.Ordinal));
        Assert.Equal(FigureRole.Unknown, ClauseReader.RoleOf("", "%").Role);
    }

    [Fact]
    public void A_long_project_name_is_a_subject()
    {
        var s = Read("关闭破产企业退休职工参加城镇基本医疗保险财政补助资金及县直退休二巡医疗费财政拨款资金47.27万元。").Single();
        Assert.StartsWith("关闭破产企业", s.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_after_a_bracketed_breakdown_is_the_wholes()
    {
        // 合水 2024: the share follows the breakdown of 基本支出 in brackets and is 基本支出's, not dropped.
        var s = Read("其中：基本支出476.21万元（包括人员经费支出439.25万元，公用经费支出36.96万元），占总支出的61.46%；项目支出298.58万元，占总支出的38.54%。");
        var basic = s.Single(x => x.Subject == "基本支出");
        Assert.Contains(basic.Figures, f => f.Role == FigureRole.Share && f.Number == "61.46" && f.Whole == "总支出");
        Assert.Equal(2, s.Count(x => x.PartOf == s.ToList().IndexOf(basic)));
    }
}

/// <summary>Figures too long to reason about are listed as unread, never a crash (issue 12's first crash class).</summary>
public sealed class OverlongFigureTests
{
    [Theory]
    [InlineData("与上年相比收、支总计减少46.98万元，下降6.0412345678901%。")]
    [InlineData("本部门共有车辆99999999999辆，其中执法执勤用车88888888888辆。")]
    [InlineData("2024年度收入总计、支出总计均为731.031234567890123万元。")]
    [InlineData("国内公务接待3000000000批次、27人次。")]
    public void An_overlong_figure_in_the_narrative_is_listed_not_read_and_does_not_crash(string sentence)
    {
        var text = $"青石县医疗保障局2024年度部门决算\n第二部分 2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n{sentence}\n九、财政拨款“三公”经费支出决算情况说明\n{sentence}\n十二、国有资产占用情况说明\n{sentence}\n";
        var result = TextReportReader.Read(text, "a.txt");
        Assert.True(result.Success, result.Error);

        // Every figure lands somewhere: listed as unread, or read (a count of any size is a Printed, not an int).
        var narrative = result.Value!.Narrative;
        Assert.True(narrative.UnattachedFigures.Count > 0 || narrative.Claims.Any(c => c.Count is not null), "the figure was dropped");
        Assert.DoesNotContain(Juesuan.Audit.Auditor.Audit(result.Value).Findings, f => f.Kind == Juesuan.Audit.FindingKind.Failed);
    }
}

/// <summary>A share that names no whole is over the total its list breaks down, so it can be checked.</summary>
public sealed class ImplicitWholeTests
{
    private static Juesuan.Domain.Model.DepartmentYear Read(string section, string body) =>
        TextReportReader.Read($"青石县医疗保障局2024年度部门决算\n第二部分 2024年度部门决算情况说明\n{section}\n{body}\n", "a.txt").Value!;

    [Fact]
    public void A_share_of_a_whole_the_section_does_not_state_is_over_the_whole_of_its_breakdown()
    {
        // 合水 2024: 「占总支出的」 in the list under 「年末决算支出合计」 is over that total; the shares fit the parts' sum, so
        // the audit says the total is misstated — once, not once per share.
        var year = Read("三、部门整体支出绩效自评情况分析", "年末决算支出合计为1585.9万元，其中：基本支出476.21万元（包括人员经费支出439.25万元，公用经费支出36.96万元），占总支出的61.46%；项目支出298.58万元，占总支出的38.54%。");
        var shares = year.Narrative.Claims.Where(c => c.SharePercent is not null).ToArray();
        Assert.Equal(["61.46", "38.54"], shares.Select(c => c.SharePercent!.Value.ToString()));
        var whole = year.Narrative.Claims.Single(c => c.Amount?.ToString() == "1585.9万元").Subject;
        Assert.All(shares, c => Assert.Equal(whole, c.ShareOf));
        Assert.Empty(year.Narrative.UnattachedFigures);
        var finding = Assert.Single(Juesuan.Audit.Auditor.Audit(year).Findings, f => f.Rule == "N.SHARE" && f.Severity == Juesuan.Audit.Severity.Error);
        Assert.Contains("774.79", finding.Message, StringComparison.Ordinal);
        Assert.Contains("1585.9万元", finding.Message, StringComparison.Ordinal);
        // N.PARTS says the parts do not reach the whole (a warning: a 「其中」 list may leave parts out); N.SHARE, from the
        // shares adding up to 100 %, says the whole is the wrong side. Two findings, one each.
        Assert.Single(Juesuan.Audit.Auditor.Audit(year).Findings, f => f.Rule == "N.PARTS" && f.Severity == Juesuan.Audit.Severity.Warning);
    }

    [Fact]
    public void Shares_of_a_whole_that_do_not_reach_100_percent_do_not_blame_the_whole()
    {
        // An incomplete 「其中」 list: the shares fit the parts' sum only by accident of the figures; nothing says the parts
        // are all of the whole, so the whole is not blamed (the shares are each reported against it).
        var year = Read("三、部门整体支出绩效自评情况分析", "年末决算支出合计为1585.9万元，其中：基本支出476.21万元，占总支出的30.03%；项目支出298.58万元，占总支出的30.00%。");
        Assert.DoesNotContain(Juesuan.Audit.Auditor.Audit(year).Findings, f => f.Rule == "N.SHARE" && f.Message.Contains("各项之和", StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_whole_that_is_not_a_total_is_not_taken_for_the_breakdowns_whole()
    {
        // 「占基本支出的」 in a list under 支出合计 is over 基本支出 (a table total), not over 支出合计.
        var year = Read("三、支出决算情况说明", "本年支出合计100.00万元，其中：人员经费50.00万元，占基本支出的62.5%；公用经费30.00万元，占基本支出的37.5%。");
        var shares = year.Narrative.Claims.Where(c => c.SharePercent is not null).ToArray();
        Assert.All(shares, c => Assert.Equal(Juesuan.Domain.Model.Concepts.ExpenseBasic, c.ShareOf?.Concept));
    }

    [Fact]
    public void Shares_that_fit_their_whole_raise_no_misstated_whole()
    {
        var year = Read("三、部门整体支出绩效自评情况分析", "年末决算支出合计为774.79万元，其中：基本支出476.21万元，占总支出的61.46%；项目支出298.58万元，占总支出的38.54%。");
        Assert.DoesNotContain(Juesuan.Audit.Auditor.Audit(year).Findings, f => f.Rule == "N.SHARE" && f.Severity >= Juesuan.Audit.Severity.Warning);
    }

    [Fact]
    public void A_three_public_items_share_is_over_the_three_public_total_and_a_nil_share_of_nil_is_no_finding()
    {
        var year = Read("九、财政拨款“三公”经费支出决算情况说明", "2024年度“三公”经费财政拨款支出决算为0.00万元。2024年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0.00%；公务用车购置及运行费支出决算0.00万元，占0.00%；公务接待费支出决算0.00万元，占0.00%。");
        var shares = year.Narrative.Claims.Where(c => c.SharePercent is not null).ToArray();
        Assert.Equal(3, shares.Length);
        Assert.All(shares, c => Assert.Equal(Juesuan.Domain.Model.Concepts.ThreePublicTotal, c.ShareOf?.Concept));
        var findings = Juesuan.Audit.Auditor.Audit(year).Findings;
        Assert.DoesNotContain(findings, f => f.Rule == "N.SHARE" && f.Severity >= Juesuan.Audit.Severity.Warning);
        // The shares were checked (a nil share of a nil total), not skipped for want of a total.
        Assert.DoesNotContain(findings, f => f.Rule == "N.SHARE" && f.Kind == Juesuan.Audit.FindingKind.NotChecked);
    }

    [Fact]
    public void Personnel_and_public_costs_in_their_own_sentences_must_make_up_the_basic_spending_when_no_table_prints_it()
    {
        // 陇县 2022 (no tables): 「基本支出 290.57 万元，包括人员经费和公用经费。其中：（一）人员经费 283.40 万元…（二）公用经费 7.17 万元」.
        const string parts = "包括人员经费和公用经费。其中：（一）人员经费283.40万元，主要包括：基本工资、津贴补贴。（二）公用经费7.17万元，主要包括：办公费、印刷费。";
        var right = Read("六、一般公共预算财政拨款基本支出决算情况说明", "2022年度一般公共预算财政拨款基本支出290.57万元，" + parts);
        Assert.DoesNotContain(Juesuan.Audit.Auditor.Audit(right).Findings, f => f.Rule == "N.PARTS");
        var wrong = Read("六、一般公共预算财政拨款基本支出决算情况说明", "2022年度一般公共预算财政拨款基本支出370.32万元，" + parts);
        var finding = Assert.Single(Juesuan.Audit.Auditor.Audit(wrong).Findings, f => f.Rule == "N.PARTS");
        Assert.Contains("290.57", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.00", false)]
    [InlineData("0.10", true)]
    public void The_three_public_items_budgets_stated_one_by_one_add_up_to_the_three_public_budget(string vehicles, bool reported)
    {
        // 西工 2022: table 09 empty; the section states the total and each item's 全年预算.
        var year = Read("九、财政拨款“三公”经费支出决算情况说明",
            "（一）“三公”经费财政拨款支出决算总体情况说明2022年度“三公”经费财政拨款支出全年预算为0.00万元，支出决算为0.00万元，完成全年预算的0.00%。"
            + "具体情况如下：1.因公出国（境）费，全年预算为0.00万元，支出决算为0.00万元，完成全年预算的0.00%。"
            + $"2.公务用车购置及运行费，全年预算为{vehicles}万元，支出决算为0.00万元，完成全年预算的0.00%。"
            + "3.公务接待费，全年预算为0.00万元，支出决算为0.00万元，完成全年预算的0.00%。");
        var findings = Juesuan.Audit.Auditor.Audit(year).Findings.Where(f => f.Rule == "N.PARTS" && f.Message.Contains("各项预算", StringComparison.Ordinal));
        Assert.Equal(reported, findings.Any());
    }

    [Theory]
    [InlineData("4", true)]
    [InlineData("95", false)]
    public void A_three_public_items_rate_may_not_imply_a_budget_above_the_totals(string rate, bool reported)
    {
        // 渠县 2022 (no tables): the total's budget is implied by its 100%; 1.31 at 4% implies some 33 万元.
        var year = Read("七、财政拨款“三公”经费支出决算情况说明",
            "2022年“三公”经费财政拨款支出决算为1.38万元，完成预算数的100%。"
            + $"2.公务用车购置及运行维护费支出1.31万元，完成预算{rate}%。");
        var findings = Juesuan.Audit.Auditor.Audit(year).Findings.Where(f => f.Rule == "N.COMPLETION" && f.Message.Contains("分项的预算不能大于总数的预算", StringComparison.Ordinal));
        Assert.Equal(reported, findings.Any());
    }

    [Theory]
    [InlineData("0.00", false)]
    [InlineData("1.41", true)]
    public void A_rate_over_a_budget_stated_elsewhere_in_the_narrative_is_checked_against_it(string rate, bool reported)
    {
        // 西工 2022: each item's 全年预算 in its own paragraph, the rates again in the overview of the items.
        var year = Read("九、财政拨款“三公”经费支出决算情况说明",
            $"（一）2022年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，完成全年预算的{rate}%，占0.00%。"
            + "（二）具体情况如下：1.因公出国（境）费，全年预算为0.00万元，支出决算为0.00万元，完成全年预算的0.00%。");
        // The item's own sentence (budget 0.00, 0.00%) is warned of once either way; the overview's rate is only when not 0.
        var findings = Juesuan.Audit.Auditor.Audit(year).Findings.Where(f => f.Rule == "N.COMPLETION").ToArray();
        Assert.Equal(reported ? 2 : 1, findings.Length);
        Assert.Single(findings, f => f.Actual == rate + "%");
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("10", true)]
    public void Domestic_and_foreign_receptions_add_up_to_the_reception_expense(string foreign, bool reported)
    {
        // 渠县 2022 (Sichuan template): 「国内公务接待支出 0.07 万元…。外事接待支出 0 万元，外事接待 0 批次，0 人。」 beside
        // 「公务接待费支出决算 0.07 万元」: 国内 + 外事 = 公务接待费.
        var year = Read("七、财政拨款“三公”经费支出决算情况说明",
            "2022年“三公”经费财政拨款支出决算中，公务接待费支出决算0.07万元，占5.07%。"
            + "国内公务接待支出0.07万元，国内公务接待1批次，10人次。"
            + $"外事接待支出{foreign}万元，外事接待0批次，0人。");
        var findings = Juesuan.Audit.Auditor.Audit(year).Findings.Where(f => f.Rule == "N.PARTS").ToArray();
        Assert.Equal(reported, findings.Any(f => f.Severity == Juesuan.Audit.Severity.Error && f.Message.Contains("外事接待", StringComparison.Ordinal)));
        Assert.DoesNotContain(year.Narrative.UnattachedFigures, u => u.Contains("外事接待支出", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.31", false)]
    [InlineData("1.77", true)]
    public void The_three_public_items_actuals_add_up_to_their_wholes_without_table_09(string operation, bool reported)
    {
        // 渠县 2022 (no tables): the total and its items, then 公务用车购置及运行维护费 and its two parts, each in its sentence.
        var year = Read("七、财政拨款“三公”经费支出决算情况说明",
            "2022年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算1.31万元，占94.93%；公务接待费支出决算0.07万元，占5.07%。"
            + "2022年“三公”经费财政拨款支出决算为1.38万元。公务用车购置费0万元。"
            + $"公务用车运行维护费支出{operation}万元。");
        var findings = Juesuan.Audit.Auditor.Audit(year).Findings.Where(f => f.Rule == "N.PARTS" && f.Message.Contains("之和", StringComparison.Ordinal));
        Assert.Equal(reported, findings.Any(f => f.Message.Contains(operation, StringComparison.Ordinal)));
    }

    [Fact]
    public void An_amount_of_the_reports_own_words_restated_differently_is_reported_and_parts_of_different_wholes_are_not()
    {
        // 渠县 2022: the remark 「包含城乡居民参保县级配套资金 4596.52 万元」 in the income and the spending paragraphs (four
        // times in all); where two places disagree and none is in the majority, which one is meant is unknown (not reported).
        static string Body(string second) => "2024年部门总收入12010.11万元（包含城乡居民参保县级配套资金4596.52万元）。其中：一般公共预算财政拨款收入11652.66万元。"
            + $"2024年部门总支出12010.11万元（包含城乡居民参保县级配套资金{second}万元）。其中：基本支出673.68万元。"
            + "2024年财政拨款总收入12010.11万元（包含城乡居民参保县级配套资金4596.52万元）。"
            + "共为41204人次报销住院医疗费用15357.29万元（基本11130.46万元，大病1720.68万元，医疗救助2506.15万元）。门诊慢特病1448.53万元（基本999.14万元，大病270.27万元，医疗救助179.12万元）。";
        Assert.DoesNotContain(Juesuan.Audit.Auditor.Audit(Read("一、收入支出决算总体情况说明", Body("4596.52"))).Findings, f => f.Rule == "N.RESTATED");
        var finding = Assert.Single(Juesuan.Audit.Auditor.Audit(Read("一、收入支出决算总体情况说明", Body("4333.12"))).Findings, f => f.Rule == "N.RESTATED");
        Assert.Contains("4333.12", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("26", "7.5", 0)]
    [InlineData("36", "7.5", 1)]
    [InlineData("26", "9.2", 1)]
    public void A_counted_list_of_projects_adds_up_to_the_funds_and_spending_stated_with_the_count(string funds, string paid, int findings)
    {
        // 合水 2024 (the funds there do not add up; here they are made to): four projects, each 「…资金 X 万元，支付 Y 万元」.
        var year = Read("四、部门预算项目支出绩效自评情况分析",
            "2024年，本部门预算支出项目4个，当年财政拨款348.48万元，全年支出298.58万元，执行率85%。通过自评，有3个项目结果为“优”，1个项目结果为“良”。"
            + "其中：2024年申请拨付2021-2023年度合水县基本医疗保险以外伤害调查费用财政拨款资金28.81万元，支付28.81万元。确保医保基金的安全。"
            + "2024年关闭破产企业退休职工参加城镇基本医疗保险财政补助资金及县直退休二巡医疗费财政拨款资金47.27万元，支付44.1万元。主要保障了基本权益。"
            + "2024年城乡居民基本医疗保险配套资金财政拨款资金246.4万元，支付218.17万元。保障缴费。"
            + $"2024年医疗服务与保障能力提升补助财政拨款资金{funds}万元，支付{paid}万元。全面提高了服务水平。");
        var found = Juesuan.Audit.Auditor.Audit(year).Findings.Where(f => f.Rule == "N.PARTS" && f.Message.Contains("个项目的", StringComparison.Ordinal)).ToArray();
        // (Below: a sentence with another amount ends the list, so a count it would no longer reach is not checked.)
        Assert.Equal(findings, found.Length);
        Assert.All(found, f => Assert.True(f.Message.Contains(funds + " ", StringComparison.Ordinal) || f.Message.Contains(paid + " ", StringComparison.Ordinal) || f.Message.Contains(paid + "之和", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_rate_stated_twice_with_two_values_is_reported_once_and_two_counts_of_one_sentence_are_not()
    {
        static IEnumerable<Juesuan.Audit.Finding> Restated(string body) => Juesuan.Audit.Auditor.Audit(Read("十三、预算绩效情况说明", body)).Findings.Where(f => f.Rule == "N.RESTATED");
        var tie = Assert.Single(Restated("1、重点人群参保参保率100%。4、特殊人群参保缴费资助100%。本年度工作扎实开展。4、特殊人群参保缴费资助98%。"));
        Assert.Contains("98%", tie.Message, StringComparison.Ordinal);
        Assert.Contains("100%", tie.Message, StringComparison.Ordinal);
        Assert.Empty(Restated("建成10个镇医保服务中心和104个村4个社区医保服务站。另建成10个镇医保服务中心和104个村4个社区医保服务站。"));
        Assert.Empty(Restated("4、特殊人群参保缴费资助100%。本年度工作扎实开展。4、特殊人群参保缴费资助100%。"));
    }

    [Fact]
    public void A_list_of_projects_ends_at_a_sentence_with_other_amounts()
    {
        // Three pairs, then an amount of something else, then a fourth pair: the list counted as 4 is not complete.
        var year = Read("四、部门预算项目支出绩效自评情况分析",
            "2024年，本部门预算支出项目4个，当年财政拨款400.00万元，全年支出300.00万元。"
            + "其中：甲项目财政拨款资金100.00万元，支付75.00万元。乙项目财政拨款资金100.00万元，支付75.00万元。丙项目财政拨款资金100.00万元，支付75.00万元。"
            + "全县报销住院医疗费用15357.29万元。丁项目财政拨款资金50.00万元，支付10.00万元。");
        Assert.DoesNotContain(Juesuan.Audit.Auditor.Audit(year).Findings, f => f.Rule == "N.PARTS" && f.Message.Contains("个项目的", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scoring_scale_is_read_as_a_scale_not_left_unread()
    {
        var year = Read("二、绩效自评工作组织开展情况", "定性指标分为三档，分别按照该指标对应分值区间100%-80%（含）、80%-60%（含）、60%-0%合理确定分值。");
        Assert.Empty(year.Narrative.UnattachedFigures);
    }

    [Fact]
    public void A_share_in_a_list_after_a_total_is_over_that_total()
    {
        var year = Read("四、支出决算情况说明", "本年支出合计100.00万元，其中：基本支出60.00万元，占60%；项目支出40.00万元，占40%；上缴上级支出0万元，占0%。");
        var shares = year.Narrative.Claims.Where(c => c.SharePercent is not null).ToArray();
        Assert.Equal(3, shares.Length);
        Assert.All(shares, c => Assert.Equal(Juesuan.Domain.Model.Concepts.ExpenseTotal, c.ShareOf!.Concept));

        // A share over the total that does not hold is found; one that holds is not.
        var wrong = Read("四、支出决算情况说明", "本年支出合计100.00万元，其中：基本支出60.00万元，占60%；项目支出40.00万元，占40%；上缴上级支出10万元，占0%。");
        Assert.Contains(Juesuan.Audit.Auditor.Audit(wrong).Findings, f => f.Rule == "N.SHARE" && f.Message.Contains("0%", StringComparison.Ordinal));
        Assert.DoesNotContain(Juesuan.Audit.Auditor.Audit(year).Findings, f => f.Rule == "N.SHARE");
    }

    [Fact]
    public void A_share_with_no_total_before_it_stays_unread()
    {
        var year = Read("十、机关运行经费支出情况说明", "宣传印刷费60.00万元，占60%。");
        Assert.DoesNotContain(year.Narrative.Claims, c => c.SharePercent is not null);
    }
}

/// <summary>A statement is located on the line it is printed on, not on its section's heading.</summary>
public sealed class StatementLineTests
{
    [Fact]
    public void A_statement_on_a_later_line_of_its_section_is_located_on_that_line()
    {
        // Lines: 1 title, 2 part, 3 heading, 4–5 the first paragraph wrapped, 6 blank, 7 the second paragraph.
        var text = "青石县医疗保障局2024年度部门决算\n第二部分 2024年度部门决算情况说明\n四、支出决算情况说明\n本年支出合计100.00万元，其中：基本支出\n60.00万元，占60%。\n\n项目支出40.00万元，占40%。\n";
        var year = TextReportReader.Read(text, "a.txt").Value!;
        var basic = Assert.Single(year.Narrative.Claims, c => c.SharePercent?.ToString() == "60");
        var project = Assert.Single(year.Narrative.Claims, c => c.SharePercent?.ToString() == "40");
        Assert.Equal(4, basic.Source!.Line); // the statement 「基本支出60.00万元，占60%」 begins on line 4
        Assert.Equal(7, project.Source!.Line);
        Assert.Equal("a.txt", project.Source.File);
    }
}

/// <summary>N.GRADE_COUNTS on what the reader makes of the sentences that count projects by grade.</summary>
public sealed class GradeCountTests
{
    private static IReadOnlyList<Juesuan.Audit.Finding> Audit(string body) => Juesuan.Audit.Auditor.Audit(
        TextReportReader.Read($"青石县医疗保障局2024年度部门决算\n第二部分 2024年度部门决算情况说明\n十三、预算绩效情况说明\n{body}\n", "a.txt").Value!).Findings
        .Where(f => f.Rule == "N.GRADE_COUNTS").ToArray();

    [Fact]
    public void Grades_that_leave_a_project_out_are_reported()
    {
        // 西工 2022: six evaluated, 2 + 2 + 1 graded.
        var finding = Assert.Single(Audit("本部门需绩效自评项目6个，实际自评6个，2个项目自评等级为优，2个项目自评为良，1个项目自评为中；1个项目完成所有绩效指标。"));
        Assert.Contains("2 + 2 + 1 = 5", finding.Message, StringComparison.Ordinal);
        Assert.Contains("6 个", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_of_the_evaluated_projects_is_not_taken_for_their_total()
    {
        // 「其中重点项目 2 个」 is a part; the total is the 自评 count before it.
        Assert.Empty(Audit("本部门实际自评项目6个，其中重点项目2个，3个项目自评等级为优，2个项目自评为良，1个项目自评为中。"));
        Assert.Single(Audit("本部门实际自评项目6个，其中重点项目2个，3个项目自评等级为优，2个项目自评为良。"));
    }

    [Fact]
    public void Grades_that_add_up_are_not_reported()
    {
        // 合水 2024: amounts between the count and the grades.
        Assert.Empty(Audit("2024年，本部门预算支出项目4个，当年财政拨款351.25万元，全年支出298.58万元，执行率85%。通过自评，有3个项目结果为“优”，1个项目结果为“良”。"));
        Assert.Empty(Audit("本部门需绩效自评项目6个，实际自评6个，2个项目自评等级为优，2个项目自评为良，2个项目自评为中。"));

        // …and the same sentence with five projects is reported: the count four claims back is found.
        Assert.Single(Audit("2024年，本部门预算支出项目5个，当年财政拨款351.25万元，全年支出298.58万元，执行率85%。通过自评，有3个项目结果为“优”，1个项目结果为“良”。"));
    }
}

/// <summary>Lists of parts the clause grammar opens besides 「其中」.</summary>
public sealed class PartListTests
{
    [Fact]
    public void A_specific_list_after_a_sum_breaks_it_down_past_a_count_between()
    {
        // 渠县 2022: 「国内公务接待支出 0.07 万元，国内公务接待 1 批次，10 人次…，具体内容包括县委专项巡察工作小组用餐费 0.07 万元」.
        var statements = ClauseReader.Read("国内公务接待支出0.07万元，国内公务接待1批次，10人次（不包括陪同人员），共计支出0.07万元，具体内容包括县委专项巡察工作小组用餐费0.07万元。", _ => false);
        var part = Assert.Single(statements, s => s.Subject == "县委专项巡察工作小组用餐费");
        // Its whole is the sum the list follows (「共计支出 0.07 万元」), which restates the subject of the sentence's amount.
        Assert.Equal("国内公务接待支出", statements[part.PartOf!.Value].Subject);
        Assert.Equal("0.07", statements[part.PartOf!.Value].Figures.Single().Number);
        Assert.False(part.CompleteParts);
    }
}
