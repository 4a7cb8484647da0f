namespace PodLint.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var console = new CliConsole(Console.In, Console.Out, Console.Error, Console.OpenStandardInput,
            !Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
        return await PodLintCli.RunAsync(args, console, cancel.Token).ConfigureAwait(false);
    }
}
