namespace Juesuan.Domain.Numbers;

/// <summary>货币单位: the unit an amount is printed in.</summary>
public enum MoneyUnit
{
    /// <summary>元.</summary>
    Yuan,

    /// <summary>万元 (10,000 元).</summary>
    WanYuan,
}

/// <summary>Names and conversions of <see cref="MoneyUnit"/>.</summary>
public static class MoneyUnits
{
    /// <summary>The Chinese name as printed: 元 or 万元.</summary>
    public static string Name(this MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => "元",
        MoneyUnit.WanYuan => "万元",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>Parses 元 / 万元 (also "yuan", "wanyuan"); fails on anything else.</summary>
    public static ParseResult<MoneyUnit> Parse(string? text) => text?.Trim() switch
    {
        "元" or "yuan" or "Yuan" => ParseResult<MoneyUnit>.Ok(MoneyUnit.Yuan),
        "万元" or "wanyuan" or "WanYuan" => ParseResult<MoneyUnit>.Ok(MoneyUnit.WanYuan),
        _ => ParseResult<MoneyUnit>.Fail($"「{text}」不是金额单位（应为 元 或 万元）"),
    };

    /// <summary>How many yuan one of <paramref name="unit"/> is.</summary>
    public static decimal YuanPer(MoneyUnit unit) => unit == MoneyUnit.WanYuan ? 10_000m : 1m;
}

/// <summary>
/// 金额: a money figure as printed — its value, the decimals it was printed with, and its unit (元/万元).
/// Its interval is what the printed figure stands for; conversions keep that interval exact.
/// </summary>
public readonly record struct Amount
{
    /// <summary>Creates an amount.</summary>
    public Amount(decimal value, int decimals, MoneyUnit unit)
    {
        Number = new Printed(value, decimals);
        Unit = unit;
    }

    /// <summary>Creates an amount from a printed number and a unit.</summary>
    public Amount(Printed number, MoneyUnit unit)
    {
        Number = number;
        Unit = unit;
    }

    /// <summary>The printed number.</summary>
    public Printed Number { get; }

    /// <summary>The unit it was printed in.</summary>
    public MoneyUnit Unit { get; }

    /// <summary>The printed value.</summary>
    public decimal Value => Number.Value;

    /// <summary>The printed decimals.</summary>
    public int Decimals => Number.Decimals;

    /// <summary>The interval, in this amount's unit.</summary>
    public Interval Interval => Number.Interval;

    /// <summary>The amount as an estimate in <paramref name="unit"/>: value and interval scaled exactly.</summary>
    public Estimate In(MoneyUnit unit)
    {
        // Every relation of every audit converts its figures: in their own unit without arithmetic (× 1 would change no
        // digit and no scale), else by a factor divided out once.
        if (unit == Unit)
        {
            return new Estimate(Value, Interval);
        }

        var factor = unit == MoneyUnit.WanYuan ? YuanToWan : Factor(Unit, unit);
        return new Estimate(Value * factor, Interval * factor);
    }

    private static readonly decimal YuanToWan = Factor(MoneyUnit.Yuan, MoneyUnit.WanYuan);

    private static decimal Factor(MoneyUnit from, MoneyUnit to) => MoneyUnits.YuanPer(from) / MoneyUnits.YuanPer(to);

    /// <summary>Zero printed with two decimals (a blank cell reads as 0.00).</summary>
    public static Amount Zero(MoneyUnit unit) => new(0m, 2, unit);

    /// <summary>
    /// Converts to another unit without losing information: 1,234.56 元 becomes 0.123456 万元 (decimals + 4),
    /// whose interval is exactly the original one scaled.
    /// </summary>
    public Amount ConvertTo(MoneyUnit unit)
    {
        if (unit == Unit)
        {
            return this;
        }

        return unit == MoneyUnit.WanYuan
            ? new Amount(Value / 10_000m, Math.Min(Decimals + 4, 10), unit)
            : new Amount(Value * 10_000m, Math.Max(Decimals - 4, 0), unit);
    }

    /// <summary>
    /// Parses an amount as printed: "138.68", "1,234.50", "154.78元", "153.78万元". A unit written after the number
    /// wins over <paramref name="defaultUnit"/> (the table's 单位).
    /// </summary>
    public static ParseResult<Amount> Parse(string? text, MoneyUnit defaultUnit)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<Amount>.Fail("空白，不是金额");
        }

        var s = text.Trim();
        var unit = defaultUnit;
        if (s.EndsWith("万元", StringComparison.Ordinal))
        {
            unit = MoneyUnit.WanYuan;
            s = s[..^2];
        }
        else if (s.EndsWith('元'))
        {
            unit = MoneyUnit.Yuan;
            s = s[..^1];
        }

        var number = Printed.Parse(s.Trim());
        return number.Success
            ? ParseResult<Amount>.Ok(new Amount(number.Value, unit))
            : ParseResult<Amount>.Fail($"「{text}」不是金额");
    }

    /// <summary>"138.68万元".</summary>
    public override string ToString() => Number.ToString() + Unit.Name();

    /// <summary>The number as reports print it, with thousands separators, without the unit.</summary>
    public string ToDisplayString() => Number.ToDisplayString();

    /// <summary>Formats the value in the invariant culture with its printed decimals (no unit).</summary>
    public string ToPlainString() => Number.ToString();
}
