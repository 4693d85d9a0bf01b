using Juesuan.Formats;
using Juesuan.Import.Text;

namespace Juesuan.Import.Tests;

public class ReportTextTests
{
    [Theory]
    [InlineData("部⻔决算", "部门决算")]          // U+2ED4, CJK Radicals Supplement: NFKC leaves it alone
    [InlineData("⻘⽯县", "青石县")]               // U+2ED8 (supplement) and U+2F6F (Kangxi)
    [InlineData("⼀般公共预算", "一般公共预算")]   // U+2F00 Kangxi
    [InlineData("⻓期⻛险⻢上", "长期风险马上")]
    public void Radical_code_points_become_the_ideographs_they_stand_for(string extracted, string expected) =>
        Assert.Equal(expected, PrintedText.Normalize(extracted));

    // Both paths: a line with nothing to map (returned without a copy) and one with a radical or an odd space.
    [Theory]
    [InlineData("**合计**\t12.00", "合计\t12.00")]
    [InlineData("**部⻔**合计", "部门合计")]
    [InlineData("一般公共预算  \u3000\r", "一般公共预算")]
    [InlineData("⼀般公共预算 \r", "一般公共预算")]
    [InlineData("12.00\t\t", "12.00\t\t")]
    [InlineData("年初\u00A0结转\u2002和\u2003结余\u2009", "年初 结转 和 结余")]
    [InlineData("", "")]
    public void Bold_markers_go_trailing_blanks_go_tabs_stay_odd_spaces_become_plain(string extracted, string expected) =>
        Assert.Equal(expected, PrintedText.Normalize(extracted));

    [Fact]
    public void Full_width_punctuation_is_kept() =>
        Assert.Equal("单位：万元（本级）", PrintedText.Normalize("单位：万元（本级）"));
}

/// <summary>The report's year, from its titles and every year its text mentions.</summary>
public sealed class ReportYearTests
{
    private static IReadOnlyList<ReportLine> Lines(params string[] texts) => texts.Select((t, i) => new ReportLine(i + 1, t)).ToArray();

    [Fact]
    public void One_title_with_a_wrong_year_does_not_move_the_year_the_text_speaks_of()
    {
        // The only title names 2023; the report speaks of 2024 throughout.
        var lines = Lines("合水县医疗保障局文件", "2023年单位整体支出绩效自评报告", "一、基本情况", "2024年我单位全年预算收入774.79万元。", "2024年共为41204人次报销。", "2024年，本部门预算支出项目4个。", "2024年医疗服务补助资金26万元。", "2024年关闭破产企业补助资金47.27万元。");
        Assert.Equal(2024, ReportText.FindYear(lines));
    }

    [Fact]
    public void The_titles_decide_when_the_text_mentions_other_years_as_often()
    {
        var lines = Lines("青石县医疗保障局2024年度部门决算", "第一部分 2024年度部门概况", "与2023年相比，收入减少。", "2023年末结余。");
        Assert.Equal(2024, ReportText.FindYear(lines));
    }

    [Fact]
    public void Without_a_title_naming_a_year_there_is_no_year() => Assert.Null(ReportText.FindYear(Lines("一、基本情况", "2024年共为41204人次报销。")));
}

/// <summary>The 目录's entries as labels: where the 目录 ends and the body begins, entries laid out as a list.</summary>
public sealed class ContentsLabelTests
{
    private static IReadOnlyList<Domain.Model.PrintedLabel> Labels(params string[] lines)
    {
        var read = TextReportReader.Read(string.Join("\n", lines), "a.txt");
        Assert.True(read.Success, read.Error);
        return read.Value!.Labels;
    }

    [Fact]
    public void The_body_starts_where_the_first_entry_is_printed_again_and_bulleted_entries_are_entries()
    {
        // A 目录 without leaders (its headings end it only at the first sentence otherwise), its sections as a list.
        var labels = Labels(
            "青石县医疗保障局", "2024年度部门决算", "目 录",
            "第一部分 部门概况", "- 一、部门职责", "- 二、机构设置", "第二部分 2024年度部门决算情况说明",
            "第一部分 部门概况", "一、部门职责", "二、机构设置", "青石县医疗保障局负责全县医疗保障工作。");

        Assert.Equal(["第一部分 部门概况", "一、部门职责", "二、机构设置", "第二部分 2024年度部门决算情况说明"],
            labels.Where(l => l.Kind == Domain.Model.LabelKind.Contents).Select(l => l.Text));
        Assert.Equal([8, 9, 10], labels.Where(l => l.Kind == Domain.Model.LabelKind.Heading).Select(l => l.Source!.Line!.Value));
    }
}

