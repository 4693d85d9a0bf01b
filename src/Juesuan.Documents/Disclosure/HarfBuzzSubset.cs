using System.Runtime.InteropServices;
using HarfBuzzSharp;

namespace Juesuan.Documents.Disclosure;

/// <summary>HarfBuzz's subsetter (hb-subset), which HarfBuzzSharp's native library carries but does not wrap.</summary>
internal static class HarfBuzzSubset
{
    private const string Library = "libHarfBuzzSharp";

    /// <summary>
    /// The glyphs of <paramref name="characters"/> (and those its layout reaches) from face <paramref name="index"/> of
    /// <paramref name="font"/>, as a font file, or null when HarfBuzz cannot subset it. With
    /// <paramref name="keepEverything"/> everything else of the font is kept — its tables, layout features (CJK
    /// punctuation spacing, kerning), names in every language — so text shapes and measures as with the whole font;
    /// otherwise hb-subset's defaults apply (its English names only: Skia then names the family as before).
    /// </summary>
    public static byte[]? Subset(byte[] font, int index, IEnumerable<int> characters, bool keepEverything = false)
    {
        var pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
        using var blob = new Blob(pinned.AddrOfPinnedObject(), font.Length, MemoryMode.ReadOnly, pinned.Free);
        using var face = new Face(blob, index);
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            // hb-subset's defaults drop tables and layout features it does not know to keep. Keeping everything also
            // sets the characters and glyphs to all: they are narrowed again to those asked for.
            var set = hb_subset_input_unicode_set(input);
            if (keepEverything)
            {
                hb_subset_input_keep_everything(input);
                hb_set_clear(hb_subset_input_glyph_set(input));
                hb_set_clear(set);
            }

            foreach (var c in characters)
            {
                hb_set_add(set, (uint)c);
            }

            var subset = hb_subset_or_fail(face.Handle, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            var result = hb_face_reference_blob(subset);
            try
            {
                var data = hb_blob_get_data(result, out var length);
                var bytes = new byte[length];
                Marshal.Copy(data, bytes, 0, (int)length);
                return bytes;
            }
            finally
            {
                hb_blob_destroy(result);
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_glyph_set(IntPtr input);

    [DllImport(Library)]
    private static extern void hb_subset_input_keep_everything(IntPtr input);

    [DllImport(Library)]
    private static extern void hb_set_clear(IntPtr set);

    [DllImport(Library)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(Library)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(Library)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(Library)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(Library)]
    private static extern void hb_subset_input_destroy(IntPtr input);
}
