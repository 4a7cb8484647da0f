namespace PodLint.Reporting;

/// <summary>
/// How reports for other tools name files: relative to a base folder (the current directory) when the file is under
/// it, with <c>/</c> separators, so that CI systems can match them with the repository's paths.
/// </summary>
internal sealed class ReportPaths
{
    private readonly string _base;

    /// <summary>Paths relative to <paramref name="baseDirectory"/> (default: the current directory).</summary>
    public ReportPaths(string? baseDirectory)
    {
        var full = Path.GetFullPath(baseDirectory ?? Environment.CurrentDirectory).Replace('\\', '/');
        _base = full.EndsWith('/') ? full : full + "/";
    }

    /// <summary>The base folder as an absolute <c>file:</c> URI ending in <c>/</c>.</summary>
    public string BaseUri => new Uri(_base).AbsoluteUri;

    /// <summary>The file relative to the base folder (<c>deploy/pod.yaml</c>), or null when it is not under it.</summary>
    public string? Relative(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var normalized = file.Replace('\\', '/');
        if (!Path.IsPathRooted(normalized) && !normalized.StartsWith("../", StringComparison.Ordinal) && normalized != "..")
        {
            // As the user named it, relative to where the run started; "./x" is "x".
            while (normalized.StartsWith("./", StringComparison.Ordinal)) normalized = normalized[2..];
            return normalized;
        }

        var full = Path.GetFullPath(normalized, _base).Replace('\\', '/');
        return full.StartsWith(_base, StringComparison.Ordinal) ? full[_base.Length..] : null;
    }

    /// <summary>The file as reports show it: relative when under the base folder, else as given.</summary>
    public string Display(string file) => Relative(file) ?? file.Replace('\\', '/');

    /// <summary>The file as a URI: a relative reference (each segment escaped) and true when it is under the base
    /// folder, else an absolute <c>file:</c> URI and false.</summary>
    public (string Uri, bool IsRelative) ToUri(string file)
    {
        if (Relative(file) is { } relative)
        {
            return (string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)), true);
        }

        return (new Uri(Path.GetFullPath(file, _base)).AbsoluteUri, false);
    }
}
