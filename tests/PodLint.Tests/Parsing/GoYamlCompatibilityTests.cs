using System.Diagnostics;
using System.Globalization;
using System.Text;
using PodLint.Diagnostics;
using PodLint.Parsing;
using PodLint.Tests.Input;

namespace PodLint.Tests.Parsing;

/// <summary>
/// Where go-yaml (what kubectl and the API server read YAML with) and YamlDotNet disagree: PodLint reads what go-yaml
/// reads, and keeps every position exact. See <c>GoYamlEscapes</c> for the list of known differences.
/// </summary>
[TestFixture]
public class GoYamlCompatibilityTests
{
    // The reported Kubernetes example's shape: in go-yaml's double-quoted scalars, `\'` is an escape for `'`.
    private const string CommandPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: command-demo
        spec:
          containers:
            - name: shell
              image: busybox:1.37
              command: ["sh", "-c", "echo \'hello\'", "done"]
              args: ["x"]
          restartPolicy: Never

        """;

    /// <summary>The same text with every <c>\'</c> written <c>\"</c>: same length, an escape YamlDotNet knows. Only for
    /// texts whose every <c>\'</c> is in a double-quoted scalar.</summary>
    private static string SameLengthWithoutQuoteEscapes(string text) => text.Replace("\\'", "\\\"", StringComparison.Ordinal);

    private static string ValueAt(YamlNode root, params object[] path) => ((ScalarNode)root.At(path)).Value;

    /// <summary>Every node, depth first, as <c>Kind range</c> (keys as <c>Key ...</c>), without paths.</summary>
    private static List<string> Ranges(YamlNode root) => [.. TreeParsing.Flatten(root).Select(line => line[..line.LastIndexOf(' ')])];

    [Test]
    public void The_reported_example_has_no_finding_and_reads_the_escape_as_a_quote()
    {
        var result = Lint.Text(CommandPod);
        var root = TreeParsing.Root(CommandPod);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(result), Is.Empty, () => Lint.Dump(result));
            Assert.That(result.PodCount, Is.EqualTo(1));
            Assert.That(ValueAt(root, "spec", "containers", 0, "command", 2), Is.EqualTo("echo 'hello'"));
            Assert.That(ValueAt(root, "spec", "containers", 0, "command", 3), Is.EqualTo("done"));
        }
    }

    [Test]
    public void Spans_of_the_scalar_and_of_everything_after_it_are_those_of_the_same_text()
    {
        var root = TreeParsing.Root(CommandPod);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TreeParsing.Flatten(root), Is.EqualTo(TreeParsing.Flatten(TreeParsing.Root(SameLengthWithoutQuoteEscapes(CommandPod)))));
            // The scalar, quotes included; then the rest of its line, the next line and the one after.
            Assert.That(root.At("spec", "containers", 0, "command", 2).Range(), Is.EqualTo("9:29-9:45"));
            Assert.That(root.At("spec", "containers", 0, "command", 3).Range(), Is.EqualTo("9:47-9:53"));
            Assert.That(root.At("spec", "containers", 0, "command").Range(), Is.EqualTo("9:16-9:54"));
            Assert.That(root.At("spec", "containers", 0, "args").Range(), Is.EqualTo("10:13-10:18"));
            Assert.That(root.At("spec", "containers", 0, "args", 0).Range(), Is.EqualTo("10:14-10:17"));
            Assert.That(root.At("spec", "restartPolicy").Range(), Is.EqualTo("11:18-11:23"));
            Assert.That(root.At("spec", "containers", 0).Range(), Is.EqualTo("7:7-10:18"));
        }
    }

    [Test]
    public void A_finding_after_an_escape_is_reported_where_it_is_written()
    {
        var text = CommandPod.Replace("image: busybox:1.37", "image: 42", StringComparison.Ordinal)
            .Replace("restartPolicy: Never", "restartPolicy: 7", StringComparison.Ordinal);
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result).Where(w => w.StartsWith("PL1001", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "PL1001 8:14-8:16 spec.containers[0].image",
            "PL1001 11:18-11:19 spec.restartPolicy",
        }), () => Lint.Dump(result));
    }

    private const string EveryStyle = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            plain: it\'s plain
            plain-quotes: echo "it\'s"
            single: 'C:\'
            literal: |
              echo "don\'t"
            folded: >-
              a\'b "c\'d"
            # a comment with "\'" in it
            backslash: "a\\'b"
            "key\'s": "it\'s"
            double: "it\'s"
            continued: plain text
              "continued \'x\'"
        spec:
          containers:
            - name: app
              image: nginx
              args: [it\'s, 'a\', "b\'"]

        """;

