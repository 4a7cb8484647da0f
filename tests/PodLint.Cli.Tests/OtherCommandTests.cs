using System.Text.Json;
using NUnit.Framework;
using PodLint.Engine;

namespace PodLint.Cli.Tests;

public class OtherCommandTests(CliHost host) : CliTests(host)
{
    [Test]
    public async Task Rules_lists_every_rule()
    {
        var run = await RunAsync(["rules"]);
        var rules = new PodLinter().Rules;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Out, Does.StartWith("ID "));
            foreach (var r in rules) Assert.That(run.Out, Does.Contain($"{r.Id}  {r.Name}"));
            Assert.That(run.Out, Does.Contain("PL3001  duplicate-container-port").And.Contain("multi-container").And.Contain("warning"));
        }
    }

    [Test]
    public async Task Rules_as_json()
    {
        var run = await RunAsync(["rules", "--format", "json"]);
        using var doc = JsonDocument.Parse(run.Out);
        var first = doc.RootElement[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(doc.RootElement.GetArrayLength(), Is.EqualTo(new PodLinter().Rules.Count));
            Assert.That(first.GetProperty("id").GetString(), Is.EqualTo("PL0001"));
            Assert.That(first.GetProperty("category").GetString(), Is.EqualTo("input"));
        }
    }

    [Test]
    public async Task Version_prints_the_version()
    {
        var run = await RunAsync(["--version"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Out.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
        }
    }

    [Test]
    public async Task Help_exits_0()
    {
        var run = await RunAsync(["check", "--help"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Out, Does.Contain("--format"));
            // The command people type, not the assembly's name (PodLint.Cli) that System.CommandLine's RootCommand takes.
            Assert.That(run.Out, Does.Contain("Usage:\n  podlint check [<paths>...] [options]"));
        }
    }
}
