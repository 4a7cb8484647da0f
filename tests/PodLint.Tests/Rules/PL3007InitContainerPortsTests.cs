using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL3007InitContainerPortsTests
{
    [Test]
    public void Fires_once_per_container_at_its_first_port()
    {
        var found = RuleAssert.Spans("PL3007", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - name: render
                  image: shop/render:1.0
                  ports:
                    - containerPort: {|PL3007:8080|}
                    - {containerPort: 8443, protocol: TCP}
              containers:
                - {name: web, image: shop/web:1.0}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Info));
            Assert.That(d.MessageId, Is.EqualTo("declares-ports"));
            Assert.That(d.Path, Is.EqualTo("spec.initContainers[0].ports[0].containerPort"));
            Assert.That(d.Message, Is.EqualTo(
                "init container `render` declares ports `8080`, `8443`, but it runs to completion before the app containers start, and Services ignore the ports of init containers"));
            Assert.That(d.Help, Is.EqualTo("remove `ports` from `render`; if it should keep serving beside the app, make it a native sidecar with `restartPolicy: Always`"));
            Assert.That(d.Related, Is.Empty);
        }
    }

    [Test]
    public void A_helper_is_said_to_be_meant_as_a_native_sidecar()
    {
        var found = RuleAssert.Spans("PL3007", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - {name: tail, image: busybox:1.37, command: [tail, -f, /var/log/app.log], ports: [{containerPort: {|PL3007:2020|}}]}
              containers:
                - {name: web, image: shop/web:1.0}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.MessageId, Is.EqualTo("meant-as-sidecar"));
            Assert.That(d.Message, Is.EqualTo(
                "init container `tail` declares port `2020` and looks like a long-lived helper (`tail -f /var/log/app.log` never exits): it was probably meant as a native sidecar"));
            Assert.That(d.Help, Is.EqualTo("add `restartPolicy: Always` to `tail`: it then starts before the app containers and keeps running beside them"));
            Assert.That(d.Related.Single().Path, Is.EqualTo("spec.initContainers[0].command[1]"));
        }
    }

    [Test]
    public void Native_sidecars_and_app_containers_may_declare_ports()
        => RuleAssert.Spans("PL3007", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always, ports: [{containerPort: 15001}]}
                - {name: migrate, image: shop/migrate:1.0, ports: []}
              containers:
                - {name: web, image: shop/web:1.0, ports: [{containerPort: 8080}]}
            """);
}
