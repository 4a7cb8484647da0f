using System.Diagnostics;

namespace PodLint.Cli.Tests;

/// <summary>Runs another program (git, pre-commit, dotnet) for the tests that use the tool as its users do: without the
/// test host's MSBuild and test-platform variables, which would steer nested builds, and with no colour.</summary>
internal static class ExternalProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>Runs <paramref name="file"/> and waits for it at most <paramref name="timeout"/> (then kills it and
    /// fails the test); with <paramref name="check"/>, an exit code other than 0 fails the test with the output.</summary>
    public static async Task<Result> RunAsync(string directory, string file, IEnumerable<string> args, TimeSpan timeout, bool check = true,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var command = $"`{file} {string.Join(' ', start.ArgumentList)}`";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
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
