using Juesuan.Domain.Model;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>
/// Which organisation a report belongs to, decided from its content (报告归属): the one it names for certain, or the
/// candidates a reviewer chooses from (none when nothing resembles it), with why.
/// </summary>
public sealed record OrganisationMatch(StoredOrganisation? Organisation, IReadOnlyList<StoredOrganisation> Candidates, string PrintedName, string Why)
{
    /// <summary>True when the organisation is certain.</summary>
    public bool Certain => Organisation is not null;
}

/// <summary>What filing a report did: saved under an organisation, or set aside for a reviewer's confirmation.</summary>
public sealed record Filing(StoredSummary? Saved, OrganisationMatch Match, IReadOnlyList<string> Notes)
{
    /// <summary>True when it waits for a reviewer to confirm its organisation (nothing was saved).</summary>
    public bool Pending => Saved is null;
}

/// <summary>One file of a batch intake as it was done: what was read, where it was filed, its audit.</summary>
/// <param name="Index">Its place in the batch's list.</param>
/// <param name="File">The file.</param>
/// <param name="Loaded">What reading it gave (its bytes let go).</param>
/// <param name="Filing">Where it was filed, when saving was asked and it was read.</param>
/// <param name="Report">Its audit, when asked and it was read.</param>
public sealed record IntakeItem(int Index, string File, Loaded Loaded, Filing? Filing, Audit.AuditReport? Report);

/// <summary>
/// 材料接收: files a read report under the organisation its own content names (cover, title, 编制单位, table headers —
/// the department name the reader settled on), never its file's name. Once a bureau has registered its organisations,
/// a report that names none of them for certain is not saved but waits for confirmation; before that, an unknown
/// department is added as the reports name it (a single bureau's store needs no setup).
/// </summary>
public sealed class Intake(Library library)
{
    /// <summary>Matches a report's printed name against the organisations, by kind: a 单位决算 to a unit, anything else to a department.</summary>
    public static OrganisationMatch Match(IReadOnlyList<StoredOrganisation> organisations, string printedName, DocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(printedName);
        var byId = organisations.ToDictionary(o => o.Id);
        var wanted = kind == DocumentKind.UnitFinalAccounts ? "unit" : "department";
        var scored = organisations.Where(o => o.Level != "region").Select(o => (Organisation: o, Score: Score(o, printedName, byId))).Where(s => s.Score > 0).ToList();

        // A 单位决算 printing a department's own name is that department's (its 本级 unit's, filed with it): a department
        // that is its one budget unit publishes so (「2023 年度单位决算」 under the bureau's name).
        if (kind == DocumentKind.UnitFinalAccounts && scored.Where(s => s.Organisation.Level == "department" && s.Score == 3).Select(s => s.Organisation).ToList() is [var itself])
        {
            // Its 本级 unit when the department lists one (「X（本级）」), else the department itself.
            var own = organisations.Where(o => o.ParentId == itself.Id && o.Level == "unit" && Ledgers.IsOwnUnit(o, itself)).ToList();
            return own.Count == 1
                ? new(own[0], own, printedName, "单位决算印的是部门名称，归入该部门的本级单位")
                : new(itself, [itself], printedName, "单位决算印的是部门自己的名称，归入该部门");
        }

        var atLevel = scored.Where(s => s.Organisation.Level == wanted).ToList();
        if (atLevel.Count > 0 && atLevel.Max(s => s.Score) is var best and >= 2)
        {
            var top = atLevel.Where(s => s.Score == best).Select(s => s.Organisation).ToList();
            return top.Count == 1
                ? new(top[0], top, printedName, best == 3 ? "名称一致" : "名称一致（省略了所在地区）")
                : new(null, top, printedName, $"「{printedName}」可能是{top.Count}个组织中的任一个");
        }

        if (kind == DocumentKind.UnitFinalAccounts)
        {
            // A 本级 unit's disclosure often prints the department's own name: the department's one 本级 unit is meant.
            var departments = scored.Where(s => s.Organisation.Level == "department" && s.Score >= 2).Select(s => s.Organisation).ToList();
            if (departments.Count == 1)
            {
                var units = organisations.Where(o => o.ParentId == departments[0].Id && o.Level == "unit").ToList();
                if (units.Count == 0)
                {
                    // A department that is its one budget unit publishes its accounts as a 单位决算 (「2023 年度单位决算」).
                    return new(departments[0], departments, printedName, "单位决算印的是部门名称，该部门没有下属单位，即部门本身的决算");
                }

                var own = units.Where(u => Ledgers.IsOwnUnit(u, departments[0])).ToList();
                return own.Count == 1
                    ? new(own[0], own, printedName, "单位决算印的是部门名称，归入该部门的本级单位")
                    : new(null, units.Count > 0 ? units : departments, printedName, $"单位决算印的是部门名称「{printedName}」，无法确定是哪个单位");
            }
        }

        var others = scored.OrderByDescending(s => s.Score).Select(s => s.Organisation).ToList();
        if (others.Count > 0)
        {
            return new(null, others, printedName, atLevel.Count > 0 ? $"「{printedName}」只与组织的简称或不带地区的名称相符" : $"「{printedName}」与{(wanted == "unit" ? "单位" : "部门")}不符，只与其他层级的组织相符");
        }

        var similar = organisations.Where(o => o.Level == wanted && (OrganisationNames.Abbreviates(printedName, o.Name) || OrganisationNames.Abbreviates(o.Name, printedName))).Take(5).ToList();
        return new(null, similar, printedName, $"「{printedName}」不是已登记的任何组织{(similar.Count > 0 ? $"，与「{string.Join("」「", similar.Select(o => o.Name))}」相近" : string.Empty)}");
    }

