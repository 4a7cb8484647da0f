using NUnit.Framework;
namespace PodLint.Tests.Rules;

public class PL2002MissingContainerImageTests
{
    [Test]
    public void Fires_at_the_name_when_image_is_missing()
    {
        var found = RuleAssert.Spans("PL2002", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                - name: {|PL2002:exporter|}
                  ports: [{containerPort: 9113}]
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.containers[1].image"));
            Assert.That(found[0].Message, Is.EqualTo("container `exporter` has no `image`"));
        }
    }

    [Test]
    public void Fires_at_the_empty_value()
    {
        var found = RuleAssert.Spans("PL2002", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
                - name: init
                  image: {|PL2002:""|}
              containers:
                - name: app
                  image: nginx:1.27
            """);
        Assert.That(found[0].Path, Is.EqualTo("spec.initContainers[0].image"));
    }

    [Test]
    public void Fires_for_null_image_and_for_unnamed_containers_at_the_first_key()
        => RuleAssert.Spans("PL2002", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: {|PL2002:app|}
                  image: ~
                - {|PL2002:ports|}: [{containerPort: 80}]
              ephemeralContainers:
                - name: {|PL2002:debug|}
            """);

    [Test]
    public void Does_not_fire_again_when_the_image_has_the_wrong_type()
    {
        var (text, _) = Markup.Parse("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: app
                  image: [nginx]
            """);
        var result = new PodLint.Engine.PodLinter().LintText(text);
        Assert.That(result.Diagnostics.Select(d => d.RuleId), Is.EqualTo(new[] { "PL1001" }));
    }
}
