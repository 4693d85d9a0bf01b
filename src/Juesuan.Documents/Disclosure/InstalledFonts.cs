using SkiaSharp;

namespace Juesuan.Documents.Disclosure;

/// <summary>An installed font family as fontconfig finds it through Skia, and the bytes of its file (for HarfBuzz's subsetter).</summary>
internal static class InstalledFonts
{
    /// <summary>
    /// The installed typeface of <paramref name="family"/> itself, or null: fontconfig answers every name with some font,
    /// so only a typeface of that family name counts.
    /// </summary>
    public static SKTypeface? Match(string family)
    {
        var typeface = SKFontManager.Default.MatchFamily(family);
        if (typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
        {
            return typeface;
        }

        typeface?.Dispose();
        return null;
    }

    /// <summary>The whole font file <paramref name="typeface"/> comes from and its face's index in it (a collection's), or null.</summary>
    public static (byte[] Data, int Index)? Read(SKTypeface typeface)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        using var stream = typeface.OpenStream(out var index);
        using var data = stream is null ? null : SKData.Create(stream);
        return data is null ? null : (data.ToArray(), index);
    }
}
