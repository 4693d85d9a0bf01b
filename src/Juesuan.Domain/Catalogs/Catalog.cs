using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Juesuan.Domain.Catalogs;

/// <summary>One entry of a classification catalog (科目): code, official name, names seen in reports, explanation.</summary>
public sealed record CatalogEntry
{
    /// <summary>The code (3/5/7 digits).</summary>
    public required string Code { get; init; }

    /// <summary>The official name (科目名称).</summary>
    public required string Name { get; init; }

    /// <summary>Other names reports print for the same code (e.g. 行政事业部门医疗 for 行政事业单位医疗).</summary>
    [JsonInclude]
    public IReadOnlyList<string> Aliases { get; internal set; } = [];

    /// <summary>The glossary sentence (「反映…」) where a published glossary gives one.</summary>
    public string? Explanation { get; init; }

    /// <summary>Where the explanation was taken from.</summary>
    public string? ExplanationSource { get; init; }

    /// <summary>Economic catalog: personnel (人员经费) or public (公用经费).</summary>
    public string? Group { get; init; }

    /// <summary>Function catalog, 类 only: the row order in table 01 (一、一般公共服务支出 = 1).</summary>
    public int? Table01Order { get; init; }

    /// <summary>
    /// Function catalog: the budget a 类 or 款 belongs to when it is not the general public budget — "gov-fund"
    /// (政府性基金预算, 「…收入安排的支出」, 彩票公益金 …) or "soe" (国有资本经营预算); null for 一般公共预算.
    /// </summary>
    public string? Budget { get; init; }

    /// <summary>Where the entry is established: "report" (printed in a real report we hold) or "catalogue" (the published catalogue).</summary>
    public string? Source { get; init; }

    /// <summary>The first edition the code exists in (null: from the earliest edition shipped).</summary>
    public int? Since { get; init; }

    /// <summary>The last edition the code exists in (null: still current).</summary>
    public int? Until { get; init; }

    /// <summary>Earlier official names, each with the last edition it was used in.</summary>
    [JsonInclude]
    public IReadOnlyList<FormerName> FormerNames { get; internal set; } = [];

    /// <summary>For a code dropped after <see cref="Until"/>: the codes that took over its content (the crosswalk between editions).</summary>
    [JsonInclude]
    public IReadOnlyList<string> ReplacedBy { get; internal set; } = [];

    /// <summary>True when the code exists in the edition of <paramref name="year"/>.</summary>
    public bool InEdition(int year) => (Since is null || Since <= year) && (Until is null || year <= Until);

    /// <summary>
    /// The entry as the edition of <paramref name="year"/> has it: the name then official, the other names (current and
    /// former) as aliases, so a report printing either name matches.
    /// </summary>
    public CatalogEntry AsOf(int year)
    {
        var name = FormerNames.Where(f => year <= f.Until).OrderBy(f => f.Until).FirstOrDefault()?.Name ?? Name;
        var aliases = Aliases.Concat(FormerNames.Select(f => f.Name)).Append(Name).Where(a => a != name).Distinct().ToArray();
        return this with { Name = name, Aliases = aliases };
    }

    /// <summary>True when <paramref name="name"/> is the official name or a known variant (ignoring spaces and bracket widths).</summary>
    public bool HasName(string name)
    {
        var n = CatalogText.NormalizeName(name);
        return CatalogText.NormalizeName(Name) == n || Aliases.Any(a => CatalogText.NormalizeName(a) == n);
    }
}

/// <summary>An earlier official name of a catalog entry (曾用名) and the last edition it was used in.</summary>
/// <param name="Name">The name.</param>
/// <param name="Until">The last edition year with this name.</param>
public sealed record FormerName(string Name, int Until);

/// <summary>A classification catalog of one edition (版本年度): function (功能分类) or economic (经济分类).</summary>
public sealed class Catalog
{
    // The lookups are built on first use: a process reads one or two editions of the eight it carries (issue 19: building
    // every edition's frozen lookups cost ~70 ms of each command's start).
    private readonly Lazy<Lookups> _lookups;

    private sealed record Lookups(Dictionary<string, CatalogEntry> ByCode, Dictionary<string, string[]> NamesByCode, Dictionary<string, CatalogEntry[]> ByLooseName);

