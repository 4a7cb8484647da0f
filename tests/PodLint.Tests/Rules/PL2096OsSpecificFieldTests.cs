using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2096OsSpecificFieldTests
{
    private static string Pod(string os, string spec, string container = "{}") => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          os: {name: {{os}}}
        {{spec}}
          containers:
            - name: app
              image: nginx:1.27
              securityContext: {{container}}
        """;

    [Test]
    public void Windows_options_on_a_linux_pod()
    {
        var d = RuleAssert.Findings("PL2096", Pod("linux", "  securityContext: {windowsOptions: {runAsUserName: u}}")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.securityContext.windowsOptions"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Forbidden));
            Assert.That(d.Message, Is.EqualTo("windows options cannot be set for a linux pod"));
        }
    }

    [Test]
    public void Linux_fields_on_a_windows_pod_count_when_written_even_false()
    {
        var found = RuleAssert.Findings("PL2096", Pod("windows", "  hostIPC: false", "{privileged: false, runAsUser: 1000}"));
        Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.containers[0].securityContext.privileged", "spec.containers[0].securityContext.runAsUser" }));
        Assert.That(found[0].Message, Is.EqualTo("`privileged` cannot be set for a windows pod"));
        Assert.That(found[0].Help, Is.EqualTo("remove `privileged`: Windows nodes do not support it (or set `os.name: linux` if the Pod runs on Linux nodes)"));
    }

    [TestCase("1.32", 0)]
    [TestCase("1.33", 2)]
    public void Gated_fields_are_dropped_before_1_33(string version, int count)
        => Assert.That(RuleAssert.Findings("PL2096", Pod("windows", "  securityContext: {seLinuxChangePolicy: Recursive, supplementalGroupsPolicy: Merge}"), version), Has.Count.EqualTo(count));

    [Test]
    public void A_pod_without_os_may_mix_them()
        => Assert.That(RuleAssert.Findings("PL2096", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {runAsUser: 1, windowsOptions: {runAsUserName: u}}
              containers:
                - {name: app, image: nginx:1.27}
            """), Is.Empty);
}
