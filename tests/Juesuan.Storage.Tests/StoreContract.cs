using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.Formats.Json;
using Juesuan.Storage;
using Juesuan.TestSupport;

namespace Juesuan.Storage.Tests;

/// <summary>The behaviour every store provider must have; one subclass per provider runs it.</summary>
public abstract class StoreContract
{
    protected static DepartmentYear Example => DepartmentYearJson.ReadFile(Paths.Example).Value!;

    protected abstract Task<DepartmentYearStore> OpenAsync();

    private static int FigureCount(DepartmentYear year) =>
        year.Tables.Concat(year.Units.SelectMany(u => u.Tables)).SelectMany(t => t.Rows).SelectMany(r => r.Cells).Count(c => c.Value is not null);

    [SkippableFact]
    public async Task A_saved_department_year_loads_back_unchanged()
    {
        var store = await OpenAsync();
        var year = Example;
        var summary = await store.SaveAsync(year);
        Assert.Equal("青石县医疗保障局/2024", summary.Key);
        Assert.Equal(1, summary.Revision);
        Assert.Equal(3, summary.Units);
        var loaded = await store.LoadAsync(summary.Key);
        Assert.NotNull(loaded);
        Assert.Equal(DepartmentYearJson.Write(year), DepartmentYearJson.Write(loaded));
        Assert.Equal(FigureCount(year), await store.CountFiguresAsync(summary.Key));
    }

