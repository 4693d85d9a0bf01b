using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Juesuan.Bench;

/// <summary>
/// Issue 15's intake target: 20 PDFs uploaded at once are all read and audited, in parallel on the available cores, with
/// memory bounded. One invocation posts 20 real published PDFs (普陀's 25-page disclosure, 西南大学's, the Shanghai
/// template, in turn; each copy made distinct by a trailing PDF comment so none is a duplicate) in one upload form to the
/// in-process workbench on a fresh SQLite store, and waits until the job engine has finished every one. Printed beside
/// the figures: how many uploads were in progress at once (the worker pool's parallelism as seen from outside), the
/// states they ended in, and the process's peak working set.
/// `dotnet run -c Release --project bench/Juesuan.Bench -- uploads`.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class UploadBenchmarks
{
    private const int Files = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);
    private SignedInWorkbench? _workbench;
    private byte[][] _pdfs = [];
    private int _round;

    [GlobalSetup]
    public async Task Setup()
    {
        var shared = Path.Combine(Paths.Root, "..", "shared");
        _pdfs = new[] { "samples/pdf/putuo-finance-bureau-2024-final-accounts.pdf", "corpus/swu-2023-final-accounts.pdf", "samples/pdf/shanghai-2024-final-accounts-template.pdf" }
            .Select(p => File.ReadAllBytes(Path.Combine(shared, p))).ToArray();
        _workbench = await SignedInWorkbench.StartAsync("uploads");
        Console.WriteLine($"// {Environment.ProcessorCount} cores; {Files} PDFs per upload ({string.Join("、", _pdfs.Select(p => $"{p.Length / 1024} KB"))} in turn)");
    }

    [Benchmark(Description = "20 PDFs uploaded at once, until all are read and audited")]
    public async Task<int> TwentyPdfs()
    {
        var round = ++_round;
        var client = _workbench!.Client;
        var home = await client.GetStringAsync("/");
        using var form = new MultipartFormDataContent { { new StringContent(SignedInWorkbench.Token(home)), "__RequestVerificationToken" } };
        for (var i = 0; i < Files; i++)
        {
            // A comment after %%EOF changes the hash, not the document.
            var copy = _pdfs[i % _pdfs.Length].Concat(Encoding.ASCII.GetBytes($"\n%juesuan-bench {round}-{i}\n")).ToArray();
            form.Add(new ByteArrayContent(copy), "files", $"r{round}-{i:D2}.pdf");
        }

        var posted = await client.PostAsync("/?handler=Upload", form);
        posted.EnsureSuccessStatusCode();
        var prefix = $"r{round}-";
        var busiest = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Deadline)
        {
            var states = (await client.GetFromJsonAsync<JsonElement[]>("/uploads/states"))!
                .Where(u => u.GetProperty("fileName").GetString()!.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            busiest = Math.Max(busiest, states.Count(u => u.GetProperty("state").GetString() is "reading" or "auditing"));
            if (states.Length == Files && states.All(u => u.GetProperty("finished").GetBoolean()))
            {
                var ended = states.GroupBy(u => u.GetProperty("state").GetString()).Select(g => $"{g.Key} {g.Count()}");
                using var process = Process.GetCurrentProcess();
                Console.WriteLine($"// round {round}: {string.Join("、", ended)}; at most {busiest} in progress at once; working set {process.WorkingSet64 / 1048576} MB, peak {process.PeakWorkingSet64 / 1048576} MB");
                return states.Length;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"round {round}: not every upload finished within {Deadline}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// peak working set of the process: {process.PeakWorkingSet64 / 1048576} MB");
        _workbench?.Dispose();
    }
}
