using System.Text;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Input;

/// <summary>Runs the public API and renders findings compactly, so that one assertion shows every finding on failure.</summary>
internal static class Lint
{
    public const string File = "pod.yaml";

    public static LintResult Text(string text, PodLintOptions? options = null) => new PodLinter(options).LintText(text, File);

    public static Task<LintResult> BytesAsync(byte[] bytes, string name = File)
        => new PodLinter().LintStreamAsync(new MemoryStream(bytes, writable: false), name);

    /// <summary><c>PL0001 3:5-3:9 spec.containers[0].name</c>: rule, span and path.</summary>
    public static string Where(Diagnostic d)
        => FormattableString.Invariant($"{d.RuleId} {d.Span.StartLine}:{d.Span.StartColumn}-{d.Span.EndLine}:{d.Span.EndColumn}{(d.Path is null ? "" : " " + d.Path)}");

    /// <summary><c>3:5-3:9</c>.</summary>
    public static string Where(SourceSpan s) => FormattableString.Invariant($"{s.StartLine}:{s.StartColumn}-{s.EndLine}:{s.EndColumn}");

    public static string[] Where(LintResult result) => [.. result.Diagnostics.Select(Where)];

    /// <summary>The findings of one rule.</summary>
    public static Diagnostic[] Of(this LintResult result, string ruleId) => [.. result.Diagnostics.Where(d => d.RuleId == ruleId)];

    /// <summary>The only finding of one rule.</summary>
    public static Diagnostic Single(this LintResult result, string ruleId)
    {
        var found = result.Of(ruleId);
        Assert.That(found, Has.Length.EqualTo(1), () => $"one {ruleId} expected; all findings:\n{Dump(result)}");
        return found[0];
    }

    public static string Dump(LintResult result)
    {
        var sb = new StringBuilder();
        foreach (var d in result.Diagnostics) sb.Append(Where(d)).Append(": ").AppendLine(d.Message);
        return sb.ToString();
    }

    /// <summary>A small valid Pod (no findings), as lines.</summary>
    public static string Pod(string name, string container = "app", string image = "nginx:1.27.3") =>
        $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
        spec:
          containers:
            - name: {container}
              image: {image}

        """;
}
