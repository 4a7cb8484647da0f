using System.Text.Json;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Cli.Tests;

/// <summary><c>podlint explain</c>, and the rule listings that documentation is generated from.</summary>
public class RuleDocsCommandTests(CliHost host) : CliTests(host)
{
    private static string Page(string id) => File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "rules", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [TestCase("PL3001")]
    [TestCase("pl3001")]
    [TestCase("duplicate-container-port")]
    [TestCase("Duplicate-Container-Port")]
    public async Task Explain_prints_the_rule_page_as_written(string rule)
    {
        var run = await RunAsync(["explain", rule]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Out, Is.EqualTo(Page("PL3001")));
            Assert.That(run.Out, Does.StartWith("# PL3001: duplicate-container-port\n").And.EndWith("\n"));
            Assert.That(run.Error, Is.Empty);
        }
    }

    [Test]
    public async Task Explain_has_a_page_for_every_rule()
    {
        foreach (var rule in new PodLinter().Rules)
        {
            var run = await RunAsync(["explain", rule.Name]);
            Assert.That(run.ExitCode, Is.EqualTo(0), $"{rule.Id}: {run.Error}");
            Assert.That(run.Out, Is.EqualTo(Page(rule.Id)), rule.Id);
        }
    }

    [TestCase("PL3O01", "`PL3001`")]
    [TestCase("dupliate-key", "`duplicate-key`")]
    [TestCase("missing-container-images", "`missing-container-image`")]
    [TestCase("PL30001", "`PL0001` or `PL3001`")]
    public async Task Explain_of_an_unknown_rule_suggests_a_close_one_and_exits_2(string typed, string suggested)
    {
        var run = await RunAsync(["explain", typed]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.Error, Is.EqualTo($"error: unknown rule `{typed}`; did you mean {suggested}?\nRun `podlint rules` to list the rules.\n"));
        }
    }

    [TestCase("PL9876")] // PL9999 is one edit from PL2099
    [TestCase("no-such-rule")]
    public async Task Explain_of_an_unknown_rule_without_a_close_one_only_points_at_the_list(string typed)
    {
        var run = await RunAsync(["explain", typed]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Is.EqualTo($"error: unknown rule `{typed}`\nRun `podlint rules` to list the rules.\n"));
        }
    }

    [Test]
    public async Task Explain_needs_a_rule()
    {
        var run = await RunAsync(["explain"]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Rules_text_shows_the_default_severity_and_whether_the_rule_is_on_by_default()
    {
        var run = await RunAsync(["rules"]);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rules = new PodLinter().Rules;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Does.Match(@"^ID\s+NAME\s+CATEGORY\s+SEVERITY\s+DEFAULT\s+SUMMARY$"));
            Assert.That(lines, Has.Length.EqualTo(rules.Count + 1));
            for (var i = 0; i < rules.Count; i++)
            {
                var r = rules[i];
                var columns = lines[i + 1].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.That(columns, Is.EqualTo(new[]
                {
                    r.Id, r.Name, RuleCategories.GetName(r.Category), r.DefaultSeverity.ToString().ToLowerInvariant(),
                    r.IsEnabledByDefault ? "on" : "off", r.Summary,
                }), lines[i + 1]);
            }
        }
    }

    [Test]
    public async Task Rules_json_lists_the_container_roles_each_rule_applies_to()
    {
        var run = await RunAsync(["rules", "--format", "json"]);
        using var doc = JsonDocument.Parse(run.Out);
        var rules = new PodLinter().Rules;
        using (Assert.EnterMultipleScope())
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var item = doc.RootElement[i];
                var expected = new List<string>();
                if (rules[i].AppliesTo.HasFlag(ContainerRoles.App)) expected.Add("app");
                if (rules[i].AppliesTo.HasFlag(ContainerRoles.NativeSidecar)) expected.Add("native-sidecar");
                if (rules[i].AppliesTo.HasFlag(ContainerRoles.Init)) expected.Add("init");
                if (rules[i].AppliesTo.HasFlag(ContainerRoles.Ephemeral)) expected.Add("ephemeral");
                Assert.That(item.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
                {
                    "id", "name", "category", "defaultSeverity", "enabledByDefault", "summary", "helpUri", "appliesTo",
                }));
                Assert.That(item.GetProperty("id").GetString(), Is.EqualTo(rules[i].Id));
                Assert.That(item.GetProperty("defaultSeverity").GetString(), Is.EqualTo(rules[i].DefaultSeverity.ToString().ToLowerInvariant()));
                Assert.That(item.GetProperty("enabledByDefault").GetBoolean(), Is.EqualTo(rules[i].IsEnabledByDefault));
                Assert.That(item.GetProperty("appliesTo").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(expected), rules[i].Id);
            }
        }
    }

    [Test]
    public async Task Rules_markdown_is_one_table_row_per_rule()
    {
        var run = await RunAsync(["rules", "--format", "markdown"]);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(lines[0], Is.EqualTo("| ID | Name | Category | Default severity | Enabled by default | Summary |"));
            Assert.That(lines[1], Is.EqualTo("|---|---|---|---|---|---|"));
            Assert.That(lines, Has.Exactly(1).StartWith("| [PL3001](PL3001.md) | duplicate-container-port | multi-container | warning | yes | "));
            Assert.That(lines[2..], Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "one row per rule, in id order");
            Assert.That(lines, Has.Length.EqualTo(new PodLinter().Rules.Count + 2));
        }
    }

    [Test]
    public async Task Rules_readme_table_is_the_generated_one()
    {
        const string Command = "dotnet run --project src/PodLint.Cli -- rules --format markdown";
        var lines = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "rules", "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.IndexOf(lines, "<!-- rules -->");
        var end = Array.IndexOf(lines, "<!-- /rules -->");
        Assert.That(start >= 0 && end > start, Is.True, "rules/README.md lacks the <!-- rules --> and <!-- /rules --> lines around its table");
        var table = string.Concat(lines[(start + 1)..end].Select(l => l + "\n"));
        var run = await RunAsync(["rules", "--format", "markdown"]);
        Assert.That(table, Is.EqualTo(run.Out),
            $"the rule table in rules/README.md is out of date: replace the lines between <!-- rules --> and <!-- /rules --> with the output of `{Command}`");
    }
}
