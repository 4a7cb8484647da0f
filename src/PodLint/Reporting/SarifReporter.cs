using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Rules;

namespace PodLint.Reporting;

/// <summary>
/// SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run with the metadata of the rules that
/// fired, each finding with its exact region (columns in UTF-16 code units, as declared by the run's
/// <c>columnKind</c>), its related locations and a fingerprint; suppressed findings with their <c>suppressions</c>.
/// Files under the base folder are relative to <c>%SRCROOT%</c> (<c>originalUriBaseIds</c>).
/// </summary>
/// <remarks>
/// <para><c>partialFingerprints["podlint/v1"]</c> identifies a finding across runs without line numbers, so that it
/// survives unrelated edits above it: the first 32 hex digits of the SHA-256 of the rule id, the file's relative URI,
/// the object (kind, namespace, name), the field path and the message id (the message itself when the finding has no
/// field path), then <c>:</c> and the occurrence number of that hash in the run (1, 2 …), as GitHub numbers its own
/// line hashes. GitHub's <c>upload-sarif</c> action adds its own <c>primaryLocationLineHash</c>.</para>
/// <para>The report is written as it is produced, finding by finding, never held whole in memory. An instance writes
/// one report at a time (it is not thread-safe).</para>
/// </remarks>
/// <param name="tool">The tool named in the report.</param>
/// <param name="baseDirectory">The folder that <c>%SRCROOT%</c> names and file URIs are relative to (default: the current directory).</param>
/// <param name="exitCode">The exit code of the run, recorded in <c>invocations[0].exitCode</c> when given.</param>
public sealed class SarifReporter(ToolInfo? tool = null, string? baseDirectory = null, int? exitCode = null) : IReporter
{
    /// <summary>The key of PodLint's fingerprint in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "podlint/v1";

    private const string SrcRoot = "%SRCROOT%";
    private const string InformationUri = "https://github.com/podlint/podlint";
    private const int MaxDescription = 1024;

    private readonly ToolInfo _tool = tool ?? ToolInfo.Default;
    private readonly ReportPaths _paths = new(baseDirectory);

    /// <summary>The URI of each file, computed once per file rather than once per location.</summary>
    private readonly Dictionary<string, (string Uri, bool IsRelative)> _uris = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Write(LintResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        _uris.Clear();
        using var stream = new TextWriterStream(writer);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var rules = RulesOf(result);
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SrcRoot);
            json.WriteString("uri", _paths.BaseUri);
            json.WriteEndObject();
            json.WriteEndObject();
            WriteInvocation(json, result);
            json.WriteStartArray("results");
            var occurrences = new Dictionary<UInt128, int>();
            foreach (var d in InReportOrder(result.Diagnostics, result.Suppressed))
            {
                WriteResult(json, d, rules, occurrences);
                if (json.BytesPending > 16 * 1024) json.Flush();
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine();
    }

    /// <summary>The rules that fired (reported or suppressed), in id order, with their index in <c>rules</c>.</summary>
    private static SortedDictionary<string, (RuleDescriptor Rule, int Index)> RulesOf(LintResult result)
    {
        var byId = new SortedDictionary<string, (RuleDescriptor, int)>(StringComparer.Ordinal);
        foreach (var d in result.Diagnostics) byId.TryAdd(d.RuleId, (d.Rule, 0));
        foreach (var d in result.Suppressed) byId.TryAdd(d.RuleId, (d.Rule, 0));
        var index = 0;
        foreach (var id in byId.Keys.ToList()) byId[id] = (byId[id].Item1, index++);
        return byId;
    }

    /// <summary>Reported and suppressed findings merged in report order (both lists are sorted).</summary>
    private static IEnumerable<Diagnostic> InReportOrder(IReadOnlyList<Diagnostic> reported, IReadOnlyList<Diagnostic> suppressed)
    {
        int i = 0, j = 0;
        while (i < reported.Count || j < suppressed.Count)
        {
            if (j >= suppressed.Count || (i < reported.Count && Diagnostic.Compare(reported[i], suppressed[j]) <= 0)) yield return reported[i++];
            else yield return suppressed[j++];
        }
    }

