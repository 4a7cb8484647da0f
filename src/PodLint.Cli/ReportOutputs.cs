using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Reporting;

namespace PodLint.Cli;

/// <summary>One report to write: its format, and the file it goes to (null: standard output or <c>--output</c>).</summary>
internal sealed record ReportOutput(string Format, string? Path);

/// <summary>
/// The reports of a <c>check</c> run: <c>--format FORMAT[:PATH]</c>, repeatable, so that one run writes e.g. the text
/// report to the log and SARIF to a file for upload. At most one format has no path; it goes to <c>--output</c> or to
/// standard output.
/// </summary>
internal static class ReportOutputs
{
    public static readonly string[] Formats = ["text", "concise", "json", "sarif", "junit", "github"];

    public static string FormatList => string.Join(", ", Formats);

    /// <summary>Parses the <c>--format</c> values; on a mistake writes the message and returns false.</summary>
    public static bool TryParse(IReadOnlyList<string> values, string? output, TextWriter error, out List<ReportOutput> outputs)
    {
        outputs = [];
        foreach (var value in values.Count == 0 ? ["text"] : values)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var format = (colon < 0 ? value : value[..colon]).Trim().ToLowerInvariant();
            var path = colon < 0 ? null : value[(colon + 1)..];
            if (!Formats.Contains(format, StringComparer.Ordinal))
            {
                error.WriteLine($"error: invalid --format `{value}`: expected FORMAT or FORMAT:PATH, FORMAT one of {FormatList}");
                return false;
            }

            if (path is not null && path.Trim().Length == 0)
            {
                error.WriteLine($"error: invalid --format `{value}`: the path after `:` is empty");
                return false;
            }

            outputs.Add(new ReportOutput(format, path));
        }

        var unnamed = outputs.Where(o => o.Path is null).ToList();
        if (unnamed.Count > 1)
        {
            error.WriteLine($"error: --format {string.Join(" and ", unnamed.Select(o => $"`{o.Format}`"))} would all write to the same output: "
                + $"give all but one a file, e.g. `--format {unnamed[^1].Format}:podlint.{Extension(unnamed[^1].Format)}`");
            return false;
        }

        var twice = outputs.Select(o => o.Path is null && output is not null ? o with { Path = output } : o).Where(o => o.Path is not null).GroupBy(o => Path.GetFullPath(o.Path!), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            error.WriteLine($"error: --format writes two reports to `{twice.First().Path}`: give each its own file");
            return false;
        }

        return true;
    }

    /// <summary>Parses <c>--fail-on</c>: the lowest severity that fails the run, or null for <c>never</c>.</summary>
    public static Severity? FailAt(string failOn) => failOn switch
    {
        "never" => null,
        "info" => Severity.Info,
        "warning" => Severity.Warning,
        _ => Severity.Error,
    };

    /// <summary>The reporter of a format.</summary>
    public static IReporter Create(string format, int exitCode, Severity? failAt, int? maxWarnings, bool useColor) => format switch
    {
        "json" => new JsonReporter(),
        "concise" => new ConciseReporter(),
        "sarif" => new SarifReporter(exitCode: exitCode),
        "junit" => new JUnitReporter(failAt, maxWarnings: maxWarnings),
        "github" => new GitHubActionsReporter(),
        _ => new TextReporter(useColor),
    };

    private static string Extension(string format) => format switch
    {
        "junit" => "xml",
        "text" or "concise" or "github" => "txt",
        _ => format,
    };

    /// <summary>Writes every report; an output that cannot be written is reported on standard error (false).</summary>
    public static async Task<bool> WriteAsync(LintResult result, IReadOnlyList<ReportOutput> outputs, string? output, Func<ReportOutput, IReporter> reporterOf,
        CliConsole console)
    {
        var ok = true;
        foreach (var report in outputs)
        {
            var path = report.Path ?? output;
            if (path is null)
            {
                reporterOf(report).Write(result, console.Out);
                continue;
            }

            try
            {
                await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
                reporterOf(report).Write(result, writer);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"error: {CliMessages.CannotWrite(path, ex)}").ConfigureAwait(false);
                ok = false;
            }
        }

        return ok;
    }
}
