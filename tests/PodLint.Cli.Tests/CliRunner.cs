using System.Text;

namespace PodLint.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output and an optional standard input.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepositoryRoot, "examples");

    public sealed record Run(int ExitCode, string Out, string Error);

    public static async Task<Run> RunAsync(string[] args, string? stdin = null, bool terminal = false, Dictionary<string, string>? env = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(TextReader.Null, output, error,
            () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty)), terminal,
            name => env is not null && env.TryGetValue(name, out var v) ? v : null);
        var code = await PodLintCli.RunAsync(args, console, CancellationToken.None);
        return new Run(code, output.ToString(), error.ToString());
    }

    /// <summary>Makes absolute repository paths in output relative, so golden files do not depend on the machine.</summary>
    public static string Normalize(string text) => text.Replace(RepositoryRoot + "/", string.Empty, StringComparison.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PodLint.sln"))) dir = dir.Parent;
        return (dir?.FullName ?? throw new InvalidOperationException("PodLint.sln not found")).Replace('\\', '/');
    }
}
