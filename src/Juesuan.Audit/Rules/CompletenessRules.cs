using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;

namespace Juesuan.Audit.Rules;

/// <summary>Completeness against the province's template (完整性): tables, empty-table statements, sections, codes.</summary>
internal static class CompletenessRules
{
    public static IEnumerable<Rule> All()
    {
        yield return new DelegateRule(RuleIds.CTables, "模板要求的表均已公开（按表名匹配）", Tables);
        yield return new DelegateRule(RuleIds.CEmptyTable, "空表附有说明，声明为空的表没有数据", EmptyTables);
        yield return new DelegateRule(RuleIds.CSections, "情况说明包含模板要求的各部分", Sections);
        yield return new DelegateRule(RuleIds.CCodes, "科目编码合法、在目录中，名称与目录一致", Codes);
    }

    private static IEnumerable<Finding> Tables(AuditContext c)
    {
        if (c.Year.Kind == DocumentKind.SelfEvaluationReport)
        {
            yield break;
        }

        if (c.Year.Tables.Count == 0)
        {
            // No table at all is one fact, not one per table. Beside a narrative it most often means tables published as
            // images (a warning: they may well be there); with nothing else either, the tables are simply missing.
            yield return new Finding
            {
                Rule = RuleIds.CTables, Severity = c.Year.Narrative.Sections.Count > 0 ? Severity.Warning : Severity.Error, Location = "公开表",
                Message = $"没有读取到任何公开表（{c.Template.Name}要求 {c.Template.Tables.Count} 张）：若表以图片形式公开，请提供文字版或 Excel 以便核对；若确未公开，应补充公开。表内与表间的核对均未进行。",
            };
            yield break;
        }

        foreach (var required in c.Template.Tables.Where(t => c.Table(t.Definition) is null))
        {
            yield return new Finding
            {
                Rule = RuleIds.CTables, Severity = Severity.Error, Table = required.Definition, Location = required.Number ?? required.Title,
                Message = $"缺少{(required.Number is null ? string.Empty : required.Number)}「{required.Title}」（{c.Template.Name}要求公开；无数据时也应公开空表并说明）。",
            };
        }

        foreach (var extra in c.Year.Tables.Where(t => c.Template.Table(t.Definition) is null))
        {
            yield return new Finding
            {
                Rule = RuleIds.CTables, Severity = Severity.Warning, Table = extra.Definition, Location = extra.Title,
                Message = $"「{extra.Title}」不在{c.Template.Name}的表目中，请核对所用模板（当前为 {c.Template.Id}）。",
            };
        }
    }

    private static IEnumerable<Finding> EmptyTables(AuditContext c)
    {
        foreach (var table in c.Year.Tables)
        {
            var name = c.TableName(table.Definition);
            if (table.HasNoData && table.EmptyStatement is null && c.Template.Table(table.Definition) is { MayBeEmpty: true })
            {
                yield return new Finding
                {
                    Rule = RuleIds.CEmptyTable, Severity = Severity.Warning, Table = table.Definition, Location = name,
                    Message = $"{name} 没有数据，但没有说明为空的原因（如「本部门无政府性基金预算财政拨款收支，故本表为空」）。",
                };
            }

            if (!table.HasNoData && table.EmptyStatement is not null)
            {
                yield return new Finding
                {
                    Rule = RuleIds.CEmptyTable, Severity = Severity.Error, Table = table.Definition, Location = name,
                    Message = $"{name} 声明为空表（「{table.EmptyStatement}」），却列有数据。",
                };
            }
        }
    }

    private static IEnumerable<Finding> Sections(AuditContext c)
    {
        if (c.Year.Kind == DocumentKind.SelfEvaluationReport)
        {
            yield break;
        }

        var sections = c.Year.Narrative.Sections;
        if (sections.Count == 0)
        {
            yield return c.Year.Narrative.Claims.Count == 0
                ? new Finding { Rule = RuleIds.CSections, Severity = Severity.Error, Location = "情况说明", Message = "缺少情况说明（第二部分）。" }
                : AuditContext.NotChecked(RuleIds.CSections, "只有陈述、没有各部分标题，无法核对部分是否齐全");
            yield break;
        }

        var printed = sections.Select(s => (s.Key, Title: Template.TitleKey(s.Title))).ToArray();
        foreach (var required in c.Template.Sections.Where(s => s.Required))
        {
            var title = Template.TitleKey(required.Title);
            var present = printed.Any(s => s.Key == required.Key || s.Title.Contains(title, StringComparison.Ordinal) || title.Contains(s.Title, StringComparison.Ordinal));
            if (!present)
            {
                yield return new Finding
                {
                    Rule = RuleIds.CSections, Severity = Severity.Warning, Location = "情况说明",
                    Message = $"情况说明缺少「{required.Number}、{required.Title}」（{c.Template.Name}要求）。",
                };
            }
        }
    }

    private static IEnumerable<Finding> Codes(AuditContext c)
    {
        foreach (var remark in CodeCheck.Check(c.Year, c.Reference.Catalogs))
        {
            var (severity, kind) = remark.Kind switch
            {
                "malformed" => (Severity.Error, FindingKind.Violation),
                "unknown" or "unknown-row" or "unknown-table" => (Severity.Warning, FindingKind.Violation),
                _ => (Severity.Info, FindingKind.Violation),
            };
            yield return new Finding { Rule = RuleIds.CCodes, Severity = severity, Kind = kind, Location = $"{remark.Table} {remark.Row}", Message = remark.Message };
        }
    }
}
