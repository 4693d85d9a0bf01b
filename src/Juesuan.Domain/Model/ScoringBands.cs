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
        // Most texts list no bands: asked first, without making matches — and first of all without the regex, which tries
        // every figure of the text.
        return BandPossible(text) && BandList().IsMatch(text) ? Scales(text) : [];
    }

    private static readonly System.Buffers.SearchValues<char> Dashes = System.Buffers.SearchValues.Create("-－—~～");

    /// <summary>
    /// False only when <see cref="BandList"/> cannot match: it needs a dash (<c>[-－—~～]</c>) with a digit 0–9 before it
    /// (past white space and a %) and after it (past white space); <c>\s</c> is <see cref="char.IsWhiteSpace(char)"/>.
    /// </summary>
    internal static bool BandPossible(string text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAny(Dashes); i >= 0; i = span[(i + 1)..].IndexOfAny(Dashes) is var next and >= 0 ? i + 1 + next : -1)
        {
            var j = i - 1;
            while (j >= 0 && char.IsWhiteSpace(span[j]))
            {
                j--;
            }

            j -= j >= 0 && span[j] == '%' ? 1 : 0;
            var k = i + 1;
            while (k < span.Length && char.IsWhiteSpace(span[k]))
            {
                k++;
            }

            if (j >= 0 && char.IsAsciiDigit(span[j]) && k < span.Length && char.IsAsciiDigit(span[k]))
            {
                return true;
            }
        }

        return false;
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
    internal static partial Regex BandList();

    [GeneratedRegex("区间|档|分值|得分|扣分|评分|评定")]
    private static partial Regex ScoringWords();
}
