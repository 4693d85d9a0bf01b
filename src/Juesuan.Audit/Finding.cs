namespace Juesuan.Audit;

/// <summary>How serious a finding is (严重程度).</summary>
public enum Severity
{
    /// <summary>提示: rounding differences, remarks, rules that could not run.</summary>
    Info,

    /// <summary>警告: likely wrong, or legitimately different bases.</summary>
    Warning,

    /// <summary>错误: a relation that cannot hold, whatever rounding did.</summary>
    Error,
}

/// <summary>What kind of result a finding is.</summary>
public enum FindingKind
{
    /// <summary>A relation that does not hold, or a requirement not met.</summary>
    Violation,

    /// <summary>A difference that rounding explains (尾差): reported quietly, never as an error.</summary>
    Rounding,

    /// <summary>The rule could not check (missing table, zero denominator, …): not the same as "no problem".</summary>
    NotChecked,

    /// <summary>The rule itself failed (执行出错): the audit is incomplete and must not read as a pass.</summary>
    Failed,
}

/// <summary>One figure involved in a finding: its value as printed and where it is.</summary>
/// <param name="Value">The value as printed ("137.7", "154.78元").</param>
/// <param name="Location">Where it is stated, in words.</param>
/// <param name="Role">What it is in the relation (合计, 分项, 叙述 …).</param>
/// <param name="Where">Where it is stated, as data: a host highlights the figure with it.</param>
public sealed record FindingFigure(string Value, string Location, string? Role = null, FigureLocation? Where = null);

/// <summary>
/// Where a figure of a finding is (定位), as data: the document, page and line; for a table cell the table (its
/// definition id and printed name), the row (code and label) and the column (key and name); for the narrative the
/// section, the sentence and the figure's characters in it; for a PDF the boxes of its words on the page. Every part is
/// optional: inputs differ (a JSON file has no page).
/// </summary>
public sealed record FigureLocation
{
    /// <summary>The document (file name) it was read from.</summary>
    public string? Document { get; init; }

    /// <summary>
    /// True for a figure of the department's report of the year before (上年报告, the cross-year rules): it is in that
    /// document, not in the one audited, so it is neither looked for on this document's pages nor opened in its viewer.
    /// </summary>
    public bool PriorReport { get; init; }

    /// <summary>1-based page (PDF).</summary>
    public int? Page { get; init; }

    /// <summary>1-based line (text input).</summary>
    public int? Line { get; init; }

    /// <summary>The table's definition id (expenditure, income …).</summary>
    public string? Table { get; init; }

    /// <summary>The table as printed: 「公开03表（支出决算表）」.</summary>
    public string? TableName { get; init; }

    /// <summary>The row's code or key (2101501, total).</summary>
    public string? RowCode { get; init; }

    /// <summary>The row's label (行政运行, 合计).</summary>
    public string? RowLabel { get; init; }

    /// <summary>The column's key (basic, amount).</summary>
    public string? Column { get; init; }

    /// <summary>The column's name (基本支出).</summary>
    public string? ColumnName { get; init; }

    /// <summary>The narrative section (情况说明 一、…).</summary>
    public string? Section { get; init; }

    /// <summary>The sentence the figure is in.</summary>
    public string? Sentence { get; init; }

    /// <summary>Where the figure starts in <see cref="Sentence"/> (0-based characters), when found there.</summary>
    public int? SpanStart { get; init; }

    /// <summary>How many characters of <see cref="Sentence"/> the figure takes.</summary>
    public int? SpanLength { get; init; }

    /// <summary>For PDF inputs: the boxes of the figure's letters on the page, one per line it spans.</summary>
    public IReadOnlyList<Domain.Model.PageBox> Boxes { get; init; } = [];
}

/// <summary>The numbers of a finding, for a host that shows or sorts by them (万元 unless <see cref="Unit"/> says otherwise).</summary>
/// <param name="Actual">The value found as printed.</param>
/// <param name="Expected">The value the relation gives.</param>
/// <param name="ExpectedLow">The low end of the interval rounding allows for <paramref name="Expected"/>.</param>
/// <param name="ExpectedHigh">The high end of that interval.</param>
/// <param name="Difference">Actual − expected, point values.</param>
/// <param name="Gap">The smallest difference rounding cannot explain (0 when it explains it).</param>
/// <param name="Unit">The unit of the amounts.</param>
public sealed record FindingNumbers(decimal? Actual, decimal? Expected, decimal? ExpectedLow, decimal? ExpectedHigh, decimal? Difference, decimal? Gap, string Unit = "万元");

