using System.CommandLine;
using Juesuan.Formats;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;
using Juesuan.Import;
using Juesuan.Formats.Json;
using Juesuan.Storage;

namespace Juesuan.Cli;

/// <summary>The commands of `juesuan` and their actions.</summary>
internal static class Commands
{
    /// <summary>What an input argument accepts, for help text; the extensions are the ones <see cref="Importer"/> reads.</summary>
    internal static readonly string InputFormats = "部门年度文件（" + string.Join("、", Importer.Extensions) + "）";

    private static readonly Option<string?> StoreOption = new("--store")
    {
        Description = "存储类型：sqlite（默认）或 postgres；也可用环境变量 JUESUAN_STORE",
        Recursive = true,
    };

    private static readonly Option<string?> DbOption = new("--db")
    {
        Description = "SQLite 数据库文件（默认在用户数据目录 ~/.local/share/juesuan/juesuan.db）；也可用环境变量 JUESUAN_DB",
        Recursive = true,
    };

    private static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "PostgreSQL 连接字符串；也可用环境变量 JUESUAN_CONNECTION",
        Recursive = true,
    };

    private static readonly Option<bool> CreateOption = new("--create")
    {
        Description = "--db 指定的数据库文件不存在时新建它（默认存储首次使用时自动新建）",
        Recursive = true,
    };

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("决算（Juesuan）：部门决算公开与绩效自评的编制、审核、发布与比较。");
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Description = "显示帮助和用法";
        }

        root.Options.Add(StoreOption);
        root.Options.Add(DbOption);
        root.Options.Add(ConnectionOption);
        root.Options.Add(CreateOption);
        root.Subcommands.Add(Import(context));
        root.Subcommands.Add(AuditCommand.Build(context, (parse, input, ct) => LoadAsync(parse, input, context, ct)));
        root.Subcommands.Add(ScoreCommand.Build(context, (parse, input, ct) => LoadAsync(parse, input, context, ct)));
        root.Subcommands.Add(RenderCommand.Build(context, (parse, input, ct) => LoadAsync(parse, input, context, ct)));
        root.Subcommands.Add(Show(context));
        root.Subcommands.Add(List(context));
        root.Subcommands.Add(Export(context));
        root.Subcommands.Add(Delete(context));
        return root;
    }

    private static Command Import(CliContext context)
    {
        var input = new Argument<string>("输入") { Description = InputFormats + "，或含多个这类文件的目录" };
        var output = new Option<string?>("--output", "-o") { Description = "把读到的部门年度写成 JSON 文件（单个输入时）" };
        var save = new Option<bool>("--save") { Description = "保存到存储（同一部门同一年度再次导入时整体替换）" };
        var audit = new Option<bool>("--audit") { Description = "导入后立即审核（有错误时退出码为 1）" };
        var force = Outputs.Force();
        var command = new Command("import", "导入部门年度：读取、检查并显示摘要；可写出 JSON、保存到存储并审核。") { input, output, save, audit, force };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(input)!;
            var files = InputFiles(path, context);
            if (files is null)
            {
                return ExitCodes.Usage;
            }

            if (files.Count > 1 && parse.GetValue(output) is not null)
            {
                await context.Err.WriteLineAsync("用法错误：目录输入不能与 --output 同用（每个文件各自导入）。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (parse.GetValue(output) is { } written && Outputs.Problem(written, files, parse.GetValue(force)) is { } problem)
            {
                await context.Err.WriteLineAsync(problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            DepartmentYearStore? store = parse.GetValue(save) ? await OpenStoreAsync(parse, ct, writing: true).ConfigureAwait(false) : null;
            var exit = ExitCodes.Ok;
            foreach (var file in files)
            {
                var year = ReadInput(file, context);
                if (year is null)
                {
                    // An incomplete audit of an earlier file (3) is not hidden by a later unreadable one.
                    exit = exit == ExitCodes.Internal ? exit : ExitCodes.Usage;
                    continue;
                }

                await context.Out.WriteAsync(Summary.Describe(year, file)).ConfigureAwait(false);
                if (parse.GetValue(output) is { } target)
                {
                    await File.WriteAllTextAsync(target, DepartmentYearJson.Write(year), ct).ConfigureAwait(false);
                    await context.Out.WriteLineAsync($"已写出 {target}").ConfigureAwait(false);
                }

                if (store is not null)
                {
                    var saved = await store.SaveAsync(year, ct).ConfigureAwait(false);
                    await context.Out.WriteLineAsync($"已保存到 {store.Options.Describe()}（键：{saved.Key}，第 {saved.Revision} 版）").ConfigureAwait(false);
                }

                if (parse.GetValue(audit))
                {
                    var report = Audit.Auditor.Audit(year, file);
                    await context.Out.WriteLineAsync().ConfigureAwait(false);
                    await context.Out.WriteAsync(Documents.AuditReports.AuditText.Render(report)).ConfigureAwait(false);
                    if (report.Incomplete is { } incomplete)
                    {
                        await context.Err.WriteLineAsync(incomplete).ConfigureAwait(false);
                        exit = ExitCodes.Internal;
                    }
                    else if (!report.Passed && exit == ExitCodes.Ok)
                    {
                        exit = ExitCodes.Findings;
                    }
                }
            }

            return exit;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var input = new Argument<string>("输入") { Description = InputFormats + "，或存储中的键（如「青石县医疗保障局/2024」）" };
        var table = new Option<string?>("--table", "-t") { Description = "只显示一张表：表号（如 03、公开03表）、表名或表定义（如 expenditure）" };
        var unit = new Option<string?>("--unit", "-u") { Description = "显示某个单位的表（单位名称），默认显示部门汇总表" };
        var consolidate = new Option<bool>("--consolidate") { Description = "显示由各单位表计算出的汇总表（而不是报告所列的部门表）" };
        var command = new Command("show", "以对齐的文本显示部门年度的各张表。") { input, table, unit, consolidate };
        command.SetAction(async (parse, ct) =>
        {
            var year = await LoadAsync(parse, parse.GetValue(input)!, context, ct).ConfigureAwait(false);
            if (year is null)
            {
                return ExitCodes.Usage;
            }

            IReadOnlyList<StatedTable> tables = year.Tables;
            var heading = $"{year.Department.Name} {year.Year}年度部门决算";
            if (parse.GetValue(unit) is { } unitName)
            {
                var found = year.Units.FirstOrDefault(u => u.Name == unitName || u.Name.Contains(unitName, StringComparison.Ordinal));
                if (found is null)
                {
                    await context.Err.WriteLineAsync($"没有单位「{unitName}」；可用：{string.Join("、", year.Units.Select(u => u.Name))}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                tables = found.Tables;
                heading = $"{found.Name} {year.Year}年度决算（{(found.Kind == OrgUnitKind.Headquarters ? "本级" : "二级单位")}）";
            }
            else if (parse.GetValue(consolidate))
            {
                tables = Consolidation.Consolidate(year.Units);
                heading += "（由各单位表汇总计算）";
            }

            if (parse.GetValue(table) is { } wanted)
            {
                var match = tables.FirstOrDefault(t => TableMatches(year, t, wanted));
                if (match is null)
                {
                    await context.Err.WriteLineAsync($"没有表「{wanted}」；可用：{string.Join("、", tables.Select(t => (t.Number ?? t.Definition) + " " + t.Title))}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                tables = [match];
            }

            await context.Out.WriteAsync(TableText.Render(year, tables, heading)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "列出存储中的部门年度。");
        command.SetAction(async (parse, ct) =>
        {
            var store = await OpenStoreAsync(parse, ct).ConfigureAwait(false);
            var items = store is null ? [] : await store.ListAsync(ct).ConfigureAwait(false);
            if (items.Count == 0)
            {
                await context.Out.WriteLineAsync($"存储中没有部门年度（{StoreName(parse)}{(store is null ? "，尚未创建" : string.Empty)}）。用 juesuan import <文件> --save 导入。").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var rows = items.Select(i => (IReadOnlyList<string>)[i.Key, i.Department, i.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Province ?? string.Empty,
                i.TemplateId, i.Units.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Tables.ToString(System.Globalization.CultureInfo.InvariantCulture),
                i.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), i.SavedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)]).ToArray();
            await context.Out.WriteAsync(TextTable.Render(["键", "部门", "年度", "省份", "模板", "单位数", "表数", "版本", "保存时间"], rows, new HashSet<int> { 2, 5, 6, 7 })).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"共 {items.Count} 个（{StoreName(parse)}）").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var key = new Argument<string?>("键") { Description = "存储中的键（如「青石县医疗保障局/2024」），或一个部门年度文件", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--output", "-o") { Description = "输出文件；省略时写到标准输出（xlsx 必须给出文件）" };
        var format = new Option<string>("--format", "-f") { Description = "输出格式：json（默认，可再导入）、xlsx（填报模板，可再导入）、txt（报告文本）", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "xlsx", "txt");
        var blank = new Option<string?>("--blank") { Description = "不给键时：写出该模板（如 national-2022、shaanxi-2022）的空白填报模板" };
        var year = new Option<int>("--year") { Description = "空白模板的年度", DefaultValueFactory = _ => DateTime.Today.Year - 1 };
        var force = Outputs.Force();
        var command = new Command("export", "导出部门年度：JSON、Excel 填报模板（xlsx）或报告文本；--blank 写出空白填报模板。") { key, output, format, blank, year, force };
        command.SetAction(async (parse, ct) =>
        {
            DepartmentYear? data;
            if (parse.GetValue(key) is { } wanted)
            {
                data = await LoadAsync(parse, wanted, context, ct).ConfigureAwait(false);
            }
            else if (parse.GetValue(blank) is { } templateId)
            {
                if (TemplateLibrary.Find(templateId) is not { } template)
                {
                    await context.Err.WriteLineAsync($"未知模板「{templateId}」；可用：{string.Join("、", TemplateLibrary.Templates.Keys.Order())}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                data = Juesuan.Formats.Excel.Workbook.Blank(template, parse.GetValue(year));
            }
            else
            {
                await context.Err.WriteLineAsync("用法错误：请给出要导出的键或文件，或用 --blank 模板 写出空白填报模板。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (data is null)
            {
                return ExitCodes.Usage;
            }

            var target = parse.GetValue(output);
            if (target is not null && Outputs.Problem(target, parse.GetValue(key) is { } source ? [source] : [], parse.GetValue(force)) is { } problem)
            {
                await context.Err.WriteLineAsync(problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            switch (parse.GetValue(format))
            {
                case "xlsx":
                    if (target is null)
                    {
                        await context.Err.WriteLineAsync("用法错误：xlsx 格式须用 -o 指定输出文件。").ConfigureAwait(false);
                        return ExitCodes.Usage;
                    }

                    Juesuan.Formats.Excel.Workbook.Write(data, target);
                    break;
                case var kind:
                    var text = kind == "txt" ? Juesuan.Formats.Text.TextReportWriter.Write(data) : DepartmentYearJson.Write(data);
                    if (target is null)
                    {
                        await context.Out.WriteAsync(text).ConfigureAwait(false);
                        return ExitCodes.Ok;
                    }

                    await File.WriteAllTextAsync(target, text, ct).ConfigureAwait(false);
                    break;
            }

            await context.Err.WriteLineAsync($"已导出到 {target}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var key = new Argument<string>("键") { Description = "存储中的键（如「青石县医疗保障局/2024」）" };
        var command = new Command("delete", "从存储中删除一个部门年度。") { key };
        command.SetAction(async (parse, ct) =>
        {
            var store = await OpenStoreAsync(parse, ct).ConfigureAwait(false);
            var wanted = parse.GetValue(key)!;
            if (store is null || !await store.DeleteAsync(wanted, ct).ConfigureAwait(false))
            {
                await context.Err.WriteLineAsync($"存储中没有「{wanted}」。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await context.Out.WriteLineAsync($"已删除「{wanted}」。").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool TableMatches(DepartmentYear year, StatedTable table, string wanted)
    {
        var w = wanted.Trim();
        var number = table.Number ?? year.Template.Table(table.Definition)?.Number ?? string.Empty;
        return table.Definition == w || Template.TitleKey(table.Title) == Template.TitleKey(w) || number == w
            || (w.Length <= 2 && int.TryParse(w, out var n) && number == $"公开{n:00}表");
    }

    private static List<string>? InputFiles(string path, CliContext context)
    {
        if (Directory.Exists(path))
        {
            var files = Importer.FilesIn(path);
            if (files.Count == 0)
            {
                context.Err.WriteLine($"目录 {path} 中没有可导入的文件（{string.Join("、", Importer.Extensions)}）。");
                return null;
            }

            return [.. files];
        }

        if (!File.Exists(path))
        {
            context.Err.WriteLine($"找不到文件 {path}。");
            return null;
        }

        return [path];
    }

    private static DepartmentYear? ReadInput(string file, CliContext context)
    {
        var result = Importer.ReadFile(file);
        foreach (var issue in result.Issues)
        {
            context.Err.WriteLine($"{file}：提示：{issue}");
        }

        if (!result.Success)
        {
            context.Err.WriteLine($"{file}：错误：{result.Error}");
            context.Err.WriteLine($"{file}：无法读取，未导入。");
            return null;
        }

        return result.Value;
    }

    private static async Task<DepartmentYear?> LoadAsync(ParseResult parse, string input, CliContext context, CancellationToken ct)
    {
        if (File.Exists(input))
        {
            return ReadInput(input, context);
        }

        if (Importer.CanRead(input))
        {
            return Missing(input, context);
        }

        var store = await OpenStoreAsync(parse, ct).ConfigureAwait(false);
        var year = store is null ? null : await store.LoadAsync(input, ct).ConfigureAwait(false);
        if (year is null)
        {
            await context.Err.WriteLineAsync($"既不是文件，也不在存储中：「{input}」（{StoreName(parse)}{(store is null ? "，尚未创建" : string.Empty)}；用 juesuan list 查看）。").ConfigureAwait(false);
        }

        return year;
    }

    private static DepartmentYear? Missing(string input, CliContext context)
    {
        context.Err.WriteLine($"找不到文件 {input}。");
        return null;
    }

    /// <summary>
    /// The store the options name. A SQLite file named with --db that does not exist is a mistake (a typo would
    /// otherwise make a new empty store) unless --create is given; a command that only reads never creates one and
    /// gets null instead.
    /// </summary>
    private static async Task<DepartmentYearStore?> OpenStoreAsync(ParseResult parse, CancellationToken ct, bool writing = false)
    {
        var options = StoreOptions.Resolve(parse.GetValue(StoreOption), parse.GetValue(DbOption), parse.GetValue(ConnectionOption));
        if (!DepartmentYearStore.Exists(options))
        {
            if (options.ExplicitPath && !parse.GetValue(CreateOption))
            {
                throw new StoreException($"数据库文件 {options.DatabasePath} 不存在；请检查 --db 是否写错，或加 --create 新建");
            }

            if (!writing)
            {
                return null;
            }
        }

        return await DepartmentYearStore.OpenAsync(options, ct).ConfigureAwait(false);
    }

    private static string StoreName(ParseResult parse) =>
        StoreOptions.Resolve(parse.GetValue(StoreOption), parse.GetValue(DbOption), parse.GetValue(ConnectionOption)).Describe();
}
