using System.CommandLine;
using System.Globalization;
using Juesuan.Domain.Model;
using Juesuan.Domain.Scoring;

namespace Juesuan.Cli;

/// <summary>`juesuan score`: recomputes every self-evaluation score and shows where the stated ones differ.</summary>
internal static class ScoreCommand
{
    public static Command Build(CliContext context, Func<ParseResult, string, CancellationToken, Task<DepartmentYear?>> load)
    {
        var input = new Argument<string>("输入") { Description = Commands.InputFormats + "，或存储中的键" };
        var all = new Option<bool>("--all", "-a") { Description = "列出全部指标（默认只列得分与规则不符的）" };
        var rulesFile = new Option<string?>("--rules") { Description = "评分规则文件（JSON，格式同内置的 scoring-rules.json）；按部门所在省份选用其中的规则，没有对应省份时用第一个" };
        var command = new Command("score", "按评分规则重新计算绩效自评表的每个得分，列出与表中得分的差异。有差异时退出码为 1。") { input, all, rulesFile };
        command.SetAction(async (parse, ct) =>
        {
            var year = await load(parse, parse.GetValue(input)!, ct).ConfigureAwait(false);
            if (year is null)
            {
                return ExitCodes.Usage;
            }

            if (year.Evaluations.Count == 0)
            {
                await context.Out.WriteLineAsync("没有绩效自评表。").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var rules = ScoringRules.ForProvince(year.Department.Province);
            if (parse.GetValue(rulesFile) is { } file)
            {
                if (!File.Exists(file))
                {
                    await context.Err.WriteLineAsync($"评分规则文件 {file} 不存在。").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                try
                {
                    await using var stream = File.OpenRead(file);
                    var sets = ScoringRules.Load(stream);
                    rules = sets.FirstOrDefault(r => year.Department.Province is { } p && r.Provinces.Any(x => p.StartsWith(x, StringComparison.Ordinal))) ?? sets.FirstOrDefault() ?? rules;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    await context.Err.WriteLineAsync($"评分规则文件 {file} 无法使用：{e.Message}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                await context.Out.WriteLineAsync($"评分规则：{rules.Name}（{file}）").ConfigureAwait(false);
            }
            var differences = 0;
            foreach (var evaluation in year.Evaluations)
            {
                var rows = new List<IReadOnlyList<string>>();
                var funds = evaluation.Funds.FirstOrDefault();
                var weight = evaluation.ExecutionWeight?.Value ?? 10m;
                var execution = ScoringEngine.ExecutionScore(weight, funds?.FullYearBudget?.Value, funds?.Executed?.Value);
                if (evaluation.ExecutionScore is { } statedExecution && execution is { } e && (parse.GetValue(all) || Math.Abs(statedExecution.Value - e) > 0.01m))
                {
                    differences += Math.Abs(statedExecution.Value - e) > 0.01m ? 1 : 0;
                    rows.Add(["预算执行率", $"{funds!.Executed} ÷ {funds.FullYearBudget}", F(weight), statedExecution.ToString(), F(e), "分值 × 执行数 ÷ 预算数"]);
                }

                foreach (var indicator in evaluation.Indicators.Where(i => i.Score is not null))
                {
                    var expectation = ScoringEngine.Expect(indicator, rules);
                    var stated = indicator.Score!.Value.Value;
                    var differs = expectation.Expected is { } x ? Math.Abs(stated - x) > 0.01m : stated < expectation.Low || stated > expectation.High;
                    if (differs || parse.GetValue(all))
                    {
                        differences += differs ? 1 : 0;
                        var recomputed = expectation.Expected is { } value ? F(value) : $"{F(expectation.Low)}–{F(expectation.High)}";
                        rows.Add([indicator.Level3, $"{indicator.Target} → {indicator.Actual}", indicator.Weight?.ToString() ?? string.Empty, indicator.Score.ToString()!, recomputed, expectation.Reason]);
                    }
                }

                var total = evaluation.TotalScore is { } t ? $"，总分 {t}{(evaluation.Grade is null ? string.Empty : "，" + evaluation.Grade)}（{rules.Name}等级：{rules.Grade(t.Value)}）" : string.Empty;
                await context.Out.WriteLineAsync($"【{(evaluation.Kind == EvaluationKind.Department ? "部门整体" : "项目")}】{evaluation.Name}{total}{(evaluation.IncompleteIndicators ? "（指标行未全部读取）" : string.Empty)}").ConfigureAwait(false);
                await context.Out.WriteAsync(rows.Count == 0 ? "  各项得分与评分规则一致。\n" : TextTable.Render(["指标", "目标 → 实际", "分值", "表中得分", "重算得分", "依据"], rows, new HashSet<int> { 2, 3, 4 })).ConfigureAwait(false);
                await context.Out.WriteLineAsync().ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(differences == 0 ? "所有得分与评分规则一致。" : $"共 {differences} 处得分与评分规则不符。").ConfigureAwait(false);
            return differences == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static string F(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
