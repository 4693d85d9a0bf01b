using System.Text;

namespace Juesuan.Documents.Plain;

/// <summary>Aligned plain-text tables that account for CJK characters taking two terminal columns.</summary>
public static class TextTable
{
    /// <summary>Display width of a string: wide and full-width characters count 2 (<see cref="Formats.PrintedText.Width"/>).</summary>
    public static int Width(string text) => Formats.PrintedText.Width(text);

    /// <summary>Renders rows; <paramref name="rightAligned"/> marks numeric columns.</summary>
    public static string Render(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlySet<int> rightAligned)
    {
        var columns = header.Count;
        var widths = new int[columns];
        foreach (var row in rows.Prepend(header))
        {
            for (var c = 0; c < columns && c < row.Count; c++)
            {
                widths[c] = Math.Max(widths[c], Width(row[c]));
            }
        }

        var sb = new StringBuilder();
        AppendRow(sb, header, widths, rightAligned);
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd());
        foreach (var row in rows)
        {
            AppendRow(sb, row, widths, rightAligned);
        }

        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> row, int[] widths, IReadOnlySet<int> rightAligned)
    {
        var line = new StringBuilder();
        for (var c = 0; c < widths.Length; c++)
        {
            var text = c < row.Count ? row[c] : string.Empty;
            var pad = new string(' ', widths[c] - Width(text));
            line.Append(rightAligned.Contains(c) ? pad + text : text + pad);
            if (c < widths.Length - 1)
            {
                line.Append("  ");
            }
        }

        sb.AppendLine(line.ToString().TrimEnd());
    }
}
