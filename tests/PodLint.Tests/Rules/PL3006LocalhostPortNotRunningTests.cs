using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL3006LocalhostPortNotRunningTests
{
    [Test]
    public void An_init_container_before_its_sidecar_is_reported_at_the_scalar_with_the_port_as_related()
    {
        var found = RuleAssert.Spans("PL3006", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - name: wait
                  image: busybox:1.37
                  env:
                    - {name: READY_URL, value: {|PL3006:"http://localhost:15021/healthz/ready"|}}
                - name: proxy
                  image: docker.io/istio/proxyv2:1.24.1
                  restartPolicy: Always
                  ports: [{containerPort: 15021}]
              containers:
                - {name: orders, image: shop/orders:1.0}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.MessageId, Is.EqualTo("sidecar-declared-later"));
            Assert.That(d.Path, Is.EqualTo("spec.initContainers[0].env[0].value"));
            Assert.That(d.Message, Is.EqualTo(
                "`wait` reaches `localhost:15021`, but `proxy`, the native sidecar that serves port 15021, is declared after it and has not started yet"));
            Assert.That(d.Help, Is.EqualTo("move `proxy` before `wait` in `initContainers`: init containers start in the order they are written"));
            Assert.That(d.Related.Single().Path, Is.EqualTo("spec.initContainers[1].ports[0].containerPort"));
            Assert.That(d.Related.Single().Message, Is.EqualTo("port 15021 declared here, by `proxy`"));
        }
    }

    [Test]
    public void Each_case_has_its_message()
    {
        var found = RuleAssert.Spans("PL3006", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - {name: warm, image: curlimages/curl:8.11.1, args: [{|PL3006:"http://127.0.0.1:8080/warm"|}]}
                - {name: first, image: shop/first:1.0, ports: [{containerPort: 7000}]}
                - {name: second, image: shop/second:1.0, command: [nc, -z, localhost, {|PL3006:'7000'|}]}
              containers:
                - {name: orders, image: shop/orders:1.0, ports: [{containerPort: 8080}], env: [{name: FIRST, value: {|PL3006:'[::1]:7000'|}}]}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.MessageId), Is.EqualTo(new[] { "served-by-app-container", "served-by-init-container", "init-container-exited" }));
            Assert.That(found[0].Message, Is.EqualTo(
                "`warm` reaches `127.0.0.1:8080`, but port 8080 is served by the app container `orders`, which starts only after every init container has finished"));
            Assert.That(found[1].Message, Is.EqualTo(
                "`second` reaches `localhost:7000`, but port 7000 is declared only by the init container `first`, and init containers run one at a time"));
            Assert.That(found[2].Message, Is.EqualTo(
                "`orders` reaches `[::1]:7000`, but port 7000 is declared only by the init container `first`, which has exited before the app containers start"));
            Assert.That(found[2].Help, Is.EqualTo("if `first` should keep serving, make it a native sidecar with `restartPolicy: Always`"));
        }
    }

    [Test]
    public void A_port_also_served_by_a_running_container_is_not_reported()
        => RuleAssert.Spans("PL3006", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always, ports: [{containerPort: 15001}]}
                - {name: migrate, image: shop/migrate:1.0, env: [{name: HTTP_PROXY, value: "http://localhost:15001"}]}
                - {name: late, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always, ports: [{containerPort: 15001}]}
              containers:
                - {name: orders, image: shop/orders:1.0, env: [{name: HTTP_PROXY, value: "http://localhost:15001"}]}
            """);

    [Test]
    public void Ephemeral_containers_are_neither_callers_nor_servers()
        => RuleAssert.Spans("PL3006", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - {name: wait, image: busybox:1.37, command: [sh, -c, 'until nc -z localhost 9999; do sleep 1; done']}
              containers:
                - {name: orders, image: shop/orders:1.0}
              ephemeralContainers:
                - {name: debug, image: busybox:1.37, command: [sh, -c, 'curl localhost:8080']}
            """);
}
