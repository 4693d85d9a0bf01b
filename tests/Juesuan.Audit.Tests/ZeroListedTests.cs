using System.Text.RegularExpressions;
using Juesuan.Audit.Rules;
using Juesuan.Domain.Catalogs;
using Juesuan.TestSupport;

namespace Juesuan.Audit.Tests;

/// <summary>
/// N.ZERO_LISTED reads a list's items off the pattern's matches in place (<see cref="ZeroListed.ItemsOf"/>) and compares
/// names without normalising copies (<see cref="CatalogText.SameName"/>): both must answer as the regex's group and
/// <see cref="CatalogText.NormalizeName"/> do.
/// </summary>
public class ZeroListedTests
{
    [Theory]
    [InlineData("公用经费主要包括办公费、电费、差旅费。")]
    [InlineData("主要用于：办公费、印刷费；其他包括:水费。")]
    [InlineData("包括：差。主要包括：费。用于:甲乙")]
    [InlineData("包括：：办公费")]
    public void A_lists_items_are_where_the_pattern_puts_them(string text)
    {
        var matches = ZeroListed.Listing().Matches(text);
        Assert.NotEmpty(matches);
        foreach (Match m in matches)
        {
            var (start, length) = ZeroListed.ItemsOf(m.ValueSpan);
            Assert.Equal((m.Groups["items"].Index, m.Groups["items"].Length), (m.Index + start, length));
        }
    }

    [SkippableFact]
    public void Every_list_of_the_samples_has_its_items_where_the_pattern_puts_them()
    {
        var matches = Directory.GetFiles(Paths.RequireSamples(), "*.txt").SelectMany(f => ZeroListed.Listing().Matches(File.ReadAllText(f))).ToArray();
        Assert.True(matches.Length > 10, "the samples list kinds of spending");
        Assert.All(matches, m => Assert.Equal((m.Groups["items"].Index - m.Index, m.Groups["items"].Length), ZeroListed.ItemsOf(m.ValueSpan)));
    }

    [Fact]
    public void Two_names_are_the_same_exactly_when_their_normal_forms_are()
    {
        // Random names over the characters normalising changes (spaces, brackets of both widths) and a few others.
        var random = new Random(19);
        const string alphabet = " \t　()（）费办公a";
        string Name() => new([.. Enumerable.Range(0, random.Next(0, 7)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var same = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b) = (Name(), Name());
            var expected = CatalogText.NormalizeName(a) == CatalogText.NormalizeName(b);
            same += expected ? 1 : 0;
            Assert.True(expected == CatalogText.SameName(a, b), $"「{a}」 and 「{b}」");
        }

        Assert.True(same > 500, "the random names include equal ones");
    }
}
