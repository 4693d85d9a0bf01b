using System.Buffers;
using System.Runtime.ExceptionServices;
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

    // A directory's documents are written on several threads from this many on; fewer are written in turn.
    private const int WrittenInParallelFrom = 8;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static readonly JsonWriterOptions WriterOptions = Options(Environment.NewLine);

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
    /// Several reports (a directory audit): {"documents": [...], "summary": {...}}. Many reports are written on several
    /// threads at once.
    /// </summary>
    public static string Render(IReadOnlyList<AuditReport> reports) => Render(reports, WriterOptions);

    /// <summary>Several reports with lines ended by <paramref name="newLine"/> (tests: "\r\n" as on Windows).</summary>
    internal static string Render(IReadOnlyList<AuditReport> reports, string newLine) => Render(reports, Options(newLine));

    private static JsonWriterOptions Options(string newLine) => new() { Indented = true, Encoder = Encoder, NewLine = newLine };

    private static string Render(IReadOnlyList<AuditReport> reports, JsonWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(reports);
        foreach (var report in reports)
        {
            ArgumentNullException.ThrowIfNull(report, nameof(reports));
        }

        // Each document is written on its own and laid into the array as written.
        var documents = new byte[reports.Count][];
        var threads = new ParallelOptions { MaxDegreeOfParallelism = reports.Count >= WrittenInParallelFrom ? -1 : 1 };
        try
        {
            Parallel.For(0, reports.Count, threads, i => documents[i] = Nested(reports[i], options));
        }
        catch (AggregateException e)
        {
            // What one document's writing threw, as writing them in turn would have thrown it.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        // Room for the documents, their commas, and the rest with the writer's margin for each value.
        var buffer = new ArrayBufferWriter<byte>(documents.Sum(d => d.Length) + reports.Count + 1024);
        using (var writer = new Utf8JsonWriter(buffer, options))
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

    // A report as an element of "documents": written alone, then laid two levels deeper. A raw value is laid in as it is
    // (the writer adds only the comma), so the element starts its own line, and every line after a line feed is
    // indented. A line feed (0x0A) is never inside a JSON string, which escapes it, nor inside a character's UTF-8 bytes
    // (0x80 and above); a "\r\n" line end keeps its "\r" where it was.
    private static byte[] Nested(AuditReport report, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            WriteMembers(writer, report);
            writer.WriteEndObject();
        }

        var indent = 2 * options.IndentSize;
        var lineEnd = Encoding.UTF8.GetBytes(options.NewLine);
        var written = buffer.WrittenSpan;
        var breaks = written.Count((byte)'\n');
        var nested = new byte[lineEnd.Length + indent + written.Length + (breaks * indent)];
        var at = 0;
        foreach (var line in written.Split((byte)'\n'))
        {
            if (at == 0)
            {
                lineEnd.CopyTo(nested, 0);
                at = lineEnd.Length;
            }
            else
            {
                nested[at++] = (byte)'\n';
            }

            nested.AsSpan(at, indent).Fill((byte)options.IndentCharacter);
            at += indent;
            written[line].CopyTo(nested.AsSpan(at));
            at += written[line].Length;
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
            NumberOrNull(writer, "actual", n.Actual);
            NumberOrNull(writer, "expected", n.Expected);
            NumberOrNull(writer, "expectedLow", n.ExpectedLow);
            NumberOrNull(writer, "expectedHigh", n.ExpectedHigh);
            NumberOrNull(writer, "difference", n.Difference);
            NumberOrNull(writer, "gap", n.Gap);
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

    private static void NumberOrNull(Utf8JsonWriter writer, string name, decimal? value)
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
        void AddIfAny(string name, string? value)
        {
            if (value is not null)
            {
                writer.WriteString(name, value);
            }
        }

        void AddNumberIfAny(string name, int? value)
        {
            if (value is { } v)
            {
                writer.WriteNumber(name, v);
            }
        }

        writer.WriteStartObject();
        AddIfAny("document", w.Document);
        if (w.PriorReport)
        {
            writer.WriteBoolean("priorReport", true);
        }

        AddNumberIfAny("page", w.Page);
        AddNumberIfAny("line", w.Line);
        AddIfAny("table", w.Table);
        AddIfAny("tableName", w.TableName);
        AddIfAny("rowCode", w.RowCode);
        AddIfAny("rowLabel", w.RowLabel);
        AddIfAny("column", w.Column);
        AddIfAny("columnName", w.ColumnName);
        AddIfAny("section", w.Section);
        AddIfAny("sentence", w.Sentence);
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
