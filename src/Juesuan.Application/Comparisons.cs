using System.Globalization;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>One year of a series: the figure, or why there is none (the year is not stored, or its report does not list it).</summary>
/// <param name="Year">The year.</param>
/// <param name="Value">The figure; null for a gap — never a zero that was not printed.</param>
/// <param name="Gap">Why there is no figure: 「未存储」 or 「未列」.</param>
/// <param name="Change">The change on the year before, in percent, when both are there and the year before is not zero.</param>
public sealed record SeriesPoint(int Year, Amount? Value, string? Gap, decimal? Change)
{
    /// <summary>The figure as shown everywhere (「484.93万元」), or the gap with its reason (「—（未存储）」).</summary>
    public string Shown => Value is { } v ? v.ToDisplayString() + v.Unit.Name() : $"—（{Gap}）";

    /// <summary>The change as shown (「+7.76%」), empty without one.</summary>
    public string ChangeShown => Change is { } c ? (c >= 0 ? "+" : string.Empty) + c.ToString("0.00", CultureInfo.InvariantCulture) + "%" : string.Empty;
}

/// <summary>A department's figure over the years (序列), read through the catalogues' crosswalk.</summary>
/// <param name="Organisation">The department.</param>
/// <param name="What">What the figure is, as the tables print it (「本年支出合计」, 「2101501 行政运行」).</param>
/// <param name="Table">The table it is read from.</param>
/// <param name="Codes">The codes summed (a code and those merged into it or split from it); empty for a fixed row.</param>
/// <param name="Points">Every year from the first stored to the last, gaps included.</param>
public sealed record Series(string Organisation, string What, string Table, IReadOnlyList<string> Codes, IReadOnlyList<SeriesPoint> Points);

/// <summary>A request for a series the store cannot answer: an organisation or a concept it does not know (the message says which).</summary>
public sealed class SeriesRequestException(string message) : Exception(message);

/// <summary>比较: a department's figures across the years it is stored.</summary>
public sealed class Comparisons(JuesuanOptions options, Library library)
{
    // Where a figure is looked for first: the summary tables, then the expenditure tables that list every code.
    private static readonly string[] CodeTables = [TableIds.Expenditure, TableIds.GpbExpenditure, TableIds.Income, TableIds.UniversityFiscalExpenditure];

    /// <summary>
    /// The series of <paramref name="what"/> — a concept named as the tables print it (本年支出合计, 基本支出) or a
    /// classification code — for the department named <paramref name="organisation"/> (its name, an alias or its code),
    /// or, for a user bound to one (<paramref name="only"/>), that organisation whatever the name says.
    /// </summary>
    public async Task<Series> SeriesAsync(string organisation, string what, CancellationToken cancellationToken = default, long? only = null)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(what);
        var store = await library.OpenAsync(writing: false, cancellationToken).ConfigureAwait(false)
            ?? throw new SeriesRequestException($"存储中还没有任何部门年度（{library.Describe()}）。");
        var department = only is { } id
            ? (await store.OrganisationsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.Id == id) ?? throw new SeriesRequestException("你的账户所属的单位在存储中没有部门年度。")
            : await FindAsync(store, organisation.Trim(), cancellationToken).ConfigureAwait(false);
        var wanted = what.Trim();
        if (wanted.Length > 0 && wanted.All(char.IsAsciiDigit))
        {
            return await CodeSeriesAsync(store, department, wanted, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (table, row, column) in Rows(wanted))
        {
            var (years, figures) = await store.SeriesAsync(department.Id, table.Id, [row.Key], column.Key, cancellationToken).ConfigureAwait(false);
            if (figures.Count > 0)
            {
                var named = Label(column.Name) == Label(wanted) ? $"{column.Name}（{Label(row.Label)}）" : $"{Label(row.Label)}（{column.Name}）";
                return new Series(department.Name, named, table.Name, [], Points(years, figures));
            }
        }

        throw new SeriesRequestException(Rows(wanted).Any()
            ? $"{department.Name} 存储的各年度中都没有「{wanted}」的数。"
            : $"不认识「{wanted}」：请用表中印的项目名称（如 本年支出合计、基本支出）或科目编码（如 2101501）。");
    }

    private async Task<Series> CodeSeriesAsync(DepartmentYearStore store, StoredOrganisation department, string code, CancellationToken cancellationToken)
    {
        var catalogs = options.Reference.Catalogs;
        // The code as the crosswalk keeps it, and where it was split, the codes it was split into (their sum continues it).
        var entry = catalogs.Editions.Select(e => e.Find(code)).OfType<CatalogEntry>().FirstOrDefault();
        var codes = new[] { catalogs.Canonical(code) }.Concat(entry?.ReplacedBy is { Count: > 1 } split ? split.Select(catalogs.Canonical) : []).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var table in CodeTables)
        {
            var (years, figures) = await store.SeriesAsync(department.Id, table, codes, "total", cancellationToken).ConfigureAwait(false);
            if (figures.Count > 0)
            {
                var name = entry?.Name ?? catalogs.Function(years.Count > 0 ? years[^1] : DateTime.Today.Year).Find(codes[0])?.Name;
                var tableName = options.Reference.Templates.Definitions.TryGetValue(table, out var definition) ? definition.Name : table;
                return new Series(department.Name, $"{code} {name}".Trim() + "（合计）", tableName, codes, Points(years, figures));
            }
        }

