using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Juesuan.Documents.Disclosure;

/// <summary>
/// The installed fonts a document to print names, each cut down to the characters it prints (issue 19). Chromium reads
/// the whole file of every font a print uses, whatever it draws with it: a print costs ≈ 135 ms more in AR PL UMing
/// (21 MB) and ≈ 35 ms more in WenQuanYi Micro Hei (5 MB) than in a subset of either (measured with a two-line page), and
/// a disclosure prints twice in both. So the HTML sent to the printer carries every installed family of its style
/// sheets' font stacks as an <c>@font-face</c> of the same name — which the browser takes instead of the installed font
/// — holding that font's glyphs for the document's characters (HarfBuzz's subsetter). The glyphs, their metrics and
/// which family draws each character are the same; the embedded subset in the PDF is the same size or smaller.
/// A family with more than one face installed (a bold besides the regular) is left to the browser, as is every family
/// when the subsetter or the font cannot be had.
/// </summary>
internal static partial class PrintFonts
{
    private static readonly ConcurrentDictionary<string, Lazy<Installed?>> Families = new(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Generic = ["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "inherit", "initial", "unset", "math", "emoji"];

    private sealed record Installed(string Family, byte[] Font, int Index);

    /// <summary>
    /// <paramref name="html"/> with an <c>@font-face</c> for each installed family its <c>&lt;style&gt;</c> elements name,
    /// holding the glyphs of the characters of <paramref name="html"/> and printable ASCII; as it is when none applies.
    /// </summary>
    public static string Embed(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var faces = new StringBuilder();
        int[]? characters = null;
        foreach (var family in FamiliesNamed(html))
        {
            if (Families.GetOrAdd(family, f => new(() => Find(f))).Value is not { } installed)
            {
                continue;
            }

            characters ??= CharactersOf(html);
            byte[]? subset;
            try
            {
                subset = HarfBuzzSubset.Subset(installed.Font, installed.Index, characters);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return html;
            }

            if (subset is null)
            {
                continue;
            }

            var format = subset.AsSpan().StartsWith("OTTO"u8) ? "otf" : "ttf";
            faces.Append("@font-face{font-family:\"").Append(installed.Family).Append("\";font-display:block;src:url(data:font/")
                .Append(format).Append(";base64,").Append(Convert.ToBase64String(subset)).Append(") format(\"")
                .Append(format == "otf" ? "opentype" : "truetype").Append("\")}\n");
        }

        if (faces.Length == 0)
        {
            return html;
        }

        var style = "<style>\n" + faces + "</style>\n";
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return head >= 0 ? html.Insert(head, style) : style + html;
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
                    var name = part.Trim().Trim('"', '\'').Trim();
                    if (name.Length > 0 && !Generic.Contains(name, StringComparer.OrdinalIgnoreCase) && !name.Contains('(', StringComparison.Ordinal)
                        && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        return names;
    }

    // Every character of the document (its text, its style sheet's `content:` strings, the 「— 1 —」 page numbers' dash)
    // and printable ASCII, for the digits of page numbers the browser writes itself.
    private static int[] CharactersOf(string html)
    {
        var characters = new HashSet<int>(Enumerable.Range(0x20, 0x5F));
        foreach (var rune in html.EnumerateRunes())
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
            var fonts = SKFontManager.Default;
            using var styles = fonts.GetFontStyles(family);
            if (styles is null || styles.Count != 1)
            {
                return null;
            }

            // Fontconfig answers every name with some font: only the family itself counts.
            using var typeface = fonts.MatchFamily(family);
            if (typeface is null || !string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            using var stream = typeface.OpenStream(out var index);
            if (stream is null)
            {
                return null;
            }

            using var data = SKData.Create(stream);
            return data is null ? null : new Installed(family, data.ToArray(), index);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or IOException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<style[^>]*>(.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"font-family\s*:\s*([^;}]+)", RegexOptions.IgnoreCase)]
    private static partial Regex FontFamily();
}
