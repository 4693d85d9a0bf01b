using System.Text;
using Juesuan.Documents.AuditReports;
using Juesuan.Domain.Model;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>A document waiting for review: where its audit stands, who reviews it, and whose turn it is in its comments.</summary>
public sealed record QueueItem(StoredLedgerEntry Entry, string? AssignedTo, StoredComment? LastComment)
{
    /// <summary>Not audited yet, not reviewed yet, or under review (审核中).</summary>
    public string State => Entry.Errors is null ? "未审核" : Entry.Reviewed ? "审核中" : "待审阅";

    /// <summary>True when the last comment is a reviewer's (the preparer's answer is awaited); false after the preparer's answer.</summary>
    public bool AwaitingPreparer => LastComment?.Role == CommentRoles.Reviewer;
}

/// <summary>Who wrote a comment on a finding.</summary>
public static class CommentRoles
{
    /// <summary>A reviewer (审核人员).</summary>
    public const string Reviewer = "reviewer";

    /// <summary>The department's preparer (编制人员), answering.</summary>
    public const string Preparer = "preparer";
}

/// <summary>What a re-audit of the whole store found: how many documents, and which came out differently.</summary>
public sealed record ReauditOutcome(long Id, int Documents, int Changed, string Note);

/// <summary>
/// 审核队列: the documents not signed off, most severe first; reviewers assigned in bulk; a thread of comments per
/// finding between reviewer and preparer; and a re-audit of everything after a rule update, noting what changed.
/// </summary>
public sealed class ReviewQueue(Library library, Reports reports, Audits audits, Reviews reviews)
{
    /// <summary>
    /// The documents waiting for review (of <paramref name="year"/>, assigned to <paramref name="reviewer"/> when given):
    /// errors first, then warnings, then the oldest received; not audited ones after the audited.
    /// </summary>
    public async Task<IReadOnlyList<QueueItem>> ListAsync(int? year = null, string? reviewer = null, CancellationToken cancellationToken = default)
    {
        if (await library.OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is not { } store)
        {
            return [];
        }

        var entries = await store.LedgerEntriesAsync(year, cancellationToken).ConfigureAwait(false);
        var assignments = await store.AssignmentsAsync(cancellationToken).ConfigureAwait(false);
        var comments = await store.LastCommentsAsync(cancellationToken).ConfigureAwait(false);
        return [.. entries.Where(e => !e.SignedOff)
            .Select(e => new QueueItem(e, assignments.GetValueOrDefault(e.Key)?.Reviewer, comments.GetValueOrDefault(e.Key)))
            .Where(i => reviewer is null || i.AssignedTo == reviewer)
            .OrderBy(i => i.Entry.Errors is null)
            .ThenByDescending(i => i.Entry.Errors ?? 0).ThenByDescending(i => i.Entry.Warnings ?? 0).ThenBy(i => i.Entry.ReceivedAt)];
    }

    /// <summary>Assigns documents to a reviewer (null: unassigns them); how many were.</summary>
    public async Task<int> AssignAsync(IReadOnlyList<string> keys, string? reviewer, string by, CancellationToken cancellationToken = default) =>
        await (await library.StoreAsync(cancellationToken).ConfigureAwait(false)).AssignAsync(keys, string.IsNullOrWhiteSpace(reviewer) ? null : reviewer.Trim(), by, cancellationToken).ConfigureAwait(false);

    /// <summary>The comments on a document's findings, oldest first.</summary>
    public async Task<IReadOnlyList<StoredComment>> CommentsAsync(string key, CancellationToken cancellationToken = default) =>
        await library.OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store ? await store.CommentsAsync(key, cancellationToken).ConfigureAwait(false) : [];

