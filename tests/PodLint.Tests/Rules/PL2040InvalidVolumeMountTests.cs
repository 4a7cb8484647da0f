using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2040InvalidVolumeMountTests
{
    private const string Volumes = "  volumes:\n    - {name: data, emptyDir: {}}\n    - {name: disk, persistentVolumeClaim: {claimName: d}}\n";

    private static List<Diagnostic> Lint(string container, string? version = null)
        => RuleAssert.FindingsInSpec("PL2040", Volumes + "  containers:\n    - name: web\n      image: nginx\n" + container, version);

    [Test]
    public void A_mount_of_an_undeclared_volume_is_not_found()
    {
        var found = Lint("      volumeMounts:\n        - {name: cache, mountPath: /cache}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message, d.Help)), Is.EqualTo(new (string?, ApiErrorType?, string, string?)[]
        {
            ("spec.containers[0].volumeMounts[0].name", ApiErrorType.NotFound, "`name: cache` names no volume of the Pod",
                "add a volume named `cache` to the Pod's `volumes`, or use the name of one it has"),
        }));
    }

    [Test]
    public void Empty_names_and_paths_are_required_once()
    {
        var found = Lint("      volumeMounts:\n        - {name: \"\", mountPath: \"\"}\n      volumeDevices:\n        - {name: \"\", devicePath: \"\"}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string?, ApiErrorType?, string)[]
        {
            ("spec.containers[0].volumeMounts[0].name", ApiErrorType.Required, "`volumeMounts[0].name` is empty"),
            ("spec.containers[0].volumeMounts[0].mountPath", ApiErrorType.Required, "`volumeMounts[0].mountPath` is empty"),
            ("spec.containers[0].volumeDevices[0].name", ApiErrorType.Required, "`volumeDevices[0].name` is empty"),
            ("spec.containers[0].volumeDevices[0].devicePath", ApiErrorType.Required, "`volumeDevices[0].devicePath` is empty"),
        }));
    }

    [Test]
    public void Mount_paths_are_compared_exactly()
    {
        var found = Lint("      volumeMounts:\n        - {name: data, mountPath: /data}\n        - {name: data, mountPath: /data/}\n        - {name: data, mountPath: /data}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string?, ApiErrorType?, string)[]
        {
            ("spec.containers[0].volumeMounts[2].mountPath", ApiErrorType.Invalid, "`mountPath: /data` must be unique: `volumeMounts[0]` has it already"),
        }));
    }

    [TestCase("/abs", new[] { "`subPath: /abs` must be a relative path" })]
    [TestCase("../baz", new[] { "`subPath: ../baz` must not contain '..'" })]
    [TestCase("baz/../bat", new[] { "`subPath: baz/../bat` must not contain '..'" })]
    [TestCase("./..", new[] { "`subPath: ./..` must not contain '..'" })]
    [TestCase("/../..", new[] { "`subPath: /../..` must be a relative path", "`subPath: /../..` must not contain '..'" })]
    [TestCase(".baz", new string[0])]
    [TestCase("..baz", new string[0])]
    [TestCase("a\\..\\b", new string[0])]
    public void Sub_paths_are_local_and_descending_without_index_in_the_path(string subPath, string[] expected)
    {
        var found = Lint($"      volumeMounts:\n        - {{name: data, mountPath: /d, subPath: '{subPath}'}}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Message), Is.EquivalentTo(expected));
            Assert.That(found.Select(d => d.Path), Is.All.EqualTo("spec.containers[0].volumeMounts.subPath"));
            Assert.That(found.Select(d => d.ErrorType), Is.All.EqualTo(ApiErrorType.Invalid));
        }
    }

    [Test]
    public void Sub_path_and_sub_path_expr_are_exclusive()
    {
        var found = Lint("      volumeMounts:\n        - {name: data, mountPath: /d, subPath: a, subPathExpr: ../$(X)}\n");
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EquivalentTo(new (string?, string)[]
        {
            ("spec.containers[0].volumeMounts[0].subPathExpr", "`subPathExpr: ../$(X)`: subPathExpr and subPath are mutually exclusive"),
            ("spec.containers[0].volumeMounts.subPathExpr", "`subPathExpr: ../$(X)` must not contain '..'"),
        }));
    }

    [TestCase("Bidirectional", "", "forbidden")]
    [TestCase("Bidirectional", "      securityContext: {privileged: true}\n", "")]
    [TestCase("HostToContainer", "", "")]
    [TestCase("None", "", "")]
    [TestCase("bidirectional", "      securityContext: {privileged: true}\n", "not-supported")]
    public void Mount_propagation(string value, string securityContext, string expected)
    {
        var found = Lint(securityContext + $"      volumeMounts:\n        - {{name: data, mountPath: /d, mountPropagation: {value}}}\n");
        Assert.That(found.Select(d => d.MessageId), Is.EqualTo(expected.Length == 0 ? [] : new[] { expected == "forbidden" ? "bidirectional-not-privileged" : "not-supported" }));
        if (expected == "forbidden")
        {
            Assert.That((found[0].Path, found[0].ErrorType, found[0].Message), Is.EqualTo(("spec.containers[0].volumeMounts.mountPropagation", (ApiErrorType?)ApiErrorType.Forbidden,
                "`mountPropagation: Bidirectional` is available only to privileged containers (container `web`)")));
        }
        else if (expected == "not-supported")
        {
            Assert.That((found[0].Message, found[0].Help), Is.EqualTo(("`mountPropagation: bidirectional` is not supported (supported values: `Bidirectional`, `HostToContainer`, `None`)",
                "write `Bidirectional`: the values are case-sensitive")));
        }
    }

    [TestCase("1.30", 0)]
    [TestCase("1.31", 2)]
    [TestCase("1.36", 2)]
    public void Recursive_read_only_is_checked_from_1_31(string version, int expected)
    {
        var found = Lint("      volumeMounts:\n        - {name: data, mountPath: /d, recursiveReadOnly: Enabled, mountPropagation: HostToContainer}\n", version);
        Assert.That(found.Select(d => d.Message), Is.EquivalentTo(expected == 0 ? [] : new[]
        {
            "`recursiveReadOnly: Enabled` may only be specified when readOnly is true",
            "`recursiveReadOnly: Enabled` may only be specified when mountPropagation is None or not specified",
        }));
        Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.All.EqualTo(("spec.containers[0].volumeMounts.recursiveReadOnly", (ApiErrorType?)ApiErrorType.Forbidden)));
    }

    [Test]
    public void Recursive_read_only_values()
    {
        Assert.That(Lint("      volumeMounts:\n        - {name: data, mountPath: /d, readOnly: true, recursiveReadOnly: IfPossible, mountPropagation: None}\n"), Is.Empty);
        var found = Lint("      volumeMounts:\n        - {name: data, mountPath: /d, recursiveReadOnly: enabled}\n");
        Assert.That(found.Select(d => (d.ErrorType, d.Message)), Is.EqualTo(new (ApiErrorType?, string)[]
        {
            (ApiErrorType.NotSupported, "`recursiveReadOnly: enabled` is not supported (supported values: `Disabled`, `Enabled`, `IfPossible`)"),
        }));
    }

    [Test]
    public void Devices_come_from_claims_at_unique_paths()
    {
        var found = Lint("      volumeDevices:\n        - {name: disk, devicePath: /dev/a}\n        - {name: data, devicePath: /dev/a}\n        - {name: disk, devicePath: /dev/../b}\n        - {name: nope, devicePath: /dev/c}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string?, ApiErrorType?, string)[]
        {
            ("spec.containers[0].volumeDevices[1].name", ApiErrorType.Invalid, "`name: data` can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"),
            ("spec.containers[0].volumeDevices[1].devicePath", ApiErrorType.Invalid, "`devicePath: /dev/a` must be unique: `volumeDevices[0]` has it already"),
            ("spec.containers[0].volumeDevices[2].name", ApiErrorType.Invalid, "`name: disk` must be unique: `volumeDevices[0]` has it already"),
            ("spec.containers[0].volumeDevices[2].devicePath", ApiErrorType.Invalid, "`devicePath: /dev/../b` can not contain backsteps ('..')"),
            ("spec.containers[0].volumeDevices[3].name", ApiErrorType.NotFound, "`name: nope` names no volume of the Pod"),
        }));
    }

    [Test]
    public void A_volume_is_mounted_or_attached_not_both()
    {
        var found = Lint("      volumeMounts:\n        - {name: disk, mountPath: /dev/a}\n      volumeDevices:\n        - {name: disk, devicePath: /dev/a}\n");
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EqualTo(new (string?, string)[]
        {
            ("spec.containers[0].volumeMounts[0].name", "`name: disk` must not already exist in volumeDevices"),
            ("spec.containers[0].volumeMounts[0].mountPath", "`mountPath: /dev/a` must not already exist as a path in volumeDevices"),
            ("spec.containers[0].volumeDevices[0].name", "`name: disk` must not already exist in volumeMounts"),
            ("spec.containers[0].volumeDevices[0].devicePath", "`devicePath: /dev/a` must not already exist as a path in volumeMounts"),
        }));
    }

    [Test]
    public void Every_container_kind_is_checked()
    {
        var found = RuleAssert.FindingsInSpec("PL2040", "  initContainers:\n    - name: init\n      image: busybox\n      volumeMounts: [{name: x, mountPath: /x}]\n"
            + "  containers:\n    - {name: web, image: nginx}\n  ephemeralContainers:\n    - name: debug\n      image: busybox\n      volumeMounts: [{name: z, mountPath: /z}]\n");
        Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.initContainers[0].volumeMounts[0].name", "spec.ephemeralContainers[0].volumeMounts[0].name" }));
    }
}
