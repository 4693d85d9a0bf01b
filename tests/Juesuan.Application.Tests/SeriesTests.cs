using System.Text;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Application.Tests;

/// <summary>
/// Series on hand-built department-years (issue 17): a code renamed between catalogue editions keeps one series, a code
/// split into two continues as their sum, a year not stored is a gap and a year that does not list the figure another —
/// never a zero.
/// </summary>
public sealed class SeriesTests : IDisposable
{
    // 2101590 (2019 edition) became 2101591; 2101580 was split into 2101581 and 2101582.
    private const string Editions = """
        { "catalog": "function", "editions": [2019], "title": "测试目录",
          "entries": [
            { "code": "2101590", "name": "旧名称事务", "until": 2020, "replacedBy": ["2101591"] },
            { "code": "2101580", "name": "拆分前事务", "until": 2020, "replacedBy": ["2101581", "2101582"] }
          ] }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("juesuan-series-").FullName;
    private readonly ServiceProvider _services;

    public SeriesTests() => _services = new ServiceCollection()
        .AddJuesuan(o =>
        {
            o.Store = StoreOptions.Resolve("sqlite", Path.Combine(_folder, "store.db")) with { ExplicitPath = false };
            o.Reference = o.Reference.WithCatalogs(Catalog.LoadEditions(new MemoryStream(Encoding.UTF8.GetBytes(Editions))));
        })
        .BuildServiceProvider();

    private static DepartmentYear Year(int year, params (string Code, string Total)[] rows) => new()
    {
        Department = new Department { Name = "青石县医疗保障局", Region = "青石县" },
        Year = year,
        Tables =
        [
            new StatedTable
            {
                Definition = TableIds.Expenditure, Title = "支出决算表", Unit = MoneyUnit.WanYuan,
                Rows = [.. rows.Select(r => new StatedRow { Key = r.Code, Label = r.Code, Cells = [new StatedCell { Column = "total", Value = Printed.Parse(r.Total).Value }] })],
            },
        ],
    };

    private async Task SaveAsync(params DepartmentYear[] years)
    {
        var library = _services.GetRequiredService<Library>();
        foreach (var year in years)
        {
            await library.SaveAsync(year);
        }
    }

    private Task<Series> SeriesAsync(string what) => _services.GetRequiredService<Comparisons>().SeriesAsync("青石县医疗保障局", what);

    [Fact]
    public async Task A_renamed_code_keeps_one_series_and_a_missing_year_is_a_gap_not_a_zero()
    {
        // 2021 not stored; 2023 stored without the item.
        await SaveAsync(Year(2019, ("2101590", "10.00")), Year(2020, ("2101590", "12.00")), Year(2022, ("2101591", "15.00")), Year(2023, ("2101501", "1.00")));

        var series = await SeriesAsync("2101590");
        Assert.Equal([2019, 2020, 2021, 2022, 2023], series.Points.Select(p => p.Year));
        Assert.Equal(["10.00", "12.00", null, "15.00", null], series.Points.Select(p => p.Value?.ToDisplayString()));
        Assert.Equal([null, null, "未存储", null, "未列"], series.Points.Select(p => p.Gap));
        Assert.Equal(20.00m, series.Points[1].Change);
        Assert.Null(series.Points[3].Change);

        // Asked by the new code, the same series.
        Assert.Equal(series.Points.Select(p => p.Value), (await SeriesAsync("2101591")).Points.Select(p => p.Value));
        Assert.Contains("2021\t—（未存储）", Comparisons.Text(series), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_split_code_continues_as_the_sum_of_its_parts()
    {
        await SaveAsync(Year(2020, ("2101580", "30.00")), Year(2021, ("2101581", "20.00"), ("2101582", "12.50")));
        var series = await SeriesAsync("2101580");
        Assert.Equal(["30.00", "32.50"], series.Points.Select(p => p.Value?.ToDisplayString()));
        Assert.Equal(["2101580", "2101581", "2101582"], series.Codes);
    }

    [Fact]
    public async Task A_concept_is_found_by_the_words_the_tables_print_and_unknown_requests_say_what_is_wrong()
    {
        await SaveAsync(Year(2023, ("2101501", "1.00")) with { Tables = [Year(2023).Tables[0] with { Rows = [new StatedRow { Key = "total", Cells = [new StatedCell { Column = "basic", Value = Printed.Parse("8.80").Value }] }] }] });
        var basic = await SeriesAsync("基本支出");
        Assert.Equal("8.80", Assert.Single(basic.Points).Value?.ToDisplayString());
        Assert.Equal("支出决算表", basic.Table);

        var comparisons = _services.GetRequiredService<Comparisons>();
        Assert.Contains("没有部门", (await Assert.ThrowsAsync<SeriesRequestException>(() => comparisons.SeriesAsync("白水县医疗保障局", "基本支出"))).Message, StringComparison.Ordinal);
        Assert.Contains("不认识", (await Assert.ThrowsAsync<SeriesRequestException>(() => comparisons.SeriesAsync("青石县医疗保障局", "某某支出"))).Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
