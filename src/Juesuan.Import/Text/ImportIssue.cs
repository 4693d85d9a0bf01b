using Juesuan.Domain.Model;

namespace Juesuan.Import.Text;

/// <summary>Something an importer noticed and could not read cleanly, with where it is; the rest is kept.</summary>
/// <param name="Location">Where (file, page, line, table, row).</param>
/// <param name="Message">Chinese message.</param>
public sealed record ImportIssue(SourceLocation Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location.Describe()}：{Message}";
}
