using PodLint.Diagnostics;

namespace PodLint.Tests.Input;

/// <summary>PL0001: a syntax error costs only its own document.</summary>
[TestFixture]
public class InvalidYamlTests
{
    private const string ThreeDocuments = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: echo
        spec:
          containers:
            - name: echo
              image: hashicorp/http-echo:1.0.0
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: cache
        spec:
          containers:
            - name: redis
              image: redis:7.4.1
             imagePullPolicy: IfNotPresent
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: worker
        spec:
          containers:
            - name: worker
              image: worker:1.8.0
            - name: worker
              image: metrics:1.8.0

        """;

    [Test]
    public void Documents_before_and_after_a_syntax_error_are_still_checked()
    {
        var result = Lint.Text(ThreeDocuments);
        Assert.That(Lint.Where(result), Is.EqualTo(new[]
        {
            "PL0001 18:6-18:6",
            "PL2001 28:13-28:19 spec.containers[1].name",
        }), () => Lint.Dump(result));
        var invalid = result.Single(RuleIds.InvalidYaml);
        var duplicate = result.Single(RuleIds.DuplicateContainerName);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(invalid.Severity, Is.EqualTo(Severity.Error));
            Assert.That(invalid.RuleName, Is.EqualTo("invalid-yaml"));
            Assert.That(invalid.File, Is.EqualTo(Lint.File));
            Assert.That(invalid.Message, Does.StartWith("invalid YAML: "));
            Assert.That(invalid.Message, Does.Contain("did not find expected '-' indicator"));
            Assert.That(invalid.Help, Does.Contain("other documents of the stream are still checked"));
            Assert.That(duplicate.Object?.Name, Is.EqualTo("worker"));
            Assert.That(duplicate.Related.Select(r => Lint.Where(r.Span)), Is.EqualTo(new[] { "26:13-26:19" }));
            Assert.That(result.DocumentCount, Is.EqualTo(3));
            Assert.That(result.PodCount, Is.EqualTo(2));
            Assert.That(result.HasErrors, Is.True);
        }
    }

    [Test]
    public void A_tab_used_for_indentation_is_invalid_and_the_rest_of_the_stream_is_checked()
    {
        var result = Lint.Text("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n---\n" + DuplicateNames);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Single(RuleIds.InvalidYaml).Message, Is.EqualTo("invalid YAML: while scanning a mapping, found invalid tab as indentation"));
            Assert.That(Lint.Where(result.Single(RuleIds.DuplicateContainerName)), Is.EqualTo("PL2001 13:15-13:18 spec.containers[1].name"));
        }
    }

    [Test]
    public void A_tab_used_for_indentation_is_reported_on_its_line()
    {
        // YamlDotNet throws this error without a position (its marks are Mark.Empty, 1:1); the finding must not
        // land on the first line of the document.
        var result = Lint.Text(Lint.Pod("first") + "---\napiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0001 13:1-13:1" }), () => Lint.Dump(result));
    }

    private const string DuplicateNames = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: after
        spec:
          containers:
            - { name: app, image: nginx }
            - { name: app, image: nginx }

        """;

