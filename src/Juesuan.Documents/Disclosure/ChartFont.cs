using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Juesuan.Documents.Disclosure;

/// <summary>
/// The charts' font, cut down to the GB2312 character set once per process. Skia's SVG writer looks up the text of
/// every label by building the whole glyph-to-character map of its typeface; for WenQuanYi Micro Hei's 49,531 glyphs
/// that is about 0.7 ms a label, most of an HTML disclosure's time. The GB2312 subset (made with HarfBuzz's subsetter,
/// the family name kept, so the SVG still names 「WenQuanYi Micro Hei」 and the browser draws with the installed font)
/// has a sixth of the glyphs. A chart with a character outside it is drawn with the full font, so no label loses a
/// glyph.
/// </summary>
internal static class ChartFont
{
    /// <summary>The ScottPlot font name of the subset.</summary>
    public const string SubsetName = "Juesuan Chart GB2312";

    private static readonly (SKTypeface Typeface, HashSet<int> Covered)? Subset = CreateSubset();

    static ChartFont()
    {
        if (Subset is not null)
        {
            // Registered before any chart asks for it (every chart comes here first), so no reader sees the list change.
            Fonts.FontResolvers.Insert(0, new Resolver());
        }
    }

    /// <summary>The font name for a chart whose labels are <paramref name="texts"/>.</summary>
    public static string NameFor(IEnumerable<string> texts) =>
        Subset is { } subset && texts.All(t => t.EnumerateRunes().All(r => subset.Covered.Contains(r.Value))) ? SubsetName : Chart.FontName;

    private static (SKTypeface, HashSet<int>)? CreateSubset()
    {
        try
        {
            using var full = InstalledFonts.Match(Chart.FontName);
            if (full is null || InstalledFonts.Read(full) is not { } file)
            {
                return null;
            }

            var covered = Gb2312().Where(c => full.ContainsGlyph(c)).ToHashSet();
            var bytes = HarfBuzzSubset.Subset(file.Data, file.Index, covered);
            return bytes is null ? null : (SKTypeface.FromData(SKData.CreateCopy(bytes)), covered);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or IOException)
        {
            return null;
        }
    }

    /// <summary>Printable ASCII and the GB2312 set: its symbol rows (A1–A9) and its 6,763 hanzi (B0–F7).</summary>
    private static IEnumerable<int> Gb2312()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("gb2312", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        var result = Enumerable.Range(0x20, 0x5F).ToList();
        foreach (var lead in Enumerable.Range(0xA1, 9).Concat(Enumerable.Range(0xB0, 0xF7 - 0xB0 + 1)))
        {
            for (var trail = 0xA1; trail <= 0xFE; trail++)
            {
                var text = gb.GetString([(byte)lead, (byte)trail]);
                if (text.Length == 1 && text[0] != '\uFFFD')
                {
                    result.Add(text[0]);
                }
            }
        }

        return result;
    }

    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == SubsetName ? Subset?.Typeface : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == SubsetName ? Subset?.Typeface : null;
    }
}
