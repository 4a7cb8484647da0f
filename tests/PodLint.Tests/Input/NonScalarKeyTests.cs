using PodLint.Diagnostics;

namespace PodLint.Tests.Input;

/// <summary>`? [a, b]: x` is valid YAML but has no JSON form: the API server rejects it, so it is a finding, not dropped.</summary>
public class NonScalarKeyTests
{
    [Test]
    public void A_sequence_key_is_a_finding_on_the_key()
    {
        var result = Lint.Text("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              ? [a, b]
              : x
            spec:
              containers: [{name: a, image: nginx:1.27}]
            """);
        var d = result.Single(RuleIds.InvalidYaml);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.MessageId, Is.EqualTo("non-scalar-key"));
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.Message, Is.EqualTo("invalid manifest: this mapping key is a sequence; Kubernetes objects are JSON, whose keys are strings, so the API server rejects it"));
            Assert.That(Lint.Where(d.Span), Is.EqualTo("5:5-5:11"));
            Assert.That(d.Help, Does.Contain("plain string"));
        }
    }

    [Test]
    public void A_mapping_key_in_flow_style_is_a_finding()
    {
        var result = Lint.Text("apiVersion: v1\nkind: Pod\nmetadata: {name: web, {a: b}: c}\nspec:\n  containers: [{name: a, image: nginx:1.27}]\n");
        Assert.That(result.Single(RuleIds.InvalidYaml).Message, Does.Contain("this mapping key is a mapping"));
    }

    [Test]
    public void Scalar_keys_of_every_style_and_aliased_scalar_keys_are_not_findings()
    {
        var result = Lint.Text("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels:
                &k app: web
                "quoted": x
                ? explicit
                : y
                *k : z2
            spec:
              containers: [{name: a, image: nginx:1.27}]
            """);
        Assert.That(result.Of(RuleIds.InvalidYaml), Is.Empty, () => Lint.Dump(result));
    }
}
