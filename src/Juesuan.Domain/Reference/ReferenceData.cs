using Juesuan.Domain.Scoring;

namespace Juesuan.Domain.Reference;

/// <summary>
/// The reference data a run works with, as one immutable value handed to whoever needs it (issue 14): today the
/// scoring rule sets that both `audit` and `score` check self-evaluations against, so the two cannot disagree. The
/// embedded data is <see cref="Embedded"/>; a user's rules file replaces the rule sets with
/// <see cref="WithScoringRules(IReadOnlyList{ScoringRules}, string)"/>. Templates and catalogues still come from their static
/// libraries; they join this value in a later step.
/// </summary>
public sealed record ReferenceData
{
    private ReferenceData(IReadOnlyList<ScoringRules> scoringRuleSets, ScoringRules fallback, string? scoringSource)
    {
        ScoringRuleSets = scoringRuleSets;
        FallbackScoring = fallback;
        ScoringSource = scoringSource;
    }

    /// <summary>The data built into Juesuan.</summary>
    public static ReferenceData Embedded { get; } = new(ScoringRules.All, ScoringRules.National, null);

    /// <summary>The scoring rule sets, each for its provinces.</summary>
    public IReadOnlyList<ScoringRules> ScoringRuleSets { get; }

    /// <summary>The rule set for a province none of the sets names: the national rules, or the first set of a user's file.</summary>
    public ScoringRules FallbackScoring { get; }

    /// <summary>Where the scoring rules came from (a file name), or null for the embedded ones.</summary>
    public string? ScoringSource { get; }

    /// <summary>The same data with a user's scoring rule sets instead of the embedded ones.</summary>
    public ReferenceData WithScoringRules(IReadOnlyList<ScoringRules> ruleSets, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        if (ruleSets.Count == 0)
        {
            throw new ArgumentException("At least one rule set.", nameof(ruleSets));
        }

        return new(ruleSets, ruleSets[0], source);
    }

    /// <summary>
    /// The same data with the scoring rule sets of a JSON file (the shape of the embedded scoring-rules.json); throws
    /// <see cref="InvalidDataException"/> saying what is wrong with it.
    /// </summary>
    public ReferenceData WithScoringRules(Stream json, string? source = null) => WithScoringRules(ScoringRules.Load(json), source);

    /// <summary>The rule set for a department of <paramref name="province"/>.</summary>
    public ScoringRules ScoringFor(string? province) =>
        ScoringRuleSets.FirstOrDefault(r => province is not null && r.Provinces.Any(p => province.StartsWith(p, StringComparison.Ordinal))) ?? FallbackScoring;
}
