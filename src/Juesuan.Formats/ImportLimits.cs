using System.Globalization;

namespace Juesuan.Formats;

/// <summary>
/// 导入上限: how large an input Juesuan reads, so that no file — a 200 MB text, a zip bomb, a table of a million rows —
/// can take the process's memory or hours of its time. A breach is refused with a clear message (exit 2), never a
/// crash. Each limit can be set by an environment variable (<c>JUESUAN_LIMIT_…</c>); see docs/limits.md.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>Largest file, in bytes (JUESUAN_LIMIT_FILE_BYTES; default 100 MB).</summary>
    public long FileBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Most characters in a text file (JUESUAN_LIMIT_TEXT_CHARS; default 5,000,000 — a year's report has a few hundred thousand).</summary>
    public int TextChars { get; init; } = 5_000_000;

    /// <summary>Longest line of a text file, in characters (JUESUAN_LIMIT_LINE_CHARS; default 50,000).</summary>
    public int LineChars { get; init; } = 50_000;

    /// <summary>Most pages of a PDF (JUESUAN_LIMIT_PDF_PAGES; default 1,000).</summary>
    public int PdfPages { get; init; } = 1_000;

    /// <summary>Most rows in one table of a workbook or JSON file (JUESUAN_LIMIT_TABLE_ROWS; default 20,000).</summary>
    public int TableRows { get; init; } = 20_000;

    /// <summary>Most entries in an .xlsx package (JUESUAN_LIMIT_ZIP_ENTRIES; default 1,000).</summary>
    public int ZipEntries { get; init; } = 1_000;

    /// <summary>Most bytes an .xlsx package may unpack to, all parts together (JUESUAN_LIMIT_UNPACKED_BYTES; default 200 MB).</summary>
    public long UnpackedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Highest ratio of unpacked to packed size of one part above 1 MB (JUESUAN_LIMIT_ZIP_RATIO; default 100).</summary>
    public int ZipRatio { get; init; } = 100;

    /// <summary>The limits in force: the defaults, each replaced by its environment variable when that is set.</summary>
    public static ImportLimits Current { get; set; } = FromEnvironment();

    /// <summary>The defaults with the environment's overrides.</summary>
    public static ImportLimits FromEnvironment()
    {
        static long? Read(string name) =>
            long.TryParse(Environment.GetEnvironmentVariable("JUESUAN_LIMIT_" + name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
        var d = new ImportLimits();
        return new ImportLimits
        {
            FileBytes = Read("FILE_BYTES") ?? d.FileBytes,
            TextChars = (int)Math.Min(int.MaxValue, Read("TEXT_CHARS") ?? d.TextChars),
            LineChars = (int)Math.Min(int.MaxValue, Read("LINE_CHARS") ?? d.LineChars),
            PdfPages = (int)Math.Min(int.MaxValue, Read("PDF_PAGES") ?? d.PdfPages),
            TableRows = (int)Math.Min(int.MaxValue, Read("TABLE_ROWS") ?? d.TableRows),
            ZipEntries = (int)Math.Min(int.MaxValue, Read("ZIP_ENTRIES") ?? d.ZipEntries),
            UnpackedBytes = Read("UNPACKED_BYTES") ?? d.UnpackedBytes,
            ZipRatio = (int)Math.Min(int.MaxValue, Read("ZIP_RATIO") ?? d.ZipRatio),
        };
    }

    /// <summary>Why a file is too large to read under these limits, or null when it is not (one message for every reader).</summary>
    public string? TooLarge(string path)
    {
        var length = File.Exists(path) ? new FileInfo(path).Length : 0;
        return length > FileBytes ? TooLargeMessage(Path.GetFileName(path), length) : null;
    }

    /// <summary>The refusal of an input named <paramref name="name"/> of <paramref name="length"/> bytes (or more, when <paramref name="atLeast"/>).</summary>
    public string TooLargeMessage(string name, long length, bool atLeast = false) =>
        $"{name} 有 {Size(length)}{(atLeast ? "以上" : string.Empty)}，超过上限 {Size(FileBytes)}（JUESUAN_LIMIT_FILE_BYTES），未导入。";

    /// <summary>A size for people: 「100 MB」, 「512 KB」.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}

/// <summary>An input beyond one of the <see cref="ImportLimits"/>: its message says which and how to raise it.</summary>
public sealed class ImportLimitException(string message) : Exception(message);
