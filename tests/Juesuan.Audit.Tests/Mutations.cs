using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Formats.Json;
using Juesuan.TestSupport;

namespace Juesuan.Audit.Tests;

/// <summary>Small edits of the consistent example: each test breaks one thing and looks for the rule that notices.</summary>
internal static class Mutations
{
    private static readonly Lazy<DepartmentYear> Example = new(() => DepartmentYearJson.ReadFile(Paths.Example).Value!);

    public static DepartmentYear Base => Example.Value;

    public static DepartmentYear WithCell(this DepartmentYear year, string definition, string row, string column, string? value) => year with
    {
        Tables = year.Tables.Select(t => t.Definition != definition ? t : t with
        {
            Rows = t.Rows.Select(r => r.Key != row ? r : r with
            {
                Cells = r.Cells.Any(c => c.Column == column)
                    ? r.Cells.Select(c => c.Column != column ? c : c with { Value = value is null ? null : Printed.Parse(value).Value }).ToArray()
                    : [.. r.Cells, new StatedCell { Column = column, Value = value is null ? null : Printed.Parse(value).Value }],
            }).ToArray(),
        }).ToArray(),
    };

    public static DepartmentYear WithClaims(this DepartmentYear year, Func<Claim, bool> which, Func<Claim, Claim?> change) => year with
    {
        Narrative = year.Narrative with
        {
            Claims = year.Narrative.Claims.Select(c => which(c) ? change(c) : c).OfType<Claim>().ToArray(),
        },
    };

    public static bool Is(this Claim claim, string concept, string? code = null, string scope = Scopes.All, string? section = null) =>
        claim.Subject.Concept == concept && claim.Subject.Code == code && claim.Subject.Scope == scope && (section is null || claim.Section == section);

    public static Amount Wan(string value) => Amount.Parse(value, MoneyUnit.WanYuan).Value;

    public static Printed P(string value) => Printed.Parse(value).Value;

    public static AuditReport Audit(this DepartmentYear year) => Auditor.Audit(year);

    public static string Describe(this AuditReport report) =>
        string.Join("\n", report.Findings.Where(f => f.Kind != FindingKind.NotChecked || f.Message.Contains("出错", StringComparison.Ordinal)).Select(f => $"{f.Severity}/{f.Kind} {f.Rule} {f.Message}"));
}
