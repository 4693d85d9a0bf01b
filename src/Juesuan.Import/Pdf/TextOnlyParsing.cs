using UglyToad.PdfPig;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Logging;
using UglyToad.PdfPig.Tokens;

namespace Juesuan.Import.Pdf;

/// <summary>
/// PdfPig options for reading text without parsing embedded font programs. A letter's text comes from the font's
/// ToUnicode map or encoding and its advance from the font dictionary's widths; the program (glyph outlines) only
/// refines the glyph boxes. Parsing it can cost most of an import — the Putuo report embeds a 4.4 MB OpenType font
/// for two punctuation marks, and PdfPig parses every one of its charstrings. So font-program streams decode to
/// nothing. A CID font does without its program (PdfPig logs "Invalid descriptor in CID font" and keeps the font); a
/// simple font does not (PdfPig drops it and its letters). So the log counts anything else PdfPig complains of, and any
/// character whose text could not be found without the program; when there is any, the caller reads the file again
/// with full parsing (<see cref="Full"/>), so the shortcut never changes what is read.
/// </summary>
internal sealed class TextOnlyParsing : ILog
{
    private int _complaints;

    private TextOnlyParsing()
    {
    }

    /// <summary>True when a character code had no Unicode without its font program, or a font could not be used without it.</summary>
    public bool NeedsFontPrograms => Volatile.Read(ref _complaints) > 0;

    /// <summary>Options for a text-only read, with the log that tells whether it was enough.</summary>
    public static (ParsingOptions Options, TextOnlyParsing Log) Create()
    {
        var log = new TextOnlyParsing();
        return (log.Options(), log);
    }

    // Options of a text-only read reporting to this log: new ones for each document, as PdfPig writes on them (the
    // passwords it tried); the filters hold no state.
    private ParsingOptions Options() => new() { UseLenientParsing = true, FilterProvider = Skipper, Logger = this };

    private static readonly FontProgramSkipper Skipper = new();

    /// <summary>Options for a full read.</summary>
    public static ParsingOptions Full => new() { UseLenientParsing = true };

    /// <summary>
    /// Opens the PDF <paramref name="content"/> and reads it with <paramref name="read"/>, first without font programs and again
    /// with them when that was not enough (or at once when <paramref name="alwaysParseFontPrograms"/>).
    /// </summary>
    public static T Read<T>(byte[] content, Func<PdfDocument, T> read, bool alwaysParseFontPrograms = false) =>
        Read(content, (document, _) => read(document), alwaysParseFontPrograms);

    /// <summary>
    /// As <see cref="Read{T}(byte[], Func{PdfDocument, T}, bool)"/>; for the read without font programs <paramref name="read"/>
    /// is also given a way to open the same content again — its own options (PdfPig sets the passwords it tried on them),
    /// the same filters and the same log — for a reader that reads pages on several threads, a PdfPig document not being
    /// for sharing between threads. For the full read it is given null: each document would parse the programs again.
    /// </summary>
    public static T Read<T>(byte[] content, Func<PdfDocument, Func<PdfDocument>?, T> read, bool alwaysParseFontPrograms = false)
    {
        var (options, log) = Create();
        if (!alwaysParseFontPrograms)
        {
            // Whatever goes wrong without the programs (an exception included) is left to the full read to settle.
            try
            {
                using var document = PdfDocument.Open(content, options);
                var quick = read(document, () => PdfDocument.Open(content, log.Options()));
                if (!log.NeedsFontPrograms)
                {
                    return quick;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
            }
        }

        using var full = PdfDocument.Open(content, Full);
        return read(full, null);
    }

    void ILog.Warn(string message)
    {
        // PdfPig's words when a code maps to no Unicode: "We could not find the corresponding character with code …".
        if (message.Contains("could not find the corresponding character", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _complaints);
        }
    }

    void ILog.Debug(string message)
    {
    }

    void ILog.Debug(string message, Exception ex)
    {
    }

    void ILog.Error(string message) => OnError(message);

    void ILog.Error(string message, Exception ex) => OnError(message);

    private void OnError(string message)
    {
        if (!message.StartsWith("Invalid descriptor in CID font", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _complaints);
        }
    }

    /// <summary>The default filters, except that an embedded font program decodes to no bytes.</summary>
    private sealed class FontProgramSkipper : IFilterProvider
    {
        public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(DefaultFilterProvider.Instance.GetFilters(dictionary));

        public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(DefaultFilterProvider.Instance.GetNamedFilters(names));

        public IReadOnlyList<IFilter> GetAllFilters() => Wrap(DefaultFilterProvider.Instance.GetAllFilters());

        private static IFilter[] Wrap(IReadOnlyList<IFilter> filters) => filters.Select(f => (IFilter)new SkipFontProgram(f)).ToArray();
    }

    private sealed class SkipFontProgram(IFilter inner) : IFilter
    {
        private static readonly NameToken[] ProgramSubtypes = [NameToken.Create("Type1C"), NameToken.Create("CIDFontType0C"), NameToken.Create("OpenType")];

        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex) =>
            IsFontProgram(streamDictionary) ? Memory<byte>.Empty : inner.Decode(input, streamDictionary, filterProvider, filterIndex);

        // FontFile (Type 1) and FontFile2 (TrueType) streams carry /Length1; FontFile3 streams name their format.
        private static bool IsFontProgram(DictionaryToken dictionary) =>
            dictionary.ContainsKey(NameToken.Length1) ||
            (dictionary.TryGet(NameToken.Subtype, out var subtype) && subtype is NameToken name && ProgramSubtypes.Contains(name));
    }
}
