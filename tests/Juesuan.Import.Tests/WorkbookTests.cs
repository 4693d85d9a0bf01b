using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;
using Juesuan.Import.Excel;
using Juesuan.Import.Json;
using Juesuan.TestSupport;

namespace Juesuan.Import.Tests;

public sealed class WorkbookTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"juesuan-{Guid.NewGuid():N}.xlsx");

    private static DepartmentYear Example => DepartmentYearJson.ReadFile(Paths.Example).Value!;

    [Fact]
    public void Export_then_import_keeps_every_table_unit_and_reference()
    {
        var original = Example;
        Workbook.Write(original, _path);
        var result = Workbook.Read(_path);
        Assert.True(result.Success, result.Error);
        Assert.Empty(result.Issues);
        var back = result.Value!;

        // The workbook carries the figures: compare them in the JSON form, without the narrative and evaluations it does not carry.
        static DepartmentYear Figures(DepartmentYear y) => y with { Narrative = new Narrative(), Evaluations = [], ThreePublic = null, OperatingCosts = null, Procurement = null, Assets = null, Staffing = null, Sources = [] };
        Assert.Equal(DepartmentYearJson.Write(Figures(original)), DepartmentYearJson.Write(Figures(back)));
    }

    [Fact]
    public void The_written_workbook_is_valid_open_xml_with_one_sheet_per_table()
    {
        Workbook.Write(Example, _path);
        using var document = SpreadsheetDocument.Open(_path, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToArray();
        Assert.Contains("部门", names);
        Assert.Contains("参考数", names);
        Assert.Contains(names, n => n.StartsWith("03 ", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("U2-06", StringComparison.Ordinal));
        Assert.All(names, n => Assert.True(n.Length <= 31, n));
    }

    [Fact]
    public void The_blank_template_has_the_fixed_rows_to_fill_in()
    {
        Workbook.Write(Workbook.Blank(TemplateLibrary.Find("shaanxi-2022")!, 2024), _path);
        var blank = Workbook.Read(_path).Value!;
        Assert.Equal(9, blank.Tables.Count);
        Assert.Equal(27, blank.Table(TableIds.IncomeExpenditureSummary)!.Row("income.total")!.Line);
        Assert.NotNull(blank.Table(TableIds.ThreePublicMeetingTraining)!.Row("actual"));
        Assert.NotNull(blank.Table(TableIds.Expenditure)!.Row("total"));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_gives_a_clear_error()
    {
        File.WriteAllText(_path, "not a spreadsheet");
        var result = Workbook.Read(_path);
        Assert.False(result.Success);
        Assert.Contains("不是可读取的 Excel 文件", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
