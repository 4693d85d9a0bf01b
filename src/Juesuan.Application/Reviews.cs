using Juesuan.Audit;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>A finding with the decision that stands on it.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Fingerprint">Its identity across revisions.</param>
/// <param name="Review">The standing decision, or null when none was made.</param>
public sealed record ReviewedFinding(Finding Finding, string Fingerprint, StoredReview? Review);

/// <summary>How the current revision's findings compare with the previous revision's.</summary>
/// <param name="PreviousRevision">The revision compared with.</param>
/// <param name="Resolved">Findings of the previous revision the current one no longer has (已解决).</param>
/// <param name="New">Fingerprints of the current findings the previous revision did not have (新出现).</param>
/// <param name="Persisting">Fingerprints of the findings both have (仍存在).</param>
public sealed record RevisionComparison(int PreviousRevision, IReadOnlyList<Finding> Resolved, IReadOnlySet<string> New, IReadOnlySet<string> Persisting);

/// <summary>
/// Review (审核): a reviewer's decision on each finding and the sign-off of a revision. A finding is known across
/// revisions by its fingerprint — its rule and the places of its figures (table, row, column, section), with the value
/// found — so a decision carries over to a finding that persists in a corrected version, and a corrected value makes a
/// new finding.
/// </summary>
public sealed class Reviews(Library library, Audits audits)
{
    /// <summary>
    /// The current revision's findings against the previous revision's (audited again by today's rules, so a change of
    /// rules is not mistaken for a change of the report); null for a first revision.
    /// </summary>
    public async Task<RevisionComparison?> CompareWithPreviousAsync(string key, int revision, AuditReport current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (revision <= 1)
        {
            return null;
        }

        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        if (await store.RevisionAsync(key, revision - 1, cancellationToken).ConfigureAwait(false) is not { } previous)
        {
            return null;
        }

        // Against the same prior year as the current audit, so the cross-year findings are not taken for new ones.
        var prior = await library.PriorOfAsync(key, previous.Year, cancellationToken).ConfigureAwait(false);
        var before = audits.Audit(previous, key, prior).Findings.Where(f => f.Kind != FindingKind.Rounding).GroupBy(FindingFingerprint.Of).ToDictionary(g => g.Key, g => g.First());
        var now = current.Findings.Where(f => f.Kind != FindingKind.Rounding).Select(FindingFingerprint.Of).ToHashSet(StringComparer.Ordinal);
        return new RevisionComparison(
            revision - 1,
            before.Where(b => !now.Contains(b.Key)).Select(b => b.Value).ToArray(),
            now.Where(n => !before.ContainsKey(n)).ToHashSet(StringComparer.Ordinal),
            now.Where(before.ContainsKey).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Every finding of <paramref name="report"/> with the decision standing on it.</summary>
    public async Task<IReadOnlyList<ReviewedFinding>> ReviewedAsync(string key, AuditReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        var reviews = await store.ReviewsAsync(key, cancellationToken).ConfigureAwait(false);
        return report.Findings.Select(f =>
        {
            var print = FindingFingerprint.Of(f);
            return new ReviewedFinding(f, print, reviews.GetValueOrDefault(print));
        }).ToArray();
    }

    /// <summary>
    /// The errors still open (未处理的错误): those no reviewer has judged 误报 or marked 已整改 — undecided, or 确认问题 and not
    /// yet corrected — counted as the audit's summary counts errors (a rule that failed to run is not one). A sign-off
    /// with any open asks the reviewer to say so.
    /// </summary>
    public static int OpenErrors(IEnumerable<ReviewedFinding> reviewed)
    {
        ArgumentNullException.ThrowIfNull(reviewed);
        return reviewed.Count(r => r.Finding.Severity == Severity.Error && r.Finding.Kind != FindingKind.Failed && IsOpen(r));
    }

    /// <summary>A finding still open: neither judged 误报 nor marked 已整改.</summary>
    public static bool IsOpen(ReviewedFinding reviewed)
    {
        ArgumentNullException.ThrowIfNull(reviewed);
        return reviewed.Review?.Decision is not (ReviewDecisions.FalseAlarm or ReviewDecisions.Corrected);
    }

    /// <summary>Records a decision on a finding of the revision the reviewer saw; null when a newer revision has arrived since.</summary>
    public async Task<StoredReview?> DecideAsync(string key, int revision, string fingerprint, string decision, string? comment, string by, CancellationToken cancellationToken = default) =>
        await (await library.StoreAsync(cancellationToken).ConfigureAwait(false)).SaveReviewAsync(key, revision, fingerprint, decision, comment, by, cancellationToken).ConfigureAwait(false);

    /// <summary>Signs off the revision the reviewer saw (审核通过); null when a newer revision has arrived since.</summary>
    public async Task<StoredSignOff?> SignOffAsync(string key, int revision, string by, CancellationToken cancellationToken = default) =>
        await (await library.StoreAsync(cancellationToken).ConfigureAwait(false)).SignOffAsync(key, revision, by, cancellationToken).ConfigureAwait(false);

    /// <summary>The sign-offs of <paramref name="key"/>, latest revision first.</summary>
    public async Task<IReadOnlyList<StoredSignOff>> SignOffsAsync(string key, CancellationToken cancellationToken = default) =>
        await (await library.StoreAsync(cancellationToken).ConfigureAwait(false)).SignOffsAsync(key, cancellationToken).ConfigureAwait(false);
}
