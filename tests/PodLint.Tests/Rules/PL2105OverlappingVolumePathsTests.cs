using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2105OverlappingVolumePathsTests
{
    private static List<Diagnostic> Lint(string volumes)
        => RuleAssert.Findings("PL2105", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: app, image: nginx}\n  volumes:\n" + volumes);

    [Test]
    public void Config_map_message_and_place()
    {
        var d = Lint("    - {name: c, configMap: {name: app, items: [{key: a, path: conf}, {key: b, path: conf/b}]}}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].configMap.items[1].path"));
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.Message, Is.EqualTo("volume `c` (ConfigMap `app`): overlapping paths: `conf/b` with `conf`"));
        }
    }

    [TestCase("a", "ab", 1)]
    [TestCase("a/", "a", 1)]
    [TestCase("a/b", "a/c", 0)]
    [TestCase("b", "a", 0)]
    public void Paths_overlap_as_string_prefixes(string first, string second, int findings)
        => Assert.That(Lint($"    - {{name: s, secret: {{secretName: s, items: [{{key: a, path: \"{first}\"}}, {{key: b, path: \"{second}\"}}]}}}}\n"), Has.Count.EqualTo(findings));

    [Test]
    public void Projected_sources_are_compared_with_the_earlier_ones()
    {
        var d = Lint("    - name: p\n      projected:\n        sources:\n          - serviceAccountToken: {path: token}\n          - configMap: {name: ca, items: [{key: k, path: token}]}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].projected.sources[1].configMap.items[0].path"));
            Assert.That(d.Message, Is.EqualTo("volume `p` (Projected ConfigMap `ca`): overlapping paths: `token` with `token`"));
        }
    }

    [Test]
    public void An_empty_projected_source()
        => Assert.That(Lint("    - {name: p, projected: {sources: [{}]}}\n").Single().Message, Is.EqualTo("volume `p` (Projected) has no sources provided"));
}
