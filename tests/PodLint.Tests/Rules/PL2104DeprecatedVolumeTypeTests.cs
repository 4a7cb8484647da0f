using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2104DeprecatedVolumeTypeTests
{
    private static List<Diagnostic> Lint(string volumes)
        => RuleAssert.Findings("PL2104", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: app, image: nginx}\n  volumes:\n" + volumes);

    [Test]
    public void Git_repo_message_help_and_severity()
    {
        var d = Lint("    - {name: src, gitRepo: {repository: r}}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].gitRepo"));
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.ErrorType, Is.Null);
            Assert.That(d.Message, Is.EqualTo("`gitRepo` volume `src`: deprecated in v1.11"));
            Assert.That(d.Help, Is.EqualTo("clone the repository in an init container (e.g. `alpine/git`) into an `emptyDir` volume that the containers mount"));
        }
    }

    [Test]
    public void Storageos_is_printed_storageOS()
    {
        var d = Lint("    - {name: os, storageos: {volumeName: v}}\n").Single();
        Assert.That((d.Path, d.Message), Is.EqualTo(("spec.volumes[0].storageOS", "`storageos` volume `os`: deprecated in v1.22, non-functional in v1.25+")));
    }

    [Test]
    public void Every_deprecated_source_of_a_volume_is_reported()
        => Assert.That(Lint("    - {name: x, cephfs: {monitors: [m]}, rbd: {monitors: [m], image: i}}\n").Select(d => d.Path),
            Is.EqualTo(new[] { "spec.volumes[0].cephfs", "spec.volumes[0].rbd" }));
}
