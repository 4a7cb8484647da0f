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
        // Buffered: Console.Out flushes every Write, which made a report a system call per piece of a line (14 per
        // finding, 2.8 million for 200,000 findings). Log lines go to standard error, unbuffered, as they happen.
        var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        await using (output.ConfigureAwait(false))
        {
            var console = new CliConsole(Console.In, output, Console.Error, Console.OpenStandardInput,
                !Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
            return await PodLintCli.RunAsync(args, console, cancel.Token).ConfigureAwait(false);
        }
    }
}
