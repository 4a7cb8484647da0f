using System.Text;
using System.Text.RegularExpressions;

namespace PodLint.Rules.ApiServer.Formats;

/// <summary>
/// The API server's DNS-1123 label check of a container name (apimachinery <c>IsDNS1123Label</c>, spec §4.2): one
/// detail per failed sub-check, in the server's words. Kept minimal and self-contained, to be merged later into the
/// general format helper for metadata.
/// </summary>
internal static partial class ContainerNameFormat
{
    /// <summary>The longest DNS-1123 label, in bytes.</summary>
    public const int LabelMaxLength = 63;

    /// <summary>The server's detail when the name is too long.</summary>
    public const string TooLongDetail = "must be no more than 63 characters";

    /// <summary>The server's detail when the name is a valid DNS-1123 subdomain but has dots.</summary>
    public const string DotsDetail = "must not contain dots";

    /// <summary>The server's detail when the name does not match the label regex (two spaces before `or`, as the server writes it).</summary>
    public const string LabelRegexDetail = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    /// <summary>
    /// The details the API server reports for <paramref name="value"/> as a DNS-1123 label, in its order (length,
    /// then format); empty when the value is a valid label. An empty value is the caller's "Required" case.
    /// </summary>
    public static IReadOnlyList<string> Dns1123LabelErrors(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        List<string>? errors = null;
        if (Encoding.UTF8.GetByteCount(value) > LabelMaxLength) (errors ??= []).Add(TooLongDetail);
        if (!Label().IsMatch(value))
        {
            (errors ??= []).Add(Subdomain().IsMatch(value) ? DotsDetail : LabelRegexDetail);
        }

        return errors ?? (IReadOnlyList<string>)[];
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();
}
