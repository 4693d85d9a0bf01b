using System.Text.RegularExpressions;
using Juesuan.Audit.Rules;
using Juesuan.TestSupport;

namespace Juesuan.Audit.Tests;

/// <summary>
/// The wording rules count and find by hand what they used regular expressions' groups for: a doubled two-character word
/// (N.REPEATED_WORD) and the decimals of rates (N.FIGURE_FORM). Each must give what the regex gives, on every sample text
/// and on made-up texts built to trip it (overlaps, runs, mixed scripts, the ideograph block's edges).
/// </summary>
public class DoubledPairsTests
{
    private static readonly Regex Oracle = new(@"(?<w>[\p{IsCJKUnifiedIdeographs}]{2})\k<w>");

    // Characters on both sides of the block's edges (U+4DFF, U+4E00, U+9FFF, U+A000), a letter, a digit, a comma.
    private const string Alphabet = "参保一丁a1，龥〇\u4DFF\u4E00\u9FFF\uA000";

    [Theory]
    [InlineData("2022 年城乡居民参保参保率为 98%")]
    [InlineData("开展开展实地调研，看病看病难")]
    [InlineData("哈哈哈哈哈哈")]
    [InlineData("哈哈哈哈哈")]
    [InlineData("研究研究研究")]
    [InlineData("ab abab 参参参参 一丁一丁 龥龥龥龥 〇〇〇〇 丂丂丂丂 㐀㐀㐀㐀")]
    [InlineData("")]
    [InlineData("参保参")]
    [InlineData("参保 参保参保")]
    [InlineData("\u9FFF\u9FFF\u9FFF\u9FFF \uA000\uA000\uA000\uA000 \u4DFF\u4DFF\u4DFF\u4DFF")]
    public void Doubled_words_are_what_the_regex_finds(string text) =>
        Assert.Equal(Oracle.Matches(text).Select(m => m.Index), Wording.DoubledPairs(text));

    [Fact]
    public void Doubled_words_are_what_the_regex_finds_in_random_texts()
    {
        // Texts of a few characters, so that doubles, runs and overlaps are common.
        var random = new Random(19);
        for (var n = 0; n < 5000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            Assert.Equal(Oracle.Matches(text).Select(m => m.Index), Wording.DoubledPairs(text));
        }
    }

    [Theory]
    [InlineData("增长 8.27%，下降 18.3%，占 97.02 %，完成年初预算的 98.6％，执行率为 85.0%\t")]
    [InlineData("占比 1.5% 占 12.34%占 3.4 ％")]
    [InlineData("")]
    [InlineData("增长 8.%")]
    public void Rate_decimals_are_counted_as_the_regex_groups_them(string text) => Assert.Equal(Counted([text]), Wording.RateDecimals([text]));

    [SkippableFact]
    public void Doubled_words_and_rate_decimals_are_what_the_regex_finds_in_every_sample()
    {
        var texts = Directory.GetFiles(Paths.RequireSamples(), "*.txt").Select(File.ReadAllText).ToArray();
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            Assert.Equal(Oracle.Matches(text).Select(m => m.Index), Wording.DoubledPairs(text));
        }

        var counted = Counted(texts);
        Assert.True(counted.Two > 0, "the samples print rates to two decimals");
        Assert.Equal(counted, Wording.RateDecimals(texts));
    }

    // The count as the rule made it before: from the regex's group d.
    private static (int One, int Two) Counted(IEnumerable<string> texts)
    {
        var matches = texts.SelectMany(t => Wording.RateFigure().Matches(t)).ToArray();
        return (matches.Count(m => m.Groups["d"].Length == 1), matches.Count(m => m.Groups["d"].Length == 2));
    }

    [Theory]
    [InlineData("参保率为 98%，满意度达到 95.5 ％以上，缴费率到 101.25%")]
    [InlineData("满意度.100.5%，覆盖率.95%，知晓率１００%，合格率 １2.5%")]
    [InlineData("参保率 99.5%，满意度 99 %，覆盖率 100.5 ％")]
    public void A_rate_is_read_as_the_regex_groups_it(string text)
    {
        var matches = Wording.PartOfWhole().Matches(text);
        Assert.NotEmpty(matches);
        foreach (Match m in matches)
        {
            Assert.Equal(m.Groups["v"].Value, Wording.RateOf(m.ValueSpan).ToString());
        }
    }

    [Theory]
    [InlineData("参保率为 98%，满意度达到 100.5 ％以上，缴费率到 101.25%；知晓率１０１%，合格率 ２00.5%")]
    [InlineData("满意度.100.5%，覆盖率为 100%，普及率 100.01%")]
    [InlineData("没有比率")]
    public void The_rates_beyond_a_hundred_are_the_matches_whose_figure_passes_it(string text)
    {
        var oracle = Wording.PartOfWhole().Matches(text)
            .Where(m => decimal.TryParse(m.Groups["v"].Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 100m)
            .Select(m => (m.Index, m.Value, K: m.Groups["k"].Value, V: m.Groups["v"].Value, VAt: m.Groups["v"].Index));
        Assert.Equal(oracle, Wording.RatesOverHundred(text).Select(m => (m.Index, m.Value, K: m.Groups["k"].Value, V: m.Groups["v"].Value, VAt: m.Groups["v"].Index)));
    }

    [SkippableFact]
    public void Every_rate_of_the_samples_is_read_as_the_regex_groups_it()
    {
        var matches = Directory.GetFiles(Paths.RequireSamples(), "*.txt").SelectMany(f => Wording.PartOfWhole().Matches(File.ReadAllText(f))).ToArray();
        Assert.True(matches.Length > 10, "the samples state rates");
        Assert.All(matches, m => Assert.Equal(m.Groups["v"].Value, Wording.RateOf(m.ValueSpan).ToString()));
    }
}
