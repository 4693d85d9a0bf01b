using System.Text.RegularExpressions;
using Juesuan.Audit.Rules;
using Juesuan.TestSupport;

namespace Juesuan.Audit.Tests;

/// <summary>
/// N.REPEATED_WORD finds a doubled two-character word by hand: it must find what the regex it replaced finds, on every
/// sample text and on made-up texts built to trip it (overlaps, runs, mixed scripts, the block's edges).
/// </summary>
public class DoubledPairsTests
{
    private static readonly Regex Oracle = new(@"(?<w>[\p{IsCJKUnifiedIdeographs}]{2})\k<w>");

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
    public void Finds_what_the_regex_finds(string text) =>
        Assert.Equal(Oracle.Matches(text).Select(m => m.Index), Wording.DoubledPairs(text));

    [Fact]
    public void Finds_what_the_regex_finds_in_every_sample_and_in_random_texts()
    {
        var samples = Paths.RequireSamples();
        foreach (var file in Directory.GetFiles(samples, "*.txt"))
        {
            var text = File.ReadAllText(file);
            Assert.Equal(Oracle.Matches(text).Select(m => m.Index), Wording.DoubledPairs(text));
        }

        // Texts of a few characters, so that doubles, runs and overlaps are common.
        var random = new Random(19);
        const string alphabet = "参保一丁a1，龥〇";
        for (var n = 0; n < 5000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.Equal(Oracle.Matches(text).Select(m => m.Index), Wording.DoubledPairs(text));
        }
    }
}
