using System.Text.Json;
using Juesuan.Formats;
using Juesuan.TestSupport;
using UglyToad.PdfPig;

namespace Juesuan.Cli.Tests;

/// <summary>
/// `juesuan audit &lt;pdf&gt; -f json` locates every printed figure of every finding on its page (issue 14): the letters
/// PdfPig finds inside the figure's boxes spell the figure.
/// </summary>
public sealed class LocatedFindingsTests : CliTestBase
{
    public static TheoryData<string, string> Pdfs() => new()
    {
        { "samples", "pdf/putuo-finance-bureau-2024-final-accounts.pdf" },
        { "samples", "pdf/shanghai-2024-final-accounts-template.pdf" },
        { "corpus", "swu-2023-final-accounts.pdf" },
    };

    [SkippableTheory]
    [MemberData(nameof(Pdfs))]
    public async Task Every_figure_of_every_finding_has_its_page_and_boxes_that_spell_it(string folder, string file)
    {
        var path = Path.Combine(folder == "corpus" ? Paths.RequireCorpus() : Paths.RequireSamples(), file);
        var audit = await Run("audit", path, "-f", "json");
        Assert.True(audit.Exit is 0 or 1, audit.Err);
        using var json = JsonDocument.Parse(audit.Out);
        using var pdf = PdfDocument.Open(path);
        var checkedFigures = 0;
        foreach (var finding in json.RootElement.GetProperty("findings").EnumerateArray())
        {
            foreach (var figure in finding.GetProperty("figures").EnumerateArray())
            {
                var value = figure.GetProperty("value").GetString()!;
                if (value is "空" or "空白" || figure.GetProperty("where").ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var where = figure.GetProperty("where");
                var boxes = where.GetProperty("boxes").EnumerateArray().ToArray();
                var rule = finding.GetProperty("rule").GetString();
                Assert.True(boxes.Length > 0, $"{rule}: 「{value}」 ({where}) has no boxes");
                var spelled = string.Concat(boxes.Select(b => Letters(pdf, b)));
                Assert.True(Same(spelled, value), $"{rule}: the boxes of 「{value}」 hold 「{spelled}」");
                foreach (var box in boxes)
                {
                    var page = pdf.GetPage(box.GetProperty("page").GetInt32());
                    Assert.Equal(Math.Round(page.Width, 2), box.GetProperty("pageWidth").GetDouble());
                    Assert.Equal(Math.Round(page.Height, 2), box.GetProperty("pageHeight").GetDouble());
                }

                checkedFigures++;
            }
        }

        Assert.True(checkedFigures >= 10, $"only {checkedFigures} figures to check");
    }

    // The letters whose baseline midpoint lies in the box, in reading order.
    private static string Letters(PdfDocument pdf, JsonElement box)
    {
        var page = pdf.GetPage(box.GetProperty("page").GetInt32());
        double B(string name) => box.GetProperty(name).GetDouble();
        var inside = page.Letters.Where(l =>
        {
            var x = (l.StartBaseLine.X + l.EndBaseLine.X) / 2;
            var y = l.StartBaseLine.Y;
            return x >= B("left") - 0.01 && x <= B("right") + 0.01 && y >= B("bottom") - 0.01 && y <= B("top") + 0.01;
        });
        return string.Concat(inside.OrderByDescending(l => Math.Round(l.StartBaseLine.Y, 1)).ThenBy(l => l.StartBaseLine.X).Select(l => PrintedText.Normalize(l.Value)))
            .Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    // The boxes hold the figure as printed, or without its thousands separators, or its number alone (「0.3万元」 → 「0.3」).
    private static bool Same(string spelled, string value)
    {
        static string Plain(string s) => s.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        var number = new string(value.SkipWhile(c => !char.IsAsciiDigit(c) && c != '-').TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-').ToArray());
        return Plain(spelled) == Plain(value) || (number.Length > 0 && Plain(spelled) == Plain(number));
    }
}
