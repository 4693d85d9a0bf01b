using System.Text.RegularExpressions;
using Juesuan.Domain.Model;

namespace Juesuan.Audit.Rules;

/// <summary>
/// 部门与单位 (issue 13, item 2): the counts 部门决算单位构成 states against the units it lists, and the wording of a
/// department's narrative — the final accounts of a department with subordinate units are the department's (本部门), not
/// one unit's (本单位).
/// </summary>
internal static partial class UnitRules
{
    public static IEnumerable<Finding> Counts(AuditContext c)
    {
        if (c.Year.Composition is not { } composition)
        {
            yield break;
        }

        var where = composition.Source?.Describe() ?? "部门决算单位构成";
        var units = c.Year.Units;
        var listedSubordinates = units.Count(u => u.Kind == OrgUnitKind.Subordinate);
        // A list of the subordinate units alone leaves the department's own (本级) unsaid; it is one of the units all the same.
        var listedUnits = units.Count + (units.Any(u => u.Kind == OrgUnitKind.Headquarters) ? 0 : 1);
        var listed = units.Count > 0 ? $"所列单位为 {string.Join("、", units.Select(u => u.Name))}" : null;

        Finding Error(string message, int expected, int actual) => new()
        {
            Rule = RuleIds.DUnits, Severity = Severity.Error, Location = where, Message = message,
            Expected = expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Actual = actual.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Figures = [new FindingFigure(actual.ToString(System.Globalization.CultureInfo.InvariantCulture), where, "单位个数", AuditContext.Locate(composition.Source) with { Sentence = composition.Text })],
        };

        if (composition.StatedUnits is { } stated && listed is not null && stated != listedUnits)
        {
            yield return Error($"部门决算单位构成写「单位共 {stated} 个」，{listed}，共 {listedUnits} 个（含本级）。", listedUnits, stated);
        }

        if (composition.StatedSubordinates is { } subordinates && listed is not null && subordinates != listedSubordinates)
        {
            yield return Error($"部门决算单位构成写所属二级单位 {subordinates} 个，{listed}，其中二级单位 {listedSubordinates} 个。", listedSubordinates, subordinates);
        }

        // Without a list the two counts are checked against each other (with one, against the list, said once above).
        if (listed is null && composition.StatedUnits is { } all && composition.StatedSubordinates is { } some && all != some + 1)
        {
            yield return Error($"部门决算单位构成写单位共 {all} 个、所属二级单位 {some} 个：本级加二级单位应为 {some + 1} 个。", some + 1, all);
        }
    }

    public static IEnumerable<Finding> Scope(AuditContext c)
    {
        var subordinates = c.Year.Units.Where(u => u.Kind == OrgUnitKind.Subordinate).Select(u => u.Name).ToArray();
        var count = Math.Max(subordinates.Length, c.Year.Composition?.StatedSubordinates ?? 0);
        if (count == 0)
        {
            yield break;
        }

        var named = subordinates.Length > 0 ? $"（{string.Join("、", subordinates)}）" : string.Empty;
        // One finding a section or passage, with every place it says so: the slip is one habit of the writer, not many defects.
        // Dated sentences are labels (「截至 2022 年底，本部门人员编制 26 人」), read here as the prose they are.
        // One inside a section is the section's, said there already.
        var prose = c.AllProse().ToArray();
        var dated = c.Year.Labels.Where(l => l.Kind == LabelKind.Date)
            .Select(l => Prose.Printed(l.Text.Replace(" ", string.Empty, StringComparison.Ordinal), l.Source))
            .Where(d => !prose.Any(p => p.Text.Contains(d.Text, StringComparison.Ordinal)));
        foreach (var text in prose.Concat(dated))
        {
            // Most texts have none: asked first without making matches.
            if (!OneUnit().IsMatch(text.Text))
            {
                continue;
            }

            var places = OneUnit().Matches(text.Text).Select(m => (m.Value, At: text.At(m.Index, m.Value))).ToArray();

            var first = places[0];
            var times = places.Length == 1 ? string.Empty : $" {places.Length} 处";
            yield return new Finding
            {
                Rule = RuleIds.NScope, Severity = Severity.Warning, Location = text.Where,
                Message = $"本部门决算包括本级和 {count} 个二级单位{named}，{text.Where}却{times}称「{first.Value}」（「{AuditContext.Excerpt(first.At.Sentence, 50)}」）——部门决算的说明应称「本部门」；确指本级单位时请写明单位名称。",
                Actual = first.Value, Expected = "本部门",
                Figures = [.. places.Select(p => new FindingFigure(p.Value, text.Where, "叙述", p.At))],
            };
        }
    }

    // 「本单位」, and 「我单位」 which means the same; not inside 「本单位（本级）」-like names of the 本级 unit.
    [GeneratedRegex(@"[本我]单位(?![（(]本级)")]
    private static partial Regex OneUnit();
}
