using System.Text.RegularExpressions;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Reporting;
using PodLint.Rules;

namespace PodLint.Tests.Catalog;

/// <summary>
/// The rule pages (<c>rules/PLnnnn.md</c>) as data: their metadata is the descriptor's, their failing example
/// fires the rule, and their passing example does not. The template is described in <c>rules/README.md</c>.
/// </summary>
public partial class RulePageTests
{
    /// <summary>
    /// Rules whose example cannot be written as YAML text in Markdown, and why. Only these pages may mark an
    /// example <c>&lt;!-- example: not lintable: … --&gt;</c>.
    /// </summary>
    private static readonly Dictionary<string, string> NotLintable = new(StringComparer.Ordinal)
    {
        [RuleIds.BinaryFile] = "a file with NUL bytes cannot be written in Markdown",
        [RuleIds.InvalidEncoding] = "bytes that are not UTF-8 cannot be written in Markdown",
        [RuleIds.UnreadableFile] = "the finding is about a path, not about a file's content",
        [RuleIds.InternalError] = "it takes a rule that throws, not a manifest",
    };

    private static readonly string[] Headings = ["## What it does", "## Why is this bad?", "## Example", "## Options", "## References"];

    private static IEnumerable<RuleDescriptor> AllRules() => new PodLinter().Rules;

