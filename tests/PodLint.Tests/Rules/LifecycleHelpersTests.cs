using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Model;
using PodLint.Rules;
using PodLint.Rules.MultiContainer;

namespace PodLint.Tests.Rules;

/// <summary>
/// The classification shared by the lifecycle rules (PL3005–PL3009): which commands never exit, which images are
/// long-lived helpers, and where a container reaches <c>localhost</c>.
/// </summary>
public class LifecycleHelpersTests
{
    /// <summary>Captures the containers of the linted Pod.</summary>
    private sealed class Capture : IPodRule
    {
        public static readonly RuleDescriptor Rule = new("PL5998", "capture-containers", RuleCategory.BestPractice, Severity.Info, "Test only");

        public List<Container> Containers { get; } = [];

        public PodSpec? Spec { get; private set; }

        public RuleDescriptor Descriptor => Rule;

        public void Analyze(PodContext context)
        {
            Spec = context.Spec;
            Containers.AddRange(context.Containers);
        }
    }

    private static Capture Lint(string spec)
    {
        var capture = new Capture();
        new PodLinter(new PodLintOptions { AdditionalRules = [capture] }).LintText("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + spec);
        return capture;
    }

    /// <summary>One container written as a flow mapping's content: <c>command: [sleep, infinity]</c>.</summary>
    private static Container One(string fields) => Lint($"  containers:\n    - {{name: c, image: busybox:1.37, {fields}}}\n").Containers.Single();

    [TestCase("command: [sleep, infinity]", "`sleep infinity`", "infinity")]
    [TestCase("command: [/bin/sleep, inf]", "`/bin/sleep inf`", "inf")]
    [TestCase("args: [sleep, '86400']", "`sleep 86400`", "86400")]
    [TestCase("command: [sleep, 365d]", "`sleep 365d`", "365d")]
    [TestCase("command: [sleep, 23h, 1h]", "`sleep 23h 1h`", "23h")]
    [TestCase("command: [sleep, '2147483647']", "`sleep 2147483647`", "2147483647")]
    [TestCase("command: [tail, -f, /dev/null]", "`tail -f /dev/null`", "-f")]
    [TestCase("command: [tail, -n, '+1', -F, /var/log/app.log]", "`tail -n +1 -F /var/log/app.log`", "-F")]
    [TestCase("command: [tini, --, sleep, infinity]", "`sleep infinity`", "infinity")]
    [TestCase("command: [sh, -c, 'sleep infinity']", "`sleep infinity`", "sleep infinity")]
    [TestCase("command: [/bin/sh, -c, --], args: ['while true; do sleep 30; done;']", "a `while true` loop", "while true; do sleep 30; done;")]
    [TestCase("command: [bash, -ec, 'while :; do echo hi; sleep 5; done']", "a `while :` loop", "while :; do echo hi; sleep 5; done")]
    [TestCase("command: [sh, -c, 'until false; do sleep 1; done']", "a `until false` loop", "until false; do sleep 1; done")]
    [TestCase("command: [sh, -c, 'while [ 1 ]; do date; sleep 10; done']", "a `while [ 1 ]` loop", "while [ 1 ]; do date; sleep 10; done")]
    [TestCase("command: [sh, -c, 'cp /src/* /dst/ && exec sleep infinity']", "`sleep infinity`", "cp /src/* /dst/ && exec sleep infinity")]
    [TestCase("command: [sh, -c, \"trap 'exit 0' TERM; sleep infinity & wait\"]", "`sleep infinity`", "trap 'exit 0' TERM; sleep infinity & wait")]
    [TestCase("command: [sh, -c, 'echo ready > /tmp/x; tail -f /dev/null']", "`tail -f /dev/null`", "echo ready > /tmp/x; tail -f /dev/null")]
    [TestCase("command: [sh, -c, \"touch /tmp/healthy # keep alive\\nsleep 99999999\"]", "`sleep 99999999`", "touch /tmp/healthy # keep alive\nsleep 99999999")]
    public void Commands_that_never_exit(string fields, string description, string at)
    {
        var container = One(fields);
        Assert.That(ContainerCommands.TryFindNeverExiting(container, out var found), Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Description, Is.EqualTo(description));
            Assert.That(found.At.Value, Is.EqualTo(at));
        }
    }