/// <summary>The printed text no reader took is kept as passages, so wording checks see every printed word.</summary>
public sealed class PassageTests
{
    private static Domain.Model.DepartmentYear Read(params string[] lines)
    {
        var read = TextReportReader.Read(string.Join("\n", lines), "a.txt");
        Assert.True(read.Success, read.Error);
        return read.Value!;
    }

    [Fact]
    public void Text_outside_the_sections_is_kept_in_paragraphs_with_its_line_and_section_text_is_not()
    {
        var year = Read(
            "青石县医疗保障局", "2024年度部门决算", "第一部分 部门概况",
            "本部门主要职责是组织拟订医疗保障制度，",
            "",
            "减少（增加）群众就医负担。",
            "第二部分 2024年度部门决算情况说明",
            "一、收入支出决算总体情况说明",
            "2024年度收入总计100.00万元，支出总计100.00万元。",
            "第三部分 绩效自评情况",
            "项目年度目标 年度目标完成情况",
            "合计 4,596.52 4,596.52",
            "100.00%");

        var passages = year.Passages.Select(p => (p.Text, p.Source!.Line)).ToArray();
        // A blank line between the lines of one paragraph (as PDF extraction leaves them) does not split it.
        Assert.Contains(("本部门主要职责是组织拟订医疗保障制度，减少（增加）群众就医负担。", 4), passages);
        // The section's sentence is the narrative's, not a passage; figures keep a space between them.
        Assert.DoesNotContain(passages, p => p.Text.Contains("收入总计", StringComparison.Ordinal));
        Assert.Contains(passages, p => p.Text.Contains("合计4,596.52 4,596.52 100.00%", StringComparison.Ordinal));
        // Labels (cover, headings) are the labels' own.
        Assert.DoesNotContain(passages, p => p.Text.Contains("第三部分", StringComparison.Ordinal));
    }
}

/// <summary>部门决算单位构成 as each template words it.</summary>
public sealed class UnitCompositionTests
{
    private static Domain.Model.DepartmentYear Read(params string[] lines)
    {
        var read = TextReportReader.Read(string.Join("\n", ["青石县医疗保障局", "2024年度部门决算", "第一部分 部门概况", .. lines, "第二部分 2024年度部门决算情况说明", "一、收入支出决算总体情况说明", "2024年度收入总计100.00万元。"]), "a.txt");
        Assert.True(read.Success, read.Error);
        return read.Value!;
    }

    private static (string, Domain.Model.OrgUnitKind)[] Units(Domain.Model.DepartmentYear year) => year.Units.Select(u => (u.Name, u.Kind)).ToArray();

    [Fact]
    public void A_numbered_list_with_its_counts()
    {
        var year = Read("二、部门决算单位构成", "纳入 2024 年度本部门决算编制范围的单位共 3 个，包", "括本级及所属 2 个二级预算单位。", "序号 单位名称",
            "1 青石县医疗保障局（本级）", "2 青石县医疗保障经办中心", "3 青石县医疗保障服务中心", "三、部门人员情况", "本部门人员编制 26 人。");
        Assert.Equal([("青石县医疗保障局", Domain.Model.OrgUnitKind.Headquarters), ("青石县医疗保障经办中心", Domain.Model.OrgUnitKind.Subordinate), ("青石县医疗保障服务中心", Domain.Model.OrgUnitKind.Subordinate)], Units(year));
        Assert.Equal((3, 2), (year.Composition!.StatedUnits, year.Composition.StatedSubordinates));
        Assert.Equal(4, year.Composition.Source!.Line);
    }

    [Fact]
    public void Numbers_on_lines_of_their_own_as_a_pdf_table_prints_them_and_a_note_after_the_name()
    {
        var year = Read("二、部门决算单位构成", "从预算单位构成看，青石县医疗保障局部门决算包括：青石县医疗保障局本", "级决算、下属行政事业单位决算。纳入编制范围的单位包括：",
            "序号", "单位名称", "备注", "1", "青石县医疗保障局（本级）", "2", "青石县医疗保障所 预算不单列，并入本级");
        Assert.Equal([("青石县医疗保障局", Domain.Model.OrgUnitKind.Headquarters), ("青石县医疗保障所", Domain.Model.OrgUnitKind.Subordinate)], Units(year));
    }

