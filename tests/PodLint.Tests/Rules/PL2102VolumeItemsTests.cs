using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2102VolumeItemsTests
{
    private static List<Diagnostic> Lint(string volumes)
        => RuleAssert.Findings("PL2102", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: app, image: nginx}\n  volumes:\n" + volumes);

    [Test]
    public void Decimal_mode_gets_the_octal_help()
    {
        var d = Lint("    - {name: tls, secret: {secretName: s, defaultMode: 644}}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].secret.defaultMode"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("volume `tls`: `defaultMode` 644 must be a number between 0 and 0777 (octal), both inclusive"));
            Assert.That(d.Help, Is.EqualTo("YAML reads `644` as a decimal number: write `0644` for the octal mode, or `420` in decimal"));
        }
    }

    [TestCase("0777", 0)]
    [TestCase("511", 0)]
    [TestCase("0", 0)]
    [TestCase("512", 1)]
    [TestCase("-1", 1)]
    public void Mode_range(string mode, int findings)
        => Assert.That(Lint("    - {name: c, configMap: {name: c, items: [{key: k, path: p, mode: " + mode + "}]}}\n"), Has.Count.EqualTo(findings));

    [TestCase("a/b", new string[0])]
    [TestCase("a..b", new string[0])]
    [TestCase(".a", new string[0])]
    [TestCase("/a", new[] { "must be a relative path" })]
    [TestCase("../a", new[] { "must not contain '..'" })]
    [TestCase("..a", new[] { "must not start with '..'" })]
    [TestCase("/../a", new[] { "must be a relative path", "must not contain '..'" })]
    public void Item_path_rules(string path, string[] details)
    {
        var found = Lint("    - {name: c, configMap: {name: c, items: [{key: k, path: \"" + path + "\"}]}}\n");
        Assert.That(found.Select(d => d.Message), Is.EqualTo(details.Select(x => $"volume `c`: item `path` `{path}` {x}")));
    }

    [Test]
    public void Downward_api_paths_have_no_items_index()
    {
        var d = Lint("    - {name: i, downwardAPI: {items: [{path: a, fieldRef: {fieldPath: status.podIP}}]}}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].downwardAPI.fieldRef.fieldPath"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.NotSupported));
            Assert.That(d.Message, Is.EqualTo("volume `i`: `fieldRef.fieldPath` `status.podIP` is not supported in a volume (supported values: `metadata.annotations`, `metadata.labels`, `metadata.name`, `metadata.namespace`, `metadata.uid`)"));
        }
    }

    [TestCase("metadata.whoops", "error converting fieldPath: field label not supported: metadata.whoops")]
    [TestCase("metadata.name['key']", "error converting fieldPath: field label does not support subscript: metadata.name['key']")]
    public void Unconvertible_field_paths(string fieldPath, string detail)
    {
        var d = Lint("    - {name: i, downwardAPI: {items: [{path: a, fieldRef: {fieldPath: \"" + fieldPath + "\"}}]}}\n").Single();
        Assert.That((d.ErrorType, d.Message), Is.EqualTo(((ApiErrorType?)ApiErrorType.Invalid, $"volume `i`: `fieldRef.fieldPath` `{fieldPath}` is invalid: {detail}")));
    }

    [Test]
    public void Field_ref_api_version_other_than_v1_cannot_be_converted()
        => Assert.That(Lint("    - {name: i, downwardAPI: {items: [{path: a, fieldRef: {apiVersion: v2, fieldPath: metadata.name}}]}}\n").Single().Message,
            Does.EndWith("error converting fieldPath: unsupported pod version: v2"));

    [Test]
    public void Annotation_keys_are_checked_lower_cased()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint("    - {name: i, downwardAPI: {items: [{path: a, fieldRef: {fieldPath: \"metadata.annotations['Example.COM/Owner']\"}}]}}\n"), Is.Empty);
            Assert.That(Lint("    - {name: i, downwardAPI: {items: [{path: a, fieldRef: {fieldPath: \"metadata.labels['Example.COM/Owner']\"}}]}}\n").Single().Path,
                Is.EqualTo("spec.volumes[0].downwardAPI.fieldRef"));
        }
    }

    [Test]
    public void Resource_field_ref_needs_a_container_name_in_a_volume()
    {
        var d = Lint("    - {name: i, downwardAPI: {items: [{path: a, resourceFieldRef: {resource: limits.memory}}]}}\n").Single();
        Assert.That((d.Path, d.ErrorType), Is.EqualTo(("spec.volumes[0].downwardAPI.resourceFieldRef.containerName", (ApiErrorType?)ApiErrorType.Required)));
    }

    [TestCase("limits.cpu", "1m", 0)]
    [TestCase("limits.cpu", "1000m", 0)]
    [TestCase("limits.cpu", "2", 1)]
    [TestCase("requests.memory", "1Mi", 0)]
    [TestCase("requests.memory", "1024", 1)]
    [TestCase("limits.hugepages-2Mi", "1Gi", 0)]
    [TestCase("limits.hugepages-2Mi", "3", 1)]
    public void Divisors(string resource, string divisor, int findings)
        => Assert.That(Lint("    - {name: i, downwardAPI: {items: [{path: a, resourceFieldRef: {containerName: app, resource: " + resource + ", divisor: \"" + divisor + "\"}}]}}\n"),
            Has.Count.EqualTo(findings));

    [Test]
    public void Both_and_neither_are_reported_at_the_source()
    {
        var found = Lint("    - {name: i, downwardAPI: {items: [{path: a, fieldRef: {fieldPath: metadata.name}, resourceFieldRef: {containerName: app, resource: limits.cpu}}, {path: b}]}}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EqualTo(new (string?, ApiErrorType?)[]
            {
                ("spec.volumes[0].downwardAPI", ApiErrorType.Invalid), ("spec.volumes[0].downwardAPI", ApiErrorType.Required),
            }));
            Assert.That(found[1].Message, Is.EqualTo("volume `i`: one of `fieldRef` and `resourceFieldRef` is required"));
        }
    }
}
