using System.Text;
using Juesuan.Formats;

namespace Juesuan.Import.Tests;

/// <summary>Text in the encodings users save it in, and inputs beyond the limits refused in words (issue 12).</summary>
public sealed class InputFileTests : IDisposable
{
    private const string Report = "青石县医疗保障局2024年度部门决算\n第二部分 2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n2024年度收入总计、支出总计均为731.03万元。\n";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"juesuan-input-{Guid.NewGuid():N}.txt");

    static InputFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Text_saved_as_gbk_on_chinese_windows_is_read_and_the_encoding_is_said()
    {
        File.WriteAllBytes(_path, Encoding.GetEncoding("GB18030").GetBytes(Report));
        var result = Importer.ReadFile(_path);
        Assert.True(result.Success, result.Error);
        Assert.Equal("青石县医疗保障局", result.Value!.Department.Name);
        Assert.Contains(result.Issues, i => i.Message.Contains("GB18030", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_with_a_utf16_byte_order_mark_is_read()
    {
        File.WriteAllBytes(_path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Report)]);
        var result = Importer.ReadFile(_path);
        Assert.True(result.Success, result.Error);
        Assert.DoesNotContain(result.Issues, i => i.Message.Contains("GB18030", StringComparison.Ordinal));
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_chinese_are_refused_with_what_to_do()
    {
        File.WriteAllBytes(_path, [0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x81, 0x00, 0x9A, 0xC3]);
        var result = Importer.ReadFile(_path);
        Assert.False(result.Success);
        Assert.Contains("另存为", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_refused_with_its_number()
    {
        File.WriteAllText(_path, Report + new string('9', ImportLimits.Current.LineChars + 1) + "\n");
        var result = Importer.ReadFile(_path);
        Assert.False(result.Success);
        Assert.Contains("第 5 行", result.Error, StringComparison.Ordinal);
        Assert.Contains("JUESUAN_LIMIT_LINE_CHARS", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_200_mb_file_is_refused_before_it_is_read()
    {
        // A sparse file: 200 MB on paper, nothing on disk, refused by its size alone.
        using (var stream = File.Create(_path))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        var result = Importer.ReadFile(_path);
        Assert.False(result.Success);
        Assert.Contains("JUESUAN_LIMIT_FILE_BYTES", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}

/// <summary>A UTF-8 report with a stray byte is read, the byte replaced and said — not refused with the wrong advice.</summary>
public sealed class StrayByteTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"juesuan-stray-{Guid.NewGuid():N}.txt");

    [Fact]
    public void One_bad_byte_in_a_utf8_report_is_replaced_and_reported()
    {
        var bytes = Encoding.UTF8.GetBytes("青石县医疗保障局2024年度部门决算\n第二部分 2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n2024年度收入总计731.03万元。\n").ToList();
        bytes.Insert(20, 0xFF);
        File.WriteAllBytes(_path, [.. bytes]);
        var result = Importer.ReadFile(_path);
        Assert.True(result.Success, result.Error);
        Assert.Contains(result.Issues, i => i.Message.Contains("不是 UTF-8 的字节", StringComparison.Ordinal));
    }

    public void Dispose() => File.Delete(_path);
}
