using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Juesuan.Documents.Disclosure;

/// <summary>
/// The installed fonts a document to print names, each cut down to the characters it prints (issue 19). Chromium reads
/// the whole file of every font a print uses, whatever it draws with it: a two-line page prints in ≈ 135 ms in AR PL
/// UMing (21 MB), ≈ 52 ms in WenQuanYi Micro Hei (5 MB) and ≈ 17 ms in a subset of either, and a disclosure prints twice
/// in both. So the HTML sent to the printer carries every installed family of its style
/// sheets' font stacks as an <c>@font-face</c> of the same name — which the browser takes instead of the installed font
/// — holding that font's glyphs for the document's characters (HarfBuzz's subsetter). The glyphs, their metrics and
/// which family draws each character are the same; the embedded subset in the PDF is the same size or smaller.
/// A family with more than one face installed (a bold besides the regular) is left to the browser, as is every family
/// when the subsetter or the font cannot be had, or anything here fails: it only makes the print faster.
/// </summary>
internal static partial class PrintFonts
{
    private static readonly ConcurrentDictionary<string, Lazy<Installed?>> Families = new(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Generic =
    [
        "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded",
        "math", "emoji", "fangsong", "inherit", "initial", "unset", "revert", "revert-layer",
    ];

    // The installed font's bytes (read once a process: ≈ 26 MB for UMing and Micro Hei) and its face's CSS descriptors.
    private sealed record Installed(string Family, byte[] Font, int Index, string Descriptors);

    /// <summary>
    /// <paramref name="html"/> with an <c>@font-face</c> for each installed family its <c>&lt;style&gt;</c> elements name,
    /// holding the glyphs of the characters of <paramref name="html"/> and printable ASCII; as it is when none applies.
    /// </summary>
    public static string Embed(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        try
        {
            return WithFaces(html);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only the print's speed depends on it: the browser reads the installed fonts as before.
            return html;
        }
    }

    private static string WithFaces(string html)
    {
        var faces = new StringBuilder();
        int[]? characters = null;
        foreach (var family in FamiliesNamed(html))
        {
            if (Families.GetOrAdd(family, f => new(() => Find(f))).Value is not { } installed)
            {
                continue;
            }

            characters ??= CharactersOf(html);
            if (HarfBuzzSubset.Subset(installed.Font, installed.Index, characters) is not { } subset)
            {
                continue;
            }

            var format = subset.AsSpan().StartsWith("OTTO"u8) ? "otf" : "ttf";
            faces.Append("@font-face{font-family:\"").Append(installed.Family).Append("\";").Append(installed.Descriptors).Append("font-display:block;src:url(data:font/")
                .Append(format).Append(";base64,").Append(Convert.ToBase64String(subset)).Append(") format(\"")
                .Append(format == "otf" ? "opentype" : "truetype").Append("\")}\n");
        }

        if (faces.Length == 0)
        {
            return html;
        }

        // In the head (a style before the doctype would put the page in quirks mode), else before the body.
        var style = "<style>\n" + faces + "</style>\n";
        var at = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        at = at >= 0 ? at : html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? html.Insert(at, style) : style + html;
    }

    /// <summary>The font families the <c>font-family</c> declarations of the document's style elements name, generic ones left out.</summary>
    internal static IReadOnlyList<string> FamiliesNamed(string html)
    {
        var names = new List<string>();
        foreach (Match style in StyleElement().Matches(html))
        {
            foreach (Match declaration in FontFamily().Matches(style.Groups[1].Value))
            {
                foreach (var part in declaration.Groups[1].Value.Split(','))
                {
                    var value = part.Replace("!important", string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
                    var name = value.Trim('"', '\'').Trim();
                    // A generic family only unquoted: "FangSong" names the font, fangsong the kind of face.
                    var generic = value.Length > 0 && value[0] is not ('"' or '\'') && Generic.Contains(name, StringComparer.OrdinalIgnoreCase);
                    if (name.Length > 0 && !generic && !name.Contains('(', StringComparison.Ordinal)
                        && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        return names;
    }

    // Every character of the document as the browser reads it (「&#215;」 is ×; its text, its style sheet's `content:`
    // strings such as the 「— 1 —」 page numbers' dash), printable ASCII for the digits of page numbers the browser writes
    // itself, and the marks it may draw for list items and cut text.
    private static int[] CharactersOf(string html)
    {
        var characters = new HashSet<int>(Enumerable.Range(0x20, 0x5F)) { '•', '◦', '▪', '…' };
        foreach (var rune in System.Net.WebUtility.HtmlDecode(html).EnumerateRunes())
        {
            if (rune.Value > 0x7E)
            {
                characters.Add(rune.Value);
            }
        }

        return [.. characters];
    }

    private static Installed? Find(string family)
    {
        try
        {
            using var styles = SKFontManager.Default.GetFontStyles(family);
            if (styles is null || styles.Count != 1)
            {
                return null;
            }

            using var typeface = InstalledFonts.Match(family);
            return typeface is not null && InstalledFonts.Read(typeface) is { } file ? new Installed(family, file.Data, file.Index, Descriptors(typeface)) : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    // The face's weight, width and slant, so the browser matches and synthesises as it does for the installed font
    // (AR PL UMing's one face is a Light, 300).
    private static string Descriptors(SKTypeface typeface)
    {
        var stretch = typeface.FontWidth switch
        {
            1 => "50%", 2 => "62.5%", 3 => "75%", 4 => "87.5%", 6 => "112.5%", 7 => "125%", 8 => "150%", 9 => "200%", _ => "100%",
        };
        var style = typeface.FontSlant == SKFontStyleSlant.Upright ? "normal" : typeface.FontSlant == SKFontStyleSlant.Italic ? "italic" : "oblique";
        return FormattableString.Invariant($"font-weight:{Math.Clamp(typeface.FontWeight, 1, 1000)};font-stretch:{stretch};font-style:{style};");
    }

    [GeneratedRegex(@"<style[^>]*>(.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"font-family\s*:\s*([^;}]+)", RegexOptions.IgnoreCase)]
    private static partial Regex FontFamily();
}
