using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Juesuan.Application;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Bench;

/// <summary>
/// The workbench's report page rendered server-side (issue 15's target: under 100 ms with 100 findings on a store of
/// 1,000 department-years): a signed-in GET of /Report through the in-process server, on an SQLite store holding 1,000
/// department-years, for a department-year with 471 findings (the example with every other table figure raised
/// by 1). `dotnet run -c Release --project bench/Juesuan.Bench -- workbench`.
/// </summary>
[MemoryDiagnoser]
public partial class WorkbenchBenchmarks
{
    private const string Password = "Bench-password-2024";
    private string _folder = string.Empty;
    private WebApplicationFactory<global::Program>? _factory;
    private HttpClient? _client;
    private string _address = string.Empty;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Directory.CreateTempSubdirectory("juesuan-bench-web-").FullName;
        _factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Juesuan:Store", "sqlite");
            b.UseSetting("Juesuan:Db", Path.Combine(_folder, "bench.db"));
            b.UseSetting("Juesuan:AdminPassword", Password);
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseEnvironment("Production");
        });
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await _client.GetStringAsync("/Account/Login");
        var signedIn = await _client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = Password, ["__RequestVerificationToken"] = Token().Match(login).Groups[1].Value,
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Could not sign in.");
        }

        var services = _factory.Services;
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
        await library.SaveAuditAsync(saved.Key, report, "bench");
        _address = $"/Report?key={Uri.EscapeDataString(saved.Key)}";
        Console.WriteLine($"// store: {(await library.ListAsync()).Count} department-years; the page's report: {report.Findings.Count} findings " +
            $"({report.Summary.Errors} errors, {report.Summary.Warnings} warnings)");
    }

    [Benchmark(Description = "report page, defective example (471 findings), store of 1,000 department-years")]
    public async Task<int> ReportPage() => (await _client!.GetStringAsync(_address)).Length;

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _factory?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
