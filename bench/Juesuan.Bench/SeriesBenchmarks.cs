using BenchmarkDotNet.Attributes;
using Juesuan.Application;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Bench;

/// <summary>
/// A series query (issue 17's target: under 50 ms over 10 years × 1,000 departments, on SQLite and on PostgreSQL): one
/// department's 2101501 over its ten stored years, through the use case the CLI and the workbench call, on a store of
/// 10,000 department-years (1,000 departments, 2015–2024, each an expenditure table of 16 rows). The store is built once
/// and kept (SQLite under /tmp, PostgreSQL at JUESUAN_BENCH_PG; without it that case is skipped).
/// `dotnet run -c Release --project bench/Juesuan.Bench -- series`.
/// </summary>
[MemoryDiagnoser]
public class SeriesBenchmarks
{
    private const int Departments = 1000;
    private static readonly int[] Years = Enumerable.Range(2015, 10).ToArray();
    private ServiceProvider? _services;
    private Comparisons? _comparisons;

    [Params("sqlite", "postgres")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public async Task Setup()
    {
        var connection = Environment.GetEnvironmentVariable("JUESUAN_BENCH_PG");
        var options = Store == "sqlite"
            ? StoreOptions.Resolve("sqlite", "/tmp/juesuan-bench-series.db") with { ExplicitPath = false }
            : StoreOptions.Resolve("postgres", connectionString: connection ?? throw new InvalidOperationException("JUESUAN_BENCH_PG is not set: the PostgreSQL case needs a server."));
        _services = new ServiceCollection().AddJuesuan(o => o.Store = options).BuildServiceProvider();
        var library = _services.GetRequiredService<Library>();
        var stored = (await library.ListAsync()).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        for (var d = 0; d < Departments; d++)
        {
            foreach (var year in Years)
            {
                var department = $"第{d:D4}县医疗保障局";
                if (!stored.Contains(DepartmentYear.KeyOf(department, year)))
                {
                    await library.SaveAsync(Year(department, year, d));
                }
            }
        }

        _comparisons = _services.GetRequiredService<Comparisons>();
        var check = await _comparisons.SeriesAsync("第0500县医疗保障局", "2101501");
        Console.WriteLine($"// {check.Points.Count} points: {string.Join(", ", check.Points.Select(p => p.Value?.ToString() ?? p.Gap))}");
    }

    [Benchmark]
    public async Task<Series> SeriesOfOneDepartment() => await _comparisons!.SeriesAsync("第0500县医疗保障局", "2101501");

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    private static readonly string[] Codes = ["2010101", "2010102", "2080501", "2080505", "2080506", "2101101", "2101102", "2101103", "2101199", "2101501", "2101502", "2101506", "2101599", "2210201", "2299999"];

    private static DepartmentYear Year(string department, int year, int d) => new()
    {
        Department = new Department { Name = department, Region = department[..6] },
        Year = year,
        Tables =
        [
            new StatedTable
            {
                Definition = TableIds.Expenditure, Title = "支出决算表", Unit = MoneyUnit.WanYuan,
                Rows = [.. Codes.Select((c, i) => new StatedRow { Key = c, Label = c, Cells = [new StatedCell { Column = "total", Value = Printed.Parse($"{(d + i + year % 7) * 1.25m:0.00}").Value }] }),
                    new StatedRow { Key = "total", Label = "合计", Cells = [new StatedCell { Column = "total", Value = Printed.Parse("100.00").Value }] }],
            },
        ],
    };
}
