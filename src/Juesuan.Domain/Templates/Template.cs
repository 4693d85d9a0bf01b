using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;

namespace Juesuan.Domain.Templates;

/// <summary>A column of a table definition (栏): its key, printed name and the concept its cells state.</summary>
public sealed record ColumnDefinition
{
    /// <summary>
    /// Stable key used in data ("total", "basic", …). Interned, so that it is the same instance as the rules' literals;
    /// the readers give cells this instance (<see cref="Model.StatedCell.Column"/>), so that the lookups of an audit find a
    /// match by reference (a template has a few dozen keys, and the templates a process loads are few).
    /// </summary>
    public required string Key { get; init => field = value is null ? value! : string.Intern(value); }

    /// <summary>The printed header.</summary>
    public required string Name { get; init; }

    /// <summary>The concept a cell of this column states, unless its row names one.</summary>
    public string? Concept { get; init; }

    /// <summary>The fund scope of this column, overriding the table's.</summary>
    public string? Scope { get; init; }

    /// <summary>In two-sided tables: income or expenditure.</summary>
    public string? Side { get; init; }

    /// <summary>"total" for the column that sums the others.</summary>
    public string? Role { get; init; }

    /// <summary>The heading printed over this column and its neighbours (公务用车购置及运行维护费 over 小计、购置费、运行维护费).</summary>
    public string? Group { get; init; }

    /// <summary>The name printed under <see cref="Group"/>, when shorter than <see cref="Name"/> (小计).</summary>
    public string? Short { get; init; }

    /// <summary>
    /// The two-level heading a printed table gives the column: its group (a <see cref="Group"/>; the part before 「·」 of
    /// 「基本支出·人员经费」; 收入 or 支出 in a two-sided table) or none, and the name under it.
    /// </summary>
    public (string? Group, string Name) Heading(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Group is { } group)
        {
            return (group, Short ?? Name);
        }

        if (Name.IndexOf('·', StringComparison.Ordinal) is var dot and > 0)
        {
            return (Name[..dot], Name[(dot + 1)..]);
        }

        return Side is { } side && table.Columns.Any(c => c.Side is { } other && other != side) ? (side == "income" ? "收入" : "支出", Name) : (null, Name);
    }
}

/// <summary>A fixed row of a table definition (行), e.g. 本年收入合计 of table 01.</summary>
public sealed record RowDefinition
{
    /// <summary>Stable key ("income.total", "201", …).</summary>
    public required string Key { get; init; }

    /// <summary>The printed label.</summary>
    public required string Label { get; init; }

    /// <summary>行次 in the national template.</summary>
    public int? Line { get; init; }

    /// <summary>In two-sided tables: income or expenditure.</summary>
    public string? Side { get; init; }

    /// <summary>The concept the row states (wins over the column's).</summary>
    public string? Concept { get; init; }

    /// <summary>The functional code of a 类 row.</summary>
    public string? Code { get; init; }

    /// <summary>The fund scope, overriding column and table.</summary>
    public string? Scope { get; init; }

    /// <summary>The basis (actual, budget, …) the row states; actual when absent.</summary>
    public string? Basis { get; init; }

    /// <summary>"total" or "grandTotal" for summary rows.</summary>
    public string? Role { get; init; }

    /// <summary>First year the row appears in (rows of table 01 come and go with the years).</summary>
    public int? FromYear { get; init; }

    /// <summary>Last year the row appears in.</summary>
    public int? ToYear { get; init; }

    /// <summary>True when the row belongs to the template of <paramref name="year"/>.</summary>
    public bool AppliesTo(int year) => (FromYear ?? int.MinValue) <= year && year <= (ToYear ?? int.MaxValue);
}

/// <summary>
/// The shape of one kind of public table, independent of province: its columns, its fixed rows, and whether its
/// other rows are functional (类/款/项) or economic codes. Provinces number and title tables differently; the
/// definition id is what the code relies on.
/// </summary>
public sealed record TableDefinition
{
    /// <summary>Stable id, see <see cref="TableIds"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The national title.</summary>
    public required string Name { get; init; }

