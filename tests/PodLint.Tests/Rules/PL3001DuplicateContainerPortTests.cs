using NUnit.Framework;
namespace PodLint.Tests.Rules;

public class PL3001DuplicateContainerPortTests
{
    [Test]
    public void Fires_at_the_second_container_with_the_first_as_related()
    {
        var found = RuleAssert.Spans("PL3001", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              containers:
                - name: proxy
                  image: nginx:1.27
                  ports:
                    - containerPort: 8080
                - name: app
                  image: shop/app:1.0
                  ports:
                    - name: http
                      containerPort: {|PL3001:8080|}
                      protocol: TCP
            """);
        var d = found[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(PodLint.Diagnostics.Severity.Warning));
            Assert.That(d.Path, Is.EqualTo("spec.containers[1].ports[0].containerPort"));
            Assert.That(d.Message, Is.EqualTo("container port `8080/TCP` of `app` is already declared by `proxy`"));
            Assert.That(d.Related.Single().Span, Is.EqualTo(new PodLint.Diagnostics.SourceSpan("pod.yaml", 9, 26, 9, 30)));
            Assert.That(d.Related.Single().Path, Is.EqualTo("spec.containers[0].ports[0].containerPort"));
            Assert.That(d.Object?.ToString(), Is.EqualTo("shop/web"));
        }
    }

    [Test]
    public void Does_not_fire_for_different_protocols_or_ports_or_within_one_container()
        => RuleAssert.Spans("PL3001", """
            apiVersion: v1
            kind: Pod
            metadata: {name: dns}
            spec:
              containers:
                - name: tcp
                  image: coredns/coredns:1.11.3
                  ports:
                    - {containerPort: 53, protocol: TCP}
                    - {containerPort: 53, protocol: TCP, name: again}
                - name: udp
                  image: coredns/coredns:1.11.3
                  ports:
                    - {containerPort: 53, protocol: UDP}
                    - {containerPort: 54}
            """);

    [Test]
    public void Protocol_defaults_to_tcp()
        => RuleAssert.Spans("PL3001", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: a, image: nginx:1.27, ports: [{containerPort: 80, protocol: TCP}]}
                - {name: b, image: nginx:1.27, ports: [{containerPort: {|PL3001:80|}}]}
            """);

    [Test]
    public void Classic_init_containers_do_not_clash_with_app_containers_or_each_other()
        => RuleAssert.Spans("PL3001", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - {name: migrate, image: shop/migrate:1.0, ports: [{containerPort: 8080}]}
                - {name: warmup, image: shop/warmup:1.0, ports: [{containerPort: 8080}]}
              containers:
                - {name: app, image: shop/app:1.0, ports: [{containerPort: 8080}]}
            """);

    [Test]
    public void Native_sidecars_clash_with_app_containers_and_with_later_init_containers()
        => RuleAssert.Spans("PL3001", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - {name: early, image: shop/early:1.0, ports: [{containerPort: 15000}]}
                - name: mesh
                  image: envoyproxy/envoy:v1.31.0
                  restartPolicy: Always
                  ports: [{containerPort: 15000}, {containerPort: 8080}]
                - {name: late, image: shop/late:1.0, ports: [{containerPort: {|PL3001:15000|}}]}
              containers:
                - {name: app, image: shop/app:1.0, ports: [{containerPort: {|PL3001:8080|}}]}
            """);

    [Test]
    public void Can_be_regraded_and_disabled()
    {
        const string Pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: a, image: nginx:1.27, ports: [{containerPort: 80}]}
                - {name: b, image: nginx:1.27, ports: [{containerPort: 80}]}
            """;
        var asError = new PodLint.Engine.PodLinter(new PodLint.Engine.PodLintOptions
        {
            RuleLevels = new Dictionary<string, PodLint.Diagnostics.RuleLevel> { ["duplicate-container-port"] = PodLint.Diagnostics.RuleLevel.Error },
        }).LintText(Pod);
        var off = new PodLint.Engine.PodLinter(new PodLint.Engine.PodLintOptions
        {
            RuleLevels = new Dictionary<string, PodLint.Diagnostics.RuleLevel> { ["PL3001"] = PodLint.Diagnostics.RuleLevel.Off },
        }).LintText(Pod);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(asError.Diagnostics.Single().Severity, Is.EqualTo(PodLint.Diagnostics.Severity.Error));
            Assert.That(asError.HasErrors, Is.True);
            Assert.That(off.Diagnostics, Is.Empty);
        }
    }
}
