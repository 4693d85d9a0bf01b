using System.IO.Compression;

namespace Juesuan.Formats;

/// <summary>
/// A zip archive opened within the <see cref="ImportLimits"/> — its entry count, what it unpacks to, each entry's ratio —
/// counted while unpacking, never taken from its directory, so a zip bomb is refused before anything is kept. One guard
/// for every zip Juesuan reads: an Excel package, an upload of several reports.
/// </summary>
public static class BoundedZip
{
    /// <summary>
    /// Unpacks every entry of <paramref name="content"/> and keeps those <paramref name="keep"/> accepts (by full name);
    /// null with <paramref name="refusal"/> saying which limit was passed (in Chinese, without the file's name).
    /// Throws <see cref="InvalidDataException"/> for an archive that is not a zip.
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Content)>? Unpack(byte[] content, ImportLimits limits, Func<string, bool> keep, out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(keep);
        using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (archive.Entries.Count > limits.ZipEntries)
        {
            refusal = $"包含 {archive.Entries.Count} 个文件（部件），超过上限 {limits.ZipEntries}（JUESUAN_LIMIT_ZIP_ENTRIES），未导入。";
            return null;
        }

        var kept = new List<(string, byte[])>();
        long total = 0;
        var buffer = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            var wanted = keep(entry.FullName);
            using var unpacked = wanted ? new MemoryStream() : null;
            long length = 0;
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                length += read;
                total += read;
                unpacked?.Write(buffer, 0, read);
                if (total > limits.UnpackedBytes)
                {
                    refusal = $"解压后超过 {ImportLimits.Size(limits.UnpackedBytes)}（JUESUAN_LIMIT_UNPACKED_BYTES），可能是压缩炸弹，未导入。";
                    return null;
                }

                if (wanted && length > limits.FileBytes)
                {
                    refusal = $"其中的「{entry.FullName}」解压后超过单个文件的上限 {ImportLimits.Size(limits.FileBytes)}（JUESUAN_LIMIT_FILE_BYTES），未导入。";
                    return null;
                }

                if (length > 1024 * 1024 && length > (long)limits.ZipRatio * Math.Max(1, entry.CompressedLength))
                {
                    refusal = $"其中的「{entry.FullName}」压缩比超过 {limits.ZipRatio} 倍（JUESUAN_LIMIT_ZIP_RATIO），可能是压缩炸弹，未导入。";
                    return null;
                }
            }

            if (unpacked is not null)
            {
                kept.Add((entry.FullName, unpacked.ToArray()));
            }
        }

        refusal = null;
        return kept;
    }
}
