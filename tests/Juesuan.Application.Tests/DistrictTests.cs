using System.Text;
using Juesuan.Domain.Model;
using Juesuan.Formats.Json;
using Juesuan.Storage;
using Juesuan.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Juesuan.Application.Tests;

/// <summary>
/// District review (issue 18): organisation lists imported all or nothing, reports matched to organisations from their
/// content (names with and without their region, abbreviations only by alias, never by one name containing another), and
/// the material ledger's counts on a hand-built district.
/// </summary>
public sealed class DistrictTests : IDisposable
{
    // The registry every sample and corpus document belongs to, with decoys whose names contain each other.
    private const string Registry = """
        名称,层级,上级,代码,别名
        甘肃省庆阳市合水县,地区,,621024,
        合水县医疗保障局,部门,甘肃省庆阳市合水县,D01,
        陕西省宝鸡市陇县,地区,,610327,
        陕西省宝鸡市陇县医疗保障局,部门,陕西省宝鸡市陇县,D02,
        陕西省宝鸡市陇县医疗保险经办中心,单位,陕西省宝鸡市陇县医疗保障局,D02001,
        四川省达州市渠县,地区,,511725,
        渠县医疗保障局,部门,四川省达州市渠县,D03,
        河南省洛阳市西工区,地区,,410303,
        洛阳市西工区医疗保障局,部门,河南省洛阳市西工区,D04,
        洛阳市西工区医疗保障局,单位,洛阳市西工区医疗保障局,D04001,
        陕西省商洛市镇安县,地区,,611025,
        镇安县医疗保障局,部门,陕西省商洛市镇安县,D05,
        镇安县医疗保险经办中心,单位,镇安县医疗保障局,D05001,
        上海市,地区,,31,
        上海市普陀区,地区,上海市,310107,
        上海市普陀区财政局,部门,上海市普陀区,D06,区财政局
        上海市普陀区民政局,部门,上海市普陀区,D07,
        上海市普陀区民,部门,上海市普陀区,D08,
        上海市财政局,部门,上海市,D09,
        重庆市北碚区,地区,,500109,
        西南大学,部门,重庆市北碚区,D10,
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("juesuan-district-").FullName;
    private readonly ServiceProvider _services;

    public DistrictTests() => _services = new ServiceCollection()
        .AddJuesuan(o => o.Store = StoreOptions.Resolve("sqlite", Path.Combine(_folder, "store.db")) with { ExplicitPath = false })
        .BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Organisations Organisations => _services.GetRequiredService<Organisations>();

    private async Task<IReadOnlyList<StoredOrganisation>> RegisterAsync()
    {
        var (file, imported) = await Organisations.ImportAsync(Encoding.UTF8.GetBytes(Registry), "组织.csv");
        Assert.True(file.Success, string.Join("\n", file.Problems));
        Assert.NotNull(imported);
        return await Organisations.ListAsync();
    }

    [Fact]
    public async Task A_good_list_is_imported_whole_with_parents_codes_aliases_and_a_department_apart_from_its_unit_of_the_same_name()
    {
        var organisations = await RegisterAsync();
        Assert.Equal(21, organisations.Count);
        Assert.All(organisations, o => Assert.True(o.Registered));
        var xigong = organisations.Where(o => o.Name == "洛阳市西工区医疗保障局").ToList();
        Assert.Equal(["department", "unit"], xigong.Select(o => o.Level).Order().ToArray());
        Assert.Equal(xigong.Single(o => o.Level == "department").Id, xigong.Single(o => o.Level == "unit").ParentId);
        Assert.Equal(["区财政局"], organisations.Single(o => o.Name == "上海市普陀区财政局").Aliases);
        var putuo = organisations.Single(o => o.Name == "上海市普陀区");
        Assert.Equal(organisations.Single(o => o.Name == "上海市").Id, putuo.ParentId);

        // Importing the same list again adds nothing.
        var (_, again) = await Organisations.ImportAsync(Encoding.UTF8.GetBytes(Registry), "组织.csv");
        Assert.Equal(new OrganisationImport(0, 21), again);

        // Exported, the list reads back the same (as XLSX, through a library).
        using var stream = new MemoryStream();
        await Organisations.ExportAsync(stream, OrganisationFileFormat.Xlsx);
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(21, rows.Count);
        Assert.Contains(rows, r => (string?)r["名称"] == "上海市普陀区财政局" && (string?)r["上级"] == "上海市普陀区" && (string?)r["层级"] == "部门" && (string?)r["别名"] == "区财政局");
        var read = Organisations.Read(stream.ToArray(), "导出.xlsx");
        Assert.True(read.Success, string.Join("\n", read.Problems));
        Assert.Equal(21, read.Entries.Count);
    }

    [Fact]
    public async Task A_list_with_bad_rows_names_each_by_its_row_and_imports_nothing()
    {
        var bad = """
            名称,层级,上级,代码
            某区,地区,,1
            某区卫生健康委员会,部门,某区,2
            ,部门,某区,3