    /// <summary>How the table is printed.</summary>
    public required TableLayout Layout { get; init; }

    /// <summary>What the non-fixed rows are keyed by.</summary>
    public required RowKind RowKind { get; init; }

    /// <summary>The fund scope of the whole table (all, fiscal, gpb, fund, soe); all when absent.</summary>
    public string? Scope { get; init; }

    /// <summary>Columns in printed order.</summary>
    public required IReadOnlyList<ColumnDefinition> Columns { get; init; }

    /// <summary>Fixed rows in printed order.</summary>
    [JsonInclude]
    public IReadOnlyList<RowDefinition> Rows { get; internal set; } = [];

    /// <summary>A remark on how well the definition is verified.</summary>
    public string? Note { get; init; }

    private FrozenDictionary<string, ColumnDefinition>? _columnIndex;
    private FrozenDictionary<string, RowDefinition>? _rowIndex;

    /// <summary>The column with <paramref name="key"/>, or null.</summary>
    public ColumnDefinition? Column(string key) =>
        (_columnIndex ??= Columns.DistinctBy(c => c.Key).ToFrozenDictionary(c => c.Key, StringComparer.Ordinal)).GetValueOrDefault(key);

    /// <summary>The fixed row with <paramref name="key"/>, or null.</summary>
    public RowDefinition? Row(string key) =>
        (_rowIndex ??= Rows.DistinctBy(r => r.Key).ToFrozenDictionary(r => r.Key, StringComparer.Ordinal)).GetValueOrDefault(key);
}

/// <summary>A table as a province's template lists it: which definition, its number and the titles seen for it.</summary>
public sealed record TemplateTable
{
    /// <summary>The <see cref="TableDefinition.Id"/>.</summary>
    public required string Definition { get; init; }

    /// <summary>The printed number (公开01表), null where the province prints none (Shanghai).</summary>
    public string? Number { get; init; }

    /// <summary>Titles seen for this table; the first is the official one.</summary>
    public required IReadOnlyList<string> Titles { get; init; }

    /// <summary>True when the table may be published empty with a statement (07, 08, 09).</summary>
    public bool MayBeEmpty { get; init; }

    /// <summary>True when the province's template prints the table on a landscape page (Shanghai 02–04, 07–09).</summary>
    public bool Landscape { get; init; }

    /// <summary>
    /// The basis a fixed row states in this template where it differs from the definition's, by row key: Shanghai's 三公
    /// table prints 「预算数」 for the 年初预算 its narrative template names (「“三公”经费财政拨款支出年初预算为…决算数大于（小于）
    /// 预算数」), where the national and Sichuan templates mean the 全年预算.
    /// </summary>
    public IReadOnlyDictionary<string, string>? RowBases { get; init; }

    /// <summary>The official title.</summary>
    public string Title => Titles[0];
}

/// <summary>A section of the narrative (情况说明) the template requires.</summary>
public sealed record SectionDefinition
{
    /// <summary>一, 二, … as printed.</summary>
    public required string Number { get; init; }

    /// <summary>The heading.</summary>
    public required string Title { get; init; }

    /// <summary>Stable key (overview, income, …).</summary>
    public required string Key { get; init; }

    /// <summary>Whether a report must carry the section.</summary>
    [JsonInclude]
    public bool Required { get; internal set; } = true;
}

/// <summary>
/// 模板: the table set and narrative sections of one province (from a year on). Data, not code: the embedded
/// JSON files under Templates/ define them.
/// </summary>
public sealed partial record Template
{
    /// <summary>Stable id ("national-2022", "shanghai-2024", …).</summary>
    public required string Id { get; init; }

    /// <summary>Human name.</summary>
    public required string Name { get; init; }

    /// <summary>Provinces using it.</summary>
    public required IReadOnlyList<string> Provinces { get; init; }

    /// <summary>First year it applies to.</summary>
    public int FromYear { get; init; }

