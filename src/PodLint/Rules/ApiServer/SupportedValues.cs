namespace PodLint.Rules.ApiServer;

/// <summary>
/// The API server's <c>NotSupported</c> errors list the values a field accepts; these helpers print that list and the
/// help for a value that is not in it, the same way in every rule.
/// </summary>
internal static class SupportedValues
{
    /// <summary>Whether <paramref name="value"/> is one of <paramref name="supported"/> (the server compares case-sensitively).</summary>
    public static bool Contains(IReadOnlyList<string> supported, string value) => supported.Contains(value, StringComparer.Ordinal);

    /// <summary>The supported values for a message, in the server's order: <c>`Always`, `OnFailure`, `Never`</c>.</summary>
    public static string List(IReadOnlyList<string> supported) => string.Join(", ", supported.Select(s => $"`{s}`"));

    /// <summary>
    /// The help for an unsupported value: the supported value it differs from only in case or surrounding spaces, if
    /// there is one, else <paramref name="otherwise"/>.
    /// </summary>
    public static string Help(IReadOnlyList<string> supported, string value, string otherwise)
    {
        var match = supported.FirstOrDefault(s => string.Equals(s, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is not null ? $"write `{match}`: the values are case-sensitive" : otherwise;
    }
}
