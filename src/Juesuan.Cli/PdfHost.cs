using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Juesuan.Cli;

/// <summary>
/// Where the installed `juesuan` makes its PDFs (issue 19). It is compiled ahead of time (Native AOT), so a command
/// starts in milliseconds; but Playwright, which drives Chromium for a PDF, cannot run there — it names each call by
/// walking its callers' stack frames through reflection, which such a build does not keep. So the install carries the
/// same command line compiled for the JIT (ReadyToRun) in <c>pdf/</c> beside it, and a `render` to PDF is handed to it
/// whole: same arguments, same console, its exit code. Under `dotnet run` and in the tests nothing is handed over.
/// </summary>
internal static class PdfHost
{
    /// <summary>True in a build without the JIT (Native AOT), which must hand its PDFs over.</summary>
    public static bool Required => !RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>The command line that makes PDFs, installed beside this one.</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "pdf", OperatingSystem.IsWindows() ? "juesuan.exe" : "juesuan");

    /// <summary>Runs the command line as given in the PDF-making build, on this console; its exit code.</summary>
    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var executable = Executable;
        if (!File.Exists(executable))
        {
            await context.Err.WriteLineAsync($"无法生成 PDF：安装不完整，缺少生成 PDF 的程序 {executable}。请按 README 重新安装（dotnet publish src/Juesuan.Cli -p:PublishProfile=linux-x64）。").ConfigureAwait(false);
            return ExitCodes.Internal;
        }

        var start = new ProcessStartInfo(executable) { UseShellExecute = false };
        foreach (var argument in context.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The console is inherited, not copied: the other build's messages reach the user as they are written.
        using var process = Process.Start(start) ?? throw new InvalidOperationException("无法启动 " + executable);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C at a terminal reached the other build too, which stops its browser and ends: it is given the time
            // to; only one that goes on (this process was stopped some other way) is killed, with what it started.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }

            throw;
        }

        // Its exit code as it is, the one that build would give on its own (130 after Ctrl+C, as here).
        return process.ExitCode;
    }
}
