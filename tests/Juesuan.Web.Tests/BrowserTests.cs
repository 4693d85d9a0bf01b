using Juesuan.TestSupport;
using Microsoft.Playwright;

namespace Juesuan.Web.Tests;

/// <summary>
/// The workbench in a real browser (Debian's chromium driven by Playwright) against a real server process: sign in,
/// upload the 普陀 PDF, wait for its job, open the N.AMOUNT finding and see page 21 drawn by pdf.js with a box over
/// 「0.3万元」. Screenshots of every page go to TestResults/screenshots.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private const string Password = "Browser-test-2024";
    private readonly string _folder = Directory.CreateTempSubdirectory("juesuan-browser-").FullName;
    private readonly string _shots = Path.Combine(Paths.RepoRoot, "TestResults", "screenshots");
    private WorkbenchProcess? _server;
    private string _url = string.Empty;

    public async Task InitializeAsync()
    {
        // No warm browser beside the tests' own (each test starts a server): on two cores it slowed a sign-in past 90 s.
        _server = await WorkbenchProcess.StartAsync("--db", Path.Combine(_folder, "web.db"), "--Juesuan:AdminPassword", Password, "--Juesuan:WarmBrowser", "false");
        _url = _server.Url;
    }

    [SkippableFact]
    public async Task The_browser_pdfs_are_printed_with_starts_with_the_workbench()
    {
        // Issue 19: the first PDF a user asks for does not wait for the browser's start.
        Paths.RequireBrowser();
        using var server = await WorkbenchProcess.StartAsync("--db", Path.Combine(_folder, "warm.db"), "--Juesuan:AdminPassword", Password);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!server.Output.Any(l => l.Contains("生成 PDF 用的浏览器已启动", StringComparison.Ordinal)) && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(200);
        }

        Assert.Contains(server.Output, l => l.Contains("生成 PDF 用的浏览器已启动", StringComparison.Ordinal));
        Assert.DoesNotContain(_server!.Output, l => l.Contains("生成 PDF 用的浏览器", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_reviewer_uploads_the_putuo_pdf_and_sees_the_finding_boxed_on_page_21()
    {
        var chromium = Paths.RequireBrowser();
        var pdf = Path.Combine(Paths.RequireSamples(), "pdf", "putuo-finance-bureau-2024-final-accounts.pdf");
        var pdfjs = Path.Combine(Paths.RepoRoot, "src", "Juesuan.Web", "wwwroot", "lib", "pdfjs", "pdf.min.mjs");
        Assert.True(File.Exists(pdfjs), $"pdf.js is not installed at {pdfjs}: the build runs `npm ci` in src/Juesuan.Web when npm is on PATH.");
        Directory.CreateDirectory(_shots);
        await using var session = await SignedInAsync(chromium, 1280, loginShot: "1-login.png");
        var page = session.Page;
        await UploadAsync(page, pdf);
        await page.WaitForSelectorAsync("text=已上传 putuo-finance-bureau-2024-final-accounts.pdf");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "2-uploaded.png"), FullPage = true });

        // The list follows the job and reloads when it is done; the link to the findings appears.
        var link = page.Locator("#uploads a", new PageLocatorOptions { HasText = "查看审核结果" });
        await link.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await link.First.ClickAsync();
        await page.WaitForSelectorAsync("text=结论");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "3-report.png"), FullPage = true });
        Assert.Contains("上海市普陀区财政局", await page.ContentAsync(), StringComparison.Ordinal);

        var amount = page.Locator("article.finding", new PageLocatorOptions { HasText = "N.AMOUNT" }).Locator("a.open", new LocatorLocatorOptions { HasText = "第 21 页" });
        await amount.First.ClickAsync();
        await page.WaitForSelectorAsync("#viewer[data-rendered='21']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        var box = page.Locator(".box[data-value='0.3万元']");
        Assert.Equal(1, await box.CountAsync());
        var bounds = await box.BoundingBoxAsync();
        var canvas = await page.Locator("#page").BoundingBoxAsync();
        Assert.True(bounds is not null && canvas is not null && bounds.Width > 5 && bounds.X >= canvas.X && bounds.Y >= canvas.Y && bounds.Y + bounds.Height <= canvas.Y + canvas.Height);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "4-viewer-page-21.png"), FullPage = true });

        // Beside the page, the tables as read: the table's own figure of the finding (总计 2,961.68 on page 13) marked.
        Assert.Equal(["2,961.68"], await page.Locator(".as-read td.marked").AllInnerTextsAsync());
        await page.ClickAsync("#previous-page");
        await page.WaitForSelectorAsync("#viewer[data-rendered='20']");
        Assert.Equal(0, await page.Locator(".box").CountAsync());

        // The reviewer marks the finding 误报, signs off, looks at the accounts page and signs out.
        // Back by the page's own link (a history step may be served from the back-forward cache without a load event).
        await page.ClickAsync("a:has-text('返回审核结果')");
        await page.WaitForSelectorAsync("article.finding");
        var finding = page.Locator("article.finding", new PageLocatorOptions { HasText = "N.AMOUNT" }).First;
        await finding.Locator("input[name=comment]").FillAsync("表中为 2,961.68 万元，叙述笔误");
        await finding.Locator("button[value=false-alarm]").ClickAsync();
        await page.WaitForSelectorAsync("text=意见：表中为 2,961.68 万元，叙述笔误");
        // One error is left open (N.SHARE): the sign-off asks the reviewer to tick that they pass it anyway.
        Assert.Contains("错误 2（未处理 1）", await page.InnerTextAsync(".summary"), StringComparison.Ordinal);
        await page.CheckAsync("input[name=confirmOpen]");
        await page.ClickAsync("form.inline button");
        await page.WaitForSelectorAsync("text=已审核通过：admin");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "5-reviewed.png") });
        await page.ClickAsync("nav a[href='/Admin/Users']");
        await page.WaitForSelectorAsync("text=新建账户");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "6-accounts.png"), FullPage = true });
        await page.ClickAsync("form.logout button");
        // Pages are waited for by what they show, never by WaitForURL (see SignedInAsync).
        await page.Locator("input[name=UserName]").WaitForAsync();
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_finding_of_a_text_report_opens_on_its_line_with_the_figure_marked()
    {
        var chromium = Paths.RequireBrowser();
        var text = Path.Combine(Paths.RequireSamples(), "longxian-2022-final-accounts.txt");
        Directory.CreateDirectory(_shots);
        await using var session = await SignedInAsync(chromium, 1440);
        var page = session.Page;
        await UploadAsync(page, text);
        var link = page.Locator("#uploads a", new PageLocatorOptions { HasText = "查看审核结果" });
        await link.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await link.First.ClickAsync();
        await page.WaitForSelectorAsync("text=结论");

        // 陇县's 一般公共预算财政拨款支出 total: its sentence starts on line 156 and wraps, the 713.93 is printed on line 158.
        var actuals = page.Locator("article.finding", new PageLocatorOptions { HasText = "N.ITEM_ACTUALS" }).Locator("a.open").First;
        Assert.Equal("在原文第 156 行查看", await actuals.InnerTextAsync());
        await actuals.ClickAsync();
        var focus = page.Locator("#text-source li.focus");
        await focus.WaitForAsync();
        Assert.Equal("158", await focus.GetAttributeAsync("value"));
        Assert.Equal(["713.93"], await focus.Locator("mark").AllInnerTextsAsync());
        Assert.True(await focus.IsVisibleAsync() && await InViewAsync(page, focus), "the marked line is scrolled into view");
        Assert.Contains("713.93", await page.Locator(".sentence-as-read mark").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "7-viewer-text.png") });
    }

    [SkippableFact]
    public async Task A_department_with_two_stored_years_shows_its_series_chart_with_the_numbers_beside_it()
    {
        var chromium = Paths.RequireBrowser();
        var echarts = Path.Combine(Paths.RepoRoot, "src", "Juesuan.Web", "wwwroot", "lib", "echarts", "echarts.min.js");
        Assert.True(File.Exists(echarts), $"ECharts is not installed at {echarts}: the build runs `npm ci` in src/Juesuan.Web when npm is on PATH.");
        Directory.CreateDirectory(_shots);

        // The example department's 2023 (the workbench stores its 2024 at start): 本年支出合计 450.00 where 2024 prints 484.93.
        var prior = ComparisonData.YearBefore(ComparisonData.Example, "qingshi-2023.pdf", 1, (Domain.Templates.TableIds.IncomeExpenditureSummary, "expense.total", "amount", "450.00"));
        var file = Path.Combine(_folder, "qingshi-2023.json");
        await File.WriteAllTextAsync(file, Formats.Json.DepartmentYearJson.Write(prior));

        await using var session = await SignedInAsync(chromium, 1280);
        var page = session.Page;
        await UploadAsync(page, file);
        await page.Locator("#uploads a", new PageLocatorOptions { HasText = "查看审核结果" }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        await page.ClickAsync("nav a[href='/Series']");
        await page.SelectOptionAsync("select[name=organisation]", "青石县医疗保障局");
        await page.FillAsync("input[name=what]", "本年支出合计");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.ClickAsync("form.series-form button");
        await page.WaitForSelectorAsync("#series-table");
        Assert.True(await WaitRenderedAsync(page), "the chart was not drawn: " + string.Join("\n", errors));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "8-series.png"), FullPage = true });
        Assert.Equal(1, await page.Locator("#series-chart canvas").CountAsync());
        Assert.Equal(["2023", "450.00万元", "", "2024", "484.93万元", "+7.76%"], await page.Locator("#series-table tbody td").AllInnerTextsAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=下载 Excel"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_peer_table_marks_a_planted_outlier_among_twelve_bureaus()
    {
        var chromium = Paths.RequireBrowser();
        Directory.CreateDirectory(_shots);

        // Twelve bureaus like the example (the workbench holds 青石县's own), their staff 34–37 but the sixth's 12.
        var example = ComparisonData.Example;
        var files = Enumerable.Range(1, 12).Select(i =>
        {
            var file = Path.Combine(_folder, $"bureau-{i}.json");
            File.WriteAllText(file, Formats.Json.DepartmentYearJson.Write(ComparisonData.Bureau(example, i, i == 6 ? 12 : 34 + (i % 4))));
            return file;
        }).ToArray();

        await using var session = await SignedInAsync(chromium, 1440);
        var page = session.Page;
        await UploadAsync(page, files);
        var done = page.Locator("#uploads a", new PageLocatorOptions { HasText = "查看审核结果" });
        for (var attempt = 0; attempt < 120 && await done.CountAsync() < 12; attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        await page.ClickAsync("nav a[href='/Peers']");
        await page.FillAsync("input[name=like]", "医疗保障局");
        await page.ClickAsync("form.series-form button");
        await page.WaitForSelectorAsync("#peer-table");
        Assert.Equal(13, await page.Locator("#peer-table tbody tr").CountAsync());
        var marked = page.Locator("#peer-table td.outlier");
        Assert.Equal(2, await marked.CountAsync());
        Assert.All(await page.Locator("#peer-table tr", new PageLocatorOptions { Has = page.Locator("td.outlier") }).Locator("td").First.AllInnerTextsAsync(), t => Assert.Equal("第6县医疗保障局", t));
        Assert.Contains("第6县医疗保障局的机关运行经费人均为 18,458 元/人", await page.Locator("ul.outliers").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "9-peers.png"), FullPage = true });
        var workbook = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=下载 Excel"));
        Assert.Equal("同类比较-2024.xlsx", workbook.SuggestedFilename);
    }

    [SkippableFact]
    public async Task A_reviewer_imports_the_organisations_drops_a_zip_of_six_reports_confirms_one_and_follows_the_ledger()
    {
        var chromium = Paths.RequireBrowser();
        var samples = Paths.RequireSamples();
        Directory.CreateDirectory(_shots);
        var organisations = Path.Combine(_folder, "组织机构.csv");
        File.WriteAllText(organisations, """
            名称,层级,上级,代码,别名
            甘肃省庆阳市合水县,地区,,621024,
            合水县医疗保障局,部门,甘肃省庆阳市合水县,D01,
            陕西省宝鸡市陇县,地区,,610327,
            陇县医保局,部门,陕西省宝鸡市陇县,D02,
            四川省达州市渠县,地区,,511725,
            渠县医疗保障局,部门,四川省达州市渠县,D03,
            河南省洛阳市西工区,地区,,410303,
            洛阳市西工区医疗保障局,部门,河南省洛阳市西工区,D04,
            陕西省商洛市镇安县,地区,,611025,
            镇安县医疗保障局,部门,陕西省商洛市镇安县,D05,
            上海市普陀区,地区,,310107,
            上海市普陀区财政局,部门,上海市普陀区,D06,区财政局
            """);

        // Six reports in a zip, named as a clerk names them, not as their content does.
        var zip = Path.Combine(_folder, "六份报告.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            foreach (var (file, name) in new[]
            {
                ("heshui-2024-performance-self-evaluation.txt", "1.txt"), ("longxian-2022-final-accounts.txt", "陇县医保局2022.txt"),
                ("quxian-2022-final-accounts.txt", "3.txt"), ("xigong-2022-final-accounts.txt", "4.txt"),
                ("zhenan-2023-final-accounts.txt", "5.txt"), ("pdf/putuo-finance-bureau-2024-final-accounts.pdf", "区民政局.pdf"),
            })
            {
                System.IO.Compression.ZipFileExtensions.CreateEntryFromFile(archive, Path.Combine(samples, file), name);
            }
        }

        await using var session = await SignedInAsync(chromium, 1440);
        var page = session.Page;
        await page.ClickAsync("nav a[href='/Organisations']");
        await page.SetInputFilesAsync("input[name=file]", organisations);
        await page.ClickAsync("form[enctype] button[type=submit]");
        await page.WaitForSelectorAsync("text=已导入 12 个组织");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "10-organisations.png"), FullPage = true });

        // Dropped on the upload zone, as a user drags it from the file manager.
        await page.ClickAsync("nav a[href='/']");
        var bytes = Convert.ToBase64String(await File.ReadAllBytesAsync(zip));
        var transfer = await page.EvaluateHandleAsync("""
            b64 => {
                const data = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([data], '六份报告.zip', { type: 'application/zip' }));
                return transfer;
            }
            """, bytes);
        await page.DispatchEventAsync("#drop-zone", "drop", new { dataTransfer = transfer });
        await page.WaitForSelectorAsync("#pending", new PageWaitForSelectorOptions { Timeout = 120_000 });
        var pending = page.Locator("#pending tr[data-pending]");
        Assert.Equal(1, await pending.CountAsync());
        Assert.Contains("陇县医疗保障局", await pending.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("与「陇县医保局」相近", await pending.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "11-pending.png"), FullPage = true });
        await pending.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "陇县医保局（部门）" });
        await pending.Locator("button").ClickAsync();
        await page.WaitForSelectorAsync("text=已确认归属，1 份报告正在重新处理");

        // The ledger fills in: five filed from their content, the confirmed one once its job has run.
        await page.ClickAsync("nav a[href='/Ledger']");
        await page.FillAsync("input[name=dueYear]", "2022");
        await page.FillAsync("input[name=due]", "2023-09-30");
        await page.ClickAsync("#due-form button");
        await page.WaitForSelectorAsync("text=2022 年度部门决算的截止日期为 2023-09-30");
        var confirmed = page.Locator("#ledger tr[data-department='陇县医保局'] td[data-year='2022'][data-kind='final'] a");
        for (var attempt = 0; attempt < 120 && await confirmed.CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        Assert.Equal(1, await confirmed.CountAsync());
        foreach (var department in new[] { "合水县医疗保障局", "渠县医疗保障局", "洛阳市西工区医疗保障局", "镇安县医疗保障局", "上海市普陀区财政局" })
        {
            Assert.True(await page.Locator($"#ledger tr[data-department='{department}'] td.ledger-cell a").CountAsync() > 0, department);
        }

        var overdue = page.Locator("#ledger td.overdue");
        Assert.True(await overdue.CountAsync() >= 3);
        Assert.Contains("逾期", await overdue.First.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "12-ledger.png"), FullPage = true });

        // A late cell opens its report.
        await page.Locator("#ledger tr[data-department='渠县医疗保障局'] td.late a").ClickAsync();
        await page.Locator("h1", new PageLocatorOptions { HasText = "渠县医疗保障局" }).WaitForAsync();
        Assert.Contains("/Report?key=", page.Url, StringComparison.Ordinal);

        // Exported and read back with a library.
        await page.GotoAsync($"{_url}/Ledger");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=导出 Excel"));
        var saved = Path.Combine(_folder, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        await using var stream = File.OpenRead(saved);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["部门"] == "陇县医保局" && ((string?)r["2022 部门决算"])!.StartsWith("错 ", StringComparison.Ordinal));
        Assert.Contains(rows, r => (string?)r["部门"] == "合水县医疗保障局" && ((string?)r["2022 部门决算"]) == "缺（逾期）");
    }

    /// <summary>A browser signed in as the administrator (the sign-in page shot first when <paramref name="loginShot"/> is given).</summary>
    private async Task<BrowserSession> SignedInAsync(string chromium, int width, string? loginShot = null)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync(_url);
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        if (loginShot is not null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, loginShot) });
        }

        await page.FillAsync("input[name=UserName]", "admin");
        await page.FillAsync("input[name=Password]", Password);
        await page.ClickAsync("button[type=submit]");

        // A fresh server's first sign-in (password hashing, the first page compiled) may take a while on a busy machine.
        // The home page is waited for by its upload form, which only the signed-in home page has, never by a navigation
        // or load event: in CI (2026-12-02) the browser sat at the page it was waited for, drawn (screenshot), while
        // Playwright's WaitForURL waited in vain for the frame's "load" (twice, here and after signing out) or "commit".
        try
        {
            await page.Locator("#upload-form").WaitForAsync(new LocatorWaitForOptions { Timeout = 90_000 });
        }
        catch (TimeoutException e)
        {
            try
            {
                Directory.CreateDirectory(_shots);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, "sign-in-timed-out.png"), FullPage = true });
            }
            catch (PlaywrightException)
            {
                // The diagnosis below matters more than the picture.
            }

            throw new TimeoutException(
                $"The sign-in did not reach the home page: the browser is at {page.Url}, showing「{await page.TitleAsync()}」; the server's last lines:\n"
                + string.Join('\n', _server!.Output.TakeLast(40)), e);
        }

        Assert.Equal($"{_url}/", page.Url);
        return new BrowserSession(playwright, browser, page);
    }

    /// <summary>Uploads <paramref name="files"/> through the home page's form.</summary>
    private static async Task UploadAsync(IPage page, params string[] files)
    {
        await page.SetInputFilesAsync("input[type=file]", files);
        await page.ClickAsync("form[enctype] button[type=submit]");
    }

    private sealed record BrowserSession(IPlaywright Playwright, IBrowser Browser, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
        }
    }

    private static async Task<bool> WaitRenderedAsync(IPage page)
    {
        try
        {
            await page.WaitForSelectorAsync("#series-chart[data-rendered='1']", new PageWaitForSelectorOptions { Timeout = 20_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task<bool> InViewAsync(IPage page, ILocator item) =>
        await item.BoundingBoxAsync() is { } box && box.Y >= 0 && box.Y + box.Height <= page.ViewportSize!.Height;

    public Task DisposeAsync()
    {
        _server?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
