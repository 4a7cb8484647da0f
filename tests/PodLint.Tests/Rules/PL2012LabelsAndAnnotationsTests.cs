using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2012LabelsAndAnnotationsTests
{
    [Test]
    public void Label_value_message_path_and_type()
    {
        var d = RuleAssert.Findings("PL2012", RuleAssert.PodWithMetadata("  labels: {version: 1.0-}")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.labels"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("label value `1.0-` of `version` is invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));
            Assert.That(d.Help, Is.EqualTo("use at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit, or an empty value; free text belongs in an annotation"));
        }
    }

    [Test]
    public void Label_key_has_no_key_in_its_path()
    {
        var d = RuleAssert.Findings("PL2012", RuleAssert.PodWithMetadata("  labels: {/app: web}")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.labels"));
            Assert.That(d.Message, Is.EqualTo("label key `/app` is invalid: prefix part must be non-empty"));
        }
    }

    [Test]
    public void Annotation_keys_are_checked_lower_cased()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RuleAssert.Findings("PL2012", RuleAssert.PodWithMetadata("  annotations: {Example.COM/Owner: x}")), Is.Empty);
            var d = RuleAssert.Findings("PL2012", RuleAssert.PodWithMetadata("  annotations: {Example.COM/a/b: x}")).Single();
            Assert.That(d.Path, Is.EqualTo("metadata.annotations"));
            Assert.That(d.Message, Does.StartWith("annotation key `Example.COM/a/b` is invalid: a valid label key must consist of"));
        }
    }

    [Test]
    public void Long_name_part_wording_follows_the_version()
    {
        var text = RuleAssert.PodWithMetadata("  labels: {" + new string('a', 64) + ": x}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RuleAssert.Findings("PL2012", text, "1.34").Single().Message, Does.EndWith("is invalid: name part must be no more than 63 characters"));
            Assert.That(RuleAssert.Findings("PL2012", text, "1.35").Single().Message, Does.EndWith("is invalid: name part must be no more than 63 bytes"));
        }
    }

    [Test]
    public void Annotations_over_256_KiB_are_too_long_with_the_versions_wording()
    {
        var big = RuleAssert.PodWithMetadata("  annotations:\n    a: " + new string('x', 262144));
        var justFits = RuleAssert.PodWithMetadata("  annotations:\n    a: " + new string('x', 262143));
        using (Assert.EnterMultipleScope())
        {
            var d = RuleAssert.Findings("PL2012", big, "1.32").Single();
            Assert.That(d.Path, Is.EqualTo("metadata.annotations"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.TooLong));
            Assert.That(d.Message, Is.EqualTo("the annotations' keys and values take 262145 bytes: may not be more than 262144 bytes"));
            Assert.That(RuleAssert.Findings("PL2012", big, "1.31").Single().Message, Does.EndWith(": must have at most 262144 bytes"));
            Assert.That(RuleAssert.Findings("PL2012", justFits, "1.32"), Is.Empty);
        }
    }

    [Test]
    public void Template_paths_drop_metadata_as_the_server_does()
    {
        var found = RuleAssert.Findings("PL2012", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web, v: "-1", -k: x}
                  annotations: {"a b": x}
                spec:
                  containers:
                    - {name: app, image: nginx:1.27}
            """);
        Assert.That(found.Select(d => d.Path), Is.EquivalentTo(new[] { "spec.template.labels", "spec.template.labels", "spec.template.annotations" }));
    }
}
