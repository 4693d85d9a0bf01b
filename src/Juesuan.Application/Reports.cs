using Juesuan.Domain.Model;
using Juesuan.Formats;
using Juesuan.Import;
using Juesuan.Storage;

namespace Juesuan.Application;

/// <summary>Why an input gave no department-year.</summary>
public enum LoadFailure
{
    /// <summary>It was read.</summary>
    None,

    /// <summary>The file (or upload) could not be read: damaged, foreign, beyond a limit.</summary>
    Unreadable,

    /// <summary>A file name that names no file.</summary>
    MissingFile,

    /// <summary>Neither a file nor a key of the store.</summary>
    NotStored,
}

/// <summary>A department-year as an input gave it, with what the reader noticed; or why there is none.</summary>
/// <param name="Source">The input as given (a path, an upload's name, a store key).</param>
/// <param name="Year">The department-year, or null.</param>
/// <param name="Issues">What the reader could not read cleanly (the rest was kept).</param>
/// <param name="Failure">Why there is no department-year.</param>
/// <param name="Error">The reason in Chinese, when there is none.</param>
public sealed record Loaded(string Source, DepartmentYear? Year, IReadOnlyList<ImportIssue> Issues, LoadFailure Failure = LoadFailure.None, string? Error = null)
{
    /// <summary>True when a department-year was read.</summary>
    public bool Success => Year is not null;

    /// <summary>For a department-year from the store: the revision it is, read with it.</summary>
    public StoredSummary? Stored { get; init; }

    /// <summary>The original it was read from (a file's or an upload's bytes, or what the store kept), when there is one.</summary>
    public StoredOriginal? Original { get; init; }

    /// <summary>The original's bytes when it is a PDF, so findings can be located on its pages.</summary>
    public byte[]? Pdf => Original is { Reader: "pdf" } o ? o.Content : null;

    internal static Loaded From(string source, ImportResult result, byte[]? content = null) =>
        new(source, result.Value, result.Issues, result.Success ? LoadFailure.None : LoadFailure.Unreadable, result.Error)
        {
            Original = result.Success && content is not null ? new StoredOriginal(Path.GetFileName(source), content) : null,
        };
}

/// <summary>
/// Reading inputs (导入): a file, an upload (a stream and its name), or a key of the store — the one place that tells
/// them apart, so every front end does it the same way.
/// </summary>
public sealed class Reports(Library library, JuesuanOptions options)
{
    /// <summary>The endings Juesuan reads.</summary>
    public static IReadOnlyList<string> Extensions => Importer.Extensions;

    /// <summary>The readable files of a directory, by name.</summary>
    public static IReadOnlyList<string> FilesIn(string directory) => Importer.FilesIn(directory);

    /// <summary>Reads a file by the reader its ending names, with the run's reference data.</summary>
    public Loaded ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return new(path, null, [], LoadFailure.MissingFile, $"找不到文件 {path}。");
        }

        if (!Importer.CanRead(path))
        {
            return Loaded.From(path, Importer.ReadFile(path, options.Reference));
        }

        return InputFile.ReadBytes(path, out var error) is { } content
            ? Loaded.From(path, Importer.Read(content, Path.GetFileName(path), options.Reference), content)
            : new(path, null, [], LoadFailure.Unreadable, error);
    }

    /// <summary>Reads the bytes of an input named <paramref name="name"/> (an upload already received): its ending picks the reader.</summary>
    public Loaded Read(byte[] content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        return Loaded.From(name, Importer.Read(content, name, options.Reference), content);
    }

    /// <summary>Reads an upload: its <paramref name="name"/>'s ending picks the reader.</summary>
    public async Task<Loaded> ReadAsync(Stream content, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        if (!Importer.CanRead(name))
        {
            return Loaded.From(name, await Importer.ReadAsync(content, name, reference: options.Reference, cancellationToken: cancellationToken).ConfigureAwait(false));
        }

        var (bytes, error) = await InputFile.ReadBytesAsync(content, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return bytes is null ? new(name, null, [], LoadFailure.Unreadable, error) : Loaded.From(name, Importer.Read(bytes, name, options.Reference), bytes);
    }

    /// <summary>
    /// A file when <paramref name="input"/> names one, else what the store holds under that key. A name with a readable
    /// ending that is not there is a missing file, not a key.
    /// </summary>
    public async Task<Loaded> LoadAsync(string input, CancellationToken cancellationToken = default) =>
        await LoadAsync(input, withOriginal: false, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// What the store holds under <paramref name="key"/> — never a file, whatever the key looks like (a host serving
    /// other people must not read its own disk for them) — with its original when <paramref name="withOriginal"/>.
    /// </summary>
    public async Task<Loaded> LoadStoredAsync(string key, bool withOriginal = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var current = await library.LoadCurrentAsync(key, cancellationToken).ConfigureAwait(false);
        return current is var (year, summary)
            ? new(key, year, []) { Stored = summary, Original = withOriginal ? await library.OriginalAsync(key, cancellationToken).ConfigureAwait(false) : null }
            : new(key, null, [], LoadFailure.NotStored, $"存储中没有「{key}」");
    }

    /// <summary>
    /// As <see cref="LoadAsync(string, CancellationToken)"/>; for a store key with <paramref name="withOriginal"/>, the
    /// original it was read from comes too (an audit locates findings on a PDF's pages with it).
    /// </summary>
    public async Task<Loaded> LoadAsync(string input, bool withOriginal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (File.Exists(input) || Importer.CanRead(input))
        {
            return ReadFile(input);
        }

        var exists = library.Exists;
        var stored = await LoadStoredAsync(input, withOriginal, cancellationToken).ConfigureAwait(false);
        return stored.Success ? stored : stored with { Error = $"既不是文件，也不在存储中：「{input}」（{library.Describe()}{(exists ? string.Empty : "，尚未创建")}）" };
    }
}
