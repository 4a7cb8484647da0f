using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2010ObjectNameTests
{
    private static string Pod(string metadata) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {{metadata}}
        spec:
          containers:
            - {name: app, image: nginx:1.27}
        """;

    [Test]
    public void Invalid_name_message_help_and_type()
    {
        var d = RuleAssert.Findings("PL2010", Pod("{name: Web_App}")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.name"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.Message, Is.EqualTo("pod name `Web_App` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
            Assert.That(d.Help, Is.EqualTo("use at most 253 lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit (e.g. `web-0`)"));
        }
    }

    [Test]
    public void Too_long_name_reports_the_length()
    {
        var found = RuleAssert.Findings("PL2010", Pod("{name: " + new string('a', 254) + "}"));
        Assert.That(found.Select(d => d.Message), Is.EqualTo(new[] { $"pod name `{new string('a', 254)}` is invalid: must be no more than 253 characters" }));
    }

    [Test]
    public void Missing_name_is_required()
    {
        var d = RuleAssert.Findings("PL2010", Pod("{labels: {app: web}}")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.name"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Required));
            Assert.That(d.Message, Is.EqualTo("the Pod has no `name`: name or generateName is required"));
        }
    }

    [Test]
    public void Generate_name_stands_in_for_the_name()
        => Assert.That(RuleAssert.Findings("PL2010", Pod("{generateName: web-}")), Is.Empty);

    [Test]
    public void Invalid_generate_name()
    {
        var d = RuleAssert.Findings("PL2010", Pod("{generateName: Web-}")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.generateName"));
            Assert.That(d.Message, Does.StartWith("`generateName` `Web-` is invalid: a lowercase RFC 1123 subdomain"));
        }
    }

    [Test]
    public void Namespace_must_be_a_label()
    {
        var d = RuleAssert.Findings("PL2010", Pod("{name: web, namespace: team.a}")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.namespace"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("namespace `team.a` is invalid: must not contain dots"));
        }
    }

    [Test]
    public void Template_metadata_is_not_checked()
        => Assert.That(RuleAssert.Findings("PL2010", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {name: BAD_NAME, namespace: BAD, labels: {app: web}}
                spec:
                  containers:
                    - {name: app, image: nginx:1.27}
            """), Is.Empty);
}
