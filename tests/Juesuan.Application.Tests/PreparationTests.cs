using System.Text;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Formats.Excel;
using Juesuan.Formats.Json;
using Juesuan.Storage;
using Juesuan.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Application.Tests;

/// <summary>
/// Next year from this year (issue 16, part 2): from the example stored as 2024, the 2025 workbook has the same tables and
/// rows, every figure blank, and each of 2024's 决算数 as its 上年数 — through the workbook and back.
/// </summary>
public sealed class PreparationTests : IDisposable
{
    // 2101590 (up to the 2019 edition) was renamed 2101591.
    private const string Editions = """
        { "catalog": "function", "editions": [2019], "title": "测试目录",
          "entries": [ { "code": "2101590", "name": "旧名称事务", "until": 2020, "replacedBy": ["2101591"] } ] }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("juesuan-prepare-").FullName;
    private readonly ServiceProvider _services;

    public PreparationTests() => _services = new ServiceCollection()
        .AddJuesuan(o =>
        {
            o.Store = StoreOptions.Resolve("sqlite", Path.Combine(_folder, "store.db")) with { ExplicitPath = false };
            o.Reference = o.Reference.WithCatalogs(Catalog.LoadEditions(new MemoryStream(Encoding.UTF8.GetBytes(Editions))));
        })
        .BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_2025_workbook_has_2024s_rows_blank_and_2024s_actuals_as_its_prior_figures()
    {
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        await _services.GetRequiredService<Library>().SaveAsync(example);
        var (prepared, problem) = await _services.GetRequiredService<Preparation>().NextYearAsync("青石县医疗保障局", 2025);
        Assert.Null(problem);
        var next = prepared!.Year;
        Assert.Equal(2025, next.Year);
        Assert.Equal("青石县医疗保障局/2024", prepared.PriorKey);
        Assert.Equal(example.Tables.Select(t => (t.Definition, t.Rows.Count)), next.Tables.Select(t => (t.Definition, t.Rows.Count)));
        Assert.All(next.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells), c => Assert.Null(c.Value));

        // Through the workbook a clerk fills, and back: every 决算数 of 2024's tables is 2025's 上年数.
        var path = Path.Combine(_folder, "2025.xlsx");
        Workbook.Write(next, path);
        var back = Workbook.Read(path).Value!;
        var facts = FactIndex.Build(example);
        var stated = facts.Keys.Where(k => k.Basis == Bases.Actual).Select(k => (k, facts.Find(k).FirstOrDefault(a => a.Origin == AssertionOrigin.Table))).Where(x => x.Item2 is not null).ToList();
        Assert.True(stated.Count > 100);
        var prior = back.References.ToDictionary(r => r.Key);
        Assert.All(stated, x => Assert.Equal(x.Item2!.Amount, prior[x.k with { Basis = Bases.Prior }].Amount));
        Assert.Equal(stated.Count, prepared.PriorFigures);

        // By a stored key too; a year with nothing before it is refused in words.
        Assert.NotNull((await _services.GetRequiredService<Preparation>().NextYearAsync("青石县医疗保障局/2024", 2025)).Prepared);
        var (none, why) = await _services.GetRequiredService<Preparation>().NextYearAsync("青石县医疗保障局", 2024);
        Assert.Null(none);
        Assert.Contains("2023 年度", why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_renamed_in_the_catalogue_continues_under_its_successor()
    {
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        var table = example.Tables.First(t => t.Rows.Any(r => r.Key.Length == 7));
        var old = table.Rows.First(r => r.Key.Length == 7);
        var renamed = example with { Year = 2019, Tables = [table with { Rows = [old with { Key = "2101590", Label = "旧名称事务" }] }] };
        var prepared = _services.GetRequiredService<Preparation>().Prepare(renamed, 2020, "k");
        Assert.Equal("2101591", prepared.Year.Tables.Single().Rows.Single().Key);
        Assert.Equal([("2101590", "2101591")], prepared.Renamed);
        Assert.Contains(prepared.Year.References, r => r.Key.Code == "2101591" && r.Key.Basis == Bases.Prior);
    }

    [Fact]
    public async Task The_reasons_sheet_lists_exactly_the_reasons_the_disclosure_lacks_and_a_filled_one_is_used()
    {
        // The example without its reasons: the disclosure would print 【待补充】 for each.
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value! with { Explanations = [] };
        var renderer = _services.GetRequiredService<Renderer>();
        var lacking = renderer.GapsOf(example).Where(g => g.Subject is not null).ToList();
        Assert.NotEmpty(lacking);

        using var stream = new MemoryStream();
        await Exports.WriteAsync(example, ExportFormat.Xlsx, stream);
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(stream.ToArray()), useHeaderRow: true, sheetName: "原因说明").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(lacking.Select(g => g.What).Distinct().Order(StringComparer.Ordinal), sheet.Select(r => (string)r["需要说明的内容"]!).Order(StringComparer.Ordinal));
        Assert.All(sheet, r => Assert.Null(r["原因"]));

        // Read back as it is, nothing is explained; a reason written in its row is used, and that gap is gone.
        var blank = Workbook.Read(stream.ToArray(), "q.xlsx").Value!;
        Assert.Empty(blank.Explanations);
        var first = sheet[0];
        var what = (string)first["需要说明的内容"]!;
        var filled = blank with
        {
            Explanations = [new Explanation { Subject = new FactKey((string)first["概念"]!, first["编码"] as string, (string)first["范围"]!), Topic = (string)first["说明对象"]! == "与预算差异" ? ExplanationTopic.Budget : ExplanationTopic.Change, Text = "人员变动" }],
        };
        Assert.Contains(renderer.GapsOf(blank), g => g.What == what);
        Assert.DoesNotContain(renderer.GapsOf(filled), g => g.What == what);
    }

    [SkippableFact]
    public async Task A_report_read_back_asks_through_its_workbook_for_the_same_reasons_its_narrative_did()
    {
        // Its prior-year figures are stated only in its narrative (「比上年减少…」): the workbook carries them in 参考数.
        var zhenan = _services.GetRequiredService<Reports>().ReadFile(Path.Combine(Paths.RequireSamples(), "zhenan-2023-final-accounts.txt")).Year!;
        var renderer = _services.GetRequiredService<Renderer>();
        using var stream = new MemoryStream();
        await Exports.WriteAsync(zhenan, ExportFormat.Xlsx, stream);
        var back = Workbook.Read(stream.ToArray(), "z.xlsx").Value!;
        static IEnumerable<string> Reasons(IEnumerable<Documents.Disclosure.NarrativeGap> gaps) => gaps.Where(g => g.Subject is not null).Select(g => g.What).Order(StringComparer.Ordinal);
        // (Through the workbook the narrative is written from the figures, as for the report without its own words.)
        Assert.Equal(Reasons(renderer.GapsOf(zhenan with { Sources = [] })), Reasons(renderer.GapsOf(back)));
        Assert.Contains(back.References, r => r.Key.Basis == Bases.Prior);
    }

    [Fact]
    public async Task A_self_evaluations_key_leads_to_its_departments_disclosure_and_operating_costs_carry_over()
    {
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        var library = _services.GetRequiredService<Library>();
        await library.SaveAsync(example);
        var evaluation = await library.SaveAsync(example with { Kind = DocumentKind.SelfEvaluationReport });
        var (prepared, _) = await _services.GetRequiredService<Preparation>().NextYearAsync(evaluation.Key, 2025);
        Assert.Equal("青石县医疗保障局/2024", prepared!.PriorKey);
        Assert.Equal(example.OperatingCosts?.Actual, prepared.Year.OperatingCosts?.Prior);
    }

    [Fact]
    public async Task The_render_gate_passes_once_a_reviewer_has_marked_the_errors_false_alarms()
    {
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        var table = example.Tables.First(t => t.Rows.Count > 2);
        var row = table.Rows.First(r => r.Cells.Any(c => c.Value is not null && c.Value.Value.Value > 1m));
        var cell = row.Cells.First(c => c.Value is not null && c.Value.Value.Value > 1m);
        var defective = example with
        {
            Tables = [.. example.Tables.Select(t => t != table ? t : t with { Rows = [.. t.Rows.Select(r => r != row ? r : r with { Cells = [.. r.Cells.Select(c => c != cell ? c : c with { Value = Domain.Numbers.Printed.Parse((c.Value!.Value.Value + 1m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Value })] })] })],
        };
        var library = _services.GetRequiredService<Library>();
        await library.SaveAsync(defective);
        var loaded = await _services.GetRequiredService<Reports>().LoadStoredAsync(defective.Key);
        var gate = _services.GetRequiredService<RenderGate>();
        var before = await gate.CheckAsync(loaded);
        Assert.NotEmpty(before.Errors);
        Assert.Empty(before.Gaps);

        var reviews = _services.GetRequiredService<Reviews>();
        var report = await _services.GetRequiredService<Audits>().AuditStoredAsync(loaded);
        foreach (var finding in report.Findings.Where(f => f.Severity == Audit.Severity.Error))
        {
            await reviews.DecideAsync(defective.Key, loaded.Stored!.Revision, Juesuan.Audit.FindingFingerprint.Of(finding), ReviewDecisions.FalseAlarm, "核对无误", "审核员");
        }

        Assert.True((await gate.CheckAsync(loaded)).Passed);
    }
}
