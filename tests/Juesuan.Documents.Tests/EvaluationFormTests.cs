using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Juesuan.Documents.Evaluations;
using Juesuan.Formats.Json;
using Juesuan.TestSupport;

namespace Juesuan.Documents.Tests;

public class EvaluationFormTests
{
    private static Domain.Model.DepartmentYear Example => DepartmentYearJson.ReadFile(Paths.Example).Value!;

    [Fact]
    public void The_html_forms_have_one_section_per_evaluation_with_merged_level_cells()
    {
        var html = EvaluationHtml.Render(Example);
        Assert.Equal(3, html.Split("<section class=\"table\">").Length - 1);
        Assert.Contains("青石县医疗保障局部门整体支出绩效自评表", html, StringComparison.Ordinal);
        Assert.Contains("医疗保障经办事务项目支出绩效自评表", html, StringComparison.Ordinal);
        Assert.Contains("<td rowspan=\"5\" class=\"c\">产出指标</td>", html, StringComparison.Ordinal); // five 产出 rows in the department table
        Assert.Contains("<td class=\"r\">9.22</td>", html, StringComparison.Ordinal);
        Assert.Contains("评价等级：良", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sichuan_project_forms_print_nature_and_unit_columns_and_the_national_grid_stays_elsewhere()
    {
        var sichuan = Example with { TemplateId = "sichuan-2022" };
        var project = sichuan.Evaluations.First(e => e.Kind == Domain.Model.EvaluationKind.Project);
        var grid = EvaluationForm.GridFor(sichuan, project);
        Assert.Equal("部门预算项目支出绩效自评表", grid.Title);
        var texts = grid.Body.SelectMany(r => r).Select(c => c.Text).ToArray();
        Assert.Contains("指标性质", texts);
        Assert.Contains("度量单位", texts);
        Assert.Contains("调整后预算数", texts);
        var row = grid.Body.First(r => r.Any(c => c.Text == "下沉经办服务的乡镇数"));
        Assert.Equal(["≥", "12", "个", "12"], row.Skip(3).Take(4).Select(c => c.Text));
        Assert.Equal(10, grid.Columns);
        Assert.Equal(8, EvaluationForm.GridFor(Example, project).Columns);
    }

    [Fact]
    public void The_docx_forms_are_valid_open_xml_with_east_asian_fonts_and_merged_cells()
    {
        var path = Path.Combine(Path.GetTempPath(), $"juesuan-forms-{Guid.NewGuid():N}.docx");
        try
        {
            EvaluationDocx.Write(Example, path);
            using var document = WordprocessingDocument.Open(path, false);
            var errors = new OpenXmlValidator().Validate(document).ToArray();
            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
            var body = document.MainDocumentPart!.Document.Body!;
            Assert.Equal(3, body.Elements<Table>().Count());
            Assert.Contains(document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>(), f => f.EastAsia?.Value == "宋体");
            Assert.Contains(document.MainDocumentPart.StyleDefinitionsPart.Styles.Descendants<Languages>(), l => l.EastAsia?.Value == "zh-CN");
            Assert.Contains(body.Descendants<VerticalMerge>(), m => m.Val?.Value == MergedCellValues.Restart);
            Assert.Contains(body.Descendants<VerticalMerge>(), m => m.Val?.Value == MergedCellValues.Continue);
            Assert.Contains("医保结算办结时限", body.InnerText, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
