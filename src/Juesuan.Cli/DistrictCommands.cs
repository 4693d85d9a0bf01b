using System.CommandLine;
using System.Globalization;
using Juesuan.Application;
using Juesuan.Documents.Plain;
using Juesuan.Domain.Model;
using Juesuan.Formats;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Cli;

/// <summary>`juesuan orgs` and `juesuan ledger`: a district bureau's organisations and its material ledger (issue 18).</summary>
internal static class DistrictCommands
{
    public static Command Orgs(CliContext context)
    {
        var command = new Command("orgs", "组织机构：导入、列出、导出本区的地区、部门和单位（名称、层级、上级、代码、别名）。");
        command.Subcommands.Add(OrgsImport(context));
        command.Subcommands.Add(OrgsList(context));
        command.Subcommands.Add(OrgsAlias(context));
        command.Subcommands.Add(OrgsExport(context, "export", "导出组织机构清单（可修改后再导入）。"));
        command.Subcommands.Add(OrgsExport(context, "template", "写出空白的组织机构清单模板（含示例行）。"));
        return command;
    }

    private static Command OrgsImport(CliContext context)
    {
        var file = new Argument<string>("文件") { Description = "组织机构清单（.xlsx 或 .csv），列：名称、层级（地区/部门/单位）、上级（名称）、代码，可选 别名（用、分隔）" };
        var command = new Command("import", "导入组织机构清单：每一行都正确才导入，任何一行有误则列出行号、不导入任何一行。") { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (Organisations.FormatOf(path) is null)
            {
                await context.Err.WriteLineAsync($"{path}：组织机构清单应为 .xlsx 或 .csv 文件。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (InputFile.ReadBytes(path, out var error) is not { } bytes)
            {
                await context.Err.WriteLineAsync(error).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await using var services = context.Services(parse);
            var (read, imported) = await services.GetRequiredService<Organisations>().ImportAsync(bytes, Path.GetFileName(path), ct).ConfigureAwait(false);
            if (imported is null)
            {
                foreach (var problem in read.Problems)
                {
                    await context.Err.WriteLineAsync(problem).ConfigureAwait(false);
                }

                await context.Err.WriteLineAsync($"{path} 有 {read.Problems.Count} 处问题，未导入任何组织。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await context.Out.WriteLineAsync($"已导入 {read.Entries.Count} 个组织（新增 {imported.Added}，更新 {imported.Updated}）到 {services.GetRequiredService<Library>().Describe()}。").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command OrgsAlias(CliContext context)
    {
        var organisation = new Argument<string>("组织") { Description = "组织的全称或代码" };
        var alias = new Argument<string>("别名") { Description = "报告上印的另一个名称（如 区医保局）" };
        var command = new Command("alias", "记住一个组织的别名：以后印着这个名称的报告归入该组织（也用于确认导入时待确认的报告）。") { organisation, alias };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = context.Services(parse);
            var problem = await services.GetRequiredService<Organisations>().AddAliasAsync(parse.GetValue(organisation)!, parse.GetValue(alias)!, ct).ConfigureAwait(false);
            if (problem is not null)
            {
                await context.Err.WriteLineAsync(problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await context.Out.WriteLineAsync($"已记住：「{parse.GetValue(alias)}」即「{parse.GetValue(organisation)}」。").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command OrgsList(CliContext context)
    {
        var command = new Command("list", "以树形列出组织机构：地区 → 部门 → 单位，带代码、别名；未登记（只从报告中得知）的加注。");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = context.Services(parse);
            var organisations = await services.GetRequiredService<Organisations>().ListAsync(ct).ConfigureAwait(false);
            if (organisations.Count == 0)
            {
                await context.Out.WriteLineAsync("还没有任何组织。用 juesuan orgs import 清单.xlsx 导入（juesuan orgs template -o 清单.xlsx 得到模板）。").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var children = organisations.ToLookup(o => o.ParentId);
            var ids = organisations.Select(o => o.Id).ToHashSet();
            var rows = new List<IReadOnlyList<string>>();
            void Add(Storage.StoredOrganisation o, int depth)
            {
                rows.Add([new string(' ', depth * 2) + o.Name, Organisations.LevelName(o.Level), o.Code ?? string.Empty, string.Join("、", o.Aliases), o.Registered ? string.Empty : "未登记"]);
                foreach (var child in children[o.Id])
                {
                    Add(child, depth + 1);
                }
            }

            foreach (var root in organisations.Where(o => o.ParentId is null || !ids.Contains(o.ParentId.Value)))
            {
                Add(root, 0);
            }

            await context.Out.WriteAsync(TextTable.Render(["名称", "层级", "代码", "别名", "备注"], rows, new HashSet<int>())).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command OrgsExport(CliContext context, string name, string description)
    {
        var output = new Option<string>("--output", "-o") { Description = "输出文件（.xlsx 或 .csv）", Required = true };
        var force = Outputs.Force();
        var command = new Command(name, description) { output, force };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(output)!;
            if (Organisations.FormatOf(target) is not { } format)
            {
                await context.Err.WriteLineAsync($"{target}：输出文件应为 .xlsx 或 .csv。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (Outputs.Problem(target, [], parse.GetValue(force)) is { } problem)
            {
                await context.Err.WriteLineAsync(problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await using var services = context.Services(parse);
            await using (var stream = File.Create(target))
            {
                if (name == "template")
                {
                    await Organisations.TemplateAsync(stream, format, ct).ConfigureAwait(false);
                }
                else
                {
                    await services.GetRequiredService<Organisations>().ExportAsync(stream, format, ct).ConfigureAwait(false);
                }
            }

            await context.Out.WriteLineAsync($"已写出 {target}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Ledger(CliContext context)
    {
        var year = new Option<int?>("--year") { Description = "只看某一年度（默认：存储中的全部年度）" };
        var output = new TextOrWorkbook();
        var command = new Command("ledger", "材料台账：每个部门每个年度的部门决算、单位决算、绩效自评——缺、已收、审核结果（错误/警告数）、审核中、已通过，对照截止日期标出逾期。") { year };
        output.AddTo(command);
        command.Subcommands.Add(Due(context));
        command.Subcommands.Add(Summary(context));
        command.SetAction(async (parse, ct) => await output.WriteAsync(context, parse, async services =>
        {
            var ledger = await services.GetRequiredService<Ledgers>().BuildAsync(parse.GetValue(year), cancellationToken: ct).ConfigureAwait(false);
            return (Ledgers.Render(ledger), stream => Ledgers.WriteAsync(ledger, stream, ct));
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Summary(CliContext context)
    {
        var year = new Argument<int>("年度") { Description = "汇总的年度（如 2024）" };
        var output = new TextOrWorkbook();
        var command = new Command("summary", "区汇总：部门数、已公开、按期与逾期、有错误的材料，按问题类别统计，以及最常见的十类问题和示例（供财政局自己的报告）。") { year };
        output.AddTo(command);
        command.SetAction(async (parse, ct) => await output.WriteAsync(context, parse, async services =>
        {
            var summary = await services.GetRequiredService<DistrictSummaries>().BuildAsync(parse.GetValue(year), cancellationToken: ct).ConfigureAwait(false);
            return (DistrictSummaries.Render(summary), stream => DistrictSummaries.WriteAsync(summary, stream, ct));
        }).ConfigureAwait(false));
        return command;
    }

    /// <summary>The options of a command whose result is text for the terminal or a file, or an Excel workbook: -f text|xlsx, -o, --force.</summary>
    private sealed class TextOrWorkbook
    {
        private readonly Option<string> _format = new("--format", "-f") { Description = "输出格式：text（默认）或 xlsx（需 -o）；省略时按 -o 的扩展名", DefaultValueFactory = _ => "text" };
        private readonly Option<string?> _output = new("--output", "-o") { Description = "写出到文件（xlsx 时必需）" };
        private readonly Option<bool> _force = Outputs.Force();

        public TextOrWorkbook() => _format.AcceptOnlyFromAmong("text", "xlsx");

        public void AddTo(Command command)
        {
            command.Options.Add(_format);
            command.Options.Add(_output);
            command.Options.Add(_force);
        }

        /// <summary>Checks the options, makes the result and writes it where they say.</summary>
        public async Task<int> WriteAsync(CliContext context, ParseResult parse, Func<ServiceProvider, Task<(string Text, Func<Stream, Task> Workbook)>> make)
        {
            var target = parse.GetValue(_output);
            var workbook = Outputs.Format(parse, _format, target, new Dictionary<string, string> { [".txt"] = "text", [".xlsx"] = "xlsx" }, out var clash) == "xlsx";
            if (clash is not null)
            {
                await context.Err.WriteLineAsync(clash).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (workbook && target is null)
            {
                await context.Err.WriteLineAsync("用法错误：-f xlsx 需要用 -o 指定输出文件。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (target is not null && Outputs.Problem(target, [], parse.GetValue(_force)) is { } problem)
            {
                await context.Err.WriteLineAsync(problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await using var services = context.Services(parse);
            var (text, write) = await make(services).ConfigureAwait(false);
            if (target is null)
            {
                await context.Out.WriteAsync(text).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await using (var stream = File.Create(target))
            {
                if (workbook)
                {
                    await write(stream).ConfigureAwait(false);
                }
                else
                {
                    await using var writer = new StreamWriter(stream);
                    await writer.WriteAsync(text).ConfigureAwait(false);
                }
            }

            await context.Out.WriteLineAsync($"已写出 {target}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
    }

    private static Command Due(CliContext context)
    {
        var year = new Argument<int>("年度") { Description = "报告的年度（如 2024）" };
        var kind = new Argument<string>("类别") { Description = "部门决算、单位决算 或 绩效自评" };
        var date = new Argument<string>("日期") { Description = "截止日期 YYYY-MM-DD；写 none 清除" };
        var command = new Command("due", "设置某年度某类材料的截止日期（台账据此标出逾期）。") { year, kind, date };
        command.SetAction(async (parse, ct) =>
        {
            if (DocumentKinds.Parse(parse.GetValue(kind)!) is not { } which)
            {
                await context.Err.WriteLineAsync($"类别「{parse.GetValue(kind)}」应为 部门决算、单位决算 或 绩效自评。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            DateOnly? due = null;
            var text = parse.GetValue(date)!;
            if (text != "none")
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await context.Err.WriteLineAsync($"日期「{text}」应写成 YYYY-MM-DD（如 2025-09-30），或 none 清除。").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                due = parsed;
            }

            await using var services = context.Services(parse);
            await services.GetRequiredService<Ledgers>().SetDueAsync(parse.GetValue(year), which, due, ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync(due is null
                ? $"已清除 {parse.GetValue(year)} 年度{DocumentKinds.Name(which)}的截止日期。"
                : $"{parse.GetValue(year)} 年度{DocumentKinds.Name(which)}的截止日期为 {due:yyyy-MM-dd}。").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>`juesuan prepare`: next year's 填报模板 from this year's stored report (issue 16, part 2).</summary>
    public static Command Prepare(CliContext context)
    {
        var organisation = new Argument<string>("组织") { Description = "部门名称（或别名），或存储中该部门任一年度的键" };
        var year = new Option<int>("--year") { Description = "要准备的年度（如 2025）；上年数取自前一年度存储的报告", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "写出的填报模板（.xlsx）", Required = true };
        var force = Outputs.Force();
        var command = new Command("prepare", "准备下一年度：以本年度存储的报告为底，生成下一年度的填报模板——同样的表和行（科目改编码的按对照接续），数字留空待填，本年决算数作为下一年度的上年数。") { organisation, year, output, force };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(output)!;
            if (!target.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                await context.Err.WriteLineAsync($"用法错误：输出 {target} 应为 .xlsx 填报模板。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (Outputs.Problem(target, [], parse.GetValue(force)) is { } problem)
            {
                await context.Err.WriteLineAsync(problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await using var services = context.Services(parse);
            var (prepared, refusal) = await services.GetRequiredService<Preparation>().NextYearAsync(parse.GetValue(organisation)!, parse.GetValue(year), ct).ConfigureAwait(false);
            if (prepared is null)
            {
                await context.Err.WriteLineAsync(refusal).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await using (var stream = File.Create(target))
            {
                await Exports.WriteAsync(prepared.Year, ExportFormat.Xlsx, stream, services.GetRequiredService<JuesuanOptions>().Reference, ct).ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync($"已生成 {target}：{prepared.Year.Department.Name} {prepared.Year.Year} 年度填报模板，{prepared.Year.Tables.Count} 张表 {prepared.Rows} 行待填，" +
                $"上年数 {prepared.PriorFigures} 项取自「{prepared.PriorKey}」。").ConfigureAwait(false);
            if (prepared.Renamed.Count > 0)
            {
                await context.Out.WriteLineAsync("科目改编码，已按对照接续：" + string.Join("、", prepared.Renamed.Select(r => $"{r.From} → {r.To}"))).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
