using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL3012InitContainerDominatesRequestsTests
{
    [Test]
    public void Fires_at_the_init_containers_request_with_the_numbers_and_the_app_requests_as_related()
    {
        var found = RuleAssert.Spans("PL3012", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders-api}
            spec:
              initContainers:
                - name: migrate
                  image: registry.example.com/shop/orders-migrate:2.3.1
                  resources:
                    requests: {cpu: 500m, memory: {|PL3012:2Gi|}}
              containers:
                - name: orders-api
                  image: registry.example.com/shop/orders-api:2.3.1
                  resources: {requests: {cpu: 500m, memory: 256Mi}}
                - name: exporter
                  image: nginx/nginx-prometheus-exporter:1.4.0
                  resources: {limits: {cpu: 10m, memory: 256Mi}}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Info));
            Assert.That(d.MessageId, Is.EqualTo("dominates"));
            Assert.That(d.Message, Is.EqualTo("init container `migrate` requests memory 2Gi; the app containers and sidecars request 512Mi in all, so the Pod reserves 2Gi"));
            Assert.That(d.Help, Is.EqualTo("the scheduler keeps 2Gi for the Pod's whole life, not only while `migrate` runs: lower its memory request if it can do with less"));
            Assert.That(d.Path, Is.EqualTo("spec.initContainers[0].resources.requests[memory]"));
            Assert.That(d.Related.Select(r => (r.Path, r.Message)), Is.EqualTo(new[]
            {
                ("spec.containers[0].resources.requests[memory]", "`orders-api` requests 256Mi"),
                ("spec.containers[1].resources.limits[memory]", "`exporter` requests 256Mi (its limit)"),
            }));
        }
    }

    [Test]
    public void Counts_the_native_sidecars_started_before_the_init_container_and_says_so()
    {
        var found = RuleAssert.Spans("PL3012", """
            apiVersion: v1
            kind: Pod
            metadata: {name: report}
            spec:
              initContainers:
                - {name: proxy, image: envoy:1, restartPolicy: Always, resources: {requests: {cpu: 100m}}}
                - {name: prepare, image: prepare:1, resources: {requests: {cpu: {|PL3012:500m|}}}}
                - {name: late, image: envoy:1, restartPolicy: Always, resources: {requests: {cpu: 100m}}}
              containers:
                - {name: report, image: report:1, resources: {requests: {cpu: 350m}}}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Single().MessageId, Is.EqualTo("dominates-with-sidecars"));
            Assert.That(found.Single().Message, Is.EqualTo(
                "init container `prepare` requests cpu 500m, 600m with the native sidecars started before it; the app containers and sidecars request 550m in all, so the Pod reserves 600m"));
        }
    }

    [Test]
    public void A_request_defaulted_from_the_limit_is_reported_at_the_limit_and_the_overhead_is_named()
    {
        var found = RuleAssert.Spans("PL3012", """
            apiVersion: v1
            kind: Pod
            metadata: {name: inference}
            spec:
              overhead: {memory: 120Mi}
              initContainers:
                - {name: warmup, image: warmup:1, resources: {limits: {memory: {|PL3012:8Gi|}}}}
              containers:
                - {name: server, image: server:1, resources: {requests: {memory: 6Gi}}}
            """);
        Assert.That(found.Single().Message, Is.EqualTo(
            "init container `warmup` requests memory 8Gi (its limit, which the request defaults to); the app containers and sidecars request 6Gi in all, so the Pod reserves 8312Mi with its overhead"));
    }

    [Test]
    public void Only_the_init_container_with_the_largest_need_is_reported_once_per_resource()
        => RuleAssert.Spans("PL3012", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - {name: a, image: a:1, resources: {requests: {cpu: 300m, memory: {|PL3012:1Gi|}, nvidia.com/gpu: {|PL3012:2|}}, limits: {nvidia.com/gpu: 2}}}
                - {name: b, image: b:1, resources: {requests: {cpu: {|PL3012:400m|}, memory: 1Gi}}}
                - {name: c, image: c:1, resources: {requests: {cpu: 400m, memory: 512Mi}}}
              containers:
                - {name: app, image: app:1, resources: {requests: {cpu: 200m, memory: 512Mi}, limits: {nvidia.com/gpu: 1}}}
            """);

    [Test]
    public void Pod_level_resources_and_resources_no_app_container_requests_are_left_out()
        => RuleAssert.Spans("PL3012", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              resources: {requests: {memory: 4Gi}}
              initContainers:
                - {name: a, image: a:1, resources: {requests: {memory: 2Gi, ephemeral-storage: 5Gi, cpu: 1}}}
              containers:
                - {name: app, image: app:1, resources: {requests: {memory: 512Mi, cpu: "0"}}}
            """);
}
