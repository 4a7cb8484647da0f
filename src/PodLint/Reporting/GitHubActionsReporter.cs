using System.Globalization;
using System.Text;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Reporting;

/// <summary>
/// GitHub Actions workflow commands: one <c>::error</c>, <c>::warning</c> or <c>::notice</c> (for info) per finding,
/// which the runner turns into annotations on the pull request's changed lines, and the summary line. Files are
/// named relative to the current directory (the workspace), as the runner matches them with the repository.
/// </summary>
/// <param name="baseDirectory">The folder file names are made relative to (default: the current directory).</param>
public sealed class GitHubActionsReporter(string? baseDirectory = null) : IReporter
{
    private readonly ReportPaths _paths = new(baseDirectory);

    /// <inheritdoc />
    public void Write(LintResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var d in result.Diagnostics) writer.WriteLine(Command(d));
        writer.WriteLine(TextReporter.Summary(result));
    }

    private string Command(Diagnostic d)
    {
        var command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
        var span = d.Span;
        var b = new StringBuilder(command.Length + d.Message.Length + 128);
        b.Append("::").Append(command)
            .Append(" file=").Append(EscapeProperty(_paths.Display(span.File)))
            .Append(CultureInfo.InvariantCulture, $",line={span.StartLine},col={span.StartColumn},endLine={span.EndLine},endColumn={span.EndColumn}")
            .Append(",title=").Append(EscapeProperty($"{d.RuleId} {d.RuleName}"))
            .Append("::").Append(EscapeData(d.Help is null ? d.Message : d.Message + "\nhelp: " + d.Help));
        return b.ToString();
    }

    /// <summary>Escapes a command's message as the runner unescapes it (<c>%</c>, CR and LF).</summary>
    internal static string EscapeData(string value)
        => value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value: as the message, and also <c>:</c> and <c>,</c>, which end a property.</summary>
    internal static string EscapeProperty(string value)
        => EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
