using System.Text.RegularExpressions;
using Juesuan.Domain.Model;

namespace Juesuan.Import.Text;

/// <summary>
/// 部门决算单位构成: the units a report says its final accounts include, as each template words them — a numbered list
/// (「1 陇县医疗保障局（本级）」, 「1. 渠县医疗保障事务中心」, or the number on a line of its own above the name in a PDF),
/// a sentence (「学校部门决算反映西南大学本级、西南大学附属中学、西南大学附属小学的经费收支情况」, 「包括：本级决算，无二级决算部门」,
/// 「本单位作为镇安县医疗保障局机关（本级）编制」), and the counts it states (「单位共 3 个，包括本级及所属 2 个二级预算单位」).
/// </summary>
internal static partial class UnitReader
{
    private const int MaxBodyLines = 40;

    public static (IReadOnlyList<OrgUnit> Units, UnitComposition? Composition) Read(IReadOnlyList<ReportLine> lines, string department, string file)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var compact = Compact(lines[i].Text);
            var heading = compact.Length <= 24 && compact.Contains("单位构成", StringComparison.Ordinal) && !compact.Contains('。', StringComparison.Ordinal) && !ReportText.IsContentsEntry(lines[i].Text);
            var sentence = OpeningSentence().IsMatch(compact);
            if (!heading && !sentence)
            {
                continue;
            }

            var body = Body(lines, sentence ? i : i + 1);
            var text = string.Concat(body.Select(b => Compact(b.Text)));
            // A 目录 entry is followed by the next entry, not by what the units are.
            if (!Substance().IsMatch(text))
            {
                continue;
            }

            var units = Listed(body, department);
            if (units.Count == 0)
            {
                units = Worded(text, department);
            }

