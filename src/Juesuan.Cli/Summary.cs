using System.Text;
using Juesuan.Domain.Model;

namespace Juesuan.Cli;

/// <summary>The summary `import` prints: what was found in an input.</summary>
internal static class Summary
{
    public static string Describe(DepartmentYear year, string source, Domain.Reference.ReferenceData reference)
    {
        var sb = new StringBuilder();
        var template = reference.TemplateOf(year);
        sb.AppendLine($"已读取 {source}");
        sb.AppendLine($"部门：{year.Department.Name}{(year.Department.Province is null ? string.Empty : "（" + year.Department.Province + "）")}　年度：{year.Year}　模板：{template.Id} {template.Name}");
        var hq = year.Units.Count(u => u.Kind == OrgUnitKind.Headquarters);
        sb.AppendLine($"单位：{year.Units.Count} 个（本级 {hq}，二级 {year.Units.Count - hq}）{(year.Units.Count == 0 ? string.Empty : "：" + string.Join("、", year.Units.Select(u => u.Name)))}");
        sb.AppendLine($"表：{year.Tables.Count} 张");
        foreach (var table in year.Tables)
        {
            var state = table.EmptyStatement is not null ? "空表（已说明）" : $"{table.Rows.Count} 行";
            sb.AppendLine($"  {table.Number ?? template.Table(table.Definition)?.Number ?? "-"} {table.Title}：{state}");
        }

        var missing = template.Tables.Where(t => year.Table(t.Definition) is null).Select(t => t.Title).ToArray();
        if (missing.Length > 0)
        {
            sb.AppendLine($"  模板要求而未提供的表：{string.Join("、", missing)}");
        }

        var narrative = year.Narrative;
        sb.AppendLine($"情况说明：{narrative.Sections.Count} 节，可核对的陈述 {narrative.Claims.Count} 条，未归属的数字 {narrative.UnattachedFigures.Count} 个");
        // The figures no statement took, each with its sentence, so a reviewer sees what was not read (at most 20 here;
        // `import -o` keeps them all).
        foreach (var figure in narrative.UnattachedFigures.Take(20))
        {
            sb.AppendLine("  未归属：" + (figure.Length > 120 ? figure[..119] + "…" : figure));
        }

        if (narrative.UnattachedFigures.Count > 20)
        {
            sb.AppendLine($"  ……另有 {narrative.UnattachedFigures.Count - 20} 个，见 import -o 输出的 unattachedFigures");
        }
        sb.AppendLine($"上年数与预算数：{year.References.Count} 个");
        var departments = year.Evaluations.Count(e => e.Kind == EvaluationKind.Department);
        sb.AppendLine($"绩效自评表：{year.Evaluations.Count} 张（部门整体 {departments}，项目 {year.Evaluations.Count - departments}）");
        var remarks = CodeCheck.Check(year, reference.Catalogs);
        sb.AppendLine(remarks.Count == 0 ? "科目编码：均在目录中" : $"科目编码提示：{remarks.Count} 条");
        foreach (var remark in remarks.Take(20))
        {
            sb.AppendLine("  " + remark.Message);
        }

        return sb.ToString();
    }
}
