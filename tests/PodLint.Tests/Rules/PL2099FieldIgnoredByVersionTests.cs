using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2099FieldIgnoredByVersionTests
{
    private const string HostUsers = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          hostUsers: false
          containers:
            - {name: app, image: nginx:1.27}
        """;

    [TestCase("1.29", 1)]
    [TestCase("1.32", 1)]
    [TestCase("1.33", 0)]
    [TestCase("1.36", 0)]
    public void Host_users_is_dropped_until_its_gate_is_on(string version, int count)
        => Assert.That(RuleAssert.Findings("PL2099", HostUsers, version), Has.Count.EqualTo(count));

    [Test]
    public void Message_names_the_gate_and_help_the_version_it_is_on_from()
    {
        var d = RuleAssert.Findings("PL2099", HostUsers, "1.32").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.hostUsers"));
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.ErrorType, Is.Null);
            Assert.That(d.Message, Is.EqualTo("`hostUsers` is ignored by Kubernetes 1.32: its feature gate UserNamespacesSupport is off by default there, and the API server drops the field on create"));
            Assert.That(d.Help, Is.EqualTo("remove `hostUsers` if the cluster runs 1.32 with default feature gates; it is on by default from Kubernetes 1.33 (check against the cluster's version with `--kubernetes-version`)"));
        }
    }

    [TestCase("1.34", 1)]
    [TestCase("1.35", 0)]
    public void A_regular_containers_restart_policy_is_dropped_in_1_34_only(string version, int count)
        => Assert.That(RuleAssert.Findings("PL2099", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - {name: proxy, image: envoy:1, restartPolicy: Always}
              containers:
                - {name: app, image: nginx:1.27, restartPolicy: Never}
            """, version), Has.Count.EqualTo(count), "a native sidecar's restartPolicy is not gated");
}
