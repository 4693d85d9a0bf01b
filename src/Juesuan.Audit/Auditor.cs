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
    public string Title => $"{Year} 年度{Kind switch { DocumentKind.SelfEvaluationReport => "绩效自评报告", DocumentKind.UnitFinalAccounts => "单位决算", _ => "决算" }}";
}

/// <summary>Counts of an audit.</summary>
/// <param name="Errors">Error-level violations.</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="Infos">Info-level remarks that are neither rounding nor not-checked.</param>
/// <param name="Rounding">Differences rounding explains.</param>
/// <param name="NotChecked">Checks that could not run.</param>
/// <param name="Rules">Rules run.</param>
/// <param name="Failed">Rules that failed while running: the audit is incomplete.</param>
public sealed record AuditSummary(int Errors, int Warnings, int Infos, int Rounding, int NotChecked, int Rules, int Failed = 0);

/// <summary>审核结果: the document, its findings (errors first), and the counts.</summary>
public sealed record AuditReport(AuditedDocument Document, IReadOnlyList<Finding> Findings, AuditSummary Summary)
{
    /// <summary>True when no error-level finding was made and every rule ran.</summary>
    public bool Passed => Summary.Errors == 0 && Summary.Failed == 0;

    /// <summary>The verdict in one word, the same everywhere it is shown: 审核不完整, 有错误 or 通过.</summary>
    public string Verdict => Summary.Failed > 0 ? "审核不完整" : Summary.Errors > 0 ? "有错误" : "通过";

    /// <summary>The one line a user reads when rules failed: which, and that the audit is incomplete (exit 3).</summary>
    public string? Incomplete => Summary.Failed > 0
        ? $"审核不完整：规则 {string.Join("、", Findings.Where(f => f.Kind == FindingKind.Failed).Select(f => f.Rule).Distinct())} 执行出错（退出码 3）。"
        : null;
}

/// <summary>Runs the rule catalog over a department-year. Never throws for the data: a failing rule becomes a finding.</summary>
public static class Auditor
{
    /// <summary>
    /// Audits a department-year with every rule of the catalog (or the given ones), by the <paramref name="reference"/>
    /// data of the run (its template, catalogues and scoring rules; the embedded data when none is given); with the
    /// department's report of the year before (<paramref name="prior"/>) the cross-year rules check against it too.
    /// </summary>
    public static AuditReport Audit(DepartmentYear year, string? source = null, IReadOnlyList<Rule>? rules = null, Domain.Reference.ReferenceData? reference = null, DepartmentYear? prior = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        rules ??= RuleCatalog.All;
        var context = new AuditContext(year, reference, prior);
        var findings = new List<Finding>();
        foreach (var rule in rules)
        {
            try
            {
                findings.AddRange(rule.Check(context));
            }
            catch (OverflowException)
            {
                // Figures beyond what decimal arithmetic holds (7.9×10²⁸): the data is wrong, and said so.
                findings.Add(new Finding
                {
                    Rule = rule.Id, Severity = Severity.Error, Location = "-",
                    Message = $"规则「{rule.Title}」无法核对：有数值大到超出可计算的范围，请检查表中或叙述中是否有异常巨大的数。",
                });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Never a clean verdict: a rule that failed leaves the audit incomplete, and the rule is named.
                findings.Add(new Finding
                {
                    Rule = rule.Id, Severity = Severity.Error, Kind = FindingKind.Failed, Location = "-",
                    Message = $"规则「{rule.Title}」执行出错，本次审核不完整；请报告此问题（设置 JUESUAN_DEBUG=1 可看到详细原因）。",
                    Actual = Environment.GetEnvironmentVariable("JUESUAN_DEBUG") == "1" ? e.ToString() : null,
                });
            }
        }

        context.ReturnBuffers();
        var ordered = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Kind)
            .ThenBy(f => TableOrder(context.Template, f.Table))
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToArray();
        var summary = new AuditSummary(
            ordered.Count(f => f.Severity == Severity.Error && f.Kind != FindingKind.Failed),
            ordered.Count(f => f.Severity == Severity.Warning),
            ordered.Count(f => f.Severity == Severity.Info && f.Kind == FindingKind.Violation),
            ordered.Count(f => f.Kind == FindingKind.Rounding),
            ordered.Count(f => f.Kind == FindingKind.NotChecked),
            rules.Count,
            ordered.Select(f => f.Kind == FindingKind.Failed ? f.Rule : null).OfType<string>().Distinct().Count());
        return new AuditReport(new AuditedDocument(year.Department.Name, year.Year, year.TemplateId, source, year.Kind), ordered, summary);
    }

    private static int TableOrder(Domain.Templates.Template template, string? table)
    {
        if (table is null)
        {
            return int.MaxValue;
        }

        var index = template.Tables.Select(t => t.Definition).ToList().IndexOf(table);
        return index < 0 ? int.MaxValue - 1 : index;
    }
}
