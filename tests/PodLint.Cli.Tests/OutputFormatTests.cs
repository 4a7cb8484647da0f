using System.Text.Json;
using System.Xml.Linq;

namespace PodLint.Cli.Tests;

/// <summary><c>--format FORMAT[:PATH]</c> (several per run), <c>--fail-on</c> and <c>--max-warnings</c>.</summary>
public class OutputFormatTests(CliHost host) : CliTests(host)
{
    // One warning (PL3001) and one error (PL2002).
    private const string WarningAndError = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: proxy, image: nginx:1.27.3, ports: [{containerPort: 8080}]}
            - {name: app, image: "", ports: [{containerPort: 8080}]}
        """;

    // One warning (PL3001).
    private const string Warning = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: proxy, image: nginx:1.27.3, ports: [{containerPort: 8080}]}
            - {name: app, image: shop/app:1.0, ports: [{containerPort: 8080}]}
        """;

    // One info (PL3007).
    private const string Info = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: migrate, image: shop/migrate:1.0, ports: [{containerPort: 9000}]}
          containers:
            - {name: app, image: shop/app:1.0}
        """;

    private static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"podlint-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Test]
    public async Task One_run_writes_the_text_report_to_stdout_and_sarif_and_junit_to_files()
    {
        var dir = TempFolder();
        try
        {
            var sarif = Path.Combine(dir, "out.sarif");
            var junit = Path.Combine(dir, "junit.xml");
            var run = await RunAsync(["check", "-", "--stdin-filename", "k8s/pod.yaml", "--format", $"sarif:{sarif}", "--format", "text", "-f", $"junit:{junit}"], WarningAndError);
            using var log = JsonDocument.Parse(File.ReadAllText(sarif));
            var sarifRun = log.RootElement.GetProperty("runs")[0];
            var xml = XDocument.Load(junit);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(run.ExitCode, Is.EqualTo(1));
                Assert.That(run.Error, Is.Empty);
                Assert.That(run.Out, Does.Contain("error[PL2002]: container `app` has an empty `image`"));
                Assert.That(run.Out, Does.Not.Contain("\"version\""));
                Assert.That(sarifRun.GetProperty("results").GetArrayLength(), Is.EqualTo(2));
                Assert.That(sarifRun.GetProperty("invocations")[0].GetProperty("exitCode").GetInt32(), Is.EqualTo(1));
                Assert.That(sarifRun.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean(), Is.True);
                Assert.That(sarifRun.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation")
                    .GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("k8s/pod.yaml"));
                Assert.That((int)xml.Root!.Attribute("failures")!, Is.EqualTo(1));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public async Task The_format_without_a_path_goes_to_output()
    {
        var dir = TempFolder();
        try
        {
            var report = Path.Combine(dir, "report.txt");
            var run = await RunAsync(["check", "-", "--format", "concise", "--output", report, "--format", $"github:{Path.Combine(dir, "gh.txt")}"], Warning);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(run.Out, Is.Empty);
                Assert.That(File.ReadAllText(report), Does.StartWith("<stdin>:7:64: warning[PL3001] container port `8080/TCP` of `app` is already declared by `proxy`\n"));
                Assert.That(File.ReadAllText(Path.Combine(dir, "gh.txt")), Does.StartWith("::warning file=<stdin>,line=7,col=64,endLine=7,endColumn=68,title=PL3001 duplicate-container-port::"));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public async Task Each_format_can_be_written_to_stdout()
    {
        foreach (var format in new[] { "text", "concise", "json", "sarif", "junit", "github" })
        {
            var run = await RunAsync(["check", "-", "--format", format], WarningAndError);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(run.ExitCode, Is.EqualTo(1), format);
                Assert.That(run.Error, Is.Empty, format);
                Assert.That(run.Out, Does.Contain("PL2002"), format);
            }
        }
    }

    [TestCase(new[] { "--format", "json", "--format", "text" }, "`json` and `text` would all write to the same output")]
    [TestCase(new[] { "--format", "sarif:a.sarif", "--format", "sarif:a.sarif" }, "two reports to `a.sarif`")]
    [TestCase(new[] { "--format", "json", "--output", "a.txt", "--format", "sarif:a.txt" }, "two reports to `a.txt`")]
    [TestCase(new[] { "--format", "xml:report.xml" }, "invalid --format `xml:report.xml`: expected FORMAT or FORMAT:PATH, FORMAT one of text, concise, json, sarif, junit, github")]
    [TestCase(new[] { "--format", "sarif:" }, "the path after `:` is empty")]
    [TestCase(new[] { "--fail-on", "sometimes" }, "sometimes")]
    [TestCase(new[] { "--max-warnings", "-1" }, "--max-warnings must be 0 or more")]
    [TestCase(new[] { "--max-warnings", "many" }, "many")]
    public async Task Mistakes_in_the_output_options_are_exit_2(string[] options, string expected)
    {
        var run = await RunAsync(["check", "-", .. options], Warning);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain(expected));
            Assert.That(run.Out, Is.Empty);
        }
    }

    [TestCase(WarningAndError, new string[0], 1)]
    [TestCase(Warning, new string[0], 0)]
    [TestCase(Warning, new[] { "--fail-on", "error" }, 0)]
    [TestCase(Warning, new[] { "--fail-on", "warning" }, 1)]
    [TestCase(Info, new[] { "--fail-on", "warning" }, 0)]
    [TestCase(Info, new[] { "--fail-on", "info" }, 1)]
    [TestCase(WarningAndError, new[] { "--fail-on", "never" }, 0)]
    [TestCase(Warning, new[] { "--max-warnings", "0" }, 1)]
    [TestCase(Warning, new[] { "--max-warnings", "1" }, 0)]
    [TestCase(Warning, new[] { "--fail-on", "never", "--max-warnings", "0" }, 1)]
    [TestCase(WarningAndError, new[] { "--max-warnings", "5" }, 1)]
    public async Task Exit_code_follows_fail_on_and_max_warnings(string manifest, string[] options, int expected)
    {
        var run = await RunAsync(["check", "-", .. options], manifest);
        Assert.That(run.ExitCode, Is.EqualTo(expected), run.Out + run.Error);
    }

    [Test]
    public async Task Too_many_warnings_say_so_on_standard_error_and_fail_a_junit_case()
    {
        var junit = Path.Combine(Path.GetTempPath(), $"podlint-junit-{Guid.NewGuid():N}.xml");
        try
        {
            var run = await RunAsync(["check", "-", "--max-warnings", "0", "--format", "text", "--format", $"junit:{junit}"], Warning);
            var report = System.Xml.Linq.XDocument.Load(junit).Root!;
            var failing = report.Descendants("testcase").Where(c => c.Element("failure") is not null).ToList();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(run.ExitCode, Is.EqualTo(1));
                Assert.That(run.Error, Is.EqualTo("error: 1 warning, more than the 0 that --max-warnings allows\n"));
                Assert.That(report.Attribute("failures")?.Value, Is.EqualTo("1"));
                Assert.That(failing.Select(c => c.Attribute("name")?.Value), Is.EqualTo(new[] { "max-warnings" }),
                    "the warning's own case passes (it is below --fail-on); the run's failure is its own case");
                Assert.That(failing[0].Element("failure")!.Attribute("message")?.Value, Is.EqualTo("1 warning, more than the 0 that --max-warnings allows"));
            }
        }
        finally
        {
            File.Delete(junit);
        }
    }

    [Test]
    public async Task Junit_failures_follow_fail_on()
    {
        var byDefault = await RunAsync(["check", "-", "--format", "junit"], Warning);
        var strict = await RunAsync(["check", "-", "--format", "junit", "--fail-on", "warning"], Warning);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)XDocument.Parse(byDefault.Out).Root!.Attribute("failures")!, Is.Zero);
            Assert.That((int)XDocument.Parse(strict.Out).Root!.Attribute("failures")!, Is.EqualTo(1));
            Assert.That(strict.ExitCode, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Sarif_records_the_exit_code_that_fail_on_gives()
    {
        var run = await RunAsync(["check", "-", "--format", "sarif", "--fail-on", "warning"], Warning);
        using var log = JsonDocument.Parse(run.Out);
        Assert.That(log.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("exitCode").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Colour_goes_only_to_the_text_report_on_the_terminal()
    {
        var dir = TempFolder();
        try
        {
            var file = Path.Combine(dir, "report.txt");
            var run = await RunAsync(["check", "-", "--format", "text", "--format", $"text:{file}"], Warning, terminal: true);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(run.Out, Does.Contain("\u001b["));
                Assert.That(File.ReadAllText(file).Contains('\u001b', StringComparison.Ordinal), Is.False);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
