using Juesuan.Formats;
using Juesuan.Audit;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.Import.Text;
using Juesuan.TestSupport;

namespace Juesuan.Import.Tests;

/// <summary>What a person reading each shared sample sees, read from its text.</summary>
public class XigongTextTests
{
    private static ImportResult Read() => TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "xigong-2022-final-accounts.txt"));

    [SkippableFact]
    public void Department_year_and_template()
    {
        var year = Read().Value!;
        Assert.Equal("洛阳市西工区医疗保障局", year.Department.Name);
        Assert.Equal(2022, year.Year);
        Assert.Equal("national-2022", year.TemplateId);
        Assert.Equal(9, year.Tables.Count);
    }

    [SkippableFact]
    public void Key_cells_of_the_tables()
    {
        var year = Read().Value!;
        Assert.Equal(105.59m, year.Table(TableIds.Expenditure)!.AmountAt("2101501", "basic")!.Value.Value);
        Assert.Equal(122.99m, year.Table(TableIds.GpbBasicEconomic)!.AmountAt("personnel.total", "amount")!.Value.Value);
        Assert.Equal(36.72m, year.Table(TableIds.GpbBasicEconomic)!.AmountAt("30101", "amount")!.Value.Value);
        var income = year.Table(TableIds.IncomeExpenditureSummary)!.Row("income.total")!;
        Assert.Equal(27, income.Line);
        Assert.Equal(138.68m, income.Cell("amount")!.Value!.Value.Value);
        Assert.Equal(121.96m, year.Table(TableIds.FiscalSummary)!.AmountAt("210", "general")!.Value.Value);
        // The wrapped name 「机关事业部门基本养老保险缴 / 费支出」 is joined and its numbers kept.
        var wrapped = year.Table(TableIds.Income)!.Row("2080505")!;
        Assert.Equal("机关事业部门基本养老保险缴费支出", wrapped.Label);
        Assert.Equal(9.97m, wrapped.Cell("fiscal")!.Value!.Value.Value);
    }

    [SkippableFact]
    public void Procurement_and_three_public_counts_are_read()
    {
        var year = Read().Value!;
        Assert.Equal(0m, year.Procurement!.Total!.Value.Value);
        Assert.Equal(0m, year.Procurement.SmallMicroContracts!.Value.Value);
        Assert.Equal((0, 0, 0), (year.ThreePublic!.AbroadGroups, year.ThreePublic.VehiclesHeld, year.ThreePublic.DomesticReceptionBatches));
    }

    [SkippableFact]
    public void Empty_tables_carry_their_statement()
    {
        var year = Read().Value!;
        foreach (var id in new[] { TableIds.GovFund, TableIds.SoeExpenditure, TableIds.ThreePublic })
        {
            Assert.Contains("本表无数据", year.Table(id)!.EmptyStatement, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void A_row_whose_code_no_function_code_can_be_is_read_as_printed_and_said()
    {
        // A misprinted 类 (「4101502」 for 2101502) keeps its row and figures; the import says so, the audit finds it there.
        var text = File.ReadAllText(Path.Combine(Paths.RequireSamples(), "xigong-2022-final-accounts.txt"))
            .Replace("2101502 一般行政管理事务 7.20 7.20 0.00", "4101502 一般行政管理事务 7.20 7.20 0.00", StringComparison.Ordinal);
        var result = TextReportReader.Read(text, "xigong-misprinted.txt");
        var row = result.Value!.Table(TableIds.Income)!.Row("4101502");
        Assert.Equal(7.20m, row!.Cells[0].Value!.Value.Value);
        Assert.Contains(result.Issues, i => i.Message.Contains("「4101502 一般行政管理事务」的科目编码不是支出功能分类的编码", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Claims_of_section_one_and_the_item_paragraphs()
    {
        var year = Read().Value!;
        Assert.Equal(13, year.Narrative.Sections.Count);
        var total = year.Narrative.Claims.Single(c => c.Subject.Concept == Concepts.IncomeGrandTotal && c.Subject.Scope == Scopes.All);
        Assert.Equal(new Amount(138.68m, 2, MoneyUnit.WanYuan), total.Amount);
        Assert.Equal(new Amount(43.10m, 2, MoneyUnit.WanYuan), total.Change);
        Assert.Equal(Direction.Increase, total.ChangeDirection);
        Assert.Equal(45.09m, total.ChangePercent!.Value.Value);
        var items = year.Narrative.Claims.Where(c => c.Subject.Code is { Length: 7 }).ToArray();
        Assert.Equal(new[] { "2080505", "2101101", "2101501", "2101502", "2210201" }, items.Select(c => c.Subject.Code!).Order(StringComparer.Ordinal).ToArray());
        var pension = items.Single(c => c.Subject.Code == "2080505");
        Assert.Equal(10.72m, pension.Budget!.Value.Value);
        Assert.Equal(92.97m, pension.CompletionPercent!.Value.Value);

        // 「机关运行经费较上年度增长 6.91 万元，增长 437.86%」 after the section's 「…支出决算为 8.49 万元」: one quantity, so the
        // change is checked against the amount.
        var operating = year.Narrative.Claims.Where(c => c.Subject.Concept == Concepts.OperatingCosts).ToArray();
        Assert.Equal([8.49m, 6.91m], operating.Select(c => (c.Amount ?? c.Change)!.Value.Value));
        Assert.All(operating, c => Assert.Equal(Scopes.Gpb, c.Subject.Scope));
    }

    [SkippableFact]
    public void The_imported_report_audits_like_a_careful_reader_finds_it()
    {
        // The final accounts themselves; the self-evaluation (P.*) findings are asserted in EvaluationAuditTests.
        var report = Auditor.Audit(Read().Value!);
        var errors = report.Findings.Where(f => f.Severity == Severity.Error && !f.Rule.StartsWith("P.", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(f => f.Message)));
        Assert.Contains(report.Findings, f => f.Rule == "N.COMPLETION" && f.Kind == FindingKind.Rounding && f.Message.Contains("92.97", StringComparison.Ordinal));
    }
}

public class ZhenanTextTests
{
    private static ImportResult Read() => TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "zhenan-2023-final-accounts.txt"));

    [SkippableFact]
    public void The_self_evaluation_tables_inside_section_13_are_tables_not_narrative()
    {
        var year = Read().Value!;
        var performance = year.Narrative.Sections.Single(s => s.Key == "performance");
        Assert.DoesNotContain("年度绩效指标完成情况", performance.Text, StringComparison.Ordinal);
        Assert.Contains("单位整体支出自评得分100", performance.Text, StringComparison.Ordinal);
        Assert.Equal(4, year.Evaluations.Count);
    }

    [SkippableFact]
    public void Operating_costs_and_a_stated_absence_of_procurement_are_read_as_data()
    {
        var year = Read().Value!;

        // 「2023 年度机关运行经费预算 6.71 万元，支出决算 6.27 万元…支出决算比上年减少 0.44 万元」
        Assert.Equal(("6.27万元", "6.71万元", "6.71万元"), (year.OperatingCosts!.Actual.ToString(), year.OperatingCosts.Budget.ToString(), year.OperatingCosts.Prior.ToString()));

        // 「本年度无政府采购支出。」 is a zero, not a missing figure.
        Assert.Equal(0m, year.Procurement!.Total!.Value.Value);
    }

    [SkippableFact]
    public void The_reasons_of_the_item_paragraphs_become_budget_explanations()
    {
        var explanations = Read().Value!.Explanations;
        Assert.Equal(7, explanations.Count);
        Assert.All(explanations, e => Assert.Equal(ExplanationTopic.Budget, e.Topic));
        Assert.Contains(explanations, e => e.Subject == new FactKey(Concepts.ExpenseTotal, "2101101", Scopes.Gpb) && e.Text == "离休老干药费项目支出减少");
        Assert.Contains(explanations, e => e.Subject.Code == "2080505" && e.Text == "年初预算将此项目列入卫生健康支出");
    }

    [SkippableFact]
    public void Department_year_template_and_tables()
    {
        var year = Read().Value!;
        Assert.Equal("镇安县医疗保障局", year.Department.Name);
        Assert.Equal(2023, year.Year);
        Assert.Equal("shaanxi-2022", year.TemplateId);
        Assert.Equal(9, year.Tables.Count);
        Assert.Equal("本部门不涉及 故公开空表", year.Table(TableIds.SoeExpenditure)!.EmptyStatement);
    }

    [SkippableFact]
    public void Key_cells_keep_their_printed_precision_and_blanks()
    {
        var year = Read().Value!;
        Assert.Equal(154.45m, year.Table(TableIds.GpbBasicEconomic)!.AmountAt("personnel.total", "amount")!.Value.Value);
        var run = year.Table(TableIds.Expenditure)!.Row("2101501")!.Cell("total")!.Value!.Value;
        Assert.Equal((137.7m, 1), (run.Value, run.Decimals));
        Assert.Null(year.Table(TableIds.Income)!.Row("total")!.Cell("superior")!.Value);
        var t09 = year.Table(TableIds.ThreePublicMeetingTraining)!;
        Assert.Equal(0.32m, t09.AmountAt("actual", "reception")!.Value.Value);
        Assert.Equal(1.10m, t09.AmountAt("actual", "meeting")!.Value.Value);
    }

    [SkippableFact]
    public void Staffing_assets_and_counts_are_read()
    {
        var year = Read().Value!;
        Assert.Equal((7, 8, 1), (year.Staffing!.Authorized, year.Staffing.Actual, year.Staffing.Retired));
        Assert.Equal(0, year.Assets!.Vehicles);
        Assert.Equal(0, year.Assets.VehiclesByKind["副部（省）级以上领导用车"]);
        Assert.Equal(0, year.Assets.VehiclesPurchasedThisYear);
    }

    [SkippableFact]
    public void The_yuan_slip_is_read_as_printed()
    {
        var basic = Read().Value!.Narrative.Claims.Single(c => c.Subject.Concept == Concepts.ExpenseBasic && c.Subject.Scope == Scopes.Gpb);
        Assert.Equal("154.78元", basic.Amount!.Value.ToString());
    }

    [SkippableFact]
    public void The_imported_report_has_the_errors_the_issue_names()
    {
        var report = Auditor.Audit(Read().Value!);
        var errors = report.Findings.Where(f => f.Severity == Severity.Error && !f.Rule.StartsWith("P.", StringComparison.Ordinal)).Select(f => f.Rule).Order(StringComparer.Ordinal).ToArray();
        Assert.True(errors.SequenceEqual(["N.AMOUNT", "N.AMOUNT", "N.UNIT", "T06.CLASS_SUM"]), string.Join("\n", report.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message)));
        Assert.Contains(report.Findings, f => f.Rule == "T03.HIERARCHY" && f.Kind == FindingKind.Rounding && f.Message.Contains("160.72", StringComparison.Ordinal));
    }
}

public class NarrativeOnlySampleTests
{
    [SkippableFact]
    public void Longxian_tables_published_as_images_are_reported_and_the_narrative_is_read()
    {
        var result = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "longxian-2022-final-accounts.txt"));
        var year = result.Value!;
        Assert.Equal("陇县医疗保障局", year.Department.Name);
        Assert.Equal("shaanxi-2022", year.TemplateId);
        Assert.Empty(year.Tables);
        Assert.Contains(result.Issues, i => i.Message.Contains("图片", StringComparison.Ordinal));
        Assert.Contains(year.Narrative.Claims, c => c.Subject.Concept == Concepts.IncomeGrandTotal && c.Amount == new Amount(731.03m, 2, MoneyUnit.WanYuan));
    }

    [SkippableFact]
    public void The_three_public_counts_are_read_as_each_county_words_them()
    {
        // 渠县: 「团组 0 次，出国（境）0 人」「更新购置公务用车 0 辆」「单位共有公务用车 0 辆」「国内公务接待 1 批次，10 人次」「外事接待 0 批次，0 人」.
        var quxian = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "quxian-2022-final-accounts.txt")).Value!.ThreePublic!;
        Assert.Equal((0, 0, 0, 0, 1, 10, 0, 0), (quxian.AbroadGroups, quxian.AbroadPersons, quxian.VehiclesPurchased, quxian.VehiclesHeld,
            quxian.DomesticReceptionBatches, quxian.DomesticReceptionPersons, quxian.ForeignReceptionBatches, quxian.ForeignReceptionPersons));

        // 陇县: 「共接待国内来访团组 9 个，来宾 56 人次」 — a reception, never a trip abroad.
        var longxian = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "longxian-2022-final-accounts.txt")).Value!.ThreePublic!;
        Assert.Equal((9, 56), (longxian.DomesticReceptionBatches, longxian.DomesticReceptionPersons));
        Assert.Null(longxian.AbroadGroups);
    }

    [SkippableFact]
    public void Quxian_items_resolve_to_their_codes_and_an_unknown_item_is_reported_not_dropped()
    {
        var path = Path.Combine(Paths.RequireSamples(), "quxian-2022-final-accounts.txt");
        var result = TextReportReader.ReadFile(path);
        Assert.Equal("sichuan-2022", result.Value!.TemplateId);
        Assert.DoesNotContain(result.Issues, i => i.Message.Contains("对应到科目编码", StringComparison.Ordinal));
        Assert.Contains(result.Value.Narrative.Claims, c => c.Subject.Code == "2089999" && c.Amount is not null);
        Assert.Contains(result.Value.Narrative.Claims, c => c.Subject.Code == "2100199" && c.Amount is not null);

        // The same paragraph naming an item no catalog knows is reported, and its figure kept: listed as unattached or
        // read as a statement about what the paragraph names — never dropped, never given a code.
        var text = File.ReadAllText(path).Replace("他社会保障和就业支出（项）: 支出决算为 3.55", "他虚构支出（项）: 支出决算为 3.55", StringComparison.Ordinal);
        var altered = TextReportReader.Read(text, "quxian-altered.txt");
        Assert.Contains(altered.Issues, i => i.Message.Contains("其他虚构支出（项）", StringComparison.Ordinal));
        var narrative = altered.Value!.Narrative;
        Assert.True(narrative.UnattachedFigures.Any(f => f.Contains("五、", StringComparison.Ordinal) && f.Contains("3.55", StringComparison.Ordinal))
            || narrative.Claims.Any(c => c.Amount == new Amount(3.55m, 2, MoneyUnit.WanYuan) && c.Subject.Code is null && c.Sentence!.Contains("虚构", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void Quxian_totals_carry_their_change_against_2021()
    {
        // 「2022 年度收、支总计 7413.59 万元。与 2021 年相比，收、支总计各减少 1740.65 万元，下降 18.3%。」 — the same for 财政拨款.
        var claims = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "quxian-2022-final-accounts.txt")).Value!.Narrative.Claims;
        foreach (var scope in new[] { Scopes.All, Scopes.Fiscal })
        {
            var total = Assert.Single(claims, c => c.Subject == new FactKey(Concepts.IncomeGrandTotal, Scope: scope));
            Assert.Equal((7413.59m, 1740.65m, Direction.Decrease, 18.3m), (total.Amount!.Value.Value, total.Change!.Value.Value, total.ChangeDirection, total.ChangePercent!.Value.Value));
        }
    }

    [SkippableFact]
    public void Quxian_sentences_inside_self_evaluation_tables_are_read_though_their_lines_print_two_figures()
    {
        // 「点医药机构共 439 家，追回违规医疗机构基金 157.1 万元；」 in 年度目标完成情况, twice in the report: a line of a
        // sentence, not an indicator row (「…覆盖率 ≥95 98% 10 10」), though it prints two figures.
        var claims = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "quxian-2022-final-accounts.txt")).Value!.Narrative.Claims;
        var recovered = claims.Where(c => c.Subject.Concept.EndsWith(":追回违规医疗机构基金", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, recovered.Length);
        Assert.All(recovered, c => Assert.Equal(new Amount(157.1m, 1, MoneyUnit.WanYuan), c.Amount));
    }

    [SkippableFact]
    public void Quxian_three_public_statements_are_the_columns_of_table_09_however_worded()
    {
        // 「2022 年“三公”经费财政拨款支出决算为 1.38 万元，完成预算数的 100%」 (no budget figure, the quote cut by the
        // reader's subject), 「1.因公出国（境）经费支出 0 万元」 (a name cut by its parenthesis), 「公务用车购置及运行维护费支出
        // 1.31 万元」.
        var claims = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "quxian-2022-final-accounts.txt")).Value!.Narrative.Claims;
        decimal?[] Amounts(string concept) => [.. claims.Where(c => c.Subject == new FactKey(concept, Scope: Scopes.Fiscal) && c.Amount is not null).Select(c => (decimal?)c.Amount!.Value.Value)];
        Assert.Equal([1.38m], Amounts(Concepts.ThreePublicTotal));
        Assert.Equal([0m, 0m], Amounts("threePublic.abroad"));
        Assert.Contains(1.31m, Amounts("threePublic.vehicles"));
        Assert.Contains(1.31m, Amounts("threePublic.vehicleOperation"));
        Assert.DoesNotContain(claims, c => Concepts.StatedSubject(c.Subject.Concept) is "经费支出");
    }

    [Fact]
    public void Two_prose_paragraphs_printing_the_same_sentence_are_two_quantities()
    {
        // Two appended project reports from one template: 「本项目资金 50 万元」 and 「本项目资金 120 万元」 at the same offset of
        // their paragraphs are not one figure stated twice.
        const string text = "某县医疗保障局\n2024年度部门决算\n\n一、收入支出决算总体情况说明\n\n2024年收入总计、支出总计均为100.00万元。\n\n第四部分 附件\n\n项目一：本项目资金50万元，已全部到位。\n\n项目二：本项目资金120万元，已全部到位。\n";
        var year = TextReportReader.Read(text, "two-projects.txt").Value!;
        var funds = year.Narrative.Claims.Where(c => c.Section == SectionKeys.Prose && c.Amount is not null).ToArray();
        Assert.Equal([50m, 120m], funds.Select(c => c.Amount!.Value.Value));
        Assert.NotEqual(funds[0].Subject, funds[1].Subject);
        Assert.DoesNotContain(Auditor.Audit(year).Findings, f => f.Severity == Severity.Error && f.Message.Contains("不一致", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Heshui_self_evaluation_report_is_read_for_its_department_and_year()
    {
        var result = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "heshui-2024-performance-self-evaluation.txt"));
        Assert.Equal("合水县医疗保障局", result.Value!.Department.Name);
        Assert.Equal(2024, result.Value.Year);
        // A stand-alone self-evaluation report: it has no public tables to miss, so no note says they may be images.
        Assert.Equal(DocumentKind.SelfEvaluationReport, result.Value.Kind);

        // None of its headings is a template's: the default template, not the one with the fewest sections.
        Assert.Equal(Juesuan.Domain.Templates.TemplateLibrary.DefaultTemplateId, result.Value.TemplateId);
        Assert.Single(result.Value.Evaluations);
        Assert.DoesNotContain(result.Issues, i => i.Message.Contains("图片", StringComparison.Ordinal));

        // 「门诊慢特病44203人次1448.53万元（基本999.14万元，…）」: one quantity in the report's words, its count and amount kept.
        var outpatient = result.Value.Narrative.Claims.Single(c => Concepts.StatedSubject(c.Subject.Concept) == "门诊慢特病");
        Assert.Equal((44203m, "人次", 1448.53m), (outpatient.Count!.Value.Value, outpatient.CountUnit, outpatient.Amount!.Value.Value));
    }

    [SkippableFact]
    public void Heshui_states_its_basic_spending_twice_differently_and_its_parts_short_of_the_total()
    {
        // Issue 11's acceptance: 「预算总支出 774.79 万元，其中，基本支出 346.63 万元…。项目支出 298.58 万元」 — 346.63 + 298.58
        // ≠ 774.79 — while two other paragraphs give 基本支出 as 476.21 万元.
        var year = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "heshui-2024-performance-self-evaluation.txt")).Value!;
        var findings = Auditor.Audit(year).Findings;
        Assert.Contains(findings, f => f.Rule == "N.PARTS" && f.Message.Contains("774.79万元", StringComparison.Ordinal) && f.Message.Contains("346.63", StringComparison.Ordinal) && f.Message.Contains("645.21", StringComparison.Ordinal));
        var restated = Assert.Single(findings, f => f.Rule == "N.RESTATED" && f.Message.Contains("基本支出", StringComparison.Ordinal));
        Assert.Equal("346.63万元", restated.Actual);
        Assert.Equal("476.21万元", restated.Expected);

        // 「全年支出 298.58 元」: a report without tables is measured by its own unit, not by tables it does not have.
        var unit = Assert.Single(findings, f => f.Rule == "N.UNIT");
        Assert.Contains("而本报告的金额以万元计", unit.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Final_accounts_reports_are_not_taken_for_self_evaluation_reports()
    {
        foreach (var file in new[] { "longxian-2022-final-accounts.txt", "quxian-2022-final-accounts.txt", "xigong-2022-final-accounts.txt" })
        {
            Assert.Equal(DocumentKind.FinalAccounts, TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), file)).Value!.Kind);
        }

        // Zhenan titles itself 「2023 年度单位决算」 (a department that is its one budget unit): a unit's disclosure, kept apart
        // from a 部门决算 in a store, and filed under its department by intake.
        Assert.Equal(DocumentKind.UnitFinalAccounts, TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "zhenan-2023-final-accounts.txt")).Value!.Kind);
    }

    [Fact]
    public void A_unit_titles_its_disclosure_so_and_a_department_never_does()
    {
        static DocumentKind Kind(string title) => TextReportReader.Read($"{title}\n\n第一部分 单位概况\n一、主要职能\n负责本单位工作。\n", "t.txt").Value!.Kind;
        Assert.Equal(DocumentKind.UnitFinalAccounts, Kind("某某县医疗保险经办中心\n2024年度单位决算"));
        Assert.Equal(DocumentKind.FinalAccounts, Kind("某某县医疗保障局\n2024年度部门决算"));
        Assert.Equal(DocumentKind.FinalAccounts, Kind("某某县医疗保障局\n2024年度单位决算\n2024年度部门决算"));
    }
}

