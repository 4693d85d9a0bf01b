namespace Juesuan.Domain.Model;

/// <summary>Fund scope of a figure (资金范围): all funds, all fiscal appropriations, or one budget.</summary>
public static class Scopes
{
    /// <summary>The fund a scope names as a report prints it (「一般公共预算财政拨款」), empty for all funds.</summary>
    public static string Name(string scope) => scope switch
    {
        Gpb => "一般公共预算财政拨款",
        Fiscal => "财政拨款",
        Fund => "政府性基金预算财政拨款",
        Soe => "国有资本经营预算财政拨款",
        _ => string.Empty,
    };

    /// <summary>All funds (01, 02, 03).</summary>
    public const string All = "all";

    /// <summary>财政拨款 (04 合计, 09).</summary>
    public const string Fiscal = "fiscal";

    /// <summary>一般公共预算财政拨款 (04 column, 05, 06).</summary>
    public const string Gpb = "gpb";

    /// <summary>政府性基金预算财政拨款 (07).</summary>
    public const string Fund = "fund";

    /// <summary>国有资本经营预算财政拨款 (08).</summary>
    public const string Soe = "soe";
}

/// <summary>What a figure measures against: the actual outturn, the budget, the prior year.</summary>
public static class Bases
{
    /// <summary>决算数 (the default).</summary>
    public const string Actual = "actual";

    /// <summary>年初预算数.</summary>
    public const string Budget = "budget";

    /// <summary>全年预算数 (adjusted budget, e.g. 09's 预算数).</summary>
    public const string FullYearBudget = "fullYearBudget";

    /// <summary>上年决算数.</summary>
    public const string Prior = "prior";
}

/// <summary>
/// Names of concepts (概念) a figure can state. The same concept stated in several places (基本支出 of 210 in
/// 03, 05 and the narrative) is one fact with several assertions, found through the <see cref="FactIndex"/>.
/// </summary>
public static class Concepts
{
    /// <summary>一般公共预算财政拨款收入.</summary>
    public const string IncomeGeneral = "income.general";

    /// <summary>本年收入合计.</summary>
    public const string IncomeTotal = "income.total";

    /// <summary>财政拨款收入.</summary>
    public const string IncomeFiscal = "income.fiscal";

    /// <summary>收入总计.</summary>
    public const string IncomeGrandTotal = "income.grandTotal";

    /// <summary>本年支出合计 (per functional code when a code is given).</summary>
    public const string ExpenseTotal = "expense.total";

    /// <summary>支出总计.</summary>
    public const string ExpenseGrandTotal = "expense.grandTotal";

    /// <summary>基本支出.</summary>
    public const string ExpenseBasic = "expense.basic";

    /// <summary>项目支出.</summary>
    public const string ExpenseProject = "expense.project";

    /// <summary>人员经费.</summary>
    public const string ExpensePersonnel = "expense.personnel";

    /// <summary>公用经费.</summary>
    public const string ExpensePublic = "expense.public";

    /// <summary>An economic-classification item of basic spending (06), code = economic code.</summary>
    public const string ExpenseEconomic = "expense.economic";

    /// <summary>年初结转和结余.</summary>
    public const string BalanceOpening = "balance.opening";

    /// <summary>年末结转和结余.</summary>
    public const string BalanceClosing = "balance.closing";

    /// <summary>“三公”经费合计.</summary>
    public const string ThreePublicTotal = "threePublic.total";

    /// <summary>机关运行经费.</summary>
    public const string OperatingCosts = "operatingCosts";

    /// <summary>The prefix of a quantity the narrative names that no table row gives (<see cref="Stated"/>).</summary>
    public const string StatedPrefix = "stated:";

    /// <summary>
    /// A quantity a narrative section names in its own words (「公务用车运行维护费」, 「医疗救助支出」), keyed by the section
    /// and the statement's place in it: the same words name different things in different sentences (「大病」 of two
    /// funds), so a statement is checked within itself (change against percent, completion against budget, unit), as the
    /// whole of a share or of a breakdown, never against another statement or a table.
    /// </summary>
    public static string Stated(string section, string subject) => $"{StatedPrefix}{section}:{subject}";

    /// <summary>The name a report prints for a concept of the tables (「基本支出」, 「“三公”经费」), or null for one it has none for.</summary>
    public static string? Name(string concept) => concept switch
    {
        IncomeTotal => "本年收入合计",
        IncomeGrandTotal => "收入总计",
        ExpenseGrandTotal => "支出总计",
        IncomeFiscal => "财政拨款收入",
        IncomeGeneral => "一般公共预算财政拨款收入",
        ExpenseTotal => "本年支出合计",
        ExpenseBasic => "基本支出",
        ExpenseProject => "项目支出",
        ExpensePersonnel => "人员经费",
        ExpensePublic => "公用经费",
        ExpenseEconomic => "经济分类支出",
        BalanceOpening => "年初结转和结余",
        BalanceClosing => "年末结转和结余",
        ThreePublicTotal => "“三公”经费",
        OperatingCosts => "机关运行经费",
        "threePublic.abroad" => "因公出国（境）费",
        "threePublic.reception" => "公务接待费",
        "threePublic.vehicles" => "公务用车购置及运行维护费",
        "threePublic.vehiclePurchase" => "公务用车购置费",
        "threePublic.vehicleOperation" => "公务用车运行维护费",
        "income.superior" => "上级补助收入",
        "income.business" => "事业收入",
        "income.operating" => "经营收入",
        "income.affiliates" => "附属单位上缴收入",
        "income.other" => "其他收入",
        "income.fund" => "政府性基金预算财政拨款收入",
        "income.soe" => "国有资本经营预算财政拨款收入",
        _ => null,
    };

    /// <summary>The name of a key's concept: a coded row's 本年支出合计 is its 支出 (「2101101 行政单位医疗 支出」).</summary>
    public static string? Name(FactKey key) => key.Concept == ExpenseTotal && key.Code is not null ? "支出" : Name(key.Concept);

    /// <summary>The printed subject of a <see cref="Stated"/> concept, or null for any other concept.</summary>
    public static string? StatedSubject(string concept) =>
        concept is not null && concept.StartsWith(StatedPrefix, StringComparison.Ordinal) ? concept[(concept.IndexOf(':', StatedPrefix.Length) + 1)..] : null;
}

/// <summary>
/// The identity of a fact: a concept, optionally a classification code, a fund scope and a basis.
/// 「2022年一般公共预算财政拨款 2101501 基本支出 决算数」 is (expense.basic, 2101501, gpb, actual).
/// </summary>
public sealed record FactKey(string Concept, string? Code = null, string Scope = Scopes.All, string Basis = Bases.Actual)
{
    /// <inheritdoc />
    public override string ToString() =>
        Concept + (Code is null ? string.Empty : "@" + Code) + "[" + Scope + (Basis == Bases.Actual ? string.Empty : "," + Basis) + "]";
}
