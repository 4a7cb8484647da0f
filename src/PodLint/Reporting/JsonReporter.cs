using System.Text.Encodings.Web;
using System.Text.Json;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Reporting;

/// <summary>
/// The machine report: a versioned envelope (<c>schemaVersion</c>, <c>tool</c>, <c>summary</c>, <c>diagnostics</c>)
/// described by <c>schemas/podlint-report.schema.json</c>. Fields are never renamed within a schema version.
/// </summary>
/// <param name="tool">The tool named in the report.</param>
public sealed class JsonReporter(ToolInfo? tool = null) : IReporter
{
    /// <summary>The version of the envelope's shape.</summary>
    public const int SchemaVersion = 1;

    private readonly ToolInfo _tool = tool ?? ToolInfo.Default;

    /// <inheritdoc />
    public void Write(LintResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        // Written as it is produced, finding by finding: the report is never held whole in memory.
        using var stream = new TextWriterStream(writer);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", _tool.Name);
            json.WriteString("version", _tool.Version);
            json.WriteEndObject();
            json.WriteStartObject("summary");
            json.WriteNumber("files", result.FileCount);
            json.WriteNumber("documents", result.DocumentCount);
            json.WriteNumber("pods", result.PodCount);
            json.WriteStartObject("objects");
            foreach (var (kind, n) in result.CheckedObjects) json.WriteNumber(kind, n);
            json.WriteEndObject();
            json.WriteStartObject("skippedObjects");
            foreach (var (kind, n) in result.SkippedObjects) json.WriteNumber(kind, n);
            json.WriteEndObject();
            json.WriteNumber("skippedDocuments", result.NotKubernetesDocumentCount);
            json.WriteNumber("skippedFiles", result.SkippedFileCount);
            json.WriteNumber("errors", result.ErrorCount);
            json.WriteNumber("warnings", result.WarningCount);
            json.WriteNumber("infos", result.InfoCount);
            json.WriteNumber("suppressed", result.Suppressed.Length);
            json.WriteEndObject();
            json.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics)
            {
                WriteDiagnostic(json, d);
                if (json.BytesPending > 16 * 1024) json.Flush();
            }
            json.WriteEndArray();
            json.WriteStartArray("suppressed");
            foreach (var d in result.Suppressed) WriteDiagnostic(json, d);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.RuleId);
        json.WriteString("name", d.RuleName);
        json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        json.WriteString("message", d.Message);
        WriteNullable(json, "messageId", d.MessageId);
        json.WriteStartObject("arguments");
        foreach (var a in d.Arguments) json.WriteString(a.Name, a.Value);
        json.WriteEndObject();
        WriteLocation(json, d.Span);
        if (d.Path is null) json.WriteNull("path");
        else json.WriteString("path", d.Path);
        WriteNullable(json, "errorType", d.ErrorType?.ToString());
        if (d.Object is null)
        {
            json.WriteNull("object");
        }
        else
        {
            json.WriteStartObject("object");
            json.WriteString("kind", d.Object.Kind);
            WriteNullable(json, "namespace", d.Object.Namespace);
            WriteNullable(json, "name", d.Object.Name);
            json.WriteEndObject();
        }

        WriteNullable(json, "help", d.Help);
        json.WriteString("helpUri", d.HelpUri.ToString());
        json.WriteStartArray("related");
        foreach (var r in d.Related)
        {
            json.WriteStartObject();
            json.WriteString("message", r.Message);
            WriteLocation(json, r.Span);
            WriteNullable(json, "path", r.Path);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (d.SuppressedBy is { } suppression)
        {
            json.WriteStartObject("suppression");
            json.WriteString("kind", SuppressionKindName(suppression.Kind));
            WriteNullable(json, "justification", suppression.Justification);
            WriteLocation(json, suppression.Span);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The report's name of a suppression form: <c>annotation</c>, <c>container-annotation</c>, <c>disable-line</c> …</summary>
    private static string SuppressionKindName(SuppressionKind kind) => kind switch
    {
        SuppressionKind.ObjectAnnotation => "annotation",
        SuppressionKind.ContainerAnnotation => "container-annotation",
        SuppressionKind.LineComment => "disable-line",
        SuppressionKind.NextLineComment => "disable-next-line",
        _ => "disable-file",
    };

    private static void WriteLocation(Utf8JsonWriter json, SourceSpan span)
    {
        json.WriteString("file", span.File);
        json.WriteStartObject("start");
        json.WriteNumber("line", span.StartLine);
        json.WriteNumber("column", span.StartColumn);
        json.WriteEndObject();
        json.WriteStartObject("end");
        json.WriteNumber("line", span.EndLine);
        json.WriteNumber("column", span.EndColumn);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
