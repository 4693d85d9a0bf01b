using System.Globalization;
using System.Text;
using Juesuan.Formats;
using Juesuan.Storage;
using MiniExcelLibs;

namespace Juesuan.Application;

/// <summary>The format of an organisation list: Excel (.xlsx) or CSV.</summary>
public enum OrganisationFileFormat
{
    /// <summary>Excel workbook.</summary>
    Xlsx,

    /// <summary>Comma-separated text (UTF-8, or GBK as Excel saves it on Chinese Windows).</summary>
    Csv,
}

/// <summary>What reading an organisation list gave: the entries, or the problems with their row numbers (nothing is imported then).</summary>
public sealed record OrganisationFile(IReadOnlyList<OrganisationEntry> Entries, IReadOnlyList<string> Problems)
{
    /// <summary>True when every row could be read.</summary>
    public bool Success => Problems.Count == 0;
}

/// <summary>
/// 组织机构: a bureau's organisations — regions, departments, units — imported from and exported to a list (XLSX or CSV
/// with the columns 名称, 层级, 上级, 代码 and optionally 别名), with a downloadable template. An import is all or nothing:
/// every bad row is reported with its row number and nothing is imported until all are right.
/// </summary>
public sealed class Organisations(Library library)
{
    /// <summary>The columns of the list, in the template's order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["名称", "层级", "上级", "代码", "别名"];

    private static readonly char[] AliasSeparators = ['、', '；', ';', '|', '，'];

    /// <summary>The level as the list prints it: 地区, 部门, 单位.</summary>
    public static string LevelName(string level) => level switch { "region" => "地区", "department" => "部门", "unit" => "单位", _ => level };