    /// <summary>The unit its tables print (万元).</summary>
    [JsonInclude]
    public string DefaultUnit { get; internal set; } = "万元";

    /// <summary>Where it was read from.</summary>
    public string? Source { get; init; }

    /// <summary>True when the tables print thousands separators (「2,940.05」, Shanghai); the narrative never does.</summary>
    public bool ThousandsSeparators { get; init; }

    /// <summary>True when the tables come after the narrative, glossary and attachments (附表, Sichuan).</summary>
    public bool TablesLast { get; init; }

    /// <summary>Tables in printed order.</summary>
    public required IReadOnlyList<TemplateTable> Tables { get; init; }

    /// <summary>Narrative sections in printed order.</summary>
    public required IReadOnlyList<SectionDefinition> Sections { get; init; }

    /// <summary>The template table for a definition id, or null when this template has no such table.</summary>
    public TemplateTable? Table(string definitionId) => Tables.FirstOrDefault(t => t.Definition == definitionId);

    /// <summary>
    /// Matches a printed title to a table of this template (by title, never by number): exact match of a known
    /// title first, ignoring spaces, bracket widths and quote styles.
    /// </summary>
    public TemplateTable? MatchTitle(string printedTitle)
    {
        _titleIndex ??= Tables.SelectMany(t => t.Titles.Select(title => (Key: TitleKey(title), Table: t)))
            .DistinctBy(x => x.Key).ToFrozenDictionary(x => x.Key, x => x.Table, StringComparer.Ordinal);
        return _titleIndex.GetValueOrDefault(TitleKey(printedTitle));
    }

    private FrozenDictionary<string, TemplateTable>? _titleIndex;

    /// <summary>Normalises a title for matching.</summary>
    public static string TitleKey(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var key = CatalogText.NormalizeName(title).Replace("\"", "“", StringComparison.Ordinal).Replace("”", "“", StringComparison.Ordinal)
            .Replace("（明细）", "明细", StringComparison.Ordinal);

        // A title numbered in its own words (「表 1：高等学校收支决算总表」, 「附表三、…」) is the same title.
        return TitleNumber().Replace(key, string.Empty);
    }

    [GeneratedRegex(@"^附?表[0-9一二三四五六七八九十]{1,3}[：:、.．]?")]
    private static partial Regex TitleNumber();
}

/// <summary>
/// A set of table definitions and provincial templates (模板), as a value: the embedded ones
/// (<see cref="Embedded"/>), or those with a user's own added (<see cref="With"/>) — a province's template loaded at run
/// time, without a rebuild. Readers, rules and writers are handed one through <c>ReferenceData</c>.
/// </summary>
public sealed class TemplateSet
{
    private readonly FrozenSet<string> _sectionTitles;

