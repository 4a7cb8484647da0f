using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2005DuplicateHostPortTests
{
    [Test]
    public void Fires_at_the_later_host_port_with_the_servers_key_and_the_first_as_related()
    {
        var found = RuleAssert.Spans("PL2005", """
            apiVersion: v1
            kind: Pod
            metadata: {name: ingress, namespace: edge}
            spec:
              containers:
                - name: proxy
                  image: nginx:1.27
                  ports:
                    - {containerPort: 8080, hostPort: 8080, protocol: TCP}
                - name: admin
                  image: ops/admin:1.0
                  ports:
                    - {containerPort: 9000, hostPort: {|PL2005:8080|}}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.MessageId, Is.EqualTo("already-declared"));
            Assert.That(d.Path, Is.EqualTo("spec.containers[1].ports[0].hostPort"));
            Assert.That(d.Message, Is.EqualTo("host port `8080/TCP` is already declared by `proxy` (duplicate value: `TCP//8080`)"));
            Assert.That(d.Help, Is.EqualTo("a node binds each host port once per address: give this port another `hostPort`, or drop the `hostPort` and reach the container through a Service"));
            Assert.That(d.Related.Single().Message, Is.EqualTo("first declared here, by `proxy`"));
            Assert.That(d.Related.Single().Path, Is.EqualTo("spec.containers[0].ports[0].hostPort"));
            Assert.That(d.Related.Single().Span, Is.EqualTo(new SourceSpan("pod.yaml", 9, 43, 9, 47)));
            Assert.That(d.Object?.ToString(), Is.EqualTo("edge/ingress"));
        }
    }

    [Test]
    public void The_host_ip_is_part_of_the_key()
    {
        var found = RuleAssert.Spans("PL2005", """
            apiVersion: v1
            kind: Pod
            metadata: {name: dns}
            spec:
              containers:
                - name: dns
                  image: coredns/coredns:1.11.3
                  ports:
                    - {containerPort: 53, hostPort: 53, hostIP: 10.0.0.1, protocol: UDP}
                    - {containerPort: 53, hostPort: 53, protocol: UDP}
                    - {containerPort: 54, hostPort: {|PL2005:53|}, hostIP: 10.0.0.1, protocol: UDP}
                    - {containerPort: 55, hostPort: 53, hostIP: "::1", protocol: UDP}
                    - {containerPort: 56, hostPort: {|PL2005:53|}, hostIP: "::1", protocol: UDP}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Message, Is.EqualTo("host port `10.0.0.1:53/UDP` is already declared by `dns` (duplicate value: `UDP/10.0.0.1/53`)"));
            Assert.That(found[1].Message, Is.EqualTo("host port `[::1]:53/UDP` is already declared by `dns` (duplicate value: `UDP/::1/53`)"));
        }
    }

    [Test]
    public void Each_init_container_is_checked_alone_with_its_true_path()
    {
        var found = RuleAssert.Spans("PL2005", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - {name: first, image: busybox:1.37, ports: [{containerPort: 80, hostPort: 80}]}
                - name: second
                  image: busybox:1.37
                  ports:
                    - {containerPort: 80, hostPort: 80}
                    - {containerPort: 81, hostPort: {|PL2005:80|}}
                - name: agent
                  image: ops/agent:1.0
                  restartPolicy: Always
                  ports: [{containerPort: 80, hostPort: 80}]
              containers:
                - {name: app, image: shop/app:1.0, ports: [{containerPort: 80, hostPort: 80}]}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Single().Path, Is.EqualTo("spec.initContainers[1].ports[1].hostPort"), "PodLint keeps the true index; the server says initContainers[0]");
            Assert.That(found.Single().Message, Is.EqualTo("host port `80/TCP` is already declared by `second` (duplicate value: `TCP//80`)"));
            Assert.That(found.Single().Related.Single().Path, Is.EqualTo("spec.initContainers[1].ports[0].hostPort"));
        }
    }

    [Test]
    public void With_host_network_a_missing_host_port_is_the_container_port()
    {
        var found = RuleAssert.Spans("PL2005", """
            apiVersion: v1
            kind: Pod
            metadata: {name: node-metrics}
            spec:
              hostNetwork: true
              containers:
                - {name: node-exporter, image: prom/node-exporter:v1.8.2, ports: [{containerPort: 9100}]}
                - {name: textfile, image: ops/textfile:0.2, ports: [{containerPort: {|PL2005:9100|}, hostPort: 0}]}
                - {name: agent, image: ops/agent:1.0, ports: [{containerPort: 9200, hostPort: {|PL2005:9100|}}]}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].MessageId, Is.EqualTo("host-network-port"));
            Assert.That(found[0].Path, Is.EqualTo("spec.containers[1].ports[0].containerPort"));
            Assert.That(found[0].Message, Is.EqualTo(
                "with `hostNetwork: true` container port `9100/TCP` is a host port, already declared by `node-exporter` (duplicate value: `TCP//9100`)"));
            Assert.That(found[0].Help, Is.EqualTo(
                "with `hostNetwork: true` the containers listen on the node itself, where each port can be bound once: give this container another port"));
            Assert.That(found[0].Related.Single().Path, Is.EqualTo("spec.containers[0].ports[0].containerPort"));
            Assert.That(found[1].MessageId, Is.EqualTo("already-declared"));
            Assert.That(found[1].Path, Is.EqualTo("spec.containers[2].ports[0].hostPort"));
        }
    }

    [Test]
    public void Without_host_network_zero_or_missing_host_ports_are_not_compared()
        => RuleAssert.Spans("PL2005", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              hostNetwork: false
              containers:
                - {name: a, image: nginx:1.27, ports: [{containerPort: 8080}, {containerPort: 8081, hostPort: 0}]}
                - {name: b, image: nginx:1.27, ports: [{containerPort: 8080}, {containerPort: 8081, hostPort: 0}]}
            """);

    [Test]
    public void Workload_templates_are_checked_with_their_paths()
    {
        var found = RuleAssert.Spans("PL2005", """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: probe}
            spec:
              schedule: "*/5 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - {name: a, image: ops/probe:1.0, ports: [{containerPort: 80, hostPort: 8080}]}
                        - {name: b, image: ops/probe:1.0, ports: [{containerPort: 81, hostPort: {|PL2005:8080|}}]}
            """);
        Assert.That(found.Single().Path, Is.EqualTo("spec.jobTemplate.spec.template.spec.containers[1].ports[0].hostPort"));
    }
}
