using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL3013SidecarWithoutRequestsTests
{
    [Test]
    public void Fires_at_the_sidecar_name_with_the_app_requests_as_related()
    {
        var found = RuleAssert.Spans("PL3013", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - name: {|PL3013:log-shipper|}
                  image: fluent/fluent-bit:3.2.2
                  restartPolicy: Always
              containers:
                - name: web
                  image: nginxinc/nginx-unprivileged:1.27.3-alpine
                  resources: {requests: {cpu: 50m, memory: 64Mi}}
                - name: exporter
                  image: nginx/nginx-prometheus-exporter:1.4.0
                  resources: {limits: {cpu: 10m, memory: 16Mi}}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.MessageId, Is.EqualTo("no-requests"));
            Assert.That(d.Message, Is.EqualTo("native sidecar `log-shipper` requests no cpu or memory, while every app container does"));
            Assert.That(d.Help, Is.EqualTo("a native sidecar runs for the Pod's whole life and counts towards its requests: give `log-shipper` `resources.requests` for cpu and memory"));
            Assert.That(d.Path, Is.EqualTo("spec.initContainers[0].name"));
            Assert.That(d.Related.Select(r => (r.Path, r.Message)), Is.EqualTo(new[]
            {
                ("spec.containers[0].resources.requests[cpu]", "`web` requests 50m of cpu"),
                ("spec.containers[0].resources.requests[memory]", "`web` requests 64Mi of memory"),
            }));
        }
    }

    [Test]
    public void Fires_at_the_resources_key_when_there_is_one_and_names_only_what_is_missing()
    {
        var found = RuleAssert.Spans("PL3013", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - name: envoy
                  image: envoyproxy/envoy:v1.32.2
                  restartPolicy: Always
                  {|PL3013:resources|}:
                    requests: {cpu: 50m}
                - name: wait
                  image: busybox:1.37.0
              containers:
                - {name: orders, image: orders:1, resources: {requests: {cpu: 100m, memory: 256Mi}}}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Single().Message, Is.EqualTo("native sidecar `envoy` requests no memory, while every app container does"));
            Assert.That(found.Single().Path, Is.EqualTo("spec.initContainers[0].resources"));
        }
    }

    [Test]
    public void A_limit_a_zero_request_or_a_pod_level_value_is_enough()
        => RuleAssert.Spans("PL3013", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              resources: {limits: {memory: 1Gi}}
              initContainers:
                - {name: a, image: a:1, restartPolicy: Always, resources: {limits: {cpu: 10m}}}
                - {name: b, image: b:1, restartPolicy: Always, resources: {requests: {cpu: "0"}}}
              containers:
                - {name: orders, image: orders:1, resources: {requests: {cpu: 100m, memory: 256Mi}}}
            """);

    [Test]
    public void Not_reported_unless_every_app_container_requests_a_non_zero_amount()
    {
        var found = RuleAssert.Spans("PL3013", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - {name: {|PL3013:proxy|}, image: envoy:1, restartPolicy: Always}
              containers:
                - {name: orders, image: orders:1, resources: {requests: {cpu: 100m, memory: 256Mi}}}
                - {name: exporter, image: exporter:1, resources: {requests: {cpu: "0", memory: 16Mi}}}
            """);
        Assert.That(found.Single().Message, Is.EqualTo("native sidecar `proxy` requests no memory, while every app container does"));
    }
}
