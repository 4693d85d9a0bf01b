using Juesuan.Domain.Model;
using Juesuan.Domain.Reference;
using Juesuan.Formats;
using Juesuan.Formats.Excel;
using Juesuan.Formats.Json;
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

    /// <summary>
    /// Marks a batch — many files read and audited by several workers — until the returned scope is disposed: while one
    /// runs, a PDF's pages are read on one thread, the workers keeping the cores busy (alone, a PDF's pages are read on
    /// several).
    /// </summary>
    public static IDisposable Batch() => Reading.EnterBatch();

    /// <summary>The readable files of a directory, by name.</summary>
    public static IReadOnlyList<string> FilesIn(string directory) =>
        Directory.EnumerateFiles(directory).Where(CanRead).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Reads a file with the reader its ending names.</summary>
    public static ImportResult ReadFile(string path, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Refusal(Path.GetFileName(path)) is { } refused)
        {
            return refused;
        }

        return InputFile.ReadBytes(path, out var error) is { } content ? Read(content, Path.GetFileName(path), reference) : new ImportResult(null, [], error);
    }

    /// <summary>
    /// Reads an input a host received as a stream (an upload), named <paramref name="name"/>: its ending picks the
    /// reader; more than <see cref="ImportLimits.FileBytes"/> (of <paramref name="limits"/>, or the current ones) is refused before it is all read.
    /// </summary>
    public static async Task<ImportResult> ReadAsync(Stream content, string name, ImportLimits? limits = null, ReferenceData? reference = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        if (Refusal(name) is { } refused)
        {
            return refused;
        }

        var (bytes, error) = await InputFile.ReadBytesAsync(content, name, limits, cancellationToken).ConfigureAwait(false);
        return bytes is null ? new ImportResult(null, [], error) : Read(bytes, name, reference);
    }

    /// <summary>
    /// Reads the bytes of an input named <paramref name="name"/> with the reader its ending names, by the
    /// <paramref name="reference"/> data of the run (the embedded data when none is given).
    /// </summary>
    public static ImportResult Read(byte[] content, string name, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        var file = Path.GetFileName(name);
        if (Empty(content, file) is { } empty)
        {
            return new ImportResult(null, [], empty);
        }

        try
        {
            return Path.GetExtension(file).ToLowerInvariant() switch
            {
                ".json" => FromJson(DepartmentYearJson.Read(content, file, reference?.Templates), file),
                ".xlsx" => WithClaims(Workbook.Read(content, file, reference?.Templates), file, reference ?? ReferenceData.Embedded),
                ".pdf" => PdfReportReader.Read(content, file, reference),
                ".txt" => TextReportReader.Read(content, file, reference),
                _ => Refusal(file)!,
            };
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return new ImportResult(null, [], $"{file} 读取超时：文字中有过长或结构异常的段落，未导入。");
        }
    }

    /// <summary>
    /// What to say of a file with nothing in it (空文件) — no bytes, or a text or JSON file of blanks only — rather than
    /// what a reader would make of the nothing (「找不到部门名称」, 「不是 PDF 文件」); null when there is content.
    /// </summary>
    public static string? Empty(ReadOnlySpan<byte> content, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var file = Path.GetFileName(name);
        if (content.IsEmpty)
        {
            return $"{file} 是空文件（0 字节），未导入。请检查是否选错了文件，或文件在复制、下载时没有保存完整。";
        }

        var text = Path.GetExtension(file).ToLowerInvariant() is ".txt" or ".json";
        return text && content.IndexOfAnyExcept(Blanks) < 0 ? $"{file} 中没有任何文字（只有空白），未导入。" : null;
    }

    // ASCII blanks, NUL (UTF-16's other half) and the byte-order marks of UTF-8 (EF BB BF) and UTF-16 (FF FE, FE FF).
    private static readonly System.Buffers.SearchValues<byte> Blanks = System.Buffers.SearchValues.Create([(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE]);

    /// <summary>
    /// A workbook keeps the preparer's words, not what the reader made of them: the narrative's and the other text's
    /// claims (and the figures they leave unread) are read from the text again, by the grammar a printed report is read
    /// by, so an edit in the workbook is an edit of the claims.
    /// </summary>
    private static ImportResult WithClaims(ImportResult read, string file, ReferenceData reference)
    {
        if (read.Value is not { } year || (year.Narrative.Sections.Count == 0 && year.Passages.Count == 0))
        {
            return read;
        }

        var template = reference.Templates.Find(year.TemplateId) ?? year.Template;
        var issues = read.Issues.ToList();
        var narrative = NarrativeReader.Read(year.Narrative.Sections, template, year.Year, file, issues, reference, year.Tables);
        // The passages the report's grammar read, paragraph by paragraph as the sheet marks them (a clerk's new passage
        // without a mark is a paragraph of its own).
        var runs = new List<List<ReportLine>>();
        int? open = null;
        foreach (var (passage, index) in year.Passages.Select((p, i) => (p, i)))
        {
            // A passage the report printed but its grammar did not read (a form's rows) stays unread; one a clerk wrote
            // (no mark, no place) is read as a paragraph of its own.
            if (passage.Paragraph is null && passage.Source is not null)
            {
                open = null;
                continue;
            }

            var paragraph = passage.Paragraph ?? -(index + 1);

            var line = new ReportLine(passage.Source?.Line ?? index + 1, passage.Text) { Page = passage.Source?.Page };
            if (open == paragraph && runs.Count > 0)
            {
                runs[^1].Add(line);
            }
            else
            {
                runs.Add([line]);
            }

            open = paragraph;
        }

        narrative = NarrativeReader.WithProse(narrative, [.. runs], template, year.Year, file, issues, reference);
        return new ImportResult(year with { Narrative = narrative }, issues, read.Error);
    }

    private static ImportResult? Refusal(string name) => CanRead(name) ? null
        : new ImportResult(null, [], $"{Path.GetFileName(name)}：不能导入 {(Path.GetExtension(name) is { Length: > 0 } e ? e : "无扩展名的")} 文件；可导入 {string.Join("、", Extensions)}。");

    private static ImportResult FromJson(JsonReadResult result, string file) => new(
        result.Success ? result.Value : null,
        result.Warnings.Select(w => new ImportIssue(new Domain.Model.SourceLocation { File = file, Row = w.Path }, w.Message)).ToArray(),
        result.Success ? null : string.Join("；", result.Errors.Select(e => e.ToString())));
}
