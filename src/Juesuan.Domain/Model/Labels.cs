namespace Juesuan.Domain.Model;

/// <summary>What a printed label is: where a reviewer reads the year and the name of a report besides its sentences.</summary>
public enum LabelKind
{
    /// <summary>封面: the title lines before the first heading.</summary>
    Cover,

    /// <summary>目录 entry.</summary>
    Contents,

    /// <summary>A part or section heading (「第二部分 2023 年度部门决算情况说明」, 「一、收入支出决算总体情况说明」).</summary>
    Heading,

    /// <summary>A table's title.</summary>
    TableTitle,

    /// <summary>A line of a table's header naming the unit (编制单位 / 单位名称 / 部门名称).</summary>
    TableHeader,

    /// <summary>A sentence stating a date (「截至 2024 年 12 月 31 日」).</summary>
    Date,
}

/// <summary>
/// 版面标注: a label printed outside the figures — cover title, 目录 entry, heading, table title or header, a dated
/// sentence — kept as printed with where it is, so the years and names a reviewer checks are there to be checked.
/// </summary>
public sealed record PrintedLabel
{
    /// <summary>What it is.</summary>
    public required LabelKind Kind { get; init; }

    /// <summary>The text as printed.</summary>
    public required string Text { get; init; }

    /// <summary>For a table header naming its unit: the name as printed (empty when left blank); null otherwise.</summary>
    public string? Name { get; init; }

    /// <summary>Where it is (file, page or line).</summary>
    public SourceLocation? Source { get; init; }
}
