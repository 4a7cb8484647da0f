using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Rules;

/// <summary>
/// A Pod and a Deployment that use every common field with valid values (issue 10's acceptance): under every
/// supported Kubernetes version no rule may report an error or a warning. This is what catches a check that fires
/// where the API server would accept the manifest.
/// </summary>
public class EveryCommonFieldTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "PodLint.Tests", "Rules", "EveryCommonField");

    public static IEnumerable<TestCaseData> Cases()
        => from version in PodLinter.SupportedKubernetesVersions
           from file in new[] { "pod.yaml", "deployment.yaml" }
           select new TestCaseData(file, version).SetName($"{file} under {version}");

    [TestCaseSource(nameof(Cases))]
    public void Uses_every_common_field_without_an_error_or_warning(string file, string version)
    {
        var result = new PodLinter(new PodLintOptions { KubernetesVersion = version }).LintText(File.ReadAllText(Path.Combine(Folder, file)), file);
        var findings = result.Diagnostics.Where(d => d.Severity is Severity.Error or Severity.Warning).ToList();
        Assert.That(findings, Is.Empty, string.Join("\n", findings.Select(d => $"{d.Span} {d.RuleId} {d.Path}: {d.Message}")));
        Assert.That(result.Diagnostics.Count(d => d.RuleId == "PL0003"), Is.Zero, "the file holds its object");
    }
}
