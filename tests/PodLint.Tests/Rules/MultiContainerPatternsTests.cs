using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Rules;

namespace PodLint.Tests.Rules;

/// <summary>
/// The multi-container patterns that are right — the Kubernetes documentation's examples (two containers sharing an
/// emptyDir, streaming sidecars, init containers, native sidecars in a Deployment and a Job) and the adapter, ambassador
/// and injected-proxy patterns teams run — written as our own manifests in <c>MultiContainerPatterns/</c>. Every rule,
/// opt-in ones included, must leave them alone: a multi-container rule that fires here is a false positive.
/// </summary>
public class MultiContainerPatternsTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "PodLint.Tests", "Rules", "MultiContainerPatterns");

    public static IEnumerable<TestCaseData> Patterns()
        => Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName("Pattern(" + Path.GetFileName(f) + ")"));

    [Test]
    public void There_are_patterns() => Assert.That(Patterns().Count(), Is.GreaterThanOrEqualTo(10));

    [TestCaseSource(nameof(Patterns))]
    public async Task Pattern_is_clean_under_every_rule(string file)
    {
        // Every multi-container rule runs, at warning level at least, so that info and opt-in rules count too.
        var levels = RuleRegistry.BuiltInDescriptors
            .Where(d => d.Category == RuleCategory.MultiContainer)
            .ToDictionary(d => d.Id, d => d.DefaultSeverity == Severity.Error ? RuleLevel.Error : RuleLevel.Warning, StringComparer.Ordinal);
        foreach (var version in PodLinter.SupportedKubernetesVersions)
        {
            var linter = new PodLinter(new PodLintOptions { RuleLevels = levels, KubernetesVersion = version });
            var result = await linter.LintFileAsync(Path.Combine(Folder, file));
            var findings = result.Diagnostics.Where(d => d.Severity >= Severity.Warning).ToList();
            Assert.That(findings, Is.Empty, () => $"Kubernetes {version}: " + string.Join("; ", findings.Select(d => $"{d.RuleId} {d.Span.StartLine}:{d.Span.StartColumn} {d.Path} {d.Message}")));
            Assert.That(result.CheckedObjects.Values.Sum(), Is.EqualTo(1), "the pattern is one Pod or one workload");
        }
    }
}
