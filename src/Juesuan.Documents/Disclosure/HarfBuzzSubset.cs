using System.Runtime.InteropServices;
using HarfBuzzSharp;

namespace Juesuan.Documents.Disclosure;

/// <summary>HarfBuzz's subsetter (hb-subset), which HarfBuzzSharp's native library carries but does not wrap.</summary>
internal static class HarfBuzzSubset
{
    private const string Library = "libHarfBuzzSharp";

    // HB_SUBSET_FLAGS_NOTDEF_OUTLINE: a character the font lacks still draws its missing-glyph box, as with the whole
    // font, instead of nothing.
    private const uint NotdefOutline = 0x40;

    /// <summary>
    /// The glyphs of <paramref name="characters"/> (and those their layout reaches) from face <paramref name="index"/> of
    /// <paramref name="font"/>, as a font file, or null when HarfBuzz cannot subset it. hb-subset's defaults apply: its
    /// layout features include the East Asian spacing ones (chws, halt) besides kerning and ligatures, and it drops
    /// embedded bitmaps (EBDT/EBLC), which a vector print never draws; the missing-glyph box keeps its outline. Keeping every table instead made AR PL UMing's
    /// subset for a disclosure 3.25 MB, not 0.27 MB (2.95 MB of bitmaps), and its two prints slower than with the whole
    /// installed font (873–949 ms against 381 ms; measured with `bench … pdffonts`).
    /// </summary>
    public static byte[]? Subset(byte[] font, int index, IEnumerable<int> characters)
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
            hb_subset_input_set_flags(input, hb_subset_input_get_flags(input) | NotdefOutline);
            var set = hb_subset_input_unicode_set(input);
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
    private static extern uint hb_subset_input_get_flags(IntPtr input);

    [DllImport(Library)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

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
