using System.Text.Json;
using Juesuan.Cli;
using Juesuan.TestSupport;

namespace Juesuan.Cli.Tests;

public sealed class AuditCliTests : CliTestBase
{
    private static string Fixture(string name) => Path.Combine(Paths.RepoRoot, "tests", "Juesuan.Audit.Tests", "Fixtures", name);

    [Fact]
    public async Task Auditing_a_consistent_department_year_exits_0()
    {
        var result = await Run("audit", Paths.Example);
        Assert.Equal(0, result.Exit);
        Assert.Contains("未发现问题", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auditing_a_report_with_errors_exits_1()
    {
        var result = await Run("audit", Fixture("zhenan-2023.json"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("【错误】4 项", result.Out, StringComparison.Ordinal);
        Assert.Contains("T06.CLASS_SUM", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_input_exits_2()
    {
        var bad = Path.Combine(Folder, "bad.json");
        await File.WriteAllTextAsync(bad, "{ not json");
        var result = await Run("audit", bad);
        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.json", result.Err, StringComparison.Ordinal);
        Assert.Contains("不是合法的 JSON", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_goes_to_a_file()
    {
        var target = Path.Combine(Folder, "audit.json");
        var result = await Run("audit", Fixture("xigong-2022.json"), "--format", "json", "-o", target);
        Assert.Equal(0, result.Exit);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(target));
        Assert.Equal(0, doc.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task Html_and_xlsx_are_written()
    {
        var html = Path.Combine(Folder, "audit.html");
        Assert.Equal(1, (await Run("audit", Fixture("zhenan-2023.json"), "-f", "html", "-o", html)).Exit);
        Assert.Contains("镇安县医疗保障局", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        var xlsx = Path.Combine(Folder, "audit.xlsx");
        Assert.Equal(1, (await Run("audit", Fixture("zhenan-2023.json"), "-f", "xlsx", "-o", xlsx)).Exit);
        Assert.True(new FileInfo(xlsx).Length > 1000);
        Assert.Equal(2, (await Run("audit", Fixture("zhenan-2023.json"), "-f", "xlsx")).Exit);
    }

    [Fact]
    public async Task A_directory_is_audited_file_by_file_with_a_summary()
    {
        var dir = Path.Combine(Folder, "reports");
        Directory.CreateDirectory(dir);
        File.Copy(Fixture("zhenan-2023.json"), Path.Combine(dir, "a.json"));
        File.Copy(Fixture("xigong-2022.json"), Path.Combine(dir, "b.json"));
        File.Copy(Paths.Example, Path.Combine(dir, "c.json"));
        var result = await Run("audit", dir);
        Assert.Equal(1, result.Exit);
        Assert.Contains("汇总", result.Out, StringComparison.Ordinal);
        Assert.Contains("镇安县医疗保障局", result.Out, StringComparison.Ordinal);
        Assert.Contains("洛阳市西工区医疗保障局", result.Out, StringComparison.Ordinal);
        Assert.Contains("青石县医疗保障局", result.Out, StringComparison.Ordinal);

        var json = await Run("audit", dir, "-f", "json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(3, doc.RootElement.GetProperty("documents").GetArrayLength());
        Assert.Equal(2, doc.RootElement.GetProperty("summary").GetProperty("passed").GetInt32());
    }

    [Fact]
    public async Task A_stored_department_year_is_audited_by_key()
    {
        Assert.Equal(0, (await Run("import", Paths.Example, "--save")).Exit);
        var result = await Run("audit", "青石县医疗保障局/2024");
        Assert.Equal(0, result.Exit);
    }

    [Fact]
    public async Task Import_with_audit_reports_and_sets_the_exit_code()
    {
        var result = await Run("import", Fixture("zhenan-2023.json"), "--audit");
        Assert.Equal(1, result.Exit);
        Assert.Contains("审核：镇安县医疗保障局", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_recomputes_the_example_without_differences()
    {
        var result = await Run("score", Paths.Example, "--all");
        Assert.Equal(0, result.Exit);
        Assert.Contains("【部门整体】青石县医疗保障局", result.Out, StringComparison.Ordinal);
        Assert.Contains("医保结算办结时限", result.Out, StringComparison.Ordinal);
        Assert.Contains("所有得分与评分规则一致", result.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Score_lists_the_difference_and_exits_1()
    {
        var result = await Run("score", Path.Combine(Paths.RequireSamples(), "zhenan-2023-final-accounts.txt"));
        Assert.Equal(1, result.Exit);
        Assert.Matches(@"预算执行率\s+49\.00万元 ÷ 49\.30万元\s+10\s+10\s+9\.94", result.Out);
    }

}

/// <summary>`audit --prior` and the store's prior year: the cross-year rules from the command line.</summary>
public sealed class PriorAuditCliTests : CliTestBase
{
    // The example's 2023: its 一般公共预算财政拨款支出 published as 468.30, where the 2024 report implies 458.30.
    private string WritePrior()
    {
        var prior = ComparisonData.YearBefore(ComparisonData.Example, "qingshi-2023.pdf", 6, (Domain.Templates.TableIds.GpbExpenditure, "total", "total", "468.30"));
        var path = Path.Combine(Folder, "qingshi-2023.json");
        File.WriteAllText(path, Formats.Json.DepartmentYearJson.Write(prior));
        return path;
    }

    [Fact]
    public async Task A_prior_report_given_on_the_command_line_is_checked_against()
    {
        var result = await Run("audit", Paths.Example, "--prior", WritePrior());
        Assert.Equal(1, result.Exit);
        Assert.Contains("跨年核对：以 青石县医疗保障局 2023 年度的报告为上年报告", result.Err, StringComparison.Ordinal);
        Assert.Contains("[Y.PRIOR]", result.Out, StringComparison.Ordinal);
        Assert.Contains("458.30万元", result.Out, StringComparison.Ordinal);

        // Without it the example passes, as before.
        Assert.Equal(0, (await Run("audit", Paths.Example)).Exit);
    }

    [Fact]
    public async Task A_stored_department_year_is_checked_against_its_stored_prior_year()
    {
        Assert.Equal(0, (await Run("import", Paths.Example, "--save")).Exit);
        Assert.Equal(0, (await Run("audit", "青石县医疗保障局/2024")).Exit);

        Assert.Equal(0, (await Run("import", WritePrior(), "--save")).Exit);
        var result = await Run("audit", "青石县医疗保障局/2024");
        Assert.Equal(1, result.Exit);
        Assert.Contains("[Y.PRIOR]", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prior_for_a_directory_is_a_usage_error()
    {
        var result = await Run("audit", Folder, "--prior", WritePrior());
        Assert.Equal(2, result.Exit);
        Assert.Contains("--prior", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prior_that_cannot_be_read_is_a_usage_error() =>
        Assert.Equal(2, (await Run("audit", Paths.Example, "--prior", Path.Combine(Folder, "missing.json"))).Exit);
}

/// <summary>`compare series`: a department's figure over the stored years.</summary>
public sealed class CompareCliTests : CliTestBase
{
    [Fact]
    public async Task A_series_is_printed_as_text_or_json_and_a_wrong_request_exits_2()
    {
        Assert.Equal(0, (await Run("import", Paths.Example, "--save")).Exit);
        var text = await Run("compare", "series", "青石县医疗保障局", "本年支出合计");
        Assert.Equal(0, text.Exit);
        Assert.Contains("2024\t484.93万元", text.Out, StringComparison.Ordinal);

        var json = await Run("compare", "series", "青石县", "2101501", "-f", "json");
        Assert.Equal(0, json.Exit);
        using (var said = JsonDocument.Parse(json.Out))
        {
            Assert.Equal("青石县医疗保障局", said.RootElement.GetProperty("organisation").GetString());
            Assert.Equal(2024, said.RootElement.GetProperty("points")[0].GetProperty("year").GetInt32());
        }

        var unknown = await Run("compare", "series", "青石县医疗保障局", "某某支出");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("不认识「某某支出」", unknown.Err, StringComparison.Ordinal);
    }
}

/// <summary>`compare peers`: the year's departments of one kind side by side.</summary>
public sealed class PeerCliTests : CliTestBase
{
    [Fact]
    public async Task Peers_are_compared_as_text_or_json_and_an_empty_group_exits_2()
    {
        var example = ComparisonData.Example;
        for (var i = 1; i <= 5; i++)
        {
            var file = Path.Combine(Folder, $"b{i}.json");
            File.WriteAllText(file, Formats.Json.DepartmentYearJson.Write(ComparisonData.Bureau(example, i, i == 5 ? 9 : 36 + (i % 2))));
            Assert.Equal(0, (await Run("import", file, "--save")).Exit);
        }

        var text = await Run("compare", "peers", "2024", "--like", "医疗保障局");
        Assert.Equal(0, text.Exit);
        Assert.Contains("名称含「医疗保障局」的部门（5 个）", text.Out, StringComparison.Ordinal);
        Assert.Contains("▲", text.Out, StringComparison.Ordinal);
        Assert.Contains("第5县医疗保障局的机关运行经费人均为", text.Out, StringComparison.Ordinal);

        var json = await Run("compare", "peers", "2024", "--like", "医疗保障局", "-f", "json");
        using (var said = JsonDocument.Parse(json.Out))
        {
            Assert.Equal(5, said.RootElement.GetProperty("departments").GetArrayLength());
            Assert.Contains(said.RootElement.GetProperty("outliers").EnumerateArray(), o => o.GetProperty("department").GetString() == "第5县医疗保障局");
        }

        Assert.Equal(2, (await Run("compare", "peers", "2019")).Exit);
    }
}
