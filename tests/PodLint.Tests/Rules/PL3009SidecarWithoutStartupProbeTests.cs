using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Rules;

public class PL3009SidecarWithoutStartupProbeTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: orders}
        spec:
          initContainers:
            - name: proxy
              image: envoyproxy/envoy:v1.31.0
              restartPolicy: Always
              ports: [{containerPort: 15001}]
              readinessProbe: {tcpSocket: {port: 15001}}
          containers:
            - name: orders
              image: shop/orders:1.0
              env: [{name: HTTP_PROXY, value: "http://localhost:15001"}]
        """;

    private static List<Diagnostic> Lint(string text) => new PodLinter(new PodLintOptions
    {
        RuleLevels = new Dictionary<string, RuleLevel> { ["PL3009"] = RuleLevel.Info },
    }).LintText(text, "pod.yaml").Diagnostics.Where(d => d.RuleId == "PL3009").ToList();

    [Test]
    public void Is_on_by_default()
        => Assert.That(new PodLinter().LintText(Pod).Diagnostics.Where(d => d.RuleId == "PL3009"), Has.Exactly(1).Items);

    [Test]
    public void Fires_at_the_sidecar_with_the_caller_and_the_port_as_related()
    {
        var d = Lint(Pod).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Info));
            Assert.That(d.MessageId, Is.EqualTo("no-startup-probe"));
            Assert.That(d.Path, Is.EqualTo("spec.initContainers[0].startupProbe"));
            Assert.That(d.Span, Is.EqualTo(new SourceSpan("pod.yaml", 6, 13, 6, 18)));
            Assert.That(d.Message, Is.EqualTo("native sidecar `proxy` has no `startupProbe`, so `orders` may start before it listens on `localhost:15001`"));
            Assert.That(d.Help, Is.EqualTo(
                "add a `startupProbe` to `proxy` (a `tcpSocket` probe on port 15001 will do): the kubelet starts the next container only once it succeeds; a `readinessProbe` does not hold it back"));
            Assert.That(d.Related.Select(r => (r.Path, r.Message)), Is.EqualTo(new[]
            {
                ((string?)"spec.containers[0].env[0].value", "reached here, by `orders`"),
                ("spec.initContainers[0].ports[0].containerPort", "port 15001 declared here"),
            }));
        }
    }

    [TestCase("startupProbe: {tcpSocket: {port: 15001}}")]
    [TestCase("lifecycle: {postStart: {exec: {command: [pilot-agent, wait]}}}")]
    public void A_startup_probe_or_a_post_start_hook_holds_the_next_container_back(string field)
        => Assert.That(Lint(Pod.Replace("readinessProbe: {tcpSocket: {port: 15001}}", field, StringComparison.Ordinal)), Is.Empty);

    [Test]
    public void An_init_container_declared_before_the_sidecar_is_not_its_caller()
        => Assert.That(Lint("""
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              initContainers:
                - {name: early, image: shop/early:1.0, env: [{name: P, value: "localhost:15001"}]}
                - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always, ports: [{containerPort: 15001}]}
              containers:
                - {name: orders, image: shop/orders:1.0}
            """), Is.Empty);
}