    [TestCase("command: [sleep, '5']")]
    [TestCase("command: [sleep, '3600']")]
    [TestCase("args: [sleep, 23h]")]
    [TestCase("command: [sh, -c, 'echo The app is running! && sleep 3600']")]
    [TestCase("command: [sh, -c, 'until nslookup mydb; do echo waiting for mydb; sleep 2; done']")]
    [TestCase("command: [sh, -c, 'until nc -z db 5432; do echo waiting for db; sleep 2; done']")]
    [TestCase("command: [sh, -c, 'while ! nc -z localhost 8080; do sleep 1; done']")]
    [TestCase("command: [sh, -c, 'while true; do if [ -f /done ]; then exit 0; fi; sleep 1; done']")]
    [TestCase("command: [sh, -c, 'while true; do [ -f /done ] && break; sleep 1; done']")]
    [TestCase("command: [sh, -c, 'sleep infinity & echo started']")]
    [TestCase("command: [sh, -c, 'if [ \"$DEBUG\" = 1 ]; then sleep infinity; fi']")]
    [TestCase("command: [sh, -c, '[ -n \"$DEBUG\" ] && sleep infinity; run-job']")]
    [TestCase("command: [sh, -c, 'timeout 60 tail -f /var/log/app.log']")]
    [TestCase("command: [tail, --pid=1, -f, /dev/null]")]
    [TestCase("command: [tail, -n, '100', /var/log/app.log]")]
    [TestCase("command: [sh, -c, 'echo \"sleep infinity\"']")]
    [TestCase("command: [sh, -c, '(while true; do if [ -f /tmp/pod/done ]; then kill $PID; fi; sleep 1; done) & proxy & PID=$!; wait $PID']")]
    [TestCase("command: [sh, -c, 'tail -f /var/log/app.log | grep -m1 started']")]
    [TestCase("command: [sh, -c, 'tail -F /var/log/app.log | sed /ready/q; echo ready']")]
    [TestCase("command: [envoy, -c, /etc/envoy.yaml]")]
    [TestCase("args: [-c, 'sleep infinity']")]
    [TestCase("image: nginx")]
    public void Commands_that_exit_or_cannot_be_known(string fields)
        => Assert.That(ContainerCommands.TryFindNeverExiting(One(fields), out var found), Is.False, found.Description);

    [TestCase("inf", double.PositiveInfinity)]
    [TestCase("Infinity", double.PositiveInfinity)]
    [TestCase("1.5m", 90d)]
    [TestCase("1e3", 1000d)]
    [TestCase("2d", 172800d)]
    [TestCase("x", null)]
    [TestCase("-5", null)]
    public void Sleep_durations(string word, double? seconds) => Assert.That(ContainerCommands.SleepSeconds(word), Is.EqualTo(seconds));

    [TestCase("envoyproxy/envoy:v1.31.0", "proxy")]
    [TestCase("docker.io/envoyproxy/envoy-distroless:v1.31.0@sha256:0123", "proxy")]
    [TestCase("my-registry.example.com:5000/mirror/istio/proxyv2:1.23.0", "service mesh proxy")]
    [TestCase("cr.l5d.io/linkerd/proxy:stable-2.14.10", "service mesh proxy")]
    [TestCase("fluent/fluent-bit:3.2.2", "log shipper")]
    [TestCase("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0", "log shipper")]
    [TestCase("otel/opentelemetry-collector-contrib:0.110.0", "telemetry collector")]
    [TestCase("gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.3", "database proxy")]
    [TestCase("prom/node-exporter:v1.8.2", "metrics exporter")]
    [TestCase("oliver006/redis_exporter:v1.66.0", "metrics exporter")]
    [TestCase("gcr.io/datadoghq/agent:7", "monitoring agent")]
    [TestCase("REGISTRY.K8S.IO/GIT-SYNC/GIT-SYNC:V4.3.0", "repository syncer")]
    public void Helper_image_families(string image, string kind)
        => Assert.That(LongLivedHelpers.Default.FamilyOf(One($"image: \"{image}\""))?.Kind, Is.EqualTo(kind));