    private TemplateSet(FrozenDictionary<string, TableDefinition> definitions, FrozenDictionary<string, Template> templates)
    {
        foreach (var template in templates.Values)
        {
            var unknown = template.Tables.Select(t => t.Definition).Where(id => !definitions.ContainsKey(id)).ToArray();
            if (unknown.Length > 0)
            {
                throw new InvalidDataException($"模板「{template.Id}」用到未定义的表：{string.Join("、", unknown)}");
            }
        }

        Definitions = definitions;
        Templates = templates;
        Ordered = templates.Values.OrderBy(t => t.Id == DefaultTemplateId ? 0 : 1).ThenBy(t => t.Id, StringComparer.Ordinal).ToArray();
        _sectionTitles = templates.Values.SelectMany(t => t.Sections).Select(x => Template.TitleKey(x.Title)).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The default template when a department-year names none.</summary>
    public const string DefaultTemplateId = "national-2022";

    /// <summary>The definitions and templates built into Juesuan.</summary>
    public static TemplateSet Embedded => LazyEmbedded.Value;

    // Read on first use, not with the type: EmbeddedIds must not parse every template.
    private static readonly Lazy<TemplateSet> LazyEmbedded = new(LoadEmbedded);

    /// <summary>
    /// The ids of the embedded templates, from the resources' names alone (each file is named by its template's id): a
    /// command's help lists them without reading and parsing every template.
    /// </summary>
    public static IReadOnlyList<string> EmbeddedIds { get; } = TemplateResources()
        .Select(n => n["Juesuan.Templates.".Length..^".json".Length]).Order(StringComparer.Ordinal).ToArray();

    // The embedded template files (the table definitions are a resource of their own).
    private static IEnumerable<string> TemplateResources() => typeof(TemplateSet).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Juesuan.Templates.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal) && !n.EndsWith("table-definitions.json", StringComparison.Ordinal));

    /// <summary>Every table definition by id.</summary>
    public IReadOnlyDictionary<string, TableDefinition> Definitions { get; }

    /// <summary>Every template by id.</summary>
    public IReadOnlyDictionary<string, Template> Templates { get; }

    /// <summary>The templates, the national one first, then by id.</summary>
    public IReadOnlyList<Template> Ordered { get; }

    /// <summary>The default template.</summary>
    public Template Default => Templates[DefaultTemplateId];

    /// <summary>
    /// The same set with <paramref name="templates"/> added (one with an id already present replaces it); throws
    /// <see cref="InvalidDataException"/> when one names a table definition the set does not have.
    /// </summary>
    public TemplateSet With(IEnumerable<Template> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var all = Templates.Values.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var template in templates)
        {
            all[template.Id] = template;
        }

        return new TemplateSet(Definitions.ToFrozenDictionary(StringComparer.Ordinal), all.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Reads a template from JSON (the shape of the embedded ones); throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static Template ReadTemplate(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var template = JsonSerializer.Deserialize(json, CatalogText.Metadata<Template>());
            return template is { Id.Length: > 0, Tables.Count: > 0 } ? template : throw new InvalidDataException("模板文件缺少 id 或 tables。");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"模板文件不是有效的 JSON 或字段不合格式（第 {(e.LineNumber ?? 0) + 1} 行）。", e);
        }
    }

    /// <summary>The table definition with <paramref name="id"/>; throws for an unknown id (a programmer error).</summary>
    public TableDefinition Definition(string id) =>
        Definitions.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException($"Unknown table definition '{id}'.");

    /// <summary>The template with <paramref name="id"/>, or null.</summary>
    public Template? Find(string? id) => id is not null && Templates.TryGetValue(id, out var t) ? t : null;

    /// <summary>
    /// The table a printed title names in any template (the national one first), or null. Titles are matched after
    /// normalisation; a title must end in 表, which lets callers test every line or word cheaply.
    /// </summary>
    public TemplateTable? MatchAnyTitle(string printedTitle)
    {
        ArgumentNullException.ThrowIfNull(printedTitle);
        if (printedTitle.Length is < 5 or > 40 || printedTitle[^1] != '表')
        {
            return null;
        }

        return MatchAnyTitleOf(printedTitle);
    }

    /// <summary>
    /// The table of any template whose title <paramref name="printedTitle"/> is, as <see cref="Template.MatchTitle"/> finds
    /// it — without <see cref="MatchAnyTitle"/>'s look at the title's length and last character.
    /// </summary>
    public TemplateTable? MatchAnyTitleOf(string printedTitle)
    {
        ArgumentNullException.ThrowIfNull(printedTitle);
        foreach (var template in Ordered)
        {
            if (template.MatchTitle(printedTitle) is { } table)
            {
                return table;
            }
        }

        return null;
    }

    /// <summary>True when a printed title (without its 「三、」) is the title of a section in some template (「决算报表说明」).</summary>
    public bool NamesSection(string printedTitle)
    {
        ArgumentNullException.ThrowIfNull(printedTitle);
        return _sectionTitles.Contains(Template.TitleKey(printedTitle));
    }

    /// <summary>The templates a province has, oldest first.</summary>
    public IReadOnlyList<Template> OfProvince(string? province) => Templates.Values
        .Where(t => province is not null && t.Provinces.Any(p => province.StartsWith(p, StringComparison.Ordinal)))
        .OrderBy(t => t.FromYear).ThenBy(t => t.Id, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The template for a province and year: the latest of that province not after the year, else the national one.</summary>
    public Template ForProvince(string? province, int year)
    {
        var candidates = OfProvince(province);
        return candidates.LastOrDefault(t => t.FromYear <= year) ?? candidates.FirstOrDefault() ?? Default;
    }

    /// <summary>
    /// A template named by a user: its id (shaanxi-2022), 「全国」, or 「省份/年度」 (陕西/2023: the province's template for that
    /// year; without a year, for <paramref name="year"/>, or the latest). Null for a province no template names.
    /// </summary>
    public Template? Resolve(string text, int year)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Find(text) is { } byId)
        {
            return byId;
        }

        var parts = text.Split('/', 2, StringSplitOptions.TrimEntries);
        if (parts[0] == "全国")
        {
            return Default;
        }

        if (OfProvince(parts[0]).Count == 0)
        {
            return null;
        }

        var when = parts.Length == 2 && int.TryParse(parts[1], out var y) ? y : year == 0 ? int.MaxValue : year;
        return ForProvince(parts[0], when);
    }

    private static TemplateSet LoadEmbedded()
    {
        var assembly = typeof(TemplateSet).Assembly;
        var definitions = Read<DefinitionsFile>(assembly, "Juesuan.Templates.table-definitions.json").Definitions
            .ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        var templates = TemplateResources()
            .Select(n => Read<Template>(assembly, n))
            .ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        return new TemplateSet(definitions, templates);
    }

    private static T Read<T>(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("Missing resource " + name);
        return JsonSerializer.Deserialize(stream, CatalogText.Metadata<T>()) ?? throw new InvalidDataException("Empty resource " + name);
    }

    internal sealed record DefinitionsFile(IReadOnlyList<TableDefinition> Definitions);
}

