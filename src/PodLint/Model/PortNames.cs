namespace PodLint.Model;

/// <summary>Port names as the API server accepts them (IANA_SVC_NAME): <c>ports[].name</c>, and a probe's or
/// lifecycle handler's <c>port</c> when it is a string.</summary>
internal static class PortNames
{
    /// <summary>
    /// Whether <paramref name="name"/> is an IANA_SVC_NAME: 1 to 15 characters, only <c>a-z</c>, <c>0-9</c> and
    /// <c>-</c>, at least one letter, no <c>--</c>, and no <c>-</c> at either end. A port given as the string
    /// <c>"8080"</c> is not one (it has no letter), so the API server rejects it.
    /// </summary>
    public static bool IsValid(string? name) => name is not null && Errors(name).Count == 0;

    /// <summary>The details the API server reports for a port name that is not an IANA_SVC_NAME (spec §4.5), in its
    /// order; empty for a valid name.</summary>
    public static List<string> Errors(string name)
    {
        var errors = new List<string>();
        if (System.Text.Encoding.UTF8.GetByteCount(name) > 15) errors.Add("must be no more than 15 characters");
        if (name.Length == 0 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (!name.Any(c => c is >= 'a' and <= 'z')) errors.Add("must contain at least one letter (a-z)");
        if (name.Contains("--", StringComparison.Ordinal)) errors.Add("must not contain consecutive hyphens");
        if (name.Length > 0 && (name[0] == '-' || name[^1] == '-')) errors.Add("must not begin or end with a hyphen");
        return errors;
    }

    /// <summary>The protocol of a port as the API server defaults it: <c>TCP</c> when absent or empty.</summary>
    public static string ProtocolOf(ContainerPort port) => port.Protocol.Value is { Length: > 0 } p ? p : "TCP";
}
