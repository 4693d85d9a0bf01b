using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Juesuan.Fuzz.Tests;

/// <summary>A mutated input: its bytes, the extension it is saved with, and what was done to it.</summary>
public sealed record Mutant(byte[] Bytes, string Extension, string Description);

/// <summary>
/// Structured mutations of real inputs, as a careless user, a broken export or an attacker would make them: numbers
/// lengthened, digits changed, lines deleted, swapped or duplicated, junk and huge lines inserted, other encodings, and
/// byte- and structure-level damage to PDF, XLSX and JSON.
/// </summary>
public static partial class Mutations
{
    private static readonly string[] Junk =
    [
        "\0", "\u0001\u0002", "\u202e", "\ufeff", "\ud83d\ude00", "（", "）", "万元", "%", "，", "。", "\t\t\t", "其中：", "合计", "-", "—", "1e309", "NaN",
        "９９.９９", "１２３", "１２万元", "2O22年", "XX", "××", "\r", "\u3000", "＜", "≥", "…", "··", "第三部分", "一、", "（一）", "20 年度", "301", "2101101",
    ];

    /// <summary>One mutant of <paramref name="seed"/> (named by its extension), with one to three mutations.</summary>
    public static Mutant Of(byte[] seed, string extension, Random random)
    {
        var count = random.Next(1, 4);
        var bytes = seed;
        var notes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            (bytes, var note) = extension switch
            {
                ".txt" => Text(bytes, random),
                ".json" => random.Next(3) == 0 ? Bytes(bytes, random) : SafeJson(bytes, random),
                ".xlsx" => random.Next(2) == 0 ? Bytes(bytes, random) : Xlsx(bytes, random),
                _ => Bytes(bytes, random),
            };
            notes.Add(note);
        }