        throw new SeriesRequestException($"{department.Name} 存储的各年度中都没有科目 {code} 的数。");
    }

    private static async Task<StoredOrganisation> FindAsync(DepartmentYearStore store, string name, CancellationToken cancellationToken)
    {
        var departments = (await store.OrganisationsAsync(cancellationToken).ConfigureAwait(false)).Where(o => o.Level == "department").ToArray();
        var normal = CatalogText.NormalizeName(name);
        var exact = departments.Where(o => CatalogText.NormalizeName(o.Name) == normal || o.Code == name || o.Aliases.Any(a => CatalogText.NormalizeName(a) == normal)).ToArray();
        var found = exact.Length > 0 ? exact : departments.Where(o => o.Name.Contains(name, StringComparison.Ordinal)).ToArray();
        return found.Length switch
        {
            1 => found[0],
            0 => throw new SeriesRequestException($"存储中没有部门「{name}」。"),
            _ => throw new SeriesRequestException($"「{name}」可指 {found.Length} 个部门：{string.Join("、", found.Select(o => o.Name))}；请写全称。"),
        };
    }

    // The rows of every table definition printed as <paramref name="label"/>, summary tables first, with the column of the figure.
    private IEnumerable<(TableDefinition Table, RowDefinition Row, ColumnDefinition Column)> Rows(string label)
    {
        var wanted = Label(label);
        foreach (var table in options.Reference.Templates.Definitions.Values)
        {
            foreach (var row in table.Rows.Where(r => Label(r.Label) == wanted))
            {
                var column = table.Columns.FirstOrDefault(c => c.Name.Contains("合计", StringComparison.Ordinal) || c.Name.Contains("决算", StringComparison.Ordinal)) ?? table.Columns.FirstOrDefault();
                if (column is not null)
                {
                    yield return (table, row, column);
                }
            }
        }

        // A column named so (基本支出, 项目支出) of a table listed by code is its 合计 row in that column.
        var total = new RowDefinition { Key = Domain.Model.FactIndex.TotalRowKey, Label = "合计" };
        foreach (var table in options.Reference.Templates.Definitions.Values.Where(t => t.RowKind == RowKind.Functional))
        {
            foreach (var column in table.Columns.Where(c => Label(c.Name) == wanted))
            {
                yield return (table, total, column);
            }
        }
    }

    // 「一、本年支出合计」 and 「本年支出合计」 are one label.
    private static string Label(string label) => CatalogText.NormalizeName(System.Text.RegularExpressions.Regex.Replace(label.Trim(), @"^[（(]?[一二三四五六七八九十]+[)）、]\s*", string.Empty));

    private static IReadOnlyList<SeriesPoint> Points(IReadOnlyList<int> years, IReadOnlyList<(int Year, Amount Sum, int Rows)> figures)
    {
        var stored = years.ToHashSet();
        var byYear = figures.ToDictionary(f => f.Year, f => f.Sum);
        var from = Math.Min(years.Count > 0 ? years[0] : int.MaxValue, figures[0].Year);
        var to = Math.Max(years.Count > 0 ? years[^1] : int.MinValue, figures[^1].Year);
        var points = new List<SeriesPoint>();
        for (var year = from; year <= to; year++)
        {
            var value = byYear.TryGetValue(year, out var v) ? v : (Amount?)null;
            var before = byYear.TryGetValue(year - 1, out var b) ? b : (Amount?)null;
            decimal? change = value is { } now && before is { Value: not 0m } then
                ? Math.Round((now.In(then.Unit).Value - then.Value) / then.Value * 100m, 2, MidpointRounding.AwayFromZero)
                : null;
            points.Add(new SeriesPoint(year, value, value is not null ? null : stored.Contains(year) ? "未列" : "未存储", change));
        }

        return points;
    }

    /// <summary>A series as a text table for a terminal.</summary>
    public static string Text(Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var lines = new List<string>
        {
            $"{series.Organisation}：{series.What}，取自{series.Table}" + (series.Codes.Count > 1 ? $"（按科目对照合并 {string.Join("、", series.Codes)}）" : string.Empty),
            "年度\t数值\t比上年",
        };
        lines.AddRange(series.Points.Select(p => string.Join('\t', p.Year.ToString(CultureInfo.InvariantCulture), p.Shown, p.ChangeShown)));
        return string.Join('\n', lines) + "\n";
    }
}