    /// <summary>
    /// 3: the name or an alias; 2: the name without its region, or with the narrowest region only (「普陀区…」 or 「区…」 for
    /// 「上海市普陀区…」); 1: the name without any region (「医疗保障局」), which a reviewer must confirm; 0: another name.
    /// </summary>
    private static int Score(StoredOrganisation organisation, string printedName, IReadOnlyDictionary<long, StoredOrganisation> byId)
    {
        var printed = OrganisationNames.Normalize(printedName);
        var names = organisation.Aliases.Prepend(organisation.Name).Select(OrganisationNames.Normalize).ToList();
        if (names.Contains(printed) || (organisation.Level == "unit" && names.Any(n => n == printed + "本级")))
        {
            return 3;
        }

        var chain = Chain(organisation, byId);
        if (chain.Count == 0)
        {
            chain = [.. OrganisationNames.LeadingRegionWords(organisation.Name)];
        }

        var cores = names.Select(n => OrganisationNames.Strip(n, chain).Core).ToHashSet(StringComparer.Ordinal);
        var (core, dropped, endsChain) = OrganisationNames.Strip(printed, chain);
        if (dropped && endsChain && cores.Contains(core))
        {
            return 2;
        }

        return cores.Contains(printed) ? 1 : 0;
    }

    // The region words above an organisation, widest first (a unit's are its department's).
    private static List<string> Chain(StoredOrganisation organisation, IReadOnlyDictionary<long, StoredOrganisation> byId)
    {
        var regions = new List<string>();
        var seen = new HashSet<long>();
        for (var at = organisation.ParentId; at is { } id && byId.TryGetValue(id, out var parent) && seen.Add(id); at = parent.ParentId)
        {
            if (parent.Level == "region")
            {
                regions.InsertRange(0, OrganisationNames.RegionWords(parent.Name));
            }
        }

        return regions;
    }

    /// <summary>
    /// Files a read report: under <paramref name="chosen"/> when a reviewer chose (the printed name is then remembered as
    /// the organisation's alias, so the next report that prints it is filed without asking), else under the organisation
    /// its content names. With a preparer's <paramref name="scope"/> the store's own check decides.
    /// </summary>
    public async Task<Filing> FileAsync(Loaded loaded, string? by = null, long? scope = null, long? chosen = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var year = loaded.Year ?? throw new ArgumentException("Nothing was read.", nameof(loaded));
        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        var organisations = await store.OrganisationsAsync(cancellationToken).ConfigureAwait(false);
        var match = Match(organisations, year.Department.Name, year.Kind);
        var notes = FileNameNotes(loaded.Original?.FileName ?? loaded.Source, year, match.Organisation).ToList();
        if (scope is not null)
        {
            return new(await library.SaveAsync(loaded, by, scope, cancellationToken).ConfigureAwait(false), match, notes);
        }

        if (chosen is { } id)
        {
            var organisation = organisations.FirstOrDefault(o => o.Id == id && o.Level != "region") ?? throw new ChosenOrganisationGoneException($"所选组织（编号 {id}）已不存在，请重新选择。");
            var printed = OrganisationNames.Normalize(year.Department.Name);
            if (!organisations.Any(o => o.Aliases.Prepend(o.Name).Any(n => OrganisationNames.Normalize(n) == printed)))
            {
                // Remembered only when no organisation bears that name already: an alias never names two organisations.
                await store.AddAliasAsync(organisation.Id, year.Department.Name, cancellationToken).ConfigureAwait(false);
            }

            await store.RegisterAsync(organisation.Id, cancellationToken).ConfigureAwait(false);
            return new(await SaveAsync(loaded, by, organisation.Id, cancellationToken).ConfigureAwait(false), match with { Organisation = organisation, Why = "审核人员确认" }, notes);
        }

        if (match.Organisation is { } certain)
        {
            return new(await SaveAsync(loaded, by, certain.Id, cancellationToken).ConfigureAwait(false), match, notes);
        }

        // Nothing registered yet: the department is found by its name or aliases, or added as the report names it.
        return organisations.Any(o => o.Registered)
            ? new(null, match, notes)
            : new(await library.SaveAsync(loaded, by, null, cancellationToken).ConfigureAwait(false), match, notes);
    }

