using PodLint.Diagnostics;

namespace PodLint.Tests.Input;

/// <summary>Helm template text outside a chart's templates/ folder gets one finding saying what it is and how to lint it.</summary>
public class HelmTemplateTests
{
    [Test]
    public void A_template_that_does_not_parse_is_a_template_finding_not_a_yaml_error()
    {
        var result = Lint.Text("""
            {{- if .Values.enabled }}
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{ include "web.fullname" . }}
            spec:
              containers:
              - name: a
                image: nginx:1.27
            {{- end }}
            """);
        var d = result.Diagnostics.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.RuleId, Is.EqualTo(RuleIds.InvalidYaml));
            Assert.That(d.MessageId, Is.EqualTo("helm-template"));
            Assert.That(d.Message, Is.EqualTo("this document is a Helm template (`{{- if .Values.enabled }}`), not a manifest: it must be rendered before it can be checked"));
            Assert.That(d.Help, Is.EqualTo("lint what Helm renders: `helm template RELEASE CHART | podlint check -`"));
            Assert.That(Lint.Where(d.Span), Is.EqualTo("1:1-1:26"));
        }
    }

    [Test]
    public void A_template_that_parses_is_a_template_finding_too()
    {
        var result = Lint.Text("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: a
                image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
            """);
        var d = result.Diagnostics.Single();
        Assert.That(d.MessageId, Is.EqualTo("helm-template"));
        Assert.That(Lint.Where(d.Span), Is.EqualTo("8:13-8:43"));
    }

    [Test]
    public void Unknown_go_template_text_that_breaks_the_yaml_is_a_template_finding()
    {
        var result = Lint.Text("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .name }}\n  labels: {{ toJson .labels }}\n");
        Assert.That(result.Diagnostics.Single().MessageId, Is.EqualTo("helm-template"), () => Lint.Dump(result));
    }

    [Test]
    public void Only_the_templated_document_of_a_stream_is_affected()
    {
        var result = Lint.Text("""
            apiVersion: v1
            kind: Pod
            metadata: {name: ok}
            spec:
              containers: [{name: a, image: nginx:1.27}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{ .Release.Name }}
            spec:
              containers: [{name: a, image: nginx:1.27}]
            """);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0001 10:9-10:28" }), () => Lint.Dump(result));
        Assert.That(result.CheckedObjectCount, Is.EqualTo(1));
    }

    [Test]
    public void Braces_of_other_tools_in_valid_yaml_are_left_alone()
    {
        var result = Lint.Text("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                summary: "{{ $labels.instance }} is down"
                argo: "{{inputs.parameters.message}}"
            spec:
              containers: [{name: a, image: nginx:1.27}]
            """);
        Assert.That(result.Diagnostics, Is.Empty, () => Lint.Dump(result));
    }

    [Test]
    public void A_yaml_error_without_braces_stays_a_yaml_error()
    {
        var result = Lint.Text("apiVersion: v1\nkind: Pod\nmetadata: [\n");
        Assert.That(result.Single(RuleIds.InvalidYaml).MessageId, Is.Not.EqualTo("helm-template"));
    }
}