            // An opening sentence may follow the counts (「下属二级预算单位 2 个，…。纳入…编制范围的二级预算单位包括：」).
            var counted = sentence ? string.Concat(Before(lines, i).Select(b => Compact(b.Text))) + text : text;
            var subordinates = NoSubordinates().IsMatch(counted) ? 0 : Number(Subordinates().Match(counted));
            var composition = new UnitComposition { StatedUnits = Number(Count().Match(counted)), StatedSubordinates = subordinates, Text = text, Source = lines[i].At(file) };
            return (units, composition);
        }

        return ([], null);
    }

    // The lines of the paragraph before a line, back to a heading.
    private static IEnumerable<ReportLine> Before(IReadOnlyList<ReportLine> lines, int at)
    {
        var before = new List<ReportLine>();
        for (var j = at - 1; j >= 0 && before.Count < 4; j--)
        {
            var compact = Compact(lines[j].Text);
            if (compact.Length == 0)
            {
                continue;
            }

            if (NextHeading().IsMatch(compact))
            {
                break;
            }

            before.Insert(0, lines[j]);
        }

        return before;
    }

    private static List<ReportLine> Body(IReadOnlyList<ReportLine> lines, int from)
    {
        var body = new List<ReportLine>();
        for (var j = from; j < lines.Count && body.Count < MaxBodyLines; j++)
        {
            var compact = Compact(lines[j].Text);
            if (compact.Length == 0)
            {
                continue;
            }

            if (j > from && NextHeading().IsMatch(compact))
            {
                break;
            }

            body.Add(lines[j]);
        }

        return body;
    }

    // The numbered entries of a list; a number alone on its line names the line after it (a PDF's table cells).
    private static List<OrgUnit> Listed(List<ReportLine> body, string department)
    {
        var units = new List<OrgUnit>();
        for (var k = 0; k < body.Count; k++)
        {
            var text = body[k].Text.Trim();
            string? name = null;
            if (Entry().Match(text) is { Success: true } m)
            {
                name = m.Groups["name"].Value;
            }
            else if (text.All(char.IsAsciiDigit) && text.Length <= 2 && k + 1 < body.Count && Entry().Match("1 " + body[k + 1].Text.Trim()) is { Success: true } next)
            {
                name = next.Groups["name"].Value;
                k++;
            }

            if (name is not null)
            {
                units.Add(Unit(name, department));
            }
        }

        return units;
    }

    // 「…反映西南大学本级、西南大学附属中学、西南大学附属小学的经费收支情况」; 「…包括：本级决算，无二级决算部门」;
    // 「本单位作为镇安县医疗保障局机关（本级）编制…」.
    private static List<OrgUnit> Worded(string text, string department)
    {
        if (Reflects().Match(text) is { Success: true } m)
        {
            return [.. m.Groups["list"].Value.Split('、').Where(n => n.Length >= 2).Select(n => Unit(n, department))];
        }

        return NoSubordinates().IsMatch(text) || HeadquartersOnly().IsMatch(text) ? [new OrgUnit { Name = department, Kind = OrgUnitKind.Headquarters }] : [];
    }

    private static OrgUnit Unit(string printed, string department)
    {
        var name = HeadquartersMark().Replace(printed, string.Empty).Trim();
        var headquarters = HeadquartersMark().IsMatch(printed) || Compact(name) == Compact(department);
        return new OrgUnit { Name = name.Length > 0 ? name : department, Kind = headquarters ? OrgUnitKind.Headquarters : OrgUnitKind.Subordinate };
    }

    private static int? Number(Match m) => m.Success ? Domain.Numbers.Printed.Integer(m.Groups["n"].Value) : null;

    private static string Compact(string text) => Formats.PrintedText.ChinesePunctuation(ReportText.Compact(text));

    [GeneratedRegex(@"^从(?:决算|预算)?单位构成看|^纳入.{0,40}决算编制范围的")]
    private static partial Regex OpeningSentence();

    [GeneratedRegex("编制范围|包括|反映|本级")]
    private static partial Regex Substance();

    // The next part or section: 「三、部门人员情况」, 「（三）…」, 「第二部分 …」, or a table's title.
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)|决算表$|^表\s*\d")]
    private static partial Regex NextHeading();

    // 「1 陇县医疗保障局（本级）」, 「2. 渠县医疗保障事务中心」, 「3 上海市普陀区国库收付中心 预算不单列，并入本级」.
    [GeneratedRegex(@"^\d{1,2}\s*[.、．]?\s*(?<name>[\u4e00-\u9fff][\u4e00-\u9fff（）()]{3,40}?(?:[（(]本级[)）])?)(?:\s+.*)?$")]
    private static partial Regex Entry();

    [GeneratedRegex(@"反映(?<list>[^，。；：]{2,200}?)的(?:经费)?收支")]
    private static partial Regex Reflects();

    [GeneratedRegex(@"[（(]?本级[)）]?$|[（(]本级[)）]")]
    private static partial Regex HeadquartersMark();

    [GeneratedRegex(@"无(?:所属)?二级(?:预算)?(?:决算)?(?:单位|部门)")]
    private static partial Regex NoSubordinates();

    [GeneratedRegex(@"[（(]本级[)）]编制")]
    private static partial Regex HeadquartersOnly();

    // 「单位共 3 个」, 「共有 3 个单位」.
    // Not 「二级单位共 2 个」, 「下属单位共 2 个」, 「事业单位共 1 个」: those count some of the units, not all.
    [GeneratedRegex(@"(?<![级属政业])单位共(?:有)?(?<n>\d{1,3})个|共(?:有)?(?<n>\d{1,3})个(?:预算)?单位")]
    private static partial Regex Count();

    // 「所属 2 个二级预算单位」, 「下属二级单位 2 个」.
    [GeneratedRegex(@"(?:所属|下属)(?<n>\d{1,3})个二级|(?:所属|下属)?二级(?:预算)?单位共?(?<n>\d{1,3})个")]
    private static partial Regex Subordinates();
}
