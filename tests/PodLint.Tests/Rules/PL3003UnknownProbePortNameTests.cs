using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL3003UnknownProbePortNameTests
{
    [Test]
    public void Fires_at_a_name_no_container_declares()
    {
        var found = RuleAssert.Spans("PL3003", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports: [{name: http, containerPort: 8080}]
                  readinessProbe:
                    httpGet: {path: /, port: {|PL3003:htpp|}}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.MessageId, Is.EqualTo("not-declared"));
            Assert.That(d.Path, Is.EqualTo("spec.containers[0].readinessProbe.httpGet.port"));
            Assert.That(d.Message, Is.EqualTo("`readinessProbe` uses port name `htpp`, which `web` does not declare"));
            Assert.That(d.Help, Is.EqualTo("declare the port in the `ports` of `web` with `name: htpp`, or write the port number"));
            Assert.That(d.Related, Is.Empty);
        }
    }

    [Test]
    public void Names_the_other_container_that_declares_the_name()
    {
        var found = RuleAssert.Spans("PL3003", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - {name: setup, image: shop/setup:1.0, ports: [{name: admin, containerPort: 9000}]}
                - name: envoy
                  image: envoyproxy/envoy:v1.32.2
                  restartPolicy: Always
                  ports: [{name: admin, containerPort: 9901}]
              containers:
                - name: orders
                  image: shop/orders:2.3
                  livenessProbe:
                    tcpSocket: {port: {|PL3003:admin|}}
                  lifecycle:
                    preStop:
                      httpGet: {path: /drain, port: {|PL3003:admin|}}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].MessageId, Is.EqualTo("declared-by-other"));
            Assert.That(found[0].Message, Is.EqualTo("`livenessProbe` uses port name `admin`, which `orders` does not declare: only `envoy` does"));
            Assert.That(found[0].Help, Is.EqualTo(
                "the kubelet looks a probe's port name up in its own container only: declare the port in the `ports` of `orders`, or check `envoy` with a probe of its own"));
            Assert.That(found[0].Related.Single().Message, Is.EqualTo("declared here, by `envoy`"), "a container running beside the probe is named before a plain init container");
            Assert.That(found[0].Related.Single().Path, Is.EqualTo("spec.initContainers[1].ports[0].name"));
            Assert.That(found[0].Related.Single().Span, Is.EqualTo(new SourceSpan("pod.yaml", 10, 22, 10, 27)));
            Assert.That(found[1].Message, Does.StartWith("`lifecycle.preStop` uses port name `admin`"));
            Assert.That(found[1].Path, Is.EqualTo("spec.containers[0].lifecycle.preStop.httpGet.port"));
        }
    }

    [Test]
    public void A_plain_init_container_is_named_when_it_is_the_only_one()
    {
        var found = RuleAssert.Spans("PL3003", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - {name: setup, image: shop/setup:1.0, ports: [{name: admin, containerPort: 9000}]}
              containers:
                - {name: orders, image: shop/orders:2.3, startupProbe: {httpGet: {port: {|PL3003:admin|}}}}
            """);
        Assert.That(found.Single().Message, Does.EndWith("only `setup` does"));
    }

    [Test]
    public void Leaves_numbers_non_names_and_hooks_that_never_run_alone()
        => RuleAssert.Spans("PL3003", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - {name: migrate, image: shop/migrate:1.0, readinessProbe: {httpGet: {port: http}}}
              containers:
                - name: web
                  image: nginx:1.27
                  ports: [{name: http, containerPort: 8080}]
                  readinessProbe: {httpGet: {port: http}}
                  livenessProbe: {tcpSocket: {port: "8080"}}
                  startupProbe: {httpGet: {port: 8080}}
                  lifecycle:
                    postStart: {tcpSocket: {port: admin}}
                    preStop: {httpGet: {port: Admin}}
            """);
}
