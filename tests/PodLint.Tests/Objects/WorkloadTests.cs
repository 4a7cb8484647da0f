using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Tests.Input;

namespace PodLint.Tests.Objects;

/// <summary>
/// The Pod templates of workloads are checked like Pods, with the API server's paths; each object is validated as a
/// whole against its own kind's schema; findings name the object.
/// </summary>
public class WorkloadTests
{
    // A template whose second container repeats the first's name (PL2001) and has an unknown field (PL1002).
    private const string Template = """
        metadata:
          labels: {app: web}
        spec:
          RESTART
          containers:
            - name: app
              image: nginx:1.27
            - name: SECOND
              image: nginx:1.27
              EXTRA
        """;

    public static IEnumerable<TestCaseData> Kinds()
    {
        // kind, apiVersion, the lines between `spec:` and the template, the template's key path, its restart policy
        yield return Case("Deployment", "apps/v1", "selector: {matchLabels: {app: web}}", "spec.template", "Always");
        yield return Case("StatefulSet", "apps/v1", "serviceName: web\nselector: {matchLabels: {app: web}}", "spec.template", "Always");
        yield return Case("DaemonSet", "apps/v1", "selector: {matchLabels: {app: web}}", "spec.template", "Always");
        yield return Case("ReplicaSet", "apps/v1", "selector: {matchLabels: {app: web}}", "spec.template", "Always");
        yield return Case("ReplicationController", "v1", "selector: {app: web}", "spec.template", "Always");
        yield return Case("Job", "batch/v1", "backoffLimit: 2", "spec.template", "Never");
        yield return Case("CronJob", "batch/v1", "schedule: \"0 3 * * *\"\njobTemplate:\nspec:", "spec.jobTemplate.spec.template", "OnFailure");

        static TestCaseData Case(string kind, string apiVersion, string before, string templatePath, string restart)
            => new TestCaseData(kind, apiVersion, before, templatePath, restart).SetArgDisplayNames(kind);
    }

