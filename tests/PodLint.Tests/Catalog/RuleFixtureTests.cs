using System.Text;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Rules;

namespace PodLint.Tests.Catalog;

/// <summary>
/// Runs every fixture of <c>tests/PodLint.Tests/Fixtures/&lt;RuleId&gt;/</c> (kube-linter's fire/dont-fire files, with
/// Roslyn-style expected spans written as caret comments; the format is in <c>Fixtures/README.md</c>).
/// </summary>
public class RuleFixtureTests
{
    /// <summary>
    /// Rules that cannot have fixture files: a fixture is a file that exists and is read, so PL0011 (a path that
    /// cannot be read) cannot fire from one; PL0014 fires only when a rule's code throws, whatever the manifest.
    /// Both are covered by C# tests (Input/PathTests, Engine/PodLinterTests).
    /// </summary>
    private static readonly string[] RulesWithoutFixtures = [RuleIds.UnreadableFile, RuleIds.InternalError];

    private static string FixturesRoot => Path.Combine(RepositoryPaths.Root, "tests", "PodLint.Tests", "Fixtures");

    public static IEnumerable<TestCaseData> Fixtures()
    {
        foreach (var folder in Directory.GetDirectories(FixturesRoot).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(FixturesRoot, file).Replace('\\', '/');
                yield return new TestCaseData(relative).SetArgDisplayNames(relative);
            }
        }
    }

    [TestCaseSource(nameof(Fixtures))]
    public async Task Fixture(string relative)
    {
        var ruleId = relative.Split('/')[0];
        var name = Path.GetFileName(relative);
        var fire = name.StartsWith("fire-", StringComparison.Ordinal);
        Assert.That((fire || name.StartsWith("dont-fire-", StringComparison.Ordinal)) && name.EndsWith(".yaml", StringComparison.Ordinal), Is.True,
            $"{relative}: fixtures are named fire-*.yaml or dont-fire-*.yaml");
        Assert.That(new PodLinter().Rules.Select(r => r.Id), Does.Contain(ruleId), $"{relative}: the folder does not name a rule");

        var path = Path.Combine(FixturesRoot, relative);
        FixtureFile fixture;
        try
        {
            fixture = FixtureFile.Read(path);
        }
        catch (FormatException ex)
        {
            Assert.Fail($"{relative}: {ex.Message}");
            return;
        }

        var options = fixture.Options(ruleId);
        var result = await new PodLinter(options).LintFileAsync(path);
        var checkedRules = fixture.Markers.Select(m => m.RuleId).Append(ruleId).ToHashSet(StringComparer.Ordinal);
        var actual = result.Diagnostics.Where(d => checkedRules.Contains(d.RuleId)).ToList();

        if (fire)
        {
            Assert.That(fixture.Markers.Any(m => m.RuleId == ruleId), Is.True,
                $"{relative}: a fire-* fixture marks at least one finding of {ruleId}\n\n{Suggestion(fixture, options, checkedRules, result)}");
        }
        else
        {
            Assert.That(fixture.Markers.Where(m => m.RuleId == ruleId), Is.Empty,
                $"{relative}: a dont-fire-* fixture cannot expect findings of {ruleId}");
        }

        // The API server's rules predict its error type too: their markers state it, `(Invalid)` after the path. Its
        // warnings (§2, warning-severity PL2xxx rules) are not errors and have none.
        var untyped = fixture.Markers.Where(m => m.ErrorType is null && m.RuleId.StartsWith("PL2", StringComparison.Ordinal)
            && RuleRegistry.BuiltInDescriptors.FirstOrDefault(r => r.Id == m.RuleId)?.DefaultSeverity != Severity.Warning).ToList();
        Assert.That(untyped, Is.Empty, $"{relative}: markers of API-server rules end with the error type, e.g. `(Invalid)`\n\n{Suggestion(fixture, options, checkedRules, result)}");

        // Exact markers first, so that a marker drawn to the end of the line does not take another's finding.
        var missing = fixture.Markers.OrderBy(m => m.ReachesEndOfLine).ToList();
        var unexpected = new List<Diagnostic>();
        foreach (var d in actual.OrderBy(d => d.Span.EndLine != d.Span.StartLine))
        {
            var match = missing.FirstOrDefault(m => m.Matches(d));
            if (match is null) unexpected.Add(d);
            else missing.Remove(match);
        }

        if (missing.Count == 0 && unexpected.Count == 0) return;
        var message = new StringBuilder().Append(relative).Append(": the findings differ from the markers\n");
        foreach (var m in missing) message.Append("  expected, not reported: ").Append(m).Append('\n');
        foreach (var d in unexpected) message.Append("  reported, not expected: ").Append(Describe(d)).Append('\n');
        Assert.Fail(message.Append('\n').Append(Suggestion(fixture, options, checkedRules, result)).ToString());
    }

    [Test]
    public void Every_rule_has_fire_and_dont_fire_fixtures()
    {
        var problems = new List<string>();
        foreach (var rule in new PodLinter().Rules)
        {
            var folder = Path.Combine(FixturesRoot, rule.Id);
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).ToList() : [];
            var complete = files.Any(f => f!.StartsWith("fire-", StringComparison.Ordinal))
                && files.Any(f => f!.StartsWith("dont-fire-", StringComparison.Ordinal));
            if (RulesWithoutFixtures.Contains(rule.Id))
            {
                if (files.Count > 0) problems.Add($"{rule.Id} has fixtures now: remove it from {nameof(RulesWithoutFixtures)}");
            }
            else if (!complete)
            {
                problems.Add($"{rule.Id} ({rule.Name}) needs Fixtures/{rule.Id}/fire-*.yaml and Fixtures/{rule.Id}/dont-fire-*.yaml");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Every_fixture_folder_is_a_rule()
    {
        var ids = new PodLinter().Rules.Select(r => r.Id).ToHashSet();
        var folders = Directory.GetDirectories(FixturesRoot).Select(Path.GetFileName);
        Assert.That(folders.Where(f => !ids.Contains(f!)), Is.Empty, "fixture folders that name no rule");
    }

    private static string Describe(Diagnostic d) => FormattableString.Invariant(
        $"{d.RuleId} at {d.Span.StartLine}:{d.Span.StartColumn}-{d.Span.EndLine}:{d.Span.EndColumn} {d.Path ?? "-"} ({d.Message})");

    private static string Suggestion(FixtureFile fixture, PodLintOptions options, IReadOnlyCollection<string> rules, LintResult result)
    {
        var sb = new StringBuilder("What the linter reports");
        sb.Append(" (every finding: ").Append(string.Join("; ", result.Diagnostics.Select(Describe))).Append(')');
        sb.Append(", as markers of ").Append(string.Join(", ", rules.Order(StringComparer.Ordinal)));
        sb.Append(" (check each before pasting it):\n\n").Append(fixture.WithMarkersFor(options, rules));
        return sb.ToString();
    }
}
