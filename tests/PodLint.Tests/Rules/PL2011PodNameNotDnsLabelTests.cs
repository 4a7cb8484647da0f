using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2011PodNameNotDnsLabelTests
{
    private static string Pod(string name) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}}
        spec:
          containers:
            - {name: app, image: nginx:1.27}
        """;

    [Test]
    public void Dotted_name_warns_with_the_servers_text()
    {
        var d = RuleAssert.Findings("PL2011", Pod("web.example.com")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.Path, Is.EqualTo("metadata.name"));
            Assert.That(d.Message, Is.EqualTo("pod name `web.example.com` is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]"));
            Assert.That(d.Help, Is.EqualTo("use a name of at most 63 lowercase letters, digits and `-`, without dots (e.g. `web-example-com`), or set `spec.hostname`"));
        }
    }

    [Test]
    public void Long_dotted_name_lists_both_reasons()
    {
        var name = new string('a', 70) + ".b";
        var d = RuleAssert.Findings("PL2011", Pod(name)).Single();
        Assert.That(d.Message, Does.EndWith("a DNS label is recommended: [must be no more than 63 characters must not contain dots]"));
    }

    [TestCase("web-0")]
    [TestCase("Web.Example")]
    public void Labels_and_rejected_names_do_not_warn(string name)
        => Assert.That(RuleAssert.Findings("PL2011", Pod(name)), Is.Empty);

    [Test]
    public void Generated_name_with_dots_warns_at_generate_name_with_the_name_path()
    {
        var d = RuleAssert.Findings("PL2011", """
            apiVersion: v1
            kind: Pod
            metadata: {generateName: web.example-}
            spec:
              containers:
                - {name: app, image: nginx:1.27}
            """).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.name"));
            Assert.That(d.Span.StartColumn, Is.EqualTo(26));
            Assert.That(d.Message, Does.StartWith("pod name `web.example-xxxxx` is used in the Pod's hostname"));
        }
    }
}
