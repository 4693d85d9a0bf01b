using Juesuan.Audit;
using Juesuan.Documents.AuditReports;
using Juesuan.Domain.Model;
using Juesuan.Formats.Json;
using Juesuan.Import;
using Juesuan.TestSupport;

namespace Juesuan.Documents.Tests;

/// <summary>
/// The audit's JSON is written straight to a writer, a directory's documents each on their own and laid into the array
/// (issue 19): every byte as the JSON DOM wrote it (<see cref="AuditJsonDom"/>), for real audits and for random reports
/// that fill every member the shape has, with every kind of character a string can hold.
/// </summary>
public class AuditJsonWriterTests
{
    [SkippableFact]
    public void Real_audits_are_written_byte_for_byte_as_the_dom_wrote_them_alone_and_as_a_directory()
    {
        var samples = Paths.RequireSamples();
        var reports = Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal)
            .Append(Path.Combine(samples, "pdf", "putuo-finance-bureau-2024-final-accounts.pdf"))
            .Select(f => Auditor.Audit(Importer.ReadFile(f).Value!, Path.GetFileName(f)))
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Order(StringComparer.Ordinal)
                .Append(Paths.Example)
                .Select(f => Auditor.Audit(DepartmentYearJson.ReadFile(f).Value!, Path.GetFileName(f))))
            .ToArray();
        Assert.True(reports.Length >= 8 && reports.Sum(r => r.Findings.Count) > 100, "too few findings to compare");
        foreach (var report in reports)
        {
            Assert.Equal(AuditJsonDom.Render(report), AuditJson.Render(report));
        }

        Assert.Equal(AuditJsonDom.Render(reports), AuditJson.Render(reports));
        Assert.Equal(AuditJsonDom.Render(reports, "\r\n"), AuditJson.Render(reports, "\r\n"));
        // Many documents: written on several threads, and more than the first guess of the output's size.
        var many = Enumerable.Repeat(reports, 12).SelectMany(r => r).ToArray();
        Assert.Equal(AuditJsonDom.Render(many), AuditJson.Render(many));
    }

    [Fact]
    public void Random_reports_are_written_byte_for_byte_as_the_dom_wrote_them()
    {
        var random = new Random(20261202);
        for (var round = 0; round < 300; round++)
        {
            // Mostly a few documents (written in turn), every tenth round many (written on several threads).
            var reports = Enumerable.Range(0, round % 10 == 0 ? random.Next(8, 130) : random.Next(0, 8)).Select(_ => RandomReport(random)).ToArray();
            Assert.Equal(AuditJsonDom.Render(reports), AuditJson.Render(reports));
            // Line ends as Windows writes them: the line a document starts on takes them too.
            Assert.Equal(AuditJsonDom.Render(reports, "\r\n"), AuditJson.Render(reports, "\r\n"));
            foreach (var report in reports)
            {
                Assert.Equal(AuditJsonDom.Render(report), AuditJson.Render(report));
            }
        }
    }

    [Fact]
    public void A_directory_of_no_documents_and_of_one_is_written_as_the_dom_wrote_it()
    {
        Assert.Equal(AuditJsonDom.Render(Array.Empty<AuditReport>()), AuditJson.Render(Array.Empty<AuditReport>()));
        var one = new[] { RandomReport(new Random(7)) };
        Assert.Equal(AuditJsonDom.Render(one), AuditJson.Render(one));
    }

    [Fact]
    public void What_cannot_be_written_throws_as_the_dom_threw_not_wrapped_by_the_threads()
    {
        var random = new Random(11);
        var reports = Enumerable.Range(0, 20).Select(_ => RandomReport(random)).ToList();
        var box = new PageBox(3, double.NaN, 1, 2, 3, 595, 842);
        var figure = new FindingFigure("1.00", "第3页", Where: new FigureLocation { Page = 3, Boxes = [box] });
        reports[17] = reports[17] with { Findings = [new Finding { Rule = "N.AMOUNT", Severity = Severity.Error, Message = "m", Location = "l", Figures = [figure] }] };
        foreach (var count in new[] { 20, 5 })
        {
            var some = reports.Skip(20 - count).ToArray();
            var expected = Assert.ThrowsAny<Exception>(() => AuditJsonDom.Render(some));
            var actual = Assert.ThrowsAny<Exception>(() => AuditJson.Render(some));
            Assert.Equal(expected.GetType(), actual.GetType());
        }

        var withNull = reports.Select((r, i) => i == 4 ? null! : r).ToArray();
        Assert.Throws<ArgumentNullException>(() => AuditJson.Render(withNull));
        Assert.Throws<ArgumentNullException>(() => AuditJson.Render(withNull.Take(6).ToArray()));
    }

    // Characters a string of a report can hold: Chinese, quotes and backslashes, line breaks and other control
    // characters, the two separators JavaScript reads as line ends, HTML's specials, pairs of surrogates (an emoji, a CJK
    // character beyond the basic plane) and lone ones, what the encoder escapes besides.
    private static readonly string[] Pieces =
    [
        "基本支出", "154.78万元", "\"", "\\", "\n", "\r\n", "\t", "\u0001", "\u2028", "\u2029", "<b>&'", "😀", "\ud800", " ", "",
        "第 3 页", "公开03表", "%", "／", "+", "`", "\u0085", "\ufeff", "\udc00", "\U00020000",
    ];

    private static string Text(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    private static string? MaybeText(Random random) => random.Next(4) == 0 ? null : Text(random);

    private static decimal? MaybeDecimal(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => decimal.Round((decimal)(random.NextDouble() * 2e6) - 1e6m, random.Next(0, 6)),
        2 => new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(0, 29)),
        _ => random.Next(-3, 4),
    };

    private static int? MaybeInt(Random random) => random.Next(3) == 0 ? null : random.Next(-5, 100_000);

    private static double Coordinate(Random random) => random.Next(5) switch
    {
        0 => 0,
        1 => -random.NextDouble() * 10,
        2 => random.NextDouble() * 1e-6,
        3 => Math.Round(random.NextDouble() * 1000, random.Next(0, 4)),
        _ => random.NextDouble() * 1000,
    };

    private static FigureLocation Where(Random random) => new()
    {
        Document = MaybeText(random),
        PriorReport = random.Next(3) == 0,
        Page = MaybeInt(random),
        Line = MaybeInt(random),
        Table = MaybeText(random),
        TableName = MaybeText(random),
        RowCode = MaybeText(random),
        RowLabel = MaybeText(random),
        Column = MaybeText(random),
        ColumnName = MaybeText(random),
        Section = MaybeText(random),
        Sentence = MaybeText(random),
        SpanStart = MaybeInt(random),
        SpanLength = MaybeInt(random),
        Boxes = Enumerable.Range(0, random.Next(0, 3))
            .Select(_ => new PageBox(random.Next(1, 40), Coordinate(random), Coordinate(random), Coordinate(random), Coordinate(random), Coordinate(random), Coordinate(random)))
            .ToArray(),
    };

    private static Finding RandomFinding(Random random) => new()
    {
        Rule = Text(random),
        Severity = (Severity)random.Next(0, 3),
        Kind = (FindingKind)random.Next(0, 4),
        Message = Text(random),
        Template = MaybeText(random),
        Arguments = Enumerable.Range(0, random.Next(0, 4)).Select(i => (Key: $"{Text(random)}{i}", Value: Text(random)))
            .DistinctBy(a => a.Key).ToDictionary(a => a.Key, a => a.Value),
        Numbers = random.Next(3) == 0 ? null : new FindingNumbers(MaybeDecimal(random), MaybeDecimal(random), MaybeDecimal(random),
            MaybeDecimal(random), MaybeDecimal(random), MaybeDecimal(random), Text(random)),
        Location = Text(random),
        Table = MaybeText(random),
        Expected = MaybeText(random),
        Actual = MaybeText(random),
        Difference = MaybeText(random),
        LikelyWrong = MaybeText(random),
        Figures = Enumerable.Range(0, random.Next(0, 4))
            .Select(_ => new FindingFigure(Text(random), Text(random), MaybeText(random), random.Next(3) == 0 ? null : Where(random)))
            .ToArray(),
    };

    private static AuditReport RandomReport(Random random) => new(
        new AuditedDocument(Text(random), random.Next(1990, 2100), Text(random), MaybeText(random), (DocumentKind)random.Next(0, 3)),
        Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomFinding(random)).ToArray(),
        new AuditSummary(random.Next(0, 50), random.Next(0, 50), random.Next(0, 50), random.Next(0, 50), random.Next(0, 5), random.Next(0, 120), random.Next(0, 2)));
}
