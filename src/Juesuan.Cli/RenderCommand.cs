using System.CommandLine;
using Juesuan.Documents.Evaluations;

namespace Juesuan.Cli;

/// <summary>`juesuan render --only evaluations`: the self-evaluation forms as HTML or DOCX.</summary>
internal static class RenderCommand
{
    public static Command Build(CliContext context, Func<ParseResult, string, CancellationToken, Task<Domain.Model.DepartmentYear?>> load)
    {
        var input = new Argument<string>("输入") { Description = Commands.InputFormats + "，或存储中的键" };
        var only = new Option<string>("--only") { Description = "生成的部分：evaluations（绩效自评表）。完整的公开文档（表、情况说明、图表、名词解释）由文档生成功能提供，尚未包含在本版本中。", Required = true };
        only.AcceptOnlyFromAmong("evaluations");
        var format = new Option<string>("--format", "-f") { Description = "html（默认）或 docx", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "docx");
        var output = new Option<string>("--output", "-o") { Description = "输出文件", Required = true };
        var command = new Command("render", "生成文档：目前为绩效自评表（按全国通用格式，HTML 或 Word）。") { input, only, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var year = await load(parse, parse.GetValue(input)!, ct).ConfigureAwait(false);
            if (year is null)
            {
                return ExitCodes.Usage;
            }

            if (year.Evaluations.Count == 0)
            {
                await context.Err.WriteLineAsync("该部门年度没有绩效自评表，未生成文件。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var target = parse.GetValue(output)!;
            if (parse.GetValue(format) == "docx")
            {
                EvaluationDocx.Write(year, target);
            }
            else
            {
                await File.WriteAllTextAsync(target, EvaluationHtml.Render(year), ct).ConfigureAwait(false);
            }

            await context.Err.WriteLineAsync($"已生成 {target}（{year.Evaluations.Count} 张绩效自评表）").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
