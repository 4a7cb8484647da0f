using NJsonSchema;
using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Reporting;

namespace PodLint.Tests.Configuration;

/// <summary>Each form of suppression changes the result, and a suppression that does nothing is reported (PL0016).</summary>
public class SuppressionTests
{
    // PL3001 fires at the proxy's 8080 (line 24); PL3010 at the unmounted volume `cache` (line 15).
    private static string Deployment(string objectAnnotations = "", string templateAnnotations = "", string proxyPortComment = "", string linesBeforeProxyPort = "",
        string head = "") => $$"""
        {{head}}apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations: {{{objectAnnotations}}}
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
              annotations: {{{templateAnnotations}}}
            spec:
              volumes:
                - name: cache
                  emptyDir: {}
              containers:
                - name: app
                  image: nginx:1.27.3
                  ports: [{containerPort: 8080}]
                - name: proxy
                  image: envoyproxy/envoy:v1.31.0
                  ports:
        {{linesBeforeProxyPort}}            - containerPort: 8080{{proxyPortComment}}
        """;

    private static LintResult Lint(string text) => new PodLinter().LintText(text, "web.yaml");

    private static string[] Ids(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Select(d => d.RuleId)];

    [Test]
    public void Without_suppressions_both_findings_are_reported()
    {
        var result = Lint(Deployment());
        Assert.That(Ids(result.Diagnostics), Is.EquivalentTo(new[] { "PL3001", "PL3010" }));
        Assert.That(result.Suppressed, Is.Empty);
    }

