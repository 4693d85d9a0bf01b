namespace Juesuan.Application;

/// <summary>Writing packages (XLSX, DOCX) to any stream a host hands over.</summary>
internal static class Streams
{
    /// <summary>
    /// Runs <paramref name="write"/> on <paramref name="output"/> when it can seek (a file, a memory stream), else on a
    /// buffer copied to it afterwards: an OpenXML package is written with seeks, and a web response cannot seek.
    /// </summary>
    public static async Task WritePackageAsync(Stream output, Action<Stream> write, CancellationToken cancellationToken)
    {
        if (output.CanSeek && output.CanRead)
        {
            write(output);
            return;
        }

        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }
}
