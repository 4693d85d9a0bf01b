using Juesuan.Audit;
using Juesuan.Documents.Disclosure;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>What the render gate found: the errors that stand, the 【待补充】 the document would print, and whether the audit was incomplete.</summary>
public sealed record GateOutcome(IReadOnlyList<Finding> Errors, IReadOnlyList<NarrativeGap> Gaps, string? Incomplete)
{
    /// <summary>The mark across every page of a document rendered although it did not pass (--force, a draft download).</summary>
    public const string Mark = "审核未通过";

    /// <summary>True when the document may be published as it is.</summary>
    public bool Passed => Errors.Count == 0 && Gaps.Count == 0 && Incomplete is null;

    /// <summary>The mark to print on every page: none when the document passed, else <see cref="Mark"/>.</summary>
    public string? Watermark => Passed ? null : Mark;
}

/// <summary>
/// The render gate (issue 16, part 4), the same for the command line and the workbench: a disclosure is published only
/// when its audit finds no error (for the self-evaluation forms alone, none of their rules') — errors a reviewer marked
/// 误报 on a stored report do not count — the audit ran every rule, and the text would print no 【待补充】.
/// </summary>
public sealed class RenderGate(Audits audits, Reviews reviews, Renderer renderer)
{
    /// <summary>Checks <paramref name="loaded"/> for <paramref name="part"/>, laid out by <paramref name="template"/> when given.</summary>
    public async Task<GateOutcome> CheckAsync(Loaded loaded, RenderPart part = RenderPart.Disclosure, string? template = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var year = loaded.Year ?? throw new ArgumentException("Nothing was read.", nameof(loaded));
        var report = audits.Audit(loaded with { Original = null }, await audits.StoredPriorAsync(loaded, cancellationToken).ConfigureAwait(false));
        IEnumerable<Finding> errors = report.Findings.Where(f => f.Severity == Severity.Error && (part == RenderPart.Disclosure || f.Rule.StartsWith("P.", StringComparison.Ordinal)));
        if (loaded.Stored is { } stored)
        {
            var rejected = (await reviews.ReviewedAsync(stored.Key, report, cancellationToken).ConfigureAwait(false))
                .Where(r => r.Review?.Decision == ReviewDecisions.FalseAlarm).Select(r => r.Finding).ToHashSet(ReferenceEqualityComparer.Instance);
            errors = errors.Where(f => !rejected.Contains(f));
        }

        return new GateOutcome([.. errors], part == RenderPart.Disclosure ? renderer.GapsOf(year, template) : [], report.Incomplete);
    }
}
