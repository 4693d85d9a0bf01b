using System.Text.RegularExpressions;
using Juesuan.Domain.Catalogs;

namespace Juesuan.Domain.Model;

/// <summary>
/// How organisations' names are compared (机构名称): printed with or without their region (「普陀区医疗保障局」 for
/// 「上海市普陀区医疗保障局」), with the bare level word (「区医疗保障局」), or abbreviated (「区医保局」). A match is
/// always by whole names — one name containing another (「区民政局」 and 「区民」) never matches.
/// </summary>
public static partial class OrganisationNames
{
    /// <summary>A name as compared: no white space, full-width brackets, 「（本级）」 as 「本级」.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CatalogText.NormalizeName(name).Replace("（本级）", "本级", StringComparison.Ordinal);
    }

    /// <summary>The region words a region's name is made of: 「上海市普陀区」 → 上海市, 普陀区; a name that is none is one word.</summary>
    public static IReadOnlyList<string> RegionWords(string regionName)
    {
        var name = Normalize(regionName);
        var words = new List<string>();
        var at = 0;
        while (at < name.Length && RegionName().Match(name, at) is { Success: true } m && m.Index == at)
        {
            words.Add(m.Value);
            at += m.Length;
        }

        return at == name.Length && words.Count > 0 ? words : [name];
    }

    /// <summary>The region words a name begins with, when it begins with any (for an organisation not placed under a region).</summary>
    public static IReadOnlyList<string> LeadingRegionWords(string name)
    {
        var text = Normalize(name);
        var words = new List<string>();
        var at = 0;
        while (RegionWord().Match(text, at) is { Success: true } m && m.Index == at && m.Length < text.Length - at)
        {
            words.Add(m.Value);
            at += m.Length;
        }

        return words;
    }

    /// <summary>
    /// The name without the region words it begins with, taken from <paramref name="chain"/> (an organisation's regions,
    /// widest first) as one unbroken run; <c>EndsChain</c> says the run ended with the narrowest region (「普陀区…」 or
    /// 「上海市普陀区…」 under 上海市 → 普陀区, not 「上海市…」; a name beginning with that region's level word only, 「区…」,
    /// ends it too).
    /// </summary>
    public static (string Core, bool Dropped, bool EndsChain) Strip(string name, IReadOnlyList<string> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var text = Normalize(name);

        // The chain's words in its order, any skipped (「四川省渠县…」 under 四川省 → 达州市 → 渠县).
        var at = 0;
        var last = -1;
        for (var next = 0; next < chain.Count; next++)
        {
            if (text.AsSpan(at).StartsWith(chain[next], StringComparison.Ordinal) && text.Length - at > chain[next].Length)
            {
                at += chain[next].Length;
                last = next;
            }
        }

        if (at > 0)
        {
            return (text[at..], true, last == chain.Count - 1);
        }

        if (chain.Count > 0 && LevelWord().Match(chain[^1]) is { Success: true } level && text.Length > level.Length && text.StartsWith(level.Value, StringComparison.Ordinal))
        {
            return (text[level.Length..], true, true);
        }

        return (text, false, false);
    }

    /// <summary>
    /// True when <paramref name="shortName"/> can be an abbreviation of <paramref name="fullName"/>: its characters appear in
    /// the full name in order, first and last included (「区医保局」 of 「上海市普陀区医疗保障局」; not 「区民政局」).
    /// </summary>
    public static bool Abbreviates(string shortName, string fullName)
    {
        var s = Normalize(shortName);
        var f = Normalize(fullName);
        if (s.Length == 0 || s.Length > f.Length || s[^1] != f[^1])
        {
            return false;
        }

        var at = 0;
        foreach (var c in s)
        {
            at = f.IndexOf(c, at);
            if (at < 0)
            {
                return false;
            }

            at++;
        }

        return true;
    }

    /// <summary>
    /// Where a file's name says something its content does not (文件名与内容不符): a year, when it gives years and none is the
    /// report's; an organisation name that abbreviates none of <paramref name="names"/> (the department, its units, the
    /// organisation it was filed under) and is abbreviated by none of them.
    /// </summary>
    public static IEnumerable<string> FileNameMismatches(string fileName, int year, string department, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var file = Path.GetFileName(fileName ?? string.Empty);
        if (YearsInFileName(file) is { Count: > 0 } years && !years.Contains(year))
        {
            yield return $"文件名「{file}」中的年度（{string.Join("、", years)}）与报告内容的年度（{year}）不符。";
        }

        // Whole names only (what the document is called is taken off their front: 「部门决算区医保局」 is 区医保局): a name's
        // generic ending (医疗保障局) abbreviates every bureau of its kind and says nothing.
        var known = names.Prepend(department).ToList();
        if (InFileName(file).FirstOrDefault(n => !known.Any(full => Abbreviates(n, full) || Abbreviates(full, n))) is { } other)
        {
            yield return $"文件名「{file}」写的是「{other}」，报告内容是「{department}」的。";
        }
    }

    /// <summary>The organisation names a file's name contains (「区医保局2024年决算」 → 区医保局), longest first.</summary>
    public static IReadOnlyList<string> InFileName(string fileName)
    {
        // What the file says of the document (年度, 部门决算, 公开 …) separates names, never belongs to one.
        var stem = DocumentTitle().Replace(Normalize(Path.GetFileNameWithoutExtension(fileName ?? string.Empty)), " ");
        return [.. OrganisationWord().Matches(stem).Select(m => DocumentWords().Replace(m.Value, string.Empty)).Where(n => n.Length >= 3).Distinct().OrderByDescending(n => n.Length)];
    }

    /// <summary>The years a file's name gives (「2024年度决算」 → 2024).</summary>
    public static IReadOnlyList<int> YearsInFileName(string fileName) =>
        [.. FileYear().Matches(Path.GetFileNameWithoutExtension(fileName ?? string.Empty)).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct()];

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,9}?(?:特别行政区|自治区|自治州|自治县|地区|新区|省|市|州|盟|区|县|旗)(?:市|区|县)?")]
    private static partial Regex RegionWord();

    // In a region's own name a one-character place is a word too (陇县, 沛县).
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,9}?(?:特别行政区|自治区|自治州|自治县|地区|新区|省|市|州|盟|区|县|旗)(?:市|区|县)?|\p{IsCJKUnifiedIdeographs}(?:县|区|旗)")]
    private static partial Regex RegionName();

    [GeneratedRegex(@"(?:自治县|新区|市|区|县|旗)$")]
    private static partial Regex LevelWord();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,40}?(?:委员会|办公室|管理局|局|委|办|中心|院|所|站|馆|队|厅|部|处|会|大学|学院|学校|医院)(?:本级|机关)?")]
    private static partial Regex OrganisationWord();

    [GeneratedRegex(@"年度|(?:部门|单位)?(?:决算|预算)|公开|关于|整体支出|绩效|自评|报告|附件")]
    private static partial Regex DocumentTitle();

    // What a file name says of the document before the organisation's name (「2024年度部门决算区医保局」).
    [GeneratedRegex(@"^(?:年度|年|度|部门|单位|决算|预算|公开|关于|的|整体|绩效|自评|报告)+")]
    private static partial Regex DocumentWords();

    [GeneratedRegex(@"(?<!\d)20\d\d(?!\d)")]
    private static partial Regex FileYear();
}
