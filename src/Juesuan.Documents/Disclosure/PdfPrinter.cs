using Microsoft.Playwright;

namespace Juesuan.Documents.Disclosure;

/// <summary>
/// Prints HTML to PDF in headless Chromium (Debian's <c>chromium</c> driven by Playwright through
/// <c>ExecutablePath</c>; Playwright never downloads a browser here). One browser process serves a whole batch:
/// create the printer once, print many documents, dispose it.
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    /// <summary>The environment variable naming the Chromium executable (default /usr/bin/chromium).</summary>
    public const string ChromiumVariable = "JUESUAN_CHROMIUM";

    private static readonly string[] Arguments = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", .. SharedMemory()];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly SemaphoreSlim _gate;
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> _idle = [];

    private PdfPrinter(IPlaywright playwright, IBrowser browser, int tabs)
    {
        _playwright = playwright;
        _browser = browser;
        _gate = new SemaphoreSlim(tabs, tabs);
    }

    // Chromium passes pages between its processes through /dev/shm; where that is small (containers often give 64 MB)
    // it must use /tmp instead, which costs system time on every print.
    private static string[] SharedMemory()
    {
        try
        {
            return new DriveInfo("/dev/shm").AvailableFreeSpace >= 512L * 1024 * 1024 ? [] : ["--disable-dev-shm-usage"];
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return ["--disable-dev-shm-usage"];
        }
    }

    /// <summary>The Chromium executable this machine has, or null.</summary>
    public static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Starts the browser; throws <see cref="InvalidOperationException"/> with a Chinese message when there is none.
    /// Up to <paramref name="tabs"/> documents print at once (default: one per core).
    /// </summary>
    public static async Task<PdfPrinter> StartAsync(int tabs = 0)
    {
        var executable = FindChromium()
            ?? throw new InvalidOperationException($"生成 PDF 需要 Chromium：未找到 /usr/bin/chromium（Debian 可用 apt-get install chromium 安装），也可用环境变量 {ChromiumVariable} 指定其路径。");
        KeepDriverCompiled();
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = Arguments }).ConfigureAwait(false);
            var printer = new PdfPrinter(playwright, browser, tabs > 0 ? tabs : Environment.ProcessorCount);
            // The first tab is opened with the browser (about a second here): a caller that starts the printer while it
            // builds its document does not wait for it again at the first print.
            try
            {
                printer._idle.Add(await browser.NewPageAsync().ConfigureAwait(false));
            }
            catch
            {
                await browser.CloseAsync().ConfigureAwait(false);
                throw;
            }

            return printer;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Lets Playwright's driver (a Node program, whose start is the larger part of the browser's) keep its compiled code
    /// between runs: Node 22.1 and later read <c>NODE_COMPILE_CACHE</c>, a folder it fills on the first start and reads on
    /// the next (the driver's load ≈ 0.38 → 0.30 s here). The folder is under the user's cache folder
    /// (<c>$XDG_CACHE_HOME</c> when it is an absolute path, else <c>~/.cache</c>); a value already set is kept, and a
    /// folder that cannot be written is passed over by Node without a word.
    /// </summary>
    private static void KeepDriverCompiled()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NODE_COMPILE_CACHE")))
        {
            return;
        }

        // A relative XDG_CACHE_HOME is to be ignored (XDG Base Directory specification).
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } configured && Path.IsPathRooted(configured)
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        if (Path.IsPathRooted(cache))
        {
            Environment.SetEnvironmentVariable("NODE_COMPILE_CACHE", Path.Combine(cache, "juesuan", "node-compile-cache"));
        }
    }

    /// <summary>Prints <paramref name="html"/> to a PDF file at <paramref name="path"/>.</summary>
    public async Task PrintAsync(string html, string path, CancellationToken cancellationToken = default) =>
        await File.WriteAllBytesAsync(path, await PrintAsync(html, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Prints <paramref name="html"/> to PDF (returned, no file written). The page's own CSS gives the page sizes (A4,
    /// landscape pages for wide tables), the margins and the 「— 1 —」 numbers (<see cref="DisclosureHtml"/>, which every
    /// printed document comes from).
    /// </summary>
    public Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken = default) => PrintAsync(html, subsetFonts: true, cancellationToken);

    /// <summary>
    /// Prints <paramref name="html"/>, its installed fonts cut down to its characters (<see cref="PrintFonts"/>) unless
    /// <paramref name="subsetFonts"/> is false (tests, which compare the two).
    /// </summary>
    internal async Task<byte[]> PrintAsync(string html, bool subsetFonts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        // Done before a tab is taken, beside another document's print: Chromium reads a print's whole font files.
        html = subsetFonts ? PrintFonts.Embed(html) : html;
        // Tabs are reused: opening one costs about a second on this machine, printing a short document far less.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        IPage? page = null;
        try
        {
            page = _idle.TryTake(out var idle) ? idle : await _browser.NewPageAsync().ConfigureAwait(false);
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
            // The fonts carried in the page (PrintFonts) are loaded before the print lays it out.
            await page.EvaluateAsync("() => document.fonts.ready.then(() => true)").ConfigureAwait(false);
            return await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, PrintBackground = true }).ConfigureAwait(false);
        }
        finally
        {
            if (page is not null)
            {
                _idle.Add(page);
            }

            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        await _browser.CloseAsync().ConfigureAwait(false);
        _playwright.Dispose();
    }
}