    [Theory]
    [InlineData("（二）部门决算单位构成", "学校部门决算反映青石大学本级、青石大学附属中学的经费收支情况。", 2, null)]
    [InlineData("二、机构设置", "从决算单位构成看，青石县医疗保障局部门决算包括：本级决算，无二级决算部门。", 1, 0)]
    [InlineData("二、单位决算单位构成", "本单位作为青石县医疗保障局机关（本级）编制 2024 年度部门决算。", 1, null)]
    public void Units_named_in_a_sentence(string heading, string sentence, int units, int? subordinates)
    {
        var year = Read(heading, sentence, "三、人员情况");
        Assert.Equal(units, year.Units.Count);
        Assert.Equal(Domain.Model.OrgUnitKind.Headquarters, year.Units[0].Kind);
        Assert.Equal(subordinates, year.Composition!.StatedSubordinates);
    }

    [Fact]
    public void Counts_printed_before_the_sentence_that_opens_the_list()
    {
        var year = Read("二、机构设置", "青石县医疗保障局下属二级预算单位2个，其中行政单位0个。", "纳入青石县医疗保障局 2024 年度部门决算编制范围的二级预", "算单位包括：", "1. 青石县医疗保障事务中心", "2. 青石县医疗保障监测中心");
        Assert.Equal(2, year.Units.Count(u => u.Kind == Domain.Model.OrgUnitKind.Subordinate));
        Assert.Equal(2, year.Composition!.StatedSubordinates);
    }

    [Fact]
    public void A_count_of_some_of_the_units_is_not_the_count_of_all()
    {
        var year = Read("二、部门决算单位构成", "纳入编制范围的二级单位共 2 个：", "1. 青石县医疗保障事务中心", "2. 青石县医疗保障监测中心");
        Assert.Null(year.Composition!.StatedUnits);
        Assert.Equal(2, year.Composition.StatedSubordinates);
    }

    [Fact]
    public void A_contents_entry_is_not_the_part() =>
        Assert.Null(Read("目录", "二、部门决算单位构成", "三、部门人员情况").Composition);
}

/// <summary>
/// 「其他重要事项的情况说明」 with numbered sub-sections (the national and Shanghai templates): 机关运行经费, 政府采购 and
/// 国有资产 are read from their sub-sections as from sections of their own.
/// </summary>
public sealed class SubSectionTests
{
    private static Domain.Model.DepartmentYear Read(params string[] lines)
    {
        var read = TextReportReader.Read(string.Join("\n", ["青石县医疗保障局", "2024年度部门决算", "第二部分 2024年度部门决算情况说明", "一、收入支出决算总体情况说明", "2024年度收入总计300.00万元。", .. lines]), "a.txt");
        Assert.True(read.Success, read.Error);
        return read.Value!;
    }

    [Fact]
    public void The_shanghai_procurement_wording_in_a_sub_section_is_read_field_by_field()
    {
        var year = Read(
            "十一、其他重要事项的情况说明",
            "（一）机关运行经费支出情况",
            "机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。",
            "（二）政府采购支出情况",
            "青石县医疗保障局2024年度政府采购金额（以合同签订为准）为251.25万元，其",
            "中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。",
            "2024年度本部门面向中小企业预留政府采购项目预算金额246.47万元，面向小微企",
            "业预留政府采购项目预算金额0万元。在面向中小企业预留的政府采购项目中，由中小",
            "企业供应商中标或成交的，采购金额246.47万元；在面向小微企业预留政府采购项目",
            "中，由小微企业供应商中标或成交的，采购金额0万元；在其他政府采购项目中，由中",
            "小企业供应商中标或成交的，采购金额4.79万元。",
            "（三）国有资产占有使用情况说明",
            "截至2024年12月31日，青石县医疗保障局共有车辆2辆，其中：主要领导干部用车0辆、其他用车2辆。单价100万元",
            "（含）以上设备（不含车辆）1台（套）。");

        var p = year.Procurement!;
        Assert.Equal(("251.25万元", "4.79万元", "0万元", "246.47万元"), (p.Total.ToString(), p.Goods.ToString(), p.Works.ToString(), p.Services.ToString()));
        Assert.Equal(("246.47万元", "0万元"), (p.SmeReservedBudget.ToString(), p.SmallMicroReservedBudget.ToString()));
        Assert.Equal(("246.47万元", "0万元", "4.79万元"), (p.SmeReservedAwards.ToString(), p.SmallMicroReservedAwards.ToString(), p.SmeOtherAwards.ToString()));
        Assert.Equal((2, 1), (year.Assets!.Vehicles, year.Assets.LargeEquipment));
        // The sub-heading run into the sentence does not hide the subject: the claim is 机关运行经费's.
        Assert.Equal("184.65万元", year.OperatingCosts!.Actual.ToString());
        // Every figure the procurement reader took is attached, none listed as unread.
        Assert.DoesNotContain(year.Narrative.UnattachedFigures, u => u.Contains("采购", StringComparison.Ordinal));
    }

