using Juesuan.Domain.Model;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>What preparing next year gave: the department-year to fill, where its 上年数 came from, and the codes renamed on the way.</summary>
public sealed record Prepared(DepartmentYear Year, string PriorKey, int Rows, int PriorFigures, IReadOnlyList<(string From, string To)> Renamed);

/// <summary>
/// 下一年度从本年度来 (issue 16, part 2): next year's department-year to fill, from this year's stored report — the same
/// tables and rows (codes renamed by the catalogue's crosswalk carried to their successors, named as the new year's
/// catalogue names them), every figure blank, and each of this year's 决算数 as next year's 上年数 (what the narrative
/// compares against and the cross-year rules check), under the template of the new year where the province has one.
/// </summary>
public sealed class Preparation(Library library, JuesuanOptions options)
{
    /// <summary>
    /// Prepares <paramref name="year"/> for <paramref name="organisationOrKey"/> (an organisation's name or alias, or a
    /// stored key of any of its years); no result, and the problem in words, when the store holds no report of the
    /// year before for it.
    /// </summary>
    public async Task<(Prepared? Prepared, string? Problem)> NextYearAsync(string organisationOrKey, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisationOrKey);
        if (await library.OpenAsync(writing: false, cancellationToken).ConfigureAwait(false) is not { } store)
        {
            return (null, "存储中还没有任何报告。");
        }

        var priorKey = await PriorKeyAsync(store, organisationOrKey.Trim(), year, cancellationToken).ConfigureAwait(false);
        if (priorKey is null || await store.LoadAsync(priorKey, cancellationToken).ConfigureAwait(false) is not { } prior)
        {
            return (null, $"存储中没有「{organisationOrKey}」{year - 1} 年度的决算报告，无法据以准备 {year} 年度（先导入上年报告，或检查名称）。");
        }

        return (Prepare(prior, year, priorKey), null);
    }

    /// <summary>Next year's department-year from <paramref name="prior"/> (<see cref="NextYearAsync"/>), computed.</summary>
    public Prepared Prepare(DepartmentYear prior, int year, string priorKey)
    {
        ArgumentNullException.ThrowIfNull(prior);
        var catalogs = options.Reference.Catalogs;
        var renamed = new SortedSet<(string, string)>();
        string Next(string code)
        {
            var next = catalogs.Canonical(code);
            if (next != code)
            {
                renamed.Add((code, next));
            }

            return next;
        }

        string? Label(string key, string? label) =>
            key.All(char.IsAsciiDigit) && key.Length >= 3 && (catalogs.Function(year).Find(key) ?? catalogs.Economic(year).Find(key)) is { } entry ? entry.Name : label;

        IReadOnlyList<StatedTable> Blank(IEnumerable<StatedTable> tables) => [.. tables.Select(t => t with
        {
            Rows = [.. t.Rows.Select(r => Next(r.Key) is var key ? r with
            {
                Key = key, Label = key == r.Key ? r.Label : Label(key, r.Label), Line = null, Source = null,
                Cells = [.. r.Cells.Select(c => c with { Value = null, Text = null, Source = null })],
            } : r)],
            Notes = [], EmptyStatement = null, Source = null,
        })];

        // Each 决算数 the tables state becomes next year's 上年数 (a code renamed since, under its successor).
        var facts = FactIndex.Build(prior);
        var references = facts.Keys.Where(k => k.Basis == Bases.Actual)
            .Select(k => (Key: k, Stated: facts.Find(k).FirstOrDefault(a => a.Origin == AssertionOrigin.Table)))
            .Where(x => x.Stated is not null)
            .Select(x => new ReferenceFigure { Key = x.Key with { Basis = Bases.Prior, Code = x.Key.Code is { } code ? Next(code) : null }, Amount = x.Stated!.Amount })
            .GroupBy(r => r.Key).Select(g => g.First())
            .ToList();

        var template = prior.Department.Province is { } province && options.Reference.Templates.Resolve($"{province}/{year}", year) is { } newer ? newer.Id : prior.TemplateId;
        var tables = Blank(prior.Tables);
        var next = new DepartmentYear
        {
            Department = prior.Department,
            Year = year,
            TemplateId = template,
            Kind = prior.Kind,
            Units = [.. prior.Units.Select(u => u with { Tables = Blank(u.Tables) })],
            Tables = tables,
            References = references,

            // This year's 机关运行经费 is next year's 上年决算数 (the section reads it there, not from 参考数).
            OperatingCosts = prior.OperatingCosts?.Actual is { } spent ? new OperatingCosts { Prior = spent } : null,
            Sources = [],
        };
        return new Prepared(next, priorKey, tables.Sum(t => t.Rows.Count), references.Count, [.. renamed]);
    }

    // The key of the organisation's disclosure of the year before: found through the organisation a stored key belongs
    // to (a self-evaluation's key leads to its department's disclosure), or the one the name or alias names.
    private static async Task<string?> PriorKeyAsync(DepartmentYearStore store, string input, int year, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(input, cancellationToken).ConfigureAwait(false) is not null)
        {
            return await store.OrganisationOfAsync(input, cancellationToken).ConfigureAwait(false) is { } owner
                ? await store.DisclosureOfAsync(owner, year - 1, cancellationToken).ConfigureAwait(false)
                : null;
        }

        var printed = OrganisationNames.Normalize(input);
        var organisations = await store.OrganisationsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var organisation in organisations.Where(o => o.Level != "region" && o.Aliases.Prepend(o.Name).Any(n => OrganisationNames.Normalize(n) == printed))
            .OrderBy(o => o.Level == "department" ? 0 : 1))
        {
            if (await store.DisclosureOfAsync(organisation.Id, year - 1, cancellationToken).ConfigureAwait(false) is { } key)
            {
                return key;
            }
        }

        return null;
    }
}
