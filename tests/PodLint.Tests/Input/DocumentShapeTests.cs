using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Input;

/// <summary>PL0003–PL0008: documents that are empty, not objects, not Pods, or Pods of the wrong version.</summary>
[TestFixture]
public class DocumentShapeTests
{
    // ---- PL0003 empty-document --------------------------------------------------------------------------

    [Test]
    public void An_empty_file_is_reported_at_1_1()
    {
        var result = Lint.Text("");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0003 1:1-1:1" }));
        var d = result.Diagnostics[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Info));
            Assert.That(d.RuleName, Is.EqualTo("empty-document"));
            Assert.That(d.Message, Is.EqualTo("the file is empty"));
            Assert.That(result.HasErrors, Is.False);
            Assert.That(result.DocumentCount, Is.EqualTo(0));
        }
    }

    [TestCase("# nothing but a comment\n")]
    [TestCase("# one\n\n   # two\n")]
    [TestCase("\n\n\n")]
    public void A_file_of_only_comments_or_blank_lines_holds_no_documents(string text)
    {
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0003 1:1-1:1" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics[0].Severity, Is.EqualTo(Severity.Info));
            Assert.That(result.Diagnostics[0].Message, Is.EqualTo("the file holds no documents"));
        }
    }

    [Test]
    public void Two_markers_in_a_row_in_the_middle_of_a_stream()
    {
        var text = Lint.Pod("web") + "---\n---\n" + Lint.Pod("cache", "redis", "redis:7.4.1");
        var result = Lint.Text(text);
        // Lines 1-8: the first Pod; 9: `---` opens the empty document; 10: `---` opens the second Pod.
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0003 9:1-9:4" }), () => Lint.Dump(result));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics[0].Severity, Is.EqualTo(Severity.Info));
            Assert.That(result.Diagnostics[0].Message, Is.EqualTo("empty document"));
            Assert.That(result.Diagnostics[0].Help, Is.EqualTo("remove the extra `---` separator"));
            Assert.That(result.PodCount, Is.EqualTo(2));
        }
    }

    [Test]
    public void A_document_of_only_comments_in_the_middle_of_a_stream()
    {
        var text = Lint.Pod("web") + "---\n# worker moved to worker.yaml\n---\n" + Lint.Pod("cache");
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0003 9:1-9:4" }), () => Lint.Dump(result));
    }

    [Test]
    public void A_document_holding_only_null()
    {
        var result = Lint.Text(Lint.Pod("web") + "---\n~\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0003 10:1-10:2" }), () => Lint.Dump(result));
        Assert.That(result.Diagnostics[0].Message, Is.EqualTo("empty document: it holds only `null`"));
    }

    [Test]
    public void A_leading_marker_is_not_reported_even_after_comments()
    {
        var result = Lint.Text("# license header\n---\n" + Lint.Pod("web"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty, () => Lint.Dump(result));
            Assert.That(result.PodCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void A_single_trailing_marker_after_a_Pod_is_not_reported()
    {
        var result = Lint.Text(Lint.Pod("web") + "---\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty, () => Lint.Dump(result));
            Assert.That(result.PodCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void A_trailing_marker_after_two_Pods_is_not_reported()
    {
        var result = Lint.Text(Lint.Pod("web") + "---\n" + Lint.Pod("cache") + "---\n");
        Assert.That(result.Diagnostics, Is.Empty, () => Lint.Dump(result));
    }

    // ---- PL0004 document-not-mapping ---------------------------------------------------------------------

    [Test]
    public void A_scalar_document()
    {
        var result = Lint.Text("kubectl apply -f pod.yaml\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0004 1:1-1:26" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics[0].Severity, Is.EqualTo(Severity.Error));
            Assert.That(result.Diagnostics[0].Message,
                Is.EqualTo("the document is a scalar (string `kubectl apply -f pod.yaml`), not a mapping, so it cannot be a Kubernetes object"));
            Assert.That(result.PodCount, Is.EqualTo(0));
        }
    }

    [Test]
    public void A_sequence_document_is_reported_on_its_first_line_only()
    {
        const string Text = """
            - apiVersion: v1
              kind: Pod
              metadata:
                name: web
            - apiVersion: v1
              kind: Pod
              metadata:
                name: cache

            """;
        var result = Lint.Text(Text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0004 1:1-1:2" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics[0].Message, Is.EqualTo("the document is a sequence, not a mapping, so it cannot be a Kubernetes object"));
            Assert.That(result.PodCount, Is.EqualTo(0));
        }
    }

    [Test]
    public void Non_mapping_documents_do_not_stop_the_stream()
    {
        var result = Lint.Text("42\n---\n[a, b]\n---\n" + Lint.Pod("web", image: "\"\""));
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0004 1:1-1:3", "PL0004 3:1-3:7", "PL2002 12:14-12:16 spec.containers[0].image" }),
            () => Lint.Dump(result));
        Assert.That(result.Diagnostics[0].Message, Does.StartWith("the document is a scalar (integer 42)"));
    }

    // ---- PL0005 / PL0006 missing apiVersion / kind ---------------------------------------------------------

    [Test]
    public void Missing_apiVersion_is_reported_at_the_first_key_and_the_Pod_is_still_checked()
    {
        const string Text = """
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - { name: a, image: nginx }
                - { name: a, image: nginx }

            """;
        var result = Lint.Text(Text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0005 1:1-1:5 apiVersion", "PL2001 7:15-7:16 spec.containers[1].name" }),
            () => Lint.Dump(result));
        var d = result.Diagnostics[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.Message, Is.EqualTo("the object has no `apiVersion`"));
            Assert.That(d.Help, Is.EqualTo("add `apiVersion: v1`"));
            Assert.That(d.Object?.Name, Is.EqualTo("web"));
        }
    }

    [TestCase("apiVersion:\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: b}]}\n")]
    [TestCase("apiVersion: ~\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: b}]}\n")]
    public void An_empty_apiVersion_is_missing(string text)
        => Assert.That(Lint.Where(Lint.Text(text)), Is.EqualTo(new[] { "PL0005 1:1-1:11 apiVersion" }));

    [Test]
    public void Missing_kind_is_reported_at_the_first_key_and_nothing_else_is_checked()
    {
        const string Text = """
            apiVersion: v1
            metadata:
              name: web
            spec:
              containers:
                - { name: a, image: nginx }
                - { name: a, image: nginx }

            """;
        var result = Lint.Text(Text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0006 1:1-1:11 kind" }), () => Lint.Dump(result));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics[0].Message, Is.EqualTo("the object has no `kind`"));
            Assert.That(result.Diagnostics[0].Help, Does.Contain("`kind: Pod`"));
            Assert.That(result.PodCount, Is.EqualTo(0));
        }
    }

    [Test]
    public void Neither_apiVersion_nor_kind_is_not_a_Kubernetes_object_and_is_skipped()
    {
        // A Helm values file, a seccomp profile, a tool's configuration: nothing to report, counted as skipped.
        var result = Lint.Text("metadata:\n  name: web\nspec: {containers: 5}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(result), Is.Empty);
            Assert.That(result.NotKubernetesDocumentCount, Is.EqualTo(1));
            Assert.That(result.SkippedFileCount, Is.EqualTo(1));
            Assert.That(result.DocumentCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void A_kind_that_is_not_a_string()
        => Assert.That(Lint.Where(Lint.Text("apiVersion: v1\nkind: [Pod]\n")), Is.EqualTo(new[] { "PL1001 2:7-2:12 kind" }));

    // ---- PL0007 unsupported-kind ------------------------------------------------------------------------------

    [Test]
    public void Another_kind_is_skipped_and_counted_with_no_findings()
    {
        // The Service has fields a Pod would not accept: none of it is reported. PL0007 is off by default.
        const string Text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              containers: 5
              selector:
                app: web
              ports:
                - port: 80
                  targetPort: eighty

            """;
        var result = Lint.Text(Text);
        Assert.That(Lint.Where(result), Is.Empty, () => Lint.Dump(result));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.SkippedObjects, Is.EqualTo(new Dictionary<string, int> { ["Service"] = 1 }));
            Assert.That(result.PodCount, Is.EqualTo(0));
            Assert.That(result.DocumentCount, Is.EqualTo(1));
        }

        // Enabled, PL0007 lists each skipped object.
        result = Lint.Text(Text, new PodLintOptions { RuleLevels = new Dictionary<string, RuleLevel> { ["PL0007"] = RuleLevel.Info } });
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0007 2:7-2:14 kind" }), () => Lint.Dump(result));
        var d = result.Diagnostics[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Info));
            Assert.That(d.RuleName, Is.EqualTo("unsupported-kind"));
            Assert.That(d.MessageId, Is.EqualTo("skipped"));
            Assert.That(d.Message, Is.EqualTo("skipped `web` of kind `Service`: PodLint checks Pods and the Pod templates of workloads"));
            Assert.That(d.Object?.Kind, Is.EqualTo("Service"));
            Assert.That(result.HasErrors, Is.False);
        }
    }

    [Test]
    public void An_unnamed_object_of_another_kind()
    {
        var result = Lint.Text("apiVersion: v1\nkind: Service\n", new PodLintOptions { RuleLevels = new Dictionary<string, RuleLevel> { ["unsupported-kind"] = RuleLevel.Info } });
        Assert.That(result.Single(RuleIds.UnsupportedKind).Message, Is.EqualTo("skipped an object of kind `Service`: PodLint checks Pods and the Pod templates of workloads"));
    }

    [TestCase("pod", "Pod")]
    [TestCase("deployment", "Deployment")]
    [TestCase("CronJOB", "CronJob")]
    public void A_checked_kind_in_the_wrong_case_is_an_error(string kind, string expected)
    {
        var result = Lint.Text($"apiVersion: v1\nkind: {kind}\nmetadata:\n  name: web\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { FormattableString.Invariant($"PL0015 2:7-2:{7 + kind.Length} kind") }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics[0].Severity, Is.EqualTo(Severity.Error));
            Assert.That(result.Diagnostics[0].Message, Is.EqualTo($"`{kind}` is not a kind the API server knows: kinds are case-sensitive"));
            Assert.That(result.Diagnostics[0].Help, Is.EqualTo($"write `kind: {expected}`"));
        }
    }

    [Test]
    public void A_Pod_after_a_skipped_object_is_checked()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: conf\n---\n" + Lint.Pod("web", image: "\"\"");
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL2002 13:14-13:16 spec.containers[0].image" }), () => Lint.Dump(result));
        Assert.That(result.SkippedObjectCount, Is.EqualTo(1));
    }

    // ---- PL0008 unsupported-api-version ----------------------------------------------------------------------

    [TestCase("apps/v1", "PL0008 1:13-1:20 apiVersion")]
    [TestCase("core/v1", "PL0008 1:13-1:20 apiVersion")]
    [TestCase("v1beta1", "PL0008 1:13-1:20 apiVersion")]
    [TestCase("\"V1\"", "PL0008 1:13-1:17 apiVersion")]
    public void A_Pod_whose_apiVersion_is_not_v1_is_reported_at_the_value(string apiVersion, string where)
    {
        var text = Lint.Pod("web").Replace("apiVersion: v1", "apiVersion: " + apiVersion, StringComparison.Ordinal);
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { where }), () => Lint.Dump(result));
        var d = result.Diagnostics[0];
        var value = apiVersion.Trim('"');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.Message, Is.EqualTo($"`{value}` is not an API version of Pods: Pods are served only as `v1`"));
            Assert.That(d.Help, Is.EqualTo("write `apiVersion: v1`"));
            Assert.That(result.PodCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void An_apiVersion_of_the_wrong_type_is_a_type_error_not_a_version_error()
    {
        var result = Lint.Text(Lint.Pod("web").Replace("apiVersion: v1", "apiVersion: 1", StringComparison.Ordinal));
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL1001 1:13-1:14 apiVersion" }), () => Lint.Dump(result));
    }
}
