using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Juesuan.Application;
using Juesuan.Domain.Numbers;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Cli;

/// <summary>`juesuan compare`: comparisons across the years and departments the store holds.</summary>
internal static class CompareCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("compare", "比较：部门各年度的数据序列（科目改编码按科目对照接续）。");
        command.Subcommands.Add(Series(context));
        return command;
    }

    private static Command Series(CliContext context)
    {
        var organisation = new Argument<string>("部门") { Description = "部门名称（或其别名、编码）" };
        var what = new Argument<string>("项目") { Description = "表中印的项目名称（如 本年支出合计、基本支出），或科目编码（如 2101501）" };
        var format = new Option<string>("--format", "-f") { Description = "输出格式：text（默认）或 json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("series", "一个部门某项数据在存储各年度的序列：缺的年度标为缺口（未存储或未列），不当作零；给出比上年增减。") { organisation, what, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = context.Services(parse);
            Series series;
            try
            {
                series = await services.GetRequiredService<Comparisons>().SeriesAsync(parse.GetValue(organisation)!, parse.GetValue(what)!, ct).ConfigureAwait(false);
            }
            catch (SeriesRequestException e)
            {
                await context.Err.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await context.Out.WriteAsync(parse.GetValue(format) == "json" ? Json(series) : Comparisons.Text(series)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    // Amounts as strings with their printed decimals and unit, as the department-year format writes them; a gap as null with its reason.
    private static string Json(Series series) => new JsonObject
    {
        ["organisation"] = series.Organisation,
        ["what"] = series.What,
        ["table"] = series.Table,
        ["codes"] = new JsonArray([.. series.Codes.Select(c => (JsonNode?)c)]),
        ["points"] = new JsonArray([.. series.Points.Select(p => (JsonNode?)new JsonObject
        {
            ["year"] = p.Year,
            ["value"] = p.Value is { } v ? v.ToDisplayString() + v.Unit.Name() : null,
            ["gap"] = p.Gap,
            ["changePercent"] = p.Change?.ToString("0.00", CultureInfo.InvariantCulture),
        })]),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
