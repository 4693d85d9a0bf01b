namespace Juesuan.Documents.Disclosure;

/// <summary>Horizontal alignment of a grid cell.</summary>
public enum CellAlign
{
    /// <summary>Left (names).</summary>
    Left,

    /// <summary>Centred (headers, 行次).</summary>
    Center,

    /// <summary>Right (amounts).</summary>
    Right,
}

/// <summary>A cell of a <see cref="Grid"/>. A cell spanning rows covers the cells below it, which rows then omit (as HTML does).</summary>
public sealed record GridCell(string Text, int ColSpan = 1, int RowSpan = 1, CellAlign Align = CellAlign.Left, bool Bold = false, int Indent = 0);

/// <summary>
/// A printed table (表格) independent of format: number and title, the caption line (编制单位 / 单位：万元), header rows
/// with merged cells, body rows, notes. HTML and DOCX render the same grid, so they cannot drift apart.
/// </summary>
public sealed record Grid
{
    /// <summary>公开01表, or null.</summary>
    public string? Number { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>Left caption (编制单位：…).</summary>
    public string? LeftCaption { get; init; }

    /// <summary>Right caption (单位：万元).</summary>
    public string? RightCaption { get; init; }

    /// <summary>Number of grid columns.</summary>
    public required int Columns { get; init; }

    /// <summary>Relative column widths (sum arbitrary), or null for equal widths.</summary>
    public IReadOnlyList<int>? Widths { get; init; }

    /// <summary>Header rows, repeated on every page.</summary>
    public IReadOnlyList<IReadOnlyList<GridCell>> Header { get; init; } = [];

    /// <summary>Body rows.</summary>
    public IReadOnlyList<IReadOnlyList<GridCell>> Body { get; init; } = [];

    /// <summary>Notes under the table (注：…).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Printed on a landscape page, as the province's template prints the table.</summary>
    public bool Landscape { get; init; }

    /// <summary>
    /// The rows as a full matrix: each position holds the cell that starts there, or null where a cell starting
    /// above or to the left covers it. Renderers that need every position (DOCX vertical merge) use this.
    /// </summary>
    public static IReadOnlyList<GridCell?[]> Matrix(IReadOnlyList<IReadOnlyList<GridCell>> rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var matrix = rows.Select(_ => new GridCell?[columns]).ToArray();
        var covered = rows.Select(_ => new bool[columns]).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r])
            {
                while (c < columns && covered[r][c])
                {
                    c++;
                }

                if (c >= columns)
                {
                    throw new InvalidOperationException($"Row {r} has more cells than the grid's {columns} columns.");
                }

                matrix[r][c] = cell;
                for (var dr = 0; dr < cell.RowSpan && r + dr < rows.Count; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan && c + dc < columns; dc++)
                    {
                        covered[r + dr][c + dc] = true;
                    }
                }

                c += cell.ColSpan;
            }
        }

        return matrix;
    }
}

/// <summary>A block of the generated document.</summary>
public abstract record Block;

/// <summary>The cover: title, subtitle, date line.</summary>
public sealed record CoverBlock(string Title, string Subtitle, string? Footer) : Block;

/// <summary>The table of contents (目录): filled from the headings by each renderer.</summary>
public sealed record ContentsBlock : Block;

/// <summary>
/// A heading: level 1 is a part (第一部分), level 2 a section (一、…), level 3 a sub-heading. A hidden heading is listed
/// in the 目录 and anchors its place without printing (a table page shows its own official title instead).
/// </summary>
public sealed record HeadingBlock(int Level, string Text, bool NewPage = false, bool Hidden = false) : Block;

/// <summary>A body paragraph; 【待补充：…】 placeholders inside are highlighted by the renderers.</summary>
public sealed record ParagraphBlock(string Text) : Block;

/// <summary>
/// The 落款 after the 情况说明: the unit and the date, flush right, as an official document closes. A date not given is
/// printed blank (「　　年　　月　　日」) for the preparer to fill in by hand.
/// </summary>
public sealed record SignatureBlock(string Unit, string Date) : Block;

/// <summary>A line printed under a form, not indented: the signature lines of a self-evaluation form (填报人、负责人).</summary>
public sealed record FormFooterBlock(string Text) : Block;

/// <summary>A table on its own page.</summary>
public sealed record GridBlock(Grid Grid) : Block;

/// <summary>A chart with its caption (图1：…).</summary>
public sealed record ChartBlock(Chart Chart) : Block;

/// <summary>The whole generated disclosure: blocks in order, and what the narrative could not fill in.</summary>
public sealed record DisclosureDocument(string Title, IReadOnlyList<Block> Blocks, IReadOnlyList<NarrativeGap> Gaps)
{
    /// <summary>Printed across every page when set (「审核未通过」: rendered although its audit found errors or gaps).</summary>
    public string? Watermark { get; init; }

    /// <summary>Every heading, for a table of contents.</summary>
    public IEnumerable<HeadingBlock> Headings => Blocks.OfType<HeadingBlock>();
}
