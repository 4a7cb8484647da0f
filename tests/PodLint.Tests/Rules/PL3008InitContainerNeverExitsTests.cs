using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL3008InitContainerNeverExitsTests
{
    [Test]
    public void Fires_at_the_duration_of_a_sleep_as_an_error()
    {
        var found = RuleAssert.Spans("PL3008", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - {name: hold, image: busybox:1.37, command: [sleep, {|PL3008:infinity|}]}
              containers:
                - {name: web, image: shop/web:1.0}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.MessageId, Is.EqualTo("never-exits"));
            Assert.That(d.Path, Is.EqualTo("spec.initContainers[0].command[1]"));
            Assert.That(d.Message, Is.EqualTo(
                "init container `hold` never exits (`sleep infinity`), so the Pod never gets past its init containers and the app containers never start"));
            Assert.That(d.Help, Is.EqualTo(
                "if `hold` should keep running beside the app, make it a native sidecar with `restartPolicy: Always`; otherwise let its command finish"));
        }
    }

    [Test]
    public void Fires_at_a_script_that_loops_for_ever()
    {
        var found = RuleAssert.Spans("PL3008", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - name: beat
                  image: busybox:1.37
                  command: [/bin/sh, -c, --]
                  args: [{|PL3008:'while true; do date; sleep 5; done'|}]
              containers:
                - {name: web, image: shop/web:1.0}
            """);
        Assert.That(found.Single().Message, Does.StartWith("init container `beat` never exits (a `while true` loop)"));
    }

    [Test]
    public void The_image_alone_decides_nothing()
        => RuleAssert.Spans("PL3008", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - {name: istio-init, image: docker.io/istio/proxyv2:1.24.1, args: [istio-iptables, -p, "15001"]}
                - {name: envoy-config, image: envoyproxy/envoy:v1.31.0}
              containers:
                - {name: web, image: shop/web:1.0}
            """);
}
