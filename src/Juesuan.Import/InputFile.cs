namespace Juesuan.Import;

/// <summary>Reading an input file, with the failure as a Chinese message rather than an exception.</summary>
internal static class InputFile
{
    /// <summary>The file's text, or null with <paramref name="error"/> saying why it could not be read.</summary>
    public static string? ReadText(string path, out string? error)
    {
        try
        {
            error = null;
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"无法读取文件 {path}：{e.Message}";
            return null;
        }
    }
}
