using NUnit.Framework;
namespace PodLint.Tests.Rules;

public class PL2001DuplicateContainerNameTests
{
    [Test]
    public void Valid_unique_names_across_all_lists()
        => RuleAssert.Clean("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - name: init
                  image: busybox:1.37
              containers:
                - name: app
                  image: nginx:1.27
                - name: sidecar
                  image: fluent/fluent-bit:3.2
            """);

    [Test]
    public void Fires_on_two_app_containers_with_the_same_name()
    {
        var found = RuleAssert.Spans("PL2001", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                - name: {|PL2001:app|}
                  image: nginx:1.27
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.containers[1].name"));
            Assert.That(found[0].Message, Is.EqualTo("container name `app` is already used by `spec.containers[0]`"));
            Assert.That(found[0].Related, Has.Length.EqualTo(1));
            Assert.That(found[0].Related[0].Span.StartLine, Is.EqualTo(6));
            Assert.That(found[0].Related[0].Span.StartColumn, Is.EqualTo(13));
            Assert.That(found[0].Severity, Is.EqualTo(PodLint.Diagnostics.Severity.Error));
            Assert.That(found[0].Object?.Name, Is.EqualTo("web"));
        }
    }

    [Test]
    public void Fires_on_the_init_container_even_when_written_first()
    {
        // The API server validates containers before initContainers: the init container is the duplicate.
        var found = RuleAssert.Spans("PL2001", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - name: {|PL2001:app|}
                  image: busybox:1.37
              containers:
                - name: app
                  image: nginx:1.27
            """);
        Assert.That(found[0].Path, Is.EqualTo("spec.initContainers[0].name"));
    }

    [Test]
    public void Fires_on_ephemeral_containers_and_once_per_duplicate()
        => RuleAssert.Spans("PL2001", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: app, image: nginx:1.27}
                - {name: {|PL2001:app|}, image: nginx:1.27}
              initContainers:
                - {name: {|PL2001:app|}, image: busybox:1.37}
              ephemeralContainers:
                - {name: {|PL2001:app|}, image: busybox:1.37}
                - {name: debug, image: busybox:1.37}
            """);

    [Test]
    public void Does_not_fire_on_missing_or_empty_names()
        => RuleAssert.Spans("PL2001", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {image: nginx:1.27}
                - {image: nginx:1.27}
                - {name: "", image: nginx:1.27}
                - {name: "", image: nginx:1.27}
            """);
}
