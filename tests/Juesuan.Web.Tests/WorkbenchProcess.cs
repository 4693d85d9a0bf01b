using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Juesuan.TestSupport;

namespace Juesuan.Web.Tests;

/// <summary>
/// A real workbench process, started as `dotnet run --project src/Juesuan.Web` would (the project folder is the content
/// root: wwwroot, pdf.js), on a free port, with its output kept for the test to read.
/// </summary>
internal sealed class WorkbenchProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _home;

    private WorkbenchProcess(Process process, string url, string home)
    {
        _process = process;
        Url = url;
        _home = home;
    }

    /// <summary>The address it serves on.</summary>
    public string Url { get; }

    /// <summary>What it has written so far, standard output and error together.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Starts a process with <paramref name="arguments"/> and waits until /health answers 200.</summary>
    public static async Task<WorkbenchProcess> StartAsync(params string[] arguments)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var project = Path.Combine(Paths.RepoRoot, "src", "Juesuan.Web");
        var dll = Path.Combine(AppContext.BaseDirectory, "Juesuan.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url, "--contentRoot", project, .. arguments])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = project,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // A home of its own, as on a machine of its own: nothing shared with other processes but the store.
        var home = Directory.CreateTempSubdirectory("juesuan-home-").FullName;
        start.Environment["HOME"] = home;
        var process = new WorkbenchProcess(Process.Start(start)!, url, home);
        process._process.OutputDataReceived += (_, e) => process.Keep(e.Data);
        process._process.ErrorDataReceived += (_, e) => process.Keep(e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            if (process._process.HasExited)
            {
                var said = string.Join('\n', process.Output);
                process.Dispose();
                throw new InvalidOperationException("The workbench stopped while starting:\n" + said);
            }

            try
            {
                if ((await http.GetAsync($"{url}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        process.Dispose();
        throw new TimeoutException("The workbench did not start in 30 s:\n" + string.Join('\n', process.Output));
    }

    /// <summary>Kills it at once, as a crash or `kill -9` would: no shutdown, no clean-up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
