using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Rules;

internal static class RuleAssert
{
    /// <summary>Lints the markup and asserts that the findings of <paramref name="ruleId"/> are exactly the marked spans.</summary>
    public static IReadOnlyList<Diagnostic> Spans(string ruleId, string markup)
    {
        var (text, expected) = Markup.Parse(markup);
        var result = new PodLinter().LintText(text, "pod.yaml");
        var actual = result.Diagnostics.Where(d => d.RuleId == ruleId).ToList();
        Assert.That(actual.Select(d => (d.RuleId, d.Span)), Is.EquivalentTo(expected),
            "findings: " + string.Join("; ", result.Diagnostics.Select(d => $"{d.RuleId} {d.Span} {d.Message}")));
        return actual;
    }

    /// <summary>Lints a manifest under a Kubernetes version (null: the newest) and returns one rule's findings.</summary>
    public static List<Diagnostic> Findings(string ruleId, string text, string? version = null)
    {
        var linter = new PodLinter(new PodLintOptions { KubernetesVersion = version });
        return [.. linter.LintText(text, "pod.yaml").Diagnostics.Where(d => d.RuleId == ruleId)];
    }

    /// <summary>Lints a Pod named <c>p</c> whose <c>spec</c> is <paramref name="spec"/> (lines indented by two spaces) at a
    /// Kubernetes version (null: the newest) and returns one rule's findings.</summary>
    public static List<Diagnostic> FindingsInSpec(string ruleId, string spec, string? version = null)
        => Findings(ruleId, "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + spec, version);

    /// <summary>A Pod named <c>web</c> with one container, and <paramref name="metadata"/> (indented lines) under its
    /// <c>metadata</c>.</summary>
    public static string PodWithMetadata(string metadata) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        {{metadata}}
        spec:
          containers:
            - {name: app, image: nginx:1.27}
        """;

    /// <summary>A Pod named <c>web</c> with one container <c>app</c>, and <paramref name="spec"/> (lines indented by two
    /// spaces, or empty) under its <c>spec</c>, before <c>containers</c>.</summary>
    public static string PodWithSpec(string spec) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
        {{spec}}
          containers:
            - {name: app, image: nginx:1.27}
        """;

    /// <summary>Asserts the text lints with no finding at all.</summary>
    public static void Clean(string text)
    {
        var result = new PodLinter().LintText(text, "pod.yaml");
        Assert.That(result.Diagnostics, Is.Empty, string.Join("; ", result.Diagnostics.Select(d => $"{d.RuleId} {d.Span} {d.Message}")));
    }
}
