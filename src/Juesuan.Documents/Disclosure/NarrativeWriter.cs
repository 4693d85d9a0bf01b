using Juesuan.Domain.Reference;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;

namespace Juesuan.Documents.Disclosure;

/// <summary>A paragraph of a generated section, or a sub-heading within it (「（一）机关运行经费支出情况」).</summary>
public sealed record GeneratedParagraph(string Text, bool IsHeading = false);

/// <summary>A generated section of the narrative: the template's number, title and key, and its paragraphs.</summary>
public sealed record GeneratedSection(string Number, string Title, string Key, IReadOnlyList<GeneratedParagraph> Paragraphs)
{
    /// <summary>The paragraphs joined by line breaks, as <see cref="NarrativeSection.Text"/> holds them.</summary>
    public string Text => string.Join("\n", Paragraphs.Select(p => p.Text));
}

/// <summary>Something the narrative needs and the data does not give (a reason, a prior-year figure): left as a visible placeholder.</summary>
/// <param name="Section">The section heading (「一、收入支出决算总体情况说明」).</param>
/// <param name="What">What is missing (「收入总计与上年相比增减的原因」).</param>
public sealed record NarrativeGap(string Section, string What)
{
    /// <summary>For a missing reason: the figure it is for (its change to the prior year, or its deviation from the budget).</summary>
    public FactKey? Subject { get; init; }

    /// <summary>For a missing reason: which (a change or a budget deviation).</summary>
    public ExplanationTopic? Topic { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Section}：待补充{What}";
}

/// <summary>The generated narrative and its gaps.</summary>
public sealed record GeneratedNarrative(IReadOnlyList<GeneratedSection> Sections, IReadOnlyList<NarrativeGap> Gaps)
{
    /// <summary>The narrative as the model holds it (sections only; claims come from reading it back).</summary>
    public Narrative ToNarrative() => new()
    {
        Sections = Sections.Select(s => new NarrativeSection { Number = s.Number, Title = s.Title, Key = s.Key, Text = s.Text }).ToArray(),
    };
}

/// <summary>
/// 情况说明生成: writes every section of the department-year's template from its figures, in the wording the
/// published reports use — totals and changes, each type with its share, one paragraph per 项 with budget, actual,
/// completion rate and 大于/小于/等于, 三公 with counts, and so on. Amounts are the tables' own, shares and rates are
/// computed from them (2 decimals, half up), reasons are quoted from the data. Where the data lacks a reason or a
/// figure the text says 【待补充：…】 and the gap is reported: nothing is invented.
/// </summary>
public static partial class NarrativeWriter
{
    /// <summary>The opening of every placeholder.</summary>
    public const string PlaceholderOpen = "【待补充：";

    /// <summary>
    /// Writes the narrative of <paramref name="year"/> for its template. A report read back (PDF, text) keeps its own
    /// words: each section it printed is published as written — the audit checks its figures against the tables as it
    /// checks any report's — and only the sections it lacks are written from the figures (issue 16, part 3).
    /// </summary>
    /// <param name="year">The department-year.</param>
    /// <param name="reference">The reference data of the run (the embedded data when none is given).</param>
    /// <param name="ownWords">False to write every section from the figures even for a report read back.</param>
    public static GeneratedNarrative Write(DepartmentYear year, ReferenceData? reference = null, bool ownWords = true)
    {
        ArgumentNullException.ThrowIfNull(year);
        var figures = new Figures(year, reference);
        var writer = new SectionWriter(figures);
        var own = ownWords && ReadBack(year)
            ? year.Narrative.Sections.Where(s => s.Key is not null && !string.IsNullOrWhiteSpace(s.Text)).GroupBy(s => s.Key!).ToDictionary(g => g.Key, g => g.First())
            : [];
        var sections = figures.Template.Sections
            .Select(section => section.Key is { } key && own.TryGetValue(key, out var printed)
                ? new GeneratedSection(section.Number, section.Title, key, Paragraphs(printed.Text))
                : writer.Write(section))
            .ToArray();
        return new GeneratedNarrative(sections, writer.Gaps);
    }

    /// <summary>True for a department-year read back from a published report (its words are the preparer's), not entered as data.</summary>
    public static bool ReadBack(DepartmentYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return year.Sources.Any(s => Path.GetExtension(s).ToLowerInvariant() is ".pdf" or ".txt" or ".docx");
    }

    // A printed section's text as paragraphs: at its line breaks, and before the numbered points a section is made of
    // (「（一）」, 「1.」) when the reader joined its lines.
    // A numbered sub-heading the reader joined with the sentence under it (「（一）…总体情况一般公共预算…」) is its own
    // heading again.
    private static IReadOnlyList<GeneratedParagraph> Paragraphs(string text) =>
        [.. System.Text.RegularExpressions.Regex.Split(text.Trim(), @"\n+|(?<=[。；：])(?=（[一二三四五六七八九十]+）|[0-9]{1,2}[.．、](?![0-9]))")
            .Select(p => p.Trim()).Where(p => p.Length > 0)
            .SelectMany(p => SubHeading().Match(p) is { Success: true } h && h.Length < p.Length
                ? new[] { new GeneratedParagraph(h.Value, IsHeading: true), new GeneratedParagraph(p[h.Length..]) }
                : [new GeneratedParagraph(p)])];

    [System.Text.RegularExpressions.GeneratedRegex(@"^（[一二三四五六七八九十]+）[^，。；：、,;:0-9]{2,40}?(?:情况说明|情况|说明)(?![，。；：、,;:况明说])")]
    private static partial System.Text.RegularExpressions.Regex SubHeading();
}
