using Juesuan.Application;
using Juesuan.Documents.Plain;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;

namespace Juesuan.Cli;

/// <summary>Prints stated tables as aligned text (the `show` command), laid out as <see cref="TableView"/> lays them out.</summary>
internal static class TableText
{
    public static string Render(TemplateSet templates, Template template, IEnumerable<StatedTable> tables, string heading)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(heading);
        foreach (var table in tables)
        {
            sb.AppendLine();
            sb.AppendLine(Render(TableView.Of(templates, template, table)));
        }

        return sb.ToString();
    }

    private static string Render(TableView view)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(view.Heading);
        foreach (var part in view.Parts)
        {
            if (part.Side is not null)
            {
                sb.AppendLine($"【{part.Side}】");
            }

            var header = new List<string> { "项目" };
            header.AddRange(part.Columns.Select(c => c.Name));
            var body = part.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Cells]).ToArray();
            sb.Append(TextTable.Render(header, body, Enumerable.Range(1, part.Columns.Count).ToHashSet()));
        }

        if (view.EmptyStatement is not null)
        {
            sb.AppendLine("说明：" + view.EmptyStatement);
        }

        foreach (var note in view.Notes)
        {
            sb.AppendLine("注：" + note);
        }

        return sb.ToString();
    }
}
