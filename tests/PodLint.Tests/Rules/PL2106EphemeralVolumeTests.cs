using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2106EphemeralVolumeTests
{
    private static List<Diagnostic> Lint(string claimSpec, string? version = null)
        => RuleAssert.Findings("PL2106", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: app, image: nginx}\n  volumes:\n"
            + "    - name: e\n      ephemeral:\n        volumeClaimTemplate:\n          spec:\n" + claimSpec, version);

    private const string Valid = "            accessModes: [ReadWriteOnce]\n            resources: {requests: {storage: 1Gi}}\n";

    [Test]
    public void A_valid_template_passes()
        => Assert.That(Lint(Valid), Is.Empty);

    [Test]
    public void Missing_storage_is_required_at_resources_storage()
    {
        var d = Lint("            accessModes: [ReadWriteOnce]\n            resources: {requests: {cpu: 1}}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Required));
            Assert.That(d.Message, Is.EqualTo("ephemeral volume `e`: the claim has no storage request"));
            Assert.That(d.Help, Is.EqualTo("add `resources: {requests: {storage: 1Gi}}` with the size the volume needs"));
        }
    }

    [Test]
    public void Zero_storage_must_be_greater_than_zero()
    {
        var d = Lint("            accessModes: [ReadWriteOnce]\n            resources: {requests: {storage: \"0\"}}\n").Single();
        Assert.That((d.ErrorType, d.Message), Is.EqualTo(((ApiErrorType?)ApiErrorType.Invalid, "ephemeral volume `e`: storage request `0` must be greater than zero")));
    }

    [Test]
    public void Access_modes()
    {
        var found = Lint("            accessModes: [ReadWriteOncePod, ReadWriteMany, Sometimes]\n            resources: {requests: {storage: 1Gi}}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EquivalentTo(new (string?, ApiErrorType?)[]
        {
            ("spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes", ApiErrorType.NotSupported),
            ("spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes", ApiErrorType.Forbidden),
        }));
    }

    [Test]
    public void Missing_access_modes_are_required()
        => Assert.That(Lint("            resources: {requests: {storage: 1Gi}}\n").Single().Message, Is.EqualTo("ephemeral volume `e`: at least 1 access mode is required"));

    [Test]
    public void Template_metadata_name_is_forbidden()
    {
        var text = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: app, image: nginx}\n  volumes:\n"
            + "    - name: e\n      ephemeral:\n        volumeClaimTemplate:\n          metadata: {name: x, uid: u}\n          spec:\n" + Valid;
        var found = RuleAssert.Findings("PL2106", text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.EquivalentTo(new[]
            {
                "spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name", "spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.uID",
            }));
            Assert.That(found.Select(d => d.ErrorType), Is.All.EqualTo(ApiErrorType.Forbidden));
        }
    }

    [Test]
    public void No_claim_template_is_required()
    {
        var text = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: app, image: nginx}\n  volumes:\n    - {name: e, ephemeral: {}}\n";
        var d = RuleAssert.Findings("PL2106", text).Single();
        Assert.That((d.Path, d.ErrorType), Is.EqualTo(("spec.volumes[0].ephemeral.volumeClaimTemplate", (ApiErrorType?)ApiErrorType.Required)));
    }

    [TestCase("1.33", 0)]
    [TestCase("1.34", 1)]
    public void Volume_attributes_class_name_is_checked_from_1_34(string version, int findings)
        => Assert.That(Lint(Valid + "            volumeAttributesClassName: Gold_Class\n", version), Has.Count.EqualTo(findings));

    [Test]
    public void An_empty_volume_mode_is_not_defaulted()
        => Assert.That(Lint(Valid + "            volumeMode: \"\"\n").Single().ErrorType, Is.EqualTo(ApiErrorType.NotSupported));

    [TestCase("{kind: PersistentVolumeClaim, name: a}", "{kind: PersistentVolumeClaim, name: a}", null)]
    [TestCase("{kind: PersistentVolumeClaim, name: a}", "{kind: PersistentVolumeClaim, name: b}", "ephemeral volume `e`: `dataSource` must match dataSourceRef")]
    [TestCase("{kind: PersistentVolumeClaim, name: a}", "{kind: PersistentVolumeClaim, name: a, namespace: other}", "ephemeral volume `e`: `dataSource` may not be specified when dataSourceRef.namespace is specified")]
    public void Data_source_and_data_source_ref(string dataSource, string dataSourceRef, string? message)
    {
        var found = Lint(Valid + "            dataSource: " + dataSource + "\n            dataSourceRef: " + dataSourceRef + "\n");
        if (message is null)
        {
            Assert.That(found, Is.Empty);
            return;
        }

        var d = found.Single();
        Assert.That((d.Path, d.ErrorType, d.Message), Is.EqualTo(("spec.volumes[0].ephemeral.volumeClaimTemplate.spec", (ApiErrorType?)ApiErrorType.Invalid, message)));
    }
}
