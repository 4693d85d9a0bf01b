using Juesuan.Domain.Model;

namespace Juesuan.Audit;

/// <summary>The department-year an audit report is about.</summary>
/// <param name="Department">Department name.</param>
/// <param name="Year">Year.</param>
/// <param name="Template">Template id.</param>
/// <param name="Source">The file or store key it came from.</param>
/// <param name="Kind">A final-accounts disclosure or a stand-alone self-evaluation report.</param>
public sealed record AuditedDocument(string Department, int Year, string Template, string? Source, DocumentKind Kind = DocumentKind.FinalAccounts)
{
    /// <summary>What the document is, as headings name it: 「2024 年度决算」 or 「2024 年度绩效自评报告」.</summary>
    public string Title => $"{Year} 年度{(Kind == DocumentKind.SelfEvaluationReport ? "绩效自评报告" : "决算")}";
}

/// <summary>Counts of an audit.</summary>
/// <param name="Errors">Error-level violations.</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="Infos">Info-level remarks that are neither rounding nor not-checked.</param>
/// <param name="Rounding">Differences rounding explains.</param>
/// <param name="NotChecked">Checks that could not run.</param>
/// <param name="Rules">Rules run.</param>
public sealed record AuditSummary(int Errors, int Warnings, int Infos, int Rounding, int NotChecked, int Rules);

/// <summary>审核结果: the document, its findings (errors first), and the counts.</summary>
public sealed record AuditReport(AuditedDocument Document, IReadOnlyList<Finding> Findings, AuditSummary Summary)
{
    /// <summary>True when no error-level finding was made.</summary>
    public bool Passed => Summary.Errors == 0;
}

/// <summary>Runs the rule catalog over a department-year. Never throws for the data: a failing rule becomes a finding.</summary>
public static class Auditor
{
    /// <summary>Audits a department-year with every rule of the catalog (or the given ones).</summary>
    public static AuditReport Audit(DepartmentYear year, string? source = null, IReadOnlyList<Rule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        rules ??= RuleCatalog.All;
        var context = new AuditContext(year);
        var findings = new List<Finding>();
        foreach (var rule in rules)
        {
            try
            {
                findings.AddRange(rule.Check(context));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                findings.Add(AuditContext.NotChecked(rule.Id, $"规则「{rule.Title}」执行时出错（{e.GetType().Name}：{e.Message}），请报告此问题"));
            }
        }

        var ordered = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Kind)
            .ThenBy(f => TableOrder(year, f.Table))
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToArray();
        var summary = new AuditSummary(
            ordered.Count(f => f.Severity == Severity.Error),
            ordered.Count(f => f.Severity == Severity.Warning),
            ordered.Count(f => f.Severity == Severity.Info && f.Kind == FindingKind.Violation),
            ordered.Count(f => f.Kind == FindingKind.Rounding),
            ordered.Count(f => f.Kind == FindingKind.NotChecked),
            rules.Count);
        return new AuditReport(new AuditedDocument(year.Department.Name, year.Year, year.TemplateId, source, year.Kind), ordered, summary);
    }

    private static int TableOrder(DepartmentYear year, string? table)
    {
        if (table is null)
        {
            return int.MaxValue;
        }

        var index = year.Template.Tables.Select(t => t.Definition).ToList().IndexOf(table);
        return index < 0 ? int.MaxValue - 1 : index;
    }
}
