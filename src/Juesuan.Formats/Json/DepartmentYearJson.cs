using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;

namespace Juesuan.Formats.Json;

/// <summary>A problem found while reading a department-year JSON file, located by JSON path.</summary>
/// <param name="Path">JSON path ($.tables[2].rows[5].cells[1].value).</param>
/// <param name="Message">Chinese message.</param>
public sealed record JsonIssue(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// The outcome of reading: the department-year (null when the file was rejected), the errors that rejected it, and
/// warnings about what was kept but looks wrong (unknown codes, unknown columns).
/// </summary>
public sealed record JsonReadResult(DepartmentYear? Value, IReadOnlyList<JsonIssue> Errors, IReadOnlyList<JsonIssue> Warnings)
{
    /// <summary>True when a department-year was read.</summary>
    public bool Success => Value is not null && Errors.Count == 0;
}

/// <summary>
/// Juesuan's own JSON format for a department-year (schema: docs/formats/department-year.schema.json).
/// The top level carries "schemaVersion"; amounts are strings with their unit ("138.68万元"), printed numbers are
/// strings with their printed decimals ("45.09"), so nothing about precision is lost. Unknown members are errors:
/// a misspelt field must not be silently dropped.
/// </summary>
public static class DepartmentYearJson
{
    /// <summary>The schema version this build writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The schema file name, referenced by "$schema".</summary>
    public const string SchemaId = "https://juesuan.example/schema/department-year.v1.json";

    /// <summary>The serializer options of the format.</summary>
    public static JsonSerializerOptions Options { get; } = Reflected();

    // Writing goes through source-generated metadata, compiled ahead of time with the rest of the code: the reflection
    // metadata of Options costs a short-lived process ≈ 0.1 s of JIT compilation (issue 19). Reading keeps Options,
    // because generated metadata loses an init-only property's default when a file leaves the property out
    // (dotnet/runtime#84484). DepartmentYearJsonTests proves both write the same text.
    private static readonly JsonSerializerOptions WriteOptions = CreateOptions(DepartmentYearJsonContext.Default);

    /// <summary>
    /// Builds the metadata of reading (<paramref name="reading"/>) or of writing ahead of use — a short-lived process's
    /// warm-up on another core; reading's reflected metadata is the costly one.
    /// </summary>
    public static void Prepare(bool reading) => _ = (reading ? Options : WriteOptions).GetTypeInfo(typeof(DepartmentYear));

    /// <summary>Reads a department-year from a file.</summary>
    public static JsonReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return InputFile.ReadText(path, out var error, out _, report: false) is { } text ? Read(text) : Fail("$", error!);
    }

    /// <summary>Reads a department-year from the bytes of an input named <paramref name="name"/>.</summary>
    public static JsonReadResult Read(byte[] content, string name, TemplateSet? templates = null) =>
        InputFile.DecodeText(content, name, out var error, out _, report: false) is { } text ? Read(text, templates) : Fail("$", error!);

    /// <summary>Reads a department-year from JSON text.</summary>
    public static JsonReadResult Read(string json) => Read(json, null);

    /// <summary>Reads a department-year from JSON text, its template id checked against <paramref name="templates"/> (the embedded ones when none are given).</summary>
    public static JsonReadResult Read(string json, TemplateSet? templates)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            // A key written twice is refused, wherever it is: which of the two was meant cannot be known.
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"（第 {line + 1} 行，第 {e.BytePositionInLine + 1} 字节）" : string.Empty;
            return Fail(e.Path ?? "$", $"不是合法的 JSON{where}：{Syntax(e.Message)}");
        }

        if (root is not JsonObject obj)
        {
            return Fail("$", "顶层应为对象（一个部门年度）");
        }

        if (!obj.TryGetPropertyValue("schemaVersion", out var versionNode) || versionNode is not JsonValue versionValue || !versionValue.TryGetValue<int>(out var version))
        {
            return Fail("$.schemaVersion", "缺少整数字段 schemaVersion");
        }

        if (version != SchemaVersion)
        {
            return Fail("$.schemaVersion", $"不支持的格式版本 {version}（本程序读写版本 {SchemaVersion}）");
        }

        if (NullElement(obj, "$") is { } nullPath)
        {
            return Fail(nullPath, "列表中有空元素（null）：每个元素都应是一个对象或值");
        }

        obj.Remove("schemaVersion");
        obj.Remove("$schema");
        DepartmentYear? value;
        try
        {
            value = obj.Deserialize(Metadata(Options));
        }
        catch (JsonException e)
        {
            return Fail(e.Path ?? "$", Explain(e));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return Fail("$", e.Message);
        }

        if (value is null)
        {
            return Fail("$", "内容为空");
        }

        var (errors, warnings) = JsonValidation.Validate(value, templates ?? TemplateSet.Embedded);
        return new JsonReadResult(errors.Count == 0 ? value : null, errors, warnings);
    }

    /// <summary>Writes a department-year as indented JSON with "$schema" and "schemaVersion" first.</summary>
    public static string Write(DepartmentYear year) => Write(year, WriteOptions);

    private static string Write(DepartmentYear year, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(year);
        var node = JsonSerializer.SerializeToNode(year, Metadata(options))!.AsObject();
        var ordered = new JsonObject
        {
            ["$schema"] = SchemaId,
            ["schemaVersion"] = SchemaVersion,
        };
        foreach (var (key, value) in node.ToArray())
        {
            node.Remove(key);
            ordered[key] = value;
        }

        return ordered.ToJsonString(options) + "\n";
    }

    private static JsonReadResult Fail(string path, string message) => new(null, [new JsonIssue(path, message)], []);

    // The path of the first null inside a list: no list of a department-year holds one.
    private static string? NullElement(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null)
                    {
                        return $"{path}[{i}]";
                    }

                    if (NullElement(array[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (NullElement(value, $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                break;
        }

        return null;
    }

    private static string Explain(JsonException e)
    {
        var message = e.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "未知字段（格式中没有这个字段；为免丢失数据，拒绝读取）";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var idx = message.IndexOf("including the following:", StringComparison.Ordinal);
            return "缺少必填字段：" + (idx >= 0 ? message[(idx + "including the following:".Length)..].Trim().TrimEnd('.') : message);
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "值的类型不对：" + FirstSentence(message);
        }

        return FirstSentence(message);
    }

    // The parser's reason in Chinese: the user should not meet the library's English.
    private static string Syntax(string message) => message switch
    {
        _ when System.Text.RegularExpressions.Regex.Match(message, "Duplicate property '([^']*)'") is { Success: true } m => $"键「{m.Groups[1].Value}」在同一对象中出现两次",
        _ when message.Contains("maximum configured depth", StringComparison.Ordinal) => "嵌套层数过多",
        _ when message.Contains("is an invalid start of a value", StringComparison.Ordinal) || message.Contains("is invalid after a value", StringComparison.Ordinal)
            || message.Contains("invalid within a JSON string", StringComparison.Ordinal) || message.Contains("is invalid after a property name", StringComparison.Ordinal) => "此处的字符不合 JSON 语法",
        _ when message.Contains("end of the JSON", StringComparison.Ordinal) || message.Contains("Expected depth to be zero", StringComparison.Ordinal) || message.Contains("incomplete", StringComparison.Ordinal) => "内容不完整（可能被截断）",
        _ when message.Contains("Invalid", StringComparison.OrdinalIgnoreCase) && message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) => "含有不合 UTF-8 编码的字节",
        _ => "语法错误",
    };

    private static string FirstSentence(string message)
    {
        var idx = message.IndexOf(" Path:", StringComparison.Ordinal);
        return idx > 0 ? message[..idx] : message;
    }

    // Only data is written: computed properties (a table's HasNoData, a year's Key and Template) have no setter and are
    // left out. Empty lists and maps carry no information; leaving them out keeps files readable. Reading restores them.
    private static void DataPropertiesOnly(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace?.StartsWith("Juesuan.Domain.Model", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var computed in typeInfo.Properties.Where(p => p.Set is null).ToArray())
        {
            typeInfo.Properties.Remove(computed);
        }

        foreach (var property in typeInfo.Properties)
        {
            // A cell's column key is read as the template's own instance of it (ColumnKeyConverter).
            if (typeInfo.Type == typeof(StatedCell) && property.Name == "column")
            {
                property.CustomConverter = ColumnKeyConverter.Instance;
            }

            // A flag that is false says nothing: it is written only when set.
            if (property.PropertyType == typeof(bool))
            {
                property.ShouldSerialize = (_, value) => value is true;
            }

            if (property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = (_, value) => value is not System.Collections.ICollection { Count: 0 };
            }
        }
    }

    /// <summary>The text <see cref="Write(DepartmentYear)"/> gives when the metadata is reflected instead of generated (for the test that they agree).</summary>
    internal static string WriteReflected(DepartmentYear year) => Write(year, Options);

    private static JsonStringEnumConverter<T> ByName<T>()
        where T : struct, Enum => new(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

    private static JsonTypeInfo<DepartmentYear> Metadata(JsonSerializerOptions options) => (JsonTypeInfo<DepartmentYear>)options.GetTypeInfo(typeof(DepartmentYear));

    // Reflected metadata is safe in the installed `juesuan`, compiled ahead of time (Native AOT) and trimmed: its
    // publish profile keeps every member of the model's assemblies (TrimmerRootAssembly), the generated context of writing
    // (DepartmentYearJsonContext) makes the compiler build the serializer's code for every value type of the model, which
    // reflection alone could not have it build — keep it — and the test of the published build reads and writes the
    // example and every sample through it against this build.
    private const string Rooted = "The model's assemblies are rooted in the trimmed build; PublishedBuildTests compare its reading with the JIT's.";

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Rooted)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = Rooted)]
    private static JsonSerializerOptions Reflected() => CreateOptions(new DefaultJsonTypeInfoResolver());

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Rooted)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The factory makes a converter for an enum the typed ones before it do not name; the model's enums are all named.")]
    private static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver metadata)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            WriteIndented = true,
            IndentSize = 2,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            RespectNullableAnnotations = true,
            TypeInfoResolver = metadata.WithAddedModifier(DataPropertiesOnly),
        };
        options.Converters.Add(new PrintedConverter());
        options.Converters.Add(new AmountConverter());
        options.Converters.Add(new MoneyUnitConverter());

        // The model's enums by name, each converter typed so that it is compiled ahead of time; the factory after them
        // names any other.
        options.Converters.Add(ByName<OrgUnitKind>());
        options.Converters.Add(ByName<DocumentKind>());
        options.Converters.Add(ByName<Direction>());
        options.Converters.Add(ByName<ExplanationTopic>());
        options.Converters.Add(ByName<EvaluationKind>());
        options.Converters.Add(ByName<LabelKind>());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Generated metadata of the department-year for writing (see DepartmentYearJson's write options).</summary>
[JsonSerializable(typeof(DepartmentYear))]
internal sealed partial class DepartmentYearJsonContext : JsonSerializerContext;
