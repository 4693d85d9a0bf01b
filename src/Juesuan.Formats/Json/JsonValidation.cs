using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;

namespace Juesuan.Formats.Json;

/// <summary>
/// Checks a deserialised department-year for what the JSON shape cannot express: a plausible year, a known template,
/// known table definitions and column keys, unique row keys, valid codes. Errors reject the file; warnings keep it.
/// </summary>
internal static class JsonValidation
{
    public static (List<JsonIssue> Errors, List<JsonIssue> Warnings) Validate(DepartmentYear year, TemplateSet templates)
    {
        var errors = new List<JsonIssue>();
        var warnings = new List<JsonIssue>();
        if (string.IsNullOrWhiteSpace(year.Department.Name))
        {
            errors.Add(new JsonIssue("$.department.name", "部门名称为空"));
        }

        if (year.Year is < 2000 or > 2100)
        {
            errors.Add(new JsonIssue("$.year", $"年度 {year.Year} 不合理（应在 2000–2100 之间）"));
        }

        if (templates.Find(year.TemplateId) is null)
        {
            errors.Add(new JsonIssue("$.templateId", $"未知模板「{year.TemplateId}」，可用：{string.Join("、", templates.Templates.Keys.Order())}"));
        }

        CheckTables(year.Tables, "$.tables", templates, errors, warnings);
        for (var u = 0; u < year.Units.Count; u++)
        {
            CheckTables(year.Units[u].Tables, $"$.units[{u}].tables", templates, errors, warnings);
        }

        foreach (var remark in CodeCheck.Check(year).Where(r => r.Kind != "unknown-table"))
        {
            warnings.Add(new JsonIssue($"{remark.Table} {remark.Row}", remark.Message));
        }

        return (errors, warnings);
    }

    private static void CheckTables(IReadOnlyList<StatedTable> tables, string path, TemplateSet templates, List<JsonIssue> errors, List<JsonIssue> warnings)
    {
        var seen = new HashSet<string>();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var tablePath = $"{path}[{t}]";
            if (!templates.Definitions.TryGetValue(table.Definition, out var definition))
            {
                errors.Add(new JsonIssue(tablePath + ".definition", $"未知的表定义「{table.Definition}」，可用：{string.Join("、", templates.Definitions.Keys.Order())}"));
                continue;
            }

            if (!seen.Add(table.Definition))
            {
                errors.Add(new JsonIssue(tablePath + ".definition", $"表「{table.Title}」重复出现"));
            }

            if (table.Rows.Count > ImportLimits.Current.TableRows)
            {
                errors.Add(new JsonIssue(tablePath + ".rows", $"{table.Title} 有 {table.Rows.Count} 行，超过上限 {ImportLimits.Current.TableRows}（JUESUAN_LIMIT_TABLE_ROWS）"));
                continue;
            }

            var rowKeys = new HashSet<string>();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var rowPath = $"{tablePath}.rows[{r}]";
                if (!rowKeys.Add(row.Key))
                {
                    errors.Add(new JsonIssue(rowPath + ".key", $"{table.Title} 的行「{row.Key}」重复出现"));
                }

                var columns = new HashSet<string>();
                for (var c = 0; c < row.Cells.Count; c++)
                {
                    var cell = row.Cells[c];
                    if (!columns.Add(cell.Column))
                    {
                        errors.Add(new JsonIssue($"{rowPath}.cells[{c}].column", $"{table.Title} 行「{row.Key}」的栏「{cell.Column}」重复出现"));
                    }

                    if (definition.Column(cell.Column) is null)
                    {
                        warnings.Add(new JsonIssue($"{rowPath}.cells[{c}].column",
                            $"{table.Title} 没有栏「{cell.Column}」（已保留；可用：{string.Join("、", definition.Columns.Select(x => x.Key))}）"));
                    }
                }
            }
        }
    }
}