/// <summary>
/// 审核发现: what a rule found, where, by how much and — where figures disagree — which one is most likely wrong.
/// Findings are data; rules never throw for bad input.
/// </summary>
public sealed record Finding
{
    /// <summary>The rule id (T03.ROW_SUM, X05_06.BASIC, N.SHARE …).</summary>
    public required string Rule { get; init; }

    /// <summary>Severity.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Violation, rounding or not checked.</summary>
    public FindingKind Kind { get; init; } = FindingKind.Violation;

    /// <summary>The message, in Chinese, for a finance officer.</summary>
    public required string Message { get; init; }

    /// <summary>
    /// The message's template, its arguments named in braces (「{relation}不成立：{total} 印为 {actual}…」), when the
    /// rule writes it from one; <see cref="Message"/> is the template with <see cref="Arguments"/> filled in.
    /// </summary>
    public string? Template { get; init; }

    /// <summary>The arguments of <see cref="Template"/>.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();

    /// <summary>The numbers behind <see cref="Expected"/>, <see cref="Actual"/> and <see cref="Difference"/>, when the rule compares amounts.</summary>
    public FindingNumbers? Numbers { get; init; }

    /// <summary>Where (the main figure's location).</summary>
    public required string Location { get; init; }

    /// <summary>The table definition the finding belongs to, for grouping (null for narrative and document-wide).</summary>
    public string? Table { get; init; }

    /// <summary>The expected value and its interval ("526.05 [526.04, 526.06]").</summary>
    public string? Expected { get; init; }

    /// <summary>The value found as printed.</summary>
    public string? Actual { get; init; }

    /// <summary>Found − expected (point values), and for inconsistencies the smallest discrepancy.</summary>
    public string? Difference { get; init; }

    /// <summary>Every figure involved.</summary>
    public IReadOnlyList<FindingFigure> Figures { get; init; } = [];

    /// <summary>Which figure is most likely wrong and why (归因), when the rule can tell.</summary>
    public string? LikelyWrong { get; init; }
}

/// <summary>Fills a message template's named arguments (「{name}」).</summary>
public static class MessageTemplate
{
    /// <summary>The template with each 「{name}」 replaced by its argument; an unknown name is left as written.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(arguments);
        // Written on the stack and copied out once, each name looked up without making it (every finding has a message).
        var lookup = arguments is Dictionary<string, string> dictionary && dictionary.TryGetAlternateLookup<ReadOnlySpan<char>>(out var alternate)
            ? alternate : (Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>?)null;
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0, System.Globalization.CultureInfo.InvariantCulture, stackalloc char[512]);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                text.AppendFormatted(template.AsSpan(i));
                break;
            }

            text.AppendFormatted(template.AsSpan(i, open - i));
            var name = template.AsSpan(open + 1, close - open - 1);
            var found = lookup is { } byName ? byName.TryGetValue(name, out var value) : arguments.TryGetValue(name.ToString(), out value);
            text.AppendFormatted(found ? value.AsSpan() : template.AsSpan(open, close - open + 1));
            i = close + 1;
        }

        return text.ToStringAndClear();
    }
}

/// <summary>
/// A finding's identity across revisions (its fingerprint): its rule and the places of its figures (table, row, column,
/// section), with the value found — no file name, page or line, which a corrected upload moves. Reviewers' decisions
/// and comments are kept by it, and the store keeps it with each finding.
/// </summary>
public static class FindingFingerprint
{
    /// <summary>The fingerprint of <paramref name="finding"/>: 32 hexadecimal digits.</summary>
    public static string Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var places = finding.Figures.Select(f => f.Where is { } w ? $"{w.Table}/{w.RowCode}/{w.Column}/{w.Section}/{f.Role}" : $"{f.Role}/{f.Value}");
        var text = string.Join("\n", [finding.Rule, finding.Table ?? string.Empty, finding.Actual ?? string.Empty, .. places]);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))[..16]);
    }
}
