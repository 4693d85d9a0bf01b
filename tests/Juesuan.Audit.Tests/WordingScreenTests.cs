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
        var slipped = lines.Select(line => DecimalFigure.Replace(line, "$0.5", 1));
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

    [SkippableFact]
    public void The_placeholder_screen_never_rules_out_a_placeholder_in_the_samples()
    {
        // Each line as printed, and with each kind of leftover put in its middle.
        string[] leftovers = ["XX", "ＸＸ万元", "××", "某某单位", "＿＿", "___", "＊＊", "？？", "增加（减少）", "下降(增长、持平)", "大于/小于", "高于／低于", "节约（超支）", "【】", "【 】", "【单位名称】"];
        var lines = Directory.GetFiles(Paths.RequireSamples(), "*.txt").SelectMany(File.ReadAllLines).ToArray();
        var texts = lines.Concat(lines.SelectMany((line, i) => new[] { line.Insert(line.Length / 2, leftovers[i % leftovers.Length]) }));
        var (narrative, label) = AssertPlaceholderScreen(texts);
        Assert.True(narrative > lines.Length / 2 && label > lines.Length / 2, $"{narrative} and {label} texts with placeholders");
    }

    [Fact]
    public void The_placeholder_screen_never_rules_out_a_placeholder_in_random_texts()
    {
        string[] pieces = ["X", "Ｘ", "×", "✕", "某", "＿", "_", "＊", "？", "【", "】", "增加", "减少", "增长", "下降", "上升", "大于", "小于", "高于", "低于", "超支", "节约",
            "（", "(", "）", ")", "/", "／", "、", "持平", "负责人", "：", " ", "年", "月", "支出", "（类）", "a"];
        var random = new Random(1202);
        var texts = Enumerable.Range(0, 200_000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => pieces[random.Next(pieces.Length)]))).ToArray();
        var (narrative, label) = AssertPlaceholderScreen(texts);
        Assert.True(narrative > 5_000 && label > 5_000, $"{narrative} and {label} texts with placeholders");

        // The screen does rule out: texts with brackets and slashes but no choice of the template.
        Assert.False(Wording.LeftoverPossible("卫生健康支出（类）医疗保障管理事务（款）行政运行（项）1/3"));
    }

    [Fact]
    public void The_placeholder_screen_lets_through_every_choice_of_the_template()
    {
        // Every either-or choice of Wording.Leftovers, in brackets of both widths (with 「、持平」 or not) and with slashes of
        // both widths, inside a sentence: each is a placeholder, and none may be screened out.
        string[] bracketed = ["增加", "减少", "减少", "增加", "增长", "下降", "下降", "增长", "上升", "下降", "大于", "小于", "小于", "大于", "高于", "低于", "低于", "高于", "超支", "节约", "节约", "超支"];
        string[] slashed = ["增加", "减少", "减少", "增加", "增长", "下降", "下降", "增长", "大于", "小于", "小于", "大于", "高于", "低于"];
        var texts = new List<string>();
        for (var i = 0; i < bracketed.Length; i += 2)
        {
            foreach (var (open, close) in new[] { ("（", "）"), ("(", ")"), ("（", ")"), ("(", "）") })
            {
                foreach (var rest in new[] { string.Empty, "、持平", "，持平", "/持平", "／持平" })
                {
                    texts.Add($"本年支出{bracketed[i]}{open}{bracketed[i + 1]}{rest}{close} 12.00 万元。");
                }
            }
        }

        for (var i = 0; i < slashed.Length; i += 2)
        {
            texts.Add($"本年支出{slashed[i]}/{slashed[i + 1]} 12.00 万元。");
            texts.Add($"本年支出{slashed[i]}／{slashed[i + 1]} 12.00 万元。");
        }

        var (narrative, label) = AssertPlaceholderScreen(texts);
        Assert.Equal(texts.Count, narrative);
        Assert.Equal(texts.Count, label);
    }

    private static (int Narrative, int Label) AssertPlaceholderScreen(IEnumerable<string> texts)
    {
        var (narrative, label) = (0, 0);
        foreach (var text in texts)
        {
            var (n, l) = (NarrativeRules.Placeholder().IsMatch(text), LabelRules.Placeholder().IsMatch(text));
            narrative += n ? 1 : 0;
            label += l ? 1 : 0;
            if (n || l)
            {
                Assert.True(Wording.LeftoverPossible(text), $"a placeholder ruled out in 「{text}」");
            }
        }

        return (narrative, label);
    }

    private static readonly System.Text.RegularExpressions.Regex DecimalFigure = new(@"[0-9]+\.[0-9]+");

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
