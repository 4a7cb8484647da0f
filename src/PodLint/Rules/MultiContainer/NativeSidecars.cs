using System.Globalization;

namespace PodLint.Rules.MultiContainer;

/// <summary>Whether a Kubernetes version runs native sidecars (init containers with <c>restartPolicy: Always</c>).</summary>
internal static class NativeSidecars
{
    /// <summary>The first minor version with the SidecarContainers feature on by default (beta in 1.29, GA in 1.33;
    /// alpha and off in 1.28, where the API server silently drops the field).</summary>
    public const int FirstMinor = 29;

    /// <summary>Whether native sidecars are on by default in <paramref name="version"/> (<c>1.29</c> and later).</summary>
    public static bool AreAvailable(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var parts = version.Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && (major > 1 || (major == 1 && minor >= FirstMinor));
    }
}
