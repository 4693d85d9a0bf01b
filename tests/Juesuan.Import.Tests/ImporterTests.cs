using Juesuan.TestSupport;

namespace Juesuan.Import.Tests;

public sealed class ImporterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "juesuan-importer", Guid.NewGuid().ToString("N"));

    public ImporterTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Each_ending_goes_to_its_reader()
    {
        Assert.True(Importer.ReadFile(Paths.Example).Success);
        var xlsx = Path.Combine(_folder, "example.xlsx");
        Excel.Workbook.Write(Importer.ReadFile(Paths.Example).Value!, xlsx);
        Assert.Equal("青石县医疗保障局", Importer.ReadFile(xlsx).Value!.Department.Name);
        var txt = Path.Combine(_folder, "example.txt");
        File.WriteAllText(txt, Text.TextReportWriter.Write(Importer.ReadFile(Paths.Example).Value!));
        Assert.Equal(9, Importer.ReadFile(txt).Value!.Tables.Count);
    }

    [Fact]
    public void Json_errors_keep_their_path_and_other_endings_are_refused()
    {
        var json = Path.Combine(_folder, "bad.json");
        File.WriteAllText(json, "{\"schemaVersion\":1,\"department\":{\"name\":\"x\"},\"year\":2024,\"colour\":1}");
        var bad = Importer.ReadFile(json);
        Assert.False(bad.Success);
        Assert.Contains("$.colour", bad.Error, StringComparison.Ordinal);
        var doc = Importer.ReadFile(Path.Combine(_folder, "report.docx"));
        Assert.Contains("不能导入 .docx 文件", doc.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_lists_only_readable_files_in_name_order()
    {
        foreach (var name in new[] { "b.pdf", "a.json", "c.xlsx", "d.txt", "e.docx", "f.csv" })
        {
            File.WriteAllText(Path.Combine(_folder, name), string.Empty);
        }

        Assert.Equal(
            new[] { "a.json", "b.pdf", "c.xlsx", "d.txt" },
            Importer.FilesIn(_folder).Select(f => Path.GetFileName(f)).ToArray());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
