using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

/// <summary>Lints a Pod spec at a Kubernetes version and returns one rule's findings.</summary>
internal static class ContainerChecks
{
    public static List<Diagnostic> Lint(string ruleId, string spec, string? version = null)
        => RuleAssert.Findings(ruleId, "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + spec, version);
}
