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
    public static bool IsValid(string? name)
    {
        if (name is not { Length: > 0 and <= 15 }) return false;
        if (name[0] == '-' || name[^1] == '-') return false;
        var letter = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is >= 'a' and <= 'z') letter = true;
            else if (c == '-') { if (name[i - 1] == '-') return false; }
            else if (c is not (>= '0' and <= '9')) return false;
        }

        return letter;
    }

    /// <summary>The protocol of a port as the API server defaults it: <c>TCP</c> when absent or empty.</summary>
    public static string ProtocolOf(ContainerPort port) => port.Protocol.Value is { Length: > 0 } p ? p : "TCP";
}
