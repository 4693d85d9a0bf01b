using System.Net;
using System.Text;
using Juesuan.Domain.Model;

namespace Juesuan.Documents.Evaluations;

/// <summary>Self-evaluation forms as one self-contained, printable HTML page (one form per page when printed).</summary>
public static class EvaluationHtml
{
    private const string Style = """
        body{font-family:"Noto Serif CJK SC","SimSun","Noto Sans CJK SC",serif;margin:2em auto;max-width:62em;color:#000}
        h1{font-size:1.35em;text-align:center;margin:.2em 0}p.sub{text-align:center;margin:.2em 0 .8em}
        table{border-collapse:collapse;width:100%;font-size:.92em;margin-bottom:.8em}td,th{border:1px solid #000;padding:.25em .4em;vertical-align:middle}
        th{font-weight:bold;background:#f3f3f3;min-width:2.6em}tr>th:first-child{min-width:4.6em}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        section{page-break-after:always}section:last-child{page-break-after:auto}
        @media print{body{margin:0;max-width:none}}
        """;

    /// <summary>Every evaluation of a department-year.</summary>
    public static string Render(DepartmentYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>");
        sb.Append(E($"{year.Department.Name} {year.Year}年度绩效自评表")).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        foreach (var evaluation in year.Evaluations)
        {
            Append(sb, EvaluationForm.Of(year, evaluation));
        }

        return sb.Append("</body></html>\n").ToString();
    }

    private static void Append(StringBuilder sb, EvaluationForm form)
    {
        sb.Append($"<section><h1>{E(form.Title)}</h1><p class=\"sub\">{E(form.Subtitle)}</p><table>");
        foreach (var (label, value) in form.Header)
        {
            sb.Append($"<tr><th>{E(label)}</th><td colspan=\"7\">{E(value)}</td></tr>");
        }

        sb.Append("<tr>").Append(string.Concat(EvaluationForm.FundsHeader.Select((h, i) => i == 0 ? $"<th colspan=\"2\">{E(h)}</th>" : $"<th>{E(h)}</th>"))).Append("</tr>");
        foreach (var row in form.Funds)
        {
            sb.Append("<tr>").Append(string.Concat(row.Select((c, i) => i == 0 ? $"<td colspan=\"2\">{E(c)}</td>" : $"<td class=\"num\">{E(c)}</td>"))).Append("</tr>");
        }

        if (form.Planned is not null || form.Achieved is not null)
        {
            sb.Append($"<tr><th colspan=\"4\">预期目标</th><th colspan=\"4\">实际完成情况</th></tr><tr><td colspan=\"4\">{E(form.Planned ?? string.Empty)}</td><td colspan=\"4\">{E(form.Achieved ?? string.Empty)}</td></tr>");
        }

        sb.Append("<tr>").Append(string.Concat(EvaluationForm.IndicatorHeader.Select(h => $"<th>{E(h)}</th>"))).Append("</tr>");
        foreach (var row in form.Indicators)
        {
            sb.Append("<tr>");
            if (row.Span1 > 0)
            {
                sb.Append($"<td rowspan=\"{row.Span1}\">{E(row.Level1)}</td>");
            }

            if (row.Span2 > 0)
            {
                sb.Append($"<td rowspan=\"{row.Span2}\">{E(row.Level2)}</td>");
            }

            sb.Append(string.Concat(row.Cells.Select((c, i) => i is 3 or 4 ? $"<td class=\"num\">{E(c)}</td>" : $"<td>{E(c)}</td>"))).Append("</tr>");
        }

        sb.Append($"<tr><th colspan=\"5\">总分</th><td class=\"num\">100</td><td class=\"num\">{E(form.Total)}</td><td>{E(form.Grade is null ? string.Empty : "评价等级：" + form.Grade)}</td></tr></table></section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
