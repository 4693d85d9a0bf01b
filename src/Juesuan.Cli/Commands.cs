using System.CommandLine;
using System.Globalization;
using Juesuan.Application;
using Juesuan.Documents.Plain;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;
using Juesuan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Cli;

/// <summary>The commands of `juesuan` and their actions.</summary>
internal static class Commands
{
    /// <summary>What an input argument accepts, for help text; the extensions are the ones <see cref="Reports"/> reads.</summary>
    internal static readonly string InputFormats = "部门年度文件（" + string.Join("、", Reports.Extensions) + "）";

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

    /// <summary>--reference: a folder of the user's own reference data.</summary>
    internal static readonly Option<string?> ReferenceOption = new("--reference")
    {
        Description = "基础数据目录：自定义模板（templates/*.json）、科目目录（catalogs/*.json）、评分规则（scoring-rules.json），与内置数据合用；也可用环境变量 JUESUAN_REFERENCE",
        Recursive = true,
    };

    /// <summary>--create: make the SQLite file --db names when it does not exist.</summary>
    internal static readonly Option<bool> CreateOption = new("--create")
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
        root.Options.Add(ReferenceOption);
        root.Subcommands.Add(Import(context));
        root.Subcommands.Add(AuditCommand.Build(context));
        root.Subcommands.Add(ScoreCommand.Build(context));
        root.Subcommands.Add(RenderCommand.Build(context));
        root.Subcommands.Add(Show(context));
        root.Subcommands.Add(List(context));
        root.Subcommands.Add(Export(context));
        root.Subcommands.Add(Delete(context));
        root.Subcommands.Add(CompareCommand.Build(context));
        root.Subcommands.Add(DistrictCommands.Orgs(context));
        root.Subcommands.Add(DistrictCommands.Ledger(context));
        root.Subcommands.Add(DistrictCommands.Prepare(context));
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

            await using var services = context.Services(parse);
            var library = services.GetRequiredService<Library>();
            var audits = services.GetRequiredService<Audits>();
            if (parse.GetValue(save))
            {
                await library.OpenAsync(writing: true, ct).ConfigureAwait(false);
            }

            // Many files are read and audited on every core, filed one at a time; each is reported as it is finished.
            var exit = ExitCodes.Ok;
            var reference = services.GetRequiredService<JuesuanOptions>().Reference;
            var outcomes = new SortedDictionary<int, (string File, string Outcome)>();
            await services.GetRequiredService<Intake>().FileAllAsync(services.GetRequiredService<Reports>(), audits, files, Environment.UserName, parse.GetValue(save), parse.GetValue(audit), async item =>
            {
                var (file, loaded) = (item.File, item.Loaded);
                outcomes[item.Index] = (file, Outcome(item));
                context.Say(loaded);
                if (loaded.Year is not { } year)
                {
                    // An incomplete audit of an earlier file (3) is not hidden by a later unreadable one.
                    exit = exit == ExitCodes.Internal ? exit : ExitCodes.Usage;
                    return;
                }

                await context.Out.WriteAsync(Summary.Describe(year, file, reference)).ConfigureAwait(false);
                if (parse.GetValue(output) is { } target)
                {
                    await using (var stream = File.Create(target))
                    {
                        await Exports.WriteAsync(year, ExportFormat.Json, stream, cancellationToken: ct).ConfigureAwait(false);
                    }

                    await context.Out.WriteLineAsync($"已写出 {target}").ConfigureAwait(false);
                }

                if (item.Filing is { } filing)
                {
                    // Filed under the organisation its content names; once organisations are registered, one it does not name
                    // for certain is not saved but listed (exit 1) — confirm it by adding the printed name as an alias.
                    foreach (var note in filing.Notes)
                    {
                        await context.Err.WriteLineAsync("注意：" + note).ConfigureAwait(false);
                    }

                    if (filing.Saved is { } saved)
                    {
                        var under = filing.Match.Organisation is { } o ? $"，归入「{o.Name}」" : string.Empty;
                        await context.Out.WriteLineAsync($"已保存到 {library.Describe()}（键：{saved.Key}，第 {saved.Revision} 版{under}）").ConfigureAwait(false);
                    }
                    else
                    {
                        var candidates = filing.Match.Candidates.Count == 0 ? "没有相近的组织" : "可能是：" + string.Join("、", filing.Match.Candidates.Select(c => c.Name));
                        await context.Err.WriteLineAsync($"未保存 {file}：{filing.Match.Why}，{candidates}。确认后用 juesuan orgs alias <组织名称> \"{filing.Match.PrintedName}\" 记住这个名称，再导入。").ConfigureAwait(false);
                        exit = exit == ExitCodes.Ok ? ExitCodes.Findings : exit;
                    }
                }

                if (item.Report is { } report)
                {
                    // (A filed report's audit is kept with the revision it audited: the ledger and the workbench show it.)
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
            }, cancellationToken: ct).ConfigureAwait(false);

            if (files.Count > 1)
            {
                // A directory's run ends with every file and what became of it, unreadable ones included.
                await context.Out.WriteLineAsync().ConfigureAwait(false);
                await context.Out.WriteAsync(TextTable.Render(["文件", "结果"], [.. outcomes.Values.Select(o => (IReadOnlyList<string>)[Path.GetFileName(o.File), o.Outcome])], new HashSet<int>())).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"共 {files.Count} 个文件：" + string.Join("，", outcomes.Values.GroupBy(o => o.Outcome.Split('（')[0]).Select(g => $"{g.Key} {g.Count()}"))).ConfigureAwait(false);
            }

