using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2022ContainerRestartPolicyTests
{
    private const string Spec = "  containers:\n    - {name: web, image: nginx, restartPolicy: Always}\n    - {name: job, image: busybox, restartPolicy: Sometimes}\n";

    [TestCase("1.29")]
    [TestCase("1.33")]
    public void Is_forbidden_up_to_1_33(string version)
    {
        var found = RuleAssert.FindingsInSpec("PL2022", Spec, version);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.containers[0].restartPolicy", "spec.containers[1].restartPolicy" }));
            Assert.That(found.Select(d => d.ErrorType), Is.All.EqualTo(ApiErrorType.Forbidden));
            Assert.That(found[0].Message, Is.EqualTo($"`restartPolicy` may not be set for non-init containers (container `web`, Kubernetes {version})"));
        }
    }

    [Test]
    public void Is_dropped_in_1_34()
        => Assert.That(RuleAssert.FindingsInSpec("PL2022", Spec, "1.34"), Is.Empty);

    [TestCase("1.35")]
    [TestCase("1.36")]
    public void Only_unsupported_values_from_1_35(string version)
    {
        var found = RuleAssert.FindingsInSpec("PL2022", Spec, version);
        Assert.That(found, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.containers[1].restartPolicy"));
            Assert.That(found[0].ErrorType, Is.EqualTo(ApiErrorType.NotSupported));
            Assert.That(found[0].Message, Is.EqualTo("`restartPolicy: Sometimes` is not supported for container `job` (supported values: `Always`, `Never`, `OnFailure`)"));
        }
    }

    [Test]
    public void A_native_sidecar_is_accepted()
        => Assert.That(RuleAssert.FindingsInSpec("PL2022",
            "  initContainers:\n    - {name: side, image: nginx, restartPolicy: Always}\n  containers:\n    - {name: web, image: nginx}\n", "1.30"), Is.Empty);

    private const string Rules = "  containers:\n    - name: t\n      image: busybox\n      restartPolicyRules:\n        - {action: Restart}\n";

    [Test]
    public void Restart_rules_are_checked_from_1_35()
    {
        var found = RuleAssert.FindingsInSpec("PL2022", Rules, "1.35");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string, ApiErrorType?, string)[]
            {
                ("spec.containers[0].restartPolicy", ApiErrorType.Required, "container `t` has `restartPolicyRules` but no `restartPolicy`: it must specify restartPolicy when restart rules are used"),
                ("spec.containers[0].restartPolicyRules[0].exitCodes", ApiErrorType.Required, "restart rule has no `exitCodes`"),
            }));
        }
    }

    [Test]
    public void Restart_rules_are_dropped_in_1_34()
        => Assert.That(RuleAssert.FindingsInSpec("PL2022", Rules, "1.34"), Is.Empty);

    [Test]
    public void Too_many_rules_and_exit_codes()
    {
        var codes = string.Join(", ", Enumerable.Range(0, 256));
        var spec = "  containers:\n    - name: t\n      image: busybox\n      restartPolicy: Never\n      restartPolicyRules:\n"
            + string.Concat(Enumerable.Repeat("        - {action: Restart, exitCodes: {operator: In, values: [1]}}\n", 20))
            + "        - {action: Restart, exitCodes: {operator: NotIn, values: [" + codes + "]}}\n";
        var found = RuleAssert.FindingsInSpec("PL2022", spec, "1.36");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.containers[0].restartPolicyRules", ApiErrorType.TooMany, "container `t` has 21 `restartPolicyRules`, more than 20"),
            ("spec.containers[0].restartPolicyRules[20].exitCodes.values", ApiErrorType.TooMany, "restart rule lists 256 exit codes, more than 255"),
        }));
    }
}

public class PL2022InitContainerRestartPolicyTests
{
    private const string Init = "  containers:\n    - {name: web, image: nginx}\n  initContainers:\n    - name: init\n      image: busybox\n";

    [TestCase("1.29")]
    [TestCase("1.34")]
    public void Only_always_up_to_1_34(string version)
    {
        var found = RuleAssert.FindingsInSpec("PL2022", Init + "      restartPolicy: Never\n", version);
        Assert.That(found, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.initContainers[0].restartPolicy"));
            Assert.That(found[0].ErrorType, Is.EqualTo(ApiErrorType.NotSupported));
            Assert.That(found[0].Message, Is.EqualTo("`restartPolicy: Never` is not supported for container `init` (supported values: `Always`)"));
            Assert.That(found[0].Help, Is.EqualTo($"write `restartPolicy: Always` to make it a native sidecar, or remove it for an init container that runs once (Kubernetes {version})"));
        }
    }

    [TestCase("Never", 0)]
    [TestCase("OnFailure", 0)]
    [TestCase("Always", 0)]
    [TestCase("Sometimes", 1)]
    [TestCase("", 1)]
    public void Never_and_on_failure_from_1_35(string policy, int expected)
    {
        var found = RuleAssert.FindingsInSpec("PL2022", Init + $"      restartPolicy: \"{policy}\"\n", "1.35");
        Assert.That(found, Has.Count.EqualTo(expected));
        if (expected == 1) Assert.That(found[0].Message, Is.EqualTo($"`restartPolicy: {policy}` is not supported for container `init` (supported values: `Always`, `Never`, `OnFailure`)"));
    }

    [Test]
    public void A_sidecar_may_not_have_restart_rules_from_1_35()
    {
        var spec = Init + "      restartPolicy: Always\n      restartPolicyRules:\n        - {action: Restart, exitCodes: {operator: In, values: [1]}}\n";
        var found = RuleAssert.FindingsInSpec("PL2022", spec, "1.35");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string?, ApiErrorType?, string)[]
        {
            ("spec.initContainers[0].restartPolicyRules", ApiErrorType.Forbidden, "`restartPolicyRules` are not allowed for init containers with restart policy Always (container `init`)"),
        }));
        Assert.That(RuleAssert.FindingsInSpec("PL2022", spec, "1.34"), Is.Empty);
    }

    [Test]
    public void Rules_of_other_init_containers_are_checked_from_1_35()
    {
        var found = RuleAssert.FindingsInSpec("PL2022", Init + "      restartPolicyRules:\n        - {action: Restart}\n", "1.36");
        Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EqualTo(new (string?, ApiErrorType?)[]
        {
            ("spec.initContainers[0].restartPolicy", ApiErrorType.Required),
            ("spec.initContainers[0].restartPolicyRules[0].exitCodes", ApiErrorType.Required),
        }));
    }
}
