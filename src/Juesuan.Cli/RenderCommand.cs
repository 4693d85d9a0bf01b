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
        var format = new Option<string>("--format", "-f") { Description = "html（默认）、docx 或 pdf；省略时按 -o 的扩展名", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "docx", "pdf");
        var output = new Option<string>("--output", "-o") { Description = "输出文件；输入为目录时为输出目录", Required = true };
        var template = new Option<string?>("--template") { Description = "版式：模板编号（内置：" + string.Join("、", Domain.Templates.TemplateSet.EmbeddedIds) + "；--reference 目录中的也可用）或「省份/年度」，如 陕西/2023；默认用数据自带的模板" };
        var force = new Option<bool>("--force") { Description = "强制：覆盖已存在的输出文件；审核有错误或有【待补充】时也生成（每页印「审核未通过」）" };
        var command = new Command("render", "生成公开文档：决算表、依数据撰写的情况说明、图表、名词解释、绩效自评表（HTML、Word 或 PDF）。先审核：有错误或【待补充】时不生成（退出码 1），列出每一处及在哪里改正、补齐；--force 则照样生成并在每页印「审核未通过」。")
        {
            input, only, format, output, template, force,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            var kind = Outputs.Format(parse, format, Directory.Exists(path) ? null : target, ByExtension, out var clash);
            if (clash is not null)
            {
                await context.Err.WriteLineAsync(clash).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (kind == "pdf" && PdfHost.Required)
            {
                return await PdfHost.RunAsync(context, ct).ConfigureAwait(false);
            }

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
            var gate = services.GetRequiredService<RenderGate>();
            var rendering = kind switch { "docx" => RenderFormat.Docx, "pdf" => RenderFormat.Pdf, _ => RenderFormat.Html };
            var part = parse.GetValue(only) == "evaluations" ? RenderPart.Evaluations : RenderPart.Disclosure;
            var browser = Task.CompletedTask;
            if (rendering == RenderFormat.Pdf)
            {
                if (Juesuan.Documents.Disclosure.PdfPrinter.FindChromium() is null)
                {
                    // Said before any work: the same message the printer would give.
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

                // The browser starts while the inputs are read and audited.
                browser = renderer.PreparePdfAsync(ct);
            }

            // Documents render side by side, one per core (PDFs in the browser's tabs); each one's messages are
            // written together. A document is written to its file only once it is whole.
            var exit = ExitCodes.Ok;
            using var console = new SemaphoreSlim(1, 1);
            using var batch = jobs.Count > 1 ? Juesuan.Import.Importer.Batch() : null;
            await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = jobs.Count > 1 ? Environment.ProcessorCount : 1, CancellationToken = ct }, async (job, token) =>
            {
                var messages = new StringWriter();
                var loaded = await new CliContext(context.Out, messages).LoadInputAsync(reports, job.Source, token).ConfigureAwait(false);
                var checkedGate = loaded.Year is null ? null : await Gate(messages, loaded, part, gate, templateText, token).ConfigureAwait(false);
                if (loaded.Year is not { } year || checkedGate is null)
                {
                    Worst(ref exit, ExitCodes.Usage);
                }
                else if (!checkedGate.Passed && !parse.GetValue(force))
                {
                    // The render gate: what fails its audit or leaves 【待补充】 is not published without --force.
                    await messages.WriteLineAsync($"未生成 {job.Target}：审核未通过。改正或补齐后再生成；确需先出草稿，加 --force（每页印「审核未通过」）。").ConfigureAwait(false);
                    Worst(ref exit, checkedGate.Incomplete is null ? ExitCodes.Findings : ExitCodes.Internal);
                }
                else if (browser.Exception?.InnerException is BrowserStartException startFailed)
                {
                    // The start failed before this document came to it: said, not tried again for every document.
                    await BrowserFailed(startFailed, messages, job.Target).ConfigureAwait(false);
                    Worst(ref exit, ExitCodes.Usage);
                }
                else
                {
                    var blocked = !checkedGate.Passed;
                    if (blocked)
                    {
                        // Rendered anyway (--force), marked: the exit code still says the document did not pass.
                        Worst(ref exit, checkedGate.Incomplete is null ? ExitCodes.Findings : ExitCodes.Internal);
                    }

                    using var buffer = new MemoryStream();
                    RenderOutcome? outcome = null;
                    try
                    {
                        // A PDF's rendering waits for the browser itself, making what it can meanwhile.
                        outcome = await renderer.RenderAsync(year, rendering, buffer, part, templateText, checkedGate.Watermark, token).ConfigureAwait(false);
                    }
                    catch (BrowserStartException failed)
                    {
                        await BrowserFailed(failed, messages, job.Target).ConfigureAwait(false);
                        Worst(ref exit, ExitCodes.Usage);
                    }

                    if (outcome is { Written: true })
                    {
                        await File.WriteAllBytesAsync(job.Target, buffer.ToArray(), token).ConfigureAwait(false);
                        await Describe(messages, outcome, part, job.Target, listGaps: !blocked).ConfigureAwait(false);
                    }
                    else if (outcome is not null)
                    {
                        await messages.WriteLineAsync($"{outcome.Refusal}，未生成 {job.Target}。").ConfigureAwait(false);
                        Worst(ref exit, ExitCodes.Usage);
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

            // A browser started beside the work is waited for even when no document came to need it (every one stopped
            // at the gate) before the command ends (the renderer's disposal would wait for it too); a failed start was
            // said by the document that needed it.
            await browser.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return exit;
        });
        return command;
    }

    // A browser start that failed, said in Chinese with the document it stopped; the other messages of that document
    // are kept.
    private static Task BrowserFailed(BrowserStartException failed, TextWriter messages, string target) =>
        messages.WriteLineAsync($"浏览器（Chromium）未能启动，未生成 {target}：{failed.Message}");

    private static readonly Dictionary<string, string> ByExtension = new() { [".html"] = "html", [".htm"] = "html", [".docx"] = "docx", [".pdf"] = "pdf" };

    /// <summary>
    /// The render gate (<see cref="RenderGate"/>), said: each error that stands and each 【待补充】 with where to fix or
    /// fill it, and an incomplete audit.
    /// </summary>
    private static async Task<GateOutcome> Gate(TextWriter messages, Loaded loaded, RenderPart part, RenderGate gate, string? template, CancellationToken cancellationToken)
    {
        var outcome = await gate.CheckAsync(loaded, part, template, cancellationToken).ConfigureAwait(false);
        if (outcome.Incomplete is { } incomplete)
        {
            await messages.WriteLineAsync($"{loaded.Source}：{incomplete}").ConfigureAwait(false);
        }

        if (outcome.Errors.Count > 0)
        {
            await messages.WriteLineAsync($"{loaded.Source}：审核发现 {outcome.Errors.Count} 个错误，须先改正：").ConfigureAwait(false);
            foreach (var finding in outcome.Errors)
            {
                await messages.WriteLineAsync($"  【{finding.Rule}】{finding.Location}：{finding.Message}").ConfigureAwait(false);
            }
        }

        if (outcome.Gaps.Count > 0)
        {
            await messages.WriteLineAsync($"{loaded.Source}：有 {outcome.Gaps.Count} 处【待补充】，须先补齐：").ConfigureAwait(false);
            foreach (var gap in outcome.Gaps)
            {
                await messages.WriteLineAsync($"  {gap}（{WhereToFill(gap)}）").ConfigureAwait(false);
            }
        }

        return outcome;
    }

    // The worse of two exit codes (3 over 2 over 1 over 0), kept across parallel jobs.
    private static void Worst(ref int exit, int code)
    {
        int seen;
        do
        {
            seen = exit;
            if (Rank(code) <= Rank(seen))
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref exit, code, seen) != seen);

        static int Rank(int c) => c switch { ExitCodes.Internal => 3, ExitCodes.Usage => 2, ExitCodes.Findings => 1, _ => 0 };
    }

    /// <summary>Where the data a gap lacks is entered: the JSON field, and the sheet of the 填报模板.</summary>
    internal static string WhereToFill(Documents.Disclosure.NarrativeGap gap) => gap switch
    {
        { What: var what } when what.Contains("机关运行经费", StringComparison.Ordinal) && !what.Contains("原因", StringComparison.Ordinal)
            => "在 JSON 的 operatingCosts 填写，或填报模板「其他情况」表的「机关运行经费」各行",
        { What: var what } when what.Contains("车辆", StringComparison.Ordinal) || what.Contains("设备", StringComparison.Ordinal)
            => "在 JSON 的 assets 填写，或填报模板「其他情况」表的「国有资产」各行",
        { Section: "部门概况" or "单位概况" } => "在 JSON 的 department.functions 填写，或填报模板「部门」表的「主要职能」",
        { Section: "名词解释" } => "在 --reference 目录的科目目录（catalogs/*.json）中补充该科目的说明",
        { Section: "部门决算表" or "单位决算表" } => "在 JSON 的 tables 中补上这张表，或在填报模板的对应表中填写",
        { What: var what } when what.Contains("原因", StringComparison.Ordinal) => "在 JSON 的 explanations 填写，或填报模板「原因说明」表",
        { What: var what } when what.Contains("上年", StringComparison.Ordinal) => "在 JSON 的 references 填写上年数，或填报模板「参考数」表",
        { What: var what } when what.Contains("预算数", StringComparison.Ordinal) => "在 JSON 的 references 填写年初预算数，或填报模板「参考数」表",
        { What: var what } when what.Contains("批次", StringComparison.Ordinal) || what.Contains("人次", StringComparison.Ordinal) || what.Contains("次数", StringComparison.Ordinal)
            => "在 JSON 的 threePublic 填写，或填报模板「其他情况」表的「“三公”经费」「会议费」「培训费」各行",
        _ => "在 JSON 的相应字段或填报模板的相应表中填写",
    };

    private static async Task Describe(TextWriter messages, RenderOutcome outcome, RenderPart part, string target, bool listGaps)
    {
        var year = outcome.Year;
        await messages.WriteLineAsync(part == RenderPart.Evaluations
            ? $"已生成 {target}（{year.Evaluations.Count} 张绩效自评表）"
            : $"已生成 {target}（{year.Department.Name} {year.Year} 年度，模板 {outcome.TemplateName}）").ConfigureAwait(false);
        if (!listGaps)
        {
            await messages.WriteLineAsync($"注意：审核未通过，每页印有「{GateOutcome.Mark}」，不能作为公开文本。").ConfigureAwait(false);
        }
        else if (outcome.Gaps.Count > 0)
        {
            await messages.WriteLineAsync($"注意：有 {outcome.Gaps.Count} 处数据未提供，文中以【待补充】标出，发布前请补齐：").ConfigureAwait(false);
            foreach (var gap in outcome.Gaps)
            {
                await messages.WriteLineAsync("  " + gap).ConfigureAwait(false);
            }
        }
    }
}
