using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2132TopologySpreadConstraintsTests
{
    private static List<Diagnostic> Lint(string constraints, string? version = null, string labels = "{app: web}")
        => RuleAssert.Findings("PL2132", $"apiVersion: v1\nkind: Pod\nmetadata: {{name: web, labels: {labels}}}\nspec:\n  containers: [{{name: app, image: nginx:1.27}}]\n  topologySpreadConstraints:\n{constraints}", version);

    private static string Constraint(string extra) => $"    - {{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, {extra}}}\n";

    [TestCase("maxSkew: 0", "maxSkew", ApiErrorType.Invalid, "`maxSkew: 0` must be greater than zero")]
    [TestCase("minDomains: -1", "minDomains", ApiErrorType.Invalid, "`minDomains: -1` must be greater than zero")]
    [TestCase("topologyKey: \"\"", "topologyKey", ApiErrorType.Required, "`topologyKey` is empty: can not be empty")]
    [TestCase("whenUnsatisfiable: N/A", "whenUnsatisfiable", ApiErrorType.NotSupported, "`whenUnsatisfiable: N/A` is not supported: supported values: `DoNotSchedule`, `ScheduleAnyway`")]
    [TestCase("nodeAffinityPolicy: Unknown", "nodeAffinityPolicy", ApiErrorType.NotSupported, "`nodeAffinityPolicy: Unknown` is not supported: supported values: `Honor`, `Ignore`")]
    [TestCase("nodeTaintsPolicy: honor", "nodeTaintsPolicy", ApiErrorType.NotSupported, "`nodeTaintsPolicy: honor` is not supported: supported values: `Honor`, `Ignore`")]
    public void Each_field(string field, string path, ApiErrorType type, string message)
    {
        // A later key in a YAML flow mapping would be a duplicate key: write the constraint whole.
        var values = new Dictionary<string, string>
        {
            ["maxSkew"] = "1", ["topologyKey"] = "zone", ["whenUnsatisfiable"] = "DoNotSchedule", ["labelSelector"] = "{}",
        };
        var (name, value) = (field[..field.IndexOf(':', StringComparison.Ordinal)], field[(field.IndexOf(':', StringComparison.Ordinal) + 2)..]);
        values[name] = value;
        var d = Lint("    - {" + string.Join(", ", values.Select(kv => kv.Key + ": " + kv.Value)) + "}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.topologySpreadConstraints[0]." + path));
            Assert.That(d.ErrorType, Is.EqualTo(type));
            Assert.That(d.Message, Is.EqualTo(message));
        }
    }

    [Test]
    public void Min_domains_needs_do_not_schedule()
    {
        var found = Lint("    - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: -1, labelSelector: {}}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.All.EqualTo("spec.topologySpreadConstraints[0].minDomains"));
            Assert.That(found.Select(d => d.Message), Is.EquivalentTo(new[]
            {
                "`minDomains: -1` must be greater than zero",
                "`minDomains` is set with `whenUnsatisfiable: ScheduleAnyway`: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway",
            }));
        }
    }

    [Test]
    public void Duplicates_are_reported_on_the_first()
    {
        var found = Lint(Constraint("labelSelector: {}") + Constraint("labelSelector: {}") + Constraint("labelSelector: {}"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.EqualTo(new[]
            {
                "spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}",
                "spec.topologySpreadConstraints[1].{topologyKey, whenUnsatisfiable}",
            }));
            Assert.That(found[0].ErrorType, Is.EqualTo(ApiErrorType.Duplicate));
            Assert.That(found[0].Message, Is.EqualTo("constraint [1] has the same `topologyKey` and `whenUnsatisfiable` (duplicate value: `{zone, DoNotSchedule}`)"));
            Assert.That(found[0].Related.Single().Span.StartLine, Is.EqualTo(8));
        }
    }

    [Test]
    public void Label_selector_rules()
    {
        var found = Lint(Constraint("labelSelector: {matchLabels: {\"NoUppercaseOrSpecialCharsLike=Equals\": \"true\"}}"));
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.topologySpreadConstraints[0].labelSelector.matchLabels"));
            Assert.That(d.Message, Does.StartWith("label key `NoUppercaseOrSpecialCharsLike=Equals` is invalid: name part must consist of alphanumeric characters"));
        }
    }

    private const string KeysInSelector = "    - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web, tier: web}}, matchLabelKeys: [app, tier, other]}\n";

    [TestCase("1.29")]
    [TestCase("1.33")]
    public void Up_to_1_33_keys_the_selector_tests_are_rejected_as_written(string version)
    {
        var found = Lint(KeysInSelector, version);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.topologySpreadConstraints[0].matchLabelKeys[0]", "spec.topologySpreadConstraints[0].matchLabelKeys[1]" }));
            Assert.That(found[0].Message, Is.EqualTo("key `app` exists in both `matchLabelKeys` and `labelSelector`"));
        }
    }

    [TestCase("1.34")]
    [TestCase("1.36")]
    public void From_1_34_keys_are_merged_first(string version)
    {
        // The Pod has label `app`, not `tier`: only `app In (web)` is added, beside the selector's `app`.
        var d = Lint(KeysInSelector, version).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.topologySpreadConstraints[0][0]"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("key `app` exists in both `matchLabelKeys` and `labelSelector`: the Pod has label `app`, so the server adds `app In (<its value>)` to a selector that already tests it"));
        }
    }

    [TestCase("1.33", 2)]
    [TestCase("1.34", 1)]
    public void Keys_without_a_selector(string version, int count)
    {
        var found = Lint(Constraint("matchLabelKeys: [app, \"-x\"]"), version);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Has.Count.EqualTo(count), "up to 1.33 the keys are checked as label keys even without a selector");
            Assert.That(found[0].Path, Is.EqualTo("spec.topologySpreadConstraints[0].matchLabelKeys"));
            Assert.That(found[0].ErrorType, Is.EqualTo(ApiErrorType.Forbidden));
            Assert.That(found[0].Message, Is.EqualTo("`matchLabelKeys` is set without `labelSelector`: must not be specified when `labelSelector` is not set"));
        }
    }
}
