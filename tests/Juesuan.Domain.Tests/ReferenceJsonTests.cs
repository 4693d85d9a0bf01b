using System.Text.Json;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Scoring;
using Juesuan.Domain.Templates;

namespace Juesuan.Domain.Tests;

/// <summary>
/// The reference data's files are read through source-generated metadata (issue 19); reflected metadata honours every
/// default the types declare, so each embedded file must read the same both ways — a property whose default the
/// generated reader would lose (dotnet/runtime#84484) shows here as a difference.
/// </summary>
public class ReferenceJsonTests
{
    private static readonly JsonSerializerOptions Compare = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Resources()
    {
        var data = new TheoryData<string>();
        foreach (var name in typeof(CatalogText).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Each_embedded_file_reads_alike_with_generated_and_reflected_metadata(string name)
    {
        var type = name switch
        {
            _ when name.StartsWith("Juesuan.Catalogs.", StringComparison.Ordinal) => typeof(Catalog.CatalogFile),
            "Juesuan.Templates.table-definitions.json" => typeof(TemplateSet.DefinitionsFile),
            _ when name.StartsWith("Juesuan.Templates.", StringComparison.Ordinal) => typeof(Template),
            _ when name.StartsWith("Juesuan.Scoring.", StringComparison.Ordinal) => typeof(ScoringRules.RulesFile),
            _ => throw new InvalidOperationException("A resource of no known shape: " + name),
        };

        Assert.Equal(Written(Read(name, type, CatalogText.ReflectedJsonOptions), type), Written(Read(name, type, CatalogText.JsonOptions), type));
    }

    [Fact]
    public void Defaults_of_their_own_survive_a_file_that_leaves_them_out()
    {
        // The generated reader alone, on files naming none of the defaulted properties.
        var section = JsonSerializer.Deserialize<Template>(
            """{"id":"t","name":"T","provinces":[],"tables":[{"definition":"d","titles":["x"]}],"sections":[{"number":"一","title":"概况","key":"overview"}]}""",
            CatalogText.JsonOptions)!;
        Assert.True(section.Sections[0].Required);
        Assert.Equal("万元", section.DefaultUnit);

        using var rules = new MemoryStream("""{"ruleSets":[{"name":"测试","grades":[{"from":90,"name":"优"}]}]}"""u8.ToArray());
        var set = ScoringRules.Load(rules)[0];
        Assert.Equal("custom", set.Id);
        Assert.Empty(set.Provinces);
        Assert.Equal(10m, set.ExecutionWeight);
        Assert.Equal(new TierBands(0.8m, 0.6m), set.Tiers);
        Assert.Empty(set.CategoryWeights);
    }

    [Fact]
    public void No_init_only_property_the_generated_reader_fills_has_a_default_of_its_own()
    {
        // The guard for properties yet to come: every type the reference files are read into, walked from the context's
        // roots; an init-only property whose fresh value is not its type's default would be lost by the generated reader.
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>([typeof(Catalog.CatalogFile), typeof(Template), typeof(TemplateSet.DefinitionsFile), typeof(ScoringRules.RulesFile)]);
        var lost = new List<string>();
        while (pending.TryDequeue(out var type))
        {
            var info = CatalogText.JsonOptions.GetTypeInfo(type);
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var next in info.Properties.Select(p => p.PropertyType).Append(info.ElementType).Append(info.KeyType).OfType<Type>())
            {
                pending.Enqueue(Nullable.GetUnderlyingType(next) ?? next);
            }

            if (info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue; // positional records: a parameter's default is kept by the generated reader
            }

            var fresh = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties().Where(p => p.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) == true))
            {
                var value = property.GetValue(fresh);
                var none = property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null;
                if (!Equals(value, none))
                {
                    lost.Add($"{type.Name}.{property.Name}");
                }
            }
        }

        Assert.True(seen.Count > 8, $"only {seen.Count} types walked");
        Assert.Empty(lost);
    }

    private static object Read(string name, Type type, JsonSerializerOptions options)
    {
        using var stream = typeof(CatalogText).Assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize(stream, type, options)!;
    }

    // Written with the reflected metadata, which writes every property whatever reader filled it.
    private static string Written(object value, Type type) => JsonSerializer.Serialize(value, type, new JsonSerializerOptions(Compare) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() });
}
