using Juesuan.Domain.Model;
using Juesuan.TestSupport;

namespace Juesuan.Domain.Tests;

/// <summary>
/// <see cref="ScoringBands.In"/> screens a text by its dashes before its regex of band lists: the screen may answer
/// "possible" where the regex does not match, never "impossible" where it does — on every line of the samples and on
/// random texts over the characters the pattern turns on.
/// </summary>
public class ScoringBandsScreenTests
{
    [SkippableFact]
    public void The_screen_never_rules_out_a_band_list_in_the_samples()
    {
        var lines = Directory.GetFiles(Paths.RequireSamples(), "*.txt").SelectMany(File.ReadAllLines).ToArray();
        Assert.True(Count(lines) > 0, "the samples print scales of scores");
    }

    [Fact]
    public void The_screen_never_rules_out_a_band_list_in_random_texts()
    {
        // Figures (with and without a %, with decimals), dashes of every kind, spaces, separators and 含.
        string[] pieces = ["100", "80", "60.5", "0", "80%-60%", "60%－0%", "、", "9%", "%", "%", "-", "－", "—", "~", "～", " ", "\t", "、", "，", ",", "（含）", "(含)", "分值区间", "得分", "。", "a"];
        var random = new Random(1202);
        var texts = Enumerable.Range(0, 200_000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]))).ToArray();
        var matched = Count(texts);
        Assert.True(matched > 500, $"{matched} texts list bands");
    }

    [Fact]
    public void The_screen_lets_through_band_lists_of_every_dash_and_spacing()
    {
        // Two or three bands, all written alike: one dash of the five, one spacing around it, the first band's % or not.
        string[] dashes = ["-", "－", "—", "~", "～"];
        string[] spaces = ["", " ", "\t", "\u3000", " \n "];
        var random = new Random(2);
        var texts = new List<string>();
        foreach (var dash in dashes)
        {
            foreach (var space in spaces)
            {
                for (var n = 0; n < 20; n++)
                {
                    var bands = Enumerable.Range(0, random.Next(2, 4)).Select(i => $"{random.Next(0, 101)}{(i > 0 || random.Next(2) == 0 ? "%" : string.Empty)}{space}{dash}{space}{random.Next(0, 101)}%");
                    texts.Add("分值区间" + string.Join("、", bands) + "合理确定分值");
                }
            }
        }

        Assert.Equal(texts.Count, Count(texts));
    }

    // How many texts the regex matches, each asserted not ruled out by the screen.
    private static int Count(IEnumerable<string> texts)
    {
        var matched = 0;
        foreach (var text in texts)
        {
            if (ScoringBands.BandList().IsMatch(text))
            {
                matched++;
                Assert.True(ScoringBands.BandPossible(text), $"a band list ruled out in 「{text}」");
            }
        }

        return matched;
    }
}
