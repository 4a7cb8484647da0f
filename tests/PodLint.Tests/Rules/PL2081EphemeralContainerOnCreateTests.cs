using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2081EphemeralContainerOnCreateTests
{
    private const string Ephemeral = "  containers:\n    - {name: web, image: nginx}\n  initContainers:\n    - {name: init, image: busybox}\n  ephemeralContainers:\n    - name: debug\n      image: busybox\n";

    [Test]
    public void A_pod_cannot_be_created_with_ephemeral_containers()
    {
        var found = RuleAssert.FindingsInSpec("PL2081", Ephemeral);
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message, d.Help)), Is.EqualTo(new (string?, ApiErrorType?, string, string?)[]
        {
            ("spec.ephemeralContainers", ApiErrorType.Forbidden, "`ephemeralContainers` cannot be set on create",
                "remove them: an ephemeral container is added to a running Pod, e.g. with `kubectl debug -it <pod> --image=busybox:1.37`"),
        }));
    }

    [Test]
    public void A_template_may_not_hold_them()
    {
        var found = RuleAssert.Findings("PL2081", """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: c}
            spec:
              schedule: "* * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: busybox}]
                      ephemeralContainers: [{name: d, image: busybox}]
            """);
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string?, ApiErrorType?, string)[]
        {
            ("spec.jobTemplate.spec.template.spec.ephemeralContainers", ApiErrorType.Forbidden, "ephemeral containers not allowed in pod template"),
        }));
    }

    [TestCase("web", 0)]
    [TestCase("init", 0)]
    [TestCase("debug", 1)]
    [TestCase("nope", 1)]
    public void The_target_must_be_a_container_or_init_container(string target, int expected)
    {
        var found = RuleAssert.FindingsInSpec("PL2081", Ephemeral + $"      targetContainerName: {target}\n").Where(d => d.ErrorType == ApiErrorType.NotFound).ToList();
        Assert.That(found, Has.Count.EqualTo(expected));
        if (expected == 1)
        {
            Assert.That((found[0].Path, found[0].Message), Is.EqualTo(("spec.ephemeralContainers[0].targetContainerName",
                $"`targetContainerName: {target}` of ephemeral container `debug` names no container or init container of the Pod")));
        }
    }

    [Test]
    public void Fields_outside_the_allow_list_are_forbidden()
    {
        var found = RuleAssert.FindingsInSpec("PL2081", Ephemeral + "      ports: [{containerPort: 80}]\n      resources: {requests: {cpu: 1}}\n      resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\n"
            + "      restartPolicy: Always\n      livenessProbe: {}\n      readinessProbe: {}\n      startupProbe: {}\n      lifecycle: {}\n"
            + "      volumeMounts: [{name: v, mountPath: /v, subPath: a, subPathExpr: b}]\n      securityContext: {privileged: false}\n      env: [{name: A, value: b}]\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Skip(1).Select(d => d.Path), Is.EqualTo(new[]
            {
                "spec.ephemeralContainers[0].ports", "spec.ephemeralContainers[0].resources", "spec.ephemeralContainers[0].resizePolicy",
                "spec.ephemeralContainers[0].restartPolicy", "spec.ephemeralContainers[0].livenessProbe", "spec.ephemeralContainers[0].readinessProbe",
                "spec.ephemeralContainers[0].startupProbe", "spec.ephemeralContainers[0].lifecycle",
                "spec.ephemeralContainers[0].volumeMounts[0].subPath", "spec.ephemeralContainers[0].volumeMounts[0].subPathExpr",
            }));
            Assert.That(found.Skip(1).Select(d => d.ErrorType), Is.All.EqualTo(ApiErrorType.Forbidden));
            Assert.That(found[1].Message, Is.EqualTo("`ports` cannot be set for an Ephemeral Container (container `debug`)"));
            Assert.That(found[9].Message, Is.EqualTo("`subPath` cannot be set for an Ephemeral Container (container `debug`)"));
        }
    }

    [Test]
    public void Empty_values_are_not_reported()
        => Assert.That(RuleAssert.FindingsInSpec("PL2081", Ephemeral + "      ports: []\n      resources: {}\n      volumeMounts: [{name: v, mountPath: /v, subPath: \"\"}]\n"), Has.Count.EqualTo(1));

    [Test]
    public void No_ephemeral_containers_no_finding()
        => Assert.That(RuleAssert.FindingsInSpec("PL2081", "  containers:\n    - {name: web, image: nginx}\n  ephemeralContainers: []\n"), Is.Empty);
}