    private void WriteTool(Utf8JsonWriter json, SortedDictionary<string, (RuleDescriptor Rule, int Index)> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", _tool.Name);
        json.WriteString("semanticVersion", _tool.Version);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var (rule, _) in rules.Values) WriteRule(json, rule);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule)
    {
        RuleDocumentation.TryGetPage(rule.Id, out var page);
        var full = page is null ? rule.Summary : FullDescription(page) ?? rule.Summary;
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", Truncate(rule.Summary));
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", Truncate(full));
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", full + "\n\nDocumentation: " + rule.HelpUri);
        if (page is not null) json.WriteString("markdown", page);
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpUri.ToString());
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("kubernetes");
        json.WriteStringValue(RuleCategories.GetName(rule.Category));
        json.WriteEndArray();
        json.WriteString("problem.severity", rule.DefaultSeverity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "recommendation",
        });
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteInvocation(Utf8JsonWriter json, LintResult result)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        var failed = exitCode is { } code ? code > 1 : result.Diagnostics.Any(d => d.RuleId == RuleIds.InternalError);
        json.WriteBoolean("executionSuccessful", !failed);
        if (exitCode is { } exit) json.WriteNumber("exitCode", exit);
        json.WriteStartObject("workingDirectory");
        json.WriteString("uri", _paths.BaseUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private void WriteResult(Utf8JsonWriter json, Diagnostic d, SortedDictionary<string, (RuleDescriptor Rule, int Index)> rules, Dictionary<UInt128, int> occurrences)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.RuleId);
        json.WriteNumber("ruleIndex", rules[d.RuleId].Index);
        json.WriteString("level", Level(d.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", d.Help is null ? d.Message : d.Message + "\nhelp: " + d.Help);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, d.Span);
        if (d.Path is not null || d.Object is not null)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            var name = d.Object is null ? d.Path! : d.Path is null ? $"{d.Object.Kind} {d.Object}" : $"{d.Object.Kind} {d.Object}: {d.Path}";
            json.WriteString("fullyQualifiedName", name);
            json.WriteString("kind", d.Path is null ? "object" : "member");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        if (!d.Related.IsEmpty)
        {
            json.WriteStartArray("relatedLocations");
            var id = 1;
            foreach (var r in d.Related)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                json.WriteStartObject("message");
                json.WriteString("text", r.Message);
                json.WriteEndObject();
                WritePhysicalLocation(json, r.Span);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, Fingerprint(d, occurrences));
        json.WriteEndObject();
        if (d.SuppressedBy is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "inSource");
            json.WriteString("status", "accepted");
            if (!string.IsNullOrEmpty(suppression.Justification)) json.WriteString("justification", suppression.Justification);
            json.WriteStartObject("location");
            WritePhysicalLocation(json, suppression.Span);
            json.WriteEndObject();

            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (d.ErrorType is { } errorType)
        {
            // The API server's verdict at the finding's path (SARIF's property bag: tools' own data).
            json.WriteStartObject("properties");
            json.WriteString("errorType", errorType.ToString());
            if (d.Path is not null) json.WriteString("path", d.Path);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private void WritePhysicalLocation(Utf8JsonWriter json, SourceSpan span)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, relative) = UriOf(span.File);
        json.WriteString("uri", uri);
        if (relative) json.WriteString("uriBaseId", SrcRoot);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", span.StartLine);
        json.WriteNumber("startColumn", span.StartColumn);
        json.WriteNumber("endLine", span.EndLine);
        // SARIF's endColumn is exclusive, as the span's (a point, such as the end of a truncated file, is an empty region).
        json.WriteNumber("endColumn", span.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private (string Uri, bool IsRelative) UriOf(string file)
    {
        if (!_uris.TryGetValue(file, out var uri))
        {
            uri = _paths.ToUri(file);
            _uris[file] = uri;
        }

        return uri;
    }

    private string Fingerprint(Diagnostic d, Dictionary<UInt128, int> occurrences)
    {
        var key = string.Join('\0', d.RuleId, UriOf(d.File).Uri, d.Object?.Kind, d.Object?.Namespace, d.Object?.Name,
            d.Path ?? string.Empty, d.Path is null ? d.Message : d.MessageId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var value = new UInt128(BitConverter.ToUInt64(hash[..8]), BitConverter.ToUInt64(hash[8..16]));
        var n = occurrences.TryGetValue(value, out var seen) ? seen + 1 : 1;
        occurrences[value] = n;
        return Convert.ToHexStringLower(hash[..16]) + ":" + n.ToString(CultureInfo.InvariantCulture);
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>The first paragraph of the page's "What it does" section, on one line.</summary>
    internal static string? FullDescription(string page)
    {
        var lines = page.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("## What it does", StringComparison.Ordinal));
        if (start < 0) return null;
        var paragraph = lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'));
        var text = string.Join(' ', paragraph.Select(l => l.Trim()));
        return text.Length == 0 ? null : text;
    }

    private static string Truncate(string text)
    {
        if (text.Length <= MaxDescription) return text;
        var cut = text.LastIndexOf(' ', MaxDescription - 2);
        return text[..(cut > 0 ? cut : MaxDescription - 1)] + "…";
    }
}
