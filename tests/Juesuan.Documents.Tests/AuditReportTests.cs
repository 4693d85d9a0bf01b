using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Juesuan.Audit;
using Juesuan.Documents.AuditReports;
using Juesuan.Formats.Json;
using Juesuan.TestSupport;

namespace Juesuan.Documents.Tests;

public class AuditReportTests
{
    private static AuditReport Zhenan()
    {
        var year = DepartmentYearJson.ReadFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "zhenan-2023.json")).Value!;
        return Auditor.Audit(year, "zhenan-2023.json");
    }

    [Fact]
    public void Json_has_the_shape_scripts_rely_on()
    {
        using var doc = JsonDocument.Parse(AuditJson.Render(Zhenan()));
        var root = doc.RootElement;
        Assert.Equal("镇安县医疗保障局", root.GetProperty("document").GetProperty("department").GetString());
        Assert.Equal(4, root.GetProperty("summary").GetProperty("errors").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToArray();
        Assert.NotEmpty(findings);
        foreach (var f in findings)
        {
            foreach (var name in new[] { "rule", "severity", "message", "location", "expected", "actual", "difference", "figures" })
            {
                Assert.True(f.TryGetProperty(name, out _), $"finding lacks {name}: {f}");
            }

            Assert.Contains(f.GetProperty("severity").GetString(), new[] { "error", "warning", "info" });
            foreach (var figure in f.GetProperty("figures").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.String, figure.GetProperty("value").ValueKind);
                Assert.Equal(JsonValueKind.String, figure.GetProperty("location").ValueKind);
            }
        }

        var sum = findings.Single(f => f.GetProperty("rule").GetString() == "T06.CLASS_SUM" && f.GetProperty("severity").GetString() == "error");
        Assert.Equal("6.27", sum.GetProperty("actual").GetString());
        Assert.Contains(sum.GetProperty("figures").EnumerateArray(), x => x.GetProperty("value").GetString() == "1.37");
    }

    [Fact]
    public async Task Json_is_schema_2_valid_against_its_published_schema_single_and_for_a_directory()
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(Paths.RepoRoot, "docs", "formats", "audit-report.schema.json"));
        var example = Auditor.Audit(DepartmentYearJson.ReadFile(Paths.Example).Value!, "qingshi-2024.json");
        foreach (var json in new[] { AuditJson.Render(Zhenan()), AuditJson.Render(example), AuditJson.Render([Zhenan(), example]) })
        {
            var errors = schema.Validate(json);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
            using var doc = JsonDocument.Parse(json);
            Assert.Equal(2, doc.RootElement.GetProperty("schema").GetInt32());
        }

        // A report with no document would be invalid: the schema is not a blanket pass.
        Assert.NotEmpty(schema.Validate("""{ "schema": 2, "findings": [], "summary": {} }"""));
    }

    [Fact]
    public void A_sum_that_fails_locates_each_figure_by_table_row_and_column_and_carries_its_numbers()
    {
        var sum = Zhenan().Findings.Single(f => f.Rule == "T06.CLASS_SUM" && f.Severity == Severity.Error);
        Assert.Equal(sum.Message, MessageTemplate.Render(sum.Template!, sum.Arguments));
        Assert.Equal(6.27m, sum.Numbers!.Actual);
        Assert.True(sum.Numbers.Gap > 0m);
        Assert.True(sum.Numbers.ExpectedLow <= sum.Numbers.Expected && sum.Numbers.Expected <= sum.Numbers.ExpectedHigh);
        Assert.True(sum.Figures.Count > 2, "the class total and its items");
        foreach (var figure in sum.Figures)
        {
            Assert.NotNull(figure.Where);
            Assert.Equal(sum.Table, figure.Where!.Table);
            Assert.NotNull(figure.Where.RowCode);
            Assert.NotNull(figure.Where.Column);
        }
    }

    [Fact]
    public void A_narrative_figure_is_located_by_its_sentence_and_the_characters_it_takes_there()
    {
        var narrative = Zhenan().Findings.SelectMany(f => f.Figures).Where(f => f.Where?.Sentence is not null && f.Where.SpanStart is not null).ToArray();
        Assert.NotEmpty(narrative);
        foreach (var figure in narrative)
        {
            var span = figure.Where!.Sentence!.Substring(figure.Where.SpanStart!.Value, figure.Where.SpanLength!.Value);
            // The span is the figure's number as printed: the value starts with it (a unit may follow), and it is not a stray digit.
            Assert.True(span.Length >= 2 && figure.Value.Replace(",", string.Empty, StringComparison.Ordinal).StartsWith(span.Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal), $"「{span}」 does not start {figure.Value}");
        }
    }

    [Fact]
    public void Json_of_the_zhenan_audit_equals_the_approved_file()
    {
        // Reviewed in the diff when it changes: set JUESUAN_APPROVE=1 to rewrite the approved file.
        var actual = AuditJson.Render(Zhenan());
        var approved = Path.Combine(Paths.RepoRoot, "tests", "Juesuan.Documents.Tests", "Approved", "zhenan-2023.audit.approved.json");
        if (Environment.GetEnvironmentVariable("JUESUAN_APPROVE") == "1")
        {
            File.WriteAllText(approved, actual);
        }

        Assert.Equal(File.ReadAllText(approved), actual);
    }

    [Fact]
    public void Text_groups_errors_before_warnings_and_keeps_rounding_quiet()
    {
        var text = AuditText.Render(Zhenan());
        var errors = text.IndexOf("【错误】4 项", StringComparison.Ordinal);
        var warnings = text.IndexOf("【警告】5 项", StringComparison.Ordinal);
        var rounding = text.IndexOf("【尾差】", StringComparison.Ordinal);
        Assert.True(errors >= 0 && warnings > errors && rounding > warnings, text);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[31m", AuditText.Render(Zhenan(), colour: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_says_where_each_of_two_findings_with_the_same_words_is()
    {
        var report = Zhenan();
        var twice = new Finding { Rule = "N.SHARE", Severity = Severity.Error, Location = "第821行", Message = "「政府性基金预算财政拨款收入」的占比写作 2.97%，应为 2.98%。" };
        var text = AuditText.Render(report with { Findings = [.. report.Findings, twice, twice with { Location = "第853行" }] });
        Assert.Contains("位置：第821行", text, StringComparison.Ordinal);
        Assert.Contains("位置：第853行", text, StringComparison.Ordinal);
        // A finding said once keeps its one line.
        Assert.DoesNotContain("位置：" + report.Findings.First(f => f.Kind == FindingKind.Violation).Location, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_a_self_contained_page()
    {
        var html = AuditHtml.Render([Zhenan()]);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("302 商品和服务支出", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("&lt;", AuditHtml.Render([Zhenan() with { Findings = [new Finding { Rule = "X", Severity = Severity.Error, Message = "<b>", Location = "-" }] }]), StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_is_valid_and_has_one_row_per_finding()
    {
        var report = Zhenan();
        var path = Path.Combine(Path.GetTempPath(), $"juesuan-audit-{Guid.NewGuid():N}.xlsx");
        try
        {
            AuditWorkbook.Write([report], path);
            using var document = SpreadsheetDocument.Open(path, false);
            var errors = new OpenXmlValidator().Validate(document).ToArray();
            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.Description)));
            var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
            var rows = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
            Assert.Equal(report.Findings.Count + 1, rows);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>An audit in which a rule failed never reads as a pass, in any format.</summary>
public sealed class IncompleteAuditTests
{
    private sealed class Failing : Juesuan.Audit.Rule
    {
        public override string Id => "TEST.FAILS";

        public override string Title => "总是出错";

        public override IEnumerable<Juesuan.Audit.Finding> Check(Juesuan.Audit.AuditContext context) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void Text_html_and_workbook_say_the_audit_is_incomplete_and_never_no_problem()
    {
        var year = Juesuan.Formats.Json.DepartmentYearJson.ReadFile(Juesuan.TestSupport.Paths.Example).Value!;
        var report = Juesuan.Audit.Auditor.Audit(year, rules: [new Failing()]);
        var text = Juesuan.Documents.AuditReports.AuditText.Render(report);
        var html = Juesuan.Documents.AuditReports.AuditHtml.Render([report]);
        Assert.Contains("审核不完整", text, StringComparison.Ordinal);
        Assert.DoesNotContain("未发现问题", text, StringComparison.Ordinal);
        Assert.Contains("审核不完整", html, StringComparison.Ordinal);
        Assert.DoesNotContain("未发现问题", html, StringComparison.Ordinal);
    }
}
