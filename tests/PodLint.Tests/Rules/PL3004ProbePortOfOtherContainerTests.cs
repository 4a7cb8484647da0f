using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL3004ProbePortOfOtherContainerTests
{
    [Test]
    public void Fires_at_the_probe_port_with_the_other_containers_port_as_related()
    {
        var found = RuleAssert.Spans("PL3004", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports: [{name: http, containerPort: 8080}]
                  livenessProbe:
                    httpGet: {path: /metrics, port: {|PL3004:9113|}}
                - name: exporter
                  image: nginx/nginx-prometheus-exporter:1.4.0
                  ports: [{name: metrics, containerPort: 9113}]
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.MessageId, Is.EqualTo("other-containers-port"));
            Assert.That(d.Path, Is.EqualTo("spec.containers[0].livenessProbe.httpGet.port"));
            Assert.That(d.Message, Is.EqualTo("`livenessProbe` of `web` targets port 9113, which `exporter` declares and `web` does not"));
            Assert.That(d.Help, Is.EqualTo("a probe or hook runs for its own container: target a port that `web` serves (and declare it), or give `exporter` the probe"));
            Assert.That(d.Related.Single().Message, Is.EqualTo("declared here, by `exporter`"));
            Assert.That(d.Related.Single().Path, Is.EqualTo("spec.containers[1].ports[0].containerPort"));
            Assert.That(d.Related.Single().Span, Is.EqualTo(new SourceSpan("pod.yaml", 13, 46, 13, 50)));
        }
    }

    [TestCase("")]
    [TestCase("host: localhost,")]
    [TestCase("host: LocalHost,")]
    [TestCase("host: 127.0.0.1,")]
    [TestCase("host: 127.0.0.53,")]
    [TestCase("host: \"::1\",")]
    public void Fires_for_the_Pods_own_addresses(string host)
        => RuleAssert.Spans("PL3004", $$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: nginx:1.27, readinessProbe: {httpGet: { {{host}} port: {|PL3004:9901|} } } }
                - {name: envoy, image: envoyproxy/envoy:v1.32.2, ports: [{containerPort: 9901}]}
            """);

    [TestCase("host: 10.0.0.1,")]
    [TestCase("host: orders-db.shop.svc,")]
    public void Does_not_fire_for_another_host(string host)
        => RuleAssert.Spans("PL3004", $$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: nginx:1.27, readinessProbe: {tcpSocket: { {{host}} port: 9901 } } }
                - {name: envoy, image: envoyproxy/envoy:v1.32.2, ports: [{containerPort: 9901}]}
            """);

    [Test]
    public void Native_sidecars_and_grpc_probes_are_checked_against_containers_that_run_beside_them()
    {
        var found = RuleAssert.Spans("PL3004", """
            apiVersion: v1
            kind: Pod
            metadata: {name: payments}
            spec:
              initContainers:
                - {name: early, image: shop/early:1.0, ports: [{containerPort: 7000}]}
                - name: auth-proxy
                  image: ops/auth-proxy:0.9
                  restartPolicy: Always
                  startupProbe: {grpc: {port: {|PL3004:9000|}}}
                  livenessProbe: {tcpSocket: {port: 7000}}
                  readinessProbe: {tcpSocket: {port: {|PL3004:7100|}}}
                - {name: late, image: shop/late:1.0, ports: [{containerPort: 7100}]}
              containers:
                - {name: payments, image: shop/payments:4.0, ports: [{name: grpc, containerPort: 9000}]}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Message, Is.EqualTo("`startupProbe` of `auth-proxy` targets port 9000, which `payments` declares and `auth-proxy` does not"));
            Assert.That(found[0].Path, Is.EqualTo("spec.initContainers[1].startupProbe.grpc.port"));
            Assert.That(found[1].Related.Single().Path, Is.EqualTo("spec.initContainers[2].ports[0].containerPort"));
        }
    }

    [Test]
    public void Does_not_fire_for_own_undeclared_or_udp_ports_or_for_names()
        => RuleAssert.Spans("PL3004", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports: [{containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]
                  readinessProbe: {httpGet: {port: 8080}}
                  livenessProbe: {httpGet: {port: 8081}}
                  startupProbe: {tcpSocket: {port: 54}}
                  lifecycle:
                    postStart: {tcpSocket: {port: 8080}}
                    preStop: {httpGet: {port: 9901}}
                - name: proxy
                  image: envoyproxy/envoy:v1.32.2
                  ports:
                    - {name: dns, containerPort: 54, protocol: UDP}
                    - {containerPort: 8080}
                  livenessProbe: {httpGet: {port: dns}}
              ephemeralContainers:
                - {name: debug, image: busybox:1.37}
            """);
}
