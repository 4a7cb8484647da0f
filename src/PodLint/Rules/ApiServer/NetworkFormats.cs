using System.Net;
using System.Net.Sockets;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// The IP address format of the API server's <c>IsValidIP</c> (spec §4.6): what Go's <c>netutils.ParseIPSloppy</c>
/// accepts, that is dotted-quad IPv4 (leading zeros allowed, read as decimal) or IPv6 (IPv4-mapped forms included),
/// without brackets, zones or the shortened IPv4 forms (<c>10.1</c>) other parsers accept.
/// </summary>
internal static class NetworkFormats
{
    /// <summary>The server's detail for a value that is not an IP address.</summary>
    public const string InvalidIPDetail = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

    /// <summary>Whether <paramref name="value"/> parses as an IP address the way the server's sloppy parser does.</summary>
    public static bool IsValidIP(string value)
    {
        if (value.Contains(':', StringComparison.Ordinal))
        {
            return value.IndexOfAny(['[', ']', '%', ' ']) < 0
                && IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }

        var parts = value.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }
}
