using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Rules;

/// <summary>Lints a manifest under a given Kubernetes version and returns one rule's findings.</summary>
internal static class MetadataLint
{
    public static List<Diagnostic> Findings(string ruleId, string text, string? version = null)
    {
        var linter = new PodLinter(new PodLintOptions { KubernetesVersion = version });
        return [.. linter.LintText(text, "pod.yaml").Diagnostics.Where(d => d.RuleId == ruleId)];
    }
}
