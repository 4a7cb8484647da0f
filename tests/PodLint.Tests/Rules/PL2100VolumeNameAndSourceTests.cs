using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2100VolumeNameAndSourceTests
{
    private static List<Diagnostic> Lint(string volumes, string? version = null, string name = "web")
        => RuleAssert.Findings("PL2100", $"apiVersion: v1\nkind: Pod\nmetadata: {{name: \"{name}\"}}\nspec:\n  containers:\n    - {{name: app, image: nginx}}\n  volumes:\n{volumes}", version);

    [Test]
    public void Invalid_name_message_help_and_type()
    {
        var d = Lint("    - {name: cache.tmp, emptyDir: {}}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].name"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("volume name `cache.tmp` is invalid: must not contain dots"));
            Assert.That(d.Help, Is.EqualTo("use at most 63 lowercase letters, digits and `-`, starting and ending with a letter or digit (e.g. `config-data`)"));
        }
    }

    [Test]
    public void Empty_name_is_required()
    {
        var d = Lint("    - {name: \"\", emptyDir: {}}\n").Single();
        Assert.That((d.Path, d.ErrorType, d.Message), Is.EqualTo(("spec.volumes[0].name", (ApiErrorType?)ApiErrorType.Required, "volume name is empty")));
    }

    [Test]
    public void Duplicate_names_point_at_the_first()
    {
        var d = Lint("    - {name: data, emptyDir: {}}\n    - {name: data, emptyDir: {}}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[1].name"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Duplicate));
            Assert.That(d.Message, Is.EqualTo("volume name `data` is already used by `spec.volumes[0]`"));
            Assert.That(d.Related.Single().Message, Is.EqualTo("first used here"));
        }
    }

    [Test]
    public void A_second_source_is_forbidden_with_the_servers_path_names()
    {
        var found = Lint("    - name: a\n      downwardAPI: {items: []}\n      cephfs: {monitors: [m]}\n      emptyDir: {}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.EquivalentTo(new[] { "spec.volumes[0].cephFS", "spec.volumes[0].downwarAPI" }));
            Assert.That(found.Select(d => d.ErrorType), Is.All.EqualTo(ApiErrorType.Forbidden));
            Assert.That(found.Single(d => d.Path!.EndsWith("cephFS", StringComparison.Ordinal)).Message, Is.EqualTo("volume `a` has a second source `cephfs` after `emptyDir`: may not specify more than 1 volume type"));
        }
    }

    [Test]
    public void A_volume_without_a_source_is_defaulted_to_emptyDir()
        => Assert.That(Lint("    - name: scratch\n"), Is.Empty);

    [Test]
    public void A_claim_of_an_ephemeral_volumes_pvc_is_invalid()
    {
        var d = Lint("    - {name: ephemeral-volume, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}\n"
            + "    - {name: claim, persistentVolumeClaim: {claimName: 123-ephemeral-volume}}\n", name: "123").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[1].persistentVolumeClaim.claimName"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Does.EndWith(": must not reference a PVC that gets created for an ephemeral volume"));
        }
    }

    [Test]
    public void The_ephemeral_pvc_name_must_be_a_subdomain()
    {
        var d = Lint("    - {name: " + new string('b', 60) + ", ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}\n",
            name: new string('a', 200)).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].name"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Does.EndWith("whose name is invalid: must be no more than 253 characters"));
        }
    }

    [TestCase("1.34", 0)]
    [TestCase("1.35", 1)]
    public void Image_volumes_are_dropped_before_1_35(string version, int findings)
        => Assert.That(Lint("    - {name: Bad_Name, image: {reference: busybox}}\n", version), Has.Count.EqualTo(findings));

    [Test]
    public void A_volume_with_two_sources_is_not_remembered_for_the_duplicate_check()
        => Assert.That(Lint("    - {name: data, emptyDir: {}, secret: {secretName: s}}\n    - {name: data, emptyDir: {}}\n").Select(d => d.ErrorType),
            Is.EqualTo(new ApiErrorType?[] { ApiErrorType.Forbidden }));
}
