namespace Juesuan.Domain.Codes;

/// <summary>支出功能分类的级次: 类 (3 digits), 款 (5), 项 (7).</summary>
public enum FunctionLevel
{
    /// <summary>类.</summary>
    Class = 1,

    /// <summary>款.</summary>
    Section = 2,

    /// <summary>项.</summary>
    Item = 3,
}

/// <summary>
/// 支出功能分类科目编码（类/款/项）. Hierarchical by length: "210" → "21015" → "2101501".
/// Parsing accepts the spaced forms reports print ("210 15 01", "210　15　01").
/// </summary>
public readonly record struct FunctionCode
{
    private FunctionCode(string value) => Value = value;

    /// <summary>The code as 3, 5 or 7 digits without separators.</summary>
    public string Value { get; }

    /// <summary>类, 款 or 项, by length.</summary>
    public FunctionLevel Level => Value.Length switch
    {
        3 => FunctionLevel.Class,
        5 => FunctionLevel.Section,
        _ => FunctionLevel.Item,
    };

    /// <summary>The enclosing code (款 of a 项, 类 of a 款), or null for a 类.</summary>
    public FunctionCode? Parent => Level == FunctionLevel.Class ? null : new FunctionCode(Value[..(Value.Length - 2)]);

    /// <summary>The 类 this code belongs to.</summary>
    public FunctionCode ClassCode => new(Value[..3]);

    /// <summary>True when <paramref name="other"/> lies below this code (strictly).</summary>
    public bool IsAncestorOf(FunctionCode other) => other.Value.Length > Value.Length && other.Value.StartsWith(Value, StringComparison.Ordinal);

    /// <summary>True when this code is the direct parent of <paramref name="other"/>.</summary>
    public bool IsParentOf(FunctionCode other) => other.Value.Length == Value.Length + 2 && IsAncestorOf(other);

    /// <summary>Parses a functional code; spaces inside are removed; must be 3, 5 or 7 digits starting with 2.</summary>
    public static ParseResult<FunctionCode> Parse(string? text)
    {
        var digits = CodeText.Compact(text);
        if (digits is null || digits.Length is not (3 or 5 or 7) || digits[0] != '2')
        {
            return ParseResult<FunctionCode>.Fail($"「{text}」不是支出功能分类科目编码（应为以 2 开头的 3、5 或 7 位数字）");
        }

        return ParseResult<FunctionCode>.Ok(new FunctionCode(digits));
    }

    /// <summary>Parses or throws; for literals in code and tests.</summary>
    public static FunctionCode Of(string text) => Parse(text) is { Success: true } r ? r.Value : throw new ArgumentException(Parse(text).Error, nameof(text));

    /// <summary>True when the text is a valid functional code.</summary>
    public static bool IsValid(string? text) => Parse(text).Success;

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// 部门预算支出经济分类科目编码（类/款）: "301" → "30101". Parsing accepts "301 01".
/// </summary>
public readonly record struct EconomicCode
{
    private EconomicCode(string value) => Value = value;

    /// <summary>3 digits (类) or 5 digits (款).</summary>
    public string Value { get; }

    /// <summary>True for a 类 (3 digits).</summary>
    public bool IsClass => Value.Length == 3;

    /// <summary>The 类 of a 款, or null for a 类.</summary>
    public EconomicCode? Parent => IsClass ? null : new EconomicCode(Value[..3]);

    /// <summary>The 类 this code belongs to.</summary>
    public EconomicCode ClassCode => new(Value[..3]);

    /// <summary>Parses an economic code; must be 3 or 5 digits starting with 3.</summary>
    public static ParseResult<EconomicCode> Parse(string? text)
    {
        var digits = CodeText.Compact(text);
        if (digits is null || digits.Length is not (3 or 5) || digits[0] != '3')
        {
            return ParseResult<EconomicCode>.Fail($"「{text}」不是经济分类科目编码（应为以 3 开头的 3 或 5 位数字）");
        }

        return ParseResult<EconomicCode>.Ok(new EconomicCode(digits));
    }

    /// <summary>Parses or throws; for literals in code and tests.</summary>
    public static EconomicCode Of(string text) => Parse(text) is { Success: true } r ? r.Value : throw new ArgumentException(Parse(text).Error, nameof(text));

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Normalisation shared by the code parsers.</summary>
internal static class CodeText
{
    /// <summary>Removes spaces (ASCII, full-width, tabs) and maps full-width digits; null when anything but digits remains.</summary>
    public static string? Compact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A code as printed most often: itself, without a copy.
        if (Numbers.Digits.Only(text))
        {
            return text;
        }

        var normalized = Numbers.Printed.NormalizeDigits(text);
        var chars = new char[normalized.Length];
        var length = 0;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return null;
            }

            chars[length++] = c;
        }

        return length > 0 ? new string(chars, 0, length) : null;
    }
}
