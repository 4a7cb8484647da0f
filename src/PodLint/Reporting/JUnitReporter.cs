using System.Globalization;
using System.Text;
using System.Xml;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Reporting;

/// <summary>
/// JUnit XML as Jenkins, GitLab and Azure DevOps read it: one <c>testsuite</c> per file with findings, one
/// <c>testcase</c> per object and rule that fired in it (<c>PL3001 duplicate-container-port: Pod shop/web</c>;
/// findings outside any object, such as YAML syntax errors, are grouped per rule for the file). A test case fails when
/// one of its findings is at or above the failure threshold (<c>--fail-on</c>, errors by default); its other findings
/// are listed in its <c>system-out</c>, so warnings show without failing the build. A run without findings is one
/// passing test case, so that a CI never sees an empty report.
/// </summary>
/// <param name="failAt">The lowest severity that fails a test case; null: none fails (<c>--fail-on never</c>).</param>
/// <param name="baseDirectory">The folder file names are made relative to (default: the current directory).</param>
/// <param name="maxWarnings">The most warnings the run allows (<c>--max-warnings</c>); more add a failing test case
/// <c>max-warnings</c>, so that the CI's test summary shows why the job failed.</param>
public sealed class JUnitReporter(Severity? failAt = Severity.Error, string? baseDirectory = null, int? maxWarnings = null) : IReporter
{
    private readonly ReportPaths _paths = new(baseDirectory);

    /// <inheritdoc />
    public void Write(LintResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var files = FileRanges(result.Diagnostics);
        var cases = 0;
        var failures = 0;
        foreach (var (start, end) in files)
        {
            foreach (var group in Cases(result.Diagnostics, start, end))
            {
                cases++;
                if (Fails(group)) failures++;
            }
        }

        var tooManyWarnings = maxWarnings is { } max && result.WarningCount > max;
        if (tooManyWarnings)
        {
            cases++;
            failures++;
        }

        using var xml = XmlWriter.Create(writer, new XmlWriterSettings
        {
            Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true, CheckCharacters = false, CloseOutput = false,
        });
        // The declaration by hand: XmlWriter would name the writer's encoding (UTF-16 for a StringWriter), and reports are UTF-8.
        writer.WriteLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "podlint");
        xml.WriteAttributeString("tests", Number(Math.Max(cases, 1)));
        xml.WriteAttributeString("failures", Number(failures));
        xml.WriteAttributeString("errors", "0");
        if (files.Count == 0) WriteRunCase(xml, "no problems found", failure: null, output: TextReporter.Summary(result));
        if (tooManyWarnings)
        {
            WriteRunCase(xml, "max-warnings", output: null, failure: string.Create(CultureInfo.InvariantCulture,
                $"{result.WarningCount} {(result.WarningCount == 1 ? "warning" : "warnings")}, more than the {maxWarnings} that --max-warnings allows"));
        }

        foreach (var (start, end) in files)
        {
            var file = _paths.Display(result.Diagnostics[start].File);
            var groups = Cases(result.Diagnostics, start, end);
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Clean(file));
            xml.WriteAttributeString("tests", Number(groups.Count));
            xml.WriteAttributeString("failures", Number(groups.Count(Fails)));
            xml.WriteAttributeString("errors", "0");
            foreach (var group in groups) WriteCase(xml, file, group);
            xml.WriteEndElement();
            xml.Flush();
        }

        xml.WriteEndElement();
        xml.Flush();
        writer.WriteLine();
    }

    /// <summary>A test case about the whole run, in a suite of its own named <c>podlint</c>.</summary>
    private static void WriteRunCase(XmlWriter xml, string name, string? failure, string? output)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "podlint");
        xml.WriteAttributeString("tests", "1");
        xml.WriteAttributeString("failures", failure is null ? "0" : "1");
        xml.WriteAttributeString("errors", "0");
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", "podlint");
        xml.WriteAttributeString("name", name);
        if (failure is not null)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(failure));
            xml.WriteString(Clean(failure));
            xml.WriteEndElement();
        }

        if (output is not null) xml.WriteElementString("system-out", Clean(output));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void WriteCase(XmlWriter xml, string file, List<Diagnostic> group)
    {
        var first = group[0];
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Clean(file));
        var scope = first.Object is null ? "file" : $"{first.Object.Kind} {first.Object}";
        xml.WriteAttributeString("name", Clean($"{first.RuleId} {first.RuleName}: {scope}"));
        var failing = group.Where(d => failAt is { } at && d.Severity >= at).ToList();
        if (failing.Count > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(failing[0].Message));
            xml.WriteAttributeString("type", first.RuleId);
            xml.WriteString(Clean(Details(failing)));
            xml.WriteEndElement();
        }

        var others = group.Where(d => !failing.Contains(d)).ToList();
        if (others.Count > 0) xml.WriteElementString("system-out", Clean(Details(others)));
        xml.WriteEndElement();
    }

    private bool Fails(List<Diagnostic> group) => failAt is { } at && group.Exists(d => d.Severity >= at);

    /// <summary>Each finding on its own lines: where, severity, message, help and the rule's page.</summary>
    private string Details(List<Diagnostic> findings)
    {
        var b = new StringBuilder();
        foreach (var d in findings)
        {
            b.Append(CultureInfo.InvariantCulture, $"{_paths.Display(d.File)}:{d.Span.StartLine}:{d.Span.StartColumn}: {SeverityNames.Of(d.Severity)}[{d.RuleId}] {d.Message}\n");
            if (d.Path is not null) b.Append("  path: ").Append(d.Path).Append('\n');
            if (d.Help is not null) b.Append("  help: ").Append(d.Help).Append('\n');
            b.Append("  see: ").Append(d.HelpUri).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>The findings' index ranges, one per file (the findings are sorted by file).</summary>
    private static List<(int Start, int End)> FileRanges(IReadOnlyList<Diagnostic> diagnostics)
    {
        var ranges = new List<(int, int)>();
        var start = 0;
        for (var i = 1; i <= diagnostics.Count; i++)
        {
            if (i == diagnostics.Count || !string.Equals(diagnostics[i].File, diagnostics[start].File, StringComparison.Ordinal))
            {
                ranges.Add((start, i));
                start = i;
            }
        }

        return diagnostics.Count == 0 ? [] : ranges;
    }

    /// <summary>The test cases of one file: its findings grouped by object and rule, in order of first finding.</summary>
    private static List<List<Diagnostic>> Cases(IReadOnlyList<Diagnostic> diagnostics, int start, int end)
    {
        var groups = new Dictionary<(ObjectRef?, string), List<Diagnostic>>();
        var order = new List<List<Diagnostic>>();
        for (var i = start; i < end; i++)
        {
            var d = diagnostics[i];
            var key = (d.Object, d.RuleId);
            if (!groups.TryGetValue(key, out var group))
            {
                group = [];
                groups[key] = group;
                order.Add(group);
            }

            group.Add(d);
        }

        return order;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Replaces the characters XML 1.0 cannot hold (control characters, lone surrogates) with U+FFFD.</summary>
    private static string Clean(string text)
    {
        StringBuilder? b = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xFFFD && !char.IsSurrogate(c))
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (ok && b is null) continue;
            b ??= new StringBuilder(text, 0, i, text.Length);
            b.Append(ok ? c : '\uFFFD');
        }

        return b?.ToString() ?? text;
    }
}
