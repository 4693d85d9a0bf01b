using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Juesuan.Application;
using Juesuan.Documents.Plain;
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
        command.Subcommands.Add(PeerGroup(context));
        return command;
    }

    private static Command PeerGroup(CliContext context)
    {
        var year = new Argument<int>("年度") { Description = "比较的年度" };
        var like = new Option<string?>("--like") { Description = "同类部门：名称中含有这些字的部门（如 医疗保障局）；省略时比较该年度存储的全部部门" };
        var names = new Option<string[]>("--departments") { Description = "或者直接列出要比较的部门（全称，可多个）", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format", "-f") { Description = "输出格式：text（默认）或 json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("peers", "同类部门比较：人员经费占比、项目支出占比、“三公”经费和机关运行经费人均、预算完成率、比上年增减，给出中位数、四分位和稳健离群值（中位数绝对偏差），每个离群值附一句说明。") { year, like, names, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = context.Services(parse);
            var table = await services.GetRequiredService<Peers>().CompareAsync(parse.GetValue(year), parse.GetValue(like), parse.GetValue(names), ct).ConfigureAwait(false);
            if (table.Departments.Count == 0)
            {
                await context.Err.WriteLineAsync($"存储中没有 {table.Year} 年度的{table.Group}。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await context.Out.WriteAsync(parse.GetValue(format) == "json" ? PeerJson(table) : PeerText(table)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string PeerText(PeerTable table)
    {
        var outliers = table.Outliers.ToDictionary(o => (o.Department, o.Ratio), o => o.Score);
        var rows = table.Departments.Select(d => (IReadOnlyList<string>)[d, .. table.Ratios.Select(r => table.Values.GetValueOrDefault((d, r.Id)) is { } v
            ? Peers.Show(r, v) + (outliers.TryGetValue((d, r.Id), out var z) ? (z > 0 ? " ▲" : " ▼") : string.Empty)
            : "—")]).ToList();
        foreach (var (label, pick) in Peers.Spread)
        {
            rows.Add([label, .. table.Ratios.Select(r => table.Statistics.TryGetValue(r.Id, out var s) ? Peers.Show(r, pick(s)) : "—")]);
        }

        var text = $"{table.Year} 年度 {table.Group}（{table.Departments.Count} 个）\n"
            + TextTable.Render(["部门", .. table.Ratios.Select(r => r.Name)], rows, new HashSet<int>(Enumerable.Range(1, table.Ratios.Count)));
        text += table.Outliers.Count == 0
            ? "没有明显偏离同组的数值（稳健 z 值都在 ±3.5 以内，或同组不足 4 个部门）。\n"
            : "离群值（▲ 偏高，▼ 偏低）：\n" + string.Concat(table.Outliers.Select(o => $"  - {o.Explanation}\n"));
        return text;
    }

    private static string PeerJson(PeerTable table) => new JsonObject
    {
        ["year"] = table.Year,
        ["group"] = table.Group,
        ["ratios"] = new JsonArray([.. table.Ratios.Select(r => (JsonNode?)new JsonObject { ["id"] = r.Id, ["name"] = r.Name, ["unit"] = r.Unit })]),
        ["departments"] = new JsonArray([.. table.Departments.Select(d => (JsonNode?)new JsonObject
        {
            ["name"] = d,
            ["values"] = new JsonObject(table.Ratios.Select(r => KeyValuePair.Create(r.Id, table.Values.GetValueOrDefault((d, r.Id)) is { } v ? (JsonNode?)v : null))),
        })]),
        ["statistics"] = new JsonObject(table.Statistics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
        {
            ["median"] = kv.Value.Median, ["q1"] = kv.Value.Q1, ["q3"] = kv.Value.Q3, ["mad"] = kv.Value.Mad, ["count"] = kv.Value.Count,
        }))),
        ["outliers"] = new JsonArray([.. table.Outliers.Select(o => (JsonNode?)new JsonObject
        {
            ["department"] = o.Department, ["ratio"] = o.Ratio, ["value"] = o.Value, ["score"] = o.Score, ["explanation"] = o.Explanation,
        })]),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

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
            ["value"] = p.Value is null ? null : p.Shown,
            ["gap"] = p.Gap,
            ["changePercent"] = p.Change?.ToString("0.00", CultureInfo.InvariantCulture),
        })]),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
