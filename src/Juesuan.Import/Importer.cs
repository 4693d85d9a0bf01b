using Juesuan.Import.Excel;
using Juesuan.Import.Json;
using Juesuan.Import.Pdf;
using Juesuan.Import.Text;

namespace Juesuan.Import;

/// <summary>
/// The one place that knows which reader takes which file: Juesuan's JSON, the Excel 填报模板, a published report as PDF
/// or as text. Every reader's outcome comes back as an <see cref="ImportResult"/>.
/// </summary>
public static class Importer
{
    /// <summary>The file endings Juesuan reads, in the order a user would name them.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".json", ".xlsx", ".pdf", ".txt"];

    /// <summary>True when the file's ending is one Juesuan reads.</summary>
    public static bool CanRead(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>The readable files of a directory, by name.</summary>
    public static IReadOnlyList<string> FilesIn(string directory) =>
        Directory.EnumerateFiles(directory).Where(CanRead).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Reads a file with the reader its ending names.</summary>
    public static ImportResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (ImportLimits.Current.TooLarge(path) is { } tooLarge)
        {
            return new ImportResult(null, [], tooLarge);
        }

        try
        {
            return ReadByKind(path);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return new ImportResult(null, [], $"{Path.GetFileName(path)} 读取超时：文字中有过长或结构异常的段落，未导入。");
        }
    }

    private static ImportResult ReadByKind(string path)
    {
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => FromJson(DepartmentYearJson.ReadFile(path), Path.GetFileName(path)),
            ".xlsx" => Workbook.Read(path),
            ".pdf" => PdfReportReader.ReadFile(path),
            ".txt" => TextReportReader.ReadFile(path),
            var other => new ImportResult(null, [], $"{Path.GetFileName(path)}：不能导入 {other} 文件；可导入 {string.Join("、", Extensions)}。"),
        };
    }

    private static ImportResult FromJson(JsonReadResult result, string file) => new(
        result.Success ? result.Value : null,
        result.Warnings.Select(w => new ImportIssue(new Domain.Model.SourceLocation { File = file, Row = w.Path }, w.Message)).ToArray(),
        result.Success ? null : string.Join("；", result.Errors.Select(e => e.ToString())));
}
