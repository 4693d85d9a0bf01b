using System.CommandLine;
using Juesuan.Application;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Cli;

/// <summary>
/// `juesuan render`: the publishable disclosure (tables, narrative written from the figures, charts, glossary,
/// self-evaluation forms) as HTML, DOCX or PDF; `--only evaluations` for the self-evaluation forms alone. A directory
/// renders every file into the output directory, PDFs through one browser.
/// </summary>
internal static class RenderCommand
{
    public static Command Build(CliContext context)
    {
        var input = new Argument<string>("输入") { Description = Commands.InputFormats + "、存储中的键，或目录（逐个生成）" };
        var only = new Option<string?>("--only") { Description = "只生成一部分：evaluations（绩效自评表）" };
        only.AcceptOnlyFromAmong("evaluations");
        var format = new Option<string>("--format", "-f") { Description = "html（默认）、docx 或 pdf", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "docx", "pdf");
        var output = new Option<string>("--output", "-o") { Description = "输出文件；输入为目录时为输出目录", Required = true };
        var template = new Option<string?>("--template") { Description = "版式：模板编号（内置：" + string.Join("、", Domain.Templates.TemplateSet.Embedded.Templates.Keys.Order(StringComparer.Ordinal)) + "；--reference 目录中的也可用）或「省份/年度」，如 陕西/2023；默认用数据自带的模板" };
        var force = Outputs.Force();
        var command = new Command("render", "生成公开文档：决算表、依数据撰写的情况说明、图表、名词解释、绩效自评表（HTML、Word 或 PDF）。数据缺少的原因或数字以【待补充】标出并列出。")
        {
            input, only, format, output, template, force,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(input)!;
            var kind = parse.GetValue(format)!;
            var target = parse.GetValue(output)!;
            var templateText = parse.GetValue(template);
            await using var services = context.Services(parse);
            var renderer = services.GetRequiredService<Renderer>();
            if (templateText is not null && !renderer.KnowsTemplate(templateText))
            {
                await context.Err.WriteLineAsync($"用法错误：未知的模板「{templateText}」。可用：{string.Join("、", renderer.TemplateIds)}，或「省份/年度」。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            IReadOnlyList<(string Source, string Target)> jobs;
            if (Directory.Exists(path))
            {
                var files = Reports.FilesIn(path);
                if (files.Count == 0)
                {
                    await context.Err.WriteLineAsync($"目录 {path} 中没有可读取的文件（{string.Join("、", Reports.Extensions)}）。").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                Directory.CreateDirectory(target);
                jobs = files.Select(f => (f, Path.Combine(target, Path.GetFileNameWithoutExtension(f) + "." + kind))).ToArray();
            }
            else
            {
                jobs = [(path, target)];
            }

            // Before anything is written: no output over an input or an existing file (without --force), none shared.
            var problem = Outputs.Collisions(jobs) ?? jobs.Select(j => Outputs.Problem(j.Target, jobs.Select(x => x.Source), parse.GetValue(force))).FirstOrDefault(p => p is not null);
            if (problem is not null)
            {
                await context.Err.WriteLineAsync(problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var reports = services.GetRequiredService<Reports>();
            var rendering = kind switch { "docx" => RenderFormat.Docx, "pdf" => RenderFormat.Pdf, _ => RenderFormat.Html };
            var part = parse.GetValue(only) == "evaluations" ? RenderPart.Evaluations : RenderPart.Disclosure;
            if (rendering == RenderFormat.Pdf)
            {
                try
                {
                    await renderer.PreparePdfAsync(ct).ConfigureAwait(false);
                }
                catch (InvalidOperationException e)
                {
                    await context.Err.WriteLineAsync(e.Message).ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
            }

            // Documents render side by side, one per core (PDFs in the browser's tabs); each one's messages are
            // written together. A document is written to its file only once it is whole.
            var exit = ExitCodes.Ok;
            using var console = new SemaphoreSlim(1, 1);
            await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = jobs.Count > 1 ? Environment.ProcessorCount : 1, CancellationToken = ct }, async (job, token) =>
            {
                var messages = new StringWriter();
                var year = await new CliContext(context.Out, messages).LoadAsync(reports, job.Source, token).ConfigureAwait(false);
                if (year is null)
                {
                    Interlocked.Exchange(ref exit, ExitCodes.Usage);
                }
                else
                {
                    using var buffer = new MemoryStream();
                    var outcome = await renderer.RenderAsync(year, rendering, buffer, part, templateText, token).ConfigureAwait(false);
                    if (outcome.Written)
                    {
                        await File.WriteAllBytesAsync(job.Target, buffer.ToArray(), token).ConfigureAwait(false);
                        await Describe(messages, outcome, part, job.Target).ConfigureAwait(false);
                    }
                    else
                    {
                        await messages.WriteLineAsync($"{outcome.Refusal}，未生成 {job.Target}。").ConfigureAwait(false);
                        Interlocked.Exchange(ref exit, ExitCodes.Usage);
                    }
                }

                await console.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    await context.Err.WriteAsync(messages.ToString()).ConfigureAwait(false);
                }
                finally
                {
                    console.Release();
                }
            }).ConfigureAwait(false);
            return exit;
        });
        return command;
    }

    private static async Task Describe(TextWriter messages, RenderOutcome outcome, RenderPart part, string target)
    {
        var year = outcome.Year;
        await messages.WriteLineAsync(part == RenderPart.Evaluations
            ? $"已生成 {target}（{year.Evaluations.Count} 张绩效自评表）"
            : $"已生成 {target}（{year.Department.Name} {year.Year} 年度，模板 {outcome.TemplateName}）").ConfigureAwait(false);
        if (outcome.Gaps.Count > 0)
        {
            await messages.WriteLineAsync($"注意：有 {outcome.Gaps.Count} 处数据未提供，文中以【待补充】标出，发布前请补齐：").ConfigureAwait(false);
            foreach (var gap in outcome.Gaps)
            {
                await messages.WriteLineAsync("  " + gap).ConfigureAwait(false);
            }
        }
    }
}
