namespace Juesuan.Domain.Model;

/// <summary>
/// Where a figure was read (出处): file, page, table, row, column for table cells; section and sentence for the
/// narrative. Every part is optional because inputs differ (a JSON file has no page).
/// </summary>
public sealed record SourceLocation
{
    /// <summary>File name.</summary>
    public string? File { get; init; }

    /// <summary>1-based page.</summary>
    public int? Page { get; init; }

    /// <summary>1-based line in a text file.</summary>
    public int? Line { get; init; }

    /// <summary>Table title or number as printed.</summary>
    public string? Table { get; init; }

    /// <summary>Row code or label.</summary>
    public string? Row { get; init; }

    /// <summary>Column name.</summary>
    public string? Column { get; init; }

    /// <summary>Narrative section (一、…).</summary>
    public string? Section { get; init; }

    /// <summary>The sentence a narrative figure came from.</summary>
    public string? Sentence { get; init; }

    /// <summary>A short Chinese description: 「文件 x 第 3 页 公开03表 2101501 基本支出」.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (File is not null) parts.Add(File);
        if (Page is not null) parts.Add($"第{Page}页");
        if (Line is not null) parts.Add($"第{Line}行");
        if (Table is not null) parts.Add(Table);
        if (Section is not null) parts.Add(Section);
        if (Row is not null) parts.Add(Row);
        if (Column is not null) parts.Add(Column);
        if (Sentence is not null) parts.Add($"「{(Sentence.Length <= 36 ? Sentence : Sentence[..36] + "…")}」");
        return string.Join(" ", parts);
    }
}

/// <summary>
/// A rectangle on a PDF page, in PDF user-space units (1/72 inch, origin at the bottom left), with the page's size so a
/// viewer can scale it.
/// </summary>
/// <param name="Page">1-based page.</param>
/// <param name="Left">Left edge.</param>
/// <param name="Bottom">Bottom edge.</param>
/// <param name="Right">Right edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="PageWidth">The page's width.</param>
/// <param name="PageHeight">The page's height.</param>
public sealed record PageBox(int Page, double Left, double Bottom, double Right, double Top, double PageWidth, double PageHeight);
