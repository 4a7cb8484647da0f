using System.Text.RegularExpressions;
using PodLint.Diagnostics;
using PodLint.Rules;

namespace PodLint.Tests.Catalog;

/// <summary>Every message of every built-in rule reads the same way: lowercase, no trailing period, identifiers in
/// backticks (never double quotes), and a help line that says how to fix it.</summary>
public partial class MessageStyleTests
{
    public static IEnumerable<TestCaseData> Messages()
        => RuleRegistry.BuiltInDescriptors.SelectMany(r => r.Messages.Select(m => new TestCaseData(r, m).SetName($"{r.Id} {m.Id}")));

    [TestCaseSource(nameof(Messages))]
    public void Has_a_help_line(RuleDescriptor rule, MessageTemplate message)
        => Assert.That(message.Help, Is.Not.Null.And.Not.Empty, $"{rule.Id} `{message.Id}` has no help line: say how to fix it");

    [TestCaseSource(nameof(Messages))]
    public void Says_the_api_servers_error_type_exactly_when_its_rule_predicts_the_servers_verdict(RuleDescriptor rule, MessageTemplate message)
    {
        // PL2xxx rules predict what the API server says; the JSON report carries its error type (Required, Invalid …).
        // The server's warnings (§2, warning-severity PL2xxx rules) are not errors: they have none.
        if (rule.Category == RuleCategory.ApiServer && rule.DefaultSeverity == Severity.Warning) Assert.That(message.ErrorType, Is.Null, $"{rule.Id} `{message.Id}` is a warning of the API server, not an error");
        else if (rule.Category == RuleCategory.ApiServer) Assert.That(message.ErrorType, Is.Not.Null, $"{rule.Id} `{message.Id}`: which error does the server report?");
        else Assert.That(message.ErrorType, Is.Null, $"{rule.Id} `{message.Id}` is not the API server's verdict");
    }

    [TestCaseSource(nameof(Messages))]
    public void Quotes_identifiers_with_backticks_only(RuleDescriptor rule, MessageTemplate message)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Text, Does.Not.Contain("\"").And.Not.Contain("“").And.Not.Contain("'{"), "double or single quotes: use backticks");
            Assert.That(message.Help ?? string.Empty, Does.Not.Contain("\"{").And.Not.Contain("'{"), "quoted placeholder in the help line: use backticks");
            // A placeholder that names a field path or a field stands in backticks.
            foreach (Match m in Identifier().Matches(message.Text))
            {
                var at = m.Index;
                var quoted = at > 0 && message.Text[at - 1] == '`';
                Assert.That(quoted, Is.True, $"{m.Value} in `{message.Text}` is not in backticks");
            }
        }
    }

    [TestCaseSource(nameof(Messages))]
    public void Is_lowercase_without_a_trailing_period(RuleDescriptor rule, MessageTemplate message)
    {
        var first = message.Text.TrimStart('`', '{')[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(char.IsUpper(first) && !message.Text.StartsWith('{') && !message.Text.StartsWith('`') && !StartsWithProperNoun(message.Text), Is.False, message.Text);
            Assert.That(message.Text, Does.Not.EndWith("."));
        }
    }

    private static bool StartsWithProperNoun(string text) => text.StartsWith("PodLint", StringComparison.Ordinal) || text.StartsWith("YAML", StringComparison.Ordinal);

    [GeneratedRegex(@"\{(path|field)\}")]
    private static partial Regex Identifier();
}