    private const string UnclosedSequence = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: first
        spec:
          containers: [ { name: a, image: nginx }
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: second
        spec:
          containers:
            - name: b
              image: nginx
            - name: b
              image: nginx

        """;

    [Test]
    public void An_unclosed_flow_sequence_does_not_stop_the_next_document()
    {
        var result = Lint.Text(UnclosedSequence);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Of(RuleIds.InvalidYaml), Has.Length.EqualTo(1), () => Lint.Dump(result));
            Assert.That(Lint.Where(result.Single(RuleIds.DuplicateContainerName)), Is.EqualTo("PL2001 16:13-16:14 spec.containers[1].name"));
            Assert.That(result.DocumentCount, Is.EqualTo(2));
            Assert.That(result.PodCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void An_unclosed_flow_sequence_is_reported_at_its_opening_bracket()
    {
        // YamlDotNet gives up at the end of the input (here line 7, the next document's `---`); the useful
        // position is the `[` that is never closed.
        var invalid = Lint.Text(UnclosedSequence).Single(RuleIds.InvalidYaml);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(invalid), Is.EqualTo("PL0001 6:15-6:16"));
            Assert.That(invalid.Message, Is.EqualTo("invalid YAML: flow sequence `[` is never closed"));
            Assert.That(invalid.Help, Is.EqualTo("close it with `]`"));
        }
    }

    [TestCase("apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n", "PL0001 4:15-4:16")]
    [TestCase("apiVersion: v1\nkind: Pod\nspec:\n  containers: [ { name: a, image: nginx },\n    { name: b, image: nginx }\n", "PL0001 4:15-4:16")]
    public void Unclosed_flow_sequences_are_reported_at_their_opening_bracket(string text, string where)
    {
        var result = Lint.Text(text);
        var invalid = result.Single(RuleIds.InvalidYaml);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(invalid), Is.EqualTo(where));
            Assert.That(invalid.Message, Is.EqualTo("invalid YAML: flow sequence `[` is never closed"));
        }
    }

    [Test]
    public void An_unclosed_flow_mapping_is_reported_at_its_opening_brace()
    {
        // Here YamlDotNet fails without a position; PodLint points at the `{` that is never closed.
        var result = Lint.Text("apiVersion: v1\nkind: Pod\nmetadata: { name: web\nspec: {}\n---\n" + DuplicateNames);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0001 3:11-3:12", "PL2001 13:15-13:18 spec.containers[1].name" }), () => Lint.Dump(result));
        var invalid = result.Single(RuleIds.InvalidYaml);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(invalid.Message, Is.EqualTo("invalid YAML: flow mapping `{` is never closed"));
            Assert.That(invalid.Help, Is.EqualTo("close it with `}`"));
        }
    }

    [Test]
    public void An_alias_to_an_undefined_anchor_is_reported_at_the_alias()
    {
        const string Text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx
                  imagePullPolicy: *policy
                - name: web
                  image: nginx

            """;
        var result = Lint.Text(Text);
        var invalid = result.Single(RuleIds.InvalidYaml);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(invalid), Is.EqualTo("PL0001 9:24-9:31"));
            Assert.That(invalid.Message, Is.EqualTo("invalid YAML: alias `*policy` refers to no anchor `&policy` defined before it"));
            Assert.That(invalid.Help, Is.EqualTo("define `&policy` on an earlier node, or remove the alias"));
            // The rest of the Pod is still checked.
            Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0001 9:24-9:31", "PL2001 10:13-10:16 spec.containers[1].name" }), () => Lint.Dump(result));
        }
    }

    [Test]
    public void An_alias_used_before_its_anchor_is_undefined()
    {
        var result = Lint.Text("apiVersion: v1\nkind: Pod\nmetadata:\n  name: *n\n  namespace: &n web\nspec: {containers: [{name: a, image: b}]}\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0001 4:9-4:11" }), () => Lint.Dump(result));
    }

    [TestCase("apiVersion: v1\nkind: Pod\nmetadata: &m\n  name: web\n  labels: *m\n", "PL0001 5:11-5:13", "m")]
    [TestCase("apiVersion: v1\nkind: Pod\nspec: &s\n  containers:\n    - <<: *s\n      name: a\n      image: nginx\n", "PL0001 5:11-5:13", "s")]
    public void An_alias_inside_the_node_it_refers_to_is_invalid(string text, string where, string anchor)
    {
        // go-yaml (and so kubectl and the API server) refuse it: "anchor 'm' value contains itself".
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result.Single(RuleIds.InvalidYaml)), Is.EqualTo(where));
        Assert.That(result.Single(RuleIds.InvalidYaml).Message, Does.Contain("`*" + anchor + "`"));
    }

    [Test]
    public void An_undefined_alias_as_the_image_is_not_also_reported_as_a_missing_image()
    {
        // One root cause, one finding (as PL2002 already does for an image of the wrong type): the image is
        // written, it just cannot be resolved.
        var result = Lint.Text("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: *nope\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0001 8:14-8:19" }), () => Lint.Dump(result));
    }
}
