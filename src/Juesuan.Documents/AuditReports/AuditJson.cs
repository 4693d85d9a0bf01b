using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Juesuan.Audit;

namespace Juesuan.Documents.AuditReports;

/// <summary>
/// The audit as JSON, a versioned contract (<c>"schema": 2</c>; JSON Schema in docs/formats/audit-report.schema.json):
/// <c>{"schema": 2, "document": {...}, "findings": [...], "summary": {...}}</c>, or for a directory
/// <c>{"schema": 2, "documents": [...], "summary": {...}}</c>. A finding keeps the members of schema 1 ("rule",
/// "severity", "kind", "message", "location", "table", "expected", "actual", "difference", "likelyWrong", "figures" with
/// "value", "location", "role") and adds "template" and "arguments" (the message before it was filled in), "numbers"
/// (actual, expected and its interval, difference and gap as numbers) and, for each figure, "where": its location as data
/// — document, page, line, table, row, column, section, sentence, span and, for PDF inputs, the word boxes.
/// </summary>
public static class AuditJson
{
    /// <summary>The version of the JSON shape; scripts check it before reading.</summary>
    public const int Schema = 2;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    // What a document of a directory's "documents" array is indented by, beyond its own lines: two levels of two.
    private static readonly byte[] DocumentIndent = "\n    "u8.ToArray();

    /// <summary>One report as JSON text.</summary>
    public static string Render(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema", Schema);
            WriteMembers(writer, report);
            writer.WriteEndObject();
        }

