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
