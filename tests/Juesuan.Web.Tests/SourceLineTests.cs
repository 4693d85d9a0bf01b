using Juesuan.Application;
using Juesuan.Audit;
using Juesuan.Formats;
using Juesuan.TestSupport;
using Juesuan.Web.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Web.Tests;

/// <summary>A text original's lines with the finding's figures marked where they are printed (the viewer's left side).</summary>
public sealed class SourceLineTests
{
    [Fact]
    public void A_figure_of_last_years_report_is_neither_marked_nor_offered_in_this_reports_viewer()
    {
        var pdf = new Juesuan.Storage.StoredOriginal("本年.pdf", [1]);
        var text = new Juesuan.Storage.StoredOriginal("本年.txt", [1]);
        var here = new FigureLocation { Document = "决算.pdf", Page = 7, Line = 2 };
        var there = here with { PriorReport = true };
        Assert.Equal("在原件第 7 页查看", ViewerModel.LinkText(here, pdf));
        Assert.Null(ViewerModel.LinkText(there, pdf));
        Assert.Null(ViewerModel.LinkText(there with { Page = null }, text));

        // The same file name and the same line: only this year's figure is marked.
        var lines = SourceLine.Mark("第一行\n上年 5.00 万元", [new FindingFigure("6.20", "上年报告", "上年报告", there)]);
        Assert.DoesNotContain(lines, l => l.Marked);
        Assert.Contains(SourceLine.Mark("第一行\n上年 5.00 万元", [new FindingFigure("5.00", "本年", "本年", here)]), l => l.Marked);
    }

    [Fact]
    public void A_figure_of_a_sentence_that_wraps_is_marked_on_the_line_it_is_printed_on()
    {
        // Printed as a PDF's text comes out: the sentence broken over lines, blank lines between, half-width brackets.
        var text = "五、情况说明\n\n2022 年度支出(类)年初预算 382.89\n\n万元，支出决算 713.93 万元。\n";
        var sentence = "2022年度支出（类）年初预算382.89万元，支出决算713.93万元。";
        var figure = new FindingFigure("713.93万元", "叙述", Where: new FigureLocation { Line = 3, Sentence = sentence, SpanStart = sentence.IndexOf("713.93", StringComparison.Ordinal), SpanLength = 6 });

        var lines = SourceLine.Mark(text, [figure]);

        Assert.Equal(["万元，支出决算 ", "713.93", " 万元。"], lines[4].Parts);
        Assert.Equal([5], lines.Where(l => l.Marked).Select(l => l.Number));
    }

    [Fact]
    public void A_table_figure_is_marked_by_its_value_on_its_row_and_one_found_nowhere_marks_its_whole_line()
    {
        var text = "2101101  行政单位医疗  59.91  59.91\n合计 1,234.50\n";
        var cell = new FindingFigure("59.91", "表", Where: new FigureLocation { Line = 1, Table = "expenditure", RowCode = "2101101", Column = "total" });
        var reformatted = new FindingFigure("1234.5", "表", Where: new FigureLocation { Line = 2 });

        var lines = SourceLine.Mark(text, [cell, reformatted]);

        Assert.Equal(["2101101  行政单位医疗  ", "59.91", "  59.91"], lines[0].Parts);
        Assert.Equal(["", "合计 1,234.50", ""], lines[1].Parts);
        Assert.Equal("2101101  行政单位医疗  <mark>59.91</mark>  59.91", Html(lines[0]));
    }

    [Fact]
    public void Markup_in_the_original_is_shown_as_text()
    {
        var text = "<script>alert(1)</script> 12.5";
        var lines = SourceLine.Mark(text, [new FindingFigure("12.5", "表", Where: new FigureLocation { Line = 1 })]);
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; <mark>12.5</mark>", Html(lines[0]));
    }

    /// <summary>
    /// On every text sample, every narrative figure of every finding is found in its sentence on the lines from its own
    /// line on — the reader's sentence and the printed lines agree character for character but for white space and
    /// full-width forms — so the viewer never falls back to marking a whole line for one.
    /// </summary>
    [SkippableFact]
    public async Task Every_narrative_figure_of_the_text_samples_is_marked_on_its_own_characters()
    {
        var samples = Paths.RequireSamples();
        await using var services = new ServiceCollection().AddJuesuan(_ => { }).BuildServiceProvider();
        var checkedFigures = 0;
        var checkedCells = 0;
        foreach (var file in Directory.GetFiles(samples, "*.txt"))
        {
            var loaded = services.GetRequiredService<Reports>().ReadFile(file);
            Assert.True(loaded.Success, loaded.Error);
            var text = InputFile.DecodeText(File.ReadAllBytes(file), file, out _, out _, report: false)!;
            foreach (var figure in services.GetRequiredService<Audits>().Audit(loaded).Findings.SelectMany(f => f.Figures)
                         .Where(f => f.Where is { Line: not null, Sentence: not null, SpanStart: not null }))
            {
                var marked = SourceLine.Mark(text, [figure]).Where(l => l.Marked).ToArray();
                Assert.True(marked.Length > 0, $"{Path.GetFileName(file)} 第{figure.Where!.Line}行 {figure.Value}");
                var printed = string.Concat(marked.Select(l => l.Parts[1]));
                Assert.True(printed != string.Concat(marked.Select(l => string.Concat(l.Parts))) || marked.Length == 1 && printed.Trim() == figure.Value,
                    $"{Path.GetFileName(file)} 第{figure.Where.Line}行 {figure.Value}: the whole line was marked, the figure not found in 「{figure.Where.Sentence}」");
                checkedFigures++;
            }

            // A table cell's value is on its row's line as printed (a blank cell, 「空」, has none to mark).
            foreach (var figure in services.GetRequiredService<Audits>().Audit(loaded).Findings.SelectMany(f => f.Figures)
                         .Where(f => f.Where is { Line: not null, Table: not null } && f.Value.Any(char.IsAsciiDigit)))
            {
                var line = SourceLine.Mark(text, [figure])[figure.Where!.Line!.Value - 1];
                Assert.True(line.Parts.Count == 3 && line.Parts[1] == figure.Value, $"{Path.GetFileName(file)} 第{figure.Where.Line}行 {figure.Value}: 「{string.Concat(line.Parts)}」");
                checkedCells++;
            }
        }

        Assert.True(checkedCells > 30, $"only {checkedCells} table figures");

        Assert.True(checkedFigures > 30, $"only {checkedFigures} narrative figures");
    }

    private static string Html(SourceLine line)
    {
        using var writer = new StringWriter();
        line.ToHtml().WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        return writer.ToString();
    }
}
