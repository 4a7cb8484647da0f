using NUnit.Framework;

namespace PodLint.Cli.Tests;

/// <summary>One end-to-end run of the real executable: standard input, exit code, no stack trace.</summary>
public class ProcessTests
{
    [Test]
    public async Task Real_process_reads_stdin_and_exits_1_on_errors()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PodLint.Cli.dll");
        var (exitCode, output, error) = await ExternalProcess.RunAsync(Environment.CurrentDirectory, "dotnet", ["exec", dll, "check", "-"],
            TimeSpan.FromMinutes(2), check: false,
            stdin: "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: b}, {name: a, image: c}]\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1), error);
            Assert.That(output, Does.Contain("error[PL2001]"));
            Assert.That(output, Does.Contain("--> <stdin>:5:44"));
            Assert.That(error, Is.Empty);
        }
    }
}
