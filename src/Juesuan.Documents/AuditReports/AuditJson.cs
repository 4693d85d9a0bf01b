using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Juesuan.Audit;

namespace Juesuan.Documents.AuditReports;

/// <summary>
/// The audit as JSON, in the shape scripts rely on:
/// <c>{"document": {...}, "findings": [{"rule", "severity", "message", "location", "expected", "actual", "difference",
/// "figures": [{"value", "location"}]}], "summary": {...}}</c>; figures are printed strings. Extra members
/// ("kind", "table", "likelyWrong", "role") add to that shape without changing it.
/// </summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>One report as a JSON object.</summary>
    public static JsonObject ToNode(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var d = report.Document;
        var s = report.Summary;
        return new JsonObject
        {
            ["document"] = new JsonObject
            {
                ["department"] = d.Department, ["year"] = d.Year, ["template"] = d.Template, ["source"] = d.Source,
                ["kind"] = d.Kind == Domain.Model.DocumentKind.SelfEvaluationReport ? "selfEvaluationReport" : "finalAccounts",
            },
            ["findings"] = new JsonArray(report.Findings.Select(f => (JsonNode)new JsonObject
            {
                ["rule"] = f.Rule,
                ["severity"] = Name(f.Severity),
                ["kind"] = f.Kind switch { FindingKind.Rounding => "rounding", FindingKind.NotChecked => "notChecked", FindingKind.Failed => "failed", _ => "violation" },
                ["message"] = f.Message,
                ["location"] = f.Location,
                ["table"] = f.Table,
                ["expected"] = f.Expected,
                ["actual"] = f.Actual,
                ["difference"] = f.Difference,
                ["likelyWrong"] = f.LikelyWrong,
                ["figures"] = new JsonArray(f.Figures.Select(x => (JsonNode)new JsonObject { ["value"] = x.Value, ["location"] = x.Location, ["role"] = x.Role }).ToArray()),
            }).ToArray()),
            ["summary"] = new JsonObject
            {
                ["errors"] = s.Errors, ["warnings"] = s.Warnings, ["infos"] = s.Infos, ["rounding"] = s.Rounding, ["notChecked"] = s.NotChecked, ["failed"] = s.Failed,
                ["rules"] = s.Rules, ["passed"] = report.Passed,
            },
        };
    }

    /// <summary>One report as JSON text.</summary>
    public static string Render(AuditReport report) => ToNode(report).ToJsonString(Options) + "\n";

    /// <summary>Several reports (a directory audit): {"documents": [...], "summary": {...}}.</summary>
    public static string Render(IReadOnlyList<AuditReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var root = new JsonObject
        {
            ["documents"] = new JsonArray(reports.Select(r => (JsonNode)ToNode(r)).ToArray()),
            ["summary"] = new JsonObject
            {
                ["documents"] = reports.Count,
                ["errors"] = reports.Sum(r => r.Summary.Errors),
                ["warnings"] = reports.Sum(r => r.Summary.Warnings),
                ["passed"] = reports.Count(r => r.Passed),
            },
        };
        return root.ToJsonString(Options) + "\n";
    }

    /// <summary>The severity as written in JSON: error, warning, info.</summary>
    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
