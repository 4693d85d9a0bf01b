using System.Text.RegularExpressions;

namespace Juesuan.Domain.Model;

/// <summary>
/// The grades of a scoring scale printed in the prose (评分档次): 「分别按照该指标对应分值区间 100%-80%（含）、80%-60%（含）、
/// 60%-0% 合理确定分值」. The reader takes their figures as read (they state a scale, not a quantity); the audit checks that
/// the bands meet end to end within 0–100 %.
/// </summary>
public static partial class ScoringBands
{
    /// <summary>The band lists of <paramref name="text"/> that a scoring word introduces (「区间」「档」「得分」 just before).</summary>
    public static IEnumerable<Match> In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Most texts list no bands: asked first, without making matches.
        return BandList().IsMatch(text) ? Scales(text) : [];
    }

    private static IEnumerable<Match> Scales(string text)
    {
        foreach (Match m in BandList().Matches(text))
        {
            // Only a scale of scores, not any list of ranges (「增幅分别为 5%-8%、6%-9%」).
            if (ScoringWords().IsMatch(text.AsSpan(Math.Max(0, m.Index - 30), Math.Min(30, m.Index))))
            {
                yield return m;
            }
        }
    }

    // Two or more bands 「100%-80%（含）、80%-60%（含）、60%-0%」 (or lowest first), each with its % (a band's first may be left out).
    [GeneratedRegex(@"(?<![0-9.])(?<hi>[0-9]{1,3}(?:\.[0-9]{1,2})?)%?\s*[-－—~～]\s*(?<lo>[0-9]{1,3}(?:\.[0-9]{1,2})?)%(?:\s*[（(]含[)）])?(?:\s*[、，,]\s*(?<hi>[0-9]{1,3}(?:\.[0-9]{1,2})?)%\s*[-－—~～]\s*(?<lo>[0-9]{1,3}(?:\.[0-9]{1,2})?)%(?:\s*[（(]含[)）])?)+")]
    private static partial Regex BandList();

    [GeneratedRegex("区间|档|分值|得分|扣分|评分|评定")]
    private static partial Regex ScoringWords();
}
