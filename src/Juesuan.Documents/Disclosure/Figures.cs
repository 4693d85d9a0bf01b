using Juesuan.Domain.Reference;
using System.Globalization;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Documents.Disclosure;

/// <summary>
/// The figures a generated document quotes, read from one department-year: table cells (in 万元, whatever unit the
/// table prints), prior-year and budget references, and the preparer's reasons. Everything the narrative says comes
/// through here, so it can only say what the data holds.
/// </summary>
public sealed class Figures
{
    private readonly DepartmentYear _year;

    /// <summary>Reads the figures of <paramref name="year"/>, by the <paramref name="reference"/> data of the run (the embedded data when none is given).</summary>
    public Figures(DepartmentYear year, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        _year = year;
        ReferenceData = reference ?? ReferenceData.Embedded;
        Template = ReferenceData.TemplateOf(year);
    }

    /// <summary>The department-year.</summary>
    public DepartmentYear Year => _year;

    /// <summary>The reference data the document is written by.</summary>
    public ReferenceData ReferenceData { get; }

    /// <summary>The template the document is laid out by.</summary>
    public Template Template { get; }

    /// <summary>The cell (table, row, column) in 万元, or null when the table, row or cell is missing or blank.</summary>
    public decimal? Cell(string table, string row, string column) =>
        _year.Table(table)?.AmountAt(row, column) is { } amount ? InWan(amount) : null;

    /// <summary>The cell, with a blank or missing cell read as zero.</summary>
    public decimal CellOrZero(string table, string row, string column) => Cell(table, row, column) ?? 0m;

    /// <summary>
    /// A reference figure (上年数, 年初预算数) of a fact, in 万元, or null when the data has none. The references come
    /// first; a report read back states them in its narrative instead — a budget beside the actual (「年初预算为…」), or a
    /// prior year implied by the actual and its stated change (「增加 X 万元」) — and those are used next.
    /// </summary>
    public decimal? Reference(FactKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var found = _year.References.FirstOrDefault(r => r.Key == key);
        if (found is not null)
        {
            return InWan(found.Amount);
        }

        var subject = key with { Basis = Bases.Actual };
        var claims = _year.Narrative.Claims.Where(c => c.Subject == subject);
        if (key.Basis is Bases.Budget or Bases.FullYearBudget)
        {
            return claims.FirstOrDefault(c => c.Budget is not null && (c.BudgetBasis ?? Bases.Budget) == key.Basis)?.Budget is { } budget ? InWan(budget) : null;
        }

        if (key.Basis == Bases.Prior
            && claims.FirstOrDefault(c => c.Amount is not null && c.Change is not null && c.ChangeDirection is not null) is { } changed)
        {
            var change = InWan(changed.Change!.Value);
            return InWan(changed.Amount!.Value) + changed.ChangeDirection switch
            {
                Direction.Increase => -change,
                Direction.Decrease => change,
                _ => 0m,
            };
        }

        return null;
    }

    /// <summary>
    /// The reason for a change or budget deviation of <paramref name="subject"/> (原因说明): the preparer's, or the one
    /// a report read back gave (the importer turns those into explanations too).
    /// </summary>
    public string? Reason(FactKey subject, ExplanationTopic topic)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var normalized = subject with { Basis = Bases.Actual };
        return _year.Explanations.FirstOrDefault(e => e.Topic == topic && (e.Subject with { Basis = Bases.Actual }) == normalized)?.Text is { } text
            ? text.Trim().TrimStart('：', ':').TrimEnd('。', '；', '，', '.').Trim()
            : null;
    }

    /// <summary>The stated rows of a coded table (类/款/项 or economic codes), in printed order, without the 合计 row.</summary>
    public IReadOnlyList<StatedRow> CodedRows(string table, int codeLength) =>
        _year.Table(table)?.Rows.Where(r => r.Key.Length == codeLength && r.Key.All(char.IsAsciiDigit)).ToArray() ?? [];

    /// <summary>The amount in 万元, exactly.</summary>
    public static decimal InWan(Amount amount) => amount.In(MoneyUnit.WanYuan).Value;

    /// <summary>An amount as the narrative prints it: 2 decimals, no thousands separators (「1234.50」).</summary>
    public static string Money(decimal wan) => Rounding.HalfUp(wan, 2).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A share or rate in percent, 2 decimals half up, or null when the base is zero.</summary>
    public static string? Percent(decimal part, decimal whole) =>
        whole == 0m ? null : Rounding.HalfUp(part / whole * 100m, 2).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The label of a function code: the table's own label, else the catalog name.</summary>
    public string FunctionName(string code)
    {
        var catalog = ReferenceData.Catalogs.Function(_year.Year);
        return catalog.Find(code)?.Name
            ?? _year.Tables.SelectMany(t => t.Rows).FirstOrDefault(r => r.Key == code && r.Label is not null)?.Label?.Trim()
            ?? code;
    }

    /// <summary>The label of an economic code: the catalog name, else the table's label.</summary>
    public string EconomicName(string code, string? stated)
    {
        var catalog = ReferenceData.Catalogs.Economic(_year.Year);
        return catalog.Find(code)?.Name ?? stated?.Trim() ?? code;
    }

    /// <summary>The template table of a definition, or null.</summary>
    public TemplateTable? TemplateTable(string definition) => Template.Table(definition);

}
