using System.Text;
using Juesuan.Audit;

namespace Juesuan.Documents.AuditReports;

/// <summary>
/// The audit as plain text for a terminal: errors, then warnings, then remarks, each grouped by table; rounding
/// differences and unchecked rules are summarised quietly at the end so they never drown real findings.
/// </summary>
public static class AuditText
{
    /// <summary>Renders reports one after another, and for several a closing table; <paramref name="colour"/> adds ANSI colours for a terminal.</summary>
    public static string Render(IReadOnlyList<AuditReport> reports, bool colour = false, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return string.Join("\n", reports.Select(r => Render(r, colour, verbose))) + (reports.Count > 1 ? "\n" + Summary(reports) : string.Empty);
    }

    /// <summary>The table closing a directory's audit: one row per document.</summary>
    public static string Summary(IReadOnlyList<AuditReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = reports.Select(r => (IReadOnlyList<string>)[r.Document.Department, N(r.Document.Year), N(r.Summary.Errors), N(r.Summary.Warnings), N(r.Summary.Rounding), r.Verdict]).ToArray();
        return "汇总\n" + Plain.TextTable.Render(["部门", "年度", "错误", "警告", "尾差", "结论"], rows, new HashSet<int> { 1, 2, 3, 4 });
    }

    /// <summary>One report as text (with ANSI colours when <paramref name="colour"/>; every rounding difference and location when <paramref name="verbose"/>).</summary>
    public static string Render(AuditReport report, bool colour = false, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        var d = report.Document;
        var s = report.Summary;
        sb.AppendLine(Paint($"审核：{d.Department} {d.Title}（模板 {d.Template}）{(d.Source is null ? string.Empty : "　来源：" + d.Source)}", "1", colour));
        sb.AppendLine($"错误 {s.Errors}　警告 {s.Warnings}　提示 {s.Infos}　尾差 {s.Rounding}　未检查 {s.NotChecked}　（{s.Rules} 条规则）");
        var failed = report.Findings.Where(f => f.Kind == FindingKind.Failed).ToArray();
        if (failed.Length > 0)
        {
            // First of all: an incomplete audit must not be read as a verdict.
            sb.AppendLine();
            sb.AppendLine(Paint($"【审核不完整】{failed.Length} 条规则执行出错，以下结论不完整", "31", colour));
            foreach (var f in failed)
            {
                sb.AppendLine($"  - [{f.Rule}] {f.Message}");
            }
        }

        foreach (var (severity, title, code) in new[] { (Severity.Error, "错误", "31"), (Severity.Warning, "警告", "33"), (Severity.Info, "提示", "36") })
        {
            var group = report.Findings.Where(f => f.Severity == severity && f.Kind == FindingKind.Violation).ToArray();
            if (group.Length == 0)
            {
                continue;
            }

            sb.AppendLine();
            sb.AppendLine(Paint($"【{title}】{group.Length} 项", code, colour));
            foreach (var table in group.GroupBy(f => f.Table ?? string.Empty))
            {
                sb.AppendLine(Paint("  " + (table.Key.Length == 0 ? "情况说明与全文" : TableTitle(table.First())), "1", colour));
                // The same words printed twice in a report (「…占 2.97%」 on 第821行 and 第853行) are two findings: each says where.
                var repeated = table.GroupBy(f => f.Message).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
                foreach (var f in table)
                {
                    sb.AppendLine($"  - [{f.Rule}] {f.Message}");
                    if (!verbose && repeated.Contains(f.Message))
                    {
                        sb.AppendLine($"      位置：{f.Location}");
                    }

                    if (f.LikelyWrong is not null && !f.Message.Contains("最可能有误", StringComparison.Ordinal))
                    {
                        sb.AppendLine($"      最可能有误：{f.LikelyWrong}");
                    }

                    if (verbose)
                    {
                        sb.AppendLine($"      位置：{f.Location}{(f.Expected is null ? string.Empty : $"；应为 {f.Expected}")}{(f.Actual is null ? string.Empty : $"；实为 {f.Actual}")}");
                    }
                }
            }
        }

        var rounding = report.Findings.Where(f => f.Kind == FindingKind.Rounding).ToArray();
        if (rounding.Length > 0)
        {
            sb.AppendLine();
            sb.AppendLine(Paint($"【尾差】{rounding.Length} 处差异在四舍五入尾差范围内，不视为错误" + (verbose ? "：" : "（加 --verbose 列出）。"), "2", colour));
            if (verbose)
            {
                foreach (var f in rounding)
                {
                    sb.AppendLine($"  - [{f.Rule}] {f.Message}");
                }
            }
        }

        var notChecked = report.Findings.Where(f => f.Kind == FindingKind.NotChecked).ToArray();
        if (notChecked.Length > 0)
        {
            sb.AppendLine();
            sb.AppendLine(Paint($"【未检查】{notChecked.Length} 项", "2", colour));
            foreach (var f in notChecked)
            {
                sb.AppendLine($"  - [{f.Rule}] {f.Message}");
            }
        }

        if (report.Findings.Count(f => f.Kind == FindingKind.Violation) == 0 && report.Summary.Failed == 0)
        {
            sb.AppendLine();
            sb.AppendLine(Paint("未发现问题。", "32", colour));
        }

        return sb.ToString();
    }

    private static string TableTitle(Finding f) => f.Location.Split(' ')[0];

    private static string Paint(string text, string code, bool colour) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
