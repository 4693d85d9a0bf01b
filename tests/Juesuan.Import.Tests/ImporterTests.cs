using Juesuan.Formats;
using Juesuan.Formats.Text;
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
        Formats.Excel.Workbook.Write(Importer.ReadFile(Paths.Example).Value!, xlsx);
        Assert.Equal("青石县医疗保障局", Importer.ReadFile(xlsx).Value!.Department.Name);
        var txt = Path.Combine(_folder, "example.txt");
        File.WriteAllText(txt, TextReportWriter.Write(Importer.ReadFile(Paths.Example).Value!));
        Assert.Equal(9, Importer.ReadFile(txt).Value!.Tables.Count);
    }

    [Theory]
    [InlineData("空.pdf", "", "空.pdf 是空文件（0 字节），未导入。")]
    [InlineData("空.xlsx", "", "空.xlsx 是空文件（0 字节），未导入。")]
    [InlineData("空.txt", "", "空.txt 是空文件（0 字节），未导入。")]
    [InlineData("空白.txt", "EF BB BF 20 0D 0A 09 0D 0A", "空白.txt 中没有任何文字（只有空白），未导入。")]
    [InlineData("空白16.txt", "FF FE 20 00 0D 00 0A 00", "空白16.txt 中没有任何文字（只有空白），未导入。")]
    [InlineData("空白.json", "20 0A 20", "空白.json 中没有任何文字（只有空白），未导入。")]
    public void A_file_with_nothing_in_it_is_said_to_be_empty_not_misread(string name, string hex, string said)
    {
        var bytes = hex.Length == 0 ? [] : Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
        var result = Importer.Read(bytes, name);
        Assert.False(result.Success);
        Assert.StartsWith(said, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_one_character_is_not_empty()
    {
        // 「局」 in UTF-8 (E5 B1 80) and UTF-16 (C0 5C): read, and refused for what it lacks, not as empty.
        Assert.Null(Importer.Empty(Convert.FromHexString("E5B180"), "a.txt"));
        Assert.Null(Importer.Empty(Convert.FromHexString("FFFEC05C"), "a.txt"));
        Assert.Null(Importer.Empty(" "u8, "a.pdf"));
        Assert.Contains("找不到部门名称", Importer.Read(Convert.FromHexString("E5B180"), "a.txt").Error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("zhenan-2023-final-accounts.txt")]
    [InlineData("xigong-2022-final-accounts.txt")]
    [InlineData("pdf/putuo-finance-bureau-2024-final-accounts.pdf")]
    [InlineData("../corpus/swu-2023-final-accounts.pdf")]
    public void Every_reader_gives_a_cell_its_templates_own_column_key(string file)
    {
        // The audit's lookups by column find a match by reference (StatedCell.Column): text and PDF as JSON and Excel do.
        var year = Importer.ReadFile(Path.Combine(Paths.RequireSamples(), file)).Value!;
        var cells = year.Tables.Concat(year.Units.SelectMany(u => u.Tables))
            .SelectMany(t => t.Rows.SelectMany(r => r.Cells).Select(c => (Cell: c, Definition: Domain.Templates.TemplateLibrary.Definition(t.Definition))))
            .ToArray();
        Assert.NotEmpty(cells);
        Assert.All(cells, x => Assert.Same(x.Definition.Column(x.Cell.Column)!.Key, x.Cell.Column));
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

    [Fact]
    public async Task A_stream_reads_as_its_file_would_and_one_beyond_the_limit_is_refused_unread()
    {
        var fromFile = Importer.ReadFile(Paths.Example).Value!;
        await using (var upload = new NonSeekable(File.ReadAllBytes(Paths.Example)))
        {
            var fromStream = await Importer.ReadAsync(upload, "qingshi-2024.json");
            Assert.Equal(Formats.Json.DepartmentYearJson.Write(fromFile), Formats.Json.DepartmentYearJson.Write(fromStream.Value!));
        }

        var text = TextReportWriter.Write(fromFile);
        using (var upload = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)))
        {
            Assert.Equal(9, (await Importer.ReadAsync(upload, "上传的报告.TXT")).Value!.Tables.Count);
        }

        var endless = new NonSeekable(new byte[200_000]);
        var refused = await Importer.ReadAsync(endless, "big.pdf", new ImportLimits { FileBytes = 1000 });
        Assert.False(refused.Success);
        Assert.Contains("big.pdf 有", refused.Error, StringComparison.Ordinal);
        Assert.Contains("以上，超过上限", refused.Error, StringComparison.Ordinal);
        Assert.True(endless.Position < 200_000, "reading stopped once the limit was passed");

        Assert.Contains("不能导入", (await Importer.ReadAsync(new MemoryStream([1, 2]), "报告.doc")).Error, StringComparison.Ordinal);
    }

    /// <summary>An upload as a web server hands it over: forward-only, length unknown.</summary>
    private sealed class NonSeekable(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