    [TestCase("image: nginxinc/nginx-unprivileged:1.27")]
    [TestCase("image: registry.example.com/shop/proxy:1.0")]
    [TestCase("image: registry.example.com/exporter:1.0")]
    [TestCase("image: envoyproxy/gateway:v1.2.0")]
    [TestCase("image: \"registry.example.com/tools:envoy\"")]
    [TestCase("image: hashicorp/vault:1.18, args: [server]")]
    [TestCase("image: registry.k8s.io/git-sync/git-sync:v4.3.0, args: [--one-time, --repo=https://example.com/r.git]")]
    [TestCase("image: registry.k8s.io/git-sync/git-sync:v4.3.0, env: [{name: GITSYNC_ONE_TIME, value: \"true\"}]")]
    [TestCase("image: hashicorp/vault:1.18, args: [agent, -config=/etc/vault/agent.hcl, -exit-after-auth]")]
    public void Images_that_are_not_helper_families(string fields)
        => Assert.That(LongLivedHelpers.Default.FamilyOf(One(fields))?.Pattern, Is.Null);

    [Test]
    public void The_family_list_can_be_extended()
    {
        var helpers = new LongLivedHelpers([new HelperImage("shop/log-forwarder", "log shipper")]);
        var container = One("image: registry.example.com/shop/log-forwarder:3.1");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(helpers.FamilyOf(container)?.Kind, Is.EqualTo("log shipper"));
            Assert.That(LongLivedHelpers.Default.FamilyOf(container), Is.Null);
            Assert.That(helpers.Images, Has.Length.EqualTo(LongLivedHelpers.DefaultImages.Length + 1));
        }
    }

    [Test]
    public void Declared_ports_count_only_beside_a_container_with_no_evidence()
    {
        var pod = Lint("""
              containers:
                - {name: worker, image: shop/worker:1}
                - {name: db, image: postgres:17, ports: [{containerPort: 5432}]}
                - {name: proxy, image: envoyproxy/envoy:v1.31.0}
            """);
        var both = Lint("""
              containers:
                - {name: api, image: shop/api:1, ports: [{containerPort: 8080}]}
                - {name: proxy, image: envoyproxy/envoy:v1.31.0}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(LongLivedHelpers.Default.HelpersAmong(pod.Containers).Select(h => (h.Container.DisplayName, h.Evidence.Kind)),
                Is.EqualTo(new[] { ("db", HelperEvidenceKind.Ports), ("proxy", HelperEvidenceKind.ImageFamily) }));
            Assert.That(LongLivedHelpers.Default.HelpersAmong(both.Containers).Select(h => h.Container.DisplayName), Is.EqualTo(new[] { "proxy" }));
        }
    }

    [TestCase("env: [{name: PROXY, value: 'http://localhost:15001'}]", "localhost:15001", false)]
    [TestCase("args: ['--upstream=http://127.0.0.1:8080/api']", "127.0.0.1:8080", false)]
    [TestCase("args: ['--db=postgres://app@[::1]:5432/app']", "[::1]:5432", false)]
    [TestCase("command: [sh, -c, 'until nc -z localhost 15000; do sleep 1; done']", "localhost:15000", true)]
    [TestCase("command: [sh, -c, 'until curl -sf http://LOCALHOST:15020/healthz/ready; do sleep 1; done; run']", "LOCALHOST:15020", true)]
    [TestCase("command: [nc, -z, -w, '1', 127.0.0.1, '6379']", "127.0.0.1:6379", false)]
    [TestCase("command: [bash, -c, 'echo > /dev/tcp/localhost/8080']", "localhost:8080", false)]
    [TestCase("args: [--listen, '127.0.0.1:9000', --upstream, 'localhost:9001']", "localhost:9001", false)]
    public void Localhost_references(string fields, string address, bool waits)
    {
        var found = LocalhostReferences.Find(One(fields));
        Assert.That(found.Select(r => (r.Address, r.Waits)), Is.EqualTo(new[] { (address, waits) }));
    }

    [TestCase("env: [{name: LISTEN_ADDR, value: '127.0.0.1:9000'}]")]
    [TestCase("args: ['--web.listen-address=127.0.0.1:9100', '--bind-address=localhost:8443']")]
    [TestCase("args: ['--host=localhost', '--port=8080']")]
    [TestCase("args: ['--db=db:5432', 'http://example.com:8080/?next=localhost']")]
    [TestCase("args: ['http://mylocalhost:8080', 'http://localhost.example.com:80', '10.127.0.0.1:80', 'localhost:0', 'localhost:70000']")]
    [TestCase("command: [sh, -c, 'until nc -z db 5432; do sleep 2; done']")]
    [TestCase("args: ['0.0.0.0:8080']")]
    public void Not_localhost_references(string fields)
        => Assert.That(LocalhostReferences.Find(One(fields)).Select(r => r.Address), Is.Empty);
}