    /// <summary>The manifest of a kind: <paramref name="before"/>'s lines (each ending in `:` opens a level) and the template.</summary>
    private static string Manifest(string kind, string apiVersion, string before, string restart, string secondName = "app", string extra = "imagePullPolice: Always")
    {
        var lines = new List<string> { $"apiVersion: {apiVersion}", $"kind: {kind}", "metadata:", "  name: web", "  namespace: shop", "spec:" };
        var indent = 2;
        foreach (var line in before.Split('\n'))
        {
            lines.Add(new string(' ', indent) + line);
            if (line.EndsWith(':')) indent += 2;
        }

        lines.Add(new string(' ', indent) + "template:");
        var template = Template.Replace("RESTART", "restartPolicy: " + restart, StringComparison.Ordinal)
            .Replace("SECOND", secondName, StringComparison.Ordinal).Replace("EXTRA", extra, StringComparison.Ordinal);
        foreach (var line in template.Split('\n'))
        {
            if (line.Trim().Length > 0) lines.Add(new string(' ', indent + 2) + line);
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary><c>PL0000 line:col-line:col path</c> of the <paramref name="occurrence"/>-th <paramref name="token"/> of the text
    /// (1-based), <paramref name="skip"/> characters into it.</summary>
    private static string At(string text, string rule, string token, int occurrence, int skip, int length, string path)
    {
        var lines = text.Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var col = lines[i].IndexOf(token, StringComparison.Ordinal);
            if (col < 0 || ++seen < occurrence) continue;
            var start = col + skip + 1;
            return FormattableString.Invariant($"{rule} {i + 1}:{start}-{i + 1}:{start + length} {path}");
        }

        throw new AssertionException($"`{token}` #{occurrence} not in the text");
    }

    [TestCaseSource(nameof(Kinds))]
    public void The_template_gets_schema_findings_and_the_rules_at_the_api_servers_paths(string kind, string apiVersion, string before, string templatePath, string restart)
    {
        var text = Manifest(kind, apiVersion, before, restart);
        var result = Lint.Text(text);
        var expected = new[]
        {
            At(text, "PL2001", "- name: app", 2, "- name: ".Length, 3, templatePath + ".spec.containers[1].name"),
            At(text, "PL1002", "imagePullPolice:", 1, 0, "imagePullPolice".Length, templatePath + ".spec.containers[1].imagePullPolice"),
        };
        Assert.That(Lint.Where(result), Is.EqualTo(expected), () => text + "\n" + Lint.Dump(result));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics.Select(d => d.Object?.ToString()), Is.All.EqualTo("shop/web"));
            Assert.That(result.Diagnostics.Select(d => d.Object?.Kind), Is.All.EqualTo(kind));
            Assert.That(result.Diagnostics[1].Message, Is.EqualTo($"unknown field `imagePullPolice` in `{templatePath}.spec.containers[1]`; did you mean `imagePullPolicy`?"));
            Assert.That(result.CheckedObjects, Is.EqualTo(new Dictionary<string, int> { [kind] = 1 }));
            Assert.That(result.PodCount, Is.Zero);
        }
    }

    [TestCaseSource(nameof(Kinds))]
    public void A_clean_workload_has_no_findings(string kind, string apiVersion, string before, string templatePath, string restart)
    {
        var text = Manifest(kind, apiVersion, before, restart, secondName: "sidecar", extra: "imagePullPolicy: Always");
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.Empty, () => text + "\n" + Lint.Dump(result));
        Assert.That(result.CheckedObjects, Is.EqualTo(new Dictionary<string, int> { [kind] = 1 }));
    }

    [TestCaseSource(nameof(Kinds))]
    public void The_workload_itself_is_checked_against_its_kinds_schema(string kind, string apiVersion, string before, string templatePath, string restart)
    {
        var text = Manifest(kind, apiVersion, before, restart);
        text = text.Replace("metadata:\n  name: web\n", "metadata:\n  name: web\n  labelz: {a: b}\n", StringComparison.Ordinal);
        var result = Lint.Text(text);
        var unknown = result.Of(RuleIds.UnknownField).Select(Lint.Where).ToList();
        Assert.That(unknown, Does.Contain("PL1002 5:3-5:9 metadata.labelz"), () => Lint.Dump(result));
    }

    [Test]
    public void A_PodTemplate_is_checked_at_template()
    {
        const string Text = """
            apiVersion: v1
            kind: PodTemplate
            metadata: {name: base}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers:
                  - {name: app, image: nginx:1.27, ports: [{containerPort: 80}]}
                  - {name: log, image: fluent/fluent-bit:3.1, ports: [{containerPort: 80}]}
                  - {name: log, image: busybox:1.36, stdinn: true}
            """;
        var result = Lint.Text(Text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[]
        {
            At(Text, "PL3001", "containerPort: 80", 2, "containerPort: ".Length, 2, "template.spec.containers[1].ports[0].containerPort"),
            At(Text, "PL2001", "name: log", 2, "name: ".Length, 3, "template.spec.containers[2].name"),
            At(Text, "PL1002", "stdinn", 1, 0, "stdinn".Length, "template.spec.containers[2].stdinn"),
        }), () => Lint.Dump(result));
        Assert.That(result.Diagnostics[0].Object?.Kind, Is.EqualTo("PodTemplate"));
    }

    [Test]
    public void A_workload_without_spec_lacks_its_required_fields()
    {
        var result = Lint.Text("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL1003 1:1-1:11 spec.selector", "PL1003 1:1-1:11 spec.template" }), () => Lint.Dump(result));
    }

    [Test]
    public void A_template_without_spec_lacks_containers()
    {
        var result = Lint.Text("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
            """);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL1003 6:3-6:11 spec.template.spec.containers" }), () => Lint.Dump(result));
    }

    [TestCase("extensions/v1beta1", "PL0008 1:13-1:31 apiVersion")]
    [TestCase("apps/v1beta2", "PL0008 1:13-1:25 apiVersion")]
    [TestCase("v1", "PL0008 1:13-1:15 apiVersion")]
    public void A_workload_in_an_api_version_that_does_not_serve_it(string apiVersion, string where)
    {
        var text = $"apiVersion: {apiVersion}\nkind: Deployment\nmetadata: {{name: web}}\nspec:\n  selector: {{matchLabels: {{app: web}}}}\n  template:\n    metadata: {{labels: {{app: web}}}}\n    spec: {{containers: [{{name: a, image: b}}]}}\n";
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { where }), () => Lint.Dump(result));
        Assert.That(result.Diagnostics[0].Message, Is.EqualTo($"`{apiVersion}` is not an API version of Deployments: Deployments are served only as `apps/v1`"));
    }

    [Test]
    public void A_custom_resource_that_shares_a_kinds_name_is_skipped()
    {
        var result = Lint.Text("apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {anything: 1}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(result), Is.Empty, () => Lint.Dump(result));
            Assert.That(result.SkippedObjects, Is.EqualTo(new Dictionary<string, int> { ["Deployment.example.com"] = 1 }));
        }

        result = Lint.Text("apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: web}\n",
            new PodLintOptions { RuleLevels = new Dictionary<string, RuleLevel> { ["PL0007"] = RuleLevel.Info } });
        Assert.That(result.Diagnostics.Single().Message,
            Is.EqualTo("skipped `web` of kind `Deployment` in `example.com/v1`: a custom resource, not the built-in `Deployment` PodLint checks"));
    }

    [Test]
    public void A_PodTemplate_may_have_any_restart_policy()
        => Assert.That(Lint.Where(Lint.Text("apiVersion: v1\nkind: PodTemplate\nmetadata: {name: t}\ntemplate:\n  spec:\n    restartPolicy: Never\n    containers: [{name: a, image: b}]\n")), Is.Empty);

    [Test]
    public void Duplicate_keys_in_a_template_have_the_api_servers_path_and_name_the_object()
    {
        var result = Lint.Text("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once}
            spec:
              template:
                metadata:
                  labels: {app: a, app: b}
                spec:
                  restartPolicy: Never
                  containers: [{name: a, image: b}]
            """);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0002 7:24-7:27 spec.template.metadata.labels[app]" }), () => Lint.Dump(result));
        Assert.That(result.Diagnostics[0].Object?.ToString(), Is.EqualTo("once"));
    }
}