    [Fact]
    public void The_national_wording_with_shares_and_the_department_name_before_the_subject()
    {
        var year = Read(
            "十、其他重要事项的情况说明",
            "（一）机关运行经费支出情况",
            "2024年，青石县医疗保障局机关运行经费支出84.36万元，与2023年决算数减少13.5万元，下降13.79%。",
            "（二）政府采购支出情况",
            "2024年，青石县医疗保障局政府采购支出总额50万元，其中：政府采购货物支出10万元、政府采购工程支出0万元、政府采购服务支出40万元。",
            "授予中小企业合同金额20万元，占政府采购支出总额的40%，其中：授予小微企业合同金额5万元，占政府采购支出总额的10%。");

        var p = year.Procurement!;
        Assert.Equal(("50万元", "20万元", "5万元"), (p.Total.ToString(), p.SmeContracts.ToString(), p.SmallMicroContracts.ToString()));
        Assert.Equal(("40", "10"), (p.SmeSharePercent.ToString(), p.SmallMicroSharePercent.ToString()));
        Assert.Equal(("84.36万元", "97.86万元"), (year.OperatingCosts!.Actual.ToString(), year.OperatingCosts.Prior.ToString()));
        Assert.DoesNotContain(year.Narrative.UnattachedFigures, u => u.Contains("采购", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_with_a_procurement_section_of_its_own_reads_it_and_not_a_sub_section()
    {
        // The sub-section comes first: a reader that joined both texts would take its 99.00.
        var year = Read(
            "十、其他重要事项的情况说明",
            "（一）政府采购支出情况",
            "另有政府采购金额为99.00万元。",
            "十一、政府采购支出情况说明",
            "2024年度政府采购支出总额12.00万元，其中：政府采购货物支出12.00万元、政府采购工程支出0.00万元、政府采购服务支出0.00万元。");

        Assert.Equal("12.00万元", year.Procurement!.Total.ToString());
    }
}

/// <summary>Sentences the narrative reader ties together: a rate and the comparison that follows it, 三公 items by name.</summary>
public sealed class NarrativeLinkTests
{
    private static Domain.Model.DepartmentYear Read(params string[] lines)
    {
        var read = TextReportReader.Read(string.Join("\n", ["青石县医疗保障局", "2024年度部门决算", "第二部分 2024年度部门决算情况说明", "一、收入支出决算总体情况说明", "2024年度收入总计300.00万元。", .. lines]), "a.txt");
        Assert.True(read.Success, read.Error);
        return read.Value!;
    }

    [Fact]
    public void The_comparison_opening_the_next_sentence_belongs_to_the_rate_before_it()
    {
        var year = Read(
            "七、财政拨款“三公”经费支出决算情况说明",
            "2024 年“三公”经费财政拨款支出决算为 1.38 万元，完成预算数的 100%，较上年减少 0.02 万元，下降 1.43%。决算数与预算数持平的主要原因是严格执行预算。",
            "2024年度财政拨款安排培训费预算0万元，支出决算0万元。",
            "公务用车运行支出 0.00万元。");

        var claims = year.Narrative.Claims;
        Assert.Equal(Domain.Model.Direction.Flat, Assert.Single(claims, c => c.Subject.Concept == "threePublic.total").BudgetComparison);
        // 「财政拨款安排培训费」 is 培训费 (a column of table 09); 「公务用车运行支出」 is 公务用车运行维护费.
        Assert.Contains(claims, c => c.Subject.Concept == "training" && c.Budget is not null);
        Assert.Contains(claims, c => c.Subject.Concept == "threePublic.vehicleOperation");
    }

    [Fact]
    public void A_comparison_after_a_sentence_of_several_rates_is_left_unattached()
    {
        var year = Read(
            "七、财政拨款“三公”经费支出决算情况说明",
            "因公出国（境）费支出决算 0 万元，完成预算的 0%；公务接待费支出决算 0.07 万元，完成预算的 50%。决算数小于预算数的主要原因是压减开支。");

        var rates = year.Narrative.Claims.Where(c => c.CompletionPercent is not null).ToArray();
        Assert.Equal(2, rates.Length);
        Assert.All(rates, c => Assert.Null(c.BudgetComparison));
    }
}
