using System.CommandLine;
using Juesuan.Application;
using Juesuan.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Cli;

/// <summary>`juesuan audit`: audits a department-year, a stored one, or every file of a directory.</summary>
internal static class AuditCommand
{
    public static Command Build(CliContext context)
    {
        var input = new Argument<string>("输入") { Description = Commands.InputFormats + "、存储中的键，或目录（审核其中每个文件）" };
        var format = new Option<string>("--format", "-f") { Description = "输出格式：text（默认）、json、html、xlsx；省略时按 -o 的扩展名", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html", "xlsx");
        var output = new Option<string?>("--output", "-o") { Description = "输出文件；省略时写到标准输出（xlsx 必须给出文件）" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "文本输出时列出每处尾差和每个发现的位置、应为值与实际值" };
        var rulesFile = ScoreCommand.RulesOption();
        var force = Outputs.Force();
        var prior = new Option<string?>("--prior") { Description = "同一部门上年度的报告（文件或存储中的键），用于跨年核对；审核存储中的键时，存储里有上年度的就自动使用" };
        var command = new Command("audit", "审核部门年度：表内、表间、叙述与表、完整性，有上年报告时跨年核对；尾差不报为错误。退出码：0 无错误，1 有错误，2 输入无法读取，3 审核不完整（规则执行出错）。") { input, format, output, verbose, rulesFile, force, prior };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(input)!;
            var target = parse.GetValue(output);
            var kind = Outputs.Format(parse, format, target,
                new Dictionary<string, string> { [".txt"] = "text", [".json"] = "json", [".html"] = "html", [".htm"] = "html", [".xlsx"] = "xlsx" }, out var clash);
            if (clash is not null)
            {
                await context.Err.WriteLineAsync(clash).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (kind == "xlsx" && target is null)
            {
                await context.Err.WriteLineAsync("用法错误：xlsx 格式须用 -o 指定输出文件。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var inputs = Directory.Exists(path) ? Reports.FilesIn(path) : [path];
            if (Directory.Exists(path) && parse.GetValue(prior) is not null)
            {
                await context.Err.WriteLineAsync("用法错误：--prior 只用于审核单个部门年度，不用于目录。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (target is not null && Outputs.Problem(target, inputs, parse.GetValue(force)) is { } problem)
            {
                await context.Err.WriteLineAsync(problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var reference = await ScoreCommand.ReferenceAsync(context, parse, parse.GetValue(rulesFile), ct).ConfigureAwait(false);
            if (reference is null)
            {
                return ExitCodes.Usage;
            }

            await using var services = context.Services(parse, reference);
            var reports = services.GetRequiredService<Reports>();
            var audits = services.GetRequiredService<Audits>();
            IReadOnlyList<AuditReport> done;
            var unreadable = 0;
            if (Directory.Exists(path))
            {
                if (inputs.Count == 0)
                {
                    await context.Err.WriteLineAsync($"目录 {path} 中没有可审核的文件（{string.Join("、", Reports.Extensions)}）。").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                var (reportsDone, failed) = await audits.AuditFilesAsync(reports, inputs, context.Say, ct).ConfigureAwait(false);
                done = reportsDone;
                unreadable = failed.Count;
            }
            else
            {
                var loaded = await context.LoadInputAsync(reports, path, ct, withOriginal: true).ConfigureAwait(false);
                if (!loaded.Success)
                {
                    return ExitCodes.Usage;
                }

                Domain.Model.DepartmentYear? before;
                if (parse.GetValue(prior) is { } priorInput)
                {
                    var priorLoaded = await context.LoadInputAsync(reports, priorInput, ct).ConfigureAwait(false);
                    if (!priorLoaded.Success)
                    {
                        return ExitCodes.Usage;
                    }

                    before = priorLoaded.Year;
                }
                else
                {
                    before = await audits.StoredPriorAsync(loaded, ct).ConfigureAwait(false);
                }

                if (before is not null)
                {
                    await context.Err.WriteLineAsync($"跨年核对：以 {before.Department.Name} {before.Year} 年度的报告为上年报告。").ConfigureAwait(false);
                }

                done = [audits.Audit(loaded, before)];
            }

            await WriteAsync(context, done, kind, target, parse.GetValue(verbose), ct).ConfigureAwait(false);
            if (unreadable > 0)
            {
                await context.Err.WriteLineAsync($"{unreadable} 个文件无法读取，未审核。").ConfigureAwait(false);
            }

            if (done.FirstOrDefault(r => r.Incomplete is not null)?.Incomplete is { } incomplete)
            {
                // An incomplete audit is never a pass nor a plain 「有错误」: its own exit code (3), the rules named.
                await context.Err.WriteLineAsync(incomplete).ConfigureAwait(false);
                return ExitCodes.Internal;
            }

            return done.Any(r => !r.Passed) ? ExitCodes.Findings : unreadable > 0 ? ExitCodes.Usage : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteAsync(CliContext context, IReadOnlyList<AuditReport> reports, string kind, string? target, bool verbose, CancellationToken ct)
    {
        var format = kind switch { "json" => AuditFormat.Json, "html" => AuditFormat.Html, "xlsx" => AuditFormat.Xlsx, _ => AuditFormat.Text };
        if (target is not null)
        {
            await using (var stream = File.Create(target))
            {
                await Audits.WriteAsync(reports, format, stream, verbose: verbose, cancellationToken: ct).ConfigureAwait(false);
            }

            await context.Err.WriteLineAsync($"已写出 {target}").ConfigureAwait(false);
            return;
        }

        var colour = !Console.IsOutputRedirected && context.Out == Console.Out && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        await context.Out.WriteAsync(Audits.Render(reports, format, colour, verbose)).ConfigureAwait(false);
    }
}
