using Juesuan.Domain.Templates;

namespace Juesuan.Domain.Model;

/// <summary>The department (部门): name, code, region.</summary>
public sealed record Department
{
    /// <summary>Official name (镇安县医疗保障局).</summary>
    public required string Name { get; init; }

    /// <summary>部门编码, when known.</summary>
    public string? Code { get; init; }

    /// <summary>Province (陕西省).</summary>
    public string? Province { get; init; }

    /// <summary>City / county (商洛市镇安县).</summary>
    public string? Region { get; init; }

    /// <summary>主要职能: the department's functions as the 部门概况 part of the disclosure states them.</summary>
    public string? Functions { get; init; }
}

/// <summary>Whether a unit is the department's own office (本级) or a subordinate unit (二级单位).</summary>
public enum OrgUnitKind
{
    /// <summary>本级 (机关).</summary>
    Headquarters,

    /// <summary>二级单位 (下属单位).</summary>
    Subordinate,
}

/// <summary>A budget unit (预算单位) of the department, with its own tables when the report gives them.</summary>
public sealed record OrgUnit
{
    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>单位编码.</summary>
    public string? Code { get; init; }

    /// <summary>本级 or 二级.</summary>
    public OrgUnitKind Kind { get; init; }

    /// <summary>行政单位 / 参公事业单位 / 事业单位, as printed.</summary>
    public string? Nature { get; init; }

    /// <summary>The unit's own tables (may be empty when the report gives only department figures).</summary>
    public IReadOnlyList<StatedTable> Tables { get; init; } = [];
}

/// <summary>
/// 部门决算: one department's final accounts for one year — the public tables as stated, the narrative, the prior
/// year and budget figures, the details the narrative reports, and the self-evaluations.
/// </summary>
public sealed record DepartmentYear
{
    /// <summary>The department.</summary>
    public required Department Department { get; init; }

    /// <summary>The fiscal year the accounts are for.</summary>
    public required int Year { get; init; }

    /// <summary>The template id (<see cref="TemplateLibrary"/>).</summary>
    public string TemplateId { get; init; } = TemplateLibrary.DefaultTemplateId;

    /// <summary>What kind of document the data comes from: a final-accounts disclosure (the default) or a stand-alone self-evaluation report.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public DocumentKind Kind { get; init; }

    /// <summary>The units the accounts cover (本级 and 二级单位).</summary>
    public IReadOnlyList<OrgUnit> Units { get; init; } = [];

    /// <summary>The department's tables as stated (the consolidation, 汇总, when there are several units).</summary>
    public IReadOnlyList<StatedTable> Tables { get; init; } = [];

    /// <summary>The narrative (情况说明).</summary>
    public Narrative Narrative { get; init; } = new();

    /// <summary>Labels printed outside the figures (cover, 目录, headings, table titles and headers, dates), for the checks of years and names.</summary>
    public IReadOnlyList<PrintedLabel> Labels { get; init; } = [];

    /// <summary>Prior-year and budget figures (上年数, 年初预算数).</summary>
    public IReadOnlyList<ReferenceFigure> References { get; init; } = [];

    /// <summary>“三公” details.</summary>
    public ThreePublicDetails? ThreePublic { get; init; }

    /// <summary>机关运行经费.</summary>
    public OperatingCosts? OperatingCosts { get; init; }

    /// <summary>政府采购.</summary>
    public Procurement? Procurement { get; init; }

    /// <summary>国有资产占用.</summary>
    public Assets? Assets { get; init; }

    /// <summary>人员情况.</summary>
    public Staffing? Staffing { get; init; }

    /// <summary>
    /// 原因说明: the reasons the preparer gives for changes and budget deviations, which a generated narrative quotes
    /// (it never invents one).
    /// </summary>
    public IReadOnlyList<Explanation> Explanations { get; init; } = [];

    /// <summary>其他需要说明的情况, as the preparer words it.</summary>
    public string? OtherMatters { get; init; }

    /// <summary>Self-evaluations (绩效自评表).</summary>
    public IReadOnlyList<Evaluation> Evaluations { get; init; } = [];

    /// <summary>部门决算单位构成 as stated (the units listed are <see cref="Units"/>); null when not printed or not read.</summary>
    public UnitComposition? Composition { get; init; }

