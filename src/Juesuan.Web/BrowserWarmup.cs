using Juesuan.Application;
using Juesuan.Documents.Disclosure;

namespace Juesuan.Web;

/// <summary>
/// Starts the browser PDFs are printed with as the workbench starts (Juesuan:WarmBrowser), in the background, and makes a
/// first print with it: the first PDF a user asks for then waits only for its prints, as warm as the next (issue 19). A server without Chromium, or whose browser cannot
/// start, says so in its log and serves everything else; a PDF asked for later tries the start again and tells the user.
/// </summary>
internal sealed class BrowserWarmup(Renderer renderer, WorkbenchSettings settings, ILogger<BrowserWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.WarmBrowser)
        {
            return;
        }

        if (PdfPrinter.FindChromium() is null)
        {
            logger.LogInformation("未找到 Chromium：生成 PDF 时会说明如何安装，其余功能不受影响");
            return;
        }

        try
        {
            // Started, and a first print made: Chromium's first is several times slower than the next.
            await renderer.WarmPdfAsync(stoppingToken);
            logger.LogInformation("生成 PDF 用的浏览器已启动");
        }
        catch (BrowserStartException e)
        {
            logger.LogWarning("生成 PDF 用的浏览器未能启动（生成 PDF 时会再试）：{Reason}", e.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The workbench stopped first; the renderer's disposal closes a browser that started meanwhile.
        }
        catch (ObjectDisposedException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while starting.
        }
    }
}
