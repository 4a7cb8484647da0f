using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2131TolerationsTests
{
    private static List<Diagnostic> Lint(string toleration, string? version = null)
        => RuleAssert.FindingsInSpec("PL2131", "  containers: [{name: app, image: nginx:1.27}]\n  tolerations:\n    - " + toleration + "\n", version);

    private static string Annotated(string json) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            scheduler.alpha.kubernetes.io/tolerations: '{{json}}'
        spec:
          containers: [{name: app, image: nginx:1.27}]
        """;

    [TestCase("{key: \"a b\", operator: Exists}", "key", ApiErrorType.Invalid,
        "toleration key `a b` is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")]
    [TestCase("{value: x}", "operator", ApiErrorType.Invalid,
        "operator `Equal` with an empty `key`: operator must be Exists when `key` is empty, which means match all values and all keys")]
    [TestCase("{key: a, operator: Exists, effect: NoSchedule, tolerationSeconds: 5}", "effect", ApiErrorType.Invalid,
        "`tolerationSeconds` is set with effect `NoSchedule`: effect must be 'NoExecute' when `tolerationSeconds` is set")]
    [TestCase("{key: a, operator: Exists, tolerationSeconds: 5}", "effect", ApiErrorType.Invalid,
        "`tolerationSeconds` is set without an effect: effect must be 'NoExecute' when `tolerationSeconds` is set")]
    [TestCase("{key: a, value: \"-x\"}", "operator", ApiErrorType.Invalid,
        "toleration value `-x` is not a valid label value: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")]
    [TestCase("{key: a, operator: Exists, value: x}", "operator", ApiErrorType.Invalid,
        "toleration value `x` with operator `Exists`: value must be empty when `operator` is 'Exists'")]
    [TestCase("{key: a, operator: Lt, value: \"5\"}", "operator", ApiErrorType.NotSupported,
        "toleration operator `Lt` is not supported: supported values: `Equal`, `Exists`")]
    [TestCase("{key: a, operator: Exists, effect: noSchedule}", "effect", ApiErrorType.NotSupported,
        "toleration effect `noSchedule` is not supported: supported values: `NoSchedule`, `PreferNoSchedule`, `NoExecute`")]
    public void Each_check_with_its_path_type_and_message(string toleration, string field, ApiErrorType type, string message)
    {
        var d = Lint(toleration).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.tolerations[0]." + field));
            Assert.That(d.ErrorType, Is.EqualTo(type));
            Assert.That(d.Message, Is.EqualTo(message));
        }
    }

    [Test]
    public void A_too_long_value_gets_every_detail_joined_as_the_server_does()
    {
        var d = Lint("{key: a, value: \"-" + new string('x', 63) + "\"}", "1.36").Single();
        Assert.That(d.Message, Does.Contain("must be no more than 63 bytes;a valid label must be"));
    }

    [Test]
    public void Help_lines()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint("{operator: Equal}").Single().Help, Is.EqualTo("set the taint's `key`, or use `operator: Exists` to tolerate every taint"));
            Assert.That(Lint("{key: a, operator: Exists, tolerationSeconds: 5}").Single().Help, Is.EqualTo("set `effect: NoExecute` (only eviction has a delay), or remove `tolerationSeconds`"));
        }
    }

    [Test]
    public void Valid_tolerations_pass()
        => Assert.That(RuleAssert.FindingsInSpec("PL2131", """
              containers: [{name: app, image: nginx:1.27}]
              tolerations:
                - {operator: Exists}
                - {key: a}
                - {key: a, value: b, effect: PreferNoSchedule}
                - {key: example.com/a, operator: Exists, effect: NoExecute, tolerationSeconds: 0}
            """), Is.Empty);

    [Test]
    public void Annotation_tolerations_are_checked_at_the_dotted_path()
    {
        var found = RuleAssert.Findings("PL2131", Annotated("""[{"key": "a", "operator": "Exists", "value": "x"}, {"OPERATOR": "Exists", "Effect": "NoSchedule", "tolerationSeconds": 5}]"""));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.EquivalentTo(new[]
            {
                "metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[0].operator",
                "metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[1].effect",
            }));
            Assert.That(found.Select(d => d.Span.StartLine), Is.All.EqualTo(6));
        }
    }

    [TestCase("key=a:NoSchedule", "not valid JSON at byte 1")]
    [TestCase("""{"key": "a"}""", "expected a JSON list, found an object")]
    [TestCase("""["a"]""", "item [0] is a string, not a toleration object")]
    [TestCase("""[{"key": 5}]""", "`key` of item [0] must be a string, found a number 5")]
    [TestCase("""[{"key": "a", "tolerationSeconds": 1.5}]""", "`tolerationSeconds` of item [0] must be an integer, found a number 1.5")]
    public void An_annotation_that_does_not_decode(string json, string detail)
    {
        var d = RuleAssert.Findings("PL2131", Annotated(json)).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.annotations"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("annotation `scheduler.alpha.kubernetes.io/tolerations` is not a JSON list of tolerations: " + detail));
            Assert.That(d.Help, Is.EqualTo("move the tolerations to `spec.tolerations` and remove the annotation (it is an alpha leftover)"));
        }
    }

    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("""[{"operator": "Exists", "unknown": [1]}, {"key": null, "operator": "Exists"}]""")]
    public void Annotations_that_decode_to_valid_tolerations(string json)
        => Assert.That(RuleAssert.Findings("PL2131", Annotated(json)), Is.Empty);

    [Test]
    public void A_template_annotation_is_reported_without_metadata()
    {
        var d = RuleAssert.Findings("PL2131", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web}
                  annotations: {scheduler.alpha.kubernetes.io/tolerations: "[1]"}
                spec:
                  containers: [{name: app, image: nginx:1.27}]
            """).Single();
        Assert.That(d.Path, Is.EqualTo("spec.template.annotations"));
    }
}
