using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PodLint.Cli.Tests;

/// <summary>
/// The CI examples in <c>examples/ci/</c> run the commands they show: each <c>podlint check</c> line is run as written
/// (with the bundled examples in place of <c>k8s/</c>, and the report files in a temporary folder), and the reports
/// the next step uploads must exist and be what that step reads.
/// </summary>
[NonParallelizable]
public partial class CiExampleTests(CliHost host) : CliTests(host)
{
    private string _temp = null!;

    [SetUp]
    public void SetUp() => _temp = Directory.CreateTempSubdirectory("podlint-ci-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_temp, recursive: true);

    [Test]
    public async Task The_github_actions_workflow_writes_annotations_and_the_sarif_it_uploads()
    {
        var (run, reports) = await RunCommandOf("github-actions.yml");
        var workflow = await File.ReadAllTextAsync(Path.Combine(CliRunner.Examples, "ci", "github-actions.yml"));
        var uploaded = Regex.Match(workflow, @"sarif_file: (\S+)").Groups[1].Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), "the examples hold errors: the step fails");
            Assert.That(run.Out, Does.Contain("::error file="));
            Assert.That(reports, Does.ContainKey(uploaded), "the upload step reads the file the lint step writes");
        }

        var sarif = JsonNode.Parse(await File.ReadAllTextAsync(reports[uploaded]))!;
        Assert.That(sarif["version"]!.GetValue<string>(), Is.EqualTo("2.1.0"));
        Assert.That(sarif["runs"]![0]!["results"]!.AsArray(), Is.Not.Empty);
    }

    [Test]
    public async Task The_gitlab_job_writes_the_junit_report_it_publishes()
    {
        var (run, reports) = await RunCommandOf("gitlab-ci.yml");
        var job = await File.ReadAllTextAsync(Path.Combine(CliRunner.Examples, "ci", "gitlab-ci.yml"));
        var published = Regex.Match(job, @"junit: (\S+)").Groups[1].Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Out, Does.Contain("error[PL"), "the text report goes to the job log");
            Assert.That(reports, Does.ContainKey(published));
        }

        var junit = XDocument.Load(reports[published]);
        Assert.That(junit.Root!.Name.LocalName, Is.EqualTo("testsuites"));
        Assert.That(junit.Descendants("failure"), Is.Not.Empty);
    }

    /// <summary>Runs the one <c>podlint check</c> command of the example; returns its run and the report files it
    /// wrote, by the name the example gives them.</summary>
    private async Task<(CliRunner.Run Run, Dictionary<string, string> Reports)> RunCommandOf(string example)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(CliRunner.Examples, "ci", example));
        var line = text.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("podlint check", StringComparison.Ordinal));
        var words = line[(line.IndexOf("podlint check", StringComparison.Ordinal) + "podlint ".Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var reports = new Dictionary<string, string>(StringComparer.Ordinal);
        var args = words.Select(w =>
        {
            if (w == "k8s/") return CliRunner.Examples;
            if (FormatWithFile().Match(w) is { Success: true } m)
            {
                var path = Path.Combine(_temp, m.Groups[2].Value);
                reports[m.Groups[2].Value] = path;
                return m.Groups[1].Value + ":" + path;
            }

            return w;
        }).ToArray();
        Assert.That(args, Does.Contain(CliRunner.Examples), $"the example checks `k8s/`: {line}");
        return (await RunAsync(args), reports);
    }

    [GeneratedRegex("^([a-z]+):(.+)$")]
    private static partial Regex FormatWithFile();
}
