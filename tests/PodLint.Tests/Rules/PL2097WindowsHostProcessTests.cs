using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2097WindowsHostProcessTests
{
    [Test]
    public void Host_process_pod_without_host_network()
    {
        var d = RuleAssert.Findings("PL2097", """
            apiVersion: v1
            kind: Pod
            metadata: {name: setup}
            spec:
              securityContext: {windowsOptions: {hostProcess: true}}
              containers:
                - {name: app, image: setup:1}
            """).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.hostNetwork"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("hostNetwork must be true if pod contains any hostProcess containers"));
        }
    }

    [Test]
    public void Mixed_containers_and_a_container_that_differs_from_the_pod()
    {
        var found = RuleAssert.Findings("PL2097", """
            apiVersion: v1
            kind: Pod
            metadata: {name: setup}
            spec:
              hostNetwork: true
              securityContext: {windowsOptions: {hostProcess: true}}
              initContainers:
                - {name: init, image: setup:1}
              containers:
                - name: app
                  image: app:1
                  securityContext: {windowsOptions: {hostProcess: false}}
            """);
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EquivalentTo(new[]
        {
            ("spec.containers[0].securityContext.windowsOptions.hostProcess", "`hostProcess: false` differs from the Pod's: pod hostProcess value must be identical if both are specified, was true"),
            ("spec", "if pod contains any hostProcess containers then all containers must be HostProcess containers (1 of 2 are)"),
        }));
    }

    [Test]
    public void No_host_process_container_no_finding()
        => Assert.That(RuleAssert.Findings("PL2097", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {windowsOptions: {hostProcess: false}}
              containers:
                - {name: app, image: app:1}
            """), Is.Empty);
}