    /// <summary>The printed text no other part holds (<see cref="TextPassage"/>); empty for data entered as such.</summary>
    public IReadOnlyList<TextPassage> Passages { get; init; } = [];

    /// <summary>The file(s) it was read from.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>
    /// The identity in a store: name and year (「名称/年度」), with the kind of document after them when it is not a
    /// department's final accounts (「名称/年度/单位决算」, 「名称/年度/绩效自评」), so that a department's disclosure, the
    /// disclosure of its 本级 unit of the same name and its stand-alone self-evaluation are three documents, not one.
    /// </summary>
    public string Key => Kind switch
    {
        DocumentKind.UnitFinalAccounts => $"{KeyOf(Department.Name, Year)}/单位决算",
        DocumentKind.SelfEvaluationReport => $"{KeyOf(Department.Name, Year)}/绩效自评",
        _ => KeyOf(Department.Name, Year),
    };

    /// <summary>The template, or the national one when the id is unknown.</summary>
    public Template Template => TemplateLibrary.Find(TemplateId) ?? TemplateLibrary.Templates[TemplateLibrary.DefaultTemplateId];

    /// <summary>The stated table of a definition, or null.</summary>
    public StatedTable? Table(string definitionId) => Keyed.Find(Tables, static t => t.Definition, definitionId);

    /// <summary>The store key of a department-year: 「名称/年度」.</summary>
    public static string KeyOf(string department, int year) => $"{department.Trim()}/{year}";
}

/// <summary>The kind of document a department-year was read from (文档类型).</summary>
public enum DocumentKind
{
    /// <summary>部门决算公开: tables, 情况说明, self-evaluations — what the template asks for.</summary>
    FinalAccounts,

    /// <summary>
    /// 绩效自评报告 published on its own (部门/单位整体支出绩效自评报告): its own figures and evaluation table, no public
    /// tables or 情况说明 sections to require.
    /// </summary>
    SelfEvaluationReport,

    /// <summary>单位决算公开: a budget unit's own disclosure (a 本级 or 下属单位), the same parts as a department's.</summary>
    UnitFinalAccounts,
}

/// <summary>The kinds of document in words and in the store's code (材料类别).</summary>
public static class DocumentKinds
{
    /// <summary>Every kind, in the order a ledger shows them.</summary>
    public static IReadOnlyList<DocumentKind> All { get; } = [DocumentKind.FinalAccounts, DocumentKind.UnitFinalAccounts, DocumentKind.SelfEvaluationReport];

    /// <summary>The kind as a ledger names it: 部门决算, 单位决算, 绩效自评.</summary>
    public static string Name(DocumentKind kind) => kind switch
    {
        DocumentKind.UnitFinalAccounts => "单位决算",
        DocumentKind.SelfEvaluationReport => "绩效自评",
        _ => "部门决算",
    };

    /// <summary>
    /// Who publishes, as the document calls itself: 单位 for a 单位决算 (「单位概况」「本单位」「单位决算表」), else 部门.
    /// </summary>
    public static string Publisher(DocumentKind kind) => kind == DocumentKind.UnitFinalAccounts ? "单位" : "部门";

    /// <summary>The kind as a document's title names it: 部门决算公开, 单位决算公开, 预算绩效自评报告.</summary>
    public static string Title(DocumentKind kind) => kind switch
    {
        DocumentKind.UnitFinalAccounts => "单位决算公开",
        DocumentKind.SelfEvaluationReport => "预算绩效自评报告",
        _ => "部门决算公开",
    };

    /// <summary>The code a store keeps: final, unit, evaluation.</summary>
    public static string Code(DocumentKind kind) => kind switch
    {
        DocumentKind.UnitFinalAccounts => "unit",
        DocumentKind.SelfEvaluationReport => "evaluation",
        _ => "final",
    };

    /// <summary>The kind of a store's code or of its name (部门决算, 单位决算, 绩效自评); null when neither.</summary>
    public static DocumentKind? Parse(string text) =>
        All.Cast<DocumentKind?>().FirstOrDefault(k => Code(k!.Value) == text.Trim() || Name(k!.Value) == text.Trim());
}
