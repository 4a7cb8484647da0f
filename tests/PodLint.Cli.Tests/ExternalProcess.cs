using System.Diagnostics;
using System.Text;

namespace PodLint.Cli.Tests;

/// <summary>Runs another program (git, pre-commit, dotnet) for the tests that use the tool as its users do: without the
/// test host's MSBuild and test-platform variables, which would steer nested builds, and with no colour.</summary>
internal static class ExternalProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>Runs <paramref name="file"/> and waits for it at most <paramref name="timeout"/> (then kills it and
    /// fails the test); with <paramref name="check"/>, an exit code other than 0 fails the test with the output.
    /// <paramref name="stdin"/> is written to its standard input (closed either way). With <paramref name="isolated"/>,
    /// it sees no variable of the test process but <c>PATH</c>, <c>HOME</c> and <c>TMPDIR</c>, and only
    /// <paramref name="environment"/> besides (as the CLI run in process sees only the variables a test gives it).</summary>
    public static async Task<Result> RunAsync(string directory, string file, IEnumerable<string> args, TimeSpan timeout, bool check = true,
        IReadOnlyDictionary<string, string>? environment = null, string? stdin = null, bool isolated = false)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        string[] kept = ["PATH", "HOME", "TMPDIR"];
        foreach (var name in start.Environment.Keys.Where(k => isolated ? !kept.Contains(k, StringComparer.Ordinal)
            : k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        if (!isolated)
        {
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["NO_COLOR"] = "1";
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var command = $"`{file} {string.Join(' ', start.ArgumentList)}`";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(stdin ?? string.Empty));
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading its standard input.
        }

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{command} did not finish in {timeout}");
        }

        var result = new Result(process.ExitCode, await output, await error);
        if (check && result.ExitCode != 0) Assert.Fail($"{command} exited with {result.ExitCode}\n{result.Out}{result.Error}");
        return result;
    }
}
