using Juesuan.Domain.Model;
using Juesuan.Import.Text;
using Juesuan.TestSupport;

namespace Juesuan.Import.Tests;

/// <summary>Self-evaluation tables read from the tab-separated samples, as a reviewer reads them.</summary>
public class EvaluationTextTests
{
    private static IReadOnlyList<Evaluation> Read(string name) =>
        TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), name)).Value!.Evaluations;

    [SkippableFact]
    public void Zhenan_has_a_department_table_and_three_project_tables()
    {
        var evaluations = Read("zhenan-2023-final-accounts.txt");
        Assert.Equal(1, evaluations.Count(e => e.Kind == EvaluationKind.Department));
        Assert.Equal(["离休老干医药费", "医疗保障事务管理", "职工体检费"], evaluations.Where(e => e.Kind == EvaluationKind.Project).Select(e => e.Name).ToArray());
    }

    [SkippableFact]
    public void Zhenan_department_table_states_871_44_executed_against_526_04()
    {
        var department = Read("zhenan-2023-final-accounts.txt").Single(e => e.Kind == EvaluationKind.Department);
        Assert.Equal(526.04m, department.Funds[0].FullYearBudget!.Value.Value);
        Assert.Equal(526.04m, department.Funds[0].Executed!.Value.Value);
        Assert.Equal(871.44m, department.Funds.Single(f => f.Source == "财政拨款").Executed!.Value.Value);
        Assert.Equal(3, department.Tasks.Count);
        Assert.Equal(100m, department.TotalScore!.Value.Value);
    }

    [SkippableFact]
    public void Zhenan_retired_cadres_project_states_29_3_percent_where_b_over_a_is_100()
    {
        var project = Read("zhenan-2023-final-accounts.txt").Single(e => e.Name == "离休老干医药费");
        var funds = project.Funds[0];
        Assert.Equal((80m, 23.44m, 23.44m), (funds.InitialBudget!.Value.Value, funds.FullYearBudget!.Value.Value, funds.Executed!.Value.Value));
        Assert.Equal(29.3m, project.ExecutionRatePercent!.Value.Value);
        Assert.Equal(10m, project.ExecutionScore!.Value.Value);
        var cost = project.Indicators.Single(i => i.Level3.Contains("预计医疗", StringComparison.Ordinal));
        Assert.Equal(("80 万", "23.44", 10m, 10m), (cost.Target, cost.Actual, cost.Weight!.Value.Value, cost.Score!.Value.Value));
        Assert.Contains("实际离休人员", cost.DeviationReason, StringComparison.Ordinal);
        Assert.Equal(90m, project.Indicators.Sum(i => i.Weight!.Value.Value));
    }

    [SkippableFact]
    public void Heshui_department_table_in_yuan_with_its_rate_column()
    {
        var department = Assert.Single(Read("heshui-2024-performance-self-evaluation.txt"));
        Assert.Equal(Domain.Numbers.MoneyUnit.Yuan, department.Funds[0].Executed!.Value.Unit);
        Assert.Equal(7747870.08m, department.Funds[0].Executed!.Value.Value);
        Assert.Equal(93.63m, department.ExecutionRatePercent!.Value.Value);
        Assert.Equal(90m, department.Indicators.Sum(i => i.Weight!.Value.Value));
        Assert.Equal(93.03m, department.TotalScore!.Value.Value);
        Assert.Equal(department.TotalScore.Value.Value, department.ExecutionScore!.Value.Value + department.Indicators.Sum(i => i.Score!.Value.Value));
        Assert.Contains(department.Indicators, i => i.Level1 == "部门管理" && i.Level3 == "基本支出预算执行率" && i.Target == "=100%");
    }

    [SkippableFact]
    public void Xigong_department_table_states_an_execution_score_of_7_96_at_a_rate_of_83_05()
    {
        var department = Assert.Single(Read("xigong-2022-final-accounts.txt"), e => e.Kind == EvaluationKind.Department);
        Assert.Equal(EvaluationKind.Department, department.Kind);
        Assert.Equal("洛阳市西工区医疗保障局", department.Name);
        var funds = department.Funds[0];
        Assert.Equal((166.99m, 166.99m, 138.68m), (funds.InitialBudget!.Value.Value, funds.FullYearBudget!.Value.Value, funds.Executed!.Value.Value));
        Assert.Equal((83.05m, 10m, 7.96m), (department.ExecutionRatePercent!.Value.Value, department.ExecutionWeight!.Value.Value, department.ExecutionScore!.Value.Value));
        Assert.Equal(96.71m, department.TotalScore!.Value.Value);
        var budget = department.Indicators.Single(i => i.Level3 == "预算执行率");
        Assert.Equal(("≥90%", "71.64%", 2m, 1.59m), (budget.Target, budget.Actual, budget.Weight!.Value.Value, budget.Score!.Value.Value));
    }

    [SkippableFact]
    public void Longxian_department_table_scores_an_indicator_above_its_weight_and_totals_95()
    {
        var evaluations = Read("longxian-2022-final-accounts.txt");
        Assert.Equal(5, evaluations.Count(e => e.Kind == EvaluationKind.Project));
        var department = evaluations.Single(e => e.Kind == EvaluationKind.Department);
        var supervision = department.Indicators.Single(i => i.Level3 == "提升全县医保基金监管水平");
        Assert.Equal((5m, 10m), (supervision.Weight!.Value.Value, supervision.Score!.Value.Value));
        Assert.Equal(95m, department.TotalScore!.Value.Value);
    }

    [SkippableFact]
    public void Quxian_sichuan_project_tables_are_read_with_their_funds()
    {
        var evaluations = Read("quxian-2022-final-accounts.txt");
        Assert.True(evaluations.Count >= 21, $"{evaluations.Count} tables");
        var first = evaluations[0];
        Assert.StartsWith("51172522R000000257337", first.Name, StringComparison.Ordinal);
        Assert.Equal((93.89m, 93.81m, 93.81m), (first.Funds[0].InitialBudget!.Value.Value, first.Funds[0].FullYearBudget!.Value.Value, first.Funds[0].Executed!.Value.Value));
        Assert.Equal(100.00m, first.ExecutionRatePercent!.Value.Value);
    }

    [SkippableFact]
    public void Xigong_henan_summary_table_gives_the_six_projects()
    {
        var projects = Read("xigong-2022-final-accounts.txt").Where(e => e.Kind == EvaluationKind.Project).ToArray();
        Assert.Equal(6, projects.Length);
        var travel = projects.Single(p => p.Name == "医疗保障工作经费-差旅费");
        Assert.Equal((1m, 0.03m, 3m, 71.16m), (travel.Funds[0].FullYearBudget!.Value.Value, travel.Funds[0].Executed!.Value.Value, travel.ExecutionRatePercent!.Value.Value, travel.TotalScore!.Value.Value));
        Assert.Contains(projects, p => p.Name == "医疗保障基金审计费（签批）" && p.TotalScore!.Value.Value == 50m);
    }

    [Theory]
    [InlineData("服务对象满意度 ≥90% 95% 10 10", true)]
    [InlineData("服务对象满意度 ≥90% 95% 10 10 因疫情影响，部分培训延期。", true)]
    [InlineData("点医药机构共 439 家，追回违规医疗机构基金 157.1 万元；", false)]
    [InlineData("参保率为 98%。", false)]
    [InlineData("2022 年以来检查定点医药机构共 439 家，追回违规医疗机", false)]
    public void An_indicator_row_is_told_from_a_line_of_a_sentence_printing_two_figures(string line, bool row)
    {
        // Inside a self-evaluation table a row is no prose; 渠县's 年度目标完成情况 prints sentences there whose lines hold two figures.
        Assert.Equal(row, TextReportReader.IndicatorRow(new ReportLine(1, line)));
    }

    [Fact]
    public void A_table_whose_layout_cannot_be_read_is_reported()
    {
        var text = "某县医疗保障局\n2024年度部门决算\n\n一、收入支出决算总体情况说明\n\n2024年收入总计、支出总计均为100.00万元。\n\n火星项目支出绩效自评表\n\n这一行 没有 任何 数字\n另 一 行\n";
        var result = TextReportReader.Read(text, "unknown.txt");
        Assert.True(result.Success, result.Error);
        Assert.Contains(result.Issues, i => i.Message.Contains("尚不能读取", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Xigong_department_table_reads_the_deviation_column_apart_from_the_reason()
    {
        // 「结转结余率 ≤20% 28.36% 2 1.16 41.80% 因疫情原因，未能及时进行支付」, 「专项资金细化率 ≥95% 100% 2 2 0.00%」.
        var department = Read("xigong-2022-final-accounts.txt").Single(e => e.Kind == EvaluationKind.Department);
        var carried = department.Indicators.Single(i => i.Level3 == "结转结余率");
        Assert.Equal((41.80m, 2), (carried.DeviationPercent!.Value.Value, carried.DeviationPercent.Value.Decimals));
        Assert.Equal("因疫情原因，未能及时进行支付", carried.DeviationReason);
        Assert.Equal(-20.40m, department.Indicators.Single(i => i.Level3 == "预算执行率").DeviationPercent!.Value.Value);
        var met = department.Indicators.Single(i => i.Level3 == "专项资金细化率");
        Assert.Equal((0m, (string?)null), (met.DeviationPercent!.Value.Value, met.DeviationReason));
    }
}

/// <summary>What the P.* rules find in the self-evaluations read from the samples (the cases issue 6 names).</summary>
public class EvaluationAuditTests
{
    private static Juesuan.Audit.AuditReport Audit(string name) =>
        Juesuan.Audit.Auditor.Audit(TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), name)).Value!);

    [SkippableFact]
    public void Longxian_scores_an_indicator_10_of_5()
    {
        Assert.Contains(Audit("longxian-2022-final-accounts.txt").Findings, f => f.Rule == "P.SCORE_ABOVE_WEIGHT" && f.Severity == Juesuan.Audit.Severity.Error && f.Message.Contains("提升全县医保基金监管水平", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Longxian_department_total_95_is_not_the_sum_100_and_integers_are_not_read_as_rounded()
    {
        // Twelve integer scores read as rounded (±0.5 each) would absorb the gap of 5; scores are exact to two decimals.
        var finding = Assert.Single(Audit("longxian-2022-final-accounts.txt").Findings, f => f.Rule == "P.TOTAL" && f.Severity == Juesuan.Audit.Severity.Error);
        Assert.Contains("部门整体支出绩效自评表（陇县医疗保障局） 总分写作 95", finding.Message, StringComparison.Ordinal);
        Assert.Equal(("100", "95", "-5"), (finding.Expected, finding.Actual, finding.Difference));
    }

    [SkippableFact]
    public void Xigong_execution_score_7_96_should_be_8_30()
    {
        var finding = Assert.Single(Audit("xigong-2022-final-accounts.txt").Findings, f => f.Rule == "P.EXECUTION");
        Assert.Equal(("8.30", "7.96"), (finding.Expected, finding.Actual));
    }

    [SkippableFact]
    public void Zhenan_rate_29_3_where_b_over_a_is_100_and_871_44_against_the_accounts()
    {
        var findings = Audit("zhenan-2023-final-accounts.txt").Findings;
        Assert.Contains(findings, f => f.Rule == "P.EXECUTION" && f.Message.Contains("离休老干医药费", StringComparison.Ordinal) && f.Expected == "100.00%" && f.Actual == "29.3%");
        Assert.Contains(findings, f => f.Rule == "P.FUNDS_VS_ACCOUNTS" && f.Message.Contains("871.44", StringComparison.Ordinal) && f.Expected == "526.04" && f.Difference == "345.40");
    }

    [SkippableFact]
    public void Zhenan_tasks_add_up_to_the_funds_total_within_rounding()
    {
        Assert.DoesNotContain(Audit("zhenan-2023-final-accounts.txt").Findings, f => f.Rule == "P.TASKS");
    }

    [SkippableFact]
    public void Tables_the_import_could_not_read_whole_are_not_checked_instead_of_blamed()
    {
        var findings = Audit("longxian-2022-final-accounts.txt").Findings;
        Assert.Contains(findings, f => f.Rule is "P.TOTAL" or "P.WEIGHTS_TOTAL" && f.Kind == Juesuan.Audit.FindingKind.NotChecked);
    }

    [SkippableFact]
    public void Xigong_department_table_rows_whose_name_wraps_onto_lines_of_its_own_are_read_whole()
    {
        var year = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "xigong-2022-final-accounts.txt")).Value!;
        var department = year.Evaluations.Single(e => e.Kind == EvaluationKind.Department);
        Assert.False(department.IncompleteIndicators);
        Assert.Equal(24, department.Indicators.Count);
        Assert.Equal(90m, department.Indicators.Sum(i => i.Weight!.Value.Value));
        var wrapped = department.Indicators.Single(i => i.Level3 == "参保群众政策内医疗费用医保补偿率");
        Assert.Equal(("效益指标", "履职效益", "≥65%", "80%", 20m), (wrapped.Level1, wrapped.Level2, wrapped.Target, wrapped.Actual, wrapped.Weight!.Value.Value));

        // Read whole, the table is checked: its weights and total agree, only the known execution-score error remains.
        var findings = Audit("xigong-2022-final-accounts.txt").Findings.Where(f => f.Rule.StartsWith("P.", StringComparison.Ordinal)).ToArray();
        Assert.DoesNotContain(findings, f => f.Kind == Juesuan.Audit.FindingKind.NotChecked);
        Assert.Equal(["P.EXECUTION"], findings.Where(f => f.Severity == Juesuan.Audit.Severity.Error).Select(f => f.Rule));
    }

    [SkippableFact]
    public void The_projects_the_narrative_says_it_reflects_are_the_project_forms_attached()
    {
        // 镇安: 「反映职工体检费项目等3个一级项目的绩效自评结果，涉及预算资金416.3万元」 — three project forms whose 年初预算数 add to
        // 80 + 49.30 + 287 = 416.30: nothing to say. Another amount, or another count, is said once at the sentence.
        var text = File.ReadAllText(Path.Combine(Paths.RequireSamples(), "zhenan-2023-final-accounts.txt"));
        static IEnumerable<Juesuan.Audit.Finding> Said(string report) =>
            Juesuan.Audit.Auditor.Audit(TextReportReader.Read(report, "zhenan.txt").Value!).Findings.Where(f => f.Rule == "N.EVALUATED_PROJECTS");
        Assert.Empty(Said(text));

        var money = Assert.Single(Said(text.Replace("涉及预算资金416.3万元", "涉及预算资金426.3万元", StringComparison.Ordinal)));
        Assert.Equal("426.3", money.Actual);
        Assert.Contains("年初预算数之和 416.30万元", money.Message, StringComparison.Ordinal);

        var count = Said(text.Replace("等3个一级项目", "等4个一级项目", StringComparison.Ordinal).Replace("等 3 个一级项目", "等 4 个一级项目", StringComparison.Ordinal)).ToArray();
        // 镇安 states the count twice (「等3个」 with the money, 「等 3 个」 again): one finding, at the first.
        Assert.Equal("3", Assert.Single(count).Expected);
    }
}
