using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2030InvalidEnvTests
{
    private static List<Diagnostic> Lint(string container, string? version = null, string pod = "")
        => RuleAssert.FindingsInSpec("PL2030", pod + "  containers:\n    - name: web\n      image: nginx\n" + container, version);

    private const string Strict = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

    [TestCase("1.29", "1ST", new[] { Strict })]
    [TestCase("1.31", "..A", new[] { "must not start with '..'" })]
    [TestCase("1.31", ".", new[] { "must not be '.'" })]
    [TestCase("1.31", "A B", new[] { Strict })]
    [TestCase("1.32", "1ST", new string[0])]
    [TestCase("1.32", "A B", new string[0])]
    [TestCase("1.32", "=abc", new[] { "a valid environment variable name must consist only of printable ASCII characters other than '='" })]
    [TestCase("1.36", "é", new[] { "a valid environment variable name must consist only of printable ASCII characters other than '='" })]
    public void Names_are_strict_before_1_32_and_relaxed_after(string version, string name, string[] details)
    {
        var found = Lint($"      env:\n        - {{name: \"{name}\", value: x}}\n", version);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Message), Is.EqualTo(details.Select(d => $"`name: {name}` is invalid: {d}")));
            Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.All.EqualTo(("spec.containers[0].env[0].name", (ApiErrorType?)ApiErrorType.Invalid)));
        }
    }

    [Test]
    public void Value_sources()
    {
        var found = Lint("      env:\n        - {name: A, valueFrom: {}}\n        - {name: B, value: x, valueFrom: {fieldRef: {fieldPath: metadata.name}}}\n"
            + "        - {name: C, valueFrom: {fieldRef: {fieldPath: metadata.name}, configMapKeyRef: {name: c, key: k}}}\n", "1.34");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string?, ApiErrorType?, string)[]
        {
            ("spec.containers[0].env[0].valueFrom", ApiErrorType.Invalid, "`valueFrom` of `A` must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"),
            ("spec.containers[0].env[1].valueFrom", ApiErrorType.Invalid, "`valueFrom` of `B` may not be specified when `value` is not empty"),
            ("spec.containers[0].env[2].valueFrom", ApiErrorType.Invalid, "`valueFrom` of `C` may not have more than one field specified at a time"),
        }));
    }

    [TestCase("1.34", "`fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`")]
    [TestCase("1.35", "`fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`")]
    public void File_key_ref_is_a_source_from_1_35(string version, string sources)
        => Assert.That(Lint("      env:\n        - {name: A, valueFrom: {}}\n", version)[0].Message, Is.EqualTo($"`valueFrom` of `A` must specify one of: {sources}"));

    [Test]
    public void File_key_ref_is_dropped_in_1_34()
        => Assert.That(Lint("      env:\n        - {name: A, valueFrom: {fileKeyRef: {volumeName: nope, path: ../x, key: \"a=b\"}}}\n", "1.34"), Is.Empty);

    [TestCase("metadata.whoops", "Invalid", "`fieldPath: metadata.whoops` is invalid: error converting fieldPath: field label not supported: metadata.whoops")]
    [TestCase("metadata.name['key']", "Invalid", "`fieldPath: metadata.name['key']` is invalid: error converting fieldPath: field label does not support subscript: metadata.name['key']")]
    [TestCase("metadata.labels", "NotSupported", "`fieldPath: metadata.labels` is not supported for an env var (supported values: `metadata.name`, `metadata.namespace`, `metadata.uid`, `spec.nodeName`, `spec.serviceAccountName`, `status.hostIP`, `status.hostIPs`, `status.podIP`, `status.podIPs`)")]
    [TestCase("spec.host", "", "")]
    [TestCase("metadata.annotations['Example.com/Note']", "", "")]
    public void Field_paths(string path, string type, string message)
    {
        var found = Lint($"      env:\n        - {{name: A, valueFrom: {{fieldRef: {{fieldPath: \"{path}\"}}}}}}\n");
        Assert.That(found.Select(d => (d.ErrorType.ToString(), d.Message)), Is.EqualTo(type.Length == 0 ? [] : new[] { (type, message) }));
    }

    [Test]
    public void A_label_key_is_checked_on_the_field_ref()
    {
        var found = Lint("      env:\n        - {name: A, valueFrom: {fieldRef: {fieldPath: \"metadata.labels['Www.k8s.io/test']\"}}}\n", "1.33");
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EqualTo(new (string?, string)[]
        {
            ("spec.containers[0].env[0].valueFrom.fieldRef", "`fieldRef: Www.k8s.io/test` is invalid: prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
        }));
    }

    [TestCase("limits.cpu", "1m", 0)]
    [TestCase("requests.cpu", "1000m", 0)]
    [TestCase("limits.cpu", "1Mi", 1)]
    [TestCase("limits.memory", "1Mi", 0)]
    [TestCase("limits.memory", "1024", 1)]
    [TestCase("requests.ephemeral-storage", "2Gi", 1)]
    [TestCase("limits.hugepages-2Mi", "1Gi", 0)]
    public void Divisors_compare_canonically(string resource, string divisor, int expected)
    {
        var found = Lint($"      env:\n        - {{name: A, valueFrom: {{resourceFieldRef: {{resource: {resource}, divisor: \"{divisor}\"}}}}}}\n");
        Assert.That(found, Has.Count.EqualTo(expected));
        if (expected == 1) Assert.That(found[0].Path, Is.EqualTo("spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor"));
    }

    [Test]
    public void Env_from_entries_have_one_reference_reported_without_index()
    {
        var found = Lint("      envFrom:\n        - {prefix: P_}\n        - {configMapRef: {name: a}, secretRef: {name: b}}\n        - {secretRef: {name: \"\"}}\n        - {configMapRef: {name: ok-}}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string?, ApiErrorType?, string)[]
        {
            ("spec.containers[0].envFrom", ApiErrorType.Invalid, "`envFrom` entry must specify one of: `configMapRef` or `secretRef`"),
            ("spec.containers[0].envFrom", ApiErrorType.Invalid, "`envFrom` entry may not have more than one field specified at a time"),
            ("spec.containers[0].envFrom[2].secretRef.name", ApiErrorType.Required, "`secretRef.name` is empty"),
        }));
    }

    [Test]
    public void Key_selectors_need_a_subdomain_name_even_when_it_is_missing()
    {
        var found = Lint("      env:\n        - {name: A, valueFrom: {secretKeyRef: {key: \"..k\"}}}\n");
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EqualTo(new (string?, string)[]
        {
            ("spec.containers[0].env[0].valueFrom.secretKeyRef.name", "`name: ` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
            ("spec.containers[0].env[0].valueFrom.secretKeyRef.key", "`key: ..k` is invalid: must not start with '..'"),
        }));
    }

    [Test]
    public void File_key_ref_volume_must_be_an_empty_dir()
    {
        var found = Lint("      env:\n        - {name: A, valueFrom: {fileKeyRef: {volumeName: cfg, path: p, key: A}}}\n        - {name: B, valueFrom: {fileKeyRef: {volumeName: plain, path: p, key: B}}}\n", "1.35",
            "  volumes:\n    - {name: cfg, configMap: {name: c}}\n    - {name: plain}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string?, ApiErrorType?, string)[]
        {
            ("spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName", ApiErrorType.Invalid, "`volumeName: cfg`: referenced volume must be of type emptyDir"),
        }));
    }
}
