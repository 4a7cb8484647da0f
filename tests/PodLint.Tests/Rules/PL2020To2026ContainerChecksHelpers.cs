using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Rules;

/// <summary>Lints a Pod spec at a Kubernetes version and returns one rule's findings.</summary>
internal static class ContainerChecks
{
    public static List<Diagnostic> Lint(string ruleId, string spec, string? version = null)
    {
        var options = version is null ? new PodLintOptions() : new PodLintOptions { KubernetesVersion = version };
        var text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + spec;
        return [.. new PodLinter(options).LintText(text, "pod.yaml").Diagnostics.Where(d => d.RuleId == ruleId)];
    }
}
