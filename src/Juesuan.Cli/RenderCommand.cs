using System.CommandLine;
using Juesuan.Documents.Disclosure;
using Juesuan.Documents.Evaluations;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;

namespace Juesuan.Cli;

/// <summary>
/// `juesuan render`: the publishable disclosure (tables, narrative written from the figures, charts, glossary,
/// self-evaluation forms) as HTML, DOCX or PDF; `--only evaluations` for the self-evaluation forms alone. A directory
/// renders every file into the output directory, PDFs through one browser.
/// </summary>
internal static class RenderCommand
{
    public static Command Build(CliContext context, Func<ParseResult, string, CancellationToken, Task<DepartmentYear?>> load)
    {
        var input = new Argument<string>("输入") { Description = Commands.InputFormats + "、存储中的键，或目录（逐个生成）" };
        var only = new Option<string?>("--only") { Description = "只生成一部分：evaluations（绩效自评表）" };
        only.AcceptOnlyFromAmong("evaluations");
        var format = new Option<string>("--format", "-f") { Description = "html（默认）、docx 或 pdf", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "docx", "pdf");
        var output = new Option<string>("--output", "-o") { Description = "输出文件；输入为目录时为输出目录", Required = true };
        var template = new Option<string?>("--template") { Description = "版式：模板编号（" + string.Join("、", TemplateLibrary.Templates.Keys.Order()) + "）或「省份/年度」，如 陕西/2023；默认用数据自带的模板" };
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
            if (templateText is not null && TemplateLibrary.Resolve(templateText, 0) is null)
            {
                await context.Err.WriteLineAsync($"用法错误：未知的模板「{templateText}」。可用：{string.Join("、", TemplateLibrary.Templates.Keys.Order())}，或「省份/年度」。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            IReadOnlyList<(string Source, string Target)> jobs;
            if (Directory.Exists(path))
            {
                var files = Import.Importer.FilesIn(path);
                if (files.Count == 0)
                {
                    await context.Err.WriteLineAsync($"目录 {path} 中没有可读取的文件（{string.Join("、", Import.Importer.Extensions)}）。").ConfigureAwait(false);
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

            PdfPrinter? printer = null;
            try
            {
                if (kind == "pdf")
                {
                    try
                    {
                        printer = await PdfPrinter.StartAsync().ConfigureAwait(false);
                    }
                    catch (InvalidOperationException e)
                    {
                        await context.Err.WriteLineAsync(e.Message).ConfigureAwait(false);
                        return ExitCodes.Usage;
                    }
                }

                // Documents render side by side, one per core (PDFs in the browser's tabs); each one's messages are
                // written together.
                var exit = ExitCodes.Ok;
                using var console = new SemaphoreSlim(1, 1);
                await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = jobs.Count > 1 ? Environment.ProcessorCount : 1, CancellationToken = ct }, async (job, token) =>
                {
                    var year = await load(parse, job.Source, token).ConfigureAwait(false);
                    if (year is null)
                    {
                        Interlocked.Exchange(ref exit, ExitCodes.Usage);
                        return;
                    }

                    if (templateText is not null)
                    {
                        year = year with { TemplateId = TemplateLibrary.Resolve(templateText, year.Year)!.Id };
                    }

                    var messages = new StringWriter();
                    var code = parse.GetValue(only) == "evaluations"
                        ? await RenderEvaluationsAsync(messages, year, kind, job.Target, printer, token).ConfigureAwait(false)
                        : await RenderDisclosureAsync(messages, year, kind, job.Target, printer, token).ConfigureAwait(false);
                    if (code != ExitCodes.Ok)
                    {
                        Interlocked.Exchange(ref exit, code);
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
            }
            finally
            {
                if (printer is not null)
                {
                    await printer.DisposeAsync().ConfigureAwait(false);
                }
            }
        });
        return command;
    }

    private static async Task<int> RenderDisclosureAsync(TextWriter messages, DepartmentYear year, string kind, string target, PdfPrinter? printer, CancellationToken ct)
    {
        var document = DisclosureBuilder.Build(year);
        switch (kind)
        {
            case "docx":
                DisclosureDocx.Write(document, target);
                break;
            case "pdf":
                await DisclosurePdf.WriteAsync(printer!, document, target, ct).ConfigureAwait(false);
                break;
            default:
                await File.WriteAllTextAsync(target, DisclosureHtml.Render(document), ct).ConfigureAwait(false);
                break;
        }

        await messages.WriteLineAsync($"已生成 {target}（{year.Department.Name} {year.Year} 年度，模板 {year.Template.Name}）").ConfigureAwait(false);
        if (document.Gaps.Count > 0)
        {
            await messages.WriteLineAsync($"注意：有 {document.Gaps.Count} 处数据未提供，文中以【待补充】标出，发布前请补齐：").ConfigureAwait(false);
            foreach (var gap in document.Gaps)
            {
                await messages.WriteLineAsync("  " + gap).ConfigureAwait(false);
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> RenderEvaluationsAsync(TextWriter messages, DepartmentYear year, string kind, string target, PdfPrinter? printer, CancellationToken ct)
    {
        if (year.Evaluations.Count == 0)
        {
            await messages.WriteLineAsync($"{year.Department.Name} {year.Year} 年度没有绩效自评表，未生成 {target}。").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        switch (kind)
        {
            case "docx":
                EvaluationDocx.Write(year, target);
                break;
            case "pdf":
                await printer!.PrintAsync(EvaluationHtml.Render(year), target, ct).ConfigureAwait(false);
                break;
            default:
                await File.WriteAllTextAsync(target, EvaluationHtml.Render(year), ct).ConfigureAwait(false);
                break;
        }

        await messages.WriteLineAsync($"已生成 {target}（{year.Evaluations.Count} 张绩效自评表）").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
