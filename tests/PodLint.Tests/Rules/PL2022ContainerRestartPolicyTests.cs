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
        var found = ContainerChecks.Lint("PL2022", Spec, version);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.containers[0].restartPolicy", "spec.containers[1].restartPolicy" }));
            Assert.That(found.Select(d => d.ErrorType), Is.All.EqualTo(ApiErrorType.Forbidden));
            Assert.That(found[0].Message, Is.EqualTo($"`restartPolicy` may not be set for non-init containers (container `web`, Kubernetes {version})"));
        }
    }

    [Test]
    public void Is_dropped_in_1_34()
        => Assert.That(ContainerChecks.Lint("PL2022", Spec, "1.34"), Is.Empty);

    [TestCase("1.35")]
    [TestCase("1.36")]
    public void Only_unsupported_values_from_1_35(string version)
    {
        var found = ContainerChecks.Lint("PL2022", Spec, version);
        Assert.That(found, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.containers[1].restartPolicy"));
            Assert.That(found[0].ErrorType, Is.EqualTo(ApiErrorType.NotSupported));
            Assert.That(found[0].Message, Is.EqualTo("`restartPolicy: Sometimes` is not supported for container `job` (supported values: `Always`, `Never`, `OnFailure`)"));
        }
    }

    [Test]
    public void Init_containers_are_not_checked()
        => Assert.That(ContainerChecks.Lint("PL2022",
            "  initContainers:\n    - {name: side, image: nginx, restartPolicy: Always}\n  containers:\n    - {name: web, image: nginx}\n", "1.30"), Is.Empty);
}