    [Test]
    public void The_object_annotation_suppresses_by_id_or_name_with_a_reason()
    {
        var result = Lint(Deployment(objectAnnotations: "podlint.io/ignore: \"PL3001, unused-volume -- the proxy takes over the port\""));
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(Ids(result.Suppressed), Is.EquivalentTo(new[] { "PL3001", "PL3010" }));
        var s = result.Suppressed.Single(d => d.RuleId == "PL3001");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.SuppressedBy!.Kind, Is.EqualTo(SuppressionKind.ObjectAnnotation));
            Assert.That(s.Justification, Is.EqualTo("the proxy takes over the port"));
            Assert.That(s.SuppressedBy.Span.StartLine, Is.EqualTo(5));
            Assert.That(TextReporter.Summary(result), Does.Contain("2 findings suppressed"));
        }
    }

    [Test]
    public void The_pod_template_annotation_suppresses()
    {
        var result = Lint(Deployment(templateAnnotations: "podlint.io/ignore: PL3010"));
        Assert.That(Ids(result.Diagnostics), Is.EqualTo(new[] { "PL3001" }));
        Assert.That(result.Suppressed.Single().Justification, Is.Null);
    }

    [Test]
    public void The_container_annotation_suppresses_only_inside_its_container()
    {
        var proxy = Lint(Deployment(templateAnnotations: "podlint.io/ignore.container.proxy: \"PL3001 -- on purpose\""));
        Assert.That(Ids(proxy.Diagnostics), Is.EqualTo(new[] { "PL3010" }));
        Assert.That(proxy.Suppressed.Single().SuppressedBy!.Kind, Is.EqualTo(SuppressionKind.ContainerAnnotation));

        // The finding is on the proxy's port: the app's annotation covers nothing, and says so.
        var app = Lint(Deployment(templateAnnotations: "podlint.io/ignore.container.app: PL3001"));
        Assert.That(Ids(app.Diagnostics), Is.EquivalentTo(new[] { "PL3001", "PL3010", "PL0016" }));
        Assert.That(app.Diagnostics.Single(d => d.RuleId == "PL0016").Message,
            Is.EqualTo("the `podlint.io/ignore.container.app` annotation suppresses `PL3001`, but `PL3001` reports nothing here"));
    }

    [Test]
    public void A_disable_line_comment_suppresses_its_line()
    {
        var result = Lint(Deployment(proxyPortComment: " # podlint-disable-line PL3001 -- shared port"));
        Assert.That(Ids(result.Diagnostics), Is.EqualTo(new[] { "PL3010" }));
        var by = result.Suppressed.Single().SuppressedBy!;
        Assert.That((by.Kind, by.Justification, by.Span.StartLine, by.Span.StartColumn), Is.EqualTo((SuppressionKind.LineComment, "shared port", 24, 35)));
    }

    [Test]
    public void A_disable_next_line_comment_suppresses_the_next_line_that_is_not_a_comment()
    {
        var result = Lint(Deployment(linesBeforeProxyPort: "            # podlint-disable-next-line duplicate-container-port\n            # (the proxy takes over)\n"));
        Assert.That(Ids(result.Diagnostics), Is.EqualTo(new[] { "PL3010" }));
        Assert.That(result.Suppressed.Single().SuppressedBy!.Kind, Is.EqualTo(SuppressionKind.NextLineComment));
    }

    [Test]
    public void A_disable_file_comment_suppresses_in_every_document_of_the_file()
    {
        var text = "# podlint-disable-file PL3001 -- generated\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n" + Deployment();
        var result = Lint(text);
        Assert.That(Ids(result.Diagnostics), Is.EqualTo(new[] { "PL3010" }));
        Assert.That(result.Suppressed.Single().SuppressedBy!.Kind, Is.EqualTo(SuppressionKind.FileComment));
    }

    [Test]
    public void A_suppression_that_suppresses_nothing_is_reported_at_the_suppression()
    {
        var result = Lint(Deployment(objectAnnotations: "podlint.io/ignore: duplicate-port-name"));
        var unused = result.Diagnostics.Single(d => d.RuleId == "PL0016");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unused.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(unused.Span.StartLine, Is.EqualTo(5));
            Assert.That(unused.Message, Is.EqualTo("the `podlint.io/ignore` annotation suppresses `duplicate-port-name`, but `duplicate-port-name` reports nothing here"));
            Assert.That(unused.Help, Is.EqualTo("remove `duplicate-port-name` from the suppression"));
        }
    }

    [Test]
    public void A_suppression_naming_an_unknown_rule_gets_a_did_you_mean()
    {
        var result = Lint(Deployment(proxyPortComment: " # podlint-disable-line duplicate-container-prot"));
        var unknown = result.Diagnostics.Single(d => d.RuleId == "PL0016");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknown.Message, Is.EqualTo("`podlint-disable-line` names `duplicate-container-prot`, which is not a rule"));
            Assert.That(unknown.Help, Is.EqualTo("did you mean `duplicate-container-port`?"));
            Assert.That(Ids(result.Diagnostics), Does.Contain("PL3001"));
        }
    }

    [Test]
    public void A_suppression_of_a_rule_that_is_off_is_not_reported()
    {
        var linter = new PodLinter(new PodLintOptions { RuleLevels = new Dictionary<string, RuleLevel> { ["PL3001"] = RuleLevel.Off } });
        var result = linter.LintText(Deployment(objectAnnotations: "podlint.io/ignore: PL3001"), "web.yaml");
        Assert.That(Ids(result.Diagnostics), Is.EqualTo(new[] { "PL3010" }));
    }

    [Test]
    public async Task Suppressed_findings_are_kept_in_the_json_report_with_their_justification()
    {
        var result = Lint(Deployment(templateAnnotations: "podlint.io/ignore: \"PL3010 -- filled by the platform\""));
        var writer = new StringWriter();
        new JsonReporter().Write(result, writer);
        var json = writer.ToString();
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Schemas, "podlint-report.schema.json"));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var suppressed = document.RootElement.GetProperty("suppressed")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(schema.Validate(json).Select(e => $"{e.Path}: {e.Kind}"), Is.Empty);
            Assert.That(document.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32(), Is.EqualTo(1));
            Assert.That(suppressed.GetProperty("ruleId").GetString(), Is.EqualTo("PL3010"));
            Assert.That(suppressed.GetProperty("suppression").GetProperty("kind").GetString(), Is.EqualTo("annotation"));
            Assert.That(suppressed.GetProperty("suppression").GetProperty("justification").GetString(), Is.EqualTo("filled by the platform"));
        }
    }
}
