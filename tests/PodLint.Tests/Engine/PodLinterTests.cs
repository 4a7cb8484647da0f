using Microsoft.Extensions.Logging;
using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Model;
using PodLint.Rules;

namespace PodLint.Tests.Engine;

public class PodLinterTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: nginx:1.27}
            - {name: a, image: nginx:1.27}
        """;

    private sealed class ThrowingRule : IPodRule
    {
        public static readonly RuleDescriptor Rule = new("PL5901", "always-throws", RuleCategory.BestPractice, Severity.Warning, "Test rule that fails");

        public RuleDescriptor Descriptor => Rule;

        public void Analyze(PodContext context) => throw new InvalidOperationException("boom");
    }

    private sealed class ImageTagRule : IPodRule
    {
        public static readonly RuleDescriptor Rule = new("PL5902", "test-latest-tag", RuleCategory.BestPractice, Severity.Info, "Test rule: image tag latest");

        public RuleDescriptor Descriptor => Rule;

        public void Analyze(PodContext context)
        {
            foreach (var c in context.Containers)
            {
                if (c.Image.Value is { } image && image.EndsWith(":latest", StringComparison.Ordinal))
                {
                    context.Report(Rule, c.Image, $"container `{c.DisplayName}` uses `latest`");
                }
            }
        }
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries) Entries.Add((logLevel, formatter(state, exception)));
        }
    }

    [Test]
    public void Custom_rules_run_and_report_with_positions()
    {
        var linter = new PodLinter(new PodLintOptions { AdditionalRules = [new ImageTagRule()] });
        var result = linter.LintText("apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  containers: [{name: a, image: 'nginx:latest'}]\n");
        var d = result.Diagnostics.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.RuleId, Is.EqualTo("PL5902"));
            Assert.That(d.Span, Is.EqualTo(new SourceSpan("<input>", 5, 33, 5, 47)));
            Assert.That(d.Path, Is.EqualTo("spec.containers[0].image"));
            Assert.That(linter.Rules.Select(r => r.Id), Does.Contain("PL5902"));
        }
    }

    [Test]
    public void A_failing_rule_becomes_an_internal_error_finding_is_logged_and_hides_nothing()
    {
        var logger = new ListLogger();
        var result = new PodLinter(new PodLintOptions { AdditionalRules = [new ThrowingRule()], Logger = logger }).LintText(Pod);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics.Select(d => d.RuleId), Is.EquivalentTo(new[] { "PL2001", "PL0014" }));
            Assert.That(result.Diagnostics.Single(d => d.RuleId == "PL0014").Message, Does.Contain("PL5901").And.Contain("boom"));
            Assert.That(logger.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("PL5901", StringComparison.Ordinal)), Is.True);
        }
    }

    [Test]
    public void Findings_never_go_through_the_logger()
    {
        var logger = new ListLogger();
        var result = new PodLinter(new PodLintOptions { Logger = logger }).LintText(Pod);
        Assert.That(result.Diagnostics, Is.Not.Empty);
        Assert.That(logger.Entries.Where(e => e.Message.Contains("PL2001", StringComparison.Ordinal) || e.Message.Contains("already used", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Unknown_rule_in_options_is_an_argument_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new PodLinter(new PodLintOptions
        {
            RuleLevels = new Dictionary<string, RuleLevel> { ["no-such-rule"] = RuleLevel.Off },
        }));
        Assert.That(ex!.Message, Does.Contain("no-such-rule"));
    }

    [Test]
    public void Two_rules_with_one_id_are_rejected()
        => Assert.Throws<ArgumentException>(() => _ = new PodLinter(new PodLintOptions { AdditionalRules = [new ImageTagRule(), new ImageTagRule()] }));

    [Test]
    public void Input_findings_can_be_regraded_and_disabled_too()
    {
        var info = new PodLinter(new PodLintOptions { RuleLevels = new Dictionary<string, RuleLevel> { ["invalid-yaml"] = RuleLevel.Warning } })
            .LintText("a: [1\n");
        var off = new PodLinter(new PodLintOptions { RuleLevels = new Dictionary<string, RuleLevel> { ["PL0011"] = RuleLevel.Off } })
            .LintPathsAsync(["/no/such/file.yaml"]).GetAwaiter().GetResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(info.Diagnostics.Single().Severity, Is.EqualTo(Severity.Warning));
            Assert.That(info.HasErrors, Is.False);
            Assert.That(off.Diagnostics, Is.Empty);
        }
    }

    [Test]
    public async Task Many_files_are_checked_in_parallel_with_a_deterministic_order()
    {
        var dir = Directory.CreateTempSubdirectory("podlint-parallel-");
        try
        {
            for (var i = 0; i < 40; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, $"pod-{i:D2}.yaml"), Pod);
            }

            var serial = await new PodLinter(new PodLintOptions { MaxDegreeOfParallelism = 1 }).LintPathsAsync([dir.FullName]);
            var parallel = await new PodLinter(new PodLintOptions { MaxDegreeOfParallelism = 8 }).LintPathsAsync([dir.FullName]);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(parallel.FileCount, Is.EqualTo(40));
                Assert.That(parallel.PodCount, Is.EqualTo(40));
                Assert.That(parallel.ErrorCount, Is.EqualTo(40));
                Assert.That(parallel.Diagnostics.Select(d => d.Span.ToString()), Is.EqualTo(serial.Diagnostics.Select(d => d.Span.ToString())));
                Assert.That(parallel.Diagnostics.Select(d => d.File), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Cancellation_stops_the_work()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.That(() => new PodLinter().LintText(Pod, cancellationToken: cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(async () => await new PodLinter().LintPathsAsync([RepositoryPaths.Examples], cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Object_reference_is_attached_to_every_finding_of_a_pod()
    {
        var result = new PodLinter().LintText("apiVersion: v1\nkind: Pod\nmetadata: {name: w, namespace: prod}\nspec:\n  containers: [{name: a, image: b, image: c}]\n");
        Assert.That(result.Diagnostics.Select(d => d.Object?.ToString()), Is.All.EqualTo("prod/w"));
    }

    [Test]
    public void Context_knows_sidecars_and_which_containers_run_together()
    {
        var result = new PodLinter().LintText("""
            apiVersion: v1
            kind: Pod
            metadata: {name: w}
            spec:
              initContainers:
                - {name: init, image: i}
                - {name: mesh, image: m, restartPolicy: Always}
                - {name: late, image: l}
              containers:
                - {name: app, image: a}
            """);
        Assert.That(result.Diagnostics, Is.Empty);
        var captured = new List<PodContext>();
        var linter = new PodLinter(new PodLintOptions { AdditionalRules = [new CaptureRule(captured)] });
        linter.LintText("""
            apiVersion: v1
            kind: Pod
            metadata: {name: w}
            spec:
              initContainers:
                - {name: init, image: i}
                - {name: mesh, image: m, restartPolicy: Always}
                - {name: late, image: l}
              containers:
                - {name: app, image: a}
              ephemeralContainers:
                - {name: debug, image: d}
            """);
        var ctx = captured.Single();
        Container C(string name) => ctx.Containers.Single(c => c.Name.Value == name);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ctx.ContainersWithRole(ContainerRoles.NativeSidecar).Select(c => c.Name.Value), Is.EqualTo(new[] { "mesh" }));
            Assert.That(ctx.Containers.Select(c => c.Name.Value), Is.EqualTo(new[] { "app", "init", "mesh", "late", "debug" }));
            Assert.That(ctx.Containers.Select(c => c.Role), Is.EqualTo(new[]
            {
                ContainerRole.App, ContainerRole.Init, ContainerRole.NativeSidecar, ContainerRole.Init, ContainerRole.Ephemeral,
            }));
            Assert.That(C("app").RunsAlongside(C("mesh")), Is.True);
            Assert.That(C("app").RunsAlongside(C("init")), Is.False);
            Assert.That(C("late").RunsAlongside(C("mesh")), Is.True);
            Assert.That(C("init").RunsAlongside(C("mesh")), Is.False);
            Assert.That(C("init").RunsAlongside(C("late")), Is.False);
            Assert.That(C("app").RunsAlongside(C("debug")), Is.False);
            Assert.That(C("app").RunsAlongside(C("app")), Is.False);
        }
    }

    private sealed class CaptureRule(List<PodContext> captured) : IPodRule
    {
        public RuleDescriptor Descriptor { get; } = new("PL5903", "capture", RuleCategory.BestPractice, Severity.Info, "Test rule that captures its context");

        public void Analyze(PodContext context) => captured.Add(context);
    }
}
