using PodLint.Engine;

namespace PodLint.Reporting;

/// <summary>The tool that produced a report, as reports name it.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Version">Its version (semantic version, no build metadata).</param>
public sealed record ToolInfo(string Name, string Version)
{
    /// <summary>PodLint, with the library's version.</summary>
    public static ToolInfo Default { get; } = new("podlint", LibraryVersion());

    private static string LibraryVersion()
    {
        var informational = typeof(ToolInfo).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        var version = informational ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}

/// <summary>Writes a lint result in one output format.</summary>
public interface IReporter
{
    /// <summary>Writes the whole report.</summary>
    void Write(LintResult result, TextWriter writer);
}
