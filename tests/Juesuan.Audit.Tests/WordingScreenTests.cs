using Juesuan.Audit.Rules;
using Juesuan.TestSupport;

namespace Juesuan.Audit.Tests;

/// <summary>
/// N.FIGURE_FORM asks two character screens before two of its patterns, and N.UNIT one before its amounts in 元: each may
/// answer "possible" where the pattern does not match, never "impossible" where it does — checked on every line of the samples and on random texts over the
/// characters the patterns turn on.
/// </summary>
public class WordingScreenTests
{
    [SkippableFact]
    public void The_screens_never_rule_out_a_match_in_the_samples()
    {
        // Each line as printed, and with a second point slipped into its first decimal figure (the samples print none).
        var lines = Directory.GetFiles(Paths.RequireSamples(), "*.txt").SelectMany(File.ReadAllLines).ToArray();
        var slipped = lines.Select(line => Decimal.Replace(line, "$0.5", 1));
        AssertScreens(lines.Concat(slipped), out var wan, out var points, out var yuan);
        // Every screen was seen letting matches through.
        Assert.True(wan > 0 && points > 100 && yuan > 0, $"万 without 元 in {wan} lines, two points in {points}, 元 with decimals in {yuan}");
    }

    [Fact]
    public void The_screens_never_rule_out_a_match_in_random_texts()
    {
        // Pieces of figures (digits of two widths, points), 万 and what may follow it, spaces and line ends, 元 and %.
        string[] pieces = ["1", "23", "４", "2023", ".", "..", "1.2", ".5", "3.", "0.0", ",", "1,234", "万", "万元", "元", "元", "%", "％", "，", "。", "；", "、", "）", ")", " ", "\n", "\t", "支出", "人"];
        var random = new Random(1202);
        var texts = Enumerable.Range(0, 100_000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]))).ToArray();
        AssertScreens(texts, out var wan, out var points, out var yuan);
        Assert.True(wan > 500 && points > 500 && yuan > 500, $"万 without 元 in {wan} texts, two points in {points}, 元 with decimals in {yuan}");
    }

    private static readonly System.Text.RegularExpressions.Regex Decimal = new(@"[0-9]+\.[0-9]+");

    private static void AssertScreens(IEnumerable<string> texts, out int wan, out int points, out int yuan)
    {
        (wan, points, yuan) = (0, 0, 0);
        foreach (var text in texts)
        {
            if (Wording.WanWithoutYuan().IsMatch(text))
            {
                wan++;
                Assert.True(Wording.BareWanPossible(text), $"万 without 元 ruled out in 「{text}」");
            }

            if (Wording.TwoPoints().IsMatch(text))
            {
                points++;
                Assert.True(Wording.TwoPointsPossible(text), $"two points ruled out in 「{text}」");
            }

            if (NarrativeRules.YuanWithDecimals().IsMatch(text))
            {
                yuan++;
                Assert.True(NarrativeRules.YuanAfterFigurePossible(text), $"元 with decimals ruled out in 「{text}」");
            }
        }
    }
}
