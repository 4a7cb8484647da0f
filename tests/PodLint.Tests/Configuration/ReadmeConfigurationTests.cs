using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;
using PodLint.Configuration;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Configuration;

/// <summary>The README's "Configuration and suppressions" section, run as written: each block marked
/// <c>&lt;!-- readme-test: NAME --&gt;</c> is read from the README itself.</summary>
[NonParallelizable]
public class ReadmeConfigurationTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Block(string name)
    {
        var marker = $"<!-- readme-test: {name} -->\n```";
        var start = Readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"README.md has no block marked {name}");
        var body = Readme.IndexOf('\n', start + marker.Length) + 1;
        return Readme[body..Readme.IndexOf("```", body, StringComparison.Ordinal)];
    }

    [Test]
    public void The_configuration_example_loads_follows_the_schema_and_does_what_it_says()
    {
        var text = Block("config");
        var config = PodLintConfig.Parse(text);
        var options = config.ApplyTo(new PodLintOptions());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PodLintConfigTests.SchemaErrors(text), Is.Empty);
            Assert.That(options.KubernetesVersion, Is.EqualTo("1.33"));
            Assert.That(new PodLinter(options).Catalog.Where(r => r.Descriptor.Id is "PL3001" or "PL3002").Select(r => r.Level),
                Is.EqualTo(new[] { RuleLevel.Error, RuleLevel.Off }));
            Assert.That(config.Include, Is.EqualTo(new[] { "deploy/**" }));
            Assert.That(config.IsIncluded("deploy/web.yaml"), Is.True);
            Assert.That(config.IsIncluded("deploy/generated/crd.yaml"), Is.False);
            Assert.That(config.IsIncluded("deploy/web.json"), Is.False);
            Assert.That(config.IsIncluded("docs/pod.yaml"), Is.False);
            Assert.That(config.LongLivedImages, Is.EqualTo(new[] { "platform/telemetry-relay", "*-shipper" }));
        }
    }

    [Test]
    public void The_configuration_error_shown_is_what_a_typo_in_the_example_gives()
    {
        var typo = Block("config").Replace("  PL3001: error", "  PL301: error", StringComparison.Ordinal);
        var error = Assert.Throws<PodLintConfigException>(() => PodLintConfig.Parse(typo, ".podlint.yaml"))!;
        Assert.That(Readme, Does.Contain("error: invalid configuration " + error.Message + "\n"));
    }

    [Test]
    public void The_suppressions_example_suppresses_every_finding_with_each_form()
    {
        var result = new PodLinter().LintText(Block("suppressions"), "web.yaml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.Suppressed.Select(d => d.SuppressedBy!.Kind).Distinct(), Is.EquivalentTo(Enum.GetValues<SuppressionKind>()));
            Assert.That(Readme, Does.Contain(PodLint.Reporting.TextReporter.Summary(result).Replace(" 1 file (", "\n  1 file (", StringComparison.Ordinal)));
        }
    }

    [Test]
    public void The_library_example_is_the_code_run_here()
    {
        const string code = """
            var options = new PodLintOptions { Logger = logger };
            if (PodLintConfig.Find("k8s") is { } path)                  // the nearest .podlint.yaml, up to the repository root
                options = PodLintConfig.Load(path).ApplyTo(options);    // a mistake throws PodLintConfigException (File, Line, Column)
            var linter = new PodLinter(options);

            """;
        Assert.That(Block("library-config"), Is.EqualTo(code));

        var dir = Path.Combine(Path.GetTempPath(), "podlint-readme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        Directory.CreateDirectory(Path.Combine(dir, "k8s"));
        File.WriteAllText(Path.Combine(dir, ".podlint.yaml"), "rules:\n  PL3001: error\n");
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(dir);
        try
        {
            var logger = NullLogger.Instance;
            // The README's code:
            var options = new PodLintOptions { Logger = logger };
            if (PodLintConfig.Find("k8s") is { } path)                  // the nearest .podlint.yaml, up to the repository root
                options = PodLintConfig.Load(path).ApplyTo(options);    // a mistake throws PodLintConfigException (File, Line, Column)
            var linter = new PodLinter(options);

            Assert.That(linter.Catalog.Single(r => r.Descriptor.Id == "PL3001").Level, Is.EqualTo(RuleLevel.Error));
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            Directory.Delete(dir, recursive: true);
        }
    }
}
