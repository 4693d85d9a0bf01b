using System.CommandLine;
using Juesuan.Application;
using Juesuan.Documents.Plain;
using Juesuan.Domain.Model;
using Juesuan.Domain.Reference;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Cli;

/// <summary>`juesuan score`: recomputes every self-evaluation score and shows where the stated ones differ.</summary>
internal static class ScoreCommand
{
    /// <summary>--rules FILE, which `score` and `audit` both take: the two check scores against the same rules.</summary>
    public static Option<string?> RulesOption() => new("--rules")
    {
        Description = "评分规则文件（JSON，格式同内置的 scoring-rules.json）；按部门所在省份选用其中的规则，没有对应省份时用第一个",
    };

    /// <summary>The reference data with the rules file's rule sets (or the embedded ones); null, said why, when the file is unusable.</summary>
    public static async Task<ReferenceData?> ReferenceAsync(CliContext context, ParseResult parse, string? file, CancellationToken ct)
    {
        var reference = CliContext.Reference(parse);
        if (file is null)
        {
            return reference;
        }

        if (!File.Exists(file))
        {
            await context.Err.WriteLineAsync($"评分规则文件 {file} 不存在。").ConfigureAwait(false);
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(file);
            return reference.WithScoringRules(stream, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await context.Err.WriteLineAsync($"评分规则文件 {file} 无法使用：{e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    public static Command Build(CliContext context)
    {
        var input = new Argument<string>("输入") { Description = Commands.InputFormats + "，或存储中的键" };
        var all = new Option<bool>("--all", "-a") { Description = "列出全部指标（默认只列得分与规则不符的）" };
        var rulesFile = RulesOption();
        var command = new Command("score", "按评分规则重新计算绩效自评表的每个得分，列出与表中得分的差异。有差异时退出码为 1。") { input, all, rulesFile };
        command.SetAction(async (parse, ct) =>
        {
            var reference = await ReferenceAsync(context, parse, parse.GetValue(rulesFile), ct).ConfigureAwait(false);
            if (reference is null)
            {
                return ExitCodes.Usage;
            }

            await using var services = context.Services(parse, reference);
            var year = await context.LoadAsync(services.GetRequiredService<Reports>(), parse.GetValue(input)!, ct).ConfigureAwait(false);
            if (year is null)
            {
                return ExitCodes.Usage;
            }

            if (year.Evaluations.Count == 0)
            {
                await context.Out.WriteLineAsync("没有绩效自评表。").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var sheet = services.GetRequiredService<Scores>().Score(year, parse.GetValue(all));
            if (reference.ScoringSource is { } source)
            {
                await context.Out.WriteLineAsync($"评分规则：{sheet.Rules.Name}（{source}）").ConfigureAwait(false);
            }

            foreach (var form in sheet.Evaluations)
            {
                var evaluation = form.Evaluation;
                var total = evaluation.TotalScore is { } t ? $"，总分 {t}{(evaluation.Grade is null ? string.Empty : "，" + evaluation.Grade)}（{sheet.Rules.Name}等级：{form.Grade}）" : string.Empty;
                await context.Out.WriteLineAsync($"【{(evaluation.Kind == EvaluationKind.Department ? "部门整体" : "项目")}】{evaluation.Name}{total}{(evaluation.IncompleteIndicators ? "（指标行未全部读取）" : string.Empty)}").ConfigureAwait(false);
                var rows = form.Lines.Select(l => (IReadOnlyList<string>)[l.Indicator, l.Basis, l.Weight, l.Stated, l.Recomputed, l.Reason]).ToArray();
                await context.Out.WriteAsync(rows.Length == 0 ? "  各项得分与评分规则一致。\n" : TextTable.Render(["指标", "目标 → 实际", "分值", "表中得分", "重算得分", "依据"], rows, new HashSet<int> { 2, 3, 4 })).ConfigureAwait(false);
                await context.Out.WriteLineAsync().ConfigureAwait(false);
            }

            var differences = sheet.Differences;
            await context.Out.WriteLineAsync(differences == 0 ? "所有得分与评分规则一致。" : $"共 {differences} 处得分与评分规则不符。").ConfigureAwait(false);
            return differences == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