/// <summary>Bad input gives a clear error and never a crash.</summary>
public class TextImportRobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("\0\0\0PK\u0003\u0004binary")]
    public void Garbage_gives_a_clear_error(string text)
    {
        var result = TextReportReader.Read(text, "garbage.txt");
        Assert.False(result.Success);
        Assert.Contains("garbage.txt", result.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_truncated_report_keeps_what_could_be_read()
    {
        var text = File.ReadAllText(Path.Combine(Paths.RequireSamples(), "zhenan-2023-final-accounts.txt"));
        var result = TextReportReader.Read(text[..(text.Length * 2 / 3)], "truncated.txt");
        Assert.True(result.Success);
        Assert.NotEmpty(result.Value!.Narrative.Claims);
    }

    [SkippableFact]
    public void Mutated_samples_never_crash_the_reader()
    {
        var samples = Paths.RequireSamples();
        var random = new Random(20241122);
        foreach (var name in new[] { "xigong-2022-final-accounts.txt", "zhenan-2023-final-accounts.txt", "longxian-2022-final-accounts.txt" })
        {
            var lines = File.ReadAllLines(Path.Combine(samples, name));
            for (var round = 0; round < 60; round++)
            {
                var mutated = lines.ToList();
                for (var k = 0; k < 25; k++)
                {
                    var at = random.Next(mutated.Count);
                    switch (random.Next(5))
                    {
                        case 0: mutated.RemoveAt(at); break;
                        case 1: mutated.Insert(at, mutated[random.Next(mutated.Count)]); break;
                        case 2: mutated[at] = mutated[at].Length > 2 ? mutated[at][..random.Next(mutated[at].Length)] : mutated[at]; break;
                        case 3: mutated[at] = mutated[at].Replace('.', random.Next(2) == 0 ? ',' : '。'); break;
                        default: mutated[at] += "\t" + random.Next(100000) + "." + random.Next(100); break;
                    }
                }

                var result = TextReportReader.Read(string.Join('\n', mutated), name);
                if (result.Success)
                {
                    _ = Auditor.Audit(result.Value!);
                }
            }
        }
    }
}

/// <summary>
/// 「国内公务接待支出 X 万元」 (reception, the domestic part) is read as the 公务接待费 the tables give when the section
/// states foreign receptions as nothing or not at all — the way four of the samples word it.
/// </summary>
public sealed class DomesticReceptionTests
{
    [SkippableTheory]
    [InlineData("zhenan-2023-final-accounts.txt", "0.32")]
    [InlineData("quxian-2022-final-accounts.txt", "0.07")]
    [InlineData("xigong-2022-final-accounts.txt", "0.00")]
    [InlineData("longxian-2022-final-accounts.txt", "0.53")]
    public void The_domestic_reception_spent_is_read_as_the_reception_figure(string file, string amount)
    {
        var year = TextReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), file)).Value!;
        Assert.Contains(year.Narrative.Claims, c => c.Subject.Concept == "threePublic.reception" && c.Amount == Amount.Parse(amount + "万元", MoneyUnit.WanYuan).Value
            && c.Sentence?.Contains("国内公务接待", StringComparison.Ordinal) == true);
    }

    [SkippableFact]
    public void A_foreign_reception_with_an_amount_keeps_the_domestic_part_from_standing_for_the_whole()
    {
        var text = File.ReadAllText(Path.Combine(Paths.RequireSamples(), "zhenan-2023-final-accounts.txt"));
        IEnumerable<Claim> Domestic(string foreign) => TextReportReader.Read(text.Replace("国内公务接待支出0.32万元。", "国内公务接待支出0.32万元，" + foreign, StringComparison.Ordinal), "t.txt")
            .Value!.Narrative.Claims.Where(c => c.Subject.Concept == "threePublic.reception" && c.Sentence?.Contains("国内公务接待", StringComparison.Ordinal) == true);
        Assert.Single(Domestic("外事接待支出0万元。"));
        Assert.Empty(Domestic("外事接待支出1.20万元。"));
    }
}
