using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Juesuan.Audit;
using Juesuan.Documents.AuditReports;

namespace Juesuan.Documents.Tests;

/// <summary>
/// The audit's JSON as it was written through a JSON DOM until the writer (<see cref="AuditReports.AuditJson"/>) replaced
/// it: kept as the oracle the writer's every byte is compared with.
/// </summary>
internal static class AuditJsonDom
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>One report as a JSON object (without the "schema" member a whole file starts with).</summary>
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
                ["kind"] = d.Kind switch
                {
                    Domain.Model.DocumentKind.SelfEvaluationReport => "selfEvaluationReport",
                    Domain.Model.DocumentKind.UnitFinalAccounts => "unitFinalAccounts",
                    _ => "finalAccounts",
                },
            },
            ["findings"] = new JsonArray(report.Findings.Select(f => (JsonNode)Finding(f)).ToArray()),
            ["summary"] = new JsonObject
            {
                ["errors"] = s.Errors, ["warnings"] = s.Warnings, ["infos"] = s.Infos, ["rounding"] = s.Rounding, ["notChecked"] = s.NotChecked, ["failed"] = s.Failed,
                ["rules"] = s.Rules, ["passed"] = report.Passed,
            },
        };
    }

    private static JsonObject Finding(Finding f)
    {
        var node = new JsonObject
        {
            ["rule"] = f.Rule,
            ["severity"] = AuditJson.Name(f.Severity),
            ["kind"] = f.Kind switch { FindingKind.Rounding => "rounding", FindingKind.NotChecked => "notChecked", FindingKind.Failed => "failed", _ => "violation" },
            ["message"] = f.Message,
            ["template"] = f.Template,
            ["arguments"] = new JsonObject(f.Arguments.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
            ["location"] = f.Location,
            ["table"] = f.Table,
            ["expected"] = f.Expected,
            ["actual"] = f.Actual,
            ["difference"] = f.Difference,
            ["numbers"] = f.Numbers is { } n ? new JsonObject
            {
                ["unit"] = n.Unit, ["actual"] = n.Actual, ["expected"] = n.Expected, ["expectedLow"] = n.ExpectedLow, ["expectedHigh"] = n.ExpectedHigh,
                ["difference"] = n.Difference, ["gap"] = n.Gap,
            } : null,
            ["likelyWrong"] = f.LikelyWrong,
            ["figures"] = new JsonArray(f.Figures.Select(x => (JsonNode)new JsonObject
            {
                ["value"] = x.Value, ["location"] = x.Location, ["role"] = x.Role, ["where"] = x.Where is { } w ? Where(w) : null,
            }).ToArray()),
        };
        return node;
    }

    private static JsonObject Where(FigureLocation w)
    {
        var node = new JsonObject();
        void Add(string name, JsonNode? value)
        {
            if (value is not null)
            {
                node[name] = value;
            }
        }

        Add("document", w.Document);
        Add("priorReport", w.PriorReport ? true : null);
        Add("page", w.Page);
        Add("line", w.Line);
        Add("table", w.Table);
        Add("tableName", w.TableName);
        Add("rowCode", w.RowCode);
        Add("rowLabel", w.RowLabel);
        Add("column", w.Column);
        Add("columnName", w.ColumnName);
        Add("section", w.Section);
        Add("sentence", w.Sentence);
        Add("span", w.SpanStart is { } start ? new JsonObject { ["start"] = start, ["length"] = w.SpanLength } : null);
        node["boxes"] = new JsonArray(w.Boxes.Select(b => (JsonNode)new JsonObject
        {
            ["page"] = b.Page, ["left"] = Math.Round(b.Left, 2), ["bottom"] = Math.Round(b.Bottom, 2), ["right"] = Math.Round(b.Right, 2), ["top"] = Math.Round(b.Top, 2),
            ["pageWidth"] = Math.Round(b.PageWidth, 2), ["pageHeight"] = Math.Round(b.PageHeight, 2),
        }).ToArray());
        return node;
    }

    /// <summary>One report as JSON text.</summary>
    public static string Render(AuditReport report)
    {
        var root = new JsonObject { ["schema"] = AuditJson.Schema };
        foreach (var (name, value) in ToNode(report).ToArray())
        {
            root[name] = value?.DeepClone();
        }

        return root.ToJsonString(Options) + "\n";
    }

    /// <summary>Several reports (a directory audit): {"documents": [...], "summary": {...}}.</summary>
    public static string Render(IReadOnlyList<AuditReport> reports) => Render(reports, Options);

    /// <summary>Several reports, lines ended by <paramref name="newLine"/>.</summary>
    public static string Render(IReadOnlyList<AuditReport> reports, string newLine) => Render(reports, new JsonSerializerOptions(Options) { NewLine = newLine });

    private static string Render(IReadOnlyList<AuditReport> reports, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var root = new JsonObject
        {
            ["schema"] = AuditJson.Schema,
            ["documents"] = new JsonArray(reports.Select(r => (JsonNode)ToNode(r)).ToArray()),
            ["summary"] = new JsonObject
            {
                ["documents"] = reports.Count,
                ["errors"] = reports.Sum(r => r.Summary.Errors),
                ["warnings"] = reports.Sum(r => r.Summary.Warnings),
                ["passed"] = reports.Count(r => r.Passed),
            },
        };
        return root.ToJsonString(options) + "\n";
    }
}
