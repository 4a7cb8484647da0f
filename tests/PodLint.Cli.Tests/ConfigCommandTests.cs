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
    private const string PodLevelResources = "apiVersion: v1\nkind: Pod\nmetadata: {name: sized}\nspec:\n  resources: {limits: {cpu: \"1\"}}\n  containers: [{name: web, image: nginx}]\n";

    /// <summary>Writes a file below the repository, creating its folders.</summary>
    private void Write(string relative, string text)
    {
        var path = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Runs PodLint in the repository (paths in findings relative to it) and returns the concise findings.</summary>
    private async Task<(CliRunner.Run Run, string[] Findings)> CheckInRepoAsync(params string[] args)
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(_repo);
        try
        {
            var run = await RunAsync(["check", "--format", "concise", .. args]);
            return (run, [.. run.Out.Split('\n').Where(l => l.Contains("[PL", StringComparison.Ordinal))]);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    private const string DuplicatePort = "container port `8080/TCP` of `proxy` is already declared by `app`";

    [Test]
    public async Task A_nested_configuration_turns_a_rule_off_for_its_subtree_only()
    {
        Write(".podlint.yaml", "rules:\n  PL3001: error\n");
        Write("team-a/.podlint.yaml", "rules:\n  duplicate-container-port: off\n");
        Write("team-a/pod.yaml", Pod);
        Write("team-a/apps/pod.yaml", Pod);
        Write("team-ab/pod.yaml", Pod);

        var (scan, findings) = await CheckInRepoAsync(".");
        var (named, _) = await CheckInRepoAsync("--config", ".podlint.yaml", ".");
        var (ignored, ignoredFindings) = await CheckInRepoAsync("--no-config", "team-a");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scan.ExitCode, Is.EqualTo(1), scan.Error);
            Assert.That(findings, Is.EqualTo(new[]
            {
                $"deploy/pod.yaml:7:78: error[PL3001] {DuplicatePort}",
                $"team-ab/pod.yaml:7:78: error[PL3001] {DuplicatePort}",
            }), "the outer folder's files (and a sibling whose name only starts alike) keep the outer configuration");
            Assert.That(scan.Out, Does.EndWith("in 4 files (4 Pods checked).\n"));
            Assert.That(named.Out, Does.Contain($"team-a/apps/pod.yaml:7:78: error[PL3001]"), "--config applies one configuration to everything");
            Assert.That(ignoredFindings, Has.Length.EqualTo(2).And.All.Contains("warning[PL3001]"), "--no-config applies none");
            Assert.That(ignored.ExitCode, Is.EqualTo(0));
        }
    }

    [Test]
    public async Task A_nested_configuration_changes_the_kubernetes_version_and_the_severity_of_its_subtree()
    {
        Write("deploy/sized.yaml", PodLevelResources);
        Write("legacy/.podlint.yml", "kubernetesVersion: \"1.30\"\nrules:\n  PL3001: info\n");
        Write("legacy/pod.yaml", Pod);
        Write("legacy/sized.yaml", PodLevelResources);

        var (run, findings) = await CheckInRepoAsync(".");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(findings, Is.EqualTo(new[]
            {
                $"deploy/pod.yaml:7:78: warning[PL3001] {DuplicatePort}",
                $"legacy/pod.yaml:7:78: info[PL3001] {DuplicatePort}",
                "legacy/sized.yaml:5:3: error[PL1002] `spec.resources` is not available before Kubernetes 1.32 (selected: 1.30)",
            }), "without a configuration above it, deploy/ runs the defaults on the newest version");
        }
    }

    [Test]
    public async Task Sibling_folders_each_use_their_own_configuration()
    {
        Write("team-a/.podlint.yaml", "rules:\n  PL3001: error\n");
        Write("team-a/pod.yaml", Pod);
        Write("team-b/.podlint.yaml", "rules:\n  PL3001: info\n");
        Write("team-b/pod.yaml", Pod);

        var (run, findings) = await CheckInRepoAsync(".");
        var (named, namedFindings) = await CheckInRepoAsync("team-b", "team-a", "deploy");
        string[] expected =
        [
            $"deploy/pod.yaml:7:78: warning[PL3001] {DuplicatePort}",
            $"team-a/pod.yaml:7:78: error[PL3001] {DuplicatePort}",
            $"team-b/pod.yaml:7:78: info[PL3001] {DuplicatePort}",
        ];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(findings, Is.EqualTo(expected));
            Assert.That(namedFindings, Is.EqualTo(expected), "the same folders given one by one");
        }
    }

    [Test]
    public async Task A_folder_reached_through_a_symbolic_link_is_checked_once_with_the_configuration_inside_it()
    {
        // `alias` sorts before `team-a`: the scan enters the real folder once, under the first name it meets.
        Write("team-a/.podlint.yaml", "rules:\n  PL3001: error\n");
        Write("team-a/pod.yaml", Pod);
        Directory.CreateSymbolicLink(Path.Combine(_repo, "alias"), "team-a");
        Directory.CreateSymbolicLink(Path.Combine(_repo, "team-a", "loop"), "..");

        var (run, findings) = await CheckInRepoAsync(".");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(findings, Is.EqualTo(new[]
            {
                $"alias/pod.yaml:7:78: error[PL3001] {DuplicatePort}",
                $"deploy/pod.yaml:7:78: warning[PL3001] {DuplicatePort}",
            }));
        }
    }

    [Test]
    public async Task The_nearest_configuration_decides_which_files_of_its_subtree_are_checked()
    {
        // The outer configuration excludes what is below vendor/ and generated files anywhere; vendor/ has its own
        // configuration, which decides for its subtree (nearest wins, as in Ruff), and excludes its own generated/
        // folder. The outer configuration also excludes the folder legacy/ itself: like Ruff, the scan does not enter
        // it, so its configuration (even a broken one) does not matter.
        Write(".podlint.yaml", "rules:\n  PL3001: error\nexclude: [\"vendor/**\", \"*.generated.yaml\", legacy]\n");
        Write("deploy/pod.generated.yaml", Pod);
        Write("vendor/.podlint.yaml", "exclude: [\"generated/**\"]\n");
        Write("vendor/pod.yaml", Pod);
        Write("vendor/pod.generated.yaml", Pod);
        Write("vendor/generated/pod.yaml", Pod);
        Write("legacy/.podlint.yaml", "rules: [broken\n");
        Write("legacy/pod.yaml", Pod);

        var (run, findings) = await CheckInRepoAsync(".");
        var (named, namedFindings) = await CheckInRepoAsync("vendor/generated/pod.yaml", "deploy/pod.generated.yaml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(findings, Is.EqualTo(new[]
            {
                $"deploy/pod.yaml:7:78: error[PL3001] {DuplicatePort}",
                $"vendor/pod.generated.yaml:7:78: warning[PL3001] {DuplicatePort}",
                $"vendor/pod.yaml:7:78: warning[PL3001] {DuplicatePort}",
            }));
            Assert.That(run.Out, Does.EndWith("in 3 files (3 Pods checked).\n"));
            Assert.That((named.ExitCode, namedFindings), Is.EqualTo((0, Array.Empty<string>())), "files named are filtered by their nearest configuration too");
        }
    }

    [Test]
    public async Task Files_named_on_the_command_line_use_their_nearest_configuration()
    {
        Write(".podlint.yaml", "rules:\n  PL3001: error\n");
        Write("team-a/.podlint.yaml", "rules:\n  PL3001: info\n");
        Write("team-a/apps/pod.yaml", Pod);

        var (run, findings) = await CheckInRepoAsync("team-a/apps/pod.yaml", "deploy/pod.yaml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(findings, Is.EqualTo(new[]
            {
                $"deploy/pod.yaml:7:78: error[PL3001] {DuplicatePort}",
                $"team-a/apps/pod.yaml:7:78: info[PL3001] {DuplicatePort}",
            }));
        }
    }

    [Test]
    public async Task A_nested_repository_without_a_configuration_does_not_use_the_outer_one()
    {
        // The walk up from a file stops at its repository's root: a nested repository (a submodule: `.git` is a file)
        // without a configuration of its own gets none, whether its files are named or found by a scan.
        Write(".podlint.yaml", "rules:\n  PL3001: error\n");
        Write("modules/shared/.git", "gitdir: ../../.git/modules/shared\n");
        Write("modules/shared/pod.yaml", Pod);

        var (scan, scanFindings) = await CheckInRepoAsync(".");
        var (named, namedFindings) = await CheckInRepoAsync("modules/shared/pod.yaml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scanFindings, Is.EqualTo(new[]
            {
                $"deploy/pod.yaml:7:78: error[PL3001] {DuplicatePort}",
                $"modules/shared/pod.yaml:7:78: warning[PL3001] {DuplicatePort}",
            }), scan.Error);
            Assert.That(namedFindings, Is.EqualTo(new[] { $"modules/shared/pod.yaml:7:78: warning[PL3001] {DuplicatePort}" }), named.Error);
        }
    }

    [Test]
    public async Task A_bad_nested_configuration_is_exit_2_with_its_position()
    {
        Write(".podlint.yaml", "rules:\n  PL3001: error\n");
        Write("team-a/apps/pod.yaml", Pod);
        Write(".hidden/.podlint.yaml", "not: [valid\n");
        Write(".hidden/pod.yaml", Pod);
        var (hidden, _) = await CheckInRepoAsync(".");

        Write("team-a/apps/.podlint.yaml", "# team A\nrules:\n  PL3001: loud\n");
        var (run, _) = await CheckInRepoAsync(".");
        var (outside, _) = await CheckInRepoAsync("deploy");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(hidden.ExitCode, Is.EqualTo(1), "a configuration in a hidden folder, which the scan skips, does not matter: " + hidden.Error);
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.Error, Does.StartWith("error: invalid configuration team-a/apps/.podlint.yaml:3:11: "));
            Assert.That(outside.ExitCode, Is.EqualTo(1), "nor does one in a folder that is not scanned: " + outside.Error);
        }
    }
}
