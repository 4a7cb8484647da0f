using PodLint.Model;

namespace PodLint.Tests.Model;

/// <summary>
/// The effective requests and limits of a Pod, as <c>k8s.io/component-helpers/resource</c> computes them (PodRequests,
/// PodLimits), after the API server's defaulting: the cases of the sidecar KEP (753) and of Pod-level resources (2837).
/// </summary>
public class PodResourcesTests
{
    private static PodResources Of(string spec) => PodResources.Compute(SpecOf(spec));

    private static PodSpec SpecOf(string spec) => PodSpecs.Of("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:

        """ + Indent(spec));

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "  " + l));

    [Test]
    public void App_containers_add_up()
    {
        var r = Of("""
            containers:
              - {name: web, image: nginx:1.27, resources: {requests: {cpu: 100m, memory: 64Mi}}}
              - {name: exporter, image: exporter:1, resources: {requests: {cpu: 0.2, memory: 16Mi}}}
            """);
        var cpu = r.Request("cpu")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cpu.Amount.ToString(), Is.EqualTo("300m"));
            Assert.That(cpu.DrivenBy, Is.EqualTo(ResourceDriver.RunningContainers));
            Assert.That(cpu.Running?.ToString(), Is.EqualTo("300m"));
            Assert.That(cpu.RunningParts.Select(p => p.Container.DisplayName), Is.EqualTo(new[] { "web", "exporter" }));
            Assert.That(cpu.InitPeak, Is.Null);
            Assert.That(cpu.InitContainer, Is.Null);
            Assert.That(cpu.PodLevel, Is.Null);
            Assert.That(cpu.Overhead, Is.Null);
            Assert.That(cpu.NotSetBy, Is.Empty);
            Assert.That(r.Request("memory")!.Amount.ToString(), Is.EqualTo("80Mi"));
            Assert.That(r.Requests.Select(q => q.Name), Is.EqualTo(new[] { "cpu", "memory" }));
            Assert.That(r.Limits, Is.Empty);
            Assert.That(r.Limit("cpu"), Is.Null);
            Assert.That(r.IsComplete, Is.True);
        }
    }

    [Test]
    public void A_request_defaults_to_the_limit_of_its_container()
    {
        var spec = SpecOf("""
            containers:
              - name: web
                image: nginx:1.27
                resources:
                  requests: {cpu: 100m}
                  limits: {cpu: 500m, memory: 256Mi}
            """);
        var r = PodResources.Compute(spec);
        var web = spec.Containers[0];
        var memory = r.RequestOf(web, "memory")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(memory.Amount.ToString(), Is.EqualTo("256Mi"));
            Assert.That(memory.IsDefaultedFromLimit, Is.True);
            Assert.That(memory.Field.Path.ToString(), Is.EqualTo("spec.containers[0].resources.limits[memory]"));
            Assert.That(r.RequestOf(web, "cpu")!.Amount.ToString(), Is.EqualTo("100m"), "a request that is set is kept");
            Assert.That(r.RequestOf(web, "cpu")!.IsDefaultedFromLimit, Is.False);
            Assert.That(r.Request("memory")!.Amount.ToString(), Is.EqualTo("256Mi"));
            Assert.That(r.Limit("cpu")!.Amount.ToString(), Is.EqualTo("500m"));
            Assert.That(r.LimitOf(web, "memory")!.Field.Path.ToString(), Is.EqualTo("spec.containers[0].resources.limits[memory]"));
            Assert.That(r.RequestOf(web, "nvidia.com/gpu"), Is.Null);
        }
    }

    [Test]
    public void An_init_container_that_needs_more_than_the_running_containers_drives_the_request()
    {
        var r = Of("""
            initContainers:
              - {name: wait, image: busybox:1.37, resources: {requests: {memory: 16Mi}}}
              - {name: migrate, image: migrate:1, resources: {limits: {memory: 2Gi}}}
              - {name: warm, image: warm:1, resources: {requests: {memory: 2Gi}}}
            containers:
              - {name: app, image: app:1, resources: {requests: {memory: 512Mi, cpu: 250m}}}
            """);
        var memory = r.Request("memory")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(memory.Amount.ToString(), Is.EqualTo("2Gi"));
            Assert.That(memory.DrivenBy, Is.EqualTo(ResourceDriver.InitContainer));
            Assert.That(memory.Running?.ToString(), Is.EqualTo("512Mi"));
            Assert.That(memory.InitPeak?.ToString(), Is.EqualTo("2Gi"));
            Assert.That(memory.InitContainer!.Container.DisplayName, Is.EqualTo("migrate"), "the first of the largest");
            Assert.That(memory.InitContainer.IsDefaultedFromLimit, Is.True);
            Assert.That(memory.InitContainer.Field.Path.ToString(), Is.EqualTo("spec.initContainers[1].resources.limits[memory]"));
            Assert.That(r.Request("cpu")!.DrivenBy, Is.EqualTo(ResourceDriver.RunningContainers));
            Assert.That(r.Request("cpu")!.NotSetBy.Select(c => c.DisplayName), Is.EqualTo(new[] { "wait", "migrate", "warm" }));
        }
    }

    [Test]
    public void Native_sidecars_run_for_the_whole_life_and_beside_the_init_containers_after_them()
    {
        // KEP 753's formula: running = app + every sidecar; an init container needs its own amount plus the sidecars
        // started before it.
        var r = Of("""
            initContainers:
              - {name: init1, image: i:1, resources: {requests: {cpu: 1}}}
              - {name: sidecar1, image: s:1, restartPolicy: Always, resources: {requests: {cpu: 2}}}
              - {name: init2, image: i:1, resources: {requests: {cpu: 10, memory: 1Gi}}}
              - {name: sidecar2, image: s:1, restartPolicy: Always, resources: {requests: {cpu: 4}}}
              - {name: init3, image: i:1, resources: {requests: {memory: 100Mi}}}
            containers:
              - {name: app, image: a:1, resources: {requests: {cpu: 5, memory: 2Gi}}}
            """);
        var cpu = r.Request("cpu")!;
        var memory = r.Request("memory")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cpu.Running?.ToString(), Is.EqualTo("11"));
            Assert.That(cpu.RunningParts.Select(p => p.Container.DisplayName), Is.EqualTo(new[] { "app", "sidecar1", "sidecar2" }));
            Assert.That(cpu.InitPeak?.ToString(), Is.EqualTo("12"), "init2 (10) beside sidecar1 (2)");
            Assert.That(cpu.InitContainer!.Container.DisplayName, Is.EqualTo("init2"));
            Assert.That(cpu.Amount.ToString(), Is.EqualTo("12"));
            Assert.That(cpu.DrivenBy, Is.EqualTo(ResourceDriver.InitContainer));
            Assert.That(memory.Amount.ToString(), Is.EqualTo("2Gi"));
            Assert.That(memory.DrivenBy, Is.EqualTo(ResourceDriver.RunningContainers));
            Assert.That(memory.InitPeak?.ToString(), Is.EqualTo("1Gi"));
        }
    }

    [Test]
    public void An_init_container_equal_to_the_running_sum_does_not_drive_it()
    {
        var r = Of("""
            initContainers:
              - {name: proxy, image: envoy:1, restartPolicy: Always, resources: {requests: {memory: 100Mi}}}
              - {name: init, image: i:1, resources: {requests: {memory: 500Mi}}}
            containers:
              - {name: app, image: a:1, resources: {requests: {memory: 500Mi}}}
            """);
        var memory = r.Request("memory")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(memory.InitPeak?.ToString(), Is.EqualTo("600Mi"));
            Assert.That(memory.Running?.ToString(), Is.EqualTo("600Mi"));
            Assert.That(memory.DrivenBy, Is.EqualTo(ResourceDriver.RunningContainers));
        }
    }

    [Test]
    public void A_plain_init_container_without_the_resource_needs_what_the_sidecars_before_it_do()
    {
        var r = Of("""
            initContainers:
              - {name: proxy, image: envoy:1, restartPolicy: Always, resources: {requests: {cpu: 100m}}}
              - {name: init, image: i:1}
            """);
        var cpu = r.Request("cpu")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cpu.Running?.ToString(), Is.EqualTo("100m"));
            Assert.That(cpu.InitPeak?.ToString(), Is.EqualTo("100m"));
            Assert.That(cpu.InitContainer!.Container.DisplayName, Is.EqualTo("proxy"));
            Assert.That(cpu.DrivenBy, Is.EqualTo(ResourceDriver.RunningContainers));
        }
    }

    [Test]
    public void Only_init_containers_request_a_resource()
    {
        var r = Of("""
            initContainers:
              - {name: init, image: i:1, resources: {requests: {ephemeral-storage: 1Gi}}}
            containers:
              - {name: app, image: a:1}
            """);
        var storage = r.Request("ephemeral-storage")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(storage.Amount.ToString(), Is.EqualTo("1Gi"));
            Assert.That(storage.Running, Is.Null);
            Assert.That(storage.DrivenBy, Is.EqualTo(ResourceDriver.InitContainer));
            Assert.That(storage.NotSetBy.Select(c => c.DisplayName), Is.EqualTo(new[] { "app" }));
        }
    }

    [Test]
    public void Overhead_is_added_to_every_request_and_to_the_limits_that_are_set()
    {
        var r = Of("""
            overhead: {cpu: 250m, memory: 120Mi, ephemeral-storage: 1Gi}
            containers:
              - name: app
                image: a:1
                resources:
                  requests: {cpu: 1, memory: 1Gi}
                  limits: {memory: 2Gi, cpu: "0"}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Request("cpu")!.Amount.ToString(), Is.EqualTo("1250m"));
            Assert.That(r.Request("memory")!.Amount.ToString(), Is.EqualTo("1144Mi"));
            Assert.That(r.Request("memory")!.Overhead?.Path.ToString(), Is.EqualTo("spec.overhead[memory]"));
            Assert.That(r.Request("ephemeral-storage")!.Amount.ToString(), Is.EqualTo("1Gi"));
            Assert.That(r.Request("ephemeral-storage")!.DrivenBy, Is.EqualTo(ResourceDriver.Overhead));
            Assert.That(r.Limit("memory")!.Amount.ToString(), Is.EqualTo("2168Mi"));
            Assert.That(r.Limit("cpu")!.Amount.ToString(), Is.EqualTo("0"), "a zero limit gets no overhead");
            Assert.That(r.Limit("cpu")!.Overhead, Is.Null);
            Assert.That(r.Limit("ephemeral-storage"), Is.Null, "the overhead alone is no limit");
        }
    }

    [Test]
    public void Pod_level_resources_replace_the_aggregate_for_what_they_set()
    {
        var r = Of("""
            resources:
              requests: {cpu: "1"}
              limits: {cpu: "2", memory: 1Gi, ephemeral-storage: 5Gi}
            initContainers:
              - {name: init, image: i:1, resources: {requests: {cpu: "4", memory: 100Mi}}}
            containers:
              - {name: app, image: a:1, resources: {requests: {cpu: 500m, memory: 200Mi}, limits: {ephemeral-storage: 1Gi}}}
            """);
        var cpu = r.Request("cpu")!;
        var memory = r.Request("memory")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cpu.Amount.ToString(), Is.EqualTo("1"));
            Assert.That(cpu.DrivenBy, Is.EqualTo(ResourceDriver.PodLevel));
            Assert.That(cpu.PodLevel?.Path.ToString(), Is.EqualTo("spec.resources.requests[cpu]"));
            Assert.That(cpu.InitPeak?.ToString(), Is.EqualTo("4"), "the parts are still there");
            Assert.That(memory.Amount.ToString(), Is.EqualTo("200Mi"), "a Pod-level request for memory defaults to the containers' aggregate");
            Assert.That(memory.DrivenBy, Is.EqualTo(ResourceDriver.RunningContainers));
            Assert.That(r.Limit("cpu")!.Amount.ToString(), Is.EqualTo("2"));
            Assert.That(r.Limit("memory")!.DrivenBy, Is.EqualTo(ResourceDriver.PodLevel));
            Assert.That(r.Limit("ephemeral-storage")!.Amount.ToString(), Is.EqualTo("1Gi"), "the Pod level cannot set ephemeral-storage");
            Assert.That(r.Request("ephemeral-storage")!.Amount.ToString(), Is.EqualTo("1Gi"), "defaulted from the container's limit");
        }
    }

    [Test]
    public void A_pod_level_limit_gives_the_request_of_a_resource_no_container_requests()
    {
        var r = Of("""
            resources:
              limits: {memory: 1Gi, cpu: "2", hugepages-2Mi: 100Mi}
            containers:
              - {name: app, image: a:1, resources: {requests: {cpu: 500m, hugepages-2Mi: 50Mi}, limits: {hugepages-2Mi: 50Mi}}}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Request("memory")!.Amount.ToString(), Is.EqualTo("1Gi"));
            Assert.That(r.Request("memory")!.DrivenBy, Is.EqualTo(ResourceDriver.PodLevel));
            Assert.That(r.Request("memory")!.PodLevel?.Path.ToString(), Is.EqualTo("spec.resources.limits[memory]"));
            Assert.That(r.Request("cpu")!.Amount.ToString(), Is.EqualTo("500m"), "cpu is requested by a container");
            Assert.That(r.Request("hugepages-2Mi")!.Amount.ToString(), Is.EqualTo("100Mi"), "hugepages cannot be overcommitted: the Pod-level limit");
        }
    }

    [Test]
    public void Ephemeral_containers_are_not_counted_and_values_are_rounded_to_thousandths()
    {
        var r = Of("""
            containers:
              - {name: app, image: a:1, resources: {requests: {cpu: 0.1m, memory: "1.0001"}}}
            ephemeralContainers:
              - {name: debug, image: busybox:1.37, resources: {requests: {cpu: 1}}}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Request("cpu")!.Amount.ToString(), Is.EqualTo("1m"));
            Assert.That(r.Request("memory")!.Amount.ToString(), Is.EqualTo("1001m"));
            Assert.That(r.Request("cpu")!.NotSetBy, Is.Empty, "ephemeral containers are not asked");
        }
    }

    [Test]
    public void Extended_resources_and_zero_requests_are_counted()
    {
        var r = Of("""
            containers:
              - {name: a, image: a:1, resources: {limits: {nvidia.com/gpu: 1}}}
              - {name: b, image: b:1, resources: {limits: {nvidia.com/gpu: 2}, requests: {cpu: "0"}}}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Request("nvidia.com/gpu")!.Amount.ToString(), Is.EqualTo("3"));
            Assert.That(r.Limit("nvidia.com/gpu")!.Amount.ToString(), Is.EqualTo("3"));
            Assert.That(r.Request("cpu")!.Amount.IsZero, Is.True);
            Assert.That(r.Request("cpu")!.NotSetBy.Select(c => c.DisplayName), Is.EqualTo(new[] { "a" }));
        }
    }

    [Test]
    public void Values_that_cannot_be_read_are_left_out_and_make_it_incomplete()
    {
        var invalid = Of("""
            containers:
              - {name: a, image: a:1, resources: {requests: {cpu: 2 cores, memory: 1Gi}}}
            """);
        var negative = Of("""
            containers:
              - {name: a, image: a:1, resources: {requests: {cpu: "-1", memory: 1Gi}}}
            """);
        var notAMap = Of("""
            containers:
              - {name: a, image: a:1, resources: {requests: [1Gi]}}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(invalid.IsComplete, Is.False);
            Assert.That(invalid.Request("cpu"), Is.Null);
            Assert.That(invalid.Request("memory")!.Amount.ToString(), Is.EqualTo("1Gi"));
            Assert.That(negative.IsComplete, Is.False);
            Assert.That(negative.Request("cpu"), Is.Null);
            Assert.That(notAMap.IsComplete, Is.False);
        }
    }

    [Test]
    public void Limits_follow_the_same_formula_and_say_who_is_unbounded()
    {
        var r = Of("""
            initContainers:
              - {name: init, image: i:1, resources: {limits: {memory: 4Gi}}}
              - {name: proxy, image: envoy:1, restartPolicy: Always}
            containers:
              - {name: app, image: a:1, resources: {limits: {memory: 1Gi}}}
            """);
        var memory = r.Limit("memory")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(memory.Amount.ToString(), Is.EqualTo("4Gi"));
            Assert.That(memory.DrivenBy, Is.EqualTo(ResourceDriver.InitContainer));
            Assert.That(memory.NotSetBy.Select(c => c.DisplayName), Is.EqualTo(new[] { "proxy" }));
        }
    }

    [Test]
    public void Workload_templates_are_computed_alike_and_once()
    {
        var spec = PodSpecs.Of("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  initContainers:
                    - {name: migrate, image: m:1, resources: {requests: {memory: 2Gi}}}
                  containers:
                    - {name: app, image: a:1, resources: {requests: {memory: 512Mi}}}
            """);
        var r = PodResources.Compute(spec);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PodResources.Compute(spec), Is.SameAs(r));
            Assert.That(r.Request("memory")!.InitContainer!.Field.Path.ToString(), Is.EqualTo("spec.template.spec.initContainers[0].resources.requests[memory]"));
            Assert.That(r.Request("memory")!.ToString(), Is.EqualTo("memory 2Gi (InitContainer)"));
        }
    }

    [TestCase("cpu", true)]
    [TestCase("memory", true)]
    [TestCase("hugepages-1Gi", true)]
    [TestCase("ephemeral-storage", false)]
    [TestCase("nvidia.com/gpu", false)]
    public void Pod_level_resources(string name, bool supported)
        => Assert.That(PodResources.IsSupportedPodLevelResource(name), Is.EqualTo(supported));
}