    /// <summary>Adds a reviewer's remark or a preparer's answer to a finding's thread (at most 1,000 characters); null when the key is not stored.</summary>
    public async Task<StoredComment?> CommentAsync(string key, string fingerprint, int revision, string author, string role, string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        return await (await library.StoreAsync(cancellationToken).ConfigureAwait(false))
            .AddCommentAsync(key, fingerprint, revision, author, role, trimmed.Length > 1000 ? trimmed[..1000] : trimmed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a re-audit (its record, for the page to follow); run it with <see cref="ReauditAllAsync"/>.</summary>
    public async Task<long> StartReauditAsync(string? by, CancellationToken cancellationToken = default) =>
        await (await library.StoreAsync(cancellationToken).ConfigureAwait(false)).StartReauditAsync(by, cancellationToken).ConfigureAwait(false);

    /// <summary>The latest re-audits, newest first.</summary>
    public async Task<IReadOnlyList<StoredReaudit>> ReauditsAsync(int limit = 5, CancellationToken cancellationToken = default) =>
        await library.OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is { } store ? await store.ReauditsAsync(limit, cancellationToken).ConfigureAwait(false) : [];

    /// <summary>
    /// Audits every stored document's current revision again with the rules of this build (after a rule update), keeps
    /// each audit, and notes for each document whose errors and warnings came out differently what was added and what
    /// went, by rule. <paramref name="id"/> is the re-audit's record (<see cref="StartReauditAsync"/>), updated as it goes.
    /// </summary>
    public async Task<ReauditOutcome> ReauditAllAsync(long id, string? by, CancellationToken cancellationToken = default)
    {
        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        var keys = (await store.ListAsync(cancellationToken).ConfigureAwait(false)).Select(s => s.Key).ToList();
        var changes = new List<string>();
        var done = 0;
        var failed = new List<string>();
        try
        {
            foreach (var key in keys)
            {
                try
                {
                    var loaded = await reports.LoadStoredAsync(key, withOriginal: true, cancellationToken).ConfigureAwait(false);
                    if (loaded.Stored is not { } stored || !loaded.Success)
                    {
                        continue;
                    }

                    var before = await store.LatestFindingsAsync(key, stored.Revision, cancellationToken).ConfigureAwait(false);
                    var report = await audits.AuditStoredAsync(loaded, cancellationToken).ConfigureAwait(false);
                    await library.SaveAuditAsync(stored, report, by, cancellationToken).ConfigureAwait(false);
                    var after = report.Findings.Where(f => f.Severity is Audit.Severity.Error or Audit.Severity.Warning)
                        .Select(f => new StoredFindingRow(f.Rule, f.Severity.ToString().ToLowerInvariant(), f.Location, f.Message)).ToList();
                    if (before is not null && Difference(before, after) is { } change)
                    {
                        changes.Add($"{key}：{change}");
                    }

                    done++;
                }
                catch (StoreException e)
                {
                    // One document deleted or replaced meanwhile does not stop the others.
                    failed.Add($"{key}：{e.Message}");
                }

                if ((done + failed.Count) % 10 == 0)
                {
                    await store.UpdateReauditAsync(id, done, changes.Count, null, finished: false, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever stops it, the record is finished and says so; never 「进行中」 for ever.
            var stopped = $"重新审核在第 {done + failed.Count + 1} 份材料处中断：{e.Message}";
            await store.UpdateReauditAsync(id, done, changes.Count, stopped, finished: true, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var note = new StringBuilder($"按现行规则重新审核 {done} 份材料，{changes.Count} 份的结果有变化");
        note.Append(changes.Count == 0 ? "。" : "：");
        foreach (var change in changes.Take(100))
        {
            note.Append('\n').Append(change);
        }

        if (changes.Count > 100)
        {
            note.Append('\n').Append($"……另有 {changes.Count - 100} 份");
        }

        foreach (var failure in failed)
        {
            note.Append('\n').Append("未能重新审核 ").Append(failure);
        }

        await store.UpdateReauditAsync(id, done, changes.Count, note.ToString(), finished: true, cancellationToken).ConfigureAwait(false);
        return new ReauditOutcome(id, done, changes.Count, note.ToString());
    }

    /// <summary>
    /// The remediation notice (整改通知) for a department's documents of <paramref name="year"/> — its own and its units' —
    /// listing what is still open in each (audited as they stand); null when the organisation is not a department.
    /// </summary>
    public async Task<AuditLetter?> NoticeAsync(long department, int year, string issuer, string? number, DateOnly date, DateOnly? deadline, CancellationToken cancellationToken = default)
    {
        if (await library.OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is not { } store)
        {
            return null;
        }

        var organisations = await store.OrganisationsAsync(cancellationToken).ConfigureAwait(false);
        if (organisations.FirstOrDefault(o => o.Id == department && o.Level == "department") is not { } owner)
        {
            return null;
        }

        var members = organisations.Where(o => o.Id == department || o.ParentId == department).ToDictionary(o => o.Id);
        var documents = new List<(string, Audit.AuditReport, IReadOnlyList<ReviewedFinding>)>();
        foreach (var entry in (await store.LedgerEntriesAsync(year, cancellationToken).ConfigureAwait(false))
            .Where(e => e.Organisation is { } o && members.ContainsKey(o)).OrderBy(e => e.Kind).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            var loaded = await reports.LoadStoredAsync(entry.Key, withOriginal: true, cancellationToken).ConfigureAwait(false);
            if (!loaded.Success)
            {
                continue;
            }

            var report = await audits.AuditStoredAsync(loaded, cancellationToken).ConfigureAwait(false);
            var title = DocumentKinds.Name(entry.Kind) + (entry.Organisation == department ? string.Empty : "·" + members[entry.Organisation!.Value].Name);
            documents.Add((title, report, await reviews.ReviewedAsync(entry.Key, report, cancellationToken).ConfigureAwait(false)));
        }

        return Letters.ComposeNotice(owner.Name, year, documents, issuer, number, date, deadline);
    }

    // What was added and what went, by rule: 「新增 2 项（D.NAME 1、N.SCOPE 1），消失 1 项（T.ROWS 1）」; null when the same.
    private static string? Difference(IReadOnlyList<StoredFindingRow> before, IReadOnlyList<StoredFindingRow> after)
    {
        static string Key(StoredFindingRow f) => $"{f.Rule}\u001f{f.Severity}\u001f{f.Location}\u001f{f.Message}";
        var old = before.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
        var added = new List<StoredFindingRow>();
        foreach (var f in after)
        {
            if (old.TryGetValue(Key(f), out var same) && same.Count > 0)
            {
                same.RemoveAt(same.Count - 1);
            }
            else
            {
                added.Add(f);
            }
        }

        var gone = old.Values.SelectMany(v => v).ToList();
        if (added.Count == 0 && gone.Count == 0)
        {
            return null;
        }

        static string ByRule(List<StoredFindingRow> rows) => string.Join("、", rows.GroupBy(r => r.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add($"新增 {added.Count} 项（{ByRule(added)}）");
        }

        if (gone.Count > 0)
        {
            parts.Add($"消失 {gone.Count} 项（{ByRule(gone)}）");
        }

        return string.Join("，", parts);
    }
}
