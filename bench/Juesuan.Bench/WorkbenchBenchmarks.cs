using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Juesuan.Application;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Bench;

/// <summary>
/// The workbench's report page rendered server-side (issue 15's target: under 100 ms with 100 findings on a store of
/// 1,000 department-years): a signed-in GET of /Report through the in-process server, on an SQLite store holding 1,000
/// department-years, for a department-year with 471 findings (the example with every other table figure raised
/// by 1). `dotnet run -c Release --project bench/Juesuan.Bench -- workbench`.
/// </summary>
[MemoryDiagnoser]
public class WorkbenchBenchmarks
{
    private SignedInWorkbench? _workbench;
    private string _address = string.Empty;

    [GlobalSetup]
    public async Task Setup()
    {
        _workbench = await SignedInWorkbench.StartAsync("web");
        var services = _workbench.Factory.Services;
        var reports = services.GetRequiredService<Reports>();
        var library = services.GetRequiredService<Library>();
        var example = await File.ReadAllTextAsync(Paths.Example);
        for (var i = (await library.ListAsync()).Count; i < 999; i++)
        {
            var copy = example.Replace("青石县", $"青石{i:D4}县", StringComparison.Ordinal);
            var loaded = reports.Read(System.Text.Encoding.UTF8.GetBytes(copy), $"青石{i:D4}.json");
            await library.SaveAsync(loaded, "bench");
        }

        var defective = reports.Read(System.Text.Encoding.UTF8.GetBytes(Defective(example)), "缺陷.json");
        var saved = await library.SaveAsync(defective, "bench");
        var report = services.GetRequiredService<Audits>().Audit(defective);
        await library.SaveAuditAsync(saved, report, "bench");
        _address = $"/Report?key={Uri.EscapeDataString(saved.Key)}";
        Console.WriteLine($"// store: {(await library.ListAsync()).Count} department-years; the page's report: {report.Findings.Count} findings " +
            $"({report.Summary.Errors} errors, {report.Summary.Warnings} warnings)");
    }

    [Benchmark(Description = "report page, defective example (471 findings), store of 1,000 department-years")]
    public async Task<int> ReportPage() => (await _workbench!.Client.GetStringAsync(_address)).Length;

    [GlobalCleanup]
    public void Cleanup() => _workbench?.Dispose();

    // The example under another name, every other figure of its tables raised by 1 (sums and cross-table checks fail).
    private static string Defective(string example)
    {
        var root = JsonNode.Parse(example.Replace("青石县", "缺陷县", StringComparison.Ordinal))!;
        var n = 0;
        foreach (var cell in root["tables"]!.AsArray().SelectMany(t => t!["rows"]!.AsArray()).SelectMany(r => r!["cells"]?.AsArray() ?? []))
        {
            if (n++ % 2 == 0 && decimal.TryParse((string?)cell!["value"], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                cell["value"] = (value + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        return root.ToJsonString();
    }

}
