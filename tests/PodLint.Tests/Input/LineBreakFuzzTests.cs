using System.Text;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Reporting;

namespace PodLint.Tests.Input;

/// <summary>
/// Positions on lines that exist, and code frames that agree with them, whatever the line breaks: files that end
/// without a newline, CR, CRLF, and NEL, LS and PS, which YamlDotNet and go-yaml (like YAML 1.1) count as line breaks
/// and YAML 1.2 does not. PodLint counts them as its parser does. Deterministic: fixed seeds, so a failure repeats.
/// </summary>
public class LineBreakFuzzTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: {app: web}
        spec:
          containers:
          - name: app
            image: "nginx:1.27"
            ports:
            - containerPort: 8080
            - containerPort: 8080
            args: [a, 'b', "c"]
          - name: app
            image: busybox
            command: |
              sleep 1
        """;

    private static readonly string[] Breaks = ["\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029"];

    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", "\"", "'", ": ", "- ", "? [a, b]: x", "&a ", "*a", "*b", "\t", "---", "...", "|", ">", "#", "  ", ",", "!!int ",
        "\u2028", "\u2029", "\u0085", "\r", "\n", "%YAML 1.1", "@", "`",
    ];

    /// <summary>The lines of a text as PodLint counts them: every break ends a line; a text that ends without one has a last line all the same.</summary>
    private static int LineCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r' or '\u0085' or '\u2028' or '\u2029')) continue;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            count++;
        }

        return count + (text.Length > 0 && text[^1] is not ('\n' or '\r' or '\u0085' or '\u2028' or '\u2029') ? 1 : 0);
    }

    private static string Mutate(Random random)
    {
        var lineBreak = Breaks[random.Next(Breaks.Length)];
        var sb = new StringBuilder(Pod.Replace("\n", lineBreak, StringComparison.Ordinal));
        if (random.Next(3) > 0) sb.Append(lineBreak);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(sb.Length + 1);
            switch (random.Next(4))
            {
                case 0: sb.Insert(at, Tokens[random.Next(Tokens.Length)]); break;
                case 1 when at < sb.Length: sb.Remove(at, Math.Min(random.Next(1, 6), sb.Length - at)); break;
                case 2: sb.Length = at; break; // cut short: usually no final line break
                default: sb.Insert(at, Breaks[random.Next(Breaks.Length)]); break;
            }
        }

        return sb.ToString();
    }

    public static IEnumerable<TestCaseData> Inputs()
    {
        yield return new TestCaseData("a: 1\u2029---").SetName("PS before a document marker");
        yield return new TestCaseData("a: 1\u2028b: [").SetName("LS then an unclosed flow, no final newline");
        yield return new TestCaseData("apiVersion: v1\u0085kind: Pod\u0085spec: {containers: [{name: a, image: b}, {name: a, image: b}]}").SetName("NEL breaks, no final newline");
        yield return new TestCaseData("a: [1").SetName("an unclosed flow at the end of a file without a newline");
        yield return new TestCaseData("a: \"1").SetName("an unclosed quote at the end of a file without a newline");
        yield return new TestCaseData("a: b\n  c").SetName("a bad indentation on the last line, no newline");
        yield return new TestCaseData("a: b\r").SetName("a file that ends with CR");
        var random = new Random(20261201);
        for (var i = 0; i < 400; i++) yield return new TestCaseData(Mutate(random)).SetName($"fuzzed input {i:D3}");
    }

    [TestCaseSource(nameof(Inputs))]
    public async Task Every_finding_is_on_a_line_that_exists_and_its_frame_shows_that_line(string text)
    {
        var lines = LineCount(text);
        var fromText = new PodLinter().LintText(text, "fuzz.yaml");
        var fromBytes = await new PodLinter().LintStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "fuzz.yaml");
        foreach (var result in new[] { fromText, fromBytes })
        {
            var report = new StringWriter { NewLine = "\n" };
            new TextReporter().Write(result, report);
            foreach (var d in result.Diagnostics)
            {
                var where = $"{Lint.Where(d)} {d.Message} in {lines} lines:\n{Escape(text)}";
                Assert.That(d.Span.StartLine, Is.InRange(1, Math.Max(1, lines)), where);
                Assert.That(d.Span.EndLine, Is.InRange(d.Span.StartLine, Math.Max(1, lines)), where);
                foreach (var r in d.Related) Assert.That(r.Span.StartLine, Is.InRange(1, Math.Max(1, lines)), where);
                if (d.Span.Equals(SourceSpan.StartOfFile(d.File)) && d.RuleId is not (RuleIds.InvalidYaml or RuleIds.DuplicateKey)) continue;
                var shown = result.Sources.TryGetValue(d.File, out var source) ? source.GetLine(d.Span.StartLine) : null;
                Assert.That(shown, Is.Not.Null, "no source line kept for " + where);
                Assert.That(d.Span.StartColumn, Is.InRange(1, shown!.Length + 1), where);
                if (!shown.Any(c => char.IsControl(c) && c != '\t'))
                {
                    var frame = FormattableString.Invariant($"{d.Span.StartLine} | {shown.TrimEnd()}");
                    Assert.That(report.ToString(), Does.Contain(frame), where);
                }
            }
        }
    }

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\u0085", "\\u0085", StringComparison.Ordinal)
        .Replace("\u2028", "\\u2028", StringComparison.Ordinal).Replace("\u2029", "\\u2029", StringComparison.Ordinal);
}
