using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Objects;
using PodLint.Parsing;
using PodLint.Schema;
using PodLint.Tests.Parsing;

namespace PodLint.Tests.Model;

/// <summary>
/// One authority for types: the schema check reports every value the model binder cannot convert, so the binder never
/// has to report anything. Checked by mutation: every scalar of a large Pod and of a CronJob is replaced, one at a
/// time, by values of every other shape, and the binder must find no unconvertible value the schema check let through.
/// </summary>
public class BinderAgreementTests
{
    private static readonly string[] Replacements = ["[x]", "{a: b}", "\"text\"", "7", "-1", "true", "1.5", "99999999999999999999", "~", "12Gi", "2024-05-01T12:00:00Z"];

    private const string CronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, labels: {app: report}}
        spec:
          schedule: "0 3 * * *"
          successfulJobsHistoryLimit: 3
          suspend: false
          jobTemplate:
            spec:
              backoffLimit: 2
              activeDeadlineSeconds: 600
              podFailurePolicy:
                rules:
                  - action: FailJob
                    onExitCodes: {operator: In, values: [42]}
              template:
                metadata: {labels: {app: report}}
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: report
                      image: shop/report:1
                      resources: {limits: {cpu: 500m, memory: 256Mi}}
                      ports: [{containerPort: 8080, protocol: TCP}]
                      livenessProbe: {httpGet: {port: http, path: /healthz}, periodSeconds: 10}
        """;

    public static IEnumerable<TestCaseData> Inputs()
    {
        yield return new TestCaseData(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "PodLint.Tests", "Schemas", "Fixtures", "large-pod.yaml")))
            .SetArgDisplayNames("large-pod");
        yield return new TestCaseData(CronJob).SetArgDisplayNames("cronjob");
    }

    [TestCaseSource(nameof(Inputs))]
    public void The_binder_finds_no_bad_value_the_schema_check_let_through(string text)
    {
        var lines = text.Split('\n');
        var leaves = Leaves(TreeParsing.Root(text)).ToList();
        Assert.That(leaves, Has.Count.GreaterThan(20));
        var mutants = 0;
        var disagreements = new List<string>();
        foreach (var leaf in leaves)
        {
            foreach (var replacement in Replacements)
            {
                var span = leaf.Span;
                var line = lines[span.StartLine - 1];
                var mutated = lines.ToArray();
                mutated[span.StartLine - 1] = line[..(span.StartColumn - 1)] + replacement + line[(span.EndColumn - 1)..];
                var documents = TreeParsing.Documents(string.Join('\n', mutated));
                if (documents is not [{ Root: { } root, Diagnostics.Count: 0 }] || root.Resolve() is not MappingNode map) continue;
                var kind = ObjectKinds.Find((map.Find("kind")?.Value.Resolve() as ScalarNode)?.Value ?? "");
                if (kind is null) continue;
                mutants++;
                var findings = new List<Diagnostic>();
                var rejected = SchemaValidator.Validate(root, KubernetesSchemas.Newest, kind, FieldPath.Root, new DiagnosticSink(_ => RuleLevel.Error, findings));
                var unreported = new List<YamlNode>();
                ModelBinder.BindRoot(ModelKinds.Create(kind.Kind)!, root, FieldPath.Root, rejected, unreported);
                disagreements.AddRange(unreported.Select(n => $"line {span.StartLine}: `{replacement}` → {n.Span} {n.Describe()}"));
            }
        }

        Assert.That(mutants, Is.GreaterThan(leaves.Count * 3), "mutants that parse");
        Assert.That(disagreements, Is.Empty);
    }

    [Test]
    public void A_value_the_schema_check_rejects_is_bound_invalid_and_the_rest_still_binds()
    {
        var root = TreeParsing.Root("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: [x], ports: [{containerPort: eighty}, {containerPort: 80}]}]\n");
        var findings = new List<Diagnostic>();
        var rejected = SchemaValidator.Validate(root, KubernetesSchemas.Newest, ObjectKinds.Find("Pod")!, FieldPath.Root, new DiagnosticSink(_ => RuleLevel.Error, findings));
        var unreported = new List<YamlNode>();
        var pod = (Pod)ModelBinder.BindRoot(new Pod(), root, FieldPath.Root, rejected, unreported);
        var container = pod.Spec.Value!.Containers[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(findings.Select(f => f.Path), Is.EqualTo(new[] { "spec.containers[0].image", "spec.containers[0].ports[0].containerPort" }));
            Assert.That(unreported, Is.Empty);
            Assert.That(container.Image.State, Is.EqualTo(FieldState.Invalid));
            Assert.That(container.Name.Value, Is.EqualTo("a"));
            Assert.That(container.Ports[0].ContainerPortNumber.State, Is.EqualTo(FieldState.Invalid));
            Assert.That(container.Ports[1].ContainerPortNumber.Value, Is.EqualTo(80));
            Assert.That(container.Ports[1].ContainerPortNumber.Path.ToString(), Is.EqualTo("spec.containers[0].ports[1].containerPort"));
        }
    }

    private static IEnumerable<ScalarNode> Leaves(YamlNode node)
    {
        switch (node)
        {
            case MappingNode m:
                foreach (var e in m.Entries)
                {
                    foreach (var leaf in Leaves(e.Value)) yield return leaf;
                }

                break;
            case SequenceNode s:
                foreach (var item in s.Items)
                {
                    foreach (var leaf in Leaves(item)) yield return leaf;
                }

                break;
            case ScalarNode { IsPlain: true } scalar when scalar.Span.StartLine == scalar.Span.EndLine:
                yield return scalar;
                break;
        }
    }
}
