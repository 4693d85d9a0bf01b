using Juesuan.Cli;
using Juesuan.TestSupport;

namespace Juesuan.Cli.Tests;

/// <summary>The command line, run in-process against a private SQLite file.</summary>
public sealed class CliTests : CliTestBase
{
    [Fact]
    public async Task Import_save_list_show_export_delete_work_on_the_store()
    {
        var import = await Run("import", Paths.Example, "--save");
        Assert.Equal(0, import.Exit);
        Assert.Contains("部门：青石县医疗保障局", import.Out, StringComparison.Ordinal);
        Assert.Contains("公开07表 政府性基金预算财政拨款收入支出决算表：空表（已说明）", import.Out, StringComparison.Ordinal);
        Assert.Contains("绩效自评表：3 张（部门整体 1，项目 2）", import.Out, StringComparison.Ordinal);
        Assert.Contains("键：青石县医疗保障局/2024，第 1 版", import.Out, StringComparison.Ordinal);

        var list = await Run("list");
        Assert.Equal(0, list.Exit);
        Assert.Contains("青石县医疗保障局/2024", list.Out, StringComparison.Ordinal);
        Assert.Contains("共 1 个", list.Out, StringComparison.Ordinal);

        var show = await Run("show", "青石县医疗保障局/2024", "--table", "03");
        Assert.Equal(0, show.Exit);
        Assert.Contains("公开03表 支出决算表（单位：万元）", show.Out, StringComparison.Ordinal);
        Assert.Matches(@"2101501 行政运行\s+150\.30\s+150\.30\s+0\.00", show.Out);

        var exported = Path.Combine(Folder, "out.json");
        var export = await Run("export", "青石县医疗保障局/2024", "-o", exported);
        Assert.Equal(0, export.Exit);
        Assert.Equal(await File.ReadAllTextAsync(Paths.Example), await File.ReadAllTextAsync(exported));

        Assert.Equal(0, (await Run("delete", "青石县医疗保障局/2024")).Exit);
        var again = await Run("delete", "青石县医疗保障局/2024");
        Assert.Equal(2, again.Exit);
        Assert.Contains("存储中没有", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_aligns_chinese_labels_and_numbers()
    {
        var show = await Run("show", Paths.Example, "-t", "公开05表");
        var lines = show.Out.Split('\n').Where(l => l.Contains("2101501", StringComparison.Ordinal) || l.Contains("2210201", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(Documents.Plain.TextTable.Width(lines[0]), Documents.Plain.TextTable.Width(lines[1]));
    }

    [Fact]
    public async Task Show_can_print_a_unit_and_the_computed_consolidation()
    {
        var unit = await Run("show", Paths.Example, "--unit", "经办中心", "-t", "expenditure");
        Assert.Equal(0, unit.Exit);
        Assert.Contains("青石县医疗保险经办中心 2024年度决算（二级单位）", unit.Out, StringComparison.Ordinal);
        Assert.Matches(@"合计\s+181\.49", unit.Out);
        var consolidated = await Run("show", Paths.Example, "--consolidate", "-t", "03");
        Assert.Matches(@"合计\s+484\.93\s+381\.93\s+103\.00", consolidated.Out);
    }

    [Fact]
    public async Task Unreadable_input_exits_2_naming_the_file_and_the_reason()
    {
        var bad = Path.Combine(Folder, "bad.json");
        await File.WriteAllTextAsync(bad, "{\"schemaVersion\":1,\"department\":{\"name\":\"x\"},\"year\":2024,\"tables\":[{\"definition\":\"expenditure\",\"title\":\"t\",\"rows\":[{\"key\":\"total\",\"cells\":[{\"column\":\"total\",\"value\":\"abc\"}]}]}]}");
        var result = await Run("import", bad);
        Assert.Equal(2, result.Exit);
        Assert.Contains(bad, result.Err, StringComparison.Ordinal);
        Assert.Contains("$.tables[0].rows[0].cells[0].value", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);

        var missing = await Run("show", Path.Combine(Folder, "nope.json"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("找不到文件", missing.Err, StringComparison.Ordinal);

        var pdf = Path.Combine(Folder, "report.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4");
        var truncated = await Run("import", pdf);
        Assert.Equal(2, truncated.Exit);
        Assert.Contains("不是可读取的 PDF", truncated.Err, StringComparison.Ordinal);

        var doc = Path.Combine(Folder, "report.doc");
        await File.WriteAllTextAsync(doc, "word");
        var unsupported = await Run("import", doc);
        Assert.Equal(2, unsupported.Exit);
        Assert.Contains("不能导入 .doc 文件", unsupported.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_2_in_chinese()
    {
        var result = await Run("frobnicate");
        Assert.Equal(2, result.Exit);
        Assert.Contains("用法错误", result.Err, StringComparison.Ordinal);
        var unknownTable = await Run("show", Paths.Example, "-t", "99");
        Assert.Equal(2, unknownTable.Exit);
        Assert.Contains("没有表", unknownTable.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_in_chinese()
    {
        var result = await Run("--help");
        Assert.Equal(0, result.Exit);
        Assert.Contains("导入部门年度", result.Out, StringComparison.Ordinal);
        Assert.Contains("显示帮助和用法", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgres_store_without_a_connection_string_is_a_usage_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Program.RunAsync(["list", "--store", "postgres", "--connection", ""], output, error);
        Assert.Equal(2, exit);
        Assert.Contains("连接字符串", error.ToString(), StringComparison.Ordinal);
    }

}