    /// <summary>The format of a file by its ending, or null.</summary>
    public static OrganisationFileFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => OrganisationFileFormat.Xlsx,
        ".csv" => OrganisationFileFormat.Csv,
        _ => null,
    };

    /// <summary>Every organisation of the store.</summary>
    public Task<IReadOnlyList<StoredOrganisation>> ListAsync(CancellationToken cancellationToken = default) => library.OrganisationsAsync(cancellationToken);

    /// <summary>
    /// Remembers <paramref name="alias"/> as a name of the organisation named or coded <paramref name="organisation"/>
    /// (and registers it); the problem in words when there is no such organisation, several, or the alias is another's.
    /// </summary>
    public async Task<string?> AddAliasAsync(string organisation, string alias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (string.IsNullOrWhiteSpace(alias) || alias.Any(char.IsControl))
        {
            return "别名不能为空，也不能含有控制字符。";
        }

        var all = await ListAsync(cancellationToken).ConfigureAwait(false);
        var found = all.Where(o => o.Level != "region" && (o.Name == organisation.Trim() || o.Code == organisation.Trim())).ToList();
        if (found.Count != 1)
        {
            return found.Count == 0 ? $"没有名称或代码为「{organisation}」的部门或单位（juesuan orgs list 查看）。" : $"「{organisation}」不止一个（{string.Join("、", found.Select(o => LevelName(o.Level)))}），请用代码指明。";
        }

        if (all.FirstOrDefault(o => o.Id != found[0].Id && o.Aliases.Prepend(o.Name).Contains(alias.Trim())) is { } other)
        {
            return $"「{alias}」已是「{other.Name}」的名称或别名，不能再指向「{found[0].Name}」。";
        }

        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        await store.AddAliasAsync(found[0].Id, alias, cancellationToken).ConfigureAwait(false);
        await store.RegisterAsync(found[0].Id, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Reads an organisation list and, when every row is right, registers its organisations in one transaction. The
    /// problems (row numbers) come back instead when any row is wrong, and nothing is imported.
    /// </summary>
    public async Task<(OrganisationFile File, OrganisationImport? Imported)> ImportAsync(byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        var file = Read(content, fileName);
        if (!file.Success)
        {
            return (file, null);
        }

        var store = await library.StoreAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (file, await store.ImportOrganisationsAsync(file.Entries, cancellationToken).ConfigureAwait(false));
        }
        catch (StoreException e)
        {
            return (file with { Problems = [e.Message] }, null);
        }
    }

    /// <summary>
    /// Reads an organisation list: the header row (anywhere in the first rows) names the columns; every later row that is
    /// not empty is an organisation. Entries come back parents first (regions, then departments, then units).
    /// </summary>
    public static OrganisationFile Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (FormatOf(fileName) is not { } format)
        {
            return new([], [$"{fileName}：组织机构清单应为 .xlsx 或 .csv 文件。"]);
        }

        List<IDictionary<string, object?>> rows;
        try
        {
            rows = format == OrganisationFileFormat.Xlsx ? ReadXlsx(content) : ReadCsv(content, fileName);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or DecoderFallbackException
            or System.Xml.XmlException or ArgumentException or NotSupportedException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return new([], [$"{fileName} 无法读取（{(format == OrganisationFileFormat.Xlsx ? "不是有效的 Excel 文件" : "不是有效的 CSV 文本")}）。"]);
        }

        var headerIndex = rows.FindIndex(r => r.Values.Select(Text).Contains("名称") && r.Values.Select(Text).Contains("层级"));
        if (headerIndex < 0)
        {
            return new([], [$"{fileName} 没有表头行：第一行应为「{string.Join("、", Columns)}」（别名可省略）。"]);
        }

        var columns = rows[headerIndex].Where(c => Text(c.Value) is { } t && Columns.Contains(t)).ToDictionary(c => Text(c.Value)!, c => c.Key);
        var problems = new List<string>();
        var entries = new List<OrganisationEntry>();
        for (var i = headerIndex + 1; i < rows.Count; i++)
        {
            var row = i + 1;
            string? Cell(string column) => columns.TryGetValue(column, out var key) && rows[i].TryGetValue(key, out var value) ? Text(value) : null;
            var name = Cell("名称");
            var levelText = Cell("层级");
            var parent = Cell("上级");
            var code = Cell("代码");
            var aliases = Cell("别名")?.Split(AliasSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            if (name is null && levelText is null && parent is null && code is null && aliases.Length == 0)
            {
                continue;
            }

            var level = levelText switch { "地区" or "region" => "region", "部门" or "department" => "department", "单位" or "unit" => "unit", _ => null };
            var before = problems.Count;
            if (name is null)
            {
                problems.Add($"第 {row} 行：缺少名称。");
            }
            else if (name.Any(char.IsControl) || name.Length > 100)
            {
                problems.Add($"第 {row} 行：名称「{Shown(name)}」含有控制字符或超过 100 字。");
            }

            if (level is null)
            {
                problems.Add($"第 {row} 行：层级「{levelText}」应为 地区、部门 或 单位。");
            }
            else if (level == "unit" && parent is null)
            {
                problems.Add($"第 {row} 行：单位「{name}」缺少上级部门。");
            }

            // (A unit may bear its department's name — its 本级 — since a parent is one level up.)
            if (level == "region" && parent is not null && parent == name)
            {
                problems.Add($"第 {row} 行：「{name}」的上级不能是它自己。");
            }

            if (problems.Count == before)
            {
                entries.Add(new OrganisationEntry(row, name!, level!, parent, code, aliases));
            }
        }

        foreach (var twice in entries.GroupBy(e => (e.Level, e.Parent, e.Name)).Where(g => g.Count() > 1))
        {
            problems.Add($"第 {string.Join("、", twice.Select(e => e.Row))} 行：{LevelName(twice.Key.Level)}「{twice.Key.Name}」重复。");
        }

        foreach (var shared in entries.Where(e => e.Code is not null).GroupBy(e => e.Code).Where(g => g.Select(e => e.Name).Distinct().Count() > 1))
        {
            problems.Add($"第 {string.Join("、", shared.Select(e => e.Row))} 行：代码 {shared.Key} 被不同的组织共用。");
        }

        foreach (var alias in entries.SelectMany(e => e.Aliases.Select(a => (Alias: a, Entry: e))).GroupBy(x => x.Alias).Where(g => g.Select(x => x.Entry.Name).Distinct().Count() > 1))
        {
            problems.Add($"第 {string.Join("、", alias.Select(x => x.Entry.Row))} 行：别名「{alias.Key}」同时指向多个组织，无法据此认定报告的归属。");
        }

        if (entries.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{fileName} 在表头之后没有任何组织。");
        }

        return new(Order(entries), problems);
    }

    /// <summary>Writes the store's organisations as a list that <see cref="ImportAsync"/> reads back.</summary>
    public async Task ExportAsync(Stream stream, OrganisationFileFormat format, CancellationToken cancellationToken = default)
    {
        var organisations = await ListAsync(cancellationToken).ConfigureAwait(false);
        var byId = organisations.ToDictionary(o => o.Id);
        var rows = organisations.Select(o => Row(o.Name, LevelName(o.Level), o.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Name : null, o.Code, string.Join("、", o.Aliases)));
        await WriteAsync(stream, rows, format, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The blank list to fill, with the columns and three example rows a bureau replaces.</summary>
    public static async Task TemplateAsync(Stream stream, OrganisationFileFormat format, CancellationToken cancellationToken = default)
    {
        IEnumerable<Dictionary<string, object?>> rows =
        [
            Row("某某市某某区", "地区", null, null, null),
            Row("某某市某某区医疗保障局", "部门", "某某市某某区", "101001", "区医保局、某某区医保局"),
            Row("某某市某某区医疗保障局（本级）", "单位", "某某市某某区医疗保障局", "101001001", null),
            Row("某某市某某区医疗保险事业管理中心", "单位", "某某市某某区医疗保障局", "101001002", "区医保中心"),
        ];
        await WriteAsync(stream, rows, format, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, object?> Row(string name, string level, string? parent, string? code, string? aliases) =>
        new() { ["名称"] = name, ["层级"] = level, ["上级"] = parent, ["代码"] = code, ["别名"] = aliases };

    private static async Task WriteAsync(Stream stream, IEnumerable<Dictionary<string, object?>> rows, OrganisationFileFormat format, CancellationToken cancellationToken)
    {
        if (format == OrganisationFileFormat.Csv)
        {
            // With a BOM, so that Excel on Chinese Windows opens it as UTF-8.
            await stream.WriteAsync(Encoding.UTF8.GetPreamble(), cancellationToken).ConfigureAwait(false);
        }

        await stream.SaveAsAsync(rows.ToList(), excelType: format == OrganisationFileFormat.Xlsx ? ExcelType.XLSX : ExcelType.CSV, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static List<IDictionary<string, object?>> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }

    private static List<IDictionary<string, object?>> ReadCsv(byte[] content, string fileName)
    {
        var text = InputFile.DecodeText(content, fileName, out var error, out _, report: false) ?? throw new FormatException(error);

        // The CSV reader skips empty records and refuses one with fewer fields than the header (Excel drops trailing empty
        // ones): records — split at line ends outside quotes, so a cell with a line break in it stays one row, as Excel
        // shows it — are padded, empty ones kept, and the row numbers are the ones the user sees.
        var records = Records(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        var fields = records.Select(Separators).DefaultIfEmpty(0).Max();
        var kept = string.Join("\n", records.Select(r => r + new string(',', Math.Max(0, fields - Separators(r)))));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kept), writable: false);
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>()];
    }

    // The records of CSV text: split at line ends outside quotes; no record after a final line end.
    private static List<string> Records(string text)
    {
        var records = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            quoted ^= text[i] == '"';
            if (text[i] == '\n' && !quoted)
            {
                records.Add(text[start..i]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            records.Add(text[start..]);
        }

        return records;
    }

    // The commas of a CSV line that separate fields (not those inside quotes).
    private static int Separators(string line)
    {
        var quoted = false;
        var count = 0;
        foreach (var c in line)
        {
            quoted ^= c == '"';
            count += !quoted && c == ',' ? 1 : 0;
        }

        return count;
    }

    // A cell as text: numbers (a code Excel took for one) without a decimal point or exponent.
    private static string? Text(object? value) => value switch
    {
        null => null,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => Clean(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Clean(value.ToString()),
    };

    // As typed (a name is kept as the bureau spells it; matching compares normalised forms).
    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shown(string name) => new([.. name.Take(30).Select(c => char.IsControl(c) ? '?' : c)]);

    // Parents before children: regions (a region under another after it), then departments, then units.
    private static List<OrganisationEntry> Order(List<OrganisationEntry> entries)
    {
        var regions = entries.Where(e => e.Level == "region").ToList();
        var ordered = new List<OrganisationEntry>();
        var placed = new HashSet<string>();
        while (regions.Count > 0)
        {
            var ready = regions.Where(r => r.Parent is null || !regions.Any(o => o.Name == r.Parent) || placed.Contains(r.Parent)).ToList();
            if (ready.Count == 0)
            {
                ready = regions; // A cycle: the store reports the missing parent.
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready.Select(r => r.Name));
            regions = [.. regions.Except(ready)];
        }

        return [.. ordered, .. entries.Where(e => e.Level == "department"), .. entries.Where(e => e.Level == "unit")];
    }
}