/// <summary>
/// The embedded templates (<see cref="TemplateSet.Embedded"/>) for the model's own defaults (a department-year's
/// <c>Template</c> when nothing else is at hand). Readers, rules and writers take a <c>ReferenceData</c> instead.
/// </summary>
public static class TemplateLibrary
{
    /// <summary>The default template when a department-year names none.</summary>
    public const string DefaultTemplateId = TemplateSet.DefaultTemplateId;

    /// <summary>Every embedded table definition by id.</summary>
    public static IReadOnlyDictionary<string, TableDefinition> Definitions => TemplateSet.Embedded.Definitions;

    /// <summary>Every embedded template by id.</summary>
    public static IReadOnlyDictionary<string, Template> Templates => TemplateSet.Embedded.Templates;

    /// <inheritdoc cref="TemplateSet.Definition"/>
    public static TableDefinition Definition(string id) => TemplateSet.Embedded.Definition(id);

    /// <inheritdoc cref="TemplateSet.Find"/>
    public static Template? Find(string? id) => TemplateSet.Embedded.Find(id);

    /// <inheritdoc cref="TemplateSet.MatchAnyTitle"/>
    public static TemplateTable? MatchAnyTitle(string printedTitle) => TemplateSet.Embedded.MatchAnyTitle(printedTitle);
}

/// <summary>Ids of the table definitions the code relies on.</summary>
public static class TableIds
{
    /// <summary>收入支出决算总表 (01).</summary>
    public const string IncomeExpenditureSummary = "income-expenditure-summary";

    /// <summary>高等学校收支决算总表 (教育部直属高校).</summary>
    public const string UniversitySummary = "university-summary";

    /// <summary>高等学校收入决算表 (with 其中：教育收费).</summary>
    public const string UniversityIncome = "university-income";

    /// <summary>高等学校财政拨款支出决算表 (with 其中：基本建设资金支出).</summary>
    public const string UniversityFiscalExpenditure = "university-fiscal-expenditure";

    /// <summary>收入决算表 (02).</summary>
    public const string Income = "income";

