using System.Globalization;
using System.Text;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Reporting;

/// <summary>
/// The human report, in the rustc / Ruff style: a header with severity, rule id and message; the location;
/// the source line with the offending value underlined; related locations; the field path, help and docs link;
/// and a closing summary line.
/// </summary>
/// <param name="useColor">Whether to emit ANSI colours.</param>
public sealed class TextReporter(bool useColor = false) : IReporter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[1;31m";
    private const string Yellow = "\u001b[1;33m";
    private const string Cyan = "\u001b[1;36m";
    private const string Blue = "\u001b[1;34m";

    /// <inheritdoc />
    public void Write(LintResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var lines = new SourceLines(result);
        foreach (var d in result.Diagnostics)
        {
            WriteDiagnostic(d, lines, writer);
            writer.WriteLine();
        }

        writer.WriteLine(Summary(result));
    }

    private void WriteDiagnostic(Diagnostic d, SourceLines lines, TextWriter w)
    {
        var color = d.Severity switch { Severity.Error => Red, Severity.Warning => Yellow, _ => Cyan };
        var gutterWidth = new[] { d.Span.StartLine }.Concat(d.Related.Select(r => r.Span.StartLine)).Max().ToString(CultureInfo.InvariantCulture).Length;
        var pad = new string(' ', gutterWidth);
        w.WriteLine($"{Paint(color, $"{Label(d.Severity)}[{d.RuleId}]")}{Paint(Bold, ": " + d.Message)}");
        w.WriteLine($"{pad}{Paint(Blue, "-->")} {d.Span}");
        WriteFrame(d.Span, lines, w, gutterWidth, '^', color, null);
        foreach (var r in d.Related)
        {
            w.WriteLine($"{pad}{Paint(Blue, ":::")} {r.Span}");
            WriteFrame(r.Span, lines, w, gutterWidth, '-', Blue, r.Message);
        }

        if (d.Path is not null) w.WriteLine($"{pad} {Paint(Blue, "=")} {Paint(Bold, "path")}: {d.Path}");
        if (d.Object is not null) w.WriteLine($"{pad} {Paint(Blue, "=")} {Paint(Bold, "object")}: {d.Object.Kind} {d.Object}");
        if (d.Help is not null) w.WriteLine($"{pad} {Paint(Blue, "=")} {Paint(Bold, "help")}: {d.Help}");
        w.WriteLine($"{pad} {Paint(Blue, "=")} {Paint(Bold, "see")}: {d.HelpUri} ({d.RuleName})");
    }

    private void WriteFrame(SourceSpan span, SourceLines lines, TextWriter w, int gutterWidth, char mark, string color, string? label)
    {
        var text = lines.Get(span.File, span.StartLine);
        if (text is null) return;
        var pad = new string(' ', gutterWidth);
        var number = span.StartLine.ToString(CultureInfo.InvariantCulture).PadLeft(gutterWidth);
        var start = Math.Clamp(span.StartColumn - 1, 0, text.Length);
        var end = span.EndLine == span.StartLine ? Math.Clamp(span.EndColumn - 1, start, text.Length) : text.Length;
        var width = Math.Max(1, end - start);
        var indent = new StringBuilder(start);
        foreach (var c in text.AsSpan(0, start)) indent.Append(c == '\t' ? '\t' : ' ');
        w.WriteLine($"{pad} {Paint(Blue, "|")}");
        w.WriteLine($"{Paint(Blue, number + " |")} {text.TrimEnd()}");
        var underline = new string(mark, width) + (label is null ? string.Empty : " " + label);
        w.WriteLine($"{pad} {Paint(Blue, "|")} {indent}{Paint(color, underline)}");
    }

    private string Paint(string color, string text) => useColor ? color + text + Reset : text;

    private static string Label(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The closing line: <c>Found 2 errors, 1 warning and 1 info finding in 3 files (2 Pods and 1 Deployment checked).</c></summary>
    public static string Summary(LintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var files = Count(result.FileCount, "file");
        var scope = Scope(result);
        var suppressed = result.Suppressed.IsEmpty ? string.Empty : $"; {Count(result.Suppressed.Length, "finding")} suppressed";
        if (result.Diagnostics.IsEmpty) return $"No problems found in {files} ({scope}{suppressed}).";
        var parts = new List<string>();
        if (result.ErrorCount > 0) parts.Add(Count(result.ErrorCount, "error"));
        if (result.WarningCount > 0) parts.Add(Count(result.WarningCount, "warning"));
        // "info" is not a countable noun: "1 info finding", "3 info findings".
        if (result.InfoCount > 0) parts.Add(Count(result.InfoCount, "info finding"));
        return $"Found {List(parts)} in {files} ({scope}{suppressed}).";
    }

    /// <summary>What was checked and skipped: <c>2 Pods and 1 Job checked; 3 objects of other kinds skipped</c>.</summary>
    private static string Scope(LintResult result)
    {
        var checkedKinds = result.CheckedObjects.Where(k => k.Value > 0)
            .OrderBy(k => k.Key == "Pod" ? 0 : 1).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => Count(k.Value, k.Key)).ToList();
        var scope = (checkedKinds.Count == 0 ? "0 Pods" : List(checkedKinds)) + " checked";
        if (result.SkippedObjectCount > 0)
        {
            scope += result.SkippedObjectCount == 1 ? "; 1 object of another kind skipped" : $"; {Count(result.SkippedObjectCount, "object")} of other kinds skipped";
        }
        if (result.SkippedFileCount > 0) scope += $"; {Count(result.SkippedFileCount, "file")} skipped: not Kubernetes objects";
        var otherDocuments = result.NotKubernetesDocumentCount - result.NotKubernetesDocumentsInSkippedFiles;
        if (otherDocuments > 0) scope += $"; {Count(otherDocuments, "document")} skipped: not Kubernetes objects";
        return scope;
    }

    private static string List(List<string> parts) => parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    private static string Count(int n, string noun)
        => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