    /// <summary>Creates a catalog; codes must be unique.</summary>
    public Catalog(string kind, int edition, string title, IEnumerable<CatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Kind = kind;
        Edition = edition;
        Title = title;
        Entries = entries.OrderBy(e => e.Code, StringComparer.Ordinal).ToArray();
        _lookups = new(() => new Lookups(
            Entries.ToDictionary(e => e.Code, StringComparer.Ordinal),
            Entries.ToDictionary(e => e.Code, e => e.Aliases.Prepend(e.Name).Select(CatalogText.NormalizeName).ToArray(), StringComparer.Ordinal),
            Entries.SelectMany(e => e.Aliases.Prepend(e.Name).Select(n => (Key: CatalogText.LooseKey(n), Entry: e)))
                .GroupBy(x => x.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Entry).Distinct().ToArray(), StringComparer.Ordinal)));
    }

    /// <summary>
    /// The entries a name printed in running text may stand for (「社会保障和就业（类）」 for 社会保障和就业支出, 「行政部门医疗」
    /// for 行政单位医疗): compared by <see cref="CatalogText.LooseKey"/>, in code order.
    /// </summary>
    public IReadOnlyList<CatalogEntry> Named(string printed) => _lookups.Value.ByLooseName.GetValueOrDefault(CatalogText.LooseKey(printed)) ?? [];

    /// <summary>
    /// True when <paramref name="name"/> is a name of <paramref name="code"/> (official or variant, ignoring spaces and
    /// bracket widths), or — with <paramref name="allowTruncation"/> — the start of one cut at a cell edge (4+ characters).
    /// </summary>
    public bool HasName(string code, string name, bool allowTruncation = false)
    {
        if (!_lookups.Value.NamesByCode.TryGetValue(code, out var names))
        {
            return false;
        }

        // A loop, not a query: the audit asks this of every coded row.
        var wanted = CatalogText.NormalizeName(name);
        foreach (var n in names)
        {
            if (n == wanted || (allowTruncation && wanted.Length >= 4 && n.StartsWith(wanted, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"function" or "economic".</summary>
    public string Kind { get; }

    /// <summary>The first year this edition applies to.</summary>
    public int Edition { get; }

    /// <summary>Human title.</summary>
    public string Title { get; }

    /// <summary>All entries, by code.</summary>
    public IReadOnlyList<CatalogEntry> Entries { get; }

    /// <summary>The entry for a code, or null when the catalog does not know it.</summary>
    public CatalogEntry? Find(string code) => _lookups.Value.ByCode.GetValueOrDefault(code);

    /// <summary>
    /// The glossary sentence of a 项 (「反映…」): the entry's own where the catalogue data has one, else the sentence the
    /// published catalogue gives every 项 of that name in whatever 款 — 行政运行, 一般行政管理事务, 机关服务, 事业运行, and
    /// 「其他 X 支出」 (「反映除上述项目以外其他用于 X 方面的支出。」); null when neither applies.
    /// </summary>
    public string? ExplanationOf(string code)
    {
        if (Find(code) is not { } entry)
        {
            return null;
        }

        if (entry.Explanation is { Length: > 0 } own)
        {
            return own;
        }

        return entry.Name switch
        {
            "行政运行" => "反映行政单位（包括实行公务员管理的事业单位）的基本支出。",
            "一般行政管理事务" => "反映行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出。",
            "机关服务" => "反映为行政单位（包括实行公务员管理的事业单位）提供后勤服务的各类后勤服务中心、医务室等附属事业单位的支出。",
            "事业运行" => "反映事业单位的基本支出，不包括行政单位（包括实行公务员管理的事业单位）后勤服务中心、医务室等附属事业单位。",
            var name when name.Length > 4 && name.StartsWith("其他", StringComparison.Ordinal) && name.EndsWith("支出", StringComparison.Ordinal)
                => $"反映除上述项目以外其他用于{name[2..^2]}方面的支出。",
            _ => null,
        };
    }

    /// <summary>True when the code is in the catalog.</summary>
    public bool Contains(string code) => _lookups.Value.ByCode.ContainsKey(code);

    /// <summary>
    /// Economic catalog: true when a code is 人员经费 — its own group, else its 类's, else by the 类 (301 工资福利支出 and
    /// 303 对个人和家庭的补助 are personnel, the rest public), so an item the catalog lacks still falls on the right side.
    /// </summary>
    public bool IsPersonnel(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var cls = code.Length >= 3 ? code[..3] : code;
        return (Find(code)?.Group ?? Find(cls)?.Group ?? (cls is "301" or "303" ? "personnel" : "public")) == "personnel";
    }

    /// <summary>Direct children of a code (款 of a 类, 项 of a 款).</summary>
    public IEnumerable<CatalogEntry> ChildrenOf(string code) =>
        Entries.Where(e => e.Code.Length == code.Length + 2 && e.Code.StartsWith(code, StringComparison.Ordinal));

    /// <summary>Reads a catalog file of one edition (<c>"edition": 2022</c>); see <see cref="LoadEditions"/> for several.</summary>
    public static Catalog Load(Stream json) => LoadEditions(json).Single();

    /// <summary>
    /// Reads a catalog file: one edition (<c>"edition"</c>) or several (<c>"editions": [2019, …]</c>, each entry valid from
    /// its <c>since</c> to its <c>until</c> and named by the edition's name), one <see cref="Catalog"/> per edition.
    /// </summary>
    public static IReadOnlyList<Catalog> LoadEditions(Stream json)
    {
        var file = JsonSerializer.Deserialize(json, CatalogText.Metadata<CatalogFile>())
            ?? throw new InvalidDataException("Empty catalog file.");
        var duplicates = file.Entries.GroupBy(e => e.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0)
        {
            throw new InvalidDataException("Duplicate catalog codes: " + string.Join(", ", duplicates));
        }

        var editions = file.Editions is { Count: > 0 } listed ? listed : file.Edition is { } single ? [single] : throw new InvalidDataException("A catalog file names no edition.");
        return editions.Select(year => new Catalog(file.Catalog, year, file.Title, file.Entries.Where(e => e.InEdition(year)).Select(e => e.AsOf(year)))).ToArray();
    }

    internal sealed record CatalogFile(string Catalog, int? Edition, IReadOnlyList<int>? Editions, string Title, IReadOnlyList<CatalogEntry> Entries);
}

/// <summary>
/// The editions of the classification catalogues (政府收支分类科目), as a value: the embedded ones (<see cref="Embedded"/>)
/// or those with a user's editions added (<see cref="With"/>), and the crosswalk between editions
/// (<see cref="Canonical"/>).
/// </summary>
public sealed class CatalogSet
{
    private CatalogSet(IReadOnlyList<Catalog> editions) => Editions = editions;

    /// <summary>The editions built into Juesuan.</summary>
    public static CatalogSet Embedded { get; } = new(LoadEmbedded());

    /// <summary>Every edition.</summary>
    public IReadOnlyList<Catalog> Editions { get; }

    /// <summary>The same set with <paramref name="editions"/> added (an edition of the same kind and year replaces the one there).</summary>
    public CatalogSet With(IEnumerable<Catalog> editions)
    {
        ArgumentNullException.ThrowIfNull(editions);
        var added = editions.ToArray();
        return new([.. Editions.Where(e => !added.Any(a => a.Kind == e.Kind && a.Edition == e.Edition)), .. added]);
    }

    /// <summary>The functional classification (支出功能分类) for <paramref name="year"/>.</summary>
    public Catalog Function(int year) => CatalogLibrary.Select(Editions, "function", year);

    /// <summary>The economic classification (经济分类) for <paramref name="year"/>.</summary>
    public Catalog Economic(int year) => CatalogLibrary.Select(Editions, "economic", year);

    /// <summary>
    /// The code a series is kept under (the crosswalk between editions): a classification code dropped with a single
    /// successor (<see cref="CatalogEntry.ReplacedBy"/>) is followed to that successor, edition after edition; a code
    /// split among several, and any other key, is its own.
    /// </summary>
    public string Canonical(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length == 0 || !code.All(char.IsAsciiDigit))
        {
            return code;
        }

        // Each code as its latest edition that lists it says.
        var newestFirst = Editions.OrderByDescending(e => e.Edition).ToArray();
        var current = code;
        for (var step = 0; step < 8; step++)
        {
            var next = newestFirst.Select(c => c.Find(current)).OfType<CatalogEntry>().FirstOrDefault()?.ReplacedBy is [var only] ? only : null;
            if (next is null || next == current)
            {
                break;
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// A fingerprint of the crosswalk (every code with a single successor, and that successor): equal for two sets that
    /// map codes alike, so a store knows when its facts must be mapped again.
    /// </summary>
    public string CrosswalkFingerprint => _fingerprint ??= Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n",
        Editions.SelectMany(e => e.Entries).Where(e => e.ReplacedBy.Count == 1).Select(e => e.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(code => code + ">" + Canonical(code))))));

    private string? _fingerprint;

    private static IReadOnlyList<Catalog> LoadEmbedded()
    {
        var assembly = typeof(CatalogSet).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Juesuan.Catalogs.", StringComparison.Ordinal))
            .SelectMany(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n) ?? throw new InvalidOperationException("Missing resource " + n);
                return Catalog.LoadEditions(stream);
            })
            .ToArray();
    }
}

/// <summary>The embedded catalogues (<see cref="CatalogSet.Embedded"/>) for the model's own defaults; readers and rules take a <c>ReferenceData</c>.</summary>
public static class CatalogLibrary
{
    /// <summary>Every embedded catalog edition.</summary>
    public static IReadOnlyList<Catalog> Editions => CatalogSet.Embedded.Editions;

    /// <summary>The embedded functional classification for <paramref name="year"/>.</summary>
    public static Catalog Function(int year) => CatalogSet.Embedded.Function(year);

    /// <summary>The embedded economic classification for <paramref name="year"/>.</summary>
    public static Catalog Economic(int year) => CatalogSet.Embedded.Economic(year);

    /// <summary>The edition of <paramref name="kind"/> that applies to <paramref name="year"/> among <paramref name="editions"/>.</summary>
    public static Catalog Select(IEnumerable<Catalog> editions, string kind, int year)
    {
        var ofKind = editions.Where(c => c.Kind == kind).OrderBy(c => c.Edition).ToArray();
        if (ofKind.Length == 0)
        {
            throw new InvalidOperationException($"No catalog of kind '{kind}' is embedded.");
        }

        return ofKind.LastOrDefault(c => c.Edition <= year) ?? ofKind[0];
    }
}

/// <summary>Shared text handling for catalog names.</summary>
public static class CatalogText
{
    /// <summary>
    /// The options reference data (templates, catalogues, scoring rules — embedded or a user's) is read with: metadata
    /// source-generated (<see cref="ReferenceJsonContext"/>), compiled ahead of time instead of reflected on each start
    /// (≈ 0.15 s of a short-lived process, issue 19). Generated metadata passes every init-only property to the object
    /// initializer, a property the file leaves out as its type's default (dotnet/runtime#84484), so a property with a
    /// default of its own has an internal setter instead, set only when the file names it.
    /// </summary>
    internal static readonly JsonSerializerOptions JsonOptions = Options(ReferenceJsonContext.Default);

    /// <summary>The same options with reflected metadata: what the generated metadata must read alike (tests).</summary>
    internal static JsonSerializerOptions ReflectedJsonOptions => LazyReflected.Value;

    // Made on first use only: a command never needs them.
    private static readonly Lazy<JsonSerializerOptions> LazyReflected = new(Reflected);

    /// <summary>The generated metadata of <typeparamref name="T"/> (a reference file's type), typed for the serializer's trim-safe overloads.</summary>
    internal static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Metadata<T>() => (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T));

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Tests only: the generated metadata is compared with it.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Tests only: the generated metadata is compared with it.")]
    private static JsonSerializerOptions Reflected() => Options(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());

    private static JsonSerializerOptions Options(System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver metadata) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        ReadCommentHandling = JsonCommentHandling.Skip,
        TypeInfoResolver = metadata,
    };

    /// <summary>
    /// A loose key for a 科目 name as running text prints it: normalised (<see cref="NormalizeName"/>), 部门 read as 单位,
    /// a trailing 支出 dropped — 「社会保障和就业」, 「行政单位医疗支出」 and 「行政部门医疗」 name the catalogue's entries.
    /// </summary>
    public static string LooseKey(string name)
    {
        var n = NormalizeName(name).Replace("部门", "单位", StringComparison.Ordinal);
        return n.Length > 3 && n.EndsWith("支出", StringComparison.Ordinal) ? n[..^2] : n;
    }

    /// <summary>
    /// True when two names are the same once normalised (<see cref="NormalizeName"/>): compared in place, without making
    /// either.
    /// </summary>
    public static bool SameName(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var (i, j) = (0, 0);
        while (true)
        {
            while (i < a.Length && char.IsWhiteSpace(a[i]))
            {
                i++;
            }

            while (j < b.Length && char.IsWhiteSpace(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (Bracket(a[i++]) != Bracket(b[j++]))
            {
                return false;
            }
        }

        static char Bracket(char c) => c switch { '(' => '（', ')' => '）', _ => c };
    }

    /// <summary>Removes white space and maps ASCII brackets to full-width, so 「因公出国(境)费用」 matches 「因公出国（境）费用」.</summary>
    public static string NormalizeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var changes = false;
        foreach (var c in name)
        {
            changes |= c is '(' or ')' || char.IsWhiteSpace(c);
        }

        if (!changes)
        {
            // Most names are printed so already (the audit asks it of every row's label): not copied.
            return name;
        }

        var chars = new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (!char.IsWhiteSpace(c))
            {
                chars[length++] = c switch { '(' => '（', ')' => '）', _ => c };
            }
        }

        return new string(chars, 0, length);
    }
}

/// <summary>Generated metadata of the reference data's files (see <see cref="CatalogText.JsonOptions"/>).</summary>
[JsonSerializable(typeof(Catalog.CatalogFile))]
[JsonSerializable(typeof(Templates.Template))]
[JsonSerializable(typeof(Templates.TemplateSet.DefinitionsFile))]
[JsonSerializable(typeof(Scoring.ScoringRules.RulesFile))]
internal sealed partial class ReferenceJsonContext : JsonSerializerContext;
