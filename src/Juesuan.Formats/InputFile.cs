using System.Text;

namespace Juesuan.Formats;

/// <summary>Reading an input file, with the failure as a Chinese message rather than an exception.</summary>
public static class InputFile
{
    static InputFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The bytes of a file, or null with <paramref name="error"/> saying why they could not be read (missing, no access,
    /// larger than <see cref="ImportLimits.FileBytes"/>).
    /// </summary>
    public static byte[]? ReadBytes(string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (ImportLimits.Current.TooLarge(path) is { } tooLarge)
            {
                error = tooLarge;
                return null;
            }

            error = null;
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"无法读取文件 {Path.GetFileName(path)}：{(e is UnauthorizedAccessException ? "没有读取权限" : e is FileNotFoundException or DirectoryNotFoundException ? "文件不存在" : "读取出错")}。";
            return null;
        }
    }

    /// <summary>
    /// The content of a stream (an upload) named <paramref name="name"/>, read up to <see cref="ImportLimits.FileBytes"/>
    /// (of <paramref name="limits"/>, or the current ones):
    /// no content and the refusal when it is larger, so a host never holds more than the limit.
    /// </summary>
    public static async Task<(byte[]? Content, string? Error)> ReadBytesAsync(Stream stream, string name, ImportLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ImportLimits.Current;
        var limit = limits.FileBytes;
        if (stream.CanSeek && stream.Length - stream.Position > limit)
        {
            return (null, limits.TooLargeMessage(name, stream.Length - stream.Position));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, limits.TooLargeMessage(name, buffer.Length + read, atLeast: true));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>The file's text, or null with <paramref name="error"/> saying why (see <see cref="DecodeText"/>).</summary>
    public static string? ReadText(string path, out string? error, out string? note, bool report = true)
    {
        note = null;
        return ReadBytes(path, out error) is { } bytes ? DecodeText(bytes, Path.GetFileName(path), out error, out note, report) : null;
    }

    /// <summary>
    /// The text of <paramref name="bytes"/> (an input named <paramref name="name"/>), or null with
    /// <paramref name="error"/> saying why it could not be read. UTF-8 (with or without BOM) and UTF-16 with BOM are read
    /// as such; bytes that are not UTF-8 but read as Chinese in GB18030 (GBK, as saved on Chinese Windows) are read so and
    /// said in <paramref name="note"/>. The character and line limits (<see cref="ImportLimits"/>) are enforced only for
    /// report text (<paramref name="report"/>), not for JSON, which writers put on one line.
    /// </summary>
    public static string? DecodeText(byte[] bytes, string name, out string? error, out string? note, bool report = true)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var limits = ImportLimits.Current;
        var text = Decode(bytes, out note);
        if (text is null)
        {
            error = $"{name} 不是 UTF-8 文本，也不像 GBK/GB18030 编码的中文文本：请在记事本或 WPS 中“另存为” UTF-8 编码后再导入。";
            return null;
        }

        if (!report)
        {
            error = null;
            return text;
        }

        if (text.Length > limits.TextChars)
        {
            error = $"{name} 有 {text.Length:N0} 个字符，超过上限 {limits.TextChars:N0}（JUESUAN_LIMIT_TEXT_CHARS），未导入。";
            return null;
        }

        var lineNumber = 1;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (i - lineStart > limits.LineChars)
                {
                    error = $"{name} 第 {lineNumber} 行有 {i - lineStart:N0} 个字符，超过一行的上限 {limits.LineChars:N0}（JUESUAN_LIMIT_LINE_CHARS），未导入：这不像一份报告的文字。";
                    return null;
                }

                lineNumber++;
                lineStart = i + 1;
            }
        }

        error = null;
        return text;
    }

    private static string? Decode(byte[] bytes, out string? note)
    {
        note = null;
        var span = bytes.AsSpan();
        if (span.StartsWith((byte[])[0xEF, 0xBB, 0xBF]))
        {
            return Lenient(Encoding.UTF8, bytes, 3);
        }

        if (span.StartsWith((byte[])[0xFF, 0xFE]))
        {
            return Lenient(Encoding.Unicode, bytes, 2);
        }

        if (span.StartsWith((byte[])[0xFE, 0xFF]))
        {
            return Lenient(Encoding.BigEndianUnicode, bytes, 2);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // UTF-8 with a stray byte or two (a damaged copy): read it, the bad bytes as U+FFFD, and say so.
            var lenient = Encoding.UTF8.GetString(bytes);
            var bad = lenient.Count(c => c == '\uFFFD');
            if (bad <= Math.Max(3, lenient.Length / 2000))
            {
                note = $"文件中有 {bad} 处不是 UTF-8 的字节，已替换为「\uFFFD」，其余照常读取。";
                return lenient;
            }

            // Not UTF-8. Chinese text saved on Windows is GBK/GB18030: accept it when it decodes cleanly and reads as Chinese.
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            try
            {
                var text = gb.GetString(bytes);
                var cjk = text.Count(c => c is >= '\u4e00' and <= '\u9fff');
                var letters = text.Count(c => !char.IsWhiteSpace(c) && !char.IsControl(c));
                if (letters > 0 && cjk * 5 >= letters && !text.Contains('\0', StringComparison.Ordinal))
                {
                    note = "文件不是 UTF-8 编码，已按 GB18030（GBK）读取；建议另存为 UTF-8。";
                    return text;
                }
            }
            catch (DecoderFallbackException)
            {
            }

            return null;
        }
    }

    // A file with a BOM says its encoding; a damaged byte in it becomes U+FFFD, which the reader counts.
    private static string Lenient(Encoding encoding, byte[] bytes, int skip) => encoding.GetString(bytes, skip, bytes.Length - skip);
}
