namespace PodLint.Rules.ApiServer;

/// <summary>
/// The API server's rules for relative paths inside a volume or a profile directory (spec §4.6): item, token and
/// trust-bundle paths, <c>gitRepo.directory</c>, seccomp and AppArmor Localhost profiles. Each returns the server's
/// details in its order; an empty list means the path passes.
/// </summary>
internal static class PathFormats
{
    /// <summary><c>validatePathNoBacksteps</c>: whether a <c>/</c>-separated element is <c>..</c>.</summary>
    public static bool HasBackstep(string path) => path.Split('/').Contains("..", StringComparer.Ordinal);

    /// <summary>
    /// <c>ValidateLocalNonReservedPath</c> (items, token and trust-bundle paths, §4.6): not absolute, no <c>..</c>
    /// element, not starting with <c>..</c>; the server's details, in its order.
    /// </summary>
    public static List<string> LocalNonReservedPathErrors(string path)
    {
        var errors = LocalDescendingPathErrors(path);
        if (path.StartsWith("..", StringComparison.Ordinal) && !path.StartsWith("../", StringComparison.Ordinal)) errors.Add("must not start with '..'");
        return errors;
    }

    /// <summary><c>validateLocalDescendingPath</c> (<c>gitRepo.directory</c>): not absolute, no <c>..</c> element.</summary>
    public static List<string> LocalDescendingPathErrors(string path)
    {
        var errors = new List<string>();
        if (path.StartsWith('/')) errors.Add("must be a relative path");
        if (HasBackstep(path)) errors.Add("must not contain '..'");
        return errors;
    }
}
