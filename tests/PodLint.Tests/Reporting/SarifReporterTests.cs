using System.Collections.Immutable;
using System.Text.Json.Nodes;
using NJsonSchema;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Reporting;

namespace PodLint.Tests.Reporting;

/// <summary>
/// The SARIF report against the official SARIF 2.1.0 schema (from <c>../shared/schemas</c>, beside the repository;
/// skipped when it is not there, as the schema's OASIS terms name no open-source licence under which to commit a
/// copy) and against what GitHub code scanning documents it requires or uses.
/// </summary>
public class SarifReporterTests
{
    private static string OfficialSchemaPath => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "schemas", "sarif-schema-2.1.0.json"));

    private static JsonNode Log(LintResult? result = null) => JsonNode.Parse(FormatGoldenTests.RenderSarif(result))!;

    private static JsonObject Run(JsonNode log) => log["runs"]![0]!.AsObject();

    private static async Task<JsonSchema> OfficialSchema()
    {
        if (!File.Exists(OfficialSchemaPath))
        {
            Assert.Ignore($"skipped: the official SARIF schema is not beside the repository ({OfficialSchemaPath})");
        }

        return await JsonSchema.FromFileAsync(OfficialSchemaPath);
    }

    [Test]
    public async Task Golden_report_validates_against_the_official_schema()
    {
        var errors = (await OfficialSchema()).Validate(FormatGoldenTests.RenderSarif());
        Assert.That(errors.Select(e => $"{e.Path}: {e.Kind}"), Is.Empty);
    }

    [Test]
    public async Task Report_of_the_examples_validates_against_the_official_schema()
    {
        var schema = await OfficialSchema();
        var result = await new PodLinter().LintPathsAsync([RepositoryPaths.Examples]);
        var writer = new StringWriter();
        new SarifReporter(exitCode: 1).Write(result, writer);
        Assert.That(schema.Validate(writer.ToString()).Select(e => $"{e.Path}: {e.Kind}"), Is.Empty);
    }

    [Test]
    public async Task Official_schema_rejects_a_log_that_breaks_it()
    {
        // Guards the tests above against a schema (or a validator) that accepts anything.
        var schema = await OfficialSchema();
        var line0 = Log();
        Run(line0)["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
        var bytes = Log();
        Run(bytes)["columnKind"] = "bytes";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(schema.Validate(line0.ToJsonString()), Is.Not.Empty);
            Assert.That(schema.Validate(bytes.ToJsonString()), Is.Not.Empty);
        }
    }

    [Test]
    public void Golden_report_meets_what_GitHub_code_scanning_requires()
    {
        var log = Log();
        var run = Run(log);
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var results = run["results"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(log["$schema"]), Is.Not.Empty);
            Assert.That(Text(log["version"]), Is.EqualTo("2.1.0"));
            Assert.That(log["runs"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(Text(run["tool"]!["driver"]!["name"]), Is.Not.Empty);
            Assert.That(Text(run["tool"]!["driver"]!["semanticVersion"]), Is.Not.Empty);
            Assert.That(Text(run["columnKind"]), Is.EqualTo("utf16CodeUnits"));
            Assert.That(Text(run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]), Does.StartWith("file:///").And.EndWith("/"));
            Assert.That(run["invocations"]![0]!["executionSuccessful"]!.GetValue<bool>(), Is.True);
            Assert.That(run["invocations"]![0]!["exitCode"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(rules.Select(r => Text(r!["id"])), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal).And.Unique);
            foreach (var rule in rules)
            {
                Assert.That(Text(rule!["id"]), Does.Match("^PL[0-9]{4}$"));
                Assert.That(Text(rule["name"]), Has.Length.InRange(1, 255));
                Assert.That(Text(rule["shortDescription"]!["text"]), Has.Length.InRange(1, 1024));
                Assert.That(Text(rule["fullDescription"]!["text"]), Has.Length.InRange(1, 1024));
                Assert.That(Text(rule["help"]!["text"]), Is.Not.Empty);
                Assert.That(Text(rule["helpUri"]), Does.StartWith("https://"));
                Assert.That(Text(rule["defaultConfiguration"]!["level"]), Is.AnyOf("note", "warning", "error"));
                Assert.That(rule["properties"]!["tags"]!.AsArray().Select(Text), Does.Contain("kubernetes"));
                Assert.That(Text(rule["properties"]!["problem.severity"]), Is.AnyOf("recommendation", "warning", "error"));
            }

            Assert.That(results, Has.Count.EqualTo(8));
            foreach (var result in results)
            {
                var ruleIndex = result!["ruleIndex"]!.GetValue<int>();
                Assert.That(Text(rules[ruleIndex]!["id"]), Is.EqualTo(Text(result["ruleId"])));
                Assert.That(Text(result["level"]), Is.AnyOf("note", "warning", "error"));
                Assert.That(Text(result["message"]!["text"]), Is.Not.Empty);
                Assert.That(result["locations"]!.AsArray(), Has.Count.InRange(1, 10));
                Assert.That(Text(result["partialFingerprints"]![SarifReporter.FingerprintKey]), Does.Match("^[0-9a-f]{32}:[1-9][0-9]*$"));
                var locations = result["locations"]!.AsArray().Select(l => l!["physicalLocation"]!)
                    .Concat((result["relatedLocations"]?.AsArray() ?? []).Select(l => l!["physicalLocation"]!));
                foreach (var physical in locations)
                {
                    Assert.That(Text(physical["artifactLocation"]!["uri"]), Does.StartWith("golden/"), "repository-relative paths");
                    Assert.That(Text(physical["artifactLocation"]!["uriBaseId"]), Is.EqualTo("%SRCROOT%"));
                    var region = physical["region"]!;
                    var (startLine, startColumn) = (region["startLine"]!.GetValue<int>(), region["startColumn"]!.GetValue<int>());
                    var (endLine, endColumn) = (region["endLine"]!.GetValue<int>(), region["endColumn"]!.GetValue<int>());
                    Assert.That(startLine, Is.Positive);
                    Assert.That(startColumn, Is.Positive);
                    Assert.That(endLine, Is.GreaterThanOrEqualTo(startLine));
                    if (endLine == startLine) Assert.That(endColumn, Is.GreaterThanOrEqualTo(startColumn));
                }
            }
        }
    }

    [Test]
    public void Regions_are_the_exact_values_in_utf16_code_units()
    {
        // Line 16 of apps/web.yaml: `        - {name: "http", containerPort: 8080}`; line 5 holds an emoji, which must not
        // shift anything (UTF-16 columns, per line).
        var result = Run(Log())["results"]!.AsArray().Single(r => Text(r!["ruleId"]) == "PL3001")!;
        var region = result["locations"]![0]!["physicalLocation"]!["region"]!;
        var related = result["relatedLocations"]![0]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(region.ToJsonString(), Is.EqualTo("""{"startLine":16,"startColumn":41,"endLine":16,"endColumn":45}"""));
            Assert.That(Text(related["message"]!["text"]), Is.EqualTo("first declared here, by `proxy`"));
            Assert.That(related["id"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(related["physicalLocation"]!["region"]!.ToJsonString(), Is.EqualTo("""{"startLine":12,"startColumn":26,"endLine":12,"endColumn":30}"""));
        }
    }

    [Test]
    public void Fingerprints_do_not_move_when_lines_are_added_above_the_findings()
    {
        static Dictionary<string, string> Fingerprints(string text)
        {
            var log = Log(new PodLinter().LintText(text, "apps/web.yaml"));
            return Run(log)["results"]!.AsArray().ToDictionary(
                r => $"{Text(r!["ruleId"])} {Text(r["locations"]![0]!["logicalLocations"]?[0]?["fullyQualifiedName"])}",
                r => Text(r!["partialFingerprints"]![SarifReporter.FingerprintKey]));
        }

        var text = GoldenInput.Read("golden/apps/web.yaml");
        var before = Fingerprints(text);
        var after = Fingerprints("# a comment added above everything\n\n" + text.Replace("image: nginx:1.27.3", "image: nginx:1.28.0", StringComparison.Ordinal));
        var renamed = Fingerprints(text.Replace("name: café-web", "name: café-shop", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Has.Count.GreaterThanOrEqualTo(4));
            Assert.That(after, Is.EqualTo(before));
            Assert.That(renamed["PL2002 Pod shop/café-shop: spec.containers[1].image"], Is.Not.EqualTo(before["PL2002 Pod shop/café-web: spec.containers[1].image"]),
                "another object is another finding");
        }
    }

    [Test]
    public void Identical_keys_are_numbered_by_occurrence()
    {
        var result = GoldenInput.Lint();
        var twice = GoldenInput.With(result, [result.Diagnostics[0], result.Diagnostics[0] with { Span = result.Diagnostics[0].Span with { StartLine = 40, EndLine = 40 } }], []);
        var prints = Run(Log(twice))["results"]!.AsArray().Select(r => Text(r!["partialFingerprints"]![SarifReporter.FingerprintKey])).ToList();
        Assert.That(prints[1], Is.EqualTo(prints[0][..^1] + "2"));
    }

    [Test]
    public void Suppressed_findings_are_results_with_an_in_source_suppression_and_its_justification()
    {
        var results = Run(Log())["results"]!.AsArray();
        var suppressed = results.Where(r => r!["suppressions"] is not null).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(suppressed, Has.Count.EqualTo(1));
            Assert.That(Text(suppressed[0]!["ruleId"]), Is.EqualTo(GoldenInput.SuppressedRule));
            var suppression = suppressed[0]!["suppressions"]![0]!;
            Assert.That(Text(suppression["kind"]), Is.EqualTo("inSource"));
            Assert.That(Text(suppression["justification"]), Is.EqualTo(GoldenInput.Justification));
            Assert.That(suppression["location"]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>(), Is.EqualTo(29));
            // In report order among the others.
            Assert.That(results.Select(r => r!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>()).Take(5), Is.Ordered);
        }
    }

    [Test]
    public void A_suppression_without_a_reason_has_no_justification()
    {
        var result = GoldenInput.Suppress(new PodLinter().LintText(GoldenInput.Read("golden/apps/web.yaml"), "apps/web.yaml"), d => d.RuleId == "PL3001", null, SourceSpan.At("apps/web.yaml", 1, 1));
        var suppression = Run(Log(result))["results"]!.AsArray().Single(r => r!["suppressions"] is not null && Text(r["ruleId"]) == "PL3001")!["suppressions"]![0]!.AsObject();
        Assert.That(suppression.Select(p => p.Key), Is.EqualTo(new[] { "kind", "status", "location" }));
    }

    [Test]
    public void Files_outside_the_base_folder_get_absolute_file_uris_and_stdin_an_escaped_name()
    {
        var linter = new PodLinter();
        var pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: \"\"}]\n";
        var result = LintResult.Combine([linter.LintText(pod, "/elsewhere/pod.yaml"), linter.LintText(pod, "<stdin>"), linter.LintText(pod, "/src/manifests/x/pod.yaml"), linter.LintText(pod, "./y.yaml")]);
        var uris = Run(Log(result))["results"]!.AsArray()
            .Select(r => r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!)
            .Select(a => Text(a["uri"]) + (a["uriBaseId"] is null ? string.Empty : " @" + Text(a["uriBaseId"]))).ToList();
        Assert.That(uris, Is.EquivalentTo(new[] { "file:///elsewhere/pod.yaml", "%3Cstdin%3E @%SRCROOT%", "x/pod.yaml @%SRCROOT%", "y.yaml @%SRCROOT%" }));
    }

    [Test]
    public void A_run_with_no_findings_has_an_empty_results_array_and_no_rules()
    {
        var run = Run(Log(new PodLinter().LintText("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: b}]\n", "a.yaml")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run["results"]!.AsArray(), Is.Empty);
            Assert.That(run["tool"]!["driver"]!["rules"]!.AsArray(), Is.Empty);
        }
    }

    [Test]
    public void Full_description_is_the_first_paragraph_of_what_the_rule_does()
    {
        const string page = "# PL9999: x\n\nSummary.\n\n## What it does\n\nFirst line\nsecond line.\n\nAnother paragraph.\n";
        Assert.That(SarifReporter.FullDescription(page), Is.EqualTo("First line second line."));
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? string.Empty;
}