        // Now and then the file is named as another kind than it is.
        var named = random.Next(20) == 0 ? new[] { ".txt", ".pdf", ".json", ".xlsx" }[random.Next(4)] : extension;
        return new Mutant(bytes, named, string.Join("；", notes) + (named != extension ? $"；保存为 {named}" : string.Empty));
    }

    private static (byte[], string) Text(byte[] bytes, Random random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        switch (random.Next(12))
        {
            case 0:
            {
                // A number lengthened: many more digits before or after the point.
                var m = RandomNumber(text, random);
                if (m is null)
                {
                    goto default;
                }

                var extra = new string(Enumerable.Range(0, random.Next(8, 30)).Select(_ => (char)('0' + random.Next(10))).ToArray());
                var value = random.Next(2) == 0 ? extra + m.Value : m.Value + (m.Value.Contains('.', StringComparison.Ordinal) ? extra : "." + extra);
                return (Utf8(text[..m.Index] + value + text[(m.Index + m.Length)..]), $"数字加长 {m.Value} → {Short(value)}");
            }

            case 1:
            {
                var m = RandomNumber(text, random);
                if (m is null)
                {
                    goto default;
                }

                var chars = m.Value.ToCharArray();
                var digits = Enumerable.Range(0, chars.Length).Where(i => char.IsAsciiDigit(chars[i])).ToArray();
                if (digits.Length == 0)
                {
                    goto default;
                }

                chars[digits[random.Next(digits.Length)]] = (char)('0' + random.Next(10));
                return (Utf8(text[..m.Index] + new string(chars) + text[(m.Index + m.Length)..]), $"改动数字 {m.Value} → {new string(chars)}");
            }

            case 2:
            {
                var at = random.Next(lines.Count);
                var removed = random.Next(1, 6);
                lines.RemoveRange(at, Math.Min(removed, lines.Count - at));
                return (Utf8(string.Join('\n', lines)), $"删除第 {at + 1} 行起 {removed} 行");
            }

            case 3:
            {
                var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return (Utf8(string.Join('\n', lines)), $"交换第 {a + 1}、{b + 1} 行");
            }

            case 4:
            {
                var at = random.Next(lines.Count);
                lines.InsertRange(at, Enumerable.Repeat(lines[at], random.Next(1, 4)));
                return (Utf8(string.Join('\n', lines)), $"重复第 {at + 1} 行");
            }

            case 5:
            {
                var at = random.Next(text.Length + 1);
                var junk = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Junk[random.Next(Junk.Length)]));
                return (Utf8(text[..at] + junk + text[at..]), $"在第 {at} 个字符处插入「{Escape(junk)}」");
            }

            case 6:
            {
                // A huge line: a long run of digits (quadratic patterns show here), of figures, or of words.
                var length = random.Next(5_000, 120_000);
                var line = random.Next(3) switch
                {
                    0 => new string('9', length),
                    1 => string.Concat(Enumerable.Repeat("1,234.56 ", length / 9)),
                    _ => string.Concat(Enumerable.Repeat("支出决算为12.34万元，", length / 14)),
                };
                var at = random.Next(lines.Count);
                lines.Insert(at, line);
                return (Utf8(string.Join('\n', lines)), $"第 {at + 1} 行插入 {line.Length} 字的长行");
            }

            case 7:
            {
                var encoding = random.Next(4) switch
                {
                    0 => Encoding.GetEncoding("GB18030"),
                    1 => Encoding.Unicode,
                    2 => Encoding.BigEndianUnicode,
                    _ => Encoding.Latin1,
                };
                return (encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray(), $"改用 {encoding.WebName} 编码");
            }

            case 8:
            {
                var at = random.Next(bytes.Length + 1);
                return (bytes[..at], $"截断于第 {at} 字节");
            }

            case 9:
            {
                var m = RandomNumber(text, random);
                if (m is null)
                {
                    goto default;
                }

                var other = new[] { "NaN", "1e309", "-0", "９９", "0x1F", "1,2,3", "..5", "-", "—", "∞", "99999999999999999999999999999999.99", "0.0000000000001" }[random.Next(12)];
                return (Utf8(text[..m.Index] + other + text[(m.Index + m.Length)..]), $"{m.Value} → {other}");
            }

            case 10:
            {
                // Tabs and spaces confused: a table's columns run together or apart.
                var at = random.Next(lines.Count);
                lines[at] = random.Next(2) == 0 ? lines[at].Replace('\t', ' ') : lines[at].Replace(' ', '\t');
                return (Utf8(string.Join('\n', lines)), $"第 {at + 1} 行制表符与空格互换");
            }

            default:
                return Bytes(bytes, random);
        }
    }

    private static (byte[], string) Bytes(byte[] bytes, Random random)
    {
        var copy = bytes.ToArray();
        switch (random.Next(5))
        {
            case 0:
            {
                var flips = random.Next(1, 32);
                for (var i = 0; i < flips && copy.Length > 0; i++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                return (copy, $"改写 {flips} 个字节");
            }

            case 1:
            {
                var at = random.Next(copy.Length + 1);
                return (copy[..at], $"截断于第 {at} 字节");
            }

            case 2:
            {
                var at = random.Next(copy.Length + 1);
                var junk = new byte[random.Next(1, 4096)];
                random.NextBytes(junk);
                return ([.. copy[..at], .. junk, .. copy[at..]], $"第 {at} 字节处插入 {junk.Length} 个随机字节");
            }

            case 3:
            {
                if (copy.Length < 2)
                {
                    return (copy, "不变");
                }

                var start = random.Next(copy.Length);
                var length = random.Next(1, Math.Min(65536, copy.Length - start) + 1);
                return ([.. copy[..start], .. copy[start..(start + length)], .. copy[start..]], $"重复第 {start} 字节起 {length} 个字节");
            }

            default:
            {
                var start = random.Next(copy.Length + 1);
                var length = random.Next(0, Math.Min(4096, copy.Length - start) + 1);
                Array.Clear(copy, start, length);
                return (copy, $"第 {start} 字节起 {length} 个字节清零");
            }
        }
    }

    // A structure the parser takes lazily (a key written twice by an earlier mutation) may throw while walked: the
    // mutation then falls back to bytes.
    private static (byte[], string) SafeJson(byte[] bytes, Random random)
    {
        try
        {
            return Json(bytes, random);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return Bytes(bytes, random);
        }
    }

    private static (byte[], string) Json(byte[] bytes, Random random)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes);
        }
        catch (System.Text.Json.JsonException)
        {
            return Bytes(bytes, random);
        }

        var text = Encoding.UTF8.GetString(bytes);
        switch (random.Next(6))
        {
            case 0:
            {
                // A key written twice in one object.
                var m = Regex.Match(text[random.Next(text.Length)..], "\"(\\w+)\"\\s*:\\s*(\"[^\"]*\"|[-0-9.]+|null|true|false)");
                if (!m.Success)
                {
                    goto default;
                }

                var at = text.IndexOf(m.Value, StringComparison.Ordinal);
                return (Utf8(text[..at] + m.Value + ", " + m.Value + text[(at + m.Length)..]), $"键「{m.Groups[1].Value}」写了两次");
            }

            case 1:
            {
                var depth = random.Next(100, 5000);
                return (Utf8(new string('[', depth) + text + new string(']', depth)), $"嵌套 {depth} 层");
            }

            case 2:
                return (Utf8(Regex.Replace(text, "\"value\"\\s*:\\s*\"[^\"]*\"", _ => random.Next(8) == 0 ? "\"value\": \"79228162514264337593543950335\"" : "\"value\": \"1.5\"")), "金额改为极大值");

            default:
            {
                var nodes = Walk(root).ToList();
                if (nodes.Count == 0)
                {
                    return Bytes(bytes, random);
                }

                var (parent, key) = nodes[random.Next(nodes.Count)];
                JsonNode? replacement = random.Next(8) switch
                {
                    0 => null,
                    1 => JsonValue.Create(-1),
                    2 => JsonValue.Create(new string('x', random.Next(1, 100_000))),
                    3 => new JsonArray(),
                    4 => new JsonObject(),
                    5 => JsonValue.Create(double.MaxValue),
                    6 => JsonValue.Create("２０２４"),
                    _ => JsonValue.Create(true),
                };
                var remove = random.Next(4) == 0;
                switch (parent)
                {
                    case JsonObject o when remove:
                        o.Remove(key.ToString()!);
                        break;
                    case JsonObject o:
                        o[key.ToString()!] = replacement;
                        break;
                    case JsonArray a when remove:
                        a.RemoveAt((int)key);
                        break;
                    case JsonArray a:
                        a[(int)key] = replacement;
                        break;
                }

                return (Utf8(root!.ToJsonString()), $"{(remove ? "删除" : "改写")} {key}");
            }
        }
    }

    private static IEnumerable<(JsonNode Parent, object Key)> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToArray())
                {
                    yield return (o, key);
                    foreach (var inner in Walk(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, i);
                    foreach (var inner in Walk(a[i]))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static (byte[], string) Xlsx(byte[] bytes, Random random)
    {
        try
        {
            using var input = new MemoryStream(bytes);
            using var output = new MemoryStream();
            string note;
            using (var source = new ZipArchive(input, ZipArchiveMode.Read))
            using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                var entries = source.Entries.ToList();
                var victim = entries[random.Next(entries.Count)];
                var action = random.Next(4);
                note = action switch { 0 => $"删除部件 {victim.FullName}", 1 => $"部件 {victim.FullName} 内容损坏", 2 => $"部件 {victim.FullName} 中的数字与引用改动", _ => $"部件 {victim.FullName} 重复" };
                foreach (var entry in entries)
                {
                    if (entry == victim && action == 0)
                    {
                        continue;
                    }

                    using var read = entry.Open();
                    using var buffer = new MemoryStream();
                    read.CopyTo(buffer);
                    var content = buffer.ToArray();
                    if (entry == victim && action == 1)
                    {
                        content = Bytes(content, random).Item1;
                    }
                    else if (entry == victim && action == 2)
                    {
                        var xml = Encoding.UTF8.GetString(content);
                        xml = Regex.Replace(xml, "<v>([0-9.]+)</v>", m => random.Next(3) == 0 ? $"<v>{random.Next(-5, 100_000)}</v>" : m.Value);
                        xml = Regex.Replace(xml, "r=\"([A-Z]+)([0-9]+)\"", m => random.Next(10) == 0 ? $"r=\"{m.Groups[1].Value.ToLowerInvariant()}{m.Groups[2].Value}\"" : m.Value);
                        content = Utf8(xml);
                    }

                    WriteEntry(target, entry.FullName, content);
                    if (entry == victim && action == 3)
                    {
                        WriteEntry(target, entry.FullName, content);
                    }
                }
            }

            return (output.ToArray(), note);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A zip the earlier mutations damaged may fail to open in many ways: the mutation falls back to bytes.
            return Bytes(bytes, random);
        }
    }

    private static void WriteEntry(ZipArchive archive, string name, byte[] content)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(content);
    }

    private static Match? RandomNumber(string text, Random random)
    {
        var numbers = NumberPattern().Matches(text);
        return numbers.Count == 0 ? null : numbers[random.Next(numbers.Count)];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string Escape(string s) => string.Concat(s.Select(c => char.IsControl(c) || c > 0xFFF0 ? $"\\u{(int)c:x4}" : c.ToString(CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?")]
    private static partial Regex NumberPattern();
}
