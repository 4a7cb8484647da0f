using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2101VolumeSourceFieldsTests
{
    private static List<Diagnostic> Lint(string volumes, string? version = null)
        => RuleAssert.Findings("PL2101", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: app, image: nginx}\n  volumes:\n" + volumes, version);

    [Test]
    public void Empty_claim_name_message_help_and_type()
    {
        var d = Lint("    - {name: data, persistentVolumeClaim: {claimName: \"\"}}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].persistentVolumeClaim.claimName"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Required));
            Assert.That(d.Message, Is.EqualTo("`persistentVolumeClaim` volume `data`: `claimName` is empty"));
            Assert.That(d.Help, Is.EqualTo("set `claimName` to the name of a PersistentVolumeClaim in the Pod's namespace"));
        }
    }

    [Test]
    public void A_missing_schema_required_field_is_left_to_PL1003()
        => Assert.That(Lint("    - {name: data, persistentVolumeClaim: {readOnly: true}}\n"), Is.Empty);

    [Test]
    public void A_missing_secret_name_is_reported_at_the_source()
    {
        var d = Lint("    - {name: tls, secret: {optional: true}}\n").Single();
        Assert.That((d.Path, d.Message), Is.EqualTo(("spec.volumes[0].secret.secretName", "`secret` volume `tls`: `secretName` is missing")));
    }

    [Test]
    public void Host_path_type_lists_the_supported_values_and_the_right_case()
    {
        var d = Lint("    - {name: sock, hostPath: {path: /run/x.sock, type: socket}}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.NotSupported));
            Assert.That(d.Message, Is.EqualTo("`hostPath` volume `sock`: `type` `socket` is not supported (supported values: ``, `BlockDevice`, `CharDevice`, `Directory`, `DirectoryOrCreate`, `File`, `FileOrCreate`, `Socket`)"));
            Assert.That(d.Help, Is.EqualTo("write `Socket`: the values are case-sensitive"));
        }
    }

    [Test]
    public void An_empty_host_path_stops_the_other_host_path_checks()
        => Assert.That(Lint("    - {name: h, hostPath: {path: \"\", type: bogus}}\n").Single().Path, Is.EqualTo("spec.volumes[0].hostPath.path"));

    [Test]
    public void Negative_size_limit_is_forbidden()
    {
        var d = Lint("    - {name: s, emptyDir: {sizeLimit: -1Gi}}\n").Single();
        Assert.That((d.Path, d.ErrorType, d.Message), Is.EqualTo(("spec.volumes[0].emptyDir.sizeLimit", (ApiErrorType?)ApiErrorType.Forbidden,
            "`emptyDir` volume `s`: `sizeLimit` `-1Gi` is negative: SizeLimit field must be a valid resource quantity")));
    }

    [Test]
    public void Only_the_first_source_is_validated()
        => Assert.That(Lint("    - {name: h, emptyDir: {}, hostPath: {path: \"\"}}\n"), Is.Empty);

    [Test]
    public void Gce_disk_uses_the_servers_path_and_range_message()
    {
        var d = Lint("    - {name: g, gcePersistentDisk: {pdName: d, partition: -1}}\n").Single();
        Assert.That((d.Path, d.Message), Is.EqualTo(("spec.volumes[0].persistentDisk.partition", "`gcePersistentDisk` volume `g`: `partition` -1 must be between 1 and 255, inclusive")));
    }

    [TestCase("1.31", "must have at most 63 bytes")]
    [TestCase("1.32", "may not be more than 63 bytes")]
    public void Csi_driver_too_long_wording_follows_the_version(string version, string detail)
    {
        var d = Lint("    - {name: c, csi: {driver: " + new string('a', 64) + "}}\n", version).Single();
        Assert.That((d.ErrorType, d.Message), Is.EqualTo(((ApiErrorType?)ApiErrorType.TooLong, "`csi` volume `c`: `driver` is too long: " + detail)));
    }

    [Test]
    public void Csi_secret_name_is_reported_at_csi_name()
    {
        var d = Lint("    - {name: c, csi: {driver: x.example.com, nodePublishSecretRef: {name: Bad_Name}}}\n").Single();
        Assert.That((d.Path, d.ErrorType), Is.EqualTo(("spec.volumes[0].csi.name", (ApiErrorType?)ApiErrorType.Invalid)));
    }

    [TestCase("1.34", 0)]
    [TestCase("1.35", 1)]
    [TestCase("1.36", 1)]
    public void Image_reference_is_required_from_1_35(string version, int findings)
        => Assert.That(Lint("    - {name: w, image: {pullPolicy: Always}}\n", version), Has.Count.EqualTo(findings));

    [Test]
    public void Image_reference_is_not_required_in_a_template()
    {
        var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n"
            + "      containers: [{name: app, image: nginx}]\n      volumes: [{name: w, image: {pullPolicy: Always}}]\n";
        Assert.That(RuleAssert.Findings("PL2101", text, "1.35"), Is.Empty);
    }

    [Test]
    public void Azure_disk_kind_defaults_to_shared()
    {
        var d = Lint("    - {name: a, azureDisk: {diskName: d, diskURI: /subscriptions/x}}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.NotSupported));
            Assert.That(d.Message, Does.Contain("is not supported for a `Shared` blob disk"));
        }
    }

    [Test]
    public void Iscsi_initiator_name_limits_the_volume_name_and_portal()
    {
        var d = Lint("    - {name: " + new string('v', 60) + ", iscsi: {targetPortal: \"10.0.0.1:3260\", iqn: \"iqn.2001-04.com.example:storage\", lun: 0, initiatorName: \"iqn.2001-04.com.example:node\"}}\n").Single();
        Assert.That((d.Path, d.ErrorType), Is.EqualTo(("spec.volumes[0].name", (ApiErrorType?)ApiErrorType.Invalid)));
    }

    [TestCase("iqn.2001-04.com.example:storage", 0)]
    [TestCase("eui.02004567A425678D", 0)]
    [TestCase("naa.60014055f2d5f5e6a1b2c3d4e5f6a7b8", 0)]
    [TestCase("iqn.2001-04.com.example", 1)]
    [TestCase("eui.123", 1)]
    [TestCase("target", 1)]
    public void Iscsi_qualified_names(string iqn, int findings)
        => Assert.That(Lint("    - {name: i, iscsi: {targetPortal: \"10.0.0.1:3260\", iqn: \"" + iqn + "\", lun: 0}}\n"), Has.Count.EqualTo(findings));

    [TestCase("kubernetes.io", 1)]
    [TestCase("kubernetes.io/x", 1)]
    [TestCase("alpha.k8s.io/x", 1)]
    [TestCase("KUBERNETES.IO/x", 1)]
    [TestCase("myns.io/kubernetes.io", 0)]
    [TestCase("notkubernetes.io/x", 0)]
    public void Flex_volume_reserved_option_namespaces(string key, int findings)
        => Assert.That(Lint("    - {name: f, flexVolume: {driver: d, options: {\"" + key + "\": v}}}\n"), Has.Count.EqualTo(findings));
}
