using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Juesuan.Domain.Numbers;

namespace Juesuan.Formats.Json;

/// <summary>A printed number is written as a string with its printed decimals ("138.60"); read from a string or a number token.</summary>
internal sealed class PrintedConverter : JsonConverter<Printed>
{
    public override Printed Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
            _ => throw new JsonException($"应为数字或数字字符串，实际为 {reader.TokenType}"),
        };
        var parsed = Printed.Parse(text);
        return parsed.Success ? parsed.Value : throw new JsonException(parsed.Error);
    }

    public override void Write(Utf8JsonWriter writer, Printed value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

/// <summary>An amount is written with its unit: "138.68万元", "154.78元" — so that a 元/万元 slip stays visible.</summary>
internal sealed class AmountConverter : JsonConverter<Amount>
{
    public override Amount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("金额应写成带单位的字符串，如 \"138.68万元\"");
        }

        var text = reader.GetString()!;
        if (!text.TrimEnd().EndsWith('元'))
        {
            throw new JsonException($"金额「{text}」缺少单位（应以 元 或 万元 结尾）");
        }

        var parsed = Amount.Parse(text, MoneyUnit.WanYuan);
        return parsed.Success ? parsed.Value : throw new JsonException(parsed.Error);
    }

    public override void Write(Utf8JsonWriter writer, Amount value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

/// <summary>A money unit is written as 元 or 万元.</summary>
internal sealed class MoneyUnitConverter : JsonConverter<MoneyUnit>
{
    public override MoneyUnit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parsed = MoneyUnits.Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
        return parsed.Success ? parsed.Value : throw new JsonException(parsed.Error);
    }

    public override void Write(Utf8JsonWriter writer, MoneyUnit value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name());
}

/// <summary>
/// A cell's column key (<see cref="Juesuan.Domain.Model.StatedCell.Column"/>) read as the embedded templates' own
/// instance of it, without making a string: the audit's lookups by column then find a match by reference, and reading
/// makes no string for the two thousand cells of a report. Any other key is read as any string is.
/// </summary>
internal sealed class ColumnKeyConverter : JsonConverter<string>
{
    public static readonly ColumnKeyConverter Instance = new();

    // The embedded templates' column keys (interned as they load, see ColumnDefinition.Key), looked up by characters.
    private static readonly Lazy<FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>> Keys = new(() =>
        Juesuan.Domain.Templates.TemplateSet.Embedded.Definitions.Values.SelectMany(d => d.Columns).Select(c => c.Key).Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(k => k, k => k, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>());

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A key is a few ASCII letters; anything else (or not a string, which GetString refuses as it always did) is read
        // as it is.
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length <= 64)
        {
            Span<char> chars = stackalloc char[64];
            if (System.Text.Encoding.UTF8.TryGetChars(reader.ValueSpan, chars, out var length) && Keys.Value.TryGetValue(chars[..length], out var key))
            {
                return key;
            }
        }

        return reader.GetString();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
