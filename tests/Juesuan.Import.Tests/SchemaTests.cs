using System.Reflection;
using System.Text.Json;
using Juesuan.Domain.Model;
using Juesuan.Formats.Json;
using Juesuan.TestSupport;
using NJsonSchema;

namespace Juesuan.Import.Tests;

/// <summary>The published JSON Schema agrees with what the reader accepts and the writer produces.</summary>
public class SchemaTests
{
    private static readonly string SchemaPath = Path.Combine(Paths.RepoRoot, "docs", "formats", "department-year.schema.json");

    private static async Task<JsonSchema> Schema() => await JsonSchema.FromFileAsync(SchemaPath);

    [Fact]
    public async Task The_example_is_valid_against_the_schema()
    {
        var errors = (await Schema()).Validate(await File.ReadAllTextAsync(Paths.Example));
        Assert.True(errors.Count == 0, string.Join("\n", errors.SelectMany(Flatten).Take(20)));
    }

    [Theory]
    [InlineData("\"meetingBudget\": \"1.50万元\"", "\"meetingBudget\": \"1.50\"")]
    [InlineData("\"year\": 2024", "\"year\": 2024, \"colour\": \"red\"")]
    [InlineData("\"kind\": \"headquarters\"", "\"kind\": \"hq\"")]
    public async Task Documents_the_reader_rejects_are_invalid_against_the_schema_too(string find, string replace)
    {
        var json = (await File.ReadAllTextAsync(Paths.Example)).Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEmpty((await Schema()).Validate(json));
        Assert.False(DepartmentYearJson.Read(json).Success);
    }

    public static TheoryData<string, Type> ModelTypes => new()
    {
        { "department", typeof(Department) }, { "orgUnit", typeof(OrgUnit) }, { "table", typeof(StatedTable) }, { "row", typeof(StatedRow) },
        { "cell", typeof(StatedCell) }, { "sourceLocation", typeof(SourceLocation) }, { "narrative", typeof(Narrative) },
        { "section", typeof(NarrativeSection) }, { "claim", typeof(Claim) }, { "factKey", typeof(FactKey) }, { "reference", typeof(ReferenceFigure) },
        { "threePublic", typeof(ThreePublicDetails) }, { "operatingCosts", typeof(OperatingCosts) }, { "procurement", typeof(Procurement) },
        { "assets", typeof(Assets) }, { "staffing", typeof(Staffing) }, { "evaluation", typeof(Evaluation) }, { "funds", typeof(EvaluationFunds) },
        { "task", typeof(EvaluationTask) }, { "indicator", typeof(Indicator) }, { "textPassage", typeof(TextPassage) },
    };

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Every_model_property_is_in_the_schema_and_nothing_else(string definition, Type type)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var schemaProperties = doc.RootElement.GetProperty("definitions").GetProperty(definition).GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var modelProperties = Serialized(type);
        Assert.Equal(modelProperties, schemaProperties);
    }

    [Fact]
    public void The_top_level_of_the_schema_matches_the_department_year()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var schemaProperties = doc.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Where(n => n is not ("$schema" or "schemaVersion")).Order(StringComparer.Ordinal);
        Assert.Equal(Serialized(typeof(DepartmentYear)), schemaProperties);
    }

    private static IEnumerable<string> Flatten(NJsonSchema.Validation.ValidationError error) => error is NJsonSchema.Validation.ChildSchemaValidationError child
        ? child.Errors.SelectMany(e => e.Value).SelectMany(Flatten)
        : [$"{error.Path}: {error.Kind} {error.Property}"];

    // The properties the serializer writes: public, readable, settable (init) instance properties, camelCased.
    private static IEnumerable<string> Serialized(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0)
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
        .Order(StringComparer.Ordinal);
}
