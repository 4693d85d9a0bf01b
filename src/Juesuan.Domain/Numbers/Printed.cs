using System.Globalization;

namespace Juesuan.Domain.Numbers;

/// <summary>
/// A number as it was printed: its value and the number of decimals it was printed with (印刷精度).
/// "45.09" and "45.090" are different printed numbers: the second claims a narrower interval.
/// </summary>
public readonly record struct Printed
{
    // What a printed number may hold once its digits are ASCII and its thousands separators gone.
    private static readonly System.Buffers.SearchValues<char> NumberCharacters = System.Buffers.SearchValues.Create("0123456789.-+");

    /// <summary>Creates a printed number; <paramref name="decimals"/> is 0–10.</summary>
    public Printed(decimal value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        Value = value;
        Decimals = decimals;
    }

    /// <summary>The printed value.</summary>
    public decimal Value { get; }

    /// <summary>How many decimals were printed.</summary>
    public int Decimals { get; }

    /// <summary>The interval of true values this printed number stands for.</summary>
    public Interval Interval => Interval.AroundPrinted(Value, Decimals);

    /// <summary>The printed number as an exact estimate carrying its rounding interval.</summary>
    public Estimate ToEstimate() => new(Value, Interval);

    /// <summary>Rounds an exact value for printing with <paramref name="decimals"/> decimals (half up).</summary>
    public static Printed Round(decimal exact, int decimals) => new(Rounding.HalfUp(exact, decimals), decimals);

    /// <summary>
    /// Parses a number as printed in a report: optional sign, thousands separators (",", "，"), full-width digits,
    /// a trailing "%" is not accepted here (percentages are parsed by the caller that knows the unit).
    /// </summary>
    public static ParseResult<Printed> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<Printed>.Fail("空白，不是数字");
        }

        var s = NormalizeDigits(text.Trim()).Replace(",", string.Empty, StringComparison.Ordinal);
        if (s.Length == 0 || s.AsSpan().Count('.') > 1 || s.AsSpan().ContainsAnyExcept(NumberCharacters))
        {
            return ParseResult<Printed>.Fail($"「{text}」不是数字");
        }

        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return ParseResult<Printed>.Fail($"「{text}」不是数字");
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : s.Length - dot - 1;
        if (decimals > 10)
        {
            return ParseResult<Printed>.Fail($"「{text}」的小数位超过 10 位");
        }

        return ParseResult<Printed>.Ok(new Printed(value, decimals));
    }

    /// <summary>
    /// A whole number as printed (a count, a year, a table number), or null when it is not one or too large for an
    /// int: regular expressions' \d also matches full-width and other Unicode digits, which int.Parse refuses.
    /// </summary>
    public static int? Integer(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var ascii = NormalizeDigits(text.Trim());
        return ascii.Length > 0 && Digits.Only(ascii) && int.TryParse(ascii, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>
    /// As <see cref="Integer(string?)"/>, of a part of a text (a year in a match): ASCII digits are read where they are,
    /// anything else as the text it is.
    /// </summary>
    public static int? Integer(ReadOnlySpan<char> text) =>
        text.Length > 0 && !text.ContainsAnyExceptInRange('0', '9')
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null
            : Integer(text.ToString());

    private static readonly System.Buffers.SearchValues<char> FullWidthSigns = System.Buffers.SearchValues.Create("．，－−＋");

    /// <summary>Maps full-width digits and signs to ASCII (０-９ → 0-9, ． → ., ，→ ,, － and − → -, ＋ → +).</summary>
    public static string NormalizeDigits(string text)
    {
        // Most text has nothing to map: it is returned as it is, not copied.
        if (!text.AsSpan().ContainsAnyInRange('０', '９') && text.AsSpan().IndexOfAny(FullWidthSigns) < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            chars[i] = c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '，' => ',',
                '－' or '−' => '-',
                '＋' => '+',
                _ => c,
            };
        }

        return new string(chars);
    }

    /// <summary>The value formatted with exactly its printed decimals, invariant culture, no separators ("1234.50").</summary>
    public override string ToString() => Value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The value with its printed decimals and thousands separators, as reports print it ("1,234.50").</summary>
    public string ToDisplayString() => Value.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
