using System.Globalization;
using System.Text;

namespace Juesuan.Documents.Plain;

/// <summary>Aligned plain-text tables that account for CJK characters taking two terminal columns.</summary>
public static class TextTable
{
    /// <summary>Display width of a string: wide and full-width characters count 2.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

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

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= 0x20000;
}
