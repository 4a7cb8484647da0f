using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Model;
using PodLint.Rules;

namespace PodLint.Tests.Model;

/// <summary>The bound Pod spec of a manifest, as rules see it (through a rule that keeps it).</summary>
internal static class PodSpecs
{
    public static PodSpec Of(string manifest)
    {
        var keeper = new Keeper();
        var result = new PodLinter(new PodLintOptions { AdditionalRules = [keeper] }).LintText(manifest, "pod.yaml");
        return keeper.Spec ?? throw new InvalidOperationException("no Pod spec: " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
    }

    private sealed class Keeper : IPodRule
    {
        private static readonly RuleDescriptor Rule = new("PL5999", "keep-spec", RuleCategory.BestPractice, Severity.Info, "Keeps the spec for a test");

        public PodSpec? Spec { get; private set; }

        public RuleDescriptor Descriptor => Rule;

        public void Analyze(PodContext context) => Spec ??= context.Spec;
    }
}