    [Test]
    public void Outside_double_quoted_scalars_a_backslash_quote_is_text()
    {
        var root = TreeParsing.Root(EveryStyle);
        var annotations = root.At("metadata", "annotations");
        var flow = root.At("spec", "containers", 0, "args");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValueAt(annotations, "plain"), Is.EqualTo("it\\'s plain"));
            Assert.That(ValueAt(annotations, "plain-quotes"), Is.EqualTo("echo \"it\\'s\""));
            Assert.That(ValueAt(annotations, "single"), Is.EqualTo("C:\\"));
            Assert.That(ValueAt(annotations, "literal"), Is.EqualTo("echo \"don\\'t\"\n"));
            Assert.That(ValueAt(annotations, "folded"), Is.EqualTo("a\\'b \"c\\'d\""));
            Assert.That(ValueAt(annotations, "continued"), Is.EqualTo("plain text \"continued \\'x\\'\""));
            Assert.That(ValueAt(flow, 0), Is.EqualTo("it\\'s"));
            Assert.That(ValueAt(flow, 1), Is.EqualTo("a\\"));
            // An escaped backslash, then a quote.
            Assert.That(ValueAt(annotations, "backslash"), Is.EqualTo("a\\'b"));
            // Inside double quotes, and only there, `\'` is a quote: keys too.
            Assert.That(ValueAt(flow, 2), Is.EqualTo("b'"));
            Assert.That(ValueAt(annotations, "key's"), Is.EqualTo("it's"));
            Assert.That(ValueAt(annotations, "double"), Is.EqualTo("it's"));
            var sameLength = EveryStyle.Replace("\"b\\'\"", "\"b\\\"\"", StringComparison.Ordinal)
                .Replace("\"key\\'s\": \"it\\'s\"", "\"key\\\"s\": \"it\\\"s\"", StringComparison.Ordinal)
                .Replace("double: \"it\\'s\"", "double: \"it\\\"s\"", StringComparison.Ordinal);
            Assert.That(Ranges(root), Is.EqualTo(Ranges(TreeParsing.Root(sameLength))));
            // The only finding: the API server rejects the annotation key `key\'s` (a quote is not allowed in a key).
            Assert.That(Lint.Where(Lint.Text(EveryStyle)), Is.EqualTo(new[] { "PL2012 15:5-15:13 metadata.annotations" }));
        }
    }

    [Test]
    public void Without_a_double_quoted_escape_nothing_changes()
    {
        var text = EveryStyle.Replace("\"key\\'s\": \"it\\'s\"", "key: x", StringComparison.Ordinal)
            .Replace("double: \"it\\'s\"", "double: x", StringComparison.Ordinal)
            .Replace("\"b\\'\"", "b", StringComparison.Ordinal);
        Assert.That(text, Does.Not.Contain("\"b\\'").And.Not.Contain(": \"it\\'"));
        var annotations = TreeParsing.Root(text).At("metadata", "annotations");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValueAt(annotations, "plain"), Is.EqualTo("it\\'s plain"));
            Assert.That(ValueAt(annotations, "single"), Is.EqualTo("C:\\"));
            Assert.That(ValueAt(annotations, "literal"), Is.EqualTo("echo \"don\\'t\"\n"));
            Assert.That(ValueAt(annotations, "continued"), Is.EqualTo("plain text \"continued \\'x\\'\""));
            Assert.That(ValueAt(annotations, "backslash"), Is.EqualTo("a\\'b"));
        }
    }

    [Test]
    public void Block_scalars_in_sequence_items_keep_their_text()
    {
        const string Text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: app
                  image: nginx
                  args:
                    - |
                      echo "don\'t"
                    - "it\'s"
                  command: ["sh", "-c", "echo \'hi\'"]
                - script: |
                    echo "won\'t"
                  name: "b\'"

            """;
        var containers = TreeParsing.Root(Text).At("spec", "containers");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValueAt(containers, 0, "args", 0), Is.EqualTo("echo \"don\\'t\"\n"));
            Assert.That(ValueAt(containers, 0, "args", 1), Is.EqualTo("it's"));
            Assert.That(ValueAt(containers, 0, "command", 2), Is.EqualTo("echo 'hi'"));
            Assert.That(ValueAt(containers, 1, "script"), Is.EqualTo("echo \"won\\'t\"\n"));
            Assert.That(ValueAt(containers, 1, "name"), Is.EqualTo("b'"));
        }
    }

    [Test]
    public void Escapes_in_a_JSON_document_and_across_lines()
    {
        const string Text = "{\"kind\": \"Pod\", \"metadata\": {\"annotations\": {\"a\": \"it\\'s\",\n"
            + "  \"b\": \"one \\'\n  two\\' \\\n  three\"}}}\n";
        var root = TreeParsing.Root(Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValueAt(root, "metadata", "annotations", "a"), Is.EqualTo("it's"));
            Assert.That(ValueAt(root, "metadata", "annotations", "b"), Is.EqualTo("one ' two' three"));
            Assert.That(root.At("metadata", "annotations", "b").Range(), Is.EqualTo("2:8-4:9"));
        }
    }

    [Test]
    public void Hundreds_of_escapes_in_one_document_are_read_in_one_go()
    {
        const int Count = 3000;
        var yaml = ManyArgs(Count, "\\'");
        TreeParsing.Root(yaml); // warm up
        var clock = Stopwatch.StartNew();
        var root = TreeParsing.Root(yaml);
        var elapsed = clock.Elapsed;
        var sameLength = ManyArgs(Count, "\\\"");
        TreeParsing.Root(sameLength);
        clock.Restart();
        var baseline = TreeParsing.Root(sameLength);
        var plain = clock.Elapsed;
        TestContext.Out.WriteLine(FormattableString.Invariant($"{Count} items: {elapsed.TotalMilliseconds:F0} ms with escapes, {plain.TotalMilliseconds:F0} ms without"));
        var args = (SequenceNode)root.At("spec", "containers", 0, "args");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(args.Items, Has.Count.EqualTo(Count));
            Assert.That(ValueAt(args, 0), Is.EqualTo("echo '0'"));
            Assert.That(ValueAt(args, 3), Is.EqualTo("C:\\3\\"));
            Assert.That(ValueAt(args, 7), Is.EqualTo("echo \"7\\'s\"\n"));
            Assert.That(ValueAt(args, Count - 1), Is.EqualTo($"echo '{Count - 1}'"));
            Assert.That(args.Items.Count(n => ((ScalarNode)n).Value.Contains("\\'", StringComparison.Ordinal)), Is.EqualTo(Count / 10));
            Assert.That(args.Items.Count(n => ((ScalarNode)n).Value.StartsWith("echo '", StringComparison.Ordinal)), Is.EqualTo(Count / 10 * 8));
            Assert.That(TreeParsing.Flatten(root), Is.EqualTo(TreeParsing.Flatten(baseline)));
            // Read again once per escape, this would take minutes.
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        }
    }

    /// <summary>A Pod with <paramref name="count"/> args: mostly double-quoted scalars holding <paramref name="escape"/>,
    /// with literal <c>\'</c> in single-quoted and block scalars between them.</summary>
    private static string ManyArgs(int count, string escape)
    {
        var text = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n  name: many\nspec:\n  containers:\n    - name: app\n      image: nginx\n      args:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append((i % 10) switch
            {
                3 => $"        - 'C:\\{i}\\'\n",
                7 => $"        - |\n          echo \"{i}\\'s\"\n",
                _ => $"        - \"echo {escape}{i}{escape}\"\n",
            });
        }

        return text.ToString();
    }

    [Test]
    public void Many_wrong_guesses_cost_no_more_than_one()
    {
        // A plain scalar may go on on a line that starts with a quote: not a double-quoted scalar, though it looks like one.
        const int Count = 1000;
        var text = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n");
        for (var i = 0; i < Count; i++) text.Append(CultureInfo.InvariantCulture, $"    k{i}: plain\n      \"it\\'s {i}\"\n");
        text.Append("    last: \"it\\'s\"\nspec:\n  containers:\n    - { name: app, image: nginx }\n");
        var yaml = text.ToString();
        TreeParsing.Root(yaml); // warm up
        var clock = Stopwatch.StartNew();
        var annotations = TreeParsing.Root(yaml).At("metadata", "annotations");
        var elapsed = clock.Elapsed;
        TestContext.Out.WriteLine(FormattableString.Invariant($"{Count} continuation lines: {elapsed.TotalMilliseconds:F0} ms"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValueAt(annotations, "k0"), Is.EqualTo("plain \"it\\'s 0\""));
            Assert.That(ValueAt(annotations, $"k{Count - 1}"), Is.EqualTo($"plain \"it\\'s {Count - 1}\""));
            Assert.That(ValueAt(annotations, "last"), Is.EqualTo("it's"));
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        }
    }

    [Test]
    public void An_escape_in_one_document_does_not_move_the_others()
    {
        var stream = Lint.Pod("first") + "---\n" + CommandPod + "---\n" + Lint.Pod("third");
        var documents = TreeParsing.Documents(stream);
        var same = TreeParsing.Documents(SameLengthWithoutQuoteEscapes(stream));
        var result = Lint.Text(stream);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(documents.SelectMany(d => d.Diagnostics), Is.Empty);
            Assert.That(documents.Select(d => TreeParsing.Flatten(d.Root!)), Is.EqualTo(same.Select(d => TreeParsing.Flatten(d.Root!))));
            Assert.That(documents.Select(d => TreeParsing.Range(d.Start)), Is.EqualTo(new[] { "1:1-1:1", "9:1-9:1", "21:1-21:1" }));
            Assert.That(ValueAt(documents[1].Root!, "spec", "containers", 0, "command", 2), Is.EqualTo("echo 'hello'"));
            Assert.That(documents[1].Root!.At("spec", "containers", 0, "command", 2).Range(), Is.EqualTo("18:29-18:45"));
            Assert.That(documents[2].Root!.At("metadata", "name").Range(), Is.EqualTo("25:9-25:14"));
            Assert.That(Lint.Where(result), Is.Empty, () => Lint.Dump(result));
            Assert.That(result.PodCount, Is.EqualTo(3));
        }
    }

    [TestCase("    note: \"\\q\"\n", "PL0001 6:11-6:11")]
    [TestCase("    a: \"it\\'s\"\n    note: \"\\q\"\n", "PL0001 7:11-7:11")]
    [TestCase("    note: \"it\\'s \\q\"\n", "PL0001 6:11-6:11")]
    [TestCase("    a: \"x\\'\"\n    note: [\"y\", \"\\'\\q\"]\n", "PL0001 7:17-7:17")]
    public void An_unknown_escape_is_still_invalid_YAML_at_its_scalar(string annotations, string where)
    {
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n" + annotations
            + "spec:\n  containers:\n    - { name: app, image: nginx }\n---\n" + Lint.Pod("next");
        var result = Lint.Text(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(result), Is.EqualTo(new[] { where }), () => Lint.Dump(result));
            Assert.That(result.Single(RuleIds.InvalidYaml).Message, Is.EqualTo("invalid YAML: while scanning a quoted scalar, found unknown escape character"));
            Assert.That(result.PodCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void The_stand_in_is_a_character_the_document_does_not_hold()
    {
        // `\e` (ESC) and `\a` (BEL) are taken, by escapes and as written: another stand-in is used.
        const string Text = "a: \"\\e\"\nb: \"\u0007\"\nc: \"it\\'s\"\nd: \"\\x0B\\u000c\"\n";
        var root = TreeParsing.Root(Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValueAt(root, "a"), Is.EqualTo("\u001B"));
            Assert.That(ValueAt(root, "b"), Is.EqualTo("\u0007"));
            Assert.That(ValueAt(root, "c"), Is.EqualTo("it's"));
            Assert.That(ValueAt(root, "d"), Is.EqualTo("\u000B\u000C"));
        }
    }

    [Test]
    public void When_no_stand_in_is_free_the_escape_is_reported()
    {
        // Every character an escape of two could stand in for is already in the document.
        const string Text = "a: \"\\e\\a\\v\\f\\b\\0\\L\\P\\N\\_\"\nb: \"\\'\"\n";
        var documents = TreeParsing.Documents(Text);
        Assert.That(documents.SelectMany(d => d.Diagnostics).Select(TreeParsing.Render),
            Is.EqualTo(new[] { "PL0001 2:4-2:4 invalid YAML: while scanning a quoted scalar, found unknown escape character" }));
    }

    // Escapes YamlDotNet accepts and go-yaml refuses; both are valid JSON, which kubectl reads with Go's JSON decoder.
    [TestCase("\"a\\/b\"", "a/b")]
    [TestCase("\"\\uD83D\\uDE00\"", "😀")]
    public void Escapes_go_yaml_refuses_in_YAML_are_accepted(string scalar, string value)
        => Assert.That(ValueAt(TreeParsing.Root("a: " + scalar + "\n"), "a"), Is.EqualTo(value));

    [Test]
    public void A_YAML_1_2_directive_is_accepted_though_go_yaml_v2_refuses_it()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(Lint.Text("%YAML 1.2\n---\n" + Lint.Pod("web"))), Is.Empty);
            Assert.That(Lint.Where(Lint.Text("%YAML 1.1\n---\n" + Lint.Pod("web"))), Is.Empty);
            Assert.That(Lint.Text("%YAML 2.0\n---\n" + Lint.Pod("web")).Diagnostics.Select(d => d.RuleId), Is.EqualTo(new[] { RuleIds.InvalidYaml }));
        }
    }

    [Test]
    public void Content_on_a_document_marker_line_is_accepted_though_kubectl_refuses_it()
    {
        var result = Lint.Text("--- {apiVersion: v1, kind: Pod, metadata: {name: web}, spec: {containers: [{name: app, image: nginx}]}}\n");
        Assert.That(Lint.Where(result), Is.Empty, () => Lint.Dump(result));
        Assert.That(result.PodCount, Is.EqualTo(1));
    }

    [Test]
    public void An_implicit_key_longer_than_1024_characters_is_invalid()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TreeParsing.Documents(new string('k', 1024) + ": 1\n").SelectMany(d => d.Diagnostics), Is.Empty);
            Assert.That(TreeParsing.Documents(new string('k', 1025) + ": 1\n").SelectMany(d => d.Diagnostics).Select(d => d.RuleId),
                Is.EqualTo(new[] { RuleIds.InvalidYaml }));
        }
    }

    [Test]
    public void A_tab_between_tokens_is_accepted()
        => Assert.That(ValueAt(TreeParsing.Root("a:\t1\nb: [\tx ]\n"), "b", 0), Is.EqualTo("x"));
}
