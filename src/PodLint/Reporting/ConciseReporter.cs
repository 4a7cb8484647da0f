using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Reporting;

/// <summary>
/// One line per finding, as Ruff's and ESLint's compact formats (<c>file:line:col: severity[ID] message</c>), that
/// editors and <c>grep</c> read, and the summary line.
/// </summary>
public sealed class ConciseReporter : IReporter
{
    /// <inheritdoc />
    public void Write(LintResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var d in result.Diagnostics) writer.WriteLine(Line(d));
        writer.WriteLine(TextReporter.Summary(result));
    }

    /// <summary>The line of one finding: <c>deploy/pod.yaml:17:44: warning[PL3001] container port …</c>.</summary>
    public static string Line(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var message = diagnostic.Message.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture,
            $"{diagnostic.Span}: {SeverityNames.Of(diagnostic.Severity)}[{diagnostic.RuleId}] {message}");
    }
}

/// <summary>Severity names as reports write them.</summary>
internal static class SeverityNames
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
