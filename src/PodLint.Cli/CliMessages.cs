using PodLint.Engine;
using PodLint.Rules;

namespace PodLint.Cli;

/// <summary>The CLI's own wording of errors the library or the system reports: named after the options people typed.</summary>
internal static class CliMessages
{
    /// <summary>A rejected option, as <c>--severity</c> or <c>--kubernetes-version</c> (the library names its properties).</summary>
    /// <param name="ex">The library's error.</param>
    /// <param name="versionOption">How the Kubernetes version option was typed (<c>-k</c> or <c>--kubernetes-version</c>).</param>
    public static string OptionsError(ArgumentException ex, string? versionOption = null)
    {
        if (ex.Data["rule"] is string rule)
        {
            var suggestions = RuleDocumentation.Suggest(rule).Select(c => $"`{c}`").ToList();
            var hint = suggestions.Count == 0 ? "; run `podlint rules` to list the rules"
                : "; did you mean " + (suggestions.Count == 1 ? suggestions[0] : string.Join(", ", suggestions.Take(suggestions.Count - 1)) + " or " + suggestions[^1]) + "?";
            return $"--severity names an unknown rule `{rule}`{hint}";
        }

        if (ex.Data["kubernetesVersion"] is string version)
        {
            return $"{versionOption ?? "--kubernetes-version"} `{version}` is not supported; supported versions: {string.Join(", ", PodLinter.SupportedKubernetesVersions)}";
        }

        return ex.Message.Split(" (Parameter", 2)[0];
    }

    /// <summary>The paths held nothing to check.</summary>
    public static string NoFilesToCheck(IReadOnlyList<string> paths)
    {
        var where = paths.Count == 1 ? $"`{paths[0]}` holds" : "the paths hold";
        return $"error: no files to check: {where} no *.yaml, *.yml or *.json file; check the path, or pass --allow-empty to accept this";
    }

    /// <summary>The run fails on its warnings' count alone.</summary>
    public static string TooManyWarnings(int warnings, int max) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"error: {warnings} {(warnings == 1 ? "warning" : "warnings")}, more than the {max} that --max-warnings allows");

    /// <summary>The report file could not be written: one message, in PodLint's words, naming the file once.</summary>
    public static string CannotWrite(string output, Exception ex)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        var problem = ex switch
        {
            DirectoryNotFoundException => $"the folder `{(Path.GetDirectoryName(output) is { Length: > 0 } d ? d : folder)}` does not exist",
            UnauthorizedAccessException when Directory.Exists(output) => "it is a folder",
            UnauthorizedAccessException => "permission denied",
            _ => ex.Message,
        };
        return $"cannot write the report to `{output}`: {problem}";
    }
}
