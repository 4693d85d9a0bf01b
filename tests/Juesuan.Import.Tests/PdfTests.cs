using Juesuan.Formats;
using Juesuan.Audit;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;
using Juesuan.Import.Pdf;
using Juesuan.Import.Text;
using Juesuan.TestSupport;
using UglyToad.PdfPig.Writer;

namespace Juesuan.Import.Tests;

/// <summary>The Putuo finance bureau's FY2024 disclosure, read from its PDF: what a person reading it sees.</summary>
public class PutuoPdfTests
{
    private static readonly Lazy<ImportResult> Result = new(() => PdfReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "pdf", "putuo-finance-bureau-2024-final-accounts.pdf")));

    private static DepartmentYear Year
    {
        get
        {
            Paths.RequireSamples();
            Assert.True(Result.Value.Success, Result.Value.Error);
            return Result.Value.Value!;
        }
    }

    private static decimal? At(string table, string row, string column) => Year.Table(table)!.AmountAt(row, column)?.Value;

    [SkippableFact]
    public void An_economic_row_printed_without_an_amount_stays_blank_not_a_made_up_zero()
    {
        // 30310 个人农业生产补贴 has no figure on page 17; 30309 奖励金 has 0.31.
        var table = Year.Table(TableIds.GpbBasicEconomic)!;
        Assert.Null(table.Row("30310")!.Cell("amount")?.Value);
        Assert.Equal(0.31m, At(TableIds.GpbBasicEconomic, "30309", "amount"));
    }

    [SkippableFact]
    public void Department_year_and_the_shanghai_template_with_its_nine_tables()
    {
        Assert.Equal("上海市普陀区财政局", Year.Department.Name);
        Assert.Equal(2024, Year.Year);
        Assert.Equal("shanghai-2024", Year.TemplateId);
        Assert.Equal(
            [TableIds.IncomeExpenditureSummary, TableIds.Income, TableIds.Expenditure, TableIds.FiscalSummary, TableIds.GpbExpenditure,
             TableIds.GpbBasicEconomic, TableIds.ThreePublic, TableIds.GovFund, TableIds.SoeIncomeExpenditure],
            Year.Tables.Select(t => t.Definition).ToArray());
    }

    [SkippableFact]
    public void The_totals_of_every_table()
    {
        Assert.Equal(2946.25m, At(TableIds.IncomeExpenditureSummary, "income.total", "amount"));
        Assert.Equal(6.20m, At(TableIds.IncomeExpenditureSummary, "income.other", "amount"));
        Assert.Equal(2995.39m, At(TableIds.IncomeExpenditureSummary, "expense.grandTotal", "amount"));
        Assert.Equal(2946.25m, At(TableIds.Income, "total", "total"));
        Assert.Equal(2336.91m, At(TableIds.Expenditure, "total", "basic"));
        Assert.Equal(2961.68m, At(TableIds.FiscalSummary, "income.grandTotal", "amount"));
        Assert.Equal(21.63m, At(TableIds.FiscalSummary, "expense.closingBalance", "general"));
        Assert.Equal(2940.05m, At(TableIds.GpbExpenditure, "total", "total"));
        Assert.Equal(2152.26m, At(TableIds.GpbBasicEconomic, "personnel.total", "amount"));
        Assert.Equal(184.65m, At(TableIds.GpbBasicEconomic, "public.total", "amount"));
        Assert.Equal(0.95m, At(TableIds.ThreePublic, "budget", "total"));
        Assert.True(Year.Table(TableIds.GovFund)!.HasNoData);
        Assert.Contains("无政府性基金", Year.Table(TableIds.GovFund)!.EmptyStatement, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Blank_cells_stay_blank_instead_of_shifting_left()
    {
        // 2010602 一般行政管理事务: 本年收入合计 16.19, 财政拨款收入 10.00, 其他收入 6.19 — the four columns between are blank.
        var row = Year.Table(TableIds.Income)!.Row("2010602")!;
        Assert.Equal(16.19m, row.Cell("total")!.Value!.Value.Value);
        Assert.Equal(10.00m, row.Cell("fiscal")!.Value!.Value.Value);
        Assert.Null(row.Cell("superior")!.Value);
        Assert.Equal(6.19m, row.Cell("other")!.Value!.Value.Value);
        // 2010601 行政运行 in 03: basic 1,503.52 and project 8.37, printed on different baselines.
        Assert.Equal(1503.52m, At(TableIds.Expenditure, "2010601", "basic"));
        Assert.Equal(8.37m, At(TableIds.Expenditure, "2010601", "project"));
        Assert.Equal("机关事业单位基本养老保险缴费支出", Year.Table(TableIds.Income)!.Row("2080505")!.Label);
    }

    [SkippableFact]
    public void Figures_keep_their_page()
    {
        Assert.Equal(15, Year.Table(TableIds.GpbExpenditure)!.Row("2210203")!.Source!.Page);
    }

    [SkippableFact]
    public void The_narrative_has_the_eleven_shanghai_sections_and_its_claims()
    {
        Assert.Equal(11, Year.Narrative.Sections.Count);
        Assert.Contains(Year.Narrative.Claims, c => c.Subject.Code == "201" && c.SharePercent?.Value == 71.73m);

        // Shanghai words its totals 「收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。」
        var overview = Assert.Single(Year.Narrative.Claims, c => c.Subject == new FactKey(Concepts.IncomeGrandTotal));
        Assert.Equal((2995.39m, 56.95m, Direction.Decrease, 1.87m), (overview.Amount!.Value.Value, overview.Change!.Value.Value, overview.ChangeDirection, overview.ChangePercent!.Value.Value));
        var fiscal = Assert.Single(Year.Narrative.Claims, c => c.Subject == new FactKey(Concepts.IncomeGrandTotal, Scope: Scopes.Fiscal));
        Assert.Equal(0.3m, fiscal.Amount!.Value.Value);
    }

    [SkippableFact]
    public void The_audit_finds_the_share_and_the_fiscal_total_the_report_got_wrong_and_nothing_else()
    {
        var report = Auditor.Audit(Year);
        var errors = report.Findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.Equal(["N.AMOUNT", "N.SHARE"], errors.Select(f => f.Rule).Order(StringComparer.Ordinal));

        // Section 四 states 「财政拨款收入支出总计0.3万元」 where table 04 prints 2,961.68.
        var total = errors.Single(f => f.Rule == "N.AMOUNT");
        Assert.Contains("第13页 财政拨款收入支出决算总表 总计 决算数 为 2,961.68", total.Message, StringComparison.Ordinal);
        Assert.Contains("最可能有误的是 情况说明中的 0.3万元", total.Message, StringComparison.Ordinal);

        var error = errors.Single(f => f.Rule == "N.SHARE");
        Assert.Contains("71.73", error.Message, StringComparison.Ordinal); // 2,106.66 ÷ 2,940.05 = 71.65%
        Assert.Contains("应为 71.65%（区间 [71.65359%, 71.65418%]）", error.Message, StringComparison.Ordinal);
        Assert.Contains("相差 0.0761 个百分点", error.Message, StringComparison.Ordinal);
        Assert.Equal("0.0761", error.Difference);
        Assert.Contains(Result.Value.Issues, i => i.Message.Contains("第 14 页", StringComparison.Ordinal));
    }
}

public class PdfRobustnessTests
{
    [SkippableFact]
    public void The_official_template_reads_as_a_skeleton_with_its_placeholders()
    {
        var result = PdfReportReader.ReadFile(Path.Combine(Paths.RequireSamples(), "pdf", "shanghai-2024-final-accounts-template.pdf"));
        Assert.True(result.Success, result.Error);
        Assert.Equal("shanghai-2024", result.Value!.TemplateId);
        Assert.Equal(9, result.Value.Tables.Count);
        Assert.Contains(Auditor.Audit(result.Value).Findings, f => f.Rule == "N.PLACEHOLDER");
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_reported_as_scanned()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(595, 842);
        builder.AddPage(595, 842);
        var path = Path.Combine(Path.GetTempPath(), $"juesuan-scanned-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, builder.Build());
        try
        {
            var result = PdfReportReader.ReadFile(path);
            Assert.False(result.Success);
            Assert.Contains("没有文字层", result.Error, StringComparison.Ordinal);
            Assert.Contains("2 页", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public void Garbage_and_truncated_files_give_a_clear_error_not_a_crash(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"juesuan-{kind}-{Guid.NewGuid():N}.pdf");
        var bytes = kind == "garbage"
            ? Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray()
            : File.Exists(Putuo) ? File.ReadAllBytes(Putuo)[..60_000] : "%PDF-1.7\n1 0 obj\n<<"u8.ToArray();
        File.WriteAllBytes(path, bytes);
        try
        {
            // A truncated PDF may still yield its first pages; garbage never does. Neither may throw.
            var result = PdfReportReader.ReadFile(path);
            if (kind == "garbage")
            {
                Assert.False(result.Success);
            }

            Assert.True(result.Success || !string.IsNullOrWhiteSpace(result.Error));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_encrypted_pdf_is_named_as_such()
    {
        // A one-page PDF whose trailer names a standard security handler (RC4, revision 2) that the empty user password
        // does not open: what a password-protected report looks like to the reader.
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            "<< /Filter /Standard /V 1 /R 2 /O <" + string.Concat(Enumerable.Repeat("11", 32)) + "> /U <" + string.Concat(Enumerable.Repeat("22", 32)) + "> /P -4 >>",
        };
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        var id = string.Concat(Enumerable.Repeat("ab", 16));
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n");
        var path = Path.Combine(Path.GetTempPath(), $"juesuan-encrypted-{Guid.NewGuid():N}.pdf");
        File.WriteAllText(path, pdf.ToString(), System.Text.Encoding.ASCII);
        try
        {
            var result = Importer.ReadFile(path);
            Assert.False(result.Success);
            Assert.Contains("是加密的 PDF", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Putuo => Path.Combine(Paths.RepoRoot, "..", "shared", "samples", "pdf", "putuo-finance-bureau-2024-final-accounts.pdf");
}

/// <summary>
/// Reading text without parsing embedded font programs (<see cref="TextOnlyParsing"/>) must read exactly what a full
/// parse reads, and must notice when a character's text would need the program.
/// </summary>
public class PdfFontProgramTests
{
    [SkippableTheory]
    [InlineData("putuo-finance-bureau-2024-final-accounts.pdf")]
    [InlineData("shanghai-2024-final-accounts-template.pdf")]
    public void Reading_without_font_programs_gives_what_a_full_parse_gives(string sample)
    {
        var path = Path.Combine(Paths.RequireSamples(), "pdf", sample);
        var quick = PdfReportReader.ReadFile(path);
        var full = PdfReportReader.ReadFile(path, alwaysParseFontPrograms: true);
        Assert.True(quick.Success && full.Success, quick.Error ?? full.Error);
        Assert.Equal(Formats.Json.DepartmentYearJson.Write(full.Value!), Formats.Json.DepartmentYearJson.Write(quick.Value!));
        Assert.Equal(full.Issues.Select(i => i.ToString()), quick.Issues.Select(i => i.ToString()));
    }

    [SkippableFact]
    public void The_putuo_report_needs_no_font_program_for_its_text()
    {
        var (options, log) = TextOnlyParsing.Create();
        using (var document = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(Paths.RequireSamples(), "pdf", "putuo-finance-bureau-2024-final-accounts.pdf"), options))
        {
            Assert.Equal(10241, document.GetPages().Sum(p => p.Letters.Count));
        }

        Assert.False(log.NeedsFontPrograms);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_simple_font_or_one_without_a_unicode_map_is_noticed_so_the_file_is_read_with_its_font_programs(bool withoutUnicodeMap)
    {
        // A simple TrueType font cannot be used without its program; with its ToUnicode entry renamed away, its codes do
        // not map to text by the dictionary alone either.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        builder.AddPage(595, 842).AddText("Total 123.45", 12, new UglyToad.PdfPig.Core.PdfPoint(72, 700), font);
        var bytes = builder.Build();
        if (withoutUnicodeMap)
        {
            bytes = System.Text.Encoding.Latin1.GetBytes(System.Text.Encoding.Latin1.GetString(bytes).Replace("/ToUnicode", "/XoUnicode", StringComparison.Ordinal));
        }

        var (options, log) = TextOnlyParsing.Create();
        using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes, options))
        {
            _ = document.GetPage(1).Letters;
        }

        Assert.True(log.NeedsFontPrograms);
        using var full = UglyToad.PdfPig.PdfDocument.Open(bytes, TextOnlyParsing.Full);
        Assert.Equal(12, full.GetPage(1).Letters.Count);
    }
}

/// <summary>Table headers read from word positions, for tables with and without figures.</summary>
public sealed class PdfHeaderTests
{
    private static PdfReportReader.PdfWord Word(string text, double left, double bottom) => new(1, text, left, left + (text.Length * 10), bottom, 10);

    [Fact]
    public void The_column_headers_of_a_table_without_figures_are_labels_so_a_placeholder_in_them_is_seen()
    {
        // 政府性基金 table left empty: title, unit, a column header holding 「XX」, the 合计 row, the note.
        PdfReportReader.PdfWord[] words =
        [
            Word("青石县医疗保障局2024年度部门决算", 100, 800),
            Word("政府性基金预算财政拨款收入支出决算表", 100, 700),
            Word("单位：万元", 400, 680),
            Word("XX", 60, 660), Word("年初结转和结余", 200, 660), Word("本年收入", 320, 660),
            Word("合计", 60, 640),
            Word("注：本部门无政府性基金预算财政拨款收支，故本表无数据。", 60, 620),
        ];
        var year = PdfReportReader.FromWords(words, 1, "a.pdf").Value!;
        var header = Assert.Single(year.Labels, l => l.Kind == LabelKind.TableHeader && l.Text.Contains("XX", StringComparison.Ordinal));
        Assert.Equal("政府性基金预算财政拨款收入支出决算表", header.Source!.Table);
        Assert.DoesNotContain(year.Labels, l => l.Source?.Table is not null && l.Text.StartsWith("注", StringComparison.Ordinal));
    }
}

/// <summary>
/// A PDF read alone has its pages read on several threads, each with a document of its own (issue 19): the words, their
/// pages and boxes, must be exactly those read on one.
/// </summary>
public sealed class PdfPageThreadsTests
{
    public static TheoryData<string> Samples => new()
    {
        "samples/pdf/putuo-finance-bureau-2024-final-accounts.pdf",
        "samples/pdf/shanghai-2024-final-accounts-template.pdf",
        "corpus/swu-2023-final-accounts.pdf",
    };

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public void Pages_read_on_two_three_or_four_threads_give_the_words_read_on_one(string sample)
    {
        Paths.RequireSamples();
        var content = File.ReadAllBytes(Path.Combine(Paths.RepoRoot, "..", "shared", sample));
        Assert.Null(PdfReportReader.ReadWordsOf(content, "x.pdf", false, out var one, out var pages, pageThreads: 1));
        Assert.True(one.Select(w => w.Page).Distinct().Count() > 4, "a document of several pages with text");
        foreach (var threads in new[] { 2, 3, 4 })
        {
            Assert.Null(PdfReportReader.ReadWordsOf(content, "x.pdf", false, out var many, out var pagesAgain, pageThreads: threads));
            Assert.Equal(pages, pagesAgain);
            Assert.Equal(one, many);
        }
    }

    [Fact]
    public void A_font_that_needs_its_program_on_a_page_another_thread_reads_still_sends_the_file_to_the_full_read()
    {
        // Only page 4 uses a simple TrueType font (unusable without its program); with two threads the second reads it.
        var builder = new PdfDocumentBuilder();
        var standard = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var simple = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        for (var page = 1; page <= 8; page++)
        {
            builder.AddPage(595, 842).AddText($"Page {page} total 12{page}.45", 12, new UglyToad.PdfPig.Core.PdfPoint(72, 700), page == 4 ? simple : standard);
        }

        var bytes = builder.Build();

        // The premise: without its program, page 4's font is noticed (its letters would be lost to a quick read alone).
        var (options, log) = TextOnlyParsing.Create();
        using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes, options))
        {
            _ = document.GetPage(4).Letters;
        }

        Assert.True(log.NeedsFontPrograms);
        Assert.Null(PdfReportReader.ReadWordsOf(bytes, "x.pdf", false, out var one, out _, pageThreads: 1));
        Assert.Null(PdfReportReader.ReadWordsOf(bytes, "x.pdf", false, out var two, out _, pageThreads: 2));
        Assert.Equal(one, two);
        Assert.Contains(two, w => w.Page == 4 && w.Text == "124.45");
    }
}

/// <summary>When a PDF's pages go on several threads (<see cref="Reading"/>): alone and outside any batch only.</summary>
public sealed class ReadingTests
{
    [Theory]
    [InlineData(25, 1, 0, 2)]
    [InlineData(25, 0, 0, 2)]
    [InlineData(25, 2, 0, 1)]
    [InlineData(25, 1, 1, 1)]
    [InlineData(7, 1, 0, 1)]
    [InlineData(8, 1, 0, 2)]
    [InlineData(3, 1, 0, 1)]
    [InlineData(100, 1, 0, 4)]
    public void A_pdf_read_alone_outside_a_batch_is_read_on_several_threads_else_on_one(int pages, int reports, int batches, int expected)
    {
        var most = expected == 4 ? 4 : 2;
        Assert.Equal(expected, Reading.PageThreads(pages, reports, batches, most, pagesPerThread: 4));
    }

    [Fact]
    public void A_read_or_batch_ends_once_however_often_it_is_disposed()
    {
        var ended = 0;
        var scope = new Reading.Scope(() => ended++);
        scope.Dispose();
        scope.Dispose();
        Assert.Equal(1, ended);
    }
}

/// <summary>
/// The build patches PdfPig's Standard14 type initialiser so an alias ("Arial") takes its font's parsed metrics instead
/// of parsing the AFM file again (Directory.Build.targets, issue 19). The metrics must be those of the font, and shared:
/// only the patched initialiser shares them, so this fails when the patch is no longer applied (PdfPig upgraded, or the
/// upstream fix in: then remove the patch and this test's identity check).
/// </summary>
public sealed class Standard14PatchTests
{
    [Fact]
    public void Every_alias_shares_the_parsed_metrics_of_its_standard_font()
    {
        var names = UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14.GetNames();
        var aliases = names.Where(n => UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14.GetMappedFontName(n) != n).ToList();
        Assert.Equal(39, names.Count);
        Assert.Equal(25, aliases.Count);
        foreach (var alias in aliases)
        {
            var font = UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14.GetMappedFontName(alias);
            var metrics = UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14.GetAdobeFontMetrics(alias);
            Assert.NotNull(metrics);
            Assert.Same(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14.GetAdobeFontMetrics(font), metrics);
            Assert.Equal(font, metrics.FontName);
        }
    }

    [Fact]
    public void The_standard_fonts_keep_their_metrics()
    {
        // Widths of "A" from Adobe's AFM files: Helvetica 667, Times-Roman 722, Courier 600 (and Arial/TimesNewRoman alike).
        foreach (var (name, width) in new[] { ("Helvetica", 667), ("Arial", 667), ("Times-Roman", 722), ("TimesNewRoman,Bold", 722), ("Courier", 600), ("CourierNew,Italic", 600) })
        {
            var metrics = UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14.GetAdobeFontMetrics(name);
            Assert.NotNull(metrics);
            Assert.Equal(width, metrics.CharacterMetrics["A"].Width.X);
        }
    }
}
