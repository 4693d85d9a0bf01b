using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Juesuan.Documents.Evaluations;
using Juesuan.Import.Json;
using Juesuan.TestSupport;

namespace Juesuan.Documents.Tests;

public class EvaluationFormTests
{
    private static Domain.Model.DepartmentYear Example => DepartmentYearJson.ReadFile(Paths.Example).Value!;

    [Fact]
    public void The_html_forms_have_one_section_per_evaluation_with_merged_level_cells()
    {
        var html = EvaluationHtml.Render(Example);
        Assert.Equal(3, html.Split("<section>").Length - 1);
        Assert.Contains("青石县医疗保障局部门整体支出绩效自评表", html, StringComparison.Ordinal);
        Assert.Contains("医疗保障经办事务项目支出绩效自评表", html, StringComparison.Ordinal);
        Assert.Contains("<td rowspan=\"5\">产出指标</td>", html, StringComparison.Ordinal); // five 产出 rows in the department table
        Assert.Contains("<td class=\"num\">9.22</td>", html, StringComparison.Ordinal);
        Assert.Contains("评价等级：良", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
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
            Assert.Contains(body.Descendants<RunFonts>(), f => f.EastAsia?.Value == "宋体");
            Assert.Contains(body.Descendants<VerticalMerge>(), m => m.Val?.Value == MergedCellValues.Restart);
            Assert.Contains(body.Descendants<TableHeader>(), _ => true);
            Assert.Contains("医保结算办结时限", body.InnerText, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
