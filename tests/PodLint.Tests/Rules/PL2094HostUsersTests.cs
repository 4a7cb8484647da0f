using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2094HostUsersTests
{
    private const string HostNamespaces = """
        apiVersion: v1
        kind: Pod
        metadata: {name: sandboxed}
        spec:
          hostUsers: false
          hostNetwork: true
          hostPID: true
          hostIPC: true
          containers:
            - {name: app, image: nginx:1.27}
        """;

    [TestCase("1.29")]
    [TestCase("1.32")]
    public void Nothing_before_1_33_where_host_users_is_dropped(string version)
        => Assert.That(RuleAssert.Findings("PL2094", HostNamespaces, version), Is.Empty);

    [Test]
    public void In_1_33_the_paths_hang_off_the_security_context()
    {
        var found = RuleAssert.Findings("PL2094", HostNamespaces, "1.33");
        Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.securityContext.hostNetwork", "spec.securityContext.HostPID", "spec.securityContext.HostIPC" }));
        Assert.That(found[0].Message, Is.EqualTo("`hostNetwork: true` is forbidden when `pod.Spec.HostUsers` is false"));
        Assert.That(found.Select(d => d.ErrorType), Is.All.EqualTo(ApiErrorType.Forbidden));
    }

    [TestCase("1.34")]
    [TestCase("1.36")]
    public void From_1_34_the_paths_hang_off_spec(string version)
    {
        var found = RuleAssert.Findings("PL2094", HostNamespaces, version);
        Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.hostNetwork", "spec.HostPID", "spec.HostIPC" }));
        Assert.That(found[1].Message, Is.EqualTo("`hostPID: true` is forbidden when `hostUsers` is false"));
        Assert.That(found[1].Help, Is.EqualTo("remove `hostPID: true`, or remove `hostUsers: false`: a Pod in its own user namespace cannot share the node's process (PID) namespace"));
    }
}
