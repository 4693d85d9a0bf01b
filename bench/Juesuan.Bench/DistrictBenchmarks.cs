using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Juesuan.Application;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Bench;

/// <summary>
/// The material ledger (issue 18's target: 300 organisations × 3 years rendered in under 200 ms): a signed-in GET of
/// /Ledger through the in-process server, on a store of 300 registered departments with 900 documents audited, and the
/// ledger built by its use case alone. `dotnet run -c Release --project bench/Juesuan.Bench -- ledger`.
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private SignedInWorkbench? _workbench;
    private Ledgers? _ledgers;

    [GlobalSetup]
    public async Task Setup()
    {
        _workbench = await SignedInWorkbench.StartAsync("ledger");
        var services = _workbench.Factory.Services;
        var library = services.GetRequiredService<Library>();
        var reports = services.GetRequiredService<Reports>();
        var audits = services.GetRequiredService<Audits>();
        if ((await library.ListAsync()).Count < 900)
        {
            var list = new StringBuilder("名称,层级,上级,代码\n某市,地区,,R\n");
            for (var d = 0; d < 300; d++)
            {
                list.Append(System.Globalization.CultureInfo.InvariantCulture, $"某市第{d:D3}局,部门,某市,{d:D3}\n");
            }

            var (file, _) = await services.GetRequiredService<Organisations>().ImportAsync(Encoding.UTF8.GetBytes(list.ToString()), "组织.csv");
            if (!file.Success)
            {
                throw new InvalidOperationException(string.Join("\n", file.Problems));
            }

            var example = await File.ReadAllTextAsync(Paths.Example);
            var intake = services.GetRequiredService<Intake>();
            for (var d = 0; d < 300; d++)
            {
                foreach (var year in new[] { 2022, 2023, 2024 })
                {
                    var copy = example.Replace("青石县医疗保障局", $"某市第{d:D3}局", StringComparison.Ordinal).Replace("\"year\": 2024", $"\"year\": {year}", StringComparison.Ordinal);
                    var loaded = reports.Read(Encoding.UTF8.GetBytes(copy), $"{d}-{year}.json");
                    var saved = (await intake.FileAsync(loaded, "bench")).Saved ?? throw new InvalidOperationException($"not filed: {d}");
                    await library.SaveAuditAsync(saved, audits.Audit(loaded), "bench");
                }
            }
        }

        _ledgers = services.GetRequiredService<Ledgers>();
        var ledger = await _ledgers.BuildAsync();
        Console.WriteLine($"// ledger: {ledger.Rows.Count} departments × {ledger.Years.Count} years; {ledger.Summary}");
    }

    [Benchmark(Description = "ledger page, 300 departments × 3 years")]
    public async Task<int> LedgerPage() => (await _workbench!.Client.GetStringAsync("/Ledger")).Length;

    [Benchmark(Description = "ledger use case, 300 departments × 3 years")]
    public async Task<int> LedgerUseCase() => (await _ledgers!.BuildAsync()).Rows.Count;

    [GlobalCleanup]
    public void Cleanup() => _workbench?.Dispose();
}

/// <summary>
/// Batch intake (issue 18's target: 200 reports with bounded memory and every core busy): copies of the five text
/// samples under 200 registered departments — each copy printing its own department's name — read, filed and audited
/// through <see cref="Intake.FileAllAsync"/> as `juesuan import 目录 --save --audit` runs it, once with one worker and once
/// with one per core: wall time, CPU used over the wall time and cores, peak working set.
/// `dotnet run -c Release --project bench/Juesuan.Bench -- intake 200`.
/// </summary>
internal static class IntakeBenchmark
{
    private static readonly (string File, string[] Names)[] Samples =
    [
        ("heshui-2024-performance-self-evaluation.txt", ["合水县医疗保障局"]),
        ("longxian-2022-final-accounts.txt", ["陇县医疗保障局"]),
        ("quxian-2022-final-accounts.txt", ["四川省渠县医疗保障局", "渠县医疗保障局"]),
        ("xigong-2022-final-accounts.txt", ["洛阳市西工区医疗保障局"]),
        ("zhenan-2023-final-accounts.txt", ["镇安县医疗保障局"]),
    ];

    public static async Task<int> RunAsync(int count)
    {
        var samples = Path.Combine(Paths.Root, "..", "shared", "samples");
        var folder = Directory.CreateTempSubdirectory("juesuan-intake-").FullName;
        var list = new StringBuilder("名称,层级,上级,代码\n");
        for (var i = 0; i < count; i++)
        {
            var (file, names) = Samples[i % Samples.Length];
            var name = $"第{i:D3}号医疗保障局";
            var text = names.Aggregate(await File.ReadAllTextAsync(Path.Combine(samples, file)), (t, n) => t.Replace(n, name, StringComparison.Ordinal));
            await File.WriteAllTextAsync(Path.Combine(folder, $"{i:D3}-{file}"), text);
            list.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name},部门,,{i:D3}\n");
        }

        var files = Reports.FilesIn(folder);
        foreach (var workers in new[] { 1, Environment.ProcessorCount })
        {
            var db = Path.Combine(folder, $"store-{workers}.db");
            await using var services = new ServiceCollection().AddJuesuan(o => o.Store = Storage.StoreOptions.Resolve("sqlite", db) with { ExplicitPath = false }).BuildServiceProvider();
            var (read, _) = await services.GetRequiredService<Organisations>().ImportAsync(Encoding.UTF8.GetBytes(list.ToString()), "组织.csv");
            if (!read.Success)
            {
                throw new InvalidOperationException(string.Join("\n", read.Problems));
            }

            GC.Collect();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var filed = 0;
            var pending = 0;
            await services.GetRequiredService<Intake>().FileAllAsync(services.GetRequiredService<Reports>(), services.GetRequiredService<Audits>(), files, "bench", save: true, audit: true, item =>
            {
                _ = item.Filing?.Saved is null ? pending++ : filed++;
                return Task.CompletedTask;
            }, workers);
            wall.Stop();
            process.Refresh();
            var used = (process.TotalProcessorTime - cpu).TotalSeconds / wall.Elapsed.TotalSeconds / Environment.ProcessorCount;
            Console.WriteLine($"{files.Count} reports, {workers} worker(s): {wall.Elapsed.TotalSeconds:F1} s ({wall.Elapsed.TotalMilliseconds / files.Count:F0} ms each), " +
                $"CPU {used:P0} of {Environment.ProcessorCount} cores, peak working set {process.PeakWorkingSet64 / 1048576} MiB; filed {filed}, waiting {pending}");
        }

        Directory.Delete(folder, recursive: true);
        return 0;
    }
}
