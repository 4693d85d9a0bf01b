using System.Text;
using System.Text.Json.Nodes;
using Juesuan.Domain.Reference;
using Juesuan.Formats.Text;
using Juesuan.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Application.Tests;

/// <summary>
/// Reference data is a value handed to readers, rules, writers and the store (issue 14): a province's template from a
/// user folder is used at run time, without a rebuild, by every one of them — and only when that folder is given.
/// </summary>
public sealed class ReferenceDataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("juesuan-reference-").FullName;

    public ReferenceDataTests()
    {
        // 广东 2024: the national template with its own id, province and title for 公开01表.
        var national = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "src", "Juesuan.Domain", "Templates", "national-2022.json")))!.AsObject();
        national["id"] = "guangdong-2024";
        national["name"] = "广东省 2024 年模板";
        national["provinces"] = new JsonArray("广东省");
        national["fromYear"] = 2024;
        national["tables"]![0]!["titles"] = new JsonArray("部门收支决算总表");
        Directory.CreateDirectory(Path.Combine(_folder, "templates"));
        File.WriteAllText(Path.Combine(_folder, "templates", "guangdong-2024.json"), national.ToJsonString());
    }

    [Fact]
    public async Task A_template_from_a_user_folder_is_read_audited_rendered_and_stored_by()
    {
        var reference = ReferenceData.FromFolder(_folder);
        Assert.NotNull(reference.Templates.Find("guangdong-2024"));
        Assert.Null(ReferenceData.Embedded.Templates.Find("guangdong-2024"));

        // A 广东 report whose 01 table carries the province's own title.
        using var embedded = new ServiceCollection().AddJuesuan(o => o.Store = Store("embedded")).BuildServiceProvider();
        var example = embedded.GetRequiredService<Reports>().ReadFile(Paths.Example).Year!;
        var guangdong = example with { Department = example.Department with { Name = "广东省某县医疗保障局", Province = "广东省" }, TemplateId = "guangdong-2024" };
        var text = System.Text.RegularExpressions.Regex.Replace(TextReportWriter.Write(guangdong with { TemplateId = "national-2022" }), "(?<!拨款)收入支出决算总表", "部门收支决算总表");
        var bytes = Encoding.UTF8.GetBytes(text);

        await using var services = new ServiceCollection().AddJuesuan(o => { o.Store = Store("custom"); o.Reference = reference; }).BuildServiceProvider();
        var read = await services.GetRequiredService<Reports>().ReadAsync(new MemoryStream(bytes), "广东.txt");
        Assert.Equal("guangdong-2024", read.Year!.TemplateId);
        Assert.Contains(read.Year.Tables, t => t.Definition == "income-expenditure-summary");

        // Without the folder the title is unknown: the table is not read and the template is not the province's.
        var plain = await embedded.GetRequiredService<Reports>().ReadAsync(new MemoryStream(bytes), "广东.txt");
        Assert.NotEqual("guangdong-2024", plain.Year!.TemplateId);
        Assert.DoesNotContain(plain.Year.Tables, t => t.Definition == "income-expenditure-summary");

        // The audit judges completeness by the province's template; the document prints its title.
        var report = services.GetRequiredService<Audits>().Audit(read);
        Assert.DoesNotContain(report.Findings, f => f.Rule == "C.TABLES" && f.Severity == Audit.Severity.Error);
        await using var html = new MemoryStream();
        await services.GetRequiredService<Renderer>().RenderAsync(read.Year, RenderFormat.Html, html);
        Assert.Contains("部门收支决算总表", Encoding.UTF8.GetString(html.ToArray()), StringComparison.Ordinal);

        // The store reads it back by the same data.
        var saved = await services.GetRequiredService<Library>().SaveAsync(read);
        Assert.Equal("guangdong-2024", (await services.GetRequiredService<Library>().LoadAsync(saved.Key))!.TemplateId);
    }

    [Fact]
    public void A_malformed_file_in_the_folder_is_named_in_the_error()
    {
        File.WriteAllText(Path.Combine(_folder, "templates", "broken.json"), "{ not json");
        var error = Assert.Throws<InvalidDataException>(() => ReferenceData.FromFolder(_folder));
        Assert.Contains("broken.json", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => ReferenceData.FromFolder(Path.Combine(_folder, "没有这个目录")));
    }

    private Storage.StoreOptions Store(string name) =>
        Storage.StoreOptions.Resolve("sqlite", Path.Combine(_folder, name + ".db")) with { ExplicitPath = false };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