    /// <summary>
    /// Reads, files (<paramref name="save"/>) and audits (<paramref name="audit"/>) many files on every core: each worker
    /// holds one document at a time (memory stays bounded however many files there are) and the store's writes are made
    /// one at a time. Filed reports are audited after every file is filed — from the store, against their stored prior
    /// year — so a batch holding two years of one department audits the same way whatever order its workers finish in;
    /// each audit is kept with its revision. <paramref name="done"/> is told of each file as it is finished (one at a
    /// time, in the order they finish).
    /// </summary>
    public async Task FileAllAsync(Reports reports, Audits audits, IReadOnlyList<string> files, string? by, bool save, bool audit, Func<IntakeItem, Task> done,
        int? workers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(audits);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(done);
        using var writes = new SemaphoreSlim(1, 1);
        using var told = new SemaphoreSlim(1, 1);
        using var batch = files.Count > 1 ? Juesuan.Import.Importer.Batch() : null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        var filedToAudit = new System.Collections.Concurrent.ConcurrentBag<(int Index, Filing Filing, IReadOnlyList<Formats.ImportIssue> Issues)>();

        async Task TellAsync(IntakeItem item, CancellationToken token)
        {
            await told.WaitAsync(token).ConfigureAwait(false);
            try
            {
                await done(item).ConfigureAwait(false);
            }
            finally
            {
                told.Release();
            }
        }

        async Task<T> WritingAsync<T>(Func<Task<T>> write, CancellationToken token)
        {
            await writes.WaitAsync(token).ConfigureAwait(false);
            try
            {
                return await write().ConfigureAwait(false);
            }
            finally
            {
                writes.Release();
            }
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), options, async (i, token) =>
        {
            await Task.Yield();
            var loaded = reports.ReadFile(files[i]);
            var filing = loaded.Success && save ? await WritingAsync(() => FileAsync(loaded, by, cancellationToken: token), token).ConfigureAwait(false) : null;
            if (filing?.Saved is not null && audit)
            {
                filedToAudit.Add((i, filing, loaded.Issues));
                return;
            }

            var report = loaded.Success && audit ? audits.Audit(loaded) : null;
            await TellAsync(new IntakeItem(i, files[i], loaded with { Original = null }, filing, report), token).ConfigureAwait(false);
        }).ConfigureAwait(false);

        await Parallel.ForEachAsync(filedToAudit.OrderBy(f => f.Index), options, async (filed, token) =>
        {
            await Task.Yield();
            var saved = filed.Filing.Saved!;
            var stored = await reports.LoadStoredAsync(saved.Key, withOriginal: true, token).ConfigureAwait(false) with { Source = files[filed.Index], Issues = filed.Issues };
            if (!stored.Success)
            {
                // Deleted by someone else meanwhile: said as such, not audited.
                await TellAsync(new IntakeItem(filed.Index, files[filed.Index], stored, filed.Filing, null), token).ConfigureAwait(false);
                return;
            }

            var report = await audits.AuditStoredAsync(stored, token).ConfigureAwait(false);
            if (stored.Stored is { } current)
            {
                await WritingAsync(() => library.SaveAuditAsync(current, report, by, token), token).ConfigureAwait(false);
            }

            await TellAsync(new IntakeItem(filed.Index, files[filed.Index], stored with { Original = null }, filed.Filing, report), token).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task<StoredSummary> SaveAsync(Loaded loaded, string? by, long organisation, CancellationToken cancellationToken)
    {
        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        var original = loaded.Original is { } o ? o with { By = by ?? o.By } : null;
        return await store.SaveAsync(loaded.Year!, original, null, organisation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Where a file's name says something its content does not (报告文件名与内容不符): another year, or an organisation
    /// its content is not (「区民政局2024年决算.pdf」 holding the medical security bureau's report).
    /// </summary>
    public static IEnumerable<string> FileNameNotes(string fileName, DepartmentYear year, StoredOrganisation? filedUnder = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        return OrganisationNames.FileNameMismatches(fileName, year.Year, year.Department.Name,
            year.Units.Select(u => u.Name).Concat(filedUnder is null ? [] : filedUnder.Aliases.Prepend(filedUnder.Name)));
    }
}

/// <summary>
/// The organisation a person chose for an upload (待确认归属) no longer exists: the upload waits for another choice. The
/// message is Chinese and says so.
/// </summary>
public sealed class ChosenOrganisationGoneException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChosenOrganisationGoneException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ChosenOrganisationGoneException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChosenOrganisationGoneException()
    {
    }
}