            return exit;
        });
        return command;
    }

    // What became of one file of an import, in a word or two (the summary's column).
    private static string Outcome(IntakeItem item) => item switch
    {
        { Loaded.Success: false } => "无法读取",
        { Filing: { Saved: null } } => "待确认归属",
        { Report: { Summary.Failed: > 0 } } => "审核不完整",
        { Report: { Summary.Errors: > 0 } report } => item.Filing?.Saved is { } filed ? $"已保存，有错误（{report.Summary.Errors} 个；{filed.Key}）" : $"有错误（{report.Summary.Errors} 个）",
        { Filing.Saved: { } saved } => $"已保存（{saved.Key}）",
        _ => "已读取",
    };

    private static Command Show(CliContext context)
    {
        var input = new Argument<string>("输入") { Description = InputFormats + "，或存储中的键（如「青石县医疗保障局/2024」）" };
        var table = new Option<string?>("--table", "-t") { Description = "只显示一张表：表号（如 03、公开03表）、表名或表定义（如 expenditure）" };
        var unit = new Option<string?>("--unit", "-u") { Description = "显示某个单位的表（单位名称），默认显示部门汇总表" };
        var consolidate = new Option<bool>("--consolidate") { Description = "显示由各单位表计算出的汇总表（而不是报告所列的部门表）" };
        var command = new Command("show", "以对齐的文本显示部门年度的各张表。") { input, table, unit, consolidate };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = context.Services(parse);
            var year = await context.LoadAsync(services.GetRequiredService<Reports>(), parse.GetValue(input)!, ct).ConfigureAwait(false);
            if (year is null)
            {
                return ExitCodes.Usage;
            }

            var reference = services.GetRequiredService<JuesuanOptions>().Reference;
            var template = reference.TemplateOf(year);
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
                var match = tables.FirstOrDefault(t => TableMatches(template, t, wanted));
                if (match is null)
                {
                    await context.Err.WriteLineAsync($"没有表「{wanted}」；可用：{string.Join("、", tables.Select(t => (t.Number ?? t.Definition) + " " + t.Title))}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                tables = [match];
            }

            await context.Out.WriteAsync(TableText.Render(reference.Templates, template, tables, heading)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "列出存储中的部门年度。");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = context.Services(parse);
            var library = services.GetRequiredService<Library>();
            var exists = library.Exists;
            var items = await library.ListAsync(ct).ConfigureAwait(false);
            if (items.Count == 0)
            {
                await context.Out.WriteLineAsync($"存储中没有部门年度（{library.Describe()}{(exists ? string.Empty : "，尚未创建")}）。用 juesuan import <文件> --save 导入。").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            var rows = items.Select(i => (IReadOnlyList<string>)[i.Key, i.Department, N(i.Year), i.Province ?? string.Empty, i.TemplateId, N(i.Units), N(i.Tables), N(i.Revision),
                i.SavedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]).ToArray();
            await context.Out.WriteAsync(TextTable.Render(["键", "部门", "年度", "省份", "模板", "单位数", "表数", "版本", "保存时间"], rows, new HashSet<int> { 2, 5, 6, 7 })).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"共 {items.Count} 个（{library.Describe()}）").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var key = new Argument<string?>("键") { Description = "存储中的键（如「青石县医疗保障局/2024」），或一个部门年度文件", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--output", "-o") { Description = "输出文件；省略时写到标准输出（xlsx 必须给出文件）" };
        var format = new Option<string>("--format", "-f") { Description = "输出格式：json（默认，可再导入）、xlsx（填报模板，可再导入）、txt（报告文本）；省略时按 -o 的扩展名", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "xlsx", "txt");
        var blank = new Option<string?>("--blank") { Description = "不给键时：写出该模板（如 national-2022、shaanxi-2022）的空白填报模板" };
        var year = new Option<int>("--year") { Description = "空白模板的年度", DefaultValueFactory = _ => DateTime.Today.Year - 1 };
        var force = Outputs.Force();
        var command = new Command("export", "导出部门年度：JSON、Excel 填报模板（xlsx）或报告文本；--blank 写出空白填报模板。") { key, output, format, blank, year, force };
        command.SetAction(async (parse, ct) =>
        {
            DepartmentYear? data;
            var reference = CliContext.Reference(parse);
            await using var services = context.Services(parse, reference);
            if (parse.GetValue(key) is { } wanted)
            {
                data = await context.LoadAsync(services.GetRequiredService<Reports>(), wanted, ct).ConfigureAwait(false);
            }
            else if (parse.GetValue(blank) is { } templateId)
            {
                data = Exports.Blank(templateId, parse.GetValue(year), reference);
                if (data is null)
                {
                    await context.Err.WriteLineAsync($"未知模板「{templateId}」；可用：{string.Join("、", reference.Templates.Templates.Keys.Order())}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
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

            var named = Outputs.Format(parse, format, target, new Dictionary<string, string> { [".json"] = "json", [".xlsx"] = "xlsx", [".txt"] = "txt" }, out var clash);
            if (clash is not null)
            {
                await context.Err.WriteLineAsync(clash).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var kind = named switch { "xlsx" => ExportFormat.Xlsx, "txt" => ExportFormat.Txt, _ => ExportFormat.Json };
            if (target is null)
            {
                if (kind == ExportFormat.Xlsx)
                {
                    await context.Err.WriteLineAsync("用法错误：xlsx 格式须用 -o 指定输出文件。").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                await context.Out.WriteAsync(Exports.Text(data, kind, reference)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await using (var stream = File.Create(target))
            {
                await Exports.WriteAsync(data, kind, stream, reference, ct).ConfigureAwait(false);
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
            await using var services = context.Services(parse);
            var wanted = parse.GetValue(key)!;
            if (!await services.GetRequiredService<Library>().DeleteAsync(wanted, ct).ConfigureAwait(false))
            {
                await context.Err.WriteLineAsync($"存储中没有「{wanted}」。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await context.Out.WriteLineAsync($"已删除「{wanted}」。").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool TableMatches(Template template, StatedTable table, string wanted)
    {
        var w = wanted.Trim();
        var number = table.Number ?? template.Table(table.Definition)?.Number ?? string.Empty;
        return table.Definition == w || Template.TitleKey(table.Title) == Template.TitleKey(w) || number == w
            || (w.Length <= 2 && int.TryParse(w, out var n) && number == $"公开{n:00}表");
    }

    private static List<string>? InputFiles(string path, CliContext context)
    {
        if (Directory.Exists(path))
        {
            var files = Reports.FilesIn(path);
            if (files.Count == 0)
            {
                context.Err.WriteLine($"目录 {path} 中没有可导入的文件（{string.Join("、", Reports.Extensions)}）。");
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

    /// <summary>The store the options name (--store, --db, --connection, or the environment).</summary>
    internal static StoreOptions Store(ParseResult parse) =>
        StoreOptions.Resolve(parse.GetValue(StoreOption), parse.GetValue(DbOption), parse.GetValue(ConnectionOption));
}
