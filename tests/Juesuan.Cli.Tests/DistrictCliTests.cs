using Juesuan.TestSupport;

namespace Juesuan.Cli.Tests;

/// <summary>`juesuan orgs` and `juesuan ledger` (issue 18): exit codes, messages, and a batch import filed from content.</summary>
public sealed class DistrictCliTests : CliTestBase
{
    [Fact]
    public async Task Orgs_import_reports_bad_rows_with_exit_2_and_a_good_list_lists_as_a_tree()
    {
        var bad = Path.Combine(Folder, "坏.csv");
        await File.WriteAllTextAsync(bad, "名称,层级,上级,代码\n某区,地区,,1\n某区教育局,科室,某区,2\n");
        var refused = await Run("orgs", "import", bad);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("第 3 行：层级「科室」应为 地区、部门 或 单位。", refused.Err, StringComparison.Ordinal);
        Assert.Contains("未导入任何组织", refused.Err, StringComparison.Ordinal);

        var template = Path.Combine(Folder, "模板.xlsx");
        Assert.Equal(0, (await Run("orgs", "template", "-o", template)).Exit);
        var imported = await Run("orgs", "import", template);
        Assert.Equal(0, imported.Exit);
        Assert.Contains("已导入 4 个组织（新增 4，更新 0）", imported.Out, StringComparison.Ordinal);
        var list = await Run("orgs", "list");
        Assert.Contains("    某某市某某区医疗保险事业管理中心", list.Out, StringComparison.Ordinal);
        Assert.Contains("区医保局、某某区医保局", list.Out, StringComparison.Ordinal);

        Assert.Equal(2, (await Run("orgs", "alias", "没有这个局", "甲")).Exit);
        Assert.Equal(0, (await Run("orgs", "alias", "某某市某某区医疗保障局", "某某区医疗保障局本级")).Exit);
    }

    [SkippableFact]
    public async Task A_directory_is_filed_by_content_and_the_ledger_shows_it_with_its_audit_and_due_dates()
    {
        var samples = Paths.RequireSamples();
        var list = Path.Combine(Folder, "组织.csv");
        await File.WriteAllTextAsync(list, "名称,层级,上级,代码\n陕西省商洛市镇安县,地区,,1\n镇安县医疗保障局,部门,陕西省商洛市镇安县,2\n河南省洛阳市西工区,地区,,3\n洛阳市西工区医疗保障局,部门,河南省洛阳市西工区,4\n");
        Assert.Equal(0, (await Run("orgs", "import", list)).Exit);

        // Renamed so that each file's name points at the other department: the content decides.
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "报告")).FullName;
        File.Copy(Path.Combine(samples, "zhenan-2023-final-accounts.txt"), Path.Combine(folder, "西工区医疗保障局2023.txt"));
        File.Copy(Path.Combine(samples, "xigong-2022-final-accounts.txt"), Path.Combine(folder, "镇安县医疗保障局2022.txt"));
        File.Copy(Path.Combine(samples, "longxian-2022-final-accounts.txt"), Path.Combine(folder, "陇县.txt"));
        var run = await Run("import", folder, "--save", "--audit");
        Assert.Equal(1, run.Exit);
        Assert.Contains("归入「镇安县医疗保障局」", run.Out, StringComparison.Ordinal);
        Assert.Contains("归入「洛阳市西工区医疗保障局」", run.Out, StringComparison.Ordinal);
        Assert.Contains("写的是「西工区医疗保障局」，报告内容是「镇安县医疗保障局」的", run.Err, StringComparison.Ordinal);
        Assert.Contains("未保存", run.Err, StringComparison.Ordinal);
        Assert.Matches(@"陇县\.txt\s+待确认归属", run.Out);
        Assert.Contains("共 3 个文件：", run.Out, StringComparison.Ordinal);
        Assert.Contains("陇县医疗保障局", run.Err, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("ledger", "due", "2022", "部门决算", "2023-09-30")).Exit);
        Assert.Equal(2, (await Run("ledger", "due", "2022", "预算", "2023-09-30")).Exit);
        var ledger = await Run("ledger", "--year", "2022");
        Assert.Equal(0, ledger.Exit);
        Assert.Matches(@"洛阳市西工区医疗保障局\s+错 \d+ / 警 \d+（逾期提交）", ledger.Out);
        Assert.Matches(@"镇安县医疗保障局\s+缺（逾期）", ledger.Out);

        var xlsx = Path.Combine(Folder, "台账.xlsx");
        Assert.Equal(0, (await Run("ledger", "-f", "xlsx", "-o", xlsx)).Exit);
        Assert.True(new FileInfo(xlsx).Length > 0);
    }
}

/// <summary>The command line a person expects (issue 16, part 6): help without a command, formats from the output's extension.</summary>
public sealed class ExpectedCliTests : CliTestBase
{
    [Fact]
    public async Task Juesuan_alone_and_juesuan_help_show_the_help()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await Program.RunAsync([], output, error));
        Assert.Contains("决算（Juesuan）", output.ToString(), StringComparison.Ordinal);
        var help = await Run("help", "ledger");
        Assert.Equal(0, help.Exit);
        Assert.Contains("材料台账", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_f_the_outputs_extension_names_the_format_and_a_clash_is_a_usage_error()
    {
        var xlsx = Path.Combine(Folder, "审核.xlsx");
        Assert.Equal(0, (await Run("audit", Paths.Example, "-o", xlsx)).Exit);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(xlsx)[..2]);
        var docx = Path.Combine(Folder, "公开.docx");
        Assert.Equal(0, (await Run("render", Paths.Example, "-o", docx)).Exit);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(docx)[..2]);
        var json = Path.Combine(Folder, "导出.json");
        Assert.Equal(0, (await Run("export", Paths.Example, "-o", json)).Exit);
        Assert.Equal((byte)'{', File.ReadAllBytes(json).SkipWhile(b => b is 0xEF or 0xBB or 0xBF).First());

        var clash = await Run("audit", Paths.Example, "-f", "json", "-o", Path.Combine(Folder, "另.xlsx"));
        Assert.Equal(2, clash.Exit);
        Assert.Contains("与输出文件 另.xlsx 的扩展名不符", clash.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Folder, "另.xlsx")));
    }
}