        return Text(buffer);
    }

    /// <summary>
    /// Several reports (a directory audit): {"documents": [...], "summary": {...}}. Each document is written on its own,
    /// on every core, and laid into the array as written.
    /// </summary>
    public static string Render(IReadOnlyList<AuditReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var documents = new byte[reports.Count][];
        Parallel.For(0, reports.Count, i => documents[i] = Nested(reports[i]));
        var buffer = new ArrayBufferWriter<byte>(documents.Sum(d => d.Length) + 256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema", Schema);
            writer.WriteStartArray("documents");
            foreach (var document in documents)
            {
                writer.WriteRawValue(document, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("summary");
            writer.WriteNumber("documents", reports.Count);
            writer.WriteNumber("errors", reports.Sum(r => r.Summary.Errors));
            writer.WriteNumber("warnings", reports.Sum(r => r.Summary.Warnings));
            writer.WriteNumber("passed", reports.Count(r => r.Passed));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Text(buffer);
    }

    // A report as an element of "documents": written alone, then each of its lines, and the line it starts, indented by
    // two levels. A raw value is laid in as it is (the writer adds the comma alone), and no line break can be inside a
    // JSON string, where the writer escapes it.
    private static byte[] Nested(AuditReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteMembers(writer, report);
            writer.WriteEndObject();
        }

        var written = buffer.WrittenSpan;
        var breaks = written.Count((byte)'\n');
        var nested = new byte[written.Length - breaks + ((breaks + 1) * DocumentIndent.Length)];
        var at = 0;
        foreach (var line in written.Split((byte)'\n'))
        {
            DocumentIndent.CopyTo(nested, at);
            at += DocumentIndent.Length;
            written[line].CopyTo(nested.AsSpan(at));
            at += line.End.Value - line.Start.Value;
        }

        return nested;
    }

    private static string Text(ArrayBufferWriter<byte> buffer) => string.Create(Encoding.UTF8.GetCharCount(buffer.WrittenSpan) + 1, buffer, static (chars, b) =>
    {
        Encoding.UTF8.GetChars(b.WrittenSpan, chars);
        chars[^1] = '\n';
    });

    // A report's members: "document", "findings", "summary".
    private static void WriteMembers(Utf8JsonWriter writer, AuditReport report)
    {
        var d = report.Document;
        writer.WriteStartObject("document");
        writer.WriteString("department", d.Department);
        writer.WriteNumber("year", d.Year);
        writer.WriteString("template", d.Template);
        writer.WriteString("source", d.Source);
        writer.WriteString("kind", d.Kind switch
        {
            Domain.Model.DocumentKind.SelfEvaluationReport => "selfEvaluationReport",
            Domain.Model.DocumentKind.UnitFinalAccounts => "unitFinalAccounts",
            _ => "finalAccounts",
        });
        writer.WriteEndObject();
        writer.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(writer, finding);
        }

        writer.WriteEndArray();
        var s = report.Summary;
        writer.WriteStartObject("summary");
        writer.WriteNumber("errors", s.Errors);
        writer.WriteNumber("warnings", s.Warnings);
        writer.WriteNumber("infos", s.Infos);
        writer.WriteNumber("rounding", s.Rounding);
        writer.WriteNumber("notChecked", s.NotChecked);
        writer.WriteNumber("failed", s.Failed);
        writer.WriteNumber("rules", s.Rules);
        writer.WriteBoolean("passed", report.Passed);
        writer.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter writer, Finding f)
    {
        writer.WriteStartObject();
        writer.WriteString("rule", f.Rule);
        writer.WriteString("severity", Name(f.Severity));
        writer.WriteString("kind", f.Kind switch { FindingKind.Rounding => "rounding", FindingKind.NotChecked => "notChecked", FindingKind.Failed => "failed", _ => "violation" });
        writer.WriteString("message", f.Message);
        writer.WriteString("template", f.Template);
        writer.WriteStartObject("arguments");
        foreach (var (name, value) in f.Arguments)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WriteString("location", f.Location);
        writer.WriteString("table", f.Table);
        writer.WriteString("expected", f.Expected);
        writer.WriteString("actual", f.Actual);
        writer.WriteString("difference", f.Difference);
        if (f.Numbers is { } n)
        {
            writer.WriteStartObject("numbers");
            writer.WriteString("unit", n.Unit);
            Number(writer, "actual", n.Actual);
            Number(writer, "expected", n.Expected);
            Number(writer, "expectedLow", n.ExpectedLow);
            Number(writer, "expectedHigh", n.ExpectedHigh);
            Number(writer, "difference", n.Difference);
            Number(writer, "gap", n.Gap);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("numbers");
        }

        writer.WriteString("likelyWrong", f.LikelyWrong);
        writer.WriteStartArray("figures");
        foreach (var x in f.Figures)
        {
            writer.WriteStartObject();
            writer.WriteString("value", x.Value);
            writer.WriteString("location", x.Location);
            writer.WriteString("role", x.Role);
            if (x.Where is { } w)
            {
                writer.WritePropertyName("where");
                WriteWhere(writer, w);
            }
            else
            {
                writer.WriteNull("where");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    // A figure's "where": only the members it has, then its word boxes (none but for a PDF).
    private static void WriteWhere(Utf8JsonWriter writer, FigureLocation w)
    {
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                writer.WriteString(name, value);
            }
        }

        void AddNumber(string name, int? value)
        {
            if (value is { } v)
            {
                writer.WriteNumber(name, v);
            }
        }

        writer.WriteStartObject();
        Add("document", w.Document);
        if (w.PriorReport)
        {
            writer.WriteBoolean("priorReport", true);
        }

        AddNumber("page", w.Page);
        AddNumber("line", w.Line);
        Add("table", w.Table);
        Add("tableName", w.TableName);
        Add("rowCode", w.RowCode);
        Add("rowLabel", w.RowLabel);
        Add("column", w.Column);
        Add("columnName", w.ColumnName);
        Add("section", w.Section);
        Add("sentence", w.Sentence);
        if (w.SpanStart is { } start)
        {
            writer.WriteStartObject("span");
            writer.WriteNumber("start", start);
            if (w.SpanLength is { } length)
            {
                writer.WriteNumber("length", length);
            }
            else
            {
                writer.WriteNull("length");
            }

            writer.WriteEndObject();
        }

        writer.WriteStartArray("boxes");
        foreach (var b in w.Boxes)
        {
            writer.WriteStartObject();
            writer.WriteNumber("page", b.Page);
            writer.WriteNumber("left", Math.Round(b.Left, 2));
            writer.WriteNumber("bottom", Math.Round(b.Bottom, 2));
            writer.WriteNumber("right", Math.Round(b.Right, 2));
            writer.WriteNumber("top", Math.Round(b.Top, 2));
            writer.WriteNumber("pageWidth", Math.Round(b.PageWidth, 2));
            writer.WriteNumber("pageHeight", Math.Round(b.PageHeight, 2));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The severity as written in JSON: error, warning, info.</summary>
    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
