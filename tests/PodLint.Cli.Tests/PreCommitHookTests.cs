using System.Text.RegularExpressions;

namespace PodLint.Cli.Tests;

/// <summary>
/// The real pre-commit (as installed: Debian's package in CI) runs the hook of <c>.pre-commit-hooks.yaml</c> in a
/// sample git repository whose <c>.pre-commit-config.yaml</c> is the README's snippet pointed at a clone of this
/// repository at HEAD: so it tests what is committed, as pre-commit would fetch it. pre-commit builds the tool
/// (<c>dotnet pack</c> of the solution, then <c>dotnet tool install</c>) once, into a fresh PRE_COMMIT_HOME.
/// Ignored when git or pre-commit is not installed.
/// </summary>
[NonParallelizable]
public class PreCommitHookTests
{
    private const string BrokenPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: orders-api
        spec:
          containers:
            - name: app
              image: registry.example.com/shop/orders-api:2.3.1
          initContainers:
            - name: app
              image: registry.example.com/shop/orders-api:2.3.1
              command: ["/app/orders-api", "migrate"]

        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private string _temp = null!;

    [SetUp]
    public void SetUp()
    {
        foreach (var tool in new[] { "git", "pre-commit", "dotnet" })
        {
            if (!OnPath(tool)) Assert.Ignore($"`{tool}` is not installed");
        }
        _temp = Directory.CreateTempSubdirectory("podlint-pre-commit-").FullName;
    }

    [TearDown]
    public void TearDown()
    {
        if (_temp is null || !Directory.Exists(_temp)) return;
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    [Test]
    public async Task The_hook_blocks_a_commit_with_a_broken_manifest_and_lets_the_fixed_one_through()
    {
        var hookRepository = Path.Combine(_temp, "podlint");
        var sample = Path.Combine(_temp, "sample");
        Directory.CreateDirectory(sample);
        await Git(_temp, "clone", "--quiet", CliRunner.RepositoryRoot, hookRepository);
        var rev = (await Git(hookRepository, "rev-parse", "HEAD")).Out.Trim();

        await Git(sample, "init", "--quiet");
        await Git(sample, "config", "user.name", "PodLint test");
        await Git(sample, "config", "user.email", "test@podlint.invalid");
        await Git(sample, "config", "commit.gpgsign", "false");
        await File.WriteAllTextAsync(Path.Combine(sample, ".pre-commit-config.yaml"), PreCommitConfig(hookRepository, rev));
        await Run(sample, "pre-commit", "install");

        await File.WriteAllTextAsync(Path.Combine(sample, "pod.yaml"), BrokenPod);
        await Git(sample, "add", "--all");
        var broken = await Run(sample, "git", ["commit", "--quiet", "-m", "broken"], check: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(broken.ExitCode, Is.Not.Zero, broken.Out + broken.Error);
            Assert.That(broken.Out + broken.Error, Does.Contain("error[PL2001]: container name `app` is already used by `spec.containers[0]`"));
            Assert.That(broken.Out + broken.Error, Does.Contain("--> pod.yaml:10:13"));
        }

        await File.WriteAllTextAsync(Path.Combine(sample, "pod.yaml"), BrokenPod.Replace("    - name: app\n      image: registry.example.com/shop/orders-api:2.3.1\n      command", "    - name: migrate\n      image: registry.example.com/shop/orders-api:2.3.1\n      command", StringComparison.Ordinal));
        await Git(sample, "add", "--all");
        var fixedCommit = await Run(sample, "git", ["commit", "--quiet", "-m", "fixed"], check: false);
        Assert.That(fixedCommit.ExitCode, Is.Zero, fixedCommit.Out + fixedCommit.Error);
        Assert.That((await Git(sample, "log", "--format=%s")).Out.Trim(), Is.EqualTo("fixed"));
    }

    /// <summary>The README's snippet, with <c>repo:</c> and <c>rev:</c> pointed at the local clone.</summary>
    private static string PreCommitConfig(string repository, string rev)
    {
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        const string Marker = "<!-- readme-test: pre-commit -->\n```yaml\n";
        var start = readme.IndexOf(Marker, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md has no block marked pre-commit");
        var body = start + Marker.Length;
        var snippet = readme[body..readme.IndexOf("```", body, StringComparison.Ordinal)];
        var config = Regex.Replace(snippet, @"(?m)^(\s*-?\s*repo:).*$", "$1 " + repository);
        config = Regex.Replace(config, @"(?m)^(\s*rev:).*$", "$1 " + rev);
        Assert.That(config, Does.Contain("repo: " + repository).And.Contain("rev: " + rev).And.Contain("id: podlint"));
        return config;
    }

    private Task<ExternalProcess.Result> Git(string directory, params string[] args) => Run(directory, "git", args);

    private Task<ExternalProcess.Result> Run(string directory, string file, params string[] args) => Run(directory, file, args, check: true);

    private async Task<ExternalProcess.Result> Run(string directory, string file, string[] args, bool check)
    {
        var globalConfig = Path.Combine(_temp, "gitconfig");
        if (!File.Exists(globalConfig)) await File.WriteAllTextAsync(globalConfig, string.Empty);
        return await ExternalProcess.RunAsync(directory, file, args, Timeout, check, new Dictionary<string, string>
        {
            ["PRE_COMMIT_HOME"] = Path.Combine(_temp, "pre-commit-home"),
            ["GIT_CONFIG_GLOBAL"] = globalConfig, // no user hooksPath, templates or signing
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        });
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)) || File.Exists(Path.Combine(dir, tool + ".exe")));
}
