namespace PodLint.Cli;

/// <summary>The process surroundings the CLI uses, injectable so that tests run it in-process.</summary>
/// <param name="In">Standard input as text (unused by the linter, which reads bytes).</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="OpenStandardInput">Opens standard input as bytes, for <c>-</c>.</param>
/// <param name="OutputIsTerminal">Whether standard output is a terminal (colour is used only then).</param>
/// <param name="GetEnvironmentVariable">Reads an environment variable (<c>NO_COLOR</c>).</param>
internal sealed record CliConsole(
    TextReader In,
    TextWriter Out,
    TextWriter Error,
    Func<Stream> OpenStandardInput,
    bool OutputIsTerminal,
    Func<string, string?> GetEnvironmentVariable);
