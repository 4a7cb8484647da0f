using System.Globalization;

namespace PodLint.Rules.ApiServer;

/// <summary>Comparisons of the selected Kubernetes version (<c>1.33</c>) for version-gated checks (spec §6, §7).</summary>
internal static class KubernetesVersions
{
    /// <summary>Whether <paramref name="version"/> (<c>major.minor</c>) is at least <paramref name="major"/>.<paramref name="minor"/>.</summary>
    public static bool AtLeast(string version, int major, int minor)
        => !TryParse(version, out var vMajor, out var vMinor) || vMajor > major || (vMajor == major && vMinor >= minor);

    /// <summary>The minor version of a <c>1.x</c> version (<c>1.33</c> → 33); false for anything else.</summary>
    public static bool TryMinor(string version, out int minor)
    {
        var parsed = TryParse(version, out var major, out minor);
        return parsed && major == 1;
    }

    private static bool TryParse(string version, out int major, out int minor)
    {
        ArgumentNullException.ThrowIfNull(version);
        minor = 0;
        major = 0;
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        return dot >= 0
            && int.TryParse(version.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out major)
            && int.TryParse(version.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }
}
