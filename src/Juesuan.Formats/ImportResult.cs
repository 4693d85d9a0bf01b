using Juesuan.Domain.Model;

namespace Juesuan.Formats;

/// <summary>Something an importer noticed and could not read cleanly, with where it is; the rest is kept.</summary>
/// <param name="Location">Where (file, page, line, table, row).</param>
/// <param name="Message">Chinese message.</param>
public sealed record ImportIssue(SourceLocation Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location.Describe()}：{Message}";
}

/// <summary>The outcome of importing a report: the department-year (null when nothing usable was found) and what was noticed.</summary>
/// <param name="Value">The department-year.</param>
/// <param name="Issues">What could not be read cleanly, with where; everything else was kept.</param>
/// <param name="Error">Why nothing could be imported, when <paramref name="Value"/> is null.</param>
public sealed record ImportResult(DepartmentYear? Value, IReadOnlyList<ImportIssue> Issues, string? Error = null)
{
    /// <summary>True when a department-year was read.</summary>
    public bool Success => Value is not null;
}
