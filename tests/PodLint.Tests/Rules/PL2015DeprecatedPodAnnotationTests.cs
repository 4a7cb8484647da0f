using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2015DeprecatedPodAnnotationTests
{
    [Test]
    public void Critical_pod_warns_with_the_servers_text()
    {
        var d = RuleAssert.Findings("PL2015", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations: {scheduler.alpha.kubernetes.io/critical-pod: ""}
            spec:
              containers:
                - {name: app, image: nginx:1.27}
            """).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.Path, Is.EqualTo("metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]"));
            Assert.That(d.Message, Is.EqualTo("annotation `scheduler.alpha.kubernetes.io/critical-pod` is non-functional in v1.16+; use the `priorityClassName` field instead"));
            Assert.That(d.Help, Is.EqualTo("remove the annotation and set `spec.priorityClassName` (e.g. `system-cluster-critical`)"));
        }
    }

    [Test]
    public void Sysctls_annotations_warn()
    {
        var found = RuleAssert.Findings("PL2015", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations: {security.alpha.kubernetes.io/sysctls: a=1, security.alpha.kubernetes.io/unsafe-sysctls: b=2}
            spec:
              containers:
                - {name: app, image: nginx:1.27}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Has.Count.EqualTo(2));
            Assert.That(found.Select(d => d.Message), Has.All.EndsWith("is non-functional in v1.11+; use the `sysctls` field instead"));
        }
    }
}
