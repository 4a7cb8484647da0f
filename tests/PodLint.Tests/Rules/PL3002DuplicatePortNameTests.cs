using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL3002DuplicatePortNameTests
{
    [Test]
    public void Fires_at_the_later_name_with_the_first_as_related()
    {
        var found = RuleAssert.Spans("PL3002", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: shop/web:3.1
                  ports:
                    - {name: metrics, containerPort: 9090}
                - name: exporter
                  image: nginx/nginx-prometheus-exporter:1.4.0
                  ports:
                    - {name: {|PL3002:metrics|}, containerPort: 9113}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.MessageId, Is.EqualTo("already-declared"));
            Assert.That(d.Path, Is.EqualTo("spec.containers[1].ports[0].name"));
            Assert.That(d.Message, Is.EqualTo(
                "port name `metrics` is already declared by `web`: a Service's `targetPort: metrics` reaches `web`'s port 9090/TCP, never this one (9113/TCP)"));
            Assert.That(d.Help, Is.EqualTo("give each container's port a name of its own, and point Services, probes and monitors at the one they mean"));
            Assert.That(d.Related.Single().Message, Is.EqualTo("first declared here, by `web`"));
            Assert.That(d.Related.Single().Path, Is.EqualTo("spec.containers[0].ports[0].name"));
            Assert.That(d.Related.Single().Span, Is.EqualTo(new SourceSpan("pod.yaml", 9, 18, 9, 25)));
        }
    }

    [Test]
    public void A_native_sidecar_comes_after_the_app_containers_wherever_it_is_written()
    {
        var found = RuleAssert.Spans("PL3002", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - name: envoy
                  image: envoyproxy/envoy:v1.32.2
                  restartPolicy: Always
                  ports: [{name: {|PL3002:http|}, containerPort: 15001, protocol: TCP}]
              containers:
                - {name: orders, image: shop/orders:2.3, ports: [{name: http, containerPort: 8080}]}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Single().Message, Does.StartWith("port name `http` is already declared by `orders`: "));
            Assert.That(found.Single().Related.Single().Path, Is.EqualTo("spec.containers[0].ports[0].name"));
        }
    }

    [Test]
    public void Does_not_fire_where_a_Service_still_finds_one_port()
        => RuleAssert.Spans("PL3002", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - {name: warmup, image: shop/app:1.0, ports: [{name: http, containerPort: 8081}]}
              containers:
                - name: a
                  image: shop/app:1.0
                  ports:
                    - {name: http, containerPort: 8080}
                    - {name: dns, containerPort: 53, protocol: UDP}
                    - {name: HTTP, containerPort: 7000}
                - name: b
                  image: shop/proxy:1.0
                  ports:
                    - {name: http, containerPort: 8080}
                    - {name: dns, containerPort: 1053, protocol: TCP}
                    - {name: HTTP, containerPort: 7001}
            """);

    [Test]
    public void A_container_that_repeats_the_name_is_reported_once()
        => RuleAssert.Spans("PL3002", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: a, image: shop/app:1.0, ports: [{name: admin, containerPort: 9000}]}
                - {name: b, image: shop/app:1.0, ports: [{name: {|PL3002:admin|}, containerPort: 9001}, {name: admin, containerPort: 9002}]}
                - {name: c, image: shop/app:1.0, ports: [{name: {|PL3002:admin|}, containerPort: 9003}]}
            """);
}
