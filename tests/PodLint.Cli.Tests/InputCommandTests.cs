using NUnit.Framework;

namespace PodLint.Cli.Tests;

/// <summary>Inputs and paper cuts: empty folders, `help`, `-k v1.33`, report files, option names in messages, the size limit.</summary>
public class InputCommandTests(CliHost host) : CliTests(host)
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("podlint-cli-input-");

    [TearDown]
    public void DeleteFolder() => _dir.Delete(recursive: true);

    private static string Pod => Path.Combine(CliRunner.Examples, "valid-app-metrics-exporter.yaml");

    [Test]
    public async Task A_folder_with_no_manifests_is_no_files_to_check_and_exit_2()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "notes.txt"), "not a manifest");
        var run = await RunAsync(["check", _dir.FullName]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("no files to check").And.Contain("--allow-empty"));
            Assert.That(run.Out, Is.Empty);
        }
    }

    [Test]
    public async Task Allow_empty_accepts_a_folder_with_no_manifests()
    {
        var run = await RunAsync(["check", "--allow-empty", _dir.FullName]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain("No problems found in 0 files"));
    }

    [Test]
    public async Task Help_as_a_command_prints_the_help()
    {
        var help = await RunAsync(["help"]);
        var dashes = await RunAsync(["--help"]);
        var checkHelp = await RunAsync(["help", "check"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(help.ExitCode, Is.EqualTo(0));
            Assert.That(help.Out, Is.EqualTo(dashes.Out));
            Assert.That(help.Out, Does.Contain("check"));
            Assert.That(checkHelp.ExitCode, Is.EqualTo(0));
            Assert.That(checkHelp.Out, Does.Contain("--allow-empty").And.Contain("--max-input-size"));
        }
    }

    [Test]
    public async Task A_kubernetes_version_with_a_v_as_kubectl_prints_it_is_accepted()
    {
        var run = await RunAsync(["check", "-k", "v1.33", Pod]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
    }

    [Test]
    public async Task An_unsupported_kubernetes_version_names_the_option()
    {
        var run = await RunAsync(["check", "-k", "1.2", Pod]);
        var longName = await RunAsync(["check", "--kubernetes-version", "1.2", Pod]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("error: -k `1.2` is not supported; supported versions: "));
        Assert.That(longName.Error, Does.StartWith("error: --kubernetes-version `1.2` is not supported; supported versions: "));
    }

    [Test]
    public async Task An_unknown_rule_in_severity_names_the_option_and_suggests_the_rule()
    {
        var run = await RunAsync(["check", "--severity", "PL301=off", Pod]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.StartWith("error: --severity names an unknown rule `PL301`; did you mean `PL3001`"));
            Assert.That(run.Error, Does.Not.Contain("rule levels").And.Not.Contain("RuleLevels"));
        }
    }

    [Test]
    public async Task A_report_into_a_missing_folder_is_one_message_of_podlint_and_exit_2()
    {
        var output = Path.Combine(_dir.FullName, "missing", "report.json");
        var run = await RunAsync(["check", "--format", "json", "--output", output, Pod]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.StartWith($"error: cannot write the report to `{output}`: the folder `{Path.GetDirectoryName(output)}` does not exist"));
            Assert.That(run.Error, Does.Not.Contain("Could not find a part of the path"));
        }
    }

    [Test]
    public async Task A_report_onto_a_folder_says_so()
    {
        var run = await RunAsync(["check", "--output", _dir.FullName, Pod]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo($"error: cannot write the report to `{_dir.FullName}`: it is a folder\n"));
    }

    [Test]
    public async Task Max_input_size_limits_files_and_standard_input()
    {
        var file = await RunAsync(["check", "--max-input-size", "1KB", Pod]);
        var stdin = await RunAsync(["check", "--max-input-size", "100", "-"], stdin: File.ReadAllText(Pod));
        var bad = await RunAsync(["check", "--max-input-size", "lots", Pod]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.ExitCode, Is.EqualTo(1));
            Assert.That(file.Out, Does.Contain("error[PL0011]: the input is larger than 1 KB, the most PodLint reads; it is not checked"));
            Assert.That(stdin.ExitCode, Is.EqualTo(1));
            Assert.That(stdin.Out, Does.Contain("error[PL0011]: the input is larger than 100 bytes"));
            Assert.That(bad.ExitCode, Is.EqualTo(2));
            Assert.That(bad.Error, Does.StartWith("error: invalid --max-input-size `lots`"));
        }
    }

    [TestCase("1048576", 1048576L)]
    [TestCase("512KB", 512L * 1024)]
    [TestCase("256MB", 256L << 20)]
    [TestCase("1g", 1L << 30)]
    [TestCase("10 M", 10L << 20)]
    public void Sizes_are_read_with_or_without_a_unit(string text, long bytes)
    {
        Assert.That(InputSize.TryParse(text, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(bytes));
    }

    [TestCase("")]
    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("1.5GB")]
    [TestCase("99999999999999GB")]
    public void Bad_sizes_are_refused(string text) => Assert.That(InputSize.TryParse(text, out _), Is.False);
}
