using System.Diagnostics;
using NUnit.Framework;

namespace PodLint.Cli.Tests;

/// <summary>One end-to-end run of the real executable: standard input, exit code, no stack trace.</summary>
public class ProcessTests
{
    [Test]
    public async Task Real_process_reads_stdin_and_exits_1_on_errors()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PodLint.Cli.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, "check", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: b}, {name: a, image: c}]\n");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(process.ExitCode, Is.EqualTo(1), error);
            Assert.That(output, Does.Contain("error[PL2001]"));
            Assert.That(output, Does.Contain("--> <stdin>:5:44"));
            Assert.That(error, Is.Empty);
        }
    }
}
