using PodLint.Diagnostics;
using PodLint.Rules.MultiContainer;

namespace PodLint.Tests.Rules;

public class PL3005SidecarBlocksCompletionTests
{
    [Test]
    public void Fires_at_the_helpers_name_with_the_restart_policy_and_the_evidence_as_related()
    {
        var found = RuleAssert.Spans("PL3005", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate, namespace: shop}
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: migrate
                      image: shop/migrate:1.0
                    - name: {|PL3005:envoy|}
                      image: envoyproxy/envoy:v1.31.0
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.MessageId, Is.EqualTo("never-completes"));
            Assert.That(d.Path, Is.EqualTo("spec.template.spec.containers[1].name"));
            Assert.That(d.Message, Is.EqualTo(
                "`envoy` keeps running after the other containers finish (`envoyproxy/envoy:v1.31.0` is a proxy), so the Job never completes"));
            Assert.That(d.Help, Is.EqualTo(
                "make `envoy` a native sidecar: move it to `initContainers` with `restartPolicy: Always`, and the kubelet stops it once the other containers have finished"));
            Assert.That(d.Related.Select(r => (r.Path, r.Message)), Is.EqualTo(new[]
            {
                ((string?)"spec.template.spec.restartPolicy", "`restartPolicy: OnFailure`: the Pod is meant to run to completion"),
                ("spec.template.spec.containers[1].image", "`envoyproxy/envoy:v1.31.0` is a proxy"),
            }));
            Assert.That(d.Related[0].Span, Is.EqualTo(new SourceSpan("pod.yaml", 7, 22, 7, 31)));
        }
    }

    [Test]
    public void Names_a_command_that_never_exits_and_a_server_by_its_ports()
    {
        var found = RuleAssert.Spans("PL3005", """
            apiVersion: v1
            kind: Pod
            metadata: {name: tests}
            spec:
              restartPolicy: Never
              containers:
                - {name: tests, image: shop/tests:1.0}
                - {name: {|PL3005:db|}, image: postgres:17.2, ports: [{containerPort: 5432}]}
                - {name: {|PL3005:debug|}, image: busybox:1.37, command: [sh, -c, 'while true; do sleep 30; done']}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Message, Is.EqualTo("`db` keeps running after the other containers finish (it declares ports, like a server), so the Pod never completes"));
            Assert.That(found[0].Related[1].Message, Is.EqualTo("a port: `db` looks like a server"));
            Assert.That(found[0].Related[1].Path, Is.EqualTo("spec.containers[1].ports[0].containerPort"));
            Assert.That(found[1].Message, Is.EqualTo("`debug` keeps running after the other containers finish (a `while true` loop never exits), so the Pod never completes"));
            Assert.That(found[1].Related[1].Path, Is.EqualTo("spec.containers[2].command[2]"));
        }
    }

    [Test]
    public void A_cronjob_says_its_jobs_never_complete()
    {
        var found = RuleAssert.Spans("PL3005", """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - {name: export, image: shop/export:1.0}
                        - {name: {|PL3005:exporter|}, image: prom/statsd-exporter:v0.28.0}
            """);
        Assert.That(found.Single().Message, Does.EndWith("so the CronJob's Jobs never complete"));
    }

    [TestCase("restartPolicy: Always")]
    [TestCase("restartPolicy: null")]
    [TestCase("hostname: no-restart-policy")]
    public void A_pod_that_keeps_running_is_not_reported(string line)
        => RuleAssert.Spans("PL3005", $$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              {{line}}
              containers:
                - {name: web, image: shop/web:1.0}
                - {name: proxy, image: envoyproxy/envoy:v1.31.0}
            """);

    [Test]
    public void A_deployment_is_left_to_PL2004()
        => RuleAssert.Spans("PL3005", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: web, image: shop/web:1.0}
                    - {name: proxy, image: envoyproxy/envoy:v1.31.0}
            """);

    [Test]
    public void A_native_sidecar_and_a_helper_told_to_exit_are_not_reported()
        => RuleAssert.Spans("PL3005", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  initContainers:
                    - {name: logs, image: fluent/fluent-bit:3.2.2, restartPolicy: Always}
                  containers:
                    - name: migrate
                      image: shop/migrate:1.0
                      command: [sh, -c, 'migrate up; curl -fsS -X POST http://127.0.0.1:15000/quitquitquit']
                    - {name: envoy, image: envoyproxy/envoy:v1.31.0}
            """);

    [Test]
    public void A_shutdown_call_for_another_family_does_not_count()
        => RuleAssert.Spans("PL3005", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: migrate
                      image: shop/migrate:1.0
                      command: [sh, -c, 'migrate up; curl -fsS -X POST http://127.0.0.1:15000/quitquitquit']
                    - {name: {|PL3005:logs|}, image: fluent/fluent-bit:3.2.2}
            """);

    [TestCase("1.28", false)]
    [TestCase("1.29", true)]
    [TestCase("1.36", true)]
    [TestCase("2.0", true)]
    [TestCase("v1", false)]
    public void Native_sidecars_are_available_from_1_29(string version, bool available)
        => Assert.That(NativeSidecars.AreAvailable(version), Is.EqualTo(available));
}
