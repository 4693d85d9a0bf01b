using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Codes;
using Juesuan.Domain.Templates;

namespace Juesuan.Domain.Model;

/// <summary>A remark about a code in a table: malformed, unknown to the catalog, or printed with another name.</summary>
/// <param name="Table">Table title or number.</param>
/// <param name="Row">Row key (the code as stated).</param>
/// <param name="Message">Chinese message.</param>
/// <param name="Kind">malformed, unknown or name.</param>
public sealed record CodeRemark(string Table, string Row, string Message, string Kind);

/// <summary>
/// Checks the classification codes of a department-year's tables against the catalogs of its year. Unknown codes are
/// kept in the model and reported here, never dropped.
/// </summary>
public static class CodeCheck
{
    /// <summary>
    /// Every remark on the codes of <paramref name="year"/>'s tables (department and units), against the catalogue
    /// editions of <paramref name="catalogs"/> (the embedded ones when none are given).
    /// </summary>
    public static IReadOnlyList<CodeRemark> Check(DepartmentYear year, CatalogSet? catalogs = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        catalogs ??= CatalogSet.Embedded;
        var functions = catalogs.Function(year.Year);
        var economics = catalogs.Economic(year.Year);
        var remarks = new List<CodeRemark>();
        // Units repeat the department's codes: each (table, code, printed name) is reported once. A row's verdict depends on
        // those three alone, so only the rows remarked on are remembered — a set of every row was ≈ 7 KB an audit, and
        // hashing three strings costs what checking the code again does.
        HashSet<(string, string, string?)>? remarked = null;
        foreach (var table in year.Tables.Concat(year.Units.SelectMany(u => u.Tables)))
        {
            if (!TemplateLibrary.Definitions.TryGetValue(table.Definition, out var definition))
            {
                remarks.Add(new CodeRemark(table.Title, "-", $"未知的表定义「{table.Definition}」", "unknown-table"));
                continue;
            }

            var name = table.Number ?? table.Title;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (definition.Row(row.Key) is not null || row.Key == FactIndex.TotalRowKey)
                {
                    continue;
                }

                var (valid, catalog) = definition.RowKind switch
                {
                    RowKind.Functional => (FunctionCode.Parse(row.Key).Success, functions),
                    RowKind.Economic => (EconomicCode.Parse(row.Key).Success, economics),
                    _ => (false, (Catalog?)null),
                };
                var remark = catalog is null ? new CodeRemark(name, row.Key, $"{name} 不应有行「{row.Key}」（该表只有固定行）", "unknown-row")
                    : !valid ? new CodeRemark(name, row.Key, $"{name} 行「{row.Key}」不是合法的科目编码", "malformed")
                    : catalog.Find(row.Key) is not { } entry ? new CodeRemark(name, row.Key, $"{name} 科目「{row.Key} {row.Label}」不在 {catalog.Edition} 年版科目目录中（已保留）", "unknown")
                    : row.Label is not null && !catalog.HasName(entry.Code, row.Label, allowTruncation: true) ? new CodeRemark(name, row.Key, $"{name} 科目「{row.Key}」名称印为「{row.Label}」，目录名称为「{entry.Name}」", "name")
                    : null;
                if (remark is not null && ((remarked ??= []).Add((table.Definition, row.Key, row.Label))))
                {
                    remarks.Add(remark);
                }
            }
        }

        return remarks;
    }
}