    [TestCaseSource(nameof(AllRules))]
    public void Page_follows_the_template_and_its_metadata_is_the_descriptors(RuleDescriptor rule)
    {
        var page = RulePage.Read(rule.Id);
        var lines = page.Lines;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo($"# {rule.Id}: {rule.Name}"), "title");
            Assert.That(lines[1], Is.Empty);
            Assert.That(lines[2], Is.EqualTo("| Category | Default severity | Enabled by default | Applies to |"), "metadata header");
            Assert.That(lines[3], Is.EqualTo("|---|---|---|---|"));
            Assert.That(lines[4], Is.EqualTo(
                $"| {RuleCategories.GetName(rule.Category)} | {rule.DefaultSeverity.ToString().ToLowerInvariant()} | {(rule.IsEnabledByDefault ? "yes" : "no")} | {ContainerRoleNames.Describe(rule.AppliesTo)} |"),
                "the metadata row differs from the descriptor (category, default severity, enabled by default, applies to)");
            Assert.That(lines[5], Is.Empty);
            Assert.That(lines[6], Is.EqualTo(rule.Summary.EndsWith('.') ? rule.Summary : rule.Summary + "."), "the summary line is the descriptor's Summary");
            Assert.That(lines[7], Is.Empty);
            Assert.That(page.Headings, Is.EqualTo(Headings), "the page's `##` headings");
            Assert.That(page.Section("## Example").Any(l => l == "Use instead:"), Is.True, "the example section has a `Use instead:` line");
            Assert.That(string.Join("\n", page.Section("## Options")), Does.Contain($"`podlint check --severity {rule.Id}="),
                "the options section says how to re-grade the rule");
        }
    }

    [TestCaseSource(nameof(AllRules))]
    public void Failing_example_fires_the_rule_and_no_other_at_error_level(RuleDescriptor rule)
    {
        var example = RulePage.Read(rule.Id).FailingExample();
        if (CheckNotLintable(rule, example)) return;
        Assert.That(example.Language, Is.EqualTo("yaml"), $"rules/{rule.Id}.md: the failing example is a ```yaml block");
        var result = Lint(rule, example.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics.Where(d => d.RuleId == rule.Id), Is.Not.Empty, $"rules/{rule.Id}.md: the failing example does not fire {rule.Id}\n{Dump(result)}");
            Assert.That(result.Diagnostics.Where(d => d.RuleId != rule.Id && d.Severity == Severity.Error), Is.Empty,
                $"rules/{rule.Id}.md: the failing example has errors of other rules\n{Dump(result)}");
        }
    }

    [TestCaseSource(nameof(AllRules))]
    public void Output_shown_after_the_failing_example_is_what_podlint_prints(RuleDescriptor rule)
    {
        var page = RulePage.Read(rule.Id);
        var example = page.FailingExample();
        var outputs = page.BlocksBetween(example, "Use instead:");
        if (outputs.Count == 0) return;
        Assert.That(example.Language, Is.EqualTo("yaml"), "output can follow only a lintable example");
        var expected = new StringWriter { NewLine = "\n" };
        new TextReporter().Write(Lint(rule, example.Text), expected);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outputs, Has.Count.EqualTo(1), $"rules/{rule.Id}.md: one ```text block of output at most, before `Use instead:`");
            Assert.That(outputs[0].Language, Is.EqualTo("text"));
            Assert.That(outputs[0].Text, Is.EqualTo(expected.ToString()),
                $"rules/{rule.Id}.md: the output shown is not what `podlint check --no-color pod.yaml` prints for the example saved as pod.yaml");
        }
    }

    [TestCaseSource(nameof(AllRules))]
    public void Passing_example_does_not_fire_the_rule(RuleDescriptor rule)
    {
        var example = RulePage.Read(rule.Id).PassingExample();
        if (CheckNotLintable(rule, example)) return;
        Assert.That(example.Language, Is.EqualTo("yaml"), $"rules/{rule.Id}.md: the example after `Use instead:` is a ```yaml block");
        var result = Lint(rule, example.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics.Where(d => d.RuleId == rule.Id), Is.Empty, $"rules/{rule.Id}.md: the passing example fires {rule.Id}\n{Dump(result)}");
            Assert.That(result.Diagnostics.Where(d => d.Severity == Severity.Error), Is.Empty,
                $"rules/{rule.Id}.md: the passing example has errors of other rules\n{Dump(result)}");
        }
    }

    [Test]
    public void Only_the_allowed_rules_have_examples_that_are_not_lintable()
    {
        foreach (var id in NotLintable.Keys)
        {
            Assert.That(RulePage.Read(id).FailingExample().NotLintableReason, Is.Not.Null,
                $"rules/{id}.md has a lintable failing example: remove {id} from {nameof(NotLintable)}");
        }
    }

    [Test]
    public void Every_rule_class_is_registered()
    {
        var registered = RuleRegistry.BuiltInRules.Select(r => r.GetType()).ToHashSet();
        var classes = typeof(PodLinter).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPodRule).IsAssignableFrom(t)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(classes, Is.Not.Empty, "no rule class found by reflection");
            Assert.That(classes.Where(t => !registered.Contains(t)).Select(t => t.FullName), Is.Empty,
                "rule classes that RuleRegistry.BuiltInRules does not list");
        }
    }

    [Test]
    public void Every_registered_rule_has_a_page_and_every_page_a_rule()
    {
        var ids = AllRules().Select(r => r.Id).ToHashSet();
        var pages = Directory.GetFiles(RepositoryPaths.Rules, "PL*.md").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids.Where(id => !pages.Contains(id)), Is.Empty, "rules without a page in rules/");
            Assert.That(pages.Where(p => !ids.Contains(p!)), Is.Empty, "pages in rules/ without a rule");
        }
    }

    /// <summary>True when the example is marked not lintable, which only the allowed rules may do.</summary>
    private static bool CheckNotLintable(RuleDescriptor rule, RulePage.Block example)
    {
        if (example.NotLintableReason is null) return false;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(NotLintable.ContainsKey(rule.Id), Is.True,
                $"rules/{rule.Id}.md marks an example not lintable, but {rule.Id} is not one of the rules allowed to ({string.Join(", ", NotLintable.Keys)})");
            Assert.That(example.Language, Is.EqualTo("text"), $"rules/{rule.Id}.md: a not-lintable example is a ```text block");
            Assert.That(example.NotLintableReason, Is.Not.Empty, "say why the example is not lintable");
        }

        return true;
    }

    /// <summary>Lints an example as the page's reader would: a first line <c># podlint --kubernetes-version 1.32</c> selects the
    /// version the example is about (for version-gated rules), as the same option would on the command line.</summary>
    private static LintResult Lint(RuleDescriptor rule, string text)
    {
        var levels = new Dictionary<string, RuleLevel>(StringComparer.Ordinal);
        if (!rule.IsEnabledByDefault) levels[rule.Id] = (RuleLevel)rule.DefaultSeverity;
        const string VersionComment = "# podlint --kubernetes-version ";
        var version = text.StartsWith(VersionComment, StringComparison.Ordinal) ? text[VersionComment.Length..text.IndexOf('\n', StringComparison.Ordinal)].Trim() : null;
        return new PodLinter(new PodLintOptions { RuleLevels = levels, KubernetesVersion = version }).LintText(text, "pod.yaml");
    }

    private static string Dump(LintResult result) => string.Join("\n", result.Diagnostics.Select(d => FormattableString.Invariant(
        $"  {d.RuleId} {d.Severity} {d.Span.StartLine}:{d.Span.StartColumn} {d.Message}")));

    /// <summary>A rule page, split into lines, headings and fenced blocks.</summary>
    private sealed partial class RulePage
    {
        private RulePage(string id, string[] lines)
        {
            Id = id;
            Lines = lines;
        }

        public string Id { get; }

        public string[] Lines { get; }

        /// <summary>A fenced code block: its info string, its text (with a final newline), and the not-lintable reason marked on the line before it.</summary>
        public sealed record Block(int OpenLine, int CloseLine, string Language, string Text, string? NotLintableReason);

        public static RulePage Read(string id)
        {
            var path = Path.Combine(RepositoryPaths.Rules, id + ".md");
            Assert.That(File.Exists(path), Is.True, $"rules/{id}.md is missing");
            return new RulePage(id, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
        }

        /// <summary>The `##` headings outside code blocks, in order.</summary>
        public IEnumerable<string> Headings => Outside().Where(i => Lines[i].StartsWith("## ", StringComparison.Ordinal)).Select(i => Lines[i]);

        /// <summary>The lines of a `##` section, outside code blocks, without its heading.</summary>
        public IEnumerable<string> Section(string heading)
        {
            var (start, end) = SectionRange(heading);
            return Outside().Where(i => i > start && i < end).Select(i => Lines[i]);
        }

        public Block FailingExample()
        {
            var blocks = ExampleBlocks();
            var useInstead = UseInsteadLine();
            var failing = blocks.FirstOrDefault(b => b.OpenLine < useInstead);
            Assert.That(failing, Is.Not.Null, $"rules/{Id}.md: no code block in `## Example` before `Use instead:`");
            return failing!;
        }

        public Block PassingExample()
        {
            var passing = ExampleBlocks().FirstOrDefault(b => b.OpenLine > UseInsteadLine());
            Assert.That(passing, Is.Not.Null, $"rules/{Id}.md: no code block after `Use instead:`");
            return passing!;
        }

        /// <summary>The blocks after <paramref name="block"/> and before the line <paramref name="until"/>.</summary>
        public List<Block> BlocksBetween(Block block, string until)
        {
            var end = until == "Use instead:" ? UseInsteadLine() : Lines.Length;
            return [.. ExampleBlocks().Where(b => b.OpenLine > block.CloseLine && b.OpenLine < end)];
        }

        private int UseInsteadLine()
        {
            var (start, end) = SectionRange("## Example");
            var line = Outside().FirstOrDefault(i => i > start && i < end && Lines[i] == "Use instead:", -1);
            Assert.That(line, Is.Not.EqualTo(-1), $"rules/{Id}.md: no `Use instead:` line in `## Example`");
            return line;
        }

        private List<Block> ExampleBlocks()
        {
            var (start, end) = SectionRange("## Example");
            return [.. Blocks().Where(b => b.OpenLine > start && b.CloseLine < end)];
        }

        private (int Start, int End) SectionRange(string heading)
        {
            var outside = Outside().ToList();
            var start = outside.FirstOrDefault(i => Lines[i] == heading, -1);
            Assert.That(start, Is.Not.EqualTo(-1), $"rules/{Id}.md lacks `{heading}`");
            var end = outside.FirstOrDefault(i => i > start && Lines[i].StartsWith("## ", StringComparison.Ordinal), Lines.Length);
            return (start, end);
        }

        private IEnumerable<Block> Blocks()
        {
            for (var i = 0; i < Lines.Length; i++)
            {
                if (!Lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
                var close = Array.FindIndex(Lines, i + 1, l => l == "```");
                Assert.That(close, Is.Not.EqualTo(-1), $"rules/{Id}.md: the code block of line {i + 1} is never closed");
                var marker = i > 0 ? NotLintableMarker().Match(Lines[i - 1]) : Match.Empty;
                yield return new Block(i, close, Lines[i][3..].Trim(), string.Concat(Lines[(i + 1)..close].Select(l => l + "\n")),
                    marker.Success ? marker.Groups["reason"].Value.Trim() : null);
                i = close;
            }
        }

        /// <summary>The indexes of the lines outside code blocks.</summary>
        private IEnumerable<int> Outside()
        {
            var inside = false;
            for (var i = 0; i < Lines.Length; i++)
            {
                if (Lines[i].StartsWith("```", StringComparison.Ordinal))
                {
                    inside = !inside;
                    continue;
                }

                if (!inside) yield return i;
            }
        }

        [GeneratedRegex(@"^<!-- example: not lintable: (?<reason>.*) -->$")]
        private static partial Regex NotLintableMarker();
    }
}
