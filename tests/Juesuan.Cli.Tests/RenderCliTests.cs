using DocumentFormat.OpenXml.Packaging;
using Juesuan.Cli;
using Juesuan.TestSupport;

namespace Juesuan.Cli.Tests;

/// <summary>`juesuan render`: the whole disclosure, its formats, batches and templates.</summary>
public sealed class RenderCliTests : CliTestBase
{
    [Fact]
    public void A_gap_of_a_unit_disclosure_is_told_where_to_fill_as_a_departments_is()
    {
        // A 单位决算's parts are 单位概况 and 单位决算表: the same fields fill them.
        foreach (var (department, unit) in new[] { ("部门概况", "单位概况"), ("部门决算表", "单位决算表") })
        {
            var said = RenderCommand.WhereToFill(new Documents.Disclosure.NarrativeGap(department, "某项"));
            Assert.NotEqual("在 JSON 的相应字段或填报模板的相应表中填写", said);
            Assert.Equal(said, RenderCommand.WhereToFill(new Documents.Disclosure.NarrativeGap(unit, "某项")));
        }
    }

    [Fact]
    public async Task Html_and_docx_of_the_example_are_written_without_gaps()
    {
        var html = Path.Combine(Folder, "q.html");
        var run = await Run("render", Paths.Example, "-o", html);
        Assert.Equal(0, run.Exit);
        Assert.Contains("已生成", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("待补充", run.Err, StringComparison.Ordinal);
        var text = File.ReadAllText(html);
        Assert.Contains("第三部分　2024年度部门决算情况说明", text, StringComparison.Ordinal);
        Assert.Contains("<svg", text, StringComparison.Ordinal);

        var docx = Path.Combine(Folder, "q.docx");
        Assert.Equal(0, (await Run("render", Paths.Example, "--format", "docx", "-o", docx)).Exit);
        using var word = WordprocessingDocument.Open(docx, false);
        Assert.Contains("名词解释", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_are_listed_and_a_template_can_be_chosen_by_province_and_year()
    {
        var json = File.ReadAllText(Paths.Example);
        var withoutReasons = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        withoutReasons.Remove("explanations");
        withoutReasons["narrative"] = new System.Text.Json.Nodes.JsonObject();
        var input = Path.Combine(Folder, "no-reasons.json");
        File.WriteAllText(input, withoutReasons.ToJsonString());
        var html = Path.Combine(Folder, "s.html");

        // The render gate: gaps stop it (exit 1), each listed with where to fill it; nothing is written.
        var refused = await Run("render", input, "--template", "陕西/2023", "-o", html);
        Assert.Equal(1, refused.Exit);
        Assert.False(File.Exists(html));
        Assert.Contains("处【待补充】，须先补齐", refused.Err, StringComparison.Ordinal);
        Assert.Contains("一、收入支出决算总体情况说明：待补充收、支总计与上年相比增减的原因（在 JSON 的 explanations 填写，或填报模板「原因说明」表）", refused.Err, StringComparison.Ordinal);
        Assert.Contains("未生成", refused.Err, StringComparison.Ordinal);

        // --force renders it all the same, 「审核未通过」 across every page.
        // (exit 1 all the same: the document did not pass, and a script must see that.)
        var run = await Run("render", input, "--template", "陕西/2023", "-o", html, "--force");
        Assert.Equal(1, run.Exit);
        Assert.Contains("模板 陕西", run.Err, StringComparison.Ordinal);
        Assert.Contains("每页印有「审核未通过」", run.Err, StringComparison.Ordinal);
        Assert.Contains("十四、其他需要说明的情况", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.Contains("class=\"watermark\"", File.ReadAllText(html), StringComparison.Ordinal);

        var unknown = await Run("render", Paths.Example, "--template", "火星/2024", "-o", html);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("未知的模板", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_renders_every_file_and_a_bad_one_gives_exit_code_2()
    {
        var input = Directory.CreateDirectory(Path.Combine(Folder, "in")).FullName;
        File.Copy(Paths.Example, Path.Combine(input, "a.json"));
        File.WriteAllText(Path.Combine(input, "b.txt"), "这不是决算报告");
        var output = Path.Combine(Folder, "out");
        var run = await Run("render", input, "-f", "docx", "-o", output);
        Assert.Equal(2, run.Exit);
        Assert.True(File.Exists(Path.Combine(output, "a.docx")));
        Assert.False(File.Exists(Path.Combine(output, "b.docx")));
    }

    [Fact]
    public async Task Only_evaluations_still_renders_the_forms_alone()
    {
        var html = Path.Combine(Folder, "e.html");
        var run = await Run("render", Paths.Example, "--only", "evaluations", "-o", html);
        Assert.Equal(0, run.Exit);
        Assert.Contains("3 张绩效自评表", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("名词解释", File.ReadAllText(html), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Pdf_is_printed_with_page_numbers()
    {
        Paths.RequireBrowser();
        var pdf = Path.Combine(Folder, "q.pdf");
        var run = await Run("render", Paths.Example, "-f", "pdf", "-o", pdf);
        Assert.Equal(0, run.Exit);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 20, $"{document.NumberOfPages} pages");
        Assert.Contains("—3—", string.Concat(document.GetPage(3).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
    }
}

/// <summary>`juesuan score --rules`: a user's own rule set.</summary>
public sealed class ScoreRulesCliTests : CliTestBase
{
    [Fact]
    public async Task A_rules_file_changes_the_grade_bands_and_a_bad_one_is_a_usage_error()
    {
        var rules = Path.Combine(Folder, "rules.json");
        File.WriteAllText(rules, """{ "ruleSets": [ { "id": "s", "name": "八十分为优", "grades": [ { "from": 80, "name": "优" }, { "from": 0, "name": "差" } ] } ] }""");
        var scored = await Run("score", Paths.Example, "--rules", rules);
        Assert.Equal(0, scored.Exit);
        Assert.Contains("评分规则：八十分为优", scored.Out, StringComparison.Ordinal);
        Assert.Contains("总分 89.07，良（八十分为优等级：优）", scored.Out, StringComparison.Ordinal);

        File.WriteAllText(rules, "{ not json");
        var bad = await Run("score", Paths.Example, "--rules", rules);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("无法使用", bad.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await Run("audit", Paths.Example, "--rules", rules)).Exit);
    }

    [Fact]
    public async Task Audit_and_score_judge_a_self_evaluation_by_the_same_rules_file()
    {
        // The example states 89.07 分 「良」: right under the built-in rules (80–90 良), wrong under a file where 80 is 优.
        var builtIn = await Run("audit", Paths.Example, "-f", "json");
        Assert.DoesNotContain("\"P.GRADE\"", builtIn.Out, StringComparison.Ordinal);
        Assert.Contains("总分 89.07，良（全国等级：良）", (await Run("score", Paths.Example)).Out, StringComparison.Ordinal);

        var rules = Path.Combine(Folder, "rules.json");
        File.WriteAllText(rules, """{ "ruleSets": [ { "id": "s", "name": "八十分为优", "grades": [ { "from": 80, "name": "优" }, { "from": 0, "name": "差" } ] } ] }""");
        var scored = await Run("score", Paths.Example, "--rules", rules);
        Assert.Contains("总分 89.07，良（八十分为优等级：优）", scored.Out, StringComparison.Ordinal);
        var audited = await Run("audit", Paths.Example, "--rules", rules, "-f", "json");
        Assert.Equal(1, audited.Exit);
        using var json = System.Text.Json.JsonDocument.Parse(audited.Out);
        var grade = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "P.GRADE");
        Assert.Contains("优", grade.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>`--reference DIR`: the user's own reference data beside the embedded one.</summary>
public sealed class ReferenceCliTests : CliTestBase
{
    [Fact]
    public async Task A_template_in_the_reference_folder_can_be_named_and_a_missing_folder_is_a_usage_error()
    {
        var folder = Path.Combine(Folder, "基础数据", "templates");
        Directory.CreateDirectory(folder);
        var national = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "src", "Juesuan.Domain", "Templates", "national-2022.json")))!.AsObject();
        national["id"] = "guangdong-2024";
        national["provinces"] = new System.Text.Json.Nodes.JsonArray("广东省");
        File.WriteAllText(Path.Combine(folder, "guangdong-2024.json"), national.ToJsonString());

        var blank = Path.Combine(Folder, "blank.xlsx");
        Assert.Equal(2, (await Run("export", "--blank", "guangdong-2024", "-f", "xlsx", "-o", blank)).Exit);
        var withFolder = await Run("export", "--blank", "guangdong-2024", "-f", "xlsx", "-o", blank, "--reference", Path.GetDirectoryName(folder)!);
        Assert.Equal(0, withFolder.Exit);
        var html = Path.Combine(Folder, "out.html");
        Assert.Equal(0, (await Run("render", Paths.Example, "-o", html, "--template", "guangdong-2024", "--reference", Path.GetDirectoryName(folder)!)).Exit);

        var missing = await Run("audit", Paths.Example, "--reference", Path.Combine(Folder, "没有"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("基础数据错误", missing.Err, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_report_with_errors_is_not_rendered_without_force_and_is_marked_with_it()
    {
        var zhenan = Path.Combine(Paths.RequireSamples(), "zhenan-2023-final-accounts.txt");
        var docx = Path.Combine(Folder, "z.docx");
        var refused = await Run("render", zhenan, "-f", "docx", "-o", docx);
        Assert.Equal(1, refused.Exit);
        Assert.False(File.Exists(docx));
        // As many errors as the audit of the same file finds, whatever that number is today.
        var errors = Juesuan.Audit.Auditor.Audit(Juesuan.Import.Importer.ReadFile(zhenan).Value!).Summary.Errors;
        Assert.True(errors > 0);
        Assert.Contains($"审核发现 {errors} 个错误，须先改正", refused.Err, StringComparison.Ordinal);
        Assert.Contains("【N.UNIT】", refused.Err, StringComparison.Ordinal);

        var forced = await Run("render", zhenan, "-f", "docx", "-o", docx, "--force");
        Assert.Equal(1, forced.Exit);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false);
        Assert.Contains(word.MainDocumentPart!.HeaderParts, h => h.Header!.InnerText == "审核未通过");

        // The self-evaluation forms alone are gated by their own rules' errors (P.*), and marked the same way.
        var forms = Path.Combine(Folder, "forms.docx");
        var formsRefused = await Run("render", zhenan, "--only", "evaluations", "-f", "docx", "-o", forms);
        Assert.Equal(1, formsRefused.Exit);
        Assert.Contains("【P.", formsRefused.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("【N.UNIT】", formsRefused.Err, StringComparison.Ordinal);
        Assert.Equal(1, (await Run("render", zhenan, "--only", "evaluations", "-f", "docx", "-o", forms, "--force")).Exit);
        using (var marked = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(forms, false))
        {
            Assert.Contains(marked.MainDocumentPart!.HeaderParts, h => h.Header!.InnerText == "审核未通过");
        }

        // The example passes its audit and has nothing to fill: rendered without a mark.
        var clean = Path.Combine(Folder, "q.docx");
        Assert.Equal(0, (await Run("render", Paths.Example, "-f", "docx", "-o", clean)).Exit);
        using var example = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(clean, false);
        Assert.Empty(example.MainDocumentPart!.HeaderParts);
    }
}