    [SkippableFact]
    public async Task Saving_the_same_department_year_again_replaces_it()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Example);
        var smaller = Example with { Units = [], Narrative = new Narrative() };
        var summary = await store.SaveAsync(smaller);
        Assert.Equal(2, summary.Revision);
        Assert.Equal(0, summary.Units);
        Assert.Equal(FigureCount(smaller), await store.CountFiguresAsync(summary.Key));
        Assert.Single(await store.ListAsync());
        Assert.Empty((await store.LoadAsync(summary.Key))!.Units);
    }

    [SkippableFact]
    public async Task List_orders_by_department_and_year_and_delete_removes_everything()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Example);
        var doomed = await store.SaveAsync(Example with { Year = 2023 });
        await store.SaveAuditAsync(doomed.Key, doomed.Revision, Juesuan.Audit.Auditor.Audit(Example with { Year = 2023 }), "{}");
        await store.SaveReviewAsync(doomed.Key, doomed.Revision, "f", ReviewDecisions.Confirmed, "意见", "甲");
        await store.SignOffAsync(doomed.Key, doomed.Revision, "甲");
        await store.SaveAsync(Example with { Department = Example.Department with { Name = "甲县医疗保障局" } });
        var list = await store.ListAsync();
        Assert.Equal(["甲县医疗保障局/2024", "青石县医疗保障局/2023", "青石县医疗保障局/2024"], list.Select(s => s.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.True(await store.DeleteAsync("青石县医疗保障局/2023"));
        Assert.False(await store.DeleteAsync("青石县医疗保障局/2023"));
        Assert.Null(await store.LoadAsync("青石县医疗保障局/2023"));
        Assert.Equal(0, await store.CountFiguresAsync("青石县医疗保障局/2023"));
        Assert.Equal(0, await store.RevisionsAsync("青石县医疗保障局/2023"));
        Assert.Empty(await store.AuditRunsAsync("青石县医疗保障局/2023"));
        Assert.Empty(await store.ReviewsAsync("青石县医疗保障局/2023"));
        Assert.Empty(await store.SignOffsAsync("青石县医疗保障局/2023"));
        Assert.Equal(2, (await store.ListAsync()).Count);
    }

    [SkippableFact]
    public async Task Loading_an_unknown_key_gives_nothing()
    {
        var store = await OpenAsync();
        Assert.Null(await store.LoadAsync("不存在的局/2024"));
        Assert.Null(await store.FindAsync("不存在的局/2024"));
    }

    [SkippableFact]
    public async Task Figures_keep_their_printed_precision_across_department_years()
    {
        var store = await OpenAsync();
        var table = ExampleData.Table(TableIds.Expenditure, ExampleData.Row("total", ("total", "138.60"), ("basic", "131.4")));
        await store.SaveAsync(ExampleData.Year("甲局", 2023, table));
        await store.SaveAsync(ExampleData.Year("乙局", 2023, table with { Rows = [ExampleData.Row("total", ("basic", "7.20"))] }));
        var basic = await store.FigureAcrossYearsAsync(TableIds.Expenditure, "total", "basic");
        Assert.Equal(2, basic.Count);
        Assert.Equal("131.4万元", basic.Single(b => b.Key == "甲局/2023").Amount.ToString());
        Assert.Equal("7.20万元", basic.Single(b => b.Key == "乙局/2023").Amount.ToString());
        var total = Assert.Single(await store.FigureAcrossYearsAsync(TableIds.Expenditure, "total", "total"));
        Assert.Equal(new Amount(138.60m, 2, MoneyUnit.WanYuan), total.Amount);
    }

    [SkippableFact]
    public async Task Concurrent_writers_leave_one_complete_version()
    {
        var store = await OpenAsync();
        var full = Example;
        var reduced = Example with { Units = [full.Units[0]] };
        var others = Enumerable.Range(0, 3).Select(i => Example with { Department = full.Department with { Name = $"并发局{i}" } }).ToArray();
        var writes = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? full : reduced).Concat(others)
            .Select(y => Task.Run(async () =>
            {
                // Each writer opens its own store object, as separate processes would.
                var own = await OpenAsync();
                await own.SaveAsync(y);
            }))
            .ToArray();
        await Task.WhenAll(writes);

        var summary = (await store.FindAsync(full.Key))!;
        Assert.Equal(8, summary.Revision);
        var loaded = (await store.LoadAsync(full.Key))!;
        var written = DepartmentYearJson.Write(loaded);
        Assert.True(written == DepartmentYearJson.Write(full) || written == DepartmentYearJson.Write(reduced));
        Assert.Equal(FigureCount(loaded), await store.CountFiguresAsync(full.Key));
        Assert.Equal(4, (await store.ListAsync()).Count);
    }

    [SkippableFact]
    public async Task An_upload_is_recognised_by_content_claimed_by_one_worker_and_lets_its_bytes_go_when_finished()
    {
        var store = await OpenAsync();
        var content = "{\"a\": 1}"u8.ToArray();
        var (first, duplicate) = await store.AddUploadAsync("一.json", content, "审核员甲");
        Assert.False(duplicate);
        Assert.Equal(UploadStates.Queued, first.State);
        var (again, seen) = await store.AddUploadAsync("二.json", content, "审核员乙");
        Assert.True(seen);
        Assert.Equal(first.Id, again.Id);

        // Four workers race for it: exactly one gets the bytes, and the upload names it.
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () => (Worker: $"工作进程{i}", Content: await (await OpenAsync()).ClaimUploadAsync(first.Id, $"工作进程{i}")))));
        var winner = Assert.Single(claims, c => c.Content is not null);
        Assert.Equal(content, winner.Content!.Content);
        Assert.Equal(1, winner.Content.Attempt);
        var taken = (await store.UploadAsync(first.Id))!;
        Assert.Equal((UploadStates.Reading, winner.Worker, 1), (taken.State, taken.Worker, taken.Attempts));

        // Its worker died: a job re-run in recovery takes it again; an ordinary run still does not.
        Assert.Null(await store.ClaimUploadAsync(first.Id, "其他进程"));
        var takeover = (await store.ClaimUploadAsync(first.Id, "接手进程", recovering: true))!;
        Assert.Equal(content, takeover.Content);
        Assert.Equal(2, takeover.Attempt);
        taken = (await store.UploadAsync(first.Id))!;
        Assert.Equal((UploadStates.Reading, "接手进程", 2), (taken.State, taken.Worker, taken.Attempts));

        // The first worker was only slow, not dead: what it writes now is refused, the taker's is kept.
        Assert.False(await store.SetUploadStateAsync(new UploadClaim(first.Id, winner.Worker, 1, content), UploadStates.Auditing));
        Assert.True(await store.SetUploadStateAsync(takeover, UploadStates.Auditing));
        Assert.Equal(UploadStates.Auditing, (await store.UploadAsync(first.Id))!.State);
        Assert.Empty(await store.QueuedUploadsAsync());
        await store.RequeueInterruptedUploadsAsync();
        Assert.Equal(first.Id, Assert.Single(await store.QueuedUploadsAsync()).Id);
        var restarted = await store.ClaimUploadAsync(first.Id, "重启后的进程");
        Assert.NotNull(restarted);

        Assert.True(await store.SetUploadStateAsync(restarted, UploadStates.Done, "好", "某局/2024"));
        var done = (await store.UploadAsync(first.Id))!;
        Assert.True(done.Finished);
        Assert.Equal("某局/2024", done.Key);
        Assert.Null(await store.ClaimUploadAsync(first.Id, "迟到的进程", recovering: true));
        await store.RequeueInterruptedUploadsAsync();
        Assert.Empty(await store.QueuedUploadsAsync());
        Assert.Equal(first.Id, Assert.Single(await store.UploadsAsync()).Id);

        // 某局/2024 is not (or no longer) stored: the same content uploaded again is processed again, not refused.
        var (third, repeated) = await store.AddUploadAsync("三.json", content, "审核员甲");
        Assert.False(repeated);
        Assert.NotEqual(first.Id, third.Id);
    }

    [SkippableFact]
    public async Task Audit_runs_and_aliases_are_kept()
    {
        var store = await OpenAsync();
        var saved = await store.SaveAsync(Example, new StoredOriginal("青石.json", System.Text.Encoding.UTF8.GetBytes(DepartmentYearJson.Write(Example)), "甲"));
        var report = Juesuan.Audit.Auditor.Audit(Example);
        var run = await store.SaveAuditAsync(saved.Key, saved.Revision, report, "{}", "甲");
        Assert.Equal(run.Id, Assert.Single(await store.AuditRunsAsync(saved.Key)).Id);

        Assert.Equal("青石.json", (await store.OriginalAsync(saved.Key))!.FileName);

        // An audit finished after another save is filed under the revision it audited, not the newer one.
        var second = await store.SaveAsync(Example);
        Assert.Equal(saved.Revision + 1, second.Revision);
        Assert.Equal(saved.Revision, (await store.SaveAuditAsync(saved.Key, saved.Revision, report, "{}", "甲")).Revision);
        await Assert.ThrowsAsync<StoreException>(() => store.SaveAuditAsync(saved.Key, second.Revision + 1, report, "{}", "甲"));

        var department = (await store.OrganisationsAsync()).Single(o => o.Level == "department");
        await store.AddAliasAsync(department.Id, "青石县医保局");
        var renamed = Example with { Department = Example.Department with { Name = "青石县医保局" } };
        await store.SaveAsync(renamed);
        Assert.Single(await store.OrganisationsAsync(), o => o.Level == "department");
        Assert.Contains("青石县医保局", (await store.OrganisationsAsync()).Single(o => o.Level == "department").Aliases);
    }

    [SkippableFact]
    public async Task The_year_before_and_a_series_are_found_by_organisation_a_renamed_year_counted_once()
    {
        var store = await OpenAsync();
        var now = await store.SaveAsync(Example);
        Assert.Null(await store.KeyOfYearAsync(now.Key, 2023));

        // 2023 stored under the department's other name, an alias of the same organisation.
        var department = (await store.OrganisationsAsync()).Single(o => o.Level == "department");
        await store.AddAliasAsync(department.Id, "青石县医保局");
        var before = await store.SaveAsync(Example with { Year = 2023, Department = Example.Department with { Name = "青石县医保局" } });
        Assert.Equal(before.Key, await store.KeyOfYearAsync(now.Key, 2023));

        // 2024 also stored under the other name: the series counts 2024 once, by the latest saved.
        await store.SaveAsync(Example with { Department = Example.Department with { Name = "青石县医保局" } });
        var (years, figures) = await store.SeriesAsync(department.Id, TableIds.Expenditure, ["total"], "total");
        Assert.Equal([2023, 2024], years);
        Assert.Equal([2023, 2024], figures.Select(f => f.Year));
        Assert.All(figures, f => Assert.Equal(1, f.Rows));
        Assert.Equal(figures[0].Sum.Value, figures[1].Sum.Value);
    }

    [SkippableFact]
    public async Task A_preparers_save_goes_to_their_organisation_only_when_the_report_names_it_and_the_key_is_not_anothers()
    {
        var store = await OpenAsync();
        var own = await store.SaveAsync(Example);
        var qingshi = (await store.OrganisationsAsync()).Single(o => o.Level == "department").Id;

        // Another department's report, and this department's name under another region (no region read): one is
        // refused, the other saved to the preparer's own organisation, not to a new department.
        var other = Example with { Department = Example.Department with { Name = "白水县医疗保障局" } };
        var refused = await Assert.ThrowsAsync<OutOfScopeException>(() => store.SaveAsync(other, null, qingshi));
        Assert.Contains("白水县医疗保障局", refused.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync(other.Key));
        var regionless = Example with { Year = Example.Year + 1, Department = Example.Department with { Region = null, Province = null } };
        var saved = await store.SaveAsync(regionless, null, qingshi);
        Assert.Equal(qingshi, await store.OrganisationOfAsync(saved.Key));
        Assert.Single(await store.OrganisationsAsync(), o => o.Level == "department");

        // A key stored under another organisation is not taken over, even by a report naming the preparer's (by alias).
        var whiteWater = await store.SaveAsync(other);
        var baishui = (await store.OrganisationOfAsync(whiteWater.Key))!.Value;
        await store.AddAliasAsync(qingshi, "白水县医疗保障局");
        await Assert.ThrowsAsync<OutOfScopeException>(() => store.SaveAsync(other, null, qingshi));
        Assert.Equal(baishui, await store.OrganisationOfAsync(whiteWater.Key));
        Assert.Equal(1, (await store.FindAsync(whiteWater.Key))!.Revision);
        Assert.Equal(own.Revision, (await store.FindAsync(own.Key))!.Revision);
    }

    [SkippableFact]
    public async Task Organisations_import_in_one_transaction_and_documents_of_each_kind_are_kept_apart_for_the_ledger()
    {
        var store = await OpenAsync();
        var refused = await Assert.ThrowsAsync<StoreException>(() => store.ImportOrganisationsAsync(
        [
            new OrganisationEntry(2, "青石县", "region", null, "R", []),
            new OrganisationEntry(3, "青石县医疗保障局", "department", "青石县", "D", ["县医保局"]),
            new OrganisationEntry(4, "某中心", "unit", "没有的局", null, []),
        ]));
        Assert.Contains("第 4 行", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await store.OrganisationsAsync());

        var imported = await store.ImportOrganisationsAsync(
        [
            new OrganisationEntry(2, "青石县", "region", null, "R", []),
            new OrganisationEntry(3, "青石县医疗保障局", "department", "青石县", "D", ["县医保局"]),
            new OrganisationEntry(4, "青石县医疗保障局", "unit", "青石县医疗保障局", "D1", []),
        ]);
        Assert.Equal(new OrganisationImport(3, 0), imported);
        var organisations = await store.OrganisationsAsync();
        var department = organisations.Single(o => o.Level == "department");
        var unit = organisations.Single(o => o.Level == "unit");
        Assert.True(department.Registered);
        Assert.Equal(["县医保局"], department.Aliases);

        // The department's disclosure, its 本级 unit's of the same name and a stand-alone self-evaluation: three documents.
        var final = await store.SaveAsync(Example with { Units = [] }, null, null, department.Id);
        var own = await store.SaveAsync(Example with { Units = [], Kind = DocumentKind.UnitFinalAccounts }, null, null, unit.Id);
        var evaluation = await store.SaveAsync(Example with { Units = [], Kind = DocumentKind.SelfEvaluationReport }, null, null, department.Id);
        Assert.Equal(["青石县医疗保障局/2024", "青石县医疗保障局/2024/单位决算", "青石县医疗保障局/2024/绩效自评"], new[] { final.Key, own.Key, evaluation.Key });
        await store.SaveAuditAsync(final.Key, final.Revision, Juesuan.Audit.Auditor.Audit(Example), "{}");
        await store.SignOffAsync(own.Key, own.Revision, "甲");
        await store.SetDueDateAsync(2024, DocumentKind.FinalAccounts, new DateOnly(2025, 9, 30));

        var entries = (await store.LedgerEntriesAsync(2024)).ToDictionary(e => e.Key);
        Assert.Equal(3, entries.Count);
        Assert.Equal(DocumentKind.UnitFinalAccounts, entries[own.Key].Kind);
        Assert.Equal(unit.Id, entries[own.Key].Organisation);
        Assert.True(entries[own.Key].SignedOff);
        Assert.NotNull(entries[final.Key].Errors);
        Assert.Null(entries[evaluation.Key].Errors);
        Assert.Equal(Example.Evaluations.Count, entries[final.Key].Evaluations);
        Assert.Empty(await store.LedgerEntriesAsync(2023));
        Assert.Equal(new DateOnly(2025, 9, 30), (await store.DueDatesAsync())[(2024, DocumentKind.FinalAccounts)]);
    }

    [SkippableFact]
    public async Task What_counts_a_districts_errors_leaves_out_the_findings_its_reviewers_dismissed_by_their_standing_decision()
    {
        var store = await OpenAsync();
        static Juesuan.Audit.Finding Made(string rule, Juesuan.Audit.Severity severity) =>
            new() { Rule = rule, Severity = severity, Location = "第3行", Message = rule + " 不符" };
        Juesuan.Audit.Finding[] findings =
        [
            Made("N.AMOUNT", Juesuan.Audit.Severity.Error), Made("N.SHARE", Juesuan.Audit.Severity.Error), Made("T01.TOTAL", Juesuan.Audit.Severity.Error),
            Made("N.CHANGE", Juesuan.Audit.Severity.Warning),
            // A rule that failed to run: an error finding the summary's error count leaves out.
            Made("X.CRASH", Juesuan.Audit.Severity.Error) with { Kind = Juesuan.Audit.FindingKind.Failed },
        ];
        var report = new Juesuan.Audit.AuditReport(new("青石县医疗保障局", 2024, "national-2022", null), findings, new(3, 1, 0, 0, 0, 90));
        string Print(string rule) => Juesuan.Audit.FindingFingerprint.Of(findings.Single(f => f.Rule == rule));
        async Task<(int? Errors, int? Warnings, string Rules)> CountedAsync(string key)
        {
            var entry = (await store.LedgerEntriesAsync(2024)).Single(e => e.Key == key);
            return (entry.Errors, entry.Warnings, string.Join(" ", (await store.DistrictFindingsAsync(2024)).Select(f => f.Rule).Order(StringComparer.Ordinal)));
        }

        var first = await store.SaveAsync(Example);
        await store.SaveAuditAsync(first.Key, first.Revision, report, "{}");
        Assert.Equal((3, 1, "N.AMOUNT N.CHANGE N.SHARE T01.TOTAL X.CRASH"), await CountedAsync(first.Key));

        // 误报 and 已整改 are left out; 确认问题 still counts; the failed rule's 误报 takes nothing off the errors it was never among.
        await store.SaveReviewAsync(first.Key, first.Revision, Print("N.AMOUNT"), ReviewDecisions.FalseAlarm, "口径不同", "甲");
        await store.SaveReviewAsync(first.Key, first.Revision, Print("N.SHARE"), ReviewDecisions.Confirmed, null, "甲");
        await store.SaveReviewAsync(first.Key, first.Revision, Print("N.CHANGE"), ReviewDecisions.Corrected, null, "甲");
        await store.SaveReviewAsync(first.Key, first.Revision, Print("X.CRASH"), ReviewDecisions.FalseAlarm, null, "甲");
        Assert.Equal((2, 0, "N.SHARE T01.TOTAL"), await CountedAsync(first.Key));

        // A corrected version with the same findings: the decisions made on version 1 still stand, until one made on
        // version 2 replaces them (N.AMOUNT confirmed after all).
        var second = await store.SaveAsync(Example with { Units = [] });
        Assert.Equal(2, second.Revision);
        await store.SaveAuditAsync(second.Key, second.Revision, report, "{}");
        Assert.Equal((2, 0, "N.SHARE T01.TOTAL"), await CountedAsync(second.Key));
        await store.SaveReviewAsync(second.Key, second.Revision, Print("N.AMOUNT"), ReviewDecisions.Confirmed, "核对后确属错误", "乙");
        Assert.Equal((3, 0, "N.AMOUNT N.SHARE T01.TOTAL"), await CountedAsync(second.Key));
    }

    [SkippableFact]
    public async Task An_upload_whose_organisation_is_uncertain_waits_with_its_bytes_until_a_reviewer_chooses()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Example);
        var department = (await store.OrganisationsAsync()).Single(o => o.Level == "department");
        var (upload, _) = await store.AddUploadAsync("某.json", [1, 2, 3], "审核员");
        var claim = (await store.ClaimUploadAsync(upload.Id, "w"))!;
        Assert.True(await store.SetUploadConfirmingAsync(claim, "待确认归属", "县医保局", [department.Id]));
        var waiting = Assert.Single(await store.ConfirmingUploadsAsync());
        Assert.Equal(UploadStates.Confirming, waiting.State);
        Assert.Equal("县医保局", waiting.PrintedName);
        Assert.Equal([department.Id], waiting.Candidates);
        Assert.False(waiting.Finished);

        Assert.True(await store.ChooseOrganisationAsync(upload.Id, department.Id));
        Assert.False(await store.ChooseOrganisationAsync(upload.Id, department.Id));
        var again = (await store.ClaimUploadAsync(upload.Id, "w"))!;
        Assert.Equal([1, 2, 3], again.Content);
        Assert.Equal(department.Id, (await store.UploadAsync(upload.Id))!.Chosen);
        Assert.Empty(await store.ConfirmingUploadsAsync());
    }

    [SkippableFact]
    public async Task Assignments_comments_and_reaudits_are_kept_and_go_with_their_document()
    {
        var store = await OpenAsync();
        var saved = await store.SaveAsync(Example);
        Assert.Equal(1, await store.AssignAsync([saved.Key, "没有的/2024"], "审核员甲", "管理员"));
        Assert.Equal("审核员甲", (await store.AssignmentsAsync())[saved.Key].Reviewer);
        Assert.Equal(1, await store.AssignAsync([saved.Key], "审核员乙", "管理员"));
        Assert.Equal("审核员乙", (await store.AssignmentsAsync())[saved.Key].Reviewer);

        Assert.NotNull(await store.AddCommentAsync(saved.Key, "abc", 1, "审核员乙", "reviewer", "请核对"));
        Assert.NotNull(await store.AddCommentAsync(saved.Key, "abc", 1, "编制人员", "preparer", " 已更正 "));
        Assert.Null(await store.AddCommentAsync("没有的/2024", "abc", 1, "某", "reviewer", "x"));
        var thread = await store.CommentsAsync(saved.Key);
        Assert.Equal(["请核对", "已更正"], thread.Select(c => c.Text).ToArray());
        Assert.Equal("preparer", (await store.LastCommentsAsync())[saved.Key].Role);

        Assert.Null(await store.LatestFindingsAsync(saved.Key, 1));
        await store.SaveAuditAsync(saved.Key, 1, Juesuan.Audit.Auditor.Audit(Example), "{}");
        Assert.NotNull(await store.LatestFindingsAsync(saved.Key, 1));
        var id = await store.StartReauditAsync("甲");
        await store.UpdateReauditAsync(id, 1, 0, "按现行规则重新审核 1 份材料，0 份的结果有变化。", finished: true);
        var reaudit = Assert.Single(await store.ReauditsAsync());
        Assert.Equal(1, reaudit.Documents);
        Assert.NotNull(reaudit.FinishedAt);

        Assert.True(await store.DeleteAsync(saved.Key));
        Assert.Empty(await store.AssignmentsAsync());
        Assert.Empty(await store.CommentsAsync(saved.Key));
    }
}
