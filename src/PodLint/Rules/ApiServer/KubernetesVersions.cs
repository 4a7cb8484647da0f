using System.Globalization;

namespace PodLint.Rules.ApiServer;

/// <summary>Comparisons of the selected Kubernetes version (<c>1.33</c>) for version-gated checks (spec §6, §7).</summary>
internal static class KubernetesVersions
{
    /// <summary>Whether <paramref name="version"/> (<c>major.minor</c>) is at least <paramref name="major"/>.<paramref name="minor"/>.</summary>
    public static bool AtLeast(string version, int major, int minor)
    {
        ArgumentNullException.ThrowIfNull(version);
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0
            || !int.TryParse(version.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var vMajor)
            || !int.TryParse(version.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var vMinor))
        {
            return true;
        }

        return vMajor > major || (vMajor == major && vMinor >= minor);
    }
}
