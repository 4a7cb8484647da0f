using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Model;
using PodLint.Rules;

namespace PodLint.Tests.Engine;

/// <summary>The custom rule of the README, as written there: it compiles, and runs on Pods and on workload templates.</summary>
public class CustomRuleTests
{
    // Copied from README.md ("Library"); keep the two the same.
    private sealed class NoLatestTag : ContainerRule   // runs once per container of the roles the descriptor names
    {
        static readonly MessageTemplate Latest = new("latest", "container `{container}` uses the `latest` tag", "pin a version");
        public static readonly RuleDescriptor Rule = new("PL5901", "no-latest-tag", RuleCategory.BestPractice, Severity.Warning,
            "Images should not use the `latest` tag", messages: [Latest], appliesTo: ContainerRoles.All);
        public override RuleDescriptor Descriptor => Rule;

        protected override void AnalyzeContainer(PodContext context, Container container)
        {
            if (container.Image.Value?.EndsWith(":latest", StringComparison.Ordinal) == true)
                context.Report(Latest, container.Image, [("container", container.DisplayName)]);
        }
    }

    [Test]
    public void The_readme_rule_reports_on_a_Deployment_template_with_its_message_id_and_arguments()
    {
        var linter = new PodLinter(new PodLintOptions { AdditionalRules = [new NoLatestTag()] });
        var result = linter.LintText("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  initContainers: [{name: init, image: "busybox:latest"}]
                  containers: [{name: web, image: nginx:1.27}]
            """);
        var d = result.Diagnostics.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.RuleId, Is.EqualTo("PL5901"));
            Assert.That(d.MessageId, Is.EqualTo("latest"));
            Assert.That(d.GetArgument("container"), Is.EqualTo("init"));
            Assert.That(d.Message, Is.EqualTo("container `init` uses the `latest` tag"));
            Assert.That(d.Help, Is.EqualTo("pin a version"));
            Assert.That(d.Path, Is.EqualTo("spec.template.spec.initContainers[0].image"));
            Assert.That((d.Span.StartLine, d.Span.StartColumn), Is.EqualTo((9, 44)));
            Assert.That(d.Object, Is.EqualTo(new ObjectRef("Deployment", "shop", "web")));
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
        }
    }

    [Test]
    public void The_readme_snippet_is_the_tested_rule()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "PodLint.Tests", "Engine", "CustomRuleTests.cs"));
        var start = readme.IndexOf("sealed class NoLatestTag", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "README.md has no NoLatestTag example");
        var snippet = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)].Trim();
        var normalized = string.Join('\n', snippet.Split('\n').Select(l => l.Trim()));
        var tested = string.Join('\n', source.Split('\n').Select(l => l.Trim()));
        Assert.That(tested, Does.Contain(normalized));
    }
}
