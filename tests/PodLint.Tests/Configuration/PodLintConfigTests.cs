using NJsonSchema;
using NUnit.Framework;
using PodLint.Configuration;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Configuration;

public class PodLintConfigTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          volumes: [{name: cache, emptyDir: {}}]
          containers:
            - {name: app, image: nginx:1.27.3, ports: [{containerPort: 8080}]}
            - {name: proxy, image: envoyproxy/envoy:v1.31.0, ports: [{containerPort: 8080}]}
        """;

    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "podlint-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, ".git"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static LintResult Lint(PodLintConfig config, PodLintOptions? commandLine = null)
        => new PodLinter(config.ApplyTo(commandLine ?? new PodLintOptions())).LintText(Pod, "pod.yaml");

    private static PodLintConfigException Error(string text)
        => Assert.Throws<PodLintConfigException>(() => PodLintConfig.Parse(text, "cfg/.podlint.yaml"))!;

    [Test]
    public void Rule_levels_by_id_and_name_change_the_result()
    {
        Assert.That(new PodLinter().LintText(Pod, "pod.yaml").Diagnostics.Select(d => (d.RuleId, d.Severity)),
            Is.EquivalentTo(new[] { ("PL3001", Severity.Warning), ("PL3010", Severity.Warning) }));
        var config = PodLintConfig.Parse("rules:\n  PL3001: error\n  unused-volume: off\n");
        Assert.That(Lint(config).Diagnostics.Select(d => (d.RuleId, d.Severity)), Is.EqualTo(new[] { ("PL3001", Severity.Error) }));
    }

    [Test]
    public void The_command_line_wins_over_the_file_whatever_the_key()
    {
        var config = PodLintConfig.Parse("rules:\n  PL3001: error\nkubernetesVersion: \"" + PodLinter.SupportedKubernetesVersions[0] + "\"\n");
        var commandLine = new PodLintOptions
        {
            RuleLevels = new Dictionary<string, RuleLevel> { ["duplicate-container-port"] = RuleLevel.Info },
            KubernetesVersion = PodLinter.SupportedKubernetesVersions[^1],
        };
        var options = config.ApplyTo(commandLine);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint(config, commandLine).Diagnostics.Single(d => d.RuleId == "PL3001").Severity, Is.EqualTo(Severity.Info));
            Assert.That(options.KubernetesVersion, Is.EqualTo(PodLinter.SupportedKubernetesVersions[^1]));
            Assert.That(config.ApplyTo(new PodLintOptions()).KubernetesVersion, Is.EqualTo(PodLinter.SupportedKubernetesVersions[0]));
        }
    }

    [Test]
    public void Ruleset_all_turns_on_the_rules_that_are_off_by_default()
    {
        var text = Pod + "\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n";
        Assert.That(new PodLinter().LintText(text).Diagnostics.Select(d => d.RuleId), Does.Not.Contain("PL0007"));
        var all = new PodLinter(PodLintConfig.Parse("ruleset: all").ApplyTo(new PodLintOptions())).LintText(text);
        Assert.That(all.Diagnostics.Select(d => d.RuleId), Does.Contain("PL0007"));
    }

    [Test]
    public void Long_lived_images_of_the_options_reach_the_multi_container_rules()
    {
        const string job = """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: migrate, image: example.com/migrate:1.0}
                    - {name: relay, image: example.com/platform/telemetry-relay:2.1}
            """;
        Assert.That(new PodLinter().LintText(job).Diagnostics.Select(d => d.RuleId), Does.Not.Contain("PL3005"));
        var config = PodLintConfig.Parse("options:\n  longLivedImages: [platform/telemetry-relay]\n");
        var finding = new PodLinter(config.ApplyTo(new PodLintOptions())).LintText(job).Diagnostics.Single(d => d.RuleId == "PL3005");
        Assert.That(finding.Message, Does.Contain("`relay`"));
    }

    [Test]
    public void Mistakes_are_reported_at_their_position_with_what_was_expected()
    {
        using (Assert.EnterMultipleScope())
        {
            var unknownKey = Error("ruleset: all\nrulez: {}\n");
            Assert.That((unknownKey.Line, unknownKey.Column), Is.EqualTo((2, 1)));
            Assert.That(unknownKey.Problem, Does.StartWith("unknown key `rulez` in the configuration: expected `ruleset`, ").And.EndWith("; did you mean `rules`?"));
            Assert.That(unknownKey.Message, Does.StartWith("cfg/.podlint.yaml:2:1: unknown key"));

            var unknownRule = Error("rules:\n  PL301: error\n");
            Assert.That((unknownRule.Line, unknownRule.Column), Is.EqualTo((2, 3)));
            Assert.That(unknownRule.Problem, Does.StartWith("unknown rule `PL301`").And.Contain("did you mean `PL3001`"));

            var level = Error("rules:\n  PL3001: fatal\n");
            Assert.That((level.Line, level.Column, level.Problem), Is.EqualTo((2, 11, "`PL3001` must be one of `error`, `warning`, `info` or `off`, not `fatal`")));

            var version = Error("kubernetesVersion: 1.30\n");
            Assert.That(version.Problem, Is.EqualTo("`kubernetesVersion` must be a string, not `1.30`: quote it, `\"1.30\"`"));

            var unsupported = Error("kubernetesVersion: \"1.2\"\n");
            Assert.That(unsupported.Problem, Does.StartWith("Kubernetes version `1.2` is not supported: expected "));

            var reserved = Error("ruleset: pod-security-restricted\n");
            Assert.That(reserved.Problem, Does.Contain("not available yet"));

            var shape = Error("exclude: generated/\n");
            Assert.That(shape.Problem, Does.StartWith("`exclude` must be a list"));

            var image = Error("options:\n  longLivedImages: [\"a b\"]\n");
            Assert.That((image.Line, image.Problem), Is.EqualTo((2, "item 1 of `longLivedImages` `a b` is not valid: expected an image repository's last segment(s), with an optional `*` at the start or end (`example.com/telemetry-agent`, `*-shipper`)")));

            var yaml = Error("rules: [\n");
            Assert.That(yaml.Line, Is.EqualTo(1).Or.EqualTo(2));
        }
    }

    [Test]
    public void An_empty_file_and_keys_without_values_are_the_defaults()
    {
        Assert.That(PodLintConfig.Parse(string.Empty).Rules, Is.Empty);
        var config = PodLintConfig.Parse("rules:\n  # PL3001: error\n");
        Assert.That((config.Rules.Count, config.RuleSet), Is.EqualTo((0, RuleSelection.Recommended)));
    }

    [Test]
    public void The_nearest_file_up_to_the_repository_root_wins()
    {
        var nested = Directory.CreateDirectory(Path.Combine(_dir, "apps", "web")).FullName;
        Assert.That(PodLintConfig.Find(nested), Is.Null);
        File.WriteAllText(Path.Combine(_dir, ".podlint.yml"), "ruleset: all\n");
        Assert.That(PodLintConfig.Find(nested), Is.EqualTo(Path.Combine(_dir, ".podlint.yml")));
        File.WriteAllText(Path.Combine(_dir, "apps", ".podlint.yaml"), "ruleset: recommended\n");
        Assert.That(PodLintConfig.Find(nested), Is.EqualTo(Path.Combine(_dir, "apps", ".podlint.yaml")));

        // Above the repository root nothing is looked at.
        var inner = Directory.CreateDirectory(Path.Combine(_dir, "vendor", "lib")).FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "vendor", ".git"));
        Assert.That(PodLintConfig.Find(inner), Is.Null);
    }

    [Test]
    public async Task Include_and_exclude_globs_are_relative_to_the_file()
    {
        foreach (var file in new[] { "deploy/web.yaml", "deploy/generated/crd.yaml", "other/job.yaml", "deploy/web.json" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_dir, file))!);
            await File.WriteAllTextAsync(Path.Combine(_dir, file), Pod);
        }

        var path = Path.Combine(_dir, ".podlint.yaml");
        await File.WriteAllTextAsync(path, "include: [\"deploy/**\"]\nexclude: [generated/, \"*.json\"]\n");
        var config = PodLintConfig.Load(path);
        var result = await new PodLinter(config.ApplyTo(new PodLintOptions())).LintPathsAsync([_dir]);
        Assert.That(result.Diagnostics.Select(d => Path.GetRelativePath(_dir, d.File).Replace('\\', '/')).Distinct(), Is.EqualTo(new[] { "deploy/web.yaml" }));
        Assert.That(config.IsIncluded(Path.Combine(Path.GetTempPath(), "elsewhere.yaml")), Is.True);
    }

    [Test]
    public void The_starter_configuration_loads_and_follows_the_published_schema()
    {
        var config = PodLintConfig.Parse(PodLintConfig.StarterText);
        Assert.That(config.RuleSet, Is.EqualTo(RuleSelection.Recommended));
        Assert.That(SchemaErrors(PodLintConfig.StarterText), Is.Empty);
        Assert.That(PodLintConfig.StarterText, Does.StartWith("# yaml-language-server: $schema="));
    }

    [TestCase("""{"rules": {"PL3001": "error", "unused-volume": "off"}, "ruleset": "all", "kubernetesVersion": "1.33"}""", true)]
    [TestCase("""{"include": ["a/**"], "exclude": ["b"], "options": {"longLivedImages": ["*-shipper", "example.com/agent"]}}""", true)]
    [TestCase("""{"rulez": {}}""", false)]
    [TestCase("""{"rules": {"PL3001": "fatal"}}""", false)]
    [TestCase("""{"kubernetesVersion": 1.33}""", false)]
    [TestCase("""{"include": "a/**"}""", false)]
    [TestCase("""{"options": {"longLivedImage": []}}""", false)]
    public void The_loader_and_the_published_schema_agree(string json, bool valid)
    {
        // JSON is YAML: the same text goes to the loader and to the schema editors use.
        Assert.That(SchemaErrors(json), valid ? Is.Empty : Is.Not.Empty);
        if (valid) Assert.DoesNotThrow(() => PodLintConfig.Parse(json));
        else Assert.Throws<PodLintConfigException>(() => PodLintConfig.Parse(json));
    }

    [Test]
    public void The_embedded_schema_is_the_published_one()
        => Assert.That(ConfigSchema.Text, Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "podlint-config.schema.json"))));

    /// <summary>The published schema's errors for a YAML (or JSON) configuration, as an editor would show them.</summary>
    internal static IEnumerable<string> SchemaErrors(string yaml)
    {
        var schema = JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Schemas, "podlint-config.schema.json")).GetAwaiter().GetResult();
        if (yaml.TrimStart().StartsWith('{')) return schema.Validate(yaml).Select(e => $"{e.Path}: {e.Kind}");
        var value = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(yaml) ?? new Dictionary<object, object>();
        var json = new YamlDotNet.Serialization.SerializerBuilder().JsonCompatible().Build().Serialize(value);
        return schema.Validate(json).Select(e => $"{e.Path}: {e.Kind}");
    }
}
