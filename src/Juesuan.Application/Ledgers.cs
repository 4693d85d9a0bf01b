using System.Globalization;
using Juesuan.Documents.Plain;
using Juesuan.Domain.Model;
using Juesuan.Storage;
using MiniExcelLibs;

namespace Juesuan.Application;

/// <summary>How far a document has come (材料状态), in the order it moves.</summary>
public enum LedgerState
{
    /// <summary>Not received (缺).</summary>
    Missing,

    /// <summary>Received, not audited yet (已收).</summary>
    Received,

    /// <summary>Audited (已审核, with its error and warning counts).</summary>
    Audited,

    /// <summary>A reviewer has decided on findings of its current revision (审核中).</summary>
    UnderReview,

    /// <summary>Its current revision is signed off (已通过).</summary>
    SignedOff,
}

/// <summary>
/// One cell of the ledger: a department's documents of one kind for one year. For 单位决算 it counts the department's
/// units (<see cref="Expected"/>, <see cref="ReceivedCount"/>); for 绩效自评, a self-evaluation published inside the
/// 部门决算 counts (<see cref="WithFinalAccounts"/>).
/// </summary>
public sealed record LedgerCell(
    DocumentKind Kind, int Year, LedgerState State, IReadOnlyList<StoredLedgerEntry> Entries, int Expected, int ReceivedCount,
    int Errors, int Warnings, DateOnly? Due, bool Overdue, bool Late, bool WithFinalAccounts = false)
{
    /// <summary>The document a click opens: the one entry, or the first of several.</summary>
    public string? Key => Entries.FirstOrDefault()?.Key;

    /// <summary>The state in words: 缺, 已收, 错 2 / 警 5, 审核中, 已通过 (with 「2/3」 for units; 「逾期」 when overdue).</summary>
    public string Text
    {
        get
        {
            if (Kind == DocumentKind.UnitFinalAccounts && Expected == 0 && Entries.Count == 0)
            {
                return "—";
            }

            var text = State switch
            {
                LedgerState.Missing => "缺",
                LedgerState.Received => "已收",
                LedgerState.Audited => Errors == 0 && Warnings == 0 ? "已审核 无问题" : $"错 {Errors} / 警 {Warnings}",
                LedgerState.UnderReview => "审核中",
                _ => "已通过",
            };
            if (Kind == DocumentKind.UnitFinalAccounts && Expected > 0)
            {
                text = $"{ReceivedCount}/{Expected} {text}";
            }

            if (WithFinalAccounts)
            {
                text += "（随决算）";
            }

            return Overdue ? text + "（逾期）" : Late ? text + "（逾期提交）" : text;
        }
    }
}

/// <summary>A department's row of the ledger: its cells by year, then by kind (部门决算, 单位决算, 绩效自评).</summary>
public sealed record LedgerRow(StoredOrganisation Department, string? Region, IReadOnlyList<LedgerCell> Cells);

/// <summary>The material ledger (材料台账): departments × years × kinds, as of a day.</summary>
public sealed record Ledger(IReadOnlyList<int> Years, IReadOnlyList<LedgerRow> Rows, DateOnly Today, IReadOnlyDictionary<(int Year, DocumentKind Kind), DateOnly> DueDates)
{
    /// <summary>The cells in one kind and state, counted over every row (for the summary line).</summary>
    public int Count(Func<LedgerCell, bool> which) => Rows.Sum(r => r.Cells.Count(which));

    /// <summary>The documents (each once, however many cells show it) that <paramref name="which"/> holds for.</summary>
    public int Documents(Func<StoredLedgerEntry, bool> which) =>
        Rows.SelectMany(r => r.Cells).SelectMany(c => c.Entries).DistinctBy(e => e.Key).Count(which);

    /// <summary>The ledger in one sentence: departments, missing and overdue cells, documents with errors and signed off.</summary>
    public string Summary =>
        $"共 {Rows.Count} 个部门、{Documents(_ => true)} 份材料；部门决算缺 {Count(c => c.Kind == DocumentKind.FinalAccounts && c.State == LedgerState.Missing)} 份，" +
        $"逾期 {Count(c => c.Overdue)} 项，有错误的材料 {Documents(e => e.Errors > 0)} 份，已通过 {Documents(e => e.SignedOff)} 份（截至 {Today:yyyy-MM-dd}）。";
}

