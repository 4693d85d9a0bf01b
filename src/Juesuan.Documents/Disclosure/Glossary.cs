using Juesuan.Domain.Reference;
using System.Text.Json;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;

namespace Juesuan.Documents.Disclosure;

/// <summary>An entry of the glossary (名词解释): the term and its explanation, or null when the catalog gives none.</summary>
public sealed record GlossaryEntry(string Term, string? Text);

/// <summary>
/// 名词解释: the template's fixed terms (embedded data) followed by one entry per functional 项 the tables use, written
/// 「X（类）Y（款）Z（项）：反映…」 from the function catalog.
/// </summary>
public static class Glossary
{
    private static readonly Lazy<IReadOnlyList<GlossaryEntry>> Fixed = new(Load);

    /// <summary>The fixed terms.</summary>
    public static IReadOnlyList<GlossaryEntry> FixedTerms => Fixed.Value;

    /// <summary>The glossary of a department-year: fixed terms, then the 项 codes of its tables in code order.</summary>
    public static IReadOnlyList<GlossaryEntry> For(DepartmentYear year, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        var catalog = (reference ?? ReferenceData.Embedded).Catalogs.Function(year.Year);
        var figures = new Figures(year, reference);
        var codes = year.Tables.Where(t => Domain.Templates.TemplateLibrary.Definitions.TryGetValue(t.Definition, out var d) && d.RowKind == Domain.Templates.RowKind.Functional)
            .SelectMany(t => t.Rows).Where(r => r.Key.Length == 7 && r.Key.All(char.IsAsciiDigit) && r.Cells.Any(c => c.Value is { Value: not 0m }))
            .Select(r => r.Key).Distinct().Order(StringComparer.Ordinal);
        var items = codes.Select(code => new GlossaryEntry(
            $"{figures.FunctionName(code[..3])}（类）{figures.FunctionName(code[..5])}（款）{figures.FunctionName(code)}（项）",
            catalog.ExplanationOf(code)));
        return [.. Fixed.Value, .. items];
    }

    private static IReadOnlyList<GlossaryEntry> Load()
    {
        using var stream = typeof(Glossary).Assembly.GetManifestResourceStream("Juesuan.Documents.glossary-terms.json")
            ?? throw new InvalidOperationException("Missing resource glossary-terms.json");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("terms").EnumerateArray()
            .Select(t => new GlossaryEntry(t.GetProperty("term").GetString()!, t.GetProperty("text").GetString())).ToArray();
    }
}
