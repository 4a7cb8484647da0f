using NUnit.Framework;

namespace PodLint.Cli.Tests;

/// <summary><c>.podlint.yaml</c> discovery, <c>--config</c>, <c>--no-config</c>, configuration errors and <c>podlint init</c>.</summary>
[NonParallelizable]
public class ConfigCommandTests(CliHost host) : CliTests(host)
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: app, image: nginx:1.27.3, ports: [{containerPort: 8080}]}
            - {name: proxy, image: envoyproxy/envoy:v1.31.0, ports: [{containerPort: 8080}]}
        """;

    private string _repo = null!;

    [SetUp]
    public void SetUp()
    {
        _repo = Path.Combine(Path.GetTempPath(), "podlint-cli-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_repo, ".git"));
        Directory.CreateDirectory(Path.Combine(_repo, "deploy"));
        File.WriteAllText(Path.Combine(_repo, "deploy", "pod.yaml"), Pod);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_repo, recursive: true);

    private string PodPath => Path.Combine(_repo, "deploy", "pod.yaml");

    [Test]
    public async Task The_nearest_configuration_changes_the_result_and_the_command_line_wins()
    {
        Assert.That((await RunAsync(["check", PodPath])).ExitCode, Is.EqualTo(0));
        await File.WriteAllTextAsync(Path.Combine(_repo, ".podlint.yaml"), "rules:\n  PL3001: error\n");

        var configured = await RunAsync(["check", PodPath]);
        var folder = await RunAsync(["check", Path.Combine(_repo, "deploy")]);
        var ignored = await RunAsync(["check", "--no-config", PodPath]);
        var overridden = await RunAsync(["check", "--severity", "duplicate-container-port=warning", PodPath]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(configured.ExitCode, Is.EqualTo(1));
            Assert.That(configured.Out, Does.Contain("error[PL3001]"));
            Assert.That(folder.ExitCode, Is.EqualTo(1));
            Assert.That(ignored.ExitCode, Is.EqualTo(0));
            Assert.That(overridden.ExitCode, Is.EqualTo(0));
        }
    }

    [Test]
    public async Task Files_named_on_the_command_line_that_the_configuration_excludes_are_not_an_empty_run()
    {
        // pre-commit passes the staged files by name: when the configuration excludes all of them, nothing is wrong.
        await File.WriteAllTextAsync(Path.Combine(_repo, ".podlint.yaml"), "exclude:\n  - deploy/**\n");
        var named = await RunAsync(["check", PodPath]);
        var folder = await RunAsync(["check", Path.Combine(_repo, "deploy")]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(named.ExitCode, Is.EqualTo(0), named.Error);
            Assert.That(folder.ExitCode, Is.EqualTo(2), "a folder with nothing to check is still a mistake");
            Assert.That(folder.Error, Does.Contain("no files to check"));
        }
    }

    [Test]
    public async Task Config_names_the_file_to_use()
    {
        var other = Path.Combine(_repo, "strict.yaml");
        await File.WriteAllTextAsync(other, "rules:\n  duplicate-container-port: error\n");
        var run = await RunAsync(["check", "--config", other, PodPath]);
        Assert.That(run.ExitCode, Is.EqualTo(1));

        var both = await RunAsync(["check", "--config", other, "--no-config", PodPath]);
        Assert.That((both.ExitCode, both.Error), Is.EqualTo((2, "error: `--config` and `--no-config` cannot be used together\n")));

        var missing = await RunAsync(["check", "--config", Path.Combine(_repo, "nope.yaml"), PodPath]);
        Assert.That((missing.ExitCode, missing.Error), Is.EqualTo((2, $"error: invalid configuration {Path.Combine(_repo, "nope.yaml")}:1:1: cannot read the configuration: no such file\n")));
    }

    [Test]
    public async Task A_bad_configuration_is_exit_2_with_its_position_and_a_did_you_mean()
    {
        await File.WriteAllTextAsync(Path.Combine(_repo, ".podlint.yaml"), "rules:\n  duplicate-containr-port: error\n");
        var run = await RunAsync(["check", PodPath]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.Error, Does.EndWith(".podlint.yaml:2:3: unknown rule `duplicate-containr-port`: expected a rule id (`PL3001`) or name (`duplicate-container-port`); did you mean `duplicate-container-port`?\n"));
        }
    }

    [Test]
    public async Task Init_writes_a_starter_configuration_and_never_overwrites_one()
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(_repo);
        try
        {
            var first = await RunAsync(["init"]);
            var written = await File.ReadAllTextAsync(Path.Combine(_repo, ".podlint.yaml"));
            var second = await RunAsync(["init"]);
            var check = await RunAsync(["check", "deploy"]);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(first.ExitCode, Is.EqualTo(0));
                Assert.That(written, Does.StartWith("# yaml-language-server: $schema="));
                Assert.That(second.ExitCode, Is.EqualTo(2));
                Assert.That(second.Error, Is.EqualTo("error: `.podlint.yaml` already exists; PodLint does not overwrite it\n"));
                Assert.That(await File.ReadAllTextAsync(Path.Combine(_repo, ".podlint.yaml")), Is.EqualTo(written));
                Assert.That(check.ExitCode, Is.EqualTo(0), check.Error);
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Test]
    public async Task A_suppressed_error_no_longer_fails_the_run_and_is_counted()
    {
        var broken = Pod.Replace("name: proxy", "name: app", StringComparison.Ordinal);
        var before = await RunAsync(["check", "-"], broken);
        var after = await RunAsync(["check", "-"], broken.Replace("metadata: {name: web}",
            "metadata:\n  name: web\n  annotations: {podlint.io/ignore: \"PL2001 -- renamed by the operator\"}", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.ExitCode, Is.EqualTo(1));
            Assert.That(before.Out, Does.Contain("error[PL2001]"));
            Assert.That(after.ExitCode, Is.EqualTo(0), after.Out);
            Assert.That(after.Out, Does.Not.Contain("PL2001"));
            Assert.That(after.Out, Does.EndWith("(1 Pod checked; 1 finding suppressed).\n"));
        }
    }
}
