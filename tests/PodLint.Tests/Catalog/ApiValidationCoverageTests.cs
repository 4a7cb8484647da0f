using System.Text.RegularExpressions;
using PodLint.Diagnostics;
using PodLint.Rules;

namespace PodLint.Tests.Catalog;

/// <summary>
/// <c>rules/api-validation-coverage.md</c> maps every check and warning of the API server's Pod validation (the
/// specification's §1 and §2) to the rule that implements it, or says why none does.
/// </summary>
public partial class ApiValidationCoverageTests
{
    private sealed record Row(string Id, string Rule, string Note, int Line);

    private static string TablePath => Path.Combine(RepositoryPaths.Rules, "api-validation-coverage.md");

    private static string SpecificationPath => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "spec", "pod-validation.md"));

    private static List<Row> Rows()
    {
        var rows = new List<Row>();
        var lines = File.ReadAllLines(TablePath);
        for (var i = 0; i < lines.Length; i++)
        {
            var m = TableRow().Match(lines[i]);
            if (!m.Success) continue;
            var cells = SplitCells(lines[i]);
            Assert.That(cells, Has.Count.EqualTo(5), $"line {i + 1}: a row has five cells: #, Path, Check, Rule, Note");
            rows.Add(new Row(cells[0], cells[3], cells[4], i + 1));
        }

        return rows;
    }

    /// <summary>The cells of a Markdown table row; <c>\|</c> is a pipe inside a cell.</summary>
    private static List<string> SplitCells(string line)
        => [.. Regex.Split(line.Trim().Trim('|'), @"(?<!\\)\|").Select(c => c.Trim())];

    [Test]
    public void Every_row_names_existing_rules_or_says_why_none()
    {
        var rules = RuleRegistry.BuiltInDescriptors.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var rows = Rows();
        Assert.That(rows, Has.Count.GreaterThan(400), "the table is read");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows.Select(r => r.Id), Is.Unique);
            foreach (var row in rows)
            {
                if (row.Rule == "—")
                {
                    Assert.That(row.Note, Is.Not.Empty, $"line {row.Line}: {row.Id} has no rule and gives no reason");
                    continue;
                }

                foreach (var id in row.Rule.Split(',', StringSplitOptions.TrimEntries))
                {
                    Assert.That(rules.TryGetValue(id, out var rule), Is.True, $"line {row.Line}: {row.Id} names `{id}`, which is not a rule");
                    if (rule is not null)
                    {
                        Assert.That(rule.Category, Is.AnyOf(RuleCategory.Schema, RuleCategory.ApiServer, RuleCategory.MultiContainer),
                            $"line {row.Line}: {id} does not check what the API server checks");
                    }
                }
            }
        }
    }

    [Test]
    public void Every_api_server_rule_has_a_row()
    {
        var named = Rows().SelectMany(r => r.Rule.Split(',', StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
        var apiServerRules = RuleRegistry.BuiltInDescriptors.Where(r => r.Category == RuleCategory.ApiServer).Select(r => r.Id);
        Assert.That(apiServerRules, Is.SubsetOf(named), "a PL2xxx rule implements some row of the table");
    }

    [Test]
    public void Every_entry_of_the_specification_has_a_row_in_its_order()
    {
        if (!File.Exists(SpecificationPath)) Assert.Ignore($"the specification is not beside the repository ({SpecificationPath})");
        var expected = new List<string>();
        var inCatalogue = false;
        foreach (var line in File.ReadLines(SpecificationPath))
        {
            if (line.StartsWith("## 1.", StringComparison.Ordinal) || line.StartsWith("## 2.", StringComparison.Ordinal)) inCatalogue = true;
            else if (line.StartsWith("## ", StringComparison.Ordinal)) inCatalogue = false;
            if (inCatalogue && TableRow().Match(line) is { Success: true } m) expected.Add(m.Groups[1].Value);
        }

        var rows = Rows().Select(r => r.Id).Where(id => !IsExtraRow(id)).ToList();
        Assert.That(rows, Is.EqualTo(expected));
    }

    /// <summary>Rows the table adds beyond the specification's catalogue: workload checks (<c>WL1</c>) and the newer
    /// features the specification lists without a table (§1.Q, <c>Q1</c>).</summary>
    private static bool IsExtraRow(string id) => id.StartsWith("WL", StringComparison.Ordinal) || (id.StartsWith('Q') && char.IsAsciiDigit(id[1]));

    [GeneratedRegex(@"^\| *([A-Z][A-Za-z0-9\-]*\d[a-z]?) *\|")]
    private static partial Regex TableRow();
}
