using System.Text.RegularExpressions;
using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Rules;

namespace PodLint.Tests.Catalog;

/// <summary>The catalogue's invariants, enforced (Meziantou's RuleHelpUri test, roslyn-analyzers' id ranges).</summary>
public partial class RuleCatalogTests
{
    private static IEnumerable<RuleDescriptor> AllRules() => new PodLinter().Rules;

    [Test]
    public void Ids_and_names_are_unique()
    {
        var rules = AllRules().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rules.Select(r => r.Id), Is.Unique);
            Assert.That(rules.Select(r => r.Name), Is.Unique);
            Assert.That(rules.Select(r => r.Id), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        }
    }

    [TestCaseSource(nameof(AllRules))]
    public void Id_is_in_its_category_range_and_name_is_kebab_case(RuleDescriptor rule)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rule.Id, Does.Match("^PL[0-9]{4}$"));
            Assert.That(rule.Id[2], Is.EqualTo(RuleCategories.IdDigit(rule.Category)));
            Assert.That(rule.Name, Does.Match("^[a-z][a-z0-9]*(-[a-z0-9]+)*$"));
            Assert.That(rule.HelpUri, Is.EqualTo(RuleIds.GetHelpUri(rule.Id)));
        }
    }

    [TestCaseSource(nameof(AllRules))]
    public void Has_a_documentation_page_with_the_standard_headings(RuleDescriptor rule)
    {
        var path = Path.Combine(RepositoryPaths.Rules, rule.Id + ".md");
        Assert.That(File.Exists(path), Is.True, $"rules/{rule.Id}.md is missing");
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0].TrimEnd(), Is.EqualTo($"# {rule.Id}: {rule.Name}"));
            foreach (var heading in new[] { "## What it does", "## Why is this bad?", "## Example", "## Options", "## References" })
            {
                Assert.That(text, Does.Contain(heading), $"rules/{rule.Id}.md lacks `{heading}`");
            }

            var row = MetadataRow().Match(text);
            Assert.That(row.Success, Is.True, $"rules/{rule.Id}.md lacks its metadata table row");
            Assert.That(row.Groups["category"].Value.Trim(), Is.EqualTo(RuleCategories.GetName(rule.Category)),
                "the documented category differs from the descriptor");
            Assert.That(row.Groups["severity"].Value.Trim(), Is.EqualTo(rule.DefaultSeverity.ToString().ToLowerInvariant()).IgnoreCase,
                "the documented default severity differs from the descriptor");
        }
    }

    [Test]
    public void Every_documentation_page_belongs_to_a_rule()
    {
        var ids = AllRules().Select(r => r.Id).ToHashSet();
        var pages = Directory.GetFiles(RepositoryPaths.Rules, "PL*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.That(pages.Where(p => !ids.Contains(p!)), Is.Empty, "rule pages without a rule");
    }

    [Test]
    public void Categories_file_declares_the_range_of_every_category()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "categories.txt"));
        foreach (var category in Enum.GetValues<RuleCategory>())
        {
            var digit = RuleCategories.IdDigit(category);
            Assert.That(text, Does.Contain($"{RuleCategories.GetName(category)}: PL{digit}001-PL{digit}999"));
        }
    }

    [Test]
    public void Rules_index_lists_every_rule()
    {
        var index = File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "README.md"));
        Assert.That(AllRules().Where(r => !index.Contains(r.Id, StringComparison.Ordinal) || !index.Contains(r.Name, StringComparison.Ordinal))
            .Select(r => r.Id), Is.Empty);
    }

    [Test]
    public void Rule_docs_are_embedded_in_the_library()
    {
        var names = typeof(PodLinter).Assembly.GetManifestResourceNames();
        Assert.That(AllRules().Select(r => $"PodLint.Rules.Docs.{r.Id}.md").Where(n => !names.Contains(n)), Is.Empty);
    }

    [Test]
    public void Built_in_rules_are_stateless_sealed_classes()
    {
        foreach (var rule in RuleRegistry.BuiltInRules)
        {
            var type = rule.GetType();
            Assert.That(type.IsSealed, Is.True, type.Name);
            Assert.That(type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public),
                Is.Empty, $"{type.Name} has instance state");
            Assert.That(type.Name, Does.StartWith(rule.Descriptor.Id), "rule classes are named after their id");
        }
    }

    // | Category | Default severity | Enabled by default | Applies to |  →  | input | error | yes | — |
    [GeneratedRegex(@"\|\s*Category\s*\|\s*Default severity\s*\|[^\n]*\n\|[-| :]+\|\s*\n\|\s*(?<category>[^|]+)\|\s*(?<severity>[^|]+)\|", RegexOptions.IgnoreCase)]
    private static partial Regex MetadataRow();
}
