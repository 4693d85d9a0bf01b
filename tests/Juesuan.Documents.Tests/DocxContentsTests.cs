using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Juesuan.Documents.Disclosure;
using Juesuan.Domain.Model;
using Juesuan.Import;
using Juesuan.TestSupport;
using Xunit;

namespace Juesuan.Documents.Tests;

/// <summary>
/// The DOCX 目录 carries its page numbers without a field update, and they are where the headings land when LibreOffice
/// lays the document out (the same metrics as Word: exact line pitches, full-em Chinese, Times-metric Latin).
/// </summary>
public sealed class DocxContentsTests
{
    public static TheoryData<string> Reports => new()
    {
        "example",
        "heshui-2024-performance-self-evaluation.txt",
        "longxian-2022-final-accounts.txt",
        "quxian-2022-final-accounts.txt",
        "xigong-2022-final-accounts.txt",
        "zhenan-2023-final-accounts.txt",
        "pdf/putuo-finance-bureau-2024-final-accounts.pdf",
        "corpus/swu-2023-final-accounts.pdf",
    };

    [SkippableTheory]
    [MemberData(nameof(Reports))]
    public void The_contents_give_the_page_LibreOffice_prints_each_heading_on(string report)
    {
        var office = Paths.RequireOffice();
        var document = DisclosureBuilder.Build(Read(report));
        var dir = Directory.CreateTempSubdirectory("juesuan-toc-");
        try
        {
            var docx = Path.Combine(dir.FullName, "report.docx");
            DisclosureDocx.Write(document, docx);
            var entries = Entries(docx);
            var listed = document.Headings.Where(h => h.Level <= 2).ToArray();
            Assert.Equal(listed.Select(h => h.Text), entries.Select(e => e.Text));
            Assert.All(entries, e => Assert.True(int.TryParse(e.Page, out var page) && page > 1, $"「{e.Text}」 has page 「{e.Page}」"));

            var printed = DisclosurePdf.Pages(document, Convert(office, docx, dir.FullName));
            var wrong = listed.Select((h, i) => (h.Text, Listed: entries[i].Page, Printed: printed.TryGetValue(h, out var p) ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "（未找到）"))
                .Where(x => x.Listed != x.Printed).Select(x => $"{x.Text}: 目录 {x.Listed}, LibreOffice {x.Printed}").ToArray();
            Assert.True(wrong.Length == 0, string.Join("\n", wrong));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_document_asks_no_field_update_on_opening()
    {
        using var stream = new MemoryStream();
        DisclosureDocx.Write(DisclosureBuilder.Build(NarrativeWriterTests.Example(), charts: false), stream);
        stream.Position = 0;
        using var word = WordprocessingDocument.Open(stream, false);
        Assert.Empty(word.MainDocumentPart!.DocumentSettingsPart!.Settings!.Descendants<UpdateFieldsOnOpen>());

        // Every listed heading is a bookmark the TOC links to; a table's hidden heading carries a TC field so Word's 更新域 keeps it.
        var body = word.MainDocumentPart.Document!.Body!;
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        Assert.NotEmpty(body.Descendants<Hyperlink>());
        Assert.All(body.Descendants<Hyperlink>(), h => Assert.Contains(h.Anchor!.Value, bookmarks));
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.StartsWith(" TC \"一、收入支出决算总表\"", StringComparison.Ordinal));
    }

    private static DepartmentYear Read(string report) => report switch
    {
        "example" => NarrativeWriterTests.Example(),
        _ when report.StartsWith("corpus/", StringComparison.Ordinal) => Importer.ReadFile(Path.Combine(Paths.RequireCorpus(), report["corpus/".Length..])).Value!,
        _ => Importer.ReadFile(Path.Combine(Paths.RequireSamples(), report)).Value!,
    };

    // The 目录's entries: each link's text and the cached result of its PAGEREF.
    private static List<(string Text, string Page)> Entries(string docx)
    {
        using var word = WordprocessingDocument.Open(docx, false);
        return [.. word.MainDocumentPart!.Document!.Body!.Descendants<Hyperlink>()
            .Select(h => h.Descendants<Text>().ToArray())
            .Select(t => (t[0].Text, t[^1].Text))];
    }

    // LibreOffice's PDF of the DOCX, with a profile of its own so that runs side by side do not share one.
    private static byte[] Convert(string office, string docx, string dir)
    {
        var start = new ProcessStartInfo(office)
        {
            ArgumentList = { $"-env:UserInstallation=file://{Path.Combine(dir, "profile")}", "--headless", "--convert-to", "pdf", "--outdir", dir, docx },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("LibreOffice did not finish in 3 minutes");
        }

        var pdf = Path.ChangeExtension(docx, ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no PDF (exit {process.ExitCode}): {output.Result} {error.Result}");
        return File.ReadAllBytes(pdf);
    }
}

/// <summary>The layout model's own rules, on bodies made for each.</summary>
public sealed class DocxPagesTests
{
    private const int Width = 9638; // A4 less 2 cm margins: 40 characters of 12 pt a line

    [Theory]
    [InlineData(40, "", 1)]
    [InlineData(41, "", 2)]
    [InlineData(40, "。", 1)] // a full stop may stand past the margin
    [InlineData(40, "）", 2)] // a closing bracket may not, and takes the character before it along
    [InlineData(80, "", 2)]
    public void Chinese_lines_break_between_characters_and_a_stop_may_hang(int characters, string end, int lines) =>
        Assert.Equal(lines, DocxPages.LineCount([(new string('字', characters) + end, 24)], Width, 0));

    [Fact]
    public void A_contents_entry_counts_its_leader_and_number()
    {
        // 38 characters and a three-digit number (1.5 em) fill 39.5 em; the tab's leader takes at least an em more.
        Assert.Equal(1, DocxPages.LineCount([(new string('字', 38) + "000", 24)], Width, 0));
        Assert.Equal(2, DocxPages.LineCount([(new string('字', 38) + "\u3000" + "000", 24)], Width, 0));
    }

    [Fact]
    public void A_Latin_word_is_not_parted_and_the_first_line_indent_counts()
    {
        // 「12,345.67」 is 4 em in Times (digits half an em, stops a quarter): after 36 characters it fills the line, after
        // 37 it goes on whole.
        Assert.Equal(1, DocxPages.LineCount([(new string('字', 36) + "12,345.67", 24)], Width, 0));
        Assert.Equal(2, DocxPages.LineCount([(new string('字', 37) + "12,345.67", 24)], Width, 0));
        Assert.Equal(2, DocxPages.LineCount([(new string('字', 39), 24)], Width, 480));
        Assert.Equal(1, DocxPages.LineCount([(string.Empty, 24)], Width, 0));
    }

    [Fact]
    public void Keep_with_next_page_break_before_and_widow_control_place_paragraphs_as_Word_does()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(new FontSize { Val = "24" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new WidowControl(), new SpacingBetweenLines { Line = "480", LineRule = LineSpacingRuleValues.Exact }))));
        var a4 = new SectionProperties(new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U });

        // 14,570 twips a page hold 30 lines of 480. Lines 1–28, then a heading kept with a three-line paragraph: the
        // heading goes on with it (two lines are left, the paragraph cannot split 2 + 1 under widow control).
        Paragraph Lines(int n, string? mark = null, bool keep = false, bool breakBefore = false)
        {
            var properties = new ParagraphProperties();
            if (keep)
            {
                properties.Append(new KeepNext());
            }

            if (breakBefore)
            {
                properties.Append(new PageBreakBefore());
            }

            var paragraph = new Paragraph(properties);
            if (mark is not null)
            {
                paragraph.Append(new BookmarkStart { Name = mark, Id = "1" }, new BookmarkEnd { Id = "1" });
            }

            paragraph.Append(new Run(new Text(new string('字', (40 * n) - 1))));
            return paragraph;
        }

        // A one-row table (a 12 pt line and its rule) after 29 lines fits; the paragraph after it does not. Where the row's
        // paragraphs keep with the next, the row goes on with it (a form's signature lines never stand alone).
        Table Row(string mark, bool keep)
        {
            var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Exact });
            if (keep)
            {
                properties.Append(new KeepNext());
            }

            return new Table(new TableRow(new TableCell(new TableCellProperties(new TableCellWidth { Width = "9638", Type = TableWidthUnitValues.Dxa }),
                new Paragraph(properties, new BookmarkStart { Name = mark, Id = "2" }, new BookmarkEnd { Id = "2" }, new Run(new Text("总分"))))));
        }

        var body = new Body(Lines(28), Lines(1, "heading", keep: true), Lines(3), Lines(1, "after"), Lines(1, "broken", breakBefore: true), Lines(29), Lines(3, "split"),
            Lines(29, breakBefore: true), Row("kept", keep: true), Lines(1), Lines(29, breakBefore: true), Row("left", keep: false), Lines(1), a4);
        var pages = DocxPages.Of(body, styles);
        Assert.Equal(2, pages["heading"]);
        Assert.Equal(2, pages["after"]);
        Assert.Equal(3, pages["broken"]);
        // 30 lines on page 3; a paragraph of three lines would leave one line behind: it goes on whole.
        Assert.Equal(4, pages["split"]);
        Assert.Equal(6, pages["kept"]);
        Assert.Equal(7, pages["left"]);
    }
}
