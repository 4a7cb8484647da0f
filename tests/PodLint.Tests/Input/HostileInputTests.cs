using System.Text;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Parsing;

namespace PodLint.Tests.Input;

/// <summary>PL0012 and PL0013: input built to exhaust memory, time or stack is refused quickly, per document.</summary>
[TestFixture]
public class HostileInputTests
{
    private const string BillionLaughs = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: lol
          annotations:
            a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
            g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
            h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
            i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
        spec:
          containers:
            - name: app
              image: busybox:1.37.0
              args: *i

        """;

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

    [Test]
    public void An_alias_bomb_is_refused_at_the_alias_that_passes_the_limit_and_the_next_document_is_checked()
    {
        var result = Lint.Text(BillionLaughs + "---\n" + DuplicateNames);
        // a..e stand for 74,718 nodes; the first *e of f adds 66,430 more. Line 20 is `---`, the next Pod follows.
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0012 11:12-11:14", "PL2001 28:15-28:18 spec.containers[1].name" }),
            () => Lint.Dump(result));
        var bomb = result.Single(RuleIds.AliasExpansionLimit);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bomb.Severity, Is.EqualTo(Severity.Error));
            Assert.That(bomb.RuleName, Is.EqualTo("alias-expansion-limit"));
            Assert.That(bomb.Message, Is.EqualTo("aliases in this document would expand into more than 100000 nodes; the document is not checked"));
            Assert.That(result.DocumentCount, Is.EqualTo(2));
            Assert.That(result.PodCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void An_alias_bomb_in_a_flow_document_and_in_a_JSON_like_document()
    {
        // The classic nine-level form, all in one line; and a merge-key variant.
        var levels = new StringBuilder("{ apiVersion: v1, kind: Pod, metadata: { name: x, annotations: { l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]");
        for (var i = 1; i < 9; i++)
        {
            levels.Append(FormattableString.Invariant($", l{i}: &l{i} ["));
            levels.Append(string.Join(", ", Enumerable.Repeat(FormattableString.Invariant($"*l{i - 1}"), 9)));
            levels.Append(']');
        }

        levels.Append(" } } }\n");
        var result = Lint.Text(levels + "---\n" + DuplicateNames);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Of(RuleIds.AliasExpansionLimit), Has.Length.EqualTo(1), () => Lint.Dump(result));
            Assert.That(result.Single(RuleIds.AliasExpansionLimit).Span.StartLine, Is.EqualTo(1));
            Assert.That(result.Of(RuleIds.DuplicateContainerName), Has.Length.EqualTo(1));
        }
    }

    [Test]
    public void Merge_keys_count_towards_the_alias_limit()
    {
        var sb = new StringBuilder("apiVersion: v1\nkind: Pod\nx0: &x0 { ");
        sb.AppendJoin(", ", Enumerable.Range(0, 9).Select(i => FormattableString.Invariant($"k{i}: v")));
        sb.Append(" }\n");
        for (var level = 1; level < 9; level++)
        {
            sb.Append(FormattableString.Invariant($"x{level}: &x{level} ["));
            sb.AppendJoin(", ", Enumerable.Range(0, 9).Select(i => FormattableString.Invariant($"{{ <<: *x{level - 1} }}")));
            sb.Append("]\n");
        }

        var result = Lint.Text(sb.ToString());
        Assert.That(result.Of(RuleIds.AliasExpansionLimit), Has.Length.EqualTo(1), () => Lint.Dump(result));
    }

    [Test]
    public void A_few_aliases_are_fine()
    {
        const string Workers = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: workers
            spec:
              containers:
                - name: worker-a
                  image: &image registry.example.com/shop/worker:1.8.0
                  env: &worker-env
                    - name: QUEUE_URL
                      value: amqp://queue:5672
                    - name: QUEUE_NAME
                      value: orders
                - name: worker-b
                  image: *image
                  env: *worker-env

            """;
        var result = Lint.Text(Workers);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty, () => Lint.Dump(result));
            Assert.That(result.PodCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void The_alias_limit_is_configurable()
    {
        const string Text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: a
                  image: nginx
                  args: &args [a, b, c]
                - name: b
                  image: nginx
                  args: *args

            """;
        var result = Lint.Text(Text, new PodLintOptions { Limits = new ParserLimits(MaxAliasExpansion: 3) });
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0012 12:13-12:18" }), () => Lint.Dump(result));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("more than 3 nodes"));
    }

    [Test]
    public void Ten_thousand_nested_flow_sequences_are_refused_without_a_stack_overflow()
    {
        var text = "apiVersion: v1\nkind: Pod\nspec:\n  containers: " + new string('[', 10_000) + new string(']', 10_000) + "\n---\n" + DuplicateNames;
        var result = Lint.Text(text);
        // Root mapping and spec are levels 1 and 2: the 99th `[` (column 15 + 98) is level 101.
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0013 4:113-4:114", "PL2001 13:15-13:18 spec.containers[1].name" }),
            () => Lint.Dump(result));
        var deep = result.Single(RuleIds.NestingDepthLimit);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deep.Severity, Is.EqualTo(Severity.Error));
            Assert.That(deep.RuleName, Is.EqualTo("nesting-depth-limit"));
            Assert.That(deep.Message, Is.EqualTo("the document is nested deeper than 100 levels; the rest of it is not checked"));
        }
    }

    [Test]
    public void Ten_thousand_unclosed_brackets_are_refused()
    {
        var result = Lint.Text(new string('[', 10_000) + "\n---\n" + DuplicateNames);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0013 1:101-1:102", "PL2001 10:15-10:18 spec.containers[1].name" }),
            () => Lint.Dump(result));
    }

    [Test]
    public void Ten_thousand_nested_flow_mappings_are_refused()
    {
        var result = Lint.Text(string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "1" + new string('}', 10_000) + "\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0013 1:401-1:402" }), () => Lint.Dump(result));
    }

    [Test]
    public void A_hundred_and_fifty_nested_block_mappings_are_refused()
    {
        var sb = new StringBuilder("apiVersion: v1\nkind: Pod\nspec:\n");
        for (var i = 0; i < 150; i++) sb.Append(' ', 2 * (i + 1)).Append(FormattableString.Invariant($"k{i}:\n"));
        sb.Append(' ', 2 * 151).Append("v: 1\n---\n").Append(DuplicateNames);
        var result = Lint.Text(sb.ToString());
        // Line 4 + j holds k<j> at column 2j + 3; the mapping of k99 (line 103) is level 101.
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0013 103:201-103:202", "PL2001 163:15-163:18 spec.containers[1].name" }),
            () => Lint.Dump(result));
    }

    [Test]
    public void Deeply_nested_block_sequences_are_refused()
    {
        var sb = new StringBuilder("apiVersion: v1\nkind: Pod\nx:\n");
        for (var i = 0; i < 500; i++) sb.Append(' ', i).Append("-\n");
        var result = Lint.Text(sb.ToString());
        Assert.That(result.Of(RuleIds.NestingDepthLimit), Has.Length.EqualTo(1), () => Lint.Dump(result));
    }

    /// <summary>Inputs that have broken parsers; none may throw or be reported as an internal error.</summary>
    private static IEnumerable<TestCaseData> Nasty()
    {
        yield return new TestCaseData("").SetName("empty");
        yield return new TestCaseData("\0").SetName("a NUL");
        yield return new TestCaseData(":").SetName("a colon");
        yield return new TestCaseData("- - - - -").SetName("dashes");
        yield return new TestCaseData("? a\n? b\n").SetName("complex keys without values");
        yield return new TestCaseData("? [a, b]\n: c\napiVersion: v1\nkind: Pod\n").SetName("a sequence as a key");
        yield return new TestCaseData("{[a]: b, {c: d}: e}\n").SetName("collections as flow keys");
        yield return new TestCaseData("apiVersion: v1\nkind: Pod\nspec: !!binary aGVsbG8=\n").SetName("a binary tag");
        yield return new TestCaseData("apiVersion: v1\nkind: Pod\nspec: !custom {containers: []}\n").SetName("a custom tag");
        yield return new TestCaseData("%YAML 9.9\n---\na: 1\n").SetName("an unknown YAML version");
        yield return new TestCaseData("%FOO bar\n---\na: 1\n").SetName("an unknown directive");
        yield return new TestCaseData("&a a: &b b\n*a : *b\n").SetName("aliases as keys");
        yield return new TestCaseData("a: &x\n  b: *x\n").SetName("an alias inside its own anchor");
        yield return new TestCaseData("apiVersion: v1\nkind: Pod\nspec: &s\n  containers:\n    - <<: *s\n").SetName("a merge of an ancestor");
        yield return new TestCaseData("a: 'unterminated\n").SetName("an unterminated single quote");
        yield return new TestCaseData("a: \"unterminated\n").SetName("an unterminated double quote");
        yield return new TestCaseData("a: \"\\uD800\"\n").SetName("an escaped lone surrogate");
        yield return new TestCaseData("a: \"\\x\"\n").SetName("an invalid escape");
        yield return new TestCaseData("a: |\n b\n  c\n d\n").SetName("a block scalar with odd indentation");
        yield return new TestCaseData("a: b: c\n").SetName("a mapping in a plain scalar");
        yield return new TestCaseData("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n   image: b\n").SetName("a misindented key");
        yield return new TestCaseData("...\n...\n---\n...\n").SetName("only markers");
        yield return new TestCaseData("--- |\n---\n--- >\n").SetName("empty block scalars as documents");
        yield return new TestCaseData("apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a, image: b}]]\n").SetName("an extra bracket");
        yield return new TestCaseData("apiVersion: v1\nkind: Pod\nspec:\n  containers: {name: a, image: b}}\n").SetName("an extra brace");
        yield return new TestCaseData("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: [a]\n      image: {b: c}\n      ports: [[1]]\n      env: [1, [2], {a: b}]\n      resources: {limits: [1], requests: {cpu: [1]}}\n")
            .SetName("every field of the wrong shape");
        yield return new TestCaseData("apiVersion: v1\nkind: Pod\nmetadata: {labels: {? [a]: b, 1: 2, true: x, ~: y}}\n").SetName("odd label keys");
        var random = new Random(20_241_124);
        for (var i = 0; i < 5; i++)
        {
            var chars = new char[300];
            const string Alphabet = "ab:- \n\t[]{},&*!|>'\"#%@`?.~0123456789\r\u00e9\u65e5";
            for (var j = 0; j < chars.Length; j++) chars[j] = Alphabet[random.Next(Alphabet.Length)];
            yield return new TestCaseData(new string(chars)).SetName(FormattableString.Invariant($"random YAML punctuation {i}"));
        }
    }

    [TestCaseSource(nameof(Nasty))]
    public void No_exception_escapes_the_linter(string text)
    {
        LintResult? result = null;
        Assert.DoesNotThrow(() => result = Lint.Text(text));
        Assert.That(result!.Of(RuleIds.InternalError), Is.Empty, () => Lint.Dump(result!));
    }

    [TestCaseSource(nameof(Nasty))]
    public async Task No_exception_escapes_the_linter_from_a_stream(string text)
    {
        LintResult? result = null;
        await Assert.DoesNotThrowAsync(async () => result = await Lint.BytesAsync(Encoding.UTF8.GetBytes(text)));
        Assert.That(result!.Of(RuleIds.InternalError), Is.Empty, () => Lint.Dump(result!));
    }
}
