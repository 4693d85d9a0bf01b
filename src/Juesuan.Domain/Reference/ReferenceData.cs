using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Scoring;
using Juesuan.Domain.Templates;

namespace Juesuan.Domain.Reference;

/// <summary>
/// The reference data a run works with (基础数据), as one immutable value handed to readers, rules, writers and the
/// store (issue 14): table definitions and provincial templates, the catalogue editions with their crosswalk, the
/// scoring rule sets. <see cref="Embedded"/> is what Juesuan ships; <see cref="FromFolder"/> adds a user's own —
/// a province's template, a new catalogue edition, the scoring rules of a finance bureau — without a rebuild, and
/// <c>audit</c> and <c>score</c> judge by the same rules because they are handed the same value.
/// </summary>
public sealed record ReferenceData
{
    // The parts are held lazily so that the embedded data, a value every command is handed, costs nothing until a part
    // is used: a PDF's words are read while the templates are still being loaded (issue 19).
    private readonly Lazy<TemplateSet> templates;
    private readonly Lazy<CatalogSet> catalogs;
    private readonly Lazy<(IReadOnlyList<ScoringRules> Sets, ScoringRules Fallback)> scoring;

    private ReferenceData(Lazy<TemplateSet> templates, Lazy<CatalogSet> catalogs, Lazy<(IReadOnlyList<ScoringRules> Sets, ScoringRules Fallback)> scoring, string? scoringSource, string? folder)
    {
        this.templates = templates;
        this.catalogs = catalogs;
        this.scoring = scoring;
        ScoringSource = scoringSource;
        Folder = folder;
    }

    /// <summary>The data built into Juesuan; each part is read from the assembly on first use.</summary>
    public static ReferenceData Embedded { get; } = new(new(() => TemplateSet.Embedded), new(() => CatalogSet.Embedded), new(() => (ScoringRules.All, ScoringRules.National)), null, null);

    /// <summary>Table definitions and templates.</summary>
    public TemplateSet Templates => templates.Value;

    /// <summary>Catalogue editions and their crosswalk.</summary>
    public CatalogSet Catalogs => catalogs.Value;

    /// <summary>The scoring rule sets, each for its provinces.</summary>
    public IReadOnlyList<ScoringRules> ScoringRuleSets => scoring.Value.Sets;

    /// <summary>The rule set for a province none of the sets names: the national rules, or the first set of a user's file.</summary>
    public ScoringRules FallbackScoring => scoring.Value.Fallback;

    /// <summary>Where the scoring rules came from (a file name), or null for the embedded ones.</summary>
    public string? ScoringSource { get; }

    /// <summary>The user folder this data was extended from, or null.</summary>
    public string? Folder { get; private init; }

    /// <summary>
    /// Equal when every part is the same: the same template and catalogue sets and scoring rule list (as before the
    /// parts were held lazily), equal fallback rules, source and folder. Comparing loads the parts.
    /// </summary>
    public bool Equals(ReferenceData? other) =>
        other is not null && (ReferenceEquals(this, other) || (ReferenceEquals(Templates, other.Templates) && ReferenceEquals(Catalogs, other.Catalogs)
            && ReferenceEquals(ScoringRuleSets, other.ScoringRuleSets) && FallbackScoring == other.FallbackScoring && ScoringSource == other.ScoringSource && Folder == other.Folder));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Templates, Catalogs, ScoringRuleSets, FallbackScoring, ScoringSource, Folder);

    /// <summary>The template a department-year names, from this data (the default one when it names none it knows).</summary>
    public Template TemplateOf(Model.DepartmentYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return Templates.Find(year.TemplateId) ?? Templates.Default;
    }

    /// <summary>The same data with a user's scoring rule sets instead of the embedded ones.</summary>
    public ReferenceData WithScoringRules(IReadOnlyList<ScoringRules> ruleSets, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        if (ruleSets.Count == 0)
        {
            throw new ArgumentException("At least one rule set.", nameof(ruleSets));
        }

        return new(templates, catalogs, new((ruleSets, ruleSets[0])), source, Folder);
    }

    /// <summary>
    /// The same data with the scoring rule sets of a JSON file (the shape of the embedded scoring-rules.json); throws
    /// <see cref="InvalidDataException"/> saying what is wrong with it.
    /// </summary>
    public ReferenceData WithScoringRules(Stream json, string? source = null) => WithScoringRules(ScoringRules.Load(json), source);

    /// <summary>The same data with more templates (a province's, loaded at run time).</summary>
    public ReferenceData WithTemplates(IEnumerable<Template> templates) => new(new(Templates.With(templates)), catalogs, scoring, ScoringSource, Folder);

    /// <summary>The same data with more catalogue editions.</summary>
    public ReferenceData WithCatalogs(IEnumerable<Catalog> editions) => new(this.templates, new(Catalogs.With(editions)), scoring, ScoringSource, Folder);

    /// <summary>
    /// The embedded data extended from a user folder: <c>templates/*.json</c> (templates in the shape of the embedded
    /// ones), <c>catalogs/*.json</c> (catalogue editions) and <c>scoring-rules.json</c>. A missing folder or part is
    /// nothing to add; a malformed file throws <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public static ReferenceData FromFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new InvalidDataException($"基础数据目录 {folder} 不存在。");
        }

        var data = Embedded;
        var templates = Files(folder, "templates").Select(f => Load(f, TemplateSet.ReadTemplate)).ToArray();
        if (templates.Length > 0)
        {
            data = data.WithTemplates(templates);
        }

        var catalogs = Files(folder, "catalogs").SelectMany(f => Load(f, Catalog.LoadEditions)).ToArray();
        if (catalogs.Length > 0)
        {
            data = data.WithCatalogs(catalogs);
        }

        var rules = Path.Combine(folder, "scoring-rules.json");
        if (File.Exists(rules))
        {
            data = data.WithScoringRules(Load(rules, ScoringRules.Load), rules);
        }

        return data with { Folder = folder };
    }

    /// <summary>The rule set for a department of <paramref name="province"/>.</summary>
    public ScoringRules ScoringFor(string? province) =>
        ScoringRuleSets.FirstOrDefault(r => province is not null && r.Provinces.Any(p => province.StartsWith(p, StringComparison.Ordinal))) ?? FallbackScoring;

    private static IEnumerable<string> Files(string folder, string part) =>
        Directory.Exists(Path.Combine(folder, part)) ? Directory.EnumerateFiles(Path.Combine(folder, part), "*.json").Order(StringComparer.Ordinal) : [];

    private static T Load<T>(string file, Func<Stream, T> read)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return read(stream);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new InvalidDataException($"基础数据文件 {file} 无法使用：{e.Message}", e);
        }
    }
}
