using System.Text;
using Juesuan.Audit;
using Juesuan.Storage;
using Juesuan.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Application.Tests;

/// <summary>The use cases as a second front end (a web host) would call them: streams in, streams out, no CLI.</summary>
public sealed class UseCaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("juesuan-app-").FullName;
    private readonly ServiceProvider _services;

    public UseCaseTests() => _services = new ServiceCollection()
        .AddJuesuan(o => o.Store = StoreOptions.Resolve("sqlite", Path.Combine(_folder, "store.db")) with { ExplicitPath = false })
        .BuildServiceProvider();

    /// <summary>A clock stopped at one moment.</summary>
    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    [Fact]
    public async Task A_rendered_disclosure_is_signed_with_the_unit_and_todays_date_by_the_hosts_clock()
    {
        await using var services = new ServiceCollection()
            .AddJuesuan(o =>
            {
                o.Store = StoreOptions.Resolve("sqlite", Path.Combine(_folder, "clock.db")) with { ExplicitPath = false };
                // 20:00 UTC on the 19th is 04:00 on the 20th in Beijing: the 落款 is dated by Beijing time.
                o.Clock = new StoppedClock(new DateTimeOffset(2025, 8, 19, 20, 0, 0, TimeSpan.Zero));
            })
            .BuildServiceProvider();
        var year = Juesuan.Formats.Json.DepartmentYearJson.ReadFile(Paths.Example).Value!;
        await using var html = new MemoryStream();
        Assert.True((await services.GetRequiredService<Renderer>().RenderAsync(year, RenderFormat.Html, html)).Written);
        var text = Encoding.UTF8.GetString(html.ToArray());
        Assert.Contains("<div class=\"signature\"><p>青石县医疗保障局</p><p>2025年8月20日</p></div>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_is_read_saved_loaded_by_key_audited_rendered_and_exported_through_streams()
    {
        await using var upload = new MemoryStream(await File.ReadAllBytesAsync(Paths.Example));
        var loaded = await _services.GetRequiredService<Reports>().ReadAsync(upload, "青石县2024.json");
        Assert.True(loaded.Success, loaded.Error);

        var library = _services.GetRequiredService<Library>();
        var saved = await library.SaveAsync(loaded.Year!);
        Assert.Equal("青石县医疗保障局/2024", saved.Key);
        var again = await _services.GetRequiredService<Reports>().LoadAsync(saved.Key);
        Assert.Equal(LoadFailure.None, again.Failure);

        var report = _services.GetRequiredService<Audits>().Audit(again.Year!, saved.Key);
        Assert.True(report.Passed);
        await using var json = new MemoryStream();
        await Audits.WriteAsync([report], AuditFormat.Json, json);
        Assert.Contains("\"passed\": true", Encoding.UTF8.GetString(json.ToArray()), StringComparison.Ordinal);

        await using var html = new MemoryStream();
        var outcome = await _services.GetRequiredService<Renderer>().RenderAsync(again.Year!, RenderFormat.Html, html);
        Assert.True(outcome.Written);
        Assert.Contains("青石县医疗保障局", Encoding.UTF8.GetString(html.ToArray()), StringComparison.Ordinal);

        await using var docx = new MemoryStream();
        await _services.GetRequiredService<Renderer>().RenderAsync(again.Year!, RenderFormat.Docx, docx, RenderPart.Evaluations);
        Assert.Equal("PK"u8.ToArray(), docx.ToArray()[..2]);

        await using var xlsx = new MemoryStream();
        await Exports.WriteAsync(again.Year!, ExportFormat.Xlsx, xlsx);
        xlsx.Position = 0;
        var back = await _services.GetRequiredService<Reports>().ReadAsync(xlsx, "回读.xlsx");
        Assert.Equal(loaded.Year!.Tables.Count, back.Year!.Tables.Count);
    }

    [SkippableTheory]
    [InlineData("samples", "pdf/putuo-finance-bureau-2024-final-accounts.pdf")]
    [InlineData("corpus", "swu-2023-final-accounts.pdf")]
    public void An_audit_locates_its_findings_on_the_letters_its_reading_gave_as_on_the_pdf_read_again(string folder, string file)
    {
        // The reader keeps the letters of the PDF it read; locating on them must give what reading the PDF again gives
        // (the bytes copied are another array: the locator reads those again).
        var pdf = Path.Combine(folder == "corpus" ? Paths.RequireCorpus() : Paths.RequireSamples(), file);
        var loaded = _services.GetRequiredService<Reports>().ReadFile(pdf);
        Assert.True(loaded.Success, loaded.Error);
        // Kept: the same locator each time for these bytes; a copy of them is read anew.
        var kept = Juesuan.Import.Pdf.PdfLocator.Open(loaded.Pdf!);
        Assert.NotNull(kept);
        Assert.Same(kept, Juesuan.Import.Pdf.PdfLocator.Open(loaded.Pdf!));
        Assert.NotSame(kept, Juesuan.Import.Pdf.PdfLocator.Open([.. loaded.Pdf!]));
        var audits = _services.GetRequiredService<Audits>();
        var located = audits.Audit(loaded);
        var again = Audits.Locate(audits.Audit(loaded.Year!, loaded.Source), [.. loaded.Pdf!]);
        var figures = located.Findings.SelectMany(f => f.Figures).ToArray();
        var expected = again.Findings.SelectMany(f => f.Figures).Select(f => f.Where?.Boxes).ToArray();
        Assert.Equal(expected.Length, figures.Length);
        Assert.Contains(figures, f => f.Where?.Boxes.Count > 0);
        for (var i = 0; i < figures.Length; i++)
        {
            var boxes = figures[i].Where?.Boxes;
            Assert.True(expected[i] is null ? boxes is null : boxes is not null && expected[i]!.SequenceEqual(boxes), $"{i}: {figures[i]} | {string.Join(";", expected[i] ?? [])} | {string.Join(";", boxes ?? [])}");
        }
    }

    [SkippableFact]
    public async Task A_stored_pdf_keeps_its_original_so_an_audit_by_key_still_locates_figures_and_the_run_is_kept()
    {
        var pdf = Path.Combine(Paths.RequireSamples(), "pdf", "putuo-finance-bureau-2024-final-accounts.pdf");
        await using var upload = File.OpenRead(pdf);
        var loaded = await _services.GetRequiredService<Reports>().ReadAsync(upload, Path.GetFileName(pdf));
        var library = _services.GetRequiredService<Library>();
        var saved = await library.SaveAsync(loaded, "审核员甲");

        var byKey = await _services.GetRequiredService<Reports>().LoadAsync(saved.Key, withOriginal: true);
        Assert.Equal("pdf", byKey.Original!.Reader);
        Assert.Equal("审核员甲", byKey.Original.By);
        var report = _services.GetRequiredService<Audits>().Audit(byKey);
        Assert.Contains(report.Findings.SelectMany(f => f.Figures), f => f.Where?.Boxes.Count > 0);

        var run = await library.SaveAuditAsync(saved, report, "审核员甲");
        Assert.Equal(report.Summary.Errors, run.Errors);
        Assert.Equal(run.Id, Assert.Single(await library.AuditRunsAsync(saved.Key)).Id);
        Assert.Contains(await library.OrganisationsAsync(), o => o.Level == "department" && o.Name == loaded.Year!.Department.Name);
    }

    [SkippableFact]
    public async Task The_audit_letter_names_the_page_of_each_problem_and_leaves_out_what_the_reviewer_rejected()
    {
        var pdf = Path.Combine(Paths.RequireSamples(), "pdf", "putuo-finance-bureau-2024-final-accounts.pdf");
        var loaded = await _services.GetRequiredService<Reports>().ReadAsync(File.OpenRead(pdf), Path.GetFileName(pdf));
        var saved = await _services.GetRequiredService<Library>().SaveAsync(loaded, "审核员甲");
        var report = _services.GetRequiredService<Audits>().Audit(loaded);
        var reviews = _services.GetRequiredService<Reviews>();
        var reviewed = await reviews.ReviewedAsync(saved.Key, report);
        var errors = reviewed.Where(r => r.Finding.Severity == Severity.Error).ToArray();
        Assert.True(errors.Length >= 2, $"普陀 has {errors.Length} errors");
        var amount = errors.First(r => r.Finding.Rule == "N.AMOUNT" && r.Finding.Message.Contains("0.3万元", StringComparison.Ordinal));
        var rejected = errors.First(r => r != amount);
        await reviews.DecideAsync(saved.Key, saved.Revision, rejected.Fingerprint, ReviewDecisions.FalseAlarm, "口径不同", "审核员甲");
        await reviews.DecideAsync(saved.Key, saved.Revision, amount.Fingerprint, ReviewDecisions.Confirmed, "请核对三公经费", "审核员甲");
        reviewed = await reviews.ReviewedAsync(saved.Key, report);

        var letter = Letters.Compose(report, reviewed, "上海市普陀区财政局", "普财审〔2026〕1号", new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 31));
        Assert.Equal(errors.Length - 1, letter.Problems.Count);
        string AsLettered(Finding f) => f.Message.Replace(Path.GetFileName(pdf) + " ", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(letter.Problems, p => p.Text == AsLettered(rejected.Finding));
        var item = Assert.Single(letter.Problems, p => p.Text == AsLettered(amount.Finding));
        Assert.DoesNotContain(letter.Problems.Concat(letter.Matters), p => p.Text.Contains(".pdf", StringComparison.Ordinal));
        Assert.Equal("第13、21页", item.Where); // the table figure on 13, the sentence on 21
        Assert.Equal("审核意见：请核对三公经费", item.Note);
        Assert.Equal("2024年度部门决算公开", letter.Subject);
        // Each item names every page its figures are on: the table read from page 17, the sentence found on page 23.
        Assert.Equal("第17、23页", Assert.Single(letter.Matters, m => m.Text.Contains("个人农业生产补贴", StringComparison.Ordinal)).Where);

        // Kept beside the screenshots, to be looked at (LibreOffice) as the department will see it.
        var folder = Directory.CreateDirectory(Path.Combine(Paths.RepoRoot, "TestResults", "letters")).FullName;
        await using (var file = File.Create(Path.Combine(folder, "putuo-审核意见书.docx")))
        {
            Letters.WriteDocx(letter, file);
        }

        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(folder, "putuo-审核意见书.docx"), false);
        var errorsFound = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => e.Description).ToArray();
        Assert.True(errorsFound.Length == 0, string.Join("\n", errorsFound));
        Assert.Contains("（第13、21页）", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_stays_open_until_judged_a_false_alarm_or_marked_corrected_and_only_errors_count()
    {
        static ReviewedFinding With(Severity severity, string? decision) => new(
            new Finding { Rule = "N.AMOUNT", Severity = severity, Location = "第3行", Message = "金额不符" },
            "f",
            decision is null ? null : new StoredReview("k", 1, "f", decision, null, "审核员甲", DateTimeOffset.UnixEpoch));

        Assert.True(Reviews.IsOpen(With(Severity.Error, null)));
        Assert.True(Reviews.IsOpen(With(Severity.Error, ReviewDecisions.Confirmed)));
        Assert.False(Reviews.IsOpen(With(Severity.Error, ReviewDecisions.FalseAlarm)));
        Assert.False(Reviews.IsOpen(With(Severity.Error, ReviewDecisions.Corrected)));
        Assert.Equal(2, Reviews.OpenErrors(
        [
            With(Severity.Error, null), With(Severity.Error, ReviewDecisions.Confirmed), With(Severity.Error, ReviewDecisions.FalseAlarm),
            With(Severity.Error, ReviewDecisions.Corrected), With(Severity.Warning, null), With(Severity.Info, null),
            With(Severity.Error, null) with { Finding = With(Severity.Error, null).Finding with { Kind = FindingKind.Failed } },
        ]));
    }

    [Fact]
    public void The_letter_leaves_out_only_the_file_its_figures_were_read_from_never_other_text()
    {
        // The store key as the audit's source ends in the year: the year in a message must survive.
        var finding = new Finding
        {
            Rule = "D.YEAR", Severity = Severity.Error, Location = "青石.txt 第3行",
            Message = "青石.txt 第3行 2023 年度决算的陈述中出现 2022 年，应为 2023 年。",
            Figures = [new FindingFigure("2022", "青石.txt 第3行", Where: new FigureLocation { Document = "青石.txt", Line = 3 })],
        };
        var report = new AuditReport(new AuditedDocument("青石县医疗保障局", 2023, "national-2022", "青石县医疗保障局/2023"), [finding], new AuditSummary(1, 0, 0, 0, 0, 89));
        var letter = Letters.Compose(report, [new ReviewedFinding(finding, "f", null)], "青石县财政局", null, new DateOnly(2026, 11, 30), null);
        var item = Assert.Single(letter.Problems);
        Assert.Equal("第3行 2023 年度决算的陈述中出现 2022 年，应为 2023 年。", item.Text);
        Assert.Equal("第3行", item.Where);
    }

    [Fact]
    public async Task Packages_are_written_to_a_stream_that_cannot_seek_as_a_web_response_is()
    {
        var year = _services.GetRequiredService<Reports>().ReadFile(Paths.Example).Year!;
        var docx = new ResponseLike();
        Assert.True((await _services.GetRequiredService<Renderer>().RenderAsync(year, RenderFormat.Docx, docx)).Written);
        Assert.Equal("PK"u8.ToArray(), docx.Written.ToArray()[..2]);

        var xlsx = new ResponseLike();
        await Exports.WriteAsync(year, ExportFormat.Xlsx, xlsx);
        var back = await _services.GetRequiredService<Reports>().ReadAsync(new MemoryStream(xlsx.Written.ToArray()), "回读.xlsx");
        Assert.Equal(year.Tables.Count, back.Year!.Tables.Count);

        var audit = new ResponseLike();
        await Audits.WriteAsync([_services.GetRequiredService<Audits>().Audit(year)], AuditFormat.Xlsx, audit);
        Assert.True(audit.Written.Length > 1000);
    }

    /// <summary>A forward-only, write-only stream, as ASP.NET Core's response body is.</summary>
    private sealed class ResponseLike : Stream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);
    }

    [Fact]
    public async Task A_decision_carries_over_to_a_finding_that_persists_in_a_corrected_version_and_a_corrected_value_is_a_new_finding()
    {
        var reports = _services.GetRequiredService<Reports>();
        var audits = _services.GetRequiredService<Audits>();
        var reviews = _services.GetRequiredService<Reviews>();
        var library = _services.GetRequiredService<Library>();
        var first = reports.ReadFile(Path.Combine(Paths.RepoRoot, "tests", "Juesuan.Audit.Tests", "Fixtures", "zhenan-2023.json"));
        var saved = await library.SaveAsync(first);
        var errors = (await reviews.ReviewedAsync(saved.Key, audits.Audit(first))).Where(f => f.Finding.Severity == Severity.Error).ToArray();
        var classSum = errors.Single(f => f.Finding.Rule == "T06.CLASS_SUM");
        foreach (var error in errors)
        {
            Assert.NotNull(await reviews.DecideAsync(saved.Key, 1, error.Fingerprint, Storage.ReviewDecisions.Confirmed, "请整改：" + error.Finding.Rule, "审核员甲"));
        }

        // Version 2 corrects 302 商品和服务支出 to the sum of its items (6.27 → 6.21): that finding is resolved; every other
        // error persists, and its decision — made on version 1 — stands.
        var year = first.Year!;
        var table = year.Table("gpb-basic-economic")!;
        var fixedTable = table with { Rows = table.Rows.Select(r => r.Key != "302" ? r : r with { Cells = r.Cells.Select(c => c with { Value = Domain.Numbers.Printed.Parse("6.21").Value }).ToArray() }).ToArray() };
        var second = first with { Year = year with { Tables = year.Tables.Select(t => t == table ? fixedTable : t).ToArray() } };
        Assert.Equal(2, (await library.SaveAsync(second)).Revision);
        var again = await reviews.ReviewedAsync(saved.Key, audits.Audit(second));
        Assert.DoesNotContain(again, f => f.Fingerprint == classSum.Fingerprint);
        var carried = again.Where(f => f.Review is not null).ToArray();
        Assert.Equal(errors.Length - 1, carried.Length);
        Assert.All(errors.Where(e => e != classSum), e => Assert.Contains(carried, c => c.Fingerprint == e.Fingerprint));
        Assert.All(carried, f => Assert.Equal((1, "请整改：" + f.Finding.Rule), (f.Review!.Revision, f.Review.Comment)));

        // A figure printed differently is another finding; the file name or page it is found on is not.
        Assert.NotEqual(classSum.Fingerprint, FindingFingerprint.Of(classSum.Finding with { Actual = "9,999.99" }));
        // (the figures' own places move: file, page, line and boxes; the fingerprint reads them, so this can fail)
        var moved = classSum.Finding with
        {
            Location = "另一个文件 第3页",
            Figures = [.. classSum.Finding.Figures.Select(f => f with { Where = f.Where is { } w ? w with { Document = "另一个文件", Page = 3, Line = 99 } : null })],
        };
        Assert.Contains(classSum.Finding.Figures, f => f.Where is not null);
        Assert.Equal(classSum.Fingerprint, FindingFingerprint.Of(moved));

        // A decision or sign-off on version 1, sent after version 2 arrived, is refused; on version 2 it is kept.
        Assert.Null(await reviews.DecideAsync(saved.Key, 1, carried[0].Fingerprint, Storage.ReviewDecisions.FalseAlarm, null, "审核员乙"));
        Assert.Null(await reviews.SignOffAsync(saved.Key, 1, "审核员甲"));
        Assert.Equal(2, (await reviews.SignOffAsync(saved.Key, 2, "审核员甲"))!.Revision);
    }

    [Fact]
    public async Task A_zip_queues_each_readable_file_by_its_own_name_and_a_zip_bomb_or_damaged_zip_is_refused()
    {
        var uploads = _services.GetRequiredService<Uploads>();
        var example = _services.GetRequiredService<Reports>().ReadFile(Paths.Example).Year!;
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] content)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }

            Add("子目录/镇安.json", File.ReadAllBytes(Path.Combine(Paths.RepoRoot, "tests", "Juesuan.Audit.Tests", "Fixtures", "zhenan-2023.json")));
            Add("../../etc/青石.txt", Encoding.UTF8.GetBytes(Formats.Text.TextReportWriter.Write(example)));
            Add("__MACOSX/._镇安.json", [0, 5, 22]);
            Add("说明.docx", [1, 2, 3]);
        }

        zip.Position = 0;
        var outcomes = await uploads.EnqueueAsync(zip, "两份报告.zip", "审核员甲");
        Assert.Equal(new[] { "镇安.json", "青石.txt" }, outcomes.Select(o => o.Name).ToArray());
        Assert.All(outcomes, o => Assert.Null(o.Refusal));
        Assert.Equal("青石.txt", outcomes[1].Upload!.FileName);
        Assert.Equal(Storage.UploadStates.Done, (await uploads.ProcessAsync(outcomes[0].Upload!.Id))!.State);

        using var bomb = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(bomb, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("零.txt", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[4 * 1024 * 1024]);
        }

        bomb.Position = 0;
        Assert.Contains("压缩炸弹", Assert.Single(await uploads.EnqueueAsync(bomb, "炸弹.zip", null)).Refusal, StringComparison.Ordinal);
        Assert.Contains("不是完好的 zip", Assert.Single(await uploads.EnqueueAsync(new MemoryStream("PK\u0003\u0004 坏了"u8.ToArray()), "坏.zip", null)).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_not_stored_and_a_file_not_there_are_told_apart()
    {
        var reports = _services.GetRequiredService<Reports>();
        var key = await reports.LoadAsync("某县医疗保障局/2020");
        Assert.Equal(LoadFailure.NotStored, key.Failure);
        Assert.Contains("尚未创建", key.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "store.db")), "reading never creates the store");

        var file = await reports.LoadAsync(Path.Combine(_folder, "没有这个文件.pdf"));
        Assert.Equal(LoadFailure.MissingFile, file.Failure);
    }

    [Fact]
    public void The_scoring_rules_of_a_file_reach_the_audit_and_the_score_alike()
    {
        var json = """{ "ruleSets": [ { "id": "s", "name": "八十分为优", "grades": [ { "from": 80, "name": "优" }, { "from": 0, "name": "差" } ] } ] }""";
        using var services = new ServiceCollection().AddJuesuan(o =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            o.Reference = o.Reference.WithScoringRules(stream, "rules.json");
        }).BuildServiceProvider();
        var year = services.GetRequiredService<Reports>().ReadFile(Paths.Example).Year!;
        var sheet = services.GetRequiredService<Scores>().Score(year);
        Assert.Equal("八十分为优", sheet.Rules.Name);
        var stated = year.Evaluations.Single(e => e.TotalScore?.Value == 89.07m);
        Assert.Equal("优", sheet.Evaluations.Single(e => e.Evaluation == stated).Grade);
        var grade = services.GetRequiredService<Audits>().Audit(year).Findings.Single(f => f.Rule == "P.GRADE");
        Assert.Equal(Severity.Error, grade.Severity);
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