    /// <summary>支出决算表 (03).</summary>
    public const string Expenditure = "expenditure";

    /// <summary>财政拨款收入支出决算总表 (04).</summary>
    public const string FiscalSummary = "fiscal-summary";

    /// <summary>一般公共预算财政拨款支出决算表 (05).</summary>
    public const string GpbExpenditure = "gpb-expenditure";

    /// <summary>一般公共预算财政拨款基本支出决算表 (06).</summary>
    public const string GpbBasicEconomic = "gpb-basic-economic";

    /// <summary>政府性基金预算财政拨款收入支出决算表 (07).</summary>
    public const string GovFund = "gov-fund";

    /// <summary>国有资本经营预算财政拨款支出决算表 (08).</summary>
    public const string SoeExpenditure = "soe-expenditure";

    /// <summary>国有资本经营预算财政拨款收入支出决算表 (Shanghai, Sichuan).</summary>
    public const string SoeIncomeExpenditure = "soe-income-expenditure";

    /// <summary>财政拨款“三公”经费支出决算表 (09).</summary>
    public const string ThreePublic = "three-public";

    /// <summary>财政拨款“三公”经费及会议费、培训费支出决算表 (Shaanxi 09).</summary>
    public const string ThreePublicMeetingTraining = "three-public-meeting-training";
}

/// <summary>How a public table is printed (its <c>layout</c> in table-definitions.json).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TableLayout>))]
public enum TableLayout
{
    /// <summary>Rows of functional codes (类/款/项) with their columns: 03, 05, 07 …</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("functional")]
    Functional,

    /// <summary>Income on the left, expenditure on the right: 01, 04.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("two-sided")]
    TwoSided,

    /// <summary>Economic codes in side-by-side column groups: 06.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("economic")]
    Economic,

    /// <summary>The 三公 table: 预算数 and 决算数 rows over fixed columns.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("three-public")]
    ThreePublic,
}

/// <summary>What the rows of a table other than its fixed ones are keyed by (its <c>rowKind</c>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RowKind>))]
public enum RowKind
{
    /// <summary>Only the fixed rows of the definition.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("fixed")]
    Fixed,

    /// <summary>Functional classification codes (支出功能分类科目).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("functional")]
    Functional,

    /// <summary>Economic classification codes (支出经济分类科目).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("economic")]
    Economic,
}

/// <summary>The keys of the narrative's sections (情况说明), as templates name them.</summary>
public static class SectionKeys
{
    /// <summary>Printed prose outside the narrative's sections (正文: 部门概况, an appended report…), read by the same grammar.</summary>
    public const string Prose = "prose";

    /// <summary>收入支出决算总体情况.</summary>
    public const string Overview = "overview";

    /// <summary>收入决算情况.</summary>
    public const string Income = "income";

    /// <summary>支出决算情况.</summary>
    public const string Expenditure = "expenditure";

    /// <summary>财政拨款收入支出决算总体情况.</summary>
    public const string Fiscal = "fiscal";

    /// <summary>一般公共预算财政拨款支出决算情况.</summary>
    public const string Gpb = "gpb";

    /// <summary>一般公共预算财政拨款基本支出决算情况.</summary>
    public const string Basic = "basic";

    /// <summary>政府性基金预算财政拨款支出决算情况.</summary>
    public const string GovFund = "govFund";

    /// <summary>国有资本经营预算财政拨款支出决算情况.</summary>
    public const string Soe = "soe";

    /// <summary>“三公”经费财政拨款支出决算情况.</summary>
    public const string ThreePublic = "threePublic";

    /// <summary>机关运行经费支出情况.</summary>
    public const string OperatingCosts = "operatingCosts";

    /// <summary>政府采购支出情况.</summary>
    public const string Procurement = "procurement";

    /// <summary>国有资产占用情况.</summary>
    public const string Assets = "assets";

    /// <summary>预算绩效管理工作开展情况.</summary>
    public const string Performance = "performance";

    /// <summary>其他重要事项的情况说明.</summary>
    public const string Other = "other";
}