            某区医疗保险经办中心,单位,,4
            某区教育局,科室,某区,5
            某区卫生健康委员会,部门,某区,6
            某区体育局,部门,某区,2
            某区民政局,部门,不存在的区,7
            """;
        var (file, imported) = await Organisations.ImportAsync(Encoding.UTF8.GetBytes(bad), "组织.csv");
        Assert.Null(imported);
        Assert.Contains("第 4 行：缺少名称。", file.Problems);
        Assert.Contains("第 6 行：单位「某区医疗保险经办中心」缺少上级部门。", file.Problems);
        Assert.Contains("第 7 行：层级「科室」应为 地区、部门 或 单位。", file.Problems);
        Assert.Contains("第 3、8 行：部门「某区卫生健康委员会」重复。", file.Problems);
        Assert.Contains(file.Problems, p => p.StartsWith("第 3、8、9 行：代码 2", StringComparison.Ordinal) || p.StartsWith("第 3、9 行：代码 2", StringComparison.Ordinal));
        Assert.Empty(await Organisations.ListAsync());

        // Every row right but one whose parent is nowhere: the store refuses the whole list in its transaction.
        var (file2, imported2) = await Organisations.ImportAsync(Encoding.UTF8.GetBytes("名称,层级,上级,代码\n某区,地区,,1\n某区教育局,部门,某区,2\n某区民政局,部门,不存在的区,7\n"), "组织.csv");
        Assert.Null(imported2);
        Assert.Equal(["第 4 行：上级「不存在的区」不存在（既不在本文件前面的行里，也不在已有组织中）；未导入任何组织。"], file2.Problems);
        Assert.Empty(await Organisations.ListAsync());

        // A cell holding a line break (Alt+Enter in Excel) is one row: the rows after it keep their numbers.
        var (quoted, _) = await Organisations.ImportAsync(Encoding.UTF8.GetBytes("名称,层级,上级,代码,别名\n某区,地区,,1,\"甲\n乙\"\n某区教育局,科室,某区,2\n"), "组织.csv");
        Assert.Equal(["第 3 行：层级「科室」应为 地区、部门 或 单位。"], quoted.Problems);

        // Not a list at all.
        var (file3, _) = await Organisations.ImportAsync([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "组织.xlsx");
        Assert.Equal(["组织.xlsx 无法读取（不是有效的 Excel 文件）。"], file3.Problems);
    }

    [Fact]
    public async Task The_template_reads_back_as_a_good_list_in_both_formats()
    {
        foreach (var format in new[] { OrganisationFileFormat.Xlsx, OrganisationFileFormat.Csv })
        {
            using var stream = new MemoryStream();
            await Organisations.TemplateAsync(stream, format);
            var read = Organisations.Read(stream.ToArray(), format == OrganisationFileFormat.Xlsx ? "模板.xlsx" : "模板.csv");
            Assert.True(read.Success, string.Join("\n", read.Problems));
            Assert.Equal(["region", "department", "unit", "unit"], read.Entries.Select(e => e.Level).ToArray());
            Assert.Equal(["区医保局", "某某区医保局"], read.Entries[1].Aliases);
        }
    }

    public static TheoryData<string, string, string> Documents => new()
    {
        { "samples", "heshui-2024-performance-self-evaluation.txt", "合水县医疗保障局" },
        { "samples", "longxian-2022-final-accounts.txt", "陕西省宝鸡市陇县医疗保障局" },
        { "samples", "quxian-2022-final-accounts.txt", "渠县医疗保障局" },
        { "samples", "xigong-2022-final-accounts.txt", "洛阳市西工区医疗保障局" },
        { "samples", "zhenan-2023-final-accounts.txt", "镇安县医疗保障局" },
        { "samples", "pdf/putuo-finance-bureau-2024-final-accounts.pdf", "上海市普陀区财政局" },
        { "corpus", "swu-2023-final-accounts.pdf", "西南大学" },
    };

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public async Task Every_real_document_is_matched_to_its_organisation_from_its_content(string folder, string file, string organisation)
    {
        var path = Path.Combine(folder == "samples" ? Paths.RequireSamples() : Paths.RequireCorpus(), file);
        var organisations = await RegisterAsync();
        var loaded = _services.GetRequiredService<Reports>().ReadFile(path);
        var match = Intake.Match(organisations, loaded.Year!.Department.Name, loaded.Year.Kind);
        Assert.True(match.Certain, match.Why);
        Assert.Equal(organisation, match.Organisation!.Name);
        Assert.Equal("department", match.Organisation.Level);

        // Renamed to another organisation's name and year, it is filed under its own, and the file name is noted.
        var renamed = loaded with { Original = loaded.Original! with { FileName = "区民政局2019年决算" + Path.GetExtension(file) } };
        var filing = await _services.GetRequiredService<Intake>().FileAsync(renamed);
        Assert.Equal(organisation, filing.Match.Organisation!.Name);
        Assert.NotNull(filing.Saved);
        Assert.Contains(filing.Notes, n => n.Contains("年度（2019）", StringComparison.Ordinal));
        Assert.Contains(filing.Notes, n => n.Contains("写的是「区民政局」", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_official_template_with_its_placeholder_name_is_no_organisation()
    {
        var organisations = await RegisterAsync();
        var loaded = _services.GetRequiredService<Reports>().ReadFile(Path.Combine(Paths.RequireSamples(), "pdf", "shanghai-2024-final-accounts-template.pdf"));
        var filing = await _services.GetRequiredService<Intake>().FileAsync(loaded);
        Assert.True(filing.Pending);
        Assert.Null(filing.Match.Organisation);
        Assert.Empty(await _services.GetRequiredService<Library>().ListAsync());
        Assert.NotEmpty(organisations);
    }

    [Fact]
    public async Task Names_that_contain_each_other_never_match_each_other()
    {
        var organisations = await RegisterAsync();
        OrganisationMatch Match(string name, DocumentKind kind = DocumentKind.FinalAccounts) => Intake.Match(organisations, name, kind);
        Assert.Equal("上海市普陀区民政局", Match("区民政局").Organisation?.Name);
        Assert.Equal("上海市普陀区民", Match("区民").Organisation?.Name);
        Assert.Equal("上海市普陀区民政局", Match("普陀区民政局").Organisation?.Name);
        Assert.Equal("上海市普陀区财政局", Match("区财政局").Organisation?.Name);
        Assert.Equal("上海市普陀区财政局", Match("普陀区财政局").Organisation?.Name);

        // The city's bureau is not the district's: 「上海市财政局」 is the city's own.
        Assert.Equal("上海市财政局", Match("上海市财政局").Organisation?.Name);
        Assert.Null(Match("区民政").Organisation);
        Assert.Null(Match("民政局").Organisation);

        // A department's name on a 单位决算 is the department's; a unit's own name its unit.
        Assert.Equal("department", Match("镇安县医疗保障局", DocumentKind.UnitFinalAccounts).Organisation?.Level);
        Assert.Equal("镇安县医疗保险经办中心", Match("镇安县医疗保险经办中心", DocumentKind.UnitFinalAccounts).Organisation?.Name);

        // A name registered nowhere gets the similar organisations as candidates, and is filed nowhere.
        var unknown = Match("普陀区医保局");
        Assert.Null(unknown.Organisation);
        Assert.DoesNotContain(unknown.Candidates, c => c.Name == "上海市普陀区民政局");
    }

    [Fact]
    public async Task Before_any_organisation_is_registered_a_report_makes_its_department_and_after_it_waits()
    {
        var intake = _services.GetRequiredService<Intake>();
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        var first = await intake.FileAsync(new Loaded("a.json", example, []));
        Assert.NotNull(first.Saved);

        await RegisterAsync();
        var other = example with { Department = example.Department with { Name = "某县卫生健康局" } };
        var pending = await intake.FileAsync(new Loaded("b.json", other, []));
        Assert.True(pending.Pending);

        // A reviewer's choice files it, and remembers the printed name: the next report printing it is filed without asking.
        var organisations = await Organisations.ListAsync();
        var chosen = organisations.Single(o => o.Name == "合水县医疗保障局");
        var confirmed = await intake.FileAsync(new Loaded("b.json", other, []), chosen: chosen.Id);
        Assert.NotNull(confirmed.Saved);
        var again = await intake.FileAsync(new Loaded("c.json", other with { Year = 2025 }, []));
        Assert.Equal(chosen.Id, again.Match.Organisation?.Id);
    }

    [Fact]
    public async Task The_ledger_counts_a_hand_built_district_of_twelve_departments_over_two_years()
    {
        var list = new StringBuilder("名称,层级,上级,代码\n某市某区,地区,,R\n");
        for (var d = 1; d <= 12; d++)
        {
            list.Append(System.Globalization.CultureInfo.InvariantCulture, $"某区第{d}局,部门,某市某区,{d}\n");
            if (d <= 4)
            {
                list.Append(System.Globalization.CultureInfo.InvariantCulture, $"某区第{d}局事务中心,单位,某区第{d}局,{d}01\n");
            }
        }

        Assert.NotNull((await Organisations.ImportAsync(Encoding.UTF8.GetBytes(list.ToString()), "区.csv")).Imported);
        var store = await _services.GetRequiredService<Library>().StoreAsync();
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value! with { Units = [] };
        var intake = _services.GetRequiredService<Intake>();
        async Task<StoredSummary> File(string name, int year, DocumentKind kind = DocumentKind.FinalAccounts) =>
            (await intake.FileAsync(new Loaded(name, example with { Department = example.Department with { Name = name }, Year = year, Kind = kind }, []))).Saved!;
        static Audit.AuditReport Report(int errors, int warnings) =>
            new(new Audit.AuditedDocument("某", 2023, "national-2022", null), [], new Audit.AuditSummary(errors, warnings, 0, 0, 0, 90));

        // 2023: ten of twelve received; eight audited (the first four with errors); three under review; two signed off;
        // two units' own disclosures of four.
        for (var d = 1; d <= 10; d++)
        {
            var saved = await File($"某区第{d}局", 2023);
            if (d <= 8)
            {
                await store.SaveAuditAsync(saved.Key, saved.Revision, Report(d <= 4 ? d : 0, 1), "{}");
            }

            if (d <= 3)
            {
                await store.SaveReviewAsync(saved.Key, saved.Revision, "f", ReviewDecisions.Confirmed, null, "审核员");
            }

            if (d <= 2)
            {
                await store.SignOffAsync(saved.Key, saved.Revision, "审核员");
            }
        }

        await File("某区第1局事务中心", 2023, DocumentKind.UnitFinalAccounts);
        await File("某区第2局事务中心", 2023, DocumentKind.UnitFinalAccounts);

        // 2024: six received; the due date has passed for the other six.
        for (var d = 1; d <= 6; d++)
        {
            await File($"某区第{d}局", 2024);
        }

        var ledgers = _services.GetRequiredService<Ledgers>();
        var today = DateOnly.FromDateTime(DateTime.Now);
        await ledgers.SetDueAsync(2024, DocumentKind.FinalAccounts, today.AddDays(-1));
        await ledgers.SetDueAsync(2023, DocumentKind.FinalAccounts, today.AddDays(30));
        var ledger = await ledgers.BuildAsync(today: today);

        Assert.Equal([2023, 2024], ledger.Years);
        Assert.Equal(12, ledger.Rows.Count);
        LedgerCell Cell(int d, int year, DocumentKind kind) => ledger.Rows.Single(r => r.Department.Name == $"某区第{d}局").Cells.Single(c => c.Year == year && c.Kind == kind);
        int Count(int year, DocumentKind kind, LedgerState state) => ledger.Rows.Count(r => r.Cells.Single(c => c.Year == year && c.Kind == kind).State == state);

        Assert.Equal(2, Count(2023, DocumentKind.FinalAccounts, LedgerState.Missing));
        Assert.Equal(2, Count(2023, DocumentKind.FinalAccounts, LedgerState.Received));
        Assert.Equal(5, Count(2023, DocumentKind.FinalAccounts, LedgerState.Audited));
        Assert.Equal(1, Count(2023, DocumentKind.FinalAccounts, LedgerState.UnderReview));
        Assert.Equal(2, Count(2023, DocumentKind.FinalAccounts, LedgerState.SignedOff));
        Assert.Equal(10, ledger.Rows.Sum(r => r.Cells.Single(c => c.Year == 2023 && c.Kind == DocumentKind.FinalAccounts).Errors));
        Assert.Equal("错 4 / 警 1", Cell(4, 2023, DocumentKind.FinalAccounts).Text);
        Assert.Equal("错 0 / 警 1", Cell(5, 2023, DocumentKind.FinalAccounts).Text);
        Assert.Equal("1/1 已收", Cell(1, 2023, DocumentKind.UnitFinalAccounts).Text);
        Assert.Equal("0/1 缺", Cell(3, 2023, DocumentKind.UnitFinalAccounts).Text);
        Assert.Equal("—", Cell(5, 2023, DocumentKind.UnitFinalAccounts).Text);
        Assert.True(Cell(1, 2023, DocumentKind.SelfEvaluationReport).WithFinalAccounts);

        Assert.Equal(6, Count(2024, DocumentKind.FinalAccounts, LedgerState.Missing));
        Assert.Equal(6, ledger.Rows.Count(r => r.Cells.Single(c => c.Year == 2024 && c.Kind == DocumentKind.FinalAccounts).Overdue));
        Assert.Equal("缺（逾期）", Cell(12, 2024, DocumentKind.FinalAccounts).Text);
        Assert.Equal(0, ledger.Rows.Count(r => r.Cells.Single(c => c.Year == 2023 && c.Kind == DocumentKind.FinalAccounts).Overdue));

        // The terminal's table and the Excel sheet, read back with a library.
        var text = Ledgers.Render(ledger);
        Assert.Contains("某区第12局", text, StringComparison.Ordinal);
        Assert.Contains("逾期 6 项", text, StringComparison.Ordinal);
        using var stream = new MemoryStream();
        await Ledgers.WriteAsync(ledger, stream);
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(12, rows.Count);
        var fourth = rows.Single(r => (string?)r["部门"] == "某区第4局");
        Assert.Equal("错 4 / 警 1", fourth["2023 部门决算"]);
        Assert.Equal(4d, Convert.ToDouble(fourth["2023 部门决算 错误"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("缺（逾期）", rows.Single(r => (string?)r["部门"] == "某区第12局")["2024 部门决算"]);
    }

    [SkippableFact]
    public async Task The_district_summary_counts_the_stored_audits_by_family_and_ranks_the_frequent_defects()
    {
        var samples = Paths.RequireSamples();
        await RegisterAsync();
        var reports = _services.GetRequiredService<Reports>();
        var audits = _services.GetRequiredService<Audits>();
        var library = _services.GetRequiredService<Library>();
        var intake = _services.GetRequiredService<Intake>();
        var kept = new List<Audit.AuditReport>();
        foreach (var file in new[] { "longxian-2022-final-accounts.txt", "quxian-2022-final-accounts.txt", "xigong-2022-final-accounts.txt" })
        {
            var loaded = reports.ReadFile(Path.Combine(samples, file));
            var saved = (await intake.FileAsync(loaded)).Saved!;
            var report = audits.Audit(loaded);
            await library.SaveAuditAsync(saved, report);
            kept.Add(report);
        }

        await _services.GetRequiredService<Ledgers>().SetDueAsync(2022, DocumentKind.FinalAccounts, BeijingTime.Today(TimeProvider.System).AddDays(-1));
        var summary = await _services.GetRequiredService<DistrictSummaries>().BuildAsync(2022);
        Assert.Equal(10, summary.Departments);
        Assert.Equal(3, summary.Published);
        Assert.Equal(3, summary.Late);
        Assert.Equal(0, summary.OnTime);
        Assert.Equal(7, summary.Missing);
        Assert.Equal(kept.Count(r => r.Summary.Errors > 0), summary.WithErrors);

        // Each family's counts are the audits' own, found through the store.
        var findings = kept.SelectMany(r => r.Findings.Select(f => (r.Document.Department, f))).Where(x => x.f.Severity is Audit.Severity.Error or Audit.Severity.Warning).ToList();
        foreach (var family in summary.Families)
        {
            var of = findings.Where(x => x.f.Rule.StartsWith(family.Family, StringComparison.Ordinal)).ToList();
            Assert.Equal(of.Count(x => x.f.Severity == Audit.Severity.Error), family.Errors);
            Assert.Equal(of.Count(x => x.f.Severity == Audit.Severity.Warning), family.Warnings);
        }

        Assert.Equal(findings.Select(x => x.f.Rule[0]).Distinct().Count(), summary.Families.Count);
        Assert.InRange(summary.Frequent.Count, 1, 10);
        var top = summary.Frequent[0];
        Assert.Equal(findings.GroupBy(x => x.f.Rule).Max(g => g.Select(x => x.Department).Distinct().Count()), top.Documents);
        Assert.NotEmpty(top.Examples);
        Assert.DoesNotContain(summary.Frequent, d => d.Title == d.Rule);

        var text = DistrictSummaries.Render(summary);
        Assert.Contains("已公开（收到部门决算）3 个，其中按期 0 个、逾期提交 3 个；未公开 7 个", text, StringComparison.Ordinal);
        using var stream = new MemoryStream();
        await DistrictSummaries.WriteAsync(summary, stream);
        stream.Position = 0;
        Assert.Equal(["概况", "问题类别", "常见问题"], stream.GetSheetNames());
        stream.Position = 0;
        var frequent = stream.Query(useHeaderRow: true, sheetName: "常见问题").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(summary.Frequent.Count, frequent.Count);
        Assert.Equal(top.Rule, frequent[0]["规则"]);
    }

    [Fact]
    public async Task A_reaudit_after_a_rule_update_notes_what_each_document_gained_and_lost()
    {
        var library = _services.GetRequiredService<Library>();
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        var saved = await library.SaveAsync(example);
        var zhenan = DepartmentYearJson.ReadFile(Path.Combine(Paths.RepoRoot, "tests", "Juesuan.Audit.Tests", "Fixtures", "zhenan-2023.json")).Value!;

        // An audit kept under older rules (here: another document's findings) differs from what the rules find now.
        var old = Audit.Auditor.Audit(zhenan);
        await library.SaveAuditAsync(saved, old);
        var queue = _services.GetRequiredService<ReviewQueue>();
        var id = await queue.StartReauditAsync("审核员");
        var outcome = await queue.ReauditAllAsync(id, "审核员");
        Assert.Equal(1, outcome.Documents);
        Assert.Equal(1, outcome.Changed);
        var gone = old.Findings.Count(f => f.Severity is Audit.Severity.Error or Audit.Severity.Warning);
        Assert.Contains($"青石县医疗保障局/2024：", outcome.Note, StringComparison.Ordinal);
        Assert.Contains($"消失 {gone} 项（", outcome.Note, StringComparison.Ordinal);
        var kept = Assert.Single(await queue.ReauditsAsync());
        Assert.NotNull(kept.FinishedAt);
        Assert.Equal(outcome.Note, kept.Note);

        // Run again with nothing changed: nothing to note.
        var again = await queue.ReauditAllAsync(await queue.StartReauditAsync(null), null);
        Assert.Equal(0, again.Changed);
        Assert.EndsWith("0 份的结果有变化。", again.Note, StringComparison.Ordinal);

        // The queue lists it (not signed off), with the audit as it is now.
        var item = Assert.Single(await queue.ListAsync());
        Assert.Equal(saved.Key, item.Entry.Key);
        Assert.Equal("待审阅", item.State);
    }

    [Fact]
    public async Task A_list_registered_after_reports_were_saved_adopts_the_organisations_they_made()
    {
        var library = _services.GetRequiredService<Library>();
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        var before = await library.SaveAsync(example);
        var made = (await Organisations.ListAsync()).Single(o => o.Level == "department");
        Assert.False(made.Registered);

        // The list places the department under a region of its own: the one the report made is adopted and moved there.
        var list = "名称,层级,上级,代码\n某省,地区,,P\n青石县（虚构）,地区,某省,R\n青石县医疗保障局,部门,青石县（虚构）,118\n青石县医疗保障局（本级）,单位,青石县医疗保障局,118001\n";
        var (file, imported) = await Organisations.ImportAsync(Encoding.UTF8.GetBytes(list), "组织.csv");
        Assert.True(file.Success, string.Join("\n", file.Problems));
        var organisations = await Organisations.ListAsync();
        var department = Assert.Single(organisations, o => o.Level == "department");
        Assert.Equal(made.Id, department.Id);
        Assert.True(department.Registered);
        Assert.Equal("青石县（虚构）", organisations.Single(o => o.Id == department.ParentId).Name);
        Assert.Equal("某省", organisations.Single(o => o.Id == organisations.Single(r => r.Id == department.ParentId).ParentId).Name);
        Assert.Equal(made.Id, await (await library.StoreAsync()).OrganisationOfAsync(before.Key));

        // A code another registered organisation has is refused with its row.
        var (clash, none) = await Organisations.ImportAsync(Encoding.UTF8.GetBytes("名称,层级,上级,代码\n某县财政局,部门,青石县（虚构）,118\n"), "组织.csv");
        Assert.Null(none);
        Assert.Equal(["第 2 行：代码 118 已是「青石县医疗保障局」的代码；未导入任何组织。"], clash.Problems);
        Assert.NotNull(imported);
    }

    [Fact]
    public async Task A_bureaus_own_unit_and_a_name_already_taken_are_handled_when_filing()
    {
        var list = "名称,层级,上级,代码,别名\n某区,地区,,R,\n某区教育局,部门,某区,1,\n某区教育局（本级）,单位,某区教育局,101,\n某区教育局事务中心,单位,某区教育局,102,\n某区体育局,部门,某区,2,区体育局\n";
        Assert.NotNull((await Organisations.ImportAsync(Encoding.UTF8.GetBytes(list), "组织.csv")).Imported);
        var organisations = await Organisations.ListAsync();

        // A 单位决算 printing the bureau's own name is its 本级 unit's when the list has one.
        var own = Intake.Match(organisations, "某区教育局", DocumentKind.UnitFinalAccounts);
        Assert.Equal("某区教育局（本级）", own.Organisation?.Name);
        Assert.Equal("某区教育局（本级）", Intake.Match(organisations, "区教育局本级", DocumentKind.UnitFinalAccounts).Organisation?.Name);
        Assert.Equal("某区教育局", Intake.Match(organisations, "某区教育局", DocumentKind.FinalAccounts).Organisation?.Name);

        // Confirming a report that prints another organisation's alias files it but does not make the alias shared.
        var intake = _services.GetRequiredService<Intake>();
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value! with { Units = [] };
        var printed = example with { Department = example.Department with { Name = "区体育局" } };
        var education = organisations.Single(o => o.Name == "某区教育局");
        var filed = await intake.FileAsync(new Loaded("a.json", printed, []), chosen: education.Id);
        Assert.NotNull(filed.Saved);
        Assert.Empty((await Organisations.ListAsync()).Single(o => o.Id == education.Id).Aliases);

        // Filed under one registered organisation, a document never moves to another that printed the same name.
        var sports = organisations.Single(o => o.Name == "某区体育局");
        var refused = await Assert.ThrowsAsync<StoreException>(() => intake.FileAsync(new Loaded("b.json", printed, []), chosen: sports.Id));
        Assert.Contains("已是另一个组织的材料", refused.Message, StringComparison.Ordinal);
        Assert.Equal(education.Id, await (await _services.GetRequiredService<Library>().StoreAsync()).OrganisationOfAsync(filed.Saved!.Key));

        // A choice that names no organisation (deleted since, or a region) is its own failure: the upload waits for another.
        var gone = await Assert.ThrowsAsync<ChosenOrganisationGoneException>(() => intake.FileAsync(new Loaded("c.json", printed, []), chosen: 999_999));
        Assert.Contains("已不存在", gone.Message, StringComparison.Ordinal);
        var region = organisations.Single(o => o.Level == "region");
        await Assert.ThrowsAsync<ChosenOrganisationGoneException>(() => intake.FileAsync(new Loaded("d.json", printed, []), chosen: region.Id));
    }

    [Fact]
    public void Region_names_split_into_their_places_with_one_character_counties()
    {
        Assert.Equal(["贵州省", "贵阳市", "云岩区"], OrganisationNames.RegionWords("贵州省贵阳市云岩区"));
        Assert.Equal(["陕西省", "宝鸡市", "陇县"], OrganisationNames.RegionWords("陕西省宝鸡市陇县"));
        Assert.Equal(["四川省", "达州市", "渠县"], OrganisationNames.RegionWords("四川省达州市渠县"));
        Assert.Equal(["上海市", "普陀区"], OrganisationNames.RegionWords("上海市普陀区"));
    }

    [Fact]
    public void A_report_received_after_midnight_in_beijing_on_the_day_after_its_deadline_is_late_whatever_the_servers_zone()
    {
        // 2025-09-30 17:00 UTC is 2025-10-01 01:00 in Beijing: a day late for a deadline of 30 September; 15:59 UTC is not.
        var region = new StoredOrganisation(1, null, "region", "某区", null, [], true);
        var department = new StoredOrganisation(2, 1, "department", "某区甲局", null, [], true);
        var due = new Dictionary<(int, DocumentKind), DateOnly> { [(2024, DocumentKind.FinalAccounts)] = new DateOnly(2025, 9, 30) };
        LedgerCell Cell(DateTimeOffset received) => Ledgers.Build([region, department],
            [new StoredLedgerEntry("某区甲局/2024", 2, "某区甲局", 2024, DocumentKind.FinalAccounts, 1, received, received, 0, 0, false, false)], due, 2024, new DateOnly(2025, 12, 1))
            .Rows.Single().Cells.Single(c => c.Kind == DocumentKind.FinalAccounts);
        Assert.True(Cell(new DateTimeOffset(2025, 9, 30, 17, 0, 0, TimeSpan.Zero)).Late);
        Assert.False(Cell(new DateTimeOffset(2025, 9, 30, 15, 59, 0, TimeSpan.Zero)).Late);

        Assert.Equal(new DateOnly(2025, 10, 1), BeijingTime.DateOf(new DateTimeOffset(2025, 9, 30, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2025-10-01 01:00", BeijingTime.Shown(new DateTimeOffset(2025, 9, 30, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2025-10-01", BeijingTime.Shown(new DateTimeOffset(2025, 10, 1, 1, 0, 0, TimeSpan.FromHours(8)), "yyyy-MM-dd"));
        Assert.Equal(new DateOnly(2025, 10, 1), BeijingTime.Today(new FixedClock(new DateTimeOffset(2025, 9, 30, 16, 0, 0, TimeSpan.Zero))));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void A_unit_cell_is_overdue_only_when_units_are_expected_and_never_signed_off_while_incomplete()
    {
        var region = new StoredOrganisation(1, null, "region", "某区", null, [], true);
        var lone = new StoredOrganisation(2, 1, "department", "某区甲局", null, [], true);
        var parent = new StoredOrganisation(3, 1, "department", "某区乙局", null, [], true);
        var units = new[] { new StoredOrganisation(4, 3, "unit", "某区乙局中心", null, [], true), new StoredOrganisation(5, 3, "unit", "某区乙局站", null, [], true) };
        var at = DateTimeOffset.UtcNow.AddDays(-10);
        var signed = new StoredLedgerEntry("某区乙局中心/2024/单位决算", 4, "某区乙局中心", 2024, DocumentKind.UnitFinalAccounts, 1, at, at, 0, 0, true, true);
        var due = new Dictionary<(int, DocumentKind), DateOnly> { [(2024, DocumentKind.UnitFinalAccounts)] = DateOnly.FromDateTime(DateTime.Now).AddDays(-1) };
        var ledger = Ledgers.Build([region, lone, parent, .. units], [signed], due, 2024, DateOnly.FromDateTime(DateTime.Now));
        var loneCell = ledger.Rows.Single(r => r.Department.Id == 2).Cells.Single(c => c.Kind == DocumentKind.UnitFinalAccounts);
        Assert.False(loneCell.Overdue);
        Assert.Equal("—", loneCell.Text);
        var partial = ledger.Rows.Single(r => r.Department.Id == 3).Cells.Single(c => c.Kind == DocumentKind.UnitFinalAccounts);
        Assert.True(partial.Overdue);
        Assert.Equal(LedgerState.Audited, partial.State);
        Assert.StartsWith("1/2 ", partial.Text, StringComparison.Ordinal);
    }
}
