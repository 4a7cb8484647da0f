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

    /// <summary>Asserts the text lints with no finding at all.</summary>
    public static void Clean(string text)
    {
        var result = new PodLinter().LintText(text, "pod.yaml");
        Assert.That(result.Diagnostics, Is.Empty, string.Join("; ", result.Diagnostics.Select(d => $"{d.RuleId} {d.Span} {d.Message}")));
    }
}
