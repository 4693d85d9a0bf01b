using System.Net;
using System.Text;
using Juesuan.Audit;

namespace Juesuan.Documents.AuditReports;

/// <summary>The audit as one self-contained HTML page a reviewer can read on screen and print (no external resources).</summary>
public static class AuditHtml
{
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:2em auto;max-width:60em;color:#222;line-height:1.55}
        h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
        h3{font-size:1.05em;margin:1em 0 .4em}
        .summary span{display:inline-block;margin-right:1.2em;padding:.15em .6em;border-radius:.3em;background:#f2f2f2}
        .error{border-left:4px solid #c0392b}.warning{border-left:4px solid #d68910}.info{border-left:4px solid #2e86c1}
        .finding{padding:.4em .8em;margin:.5em 0;background:#fafafa;page-break-inside:avoid}
        .rule{font-family:monospace;color:#555;font-size:.9em}.culprit{color:#922;margin-top:.3em}
        table{border-collapse:collapse;width:100%;font-size:.9em;margin-top:.4em}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        details{margin:.6em 0}.bad{color:#b00020;font-weight:bold}.ok{color:#1e8449;font-weight:bold}
        @media print{body{margin:0;max-width:none}details{display:block}details>*{display:block}}
        """;

    /// <summary>Renders one or several reports as a page.</summary>
    public static string Render(IReadOnlyList<AuditReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>");
        sb.Append(E(reports.Count == 1 ? $"{reports[0].Document.Department} {reports[0].Document.Title}审核" : $"决算审核（{reports.Count} 份）"));
        sb.Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        if (reports.Count > 1)
        {
            sb.Append("<h1>决算审核汇总</h1><table><tr><th>部门</th><th>年度</th><th>错误</th><th>警告</th><th>尾差</th><th>结论</th></tr>");
            foreach (var r in reports)
            {
                sb.Append($"<tr><td>{E(r.Document.Department)}</td><td class=\"num\">{r.Document.Year}</td><td class=\"num\">{r.Summary.Errors}</td><td class=\"num\">{r.Summary.Warnings}</td><td class=\"num\">{r.Summary.Rounding}</td><td>{r.Verdict}</td></tr>");
            }

            sb.Append("</table>\n");
        }

        foreach (var report in reports)
        {
            Append(sb, report);
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, AuditReport report)
    {
        var d = report.Document;
        var s = report.Summary;
        sb.Append($"<h1>{E(d.Department)} {E(d.Title)}审核</h1>\n<p>模板 {E(d.Template)}{(d.Source is null ? string.Empty : "；来源 " + E(d.Source))}</p>\n");
        sb.Append($"<p class=\"summary\"><span>错误 {s.Errors}</span><span>警告 {s.Warnings}</span><span>提示 {s.Infos}</span><span>尾差 {s.Rounding}</span><span>未检查 {s.NotChecked}</span><span>{s.Rules} 条规则</span></p>\n");
        if (report.Incomplete is { } incomplete)
        {
            // First and in red: an incomplete audit must not read as a verdict.
            sb.Append($"<p class=\"bad\">{E(incomplete)}</p>\n");
        }
        else if (report.Findings.All(f => f.Kind != FindingKind.Violation))
        {
            sb.Append("<p class=\"ok\">未发现问题。</p>\n");
        }

        foreach (var (severity, title, css) in new[] { (Severity.Error, "错误", "error"), (Severity.Warning, "警告", "warning"), (Severity.Info, "提示", "info") })
        {
            var group = report.Findings.Where(f => f.Severity == severity && f.Kind == FindingKind.Violation).ToArray();
            if (group.Length == 0)
            {
                continue;
            }

            sb.Append($"<h2>{title}（{group.Length}）</h2>\n");
            foreach (var table in group.GroupBy(f => f.Table is null ? "情况说明与全文" : f.Location.Split(' ')[0]))
            {
                sb.Append($"<h3>{E(table.Key)}</h3>\n");
                foreach (var f in table)
                {
                    AppendFinding(sb, f, css);
                }
            }
        }

        AppendQuiet(sb, report.Findings.Where(f => f.Kind == FindingKind.Rounding).ToArray(), "尾差（四舍五入可以解释，不视为错误）");
        AppendQuiet(sb, report.Findings.Where(f => f.Kind == FindingKind.NotChecked).ToArray(), "未检查的项目");
        AppendQuiet(sb, report.Findings.Where(f => f.Kind == FindingKind.Failed).ToArray(), "审核不完整：执行出错的规则");
    }

    private static void AppendFinding(StringBuilder sb, Finding f, string css)
    {
        sb.Append($"<div class=\"finding {css}\"><div>{E(f.Message)}</div><div class=\"rule\">{E(f.Rule)} · {E(f.Location)}</div>");
        if (f.LikelyWrong is not null)
        {
            sb.Append($"<div class=\"culprit\">最可能有误：{E(f.LikelyWrong)}</div>");
        }

        if (f.Figures.Count > 0)
        {
            sb.Append("<table><tr><th>数值</th><th>位置</th><th>角色</th></tr>");
            foreach (var x in f.Figures)
            {
                sb.Append($"<tr><td class=\"num\">{E(x.Value)}</td><td>{E(x.Location)}</td><td>{E(x.Role ?? string.Empty)}</td></tr>");
            }

            sb.Append("</table>");
        }

        sb.Append("</div>\n");
    }

    private static void AppendQuiet(StringBuilder sb, IReadOnlyList<Finding> findings, string title)
    {
        if (findings.Count == 0)
        {
            return;
        }

        sb.Append($"<details><summary>{E(title)}：{findings.Count} 处</summary><ul>");
        foreach (var f in findings)
        {
            sb.Append($"<li><span class=\"rule\">{E(f.Rule)}</span> {E(f.Message)}</li>");
        }

        sb.Append("</ul></details>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
