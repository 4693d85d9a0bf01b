namespace Juesuan.Domain.Model;

/// <summary>
/// 其余正文: a run of printed text outside the narrative sections, the public tables and the labels — part introductions,
/// the text of self-evaluation tables, annexes — as printed (spaces dropped) with where it starts. Kept so that what a
/// reviewer checks on every printed word (a placeholder, 「增加（减少）」 left unchosen, 「万」 without 元) is there to be
/// checked, whether or not a reader understood the text around it.
/// </summary>
public sealed record TextPassage
{
    /// <summary>The text as printed, its lines joined.</summary>
    public required string Text { get; init; }

    /// <summary>Where its first line is (file and line, or page).</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>
    /// The paragraph (counted from 1) in which the report's grammar reads it as prose — its statements are claims of the
    /// narrative, and a paragraph cut by a line limit or a 「；」 goes on in the next passage; null for what is not read so
    /// (the rows of a self-evaluation table its reader left). A workbook keeps it so its import reads the same paragraphs.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? Paragraph { get; init; }
}