/// <summary>
/// 材料台账: for each department and year, whether its 部门决算, its units' 单位决算 and its 绩效自评 are missing, received,
/// audited (with counts), under review or signed off, against the due date of the year and kind (overdue marked) —
/// as a value for the web page, the terminal and an Excel export.
/// </summary>
public sealed class Ledgers(Library library, JuesuanOptions options)
{
    /// <summary>
    /// The ledger of <paramref name="year"/> (of every year a document or a due date is stored for, when null), as of
    /// <paramref name="today"/> (today in Beijing when null).
    /// </summary>
    public async Task<Ledger> BuildAsync(int? year = null, DateOnly? today = null, CancellationToken cancellationToken = default)
    {
        var day = today ?? BeijingTime.Today(options.Clock);
        if (await library.OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is not { } store)
        {
            return new([], [], day, new Dictionary<(int, DocumentKind), DateOnly>());
        }

        var organisations = await store.OrganisationsAsync(cancellationToken).ConfigureAwait(false);
        var entries = await store.LedgerEntriesAsync(year, cancellationToken).ConfigureAwait(false);
        var due = await store.DueDatesAsync(cancellationToken).ConfigureAwait(false);
        return Build(organisations, entries, due, year, day);
    }

    /// <summary>The ledger of what a store holds (<see cref="BuildAsync"/>), computed.</summary>
    public static Ledger Build(IReadOnlyList<StoredOrganisation> organisations, IReadOnlyList<StoredLedgerEntry> entries, IReadOnlyDictionary<(int Year, DocumentKind Kind), DateOnly> due, int? year, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(due);
        var byId = organisations.ToDictionary(o => o.Id);
        var years = year is { } y ? [y] : entries.Select(e => e.Year).Concat(due.Keys.Select(k => k.Year)).Distinct().Order().ToList();

        // Each organisation's latest document of a year and kind (two keys of one organisation — a renamed department —
        // are one document for the ledger: the one saved last).
        var latest = entries.Where(e => e.Organisation is not null)
            .GroupBy(e => (Organisation: e.Organisation!.Value, e.Year, e.Kind))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.SavedAt).First());
        var unitsOf = organisations.Where(o => o.Level == "unit" && o.ParentId is not null).GroupBy(o => o.ParentId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var filed = latest.Keys.Select(k => k.Organisation).ToHashSet();
        var departments = organisations.Where(o => o.Level == "department")
            .Where(d => d.Registered || filed.Contains(d.Id) || unitsOf.GetValueOrDefault(d.Id)?.Any(u => filed.Contains(u.Id)) == true)
            .OrderBy(d => d.ParentId is { } p && byId.TryGetValue(p, out var r) ? r.Name : string.Empty, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();

        var rows = new List<LedgerRow>();
        foreach (var department in departments)
        {
            var units = unitsOf.GetValueOrDefault(department.Id) ?? [];
            var cells = new List<LedgerCell>();
            foreach (var y2 in years)
            {
                StoredLedgerEntry? Of(long id, DocumentKind kind) => latest.GetValueOrDefault((id, y2, kind));
                // A department that is its own one unit publishes a 单位决算 under its own name: that is its disclosure.
                // (A unit of the department's own name is covered by the same document.)
                var ownUnit = Of(department.Id, DocumentKind.UnitFinalAccounts);
                var final = Of(department.Id, DocumentKind.FinalAccounts) ?? ownUnit;
                cells.Add(Cell(DocumentKind.FinalAccounts, y2, final is null ? [] : [final], 1));
                cells.Add(Cell(DocumentKind.UnitFinalAccounts, y2, [.. units.Select(u => Of(u.Id, DocumentKind.UnitFinalAccounts)
                    ?? (IsOwnUnit(u, department) ? ownUnit : null)).OfType<StoredLedgerEntry>()], units.Count));
                var evaluations = new[] { Of(department.Id, DocumentKind.SelfEvaluationReport) }.Concat(units.Select(u => Of(u.Id, DocumentKind.SelfEvaluationReport))).OfType<StoredLedgerEntry>().ToList();
                cells.Add(evaluations.Count == 0 && final is { Evaluations: > 0 }
                    ? Cell(DocumentKind.SelfEvaluationReport, y2, [final], 1) with { WithFinalAccounts = true }
                    : Cell(DocumentKind.SelfEvaluationReport, y2, evaluations, 1));
            }

            rows.Add(new LedgerRow(department, department.ParentId is { } p && byId.TryGetValue(p, out var region) ? region.Name : null, cells));
        }

        return new(years, rows, today, due);

        LedgerCell Cell(DocumentKind kind, int y2, IReadOnlyList<StoredLedgerEntry> found, int expected)
        {
            var dueOn = due.TryGetValue((y2, kind), out var d) ? d : (DateOnly?)null;
            var complete = found.Count >= (kind == DocumentKind.UnitFinalAccounts ? expected : Math.Max(1, expected));
            var state = found.Count == 0 ? LedgerState.Missing : found.Min(State);
            if (!complete && state > LedgerState.Audited)
            {
                // 「1/3」 signed off is not a finished cell: it shows how far the received ones came, never 已通过.
                state = LedgerState.Audited;
            }

            var overdue = dueOn is { } limit && today > limit && !complete;
            var late = dueOn is { } limit2 && found.Any(e => BeijingTime.DateOf(e.ReceivedAt) > limit2);
            return new LedgerCell(kind, y2, state, found, expected, found.Count, found.Sum(e => e.Errors ?? 0), found.Sum(e => e.Warnings ?? 0), dueOn, overdue, late && !overdue);
        }
    }

    /// <summary>True for a department's own budget unit: its own name, or 「本级」/「机关」 after it.</summary>
    public static bool IsOwnUnit(StoredOrganisation unit, StoredOrganisation department)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(department);
        var name = OrganisationNames.Normalize(unit.Name);
        var own = OrganisationNames.Normalize(department.Name);
        return name == own || name == own + "本级" || name == own + "机关";
    }

    private static LedgerState State(StoredLedgerEntry entry) =>
        entry.SignedOff ? LedgerState.SignedOff : entry.Reviewed ? LedgerState.UnderReview : entry.Errors is not null ? LedgerState.Audited : LedgerState.Received;

    /// <summary>The ledger as an aligned table for a terminal, with the due dates and the counts under it.</summary>
    public static string Render(Ledger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.Rows.Count == 0)
        {
            return "台账为空：还没有登记组织，也没有保存任何报告（juesuan orgs import 组织清单.xlsx；juesuan import 目录 --save）。\n";
        }

        var header = new List<string> { "部门" };
        header.AddRange(ledger.Years.SelectMany(y => DocumentKinds.All.Select(k => $"{y} {DocumentKinds.Name(k)}")));
        var rows = ledger.Rows.Select(r => (IReadOnlyList<string>)[r.Department.Name, .. r.Cells.Select(c => c.Text)]).ToList();
        var text = TextTable.Render(header, rows, new HashSet<int>());
        var lines = new List<string> { text.TrimEnd() };
        foreach (var ((y, kind), date) in ledger.DueDates.Where(d => ledger.Years.Contains(d.Key.Year)).OrderBy(d => d.Key.Year).ThenBy(d => d.Key.Kind))
        {
            lines.Add($"{y} 年度{DocumentKinds.Name(kind)}截止日期：{date:yyyy-MM-dd}");
        }

        lines.Add(ledger.Summary);
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The ledger as an Excel sheet: one row per department, a column per year and kind, then the counts as numbers.</summary>
    public static async Task WriteAsync(Ledger ledger, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = ledger.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { ["地区"] = r.Region, ["部门"] = r.Department.Name, ["代码"] = r.Department.Code };
            foreach (var cell in r.Cells)
            {
                var column = $"{cell.Year} {DocumentKinds.Name(cell.Kind)}";
                row[column] = cell.Text;
                row[column + " 错误"] = cell.Entries.Count == 0 ? null : cell.Errors;
                row[column + " 警告"] = cell.Entries.Count == 0 ? null : cell.Warnings;
                row[column + " 截止"] = cell.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            return row;
        }).ToList();
        await stream.SaveAsAsync(rows, sheetName: "材料台账", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the due date of a year's documents of one kind (null clears it).</summary>
    public async Task SetDueAsync(int year, DocumentKind kind, DateOnly? due, CancellationToken cancellationToken = default) =>
        await (await library.StoreAsync(cancellationToken).ConfigureAwait(false)).SetDueDateAsync(year, kind, due, cancellationToken).ConfigureAwait(false);
}
