using Juesuan.Storage;
using Juesuan.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Application.Tests;

/// <summary>
/// Peers (issue 17, item 3): twelve county bureaus built from the example, the same but for their staff counts, one of
/// them planted with a third of the others' staff — its 机关运行经费 and “三公”经费 per head stand out, and nothing else does.
/// </summary>
public sealed class PeerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("juesuan-peers-").FullName;
    private readonly ServiceProvider _services;

    public PeerTests() => _services = new ServiceCollection()
        .AddJuesuan(o => o.Store = StoreOptions.Resolve("sqlite", Path.Combine(_folder, "store.db")) with { ExplicitPath = false })
        .BuildServiceProvider();

    /// <summary>Saves twelve bureaus of 2024 (「第N县医疗保障局」, 34–37 staff) and a finance bureau; the sixth has 12 staff.</summary>
    internal static async Task SaveTwelveAsync(Library library)
    {
        var example = ComparisonData.Example;
        for (var i = 1; i <= 12; i++)
        {
            var staff = i == 6 ? 12 : 34 + (i % 4);
            await library.SaveAsync(ComparisonData.Bureau(example, i, staff));
        }

        await library.SaveAsync(example with { Department = example.Department with { Name = "第1县财政局", Region = "第1县", Code = null } });
    }

    [Fact]
    public async Task A_planted_outlier_among_twelve_bureaus_is_found_and_said_in_a_sentence()
    {
        await SaveTwelveAsync(_services.GetRequiredService<Library>());
        var table = await _services.GetRequiredService<Peers>().CompareAsync(2024, "医疗保障局");

        Assert.Equal(12, table.Departments.Count);
        Assert.DoesNotContain("第1县财政局", table.Departments);
        var outliers = table.Outliers.Select(o => (o.Department, o.Ratio)).ToArray();
        Assert.Equal([("第6县医疗保障局", "three-public-per-staff"), ("第6县医疗保障局", "operating-per-staff")], outliers);
        var operating = table.Outliers.Single(o => o.Ratio == "operating-per-staff");
        Assert.True(operating.Score > Peers.Limit);
        Assert.StartsWith("第6县医疗保障局的机关运行经费人均为 18,458 元/人，同组 12 个部门的中位数为 6,329 元/人", operating.Explanation, StringComparison.Ordinal);
        Assert.Equal(["第1县医疗保障局", "第2县医疗保障局"], table.Departments.Take(2));
        Assert.Contains("明显偏高", operating.Explanation, StringComparison.Ordinal);

        // The same report for all: shares agree, their spread is nil, and none is called an outlier.
        Assert.Equal(0m, table.Statistics["personnel-share"].Mad);
        Assert.DoesNotContain(table.Outliers, o => o.Ratio == "personnel-share");
    }

    [Fact]
    public void Fewer_than_four_departments_give_no_spread_and_agreeing_values_no_outlier()
    {
        var values = new Dictionary<(string, string), decimal?> { [("甲", "personnel-share")] = 60m, [("乙", "personnel-share")] = 61m, [("丙", "personnel-share")] = 95m };
        var three = Peers.Summarise(2024, "测试", ["甲", "乙", "丙"], values);
        Assert.Empty(three.Statistics);
        Assert.Empty(three.Outliers);

        // Five where four agree exactly and one differs: the mean absolute deviation stands in for a MAD of zero.
        var five = new Dictionary<(string, string), decimal?>
        {
            [("甲", "project-share")] = 20m, [("乙", "project-share")] = 20m, [("丙", "project-share")] = 20m, [("丁", "project-share")] = 20m, [("戊", "project-share")] = 80m,
        };
        var table = Peers.Summarise(2024, "测试", ["甲", "乙", "丙", "丁", "戊"], five);
        Assert.Equal(("戊", "project-share"), table.Outliers.Select(o => (o.Department, o.Ratio)).Single());
        Assert.Equal((20m, 20m, 20m), (table.Statistics["project-share"].Q1, table.Statistics["project-share"].Median, table.Statistics["project-share"].Q3));
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The comparisons' workbooks hold numbers as numbers.</summary>
public sealed class ComparisonWorkbookTests
{
    [Fact]
    public void A_peer_table_and_a_series_are_written_with_numeric_cells_and_gaps_left_empty()
    {
        var values = new Dictionary<(string, string), decimal?> { [("甲", "personnel-share")] = 60.5m, [("乙", "personnel-share")] = null };
        using var peers = new MemoryStream();
        ComparisonWorkbooks.Write(Peers.Summarise(2024, "测试", ["甲", "乙"], values), peers);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(peers.ToArray()), false))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToArray();
            Assert.Equal(["同类比较", "离群值"], sheets);
            var cells = document.WorkbookPart.WorksheetParts.First().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToArray();
            var b3 = cells.Single(c => c.CellReference == "B3");
            Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, b3.DataType!.Value);
            Assert.Equal("60.5", b3.CellValue!.Text);
            Assert.Equal(string.Empty, cells.Single(c => c.CellReference == "B4").InnerText);
        }

        var series = new Series("甲", "本年支出合计", "收入支出决算总表", [],
            [new SeriesPoint(2023, new Domain.Numbers.Amount(12345m, 0, Domain.Numbers.MoneyUnit.Yuan), null, null), new SeriesPoint(2024, new Domain.Numbers.Amount(1.5m, 2, Domain.Numbers.MoneyUnit.WanYuan), null, 21.51m)]);
        using var written = new MemoryStream();
        ComparisonWorkbooks.Write(series, written);
        using var read = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(written.ToArray()), false);
        var values2023 = read.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == "B3");
        // A year printed in 元 is converted to the unit of the latest year (万元), so the column sums.
        Assert.Equal("1.2345", values2023.CellValue!.Text);
    }
}
