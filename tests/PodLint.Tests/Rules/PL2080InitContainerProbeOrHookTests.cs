using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2080InitContainerProbeOrHookTests
{
    [Test]
    public void Probes_and_hooks_of_a_plain_init_container_are_forbidden()
    {
        var found = RuleAssert.FindingsInSpec("PL2080", "  initContainers:\n    - name: init\n      image: busybox\n      lifecycle: {}\n      livenessProbe: {}\n"
            + "      readinessProbe: {}\n      startupProbe: {}\n  containers:\n    - {name: web, image: nginx}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.EqualTo(new[]
            {
                "spec.initContainers[0].lifecycle", "spec.initContainers[0].livenessProbe", "spec.initContainers[0].readinessProbe", "spec.initContainers[0].startupProbe",
            }));
            Assert.That(found.Select(d => d.ErrorType), Is.All.EqualTo(ApiErrorType.Forbidden));
            Assert.That(found[1].Message, Is.EqualTo("`livenessProbe` may not be set for init containers without restartPolicy=Always (container `init`)"));
            Assert.That(found[1].Help, Does.StartWith("a plain init container runs once, to completion: remove `livenessProbe`"));
        }
    }

    [TestCase("1.29")]
    [TestCase("1.36")]
    public void A_native_sidecar_may_have_them(string version)
        => Assert.That(RuleAssert.FindingsInSpec("PL2080", "  initContainers:\n    - name: side\n      image: envoy\n      restartPolicy: Always\n"
            + "      readinessProbe: {tcpSocket: {port: 9901}}\n  containers:\n    - {name: web, image: nginx}\n", version), Is.Empty);

    [Test]
    public void Never_does_not_make_a_sidecar()
        => Assert.That(RuleAssert.FindingsInSpec("PL2080", "  initContainers:\n    - name: init\n      image: busybox\n      restartPolicy: Never\n"
            + "      startupProbe: {exec: {command: [x]}}\n  containers:\n    - {name: web, image: nginx}\n", "1.35").Select(d => d.Path),
            Is.EqualTo(new[] { "spec.initContainers[0].startupProbe" }));
}
