using PodLint.Diagnostics;
using PodLint.Engine;

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

    /// <summary>The exit code of a check run: 2 when the tool failed; 1 when a finding is at or above
    /// <paramref name="failAt"/> (null: never), or when there are more than <paramref name="maxWarnings"/> warnings; else 0.</summary>
    public static int Of(LintResult result, Severity? failAt, int? maxWarnings)
    {
        if (result.Diagnostics.Any(d => d.RuleId == RuleIds.InternalError)) return UsageOrInternalError;
        if (failAt is { } at && result.Diagnostics.Any(d => d.Severity >= at)) return ErrorsFound;
        return TooManyWarnings(result, maxWarnings) ? ErrorsFound : Success;
    }

    /// <summary>Whether the run has more warnings than <c>--max-warnings</c> allows (null: no limit).</summary>
    public static bool TooManyWarnings(LintResult result, int? maxWarnings) => maxWarnings is { } max && result.WarningCount > max;
}
