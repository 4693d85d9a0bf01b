using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.Formats.Json;
using Juesuan.TestSupport;

namespace Juesuan.Import.Tests;

public class DepartmentYearJsonTests
{
    private static DepartmentYear ReadExample()
    {
        var result = DepartmentYearJson.ReadFile(Paths.Example);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Value!;
    }

    [Fact]
    public void Example_reads_without_errors_or_warnings()
    {
        var result = DepartmentYearJson.ReadFile(Paths.Example);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var year = result.Value!;
        Assert.Equal("青石县医疗保障局", year.Department.Name);
        Assert.Equal(2024, year.Year);
        Assert.Equal(3, year.Units.Count);
        Assert.Equal(9, year.Tables.Count);
        Assert.Equal(new Amount(484.93m, 2, MoneyUnit.WanYuan), year.Table(TableIds.Expenditure)!.AmountAt("total", "total"));
        Assert.Equal(3, year.Evaluations.Count);
        Assert.Equal(13, year.Narrative.Sections.Count);
    }

    [Fact]
    public void A_cell_is_read_with_the_templates_instance_of_its_column_key_and_an_unknown_key_is_not_interned()
    {
        // The audit's lookups by column compare references first: every cell of the example holds its template's key.
        var year = ReadExample();
        var cells = year.Tables.Concat(year.Units.SelectMany(u => u.Tables))
            .SelectMany(t => t.Rows.SelectMany(r => r.Cells).Select(c => (Cell: c, Definition: TemplateLibrary.Definition(t.Definition))))
            .ToArray();
        Assert.True(cells.Length > 1000);
        Assert.All(cells, x => Assert.Same(x.Definition.Column(x.Cell.Column)!.Key, x.Cell.Column));

        // A key no template has stays the reader's own string: never added to the runtime's pool for good.
        var unknown = "column" + Guid.NewGuid().ToString("N");
        var json = DepartmentYearJson.Write(year).Replace("\"column\": \"amount\"", $"\"column\": \"{unknown}\"", StringComparison.Ordinal);
        var read = DepartmentYearJson.Read(json);
        Assert.Contains(read.Errors.Concat(read.Warnings), i => i.Message.Contains(unknown, StringComparison.Ordinal));
        Assert.Null(string.IsInterned(unknown));
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_document()
    {
        var year = ReadExample();
        var written = DepartmentYearJson.Write(year);
        var again = DepartmentYearJson.Read(written);
        Assert.True(again.Success, string.Join("\n", again.Errors));
        Assert.Equal(written, DepartmentYearJson.Write(again.Value!));
    }

    [Fact]
    public void Written_example_equals_the_committed_file()
    {
        // The committed example is in the canonical form the writer produces; a change to the format shows here.
        var year = ReadExample();
        Assert.Equal(File.ReadAllText(Paths.Example).ReplaceLineEndings("\n"), DepartmentYearJson.Write(year));
    }

    [Fact]
    public void Generated_metadata_writes_the_example_as_reflected_metadata_does()
    {
        // The writer's metadata is source-generated (issue 19); the reader's, and this reference, reflected.
        var year = ReadExample();
        Assert.Equal(DepartmentYearJson.WriteReflected(year), DepartmentYearJson.Write(year));
    }

    [Fact]
    public void Generated_metadata_writes_every_real_report_as_reflected_metadata_does()
    {
        // Every department-year read from a real document — each text sample, each real PDF — is written the same both ways.
        var samples = Paths.RequireSamples();
        var files = Directory.GetFiles(samples, "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(samples, "pdf"), "*.pdf"))
            .Concat(Directory.GetFiles(Paths.RequireCorpus(), "*.pdf"))
            .ToList();
        Assert.True(files.Count >= 7, $"only {files.Count} documents");
        foreach (var file in files)
        {
            var year = Importer.ReadFile(file).Value;
            Assert.True(year is not null, file);
            Assert.Equal(DepartmentYearJson.WriteReflected(year), DepartmentYearJson.Write(year));
        }
    }

    [Fact]
    public void Computed_properties_are_not_written_to_the_file()
    {
        // Regression: HasNoData, Key and Template were serialised, so the file carried derived state.
        using var doc = System.Text.Json.JsonDocument.Parse(DepartmentYearJson.Write(ReadExample()));
        var top = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.DoesNotContain("key", top);
        Assert.DoesNotContain("template", top);
        Assert.DoesNotContain("hasNoData", doc.RootElement.GetProperty("tables")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Printed_precision_survives_the_round_trip()
    {
        var json = Minimal("""{"definition":"expenditure","title":"支出决算表","rows":[{"key":"total","cells":[{"column":"total","value":"138.60"},{"column":"basic","value":138.6}]}]}""");
        var year = DepartmentYearJson.Read(json).Value!;
        var row = year.Tables[0].Rows[0];
        Assert.Equal(2, row.Cell("total")!.Value!.Value.Decimals);
        Assert.Equal(1, row.Cell("basic")!.Value!.Value.Decimals);
        Assert.Contains("\"138.60\"", DepartmentYearJson.Write(year), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadDocuments => new()
    {
        { "{\"schemaVersion\":1,\"department\":{\"name\":\"x\"},\"year\":2024,\"tables\":[{\"definition\":\"expenditure\",\"title\":\"t\",\"rows\":[{\"key\":\"total\",\"cells\":[{\"column\":\"total\",\"value\":\"12.3x\"}]}]}]}", "$.tables[0].rows[0].cells[0].value", "12.3x" },
        { "{\"schemaVersion\":1,\"department\":{\"name\":\"x\"},\"year\":2024,\"colour\":\"red\"}", "$.colour", "未知字段" },
        { "{\"schemaVersion\":1,\"year\":2024}", "$", "department" },
        { "{\"schemaVersion\":2,\"department\":{\"name\":\"x\"},\"year\":2024}", "$.schemaVersion", "不支持" },
        { "{\"department\":{\"name\":\"x\"},\"year\":2024}", "$.schemaVersion", "schemaVersion" },
        { "{\"schemaVersion\":1,\"department\":{\"name\":\"x\"},\"year\":\"二〇二四\"}", "$.year", "类型" },
        { "{\"schemaVersion\":1,\"department\":{\"name\":\"x\"},\"year\":1890}", "$.year", "1890" },
        { "{\"schemaVersion\":1,\"department\":{\"name\":\"x\"},\"year\":2024,\"templateId\":\"mars-2024\"}", "$.templateId", "mars-2024" },
        { "{\"schemaVersion\":1,\"department\":{\"name\":\"x\"},\"year\":2024,\"tables\":[{\"definition\":\"nine\",\"title\":\"t\"}]}", "$.tables[0].definition", "nine" },
        { "{\"schemaVersion\":1,\"department\":{\"name\":\"x\"},\"year\":2024,\"operatingCosts\":{\"actual\":\"6.27\"}}", "$.operatingCosts.actual", "单位" },
        { "{\"schemaVersion\":1,\"department\":{\"name\":\"x\"},\"year\":2024,\"tables\":[{\"definition\":\"expenditure\",\"title\":\"t\",\"unit\":\"千元\"}]}", "$.tables[0].unit", "千元" },
        { "{\"schemaVersion\":1, \"department\": {\"name\":\"x\"", "$", "第 1 行" },
        { "[1,2]", "$", "顶层" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Malformed_input_is_rejected_with_its_json_path(string json, string path, string messagePart)
    {
        var result = DepartmentYearJson.Read(json);
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_codes_and_columns_are_kept_and_reported_as_warnings()
    {
        var json = Minimal("""{"definition":"gpb-expenditure","title":"一般公共预算财政拨款支出决算表","rows":[{"key":"2109998","label":"火星医保支出","cells":[{"column":"total","value":"1.00"},{"column":"bonus","value":"2.00"}]}]}""");
        var result = DepartmentYearJson.Read(json);
        Assert.True(result.Success);
        Assert.Equal("2109998", result.Value!.Tables[0].Rows[0].Key);
        Assert.Equal(2, result.Value.Tables[0].Rows[0].Cells.Count);
        Assert.Contains(result.Warnings, w => w.Message.Contains("2109998", StringComparison.Ordinal) && w.Message.Contains("不在", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Path == "$.tables[0].rows[0].cells[1].column");
    }

    [Fact]
    public void Duplicate_rows_are_rejected()
    {
        var json = Minimal("""{"definition":"expenditure","title":"支出决算表","rows":[{"key":"210","cells":[]},{"key":"210","cells":[]}]}""");
        var result = DepartmentYearJson.Read(json);
        Assert.Equal("$.tables[0].rows[1].key", Assert.Single(result.Errors).Path);
    }

    private static string Minimal(string table) =>
        "{\"schemaVersion\":1,\"department\":{\"name\":\"测试局\"},\"year\":2024,\"tables\":[" + table + "]}";
}
