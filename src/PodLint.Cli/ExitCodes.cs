namespace PodLint.Cli;

/// <summary>The exit codes of <c>podlint</c> (as ESLint's).</summary>
internal static class ExitCodes
{
    /// <summary>No finding at error level.</summary>
    public const int Success = 0;

    /// <summary>At least one finding at error level (input, parse and I/O findings included).</summary>
    public const int ErrorsFound = 1;

    /// <summary>A usage or configuration error, or the tool itself failed.</summary>
    public const int UsageOrInternalError = 2;
}
