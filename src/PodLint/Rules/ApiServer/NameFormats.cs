using System.Globalization;
using System.Text.RegularExpressions;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// The API server's name formats (apimachinery <c>util/validation</c>, spec §4.2–§4.3): DNS-1123 labels and
/// subdomains, qualified names (label and annotation keys, finalizers, gate names) and label values. Each check
/// returns the server's detail messages, one per failed sub-check (length and/or format), in the server's order and
/// wording; an empty list means the value passes. Shared by every rule that checks one of these formats.
/// </summary>
internal static partial class NameFormats
{
    public const int Dns1123LabelMaxLength = 63;

    /// <summary>The server's detail for a DNS-1123 label that is too long.</summary>
    public static readonly string LabelTooLongDetail = MaxLength(Dns1123LabelMaxLength);

    /// <summary>The server's detail for a valid DNS-1123 subdomain used where a label is required.</summary>
    public const string NoDotsDetail = "must not contain dots";
    public const int Dns1123SubdomainMaxLength = 253;
    public const int QualifiedNameMaxLength = 63;
    public const int LabelValueMaxLength = 63;

    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const string Dns1123SubdomainWithUnderscoreFormat = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*";
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFormat = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

    private const string Dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainWithUnderscoreMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";
    private const string QualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    [GeneratedRegex("^" + Dns1123LabelFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123LabelRegex();

    [GeneratedRegex("^" + Dns1123SubdomainFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123SubdomainRegex();

    [GeneratedRegex("^" + Dns1123SubdomainWithUnderscoreFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123SubdomainWithUnderscoreRegex();

    [GeneratedRegex("^" + QualifiedNameFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNameRegex();

    [GeneratedRegex("^" + LabelValueFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValueRegex();

    /// <summary>A DNS-1123 label (<c>IsDNS1123Label</c>): at most 63 characters of <c>[a-z0-9-]</c>, alphanumeric at both ends.
    /// A valid subdomain that is not a label (it has dots) gets <c>must not contain dots</c> instead of the format message.</summary>
    public static List<string> Dns1123Label(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123LabelMaxLength) errors.Add(MaxLength(Dns1123LabelMaxLength));
        if (!Dns1123LabelRegex().IsMatch(value))
        {
            errors.Add(Dns1123SubdomainRegex().IsMatch(value)
                ? NoDotsDetail
                : RegexError(Dns1123LabelMessage, Dns1123LabelFormat, "my-name", "123-abc"));
        }

        return errors;
    }

    /// <summary>A DNS-1123 subdomain (<c>IsDNS1123Subdomain</c>): at most 253 characters, dot-separated labels.</summary>
    public static List<string> Dns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123SubdomainMaxLength) errors.Add(MaxLength(Dns1123SubdomainMaxLength));
        if (!Dns1123SubdomainRegex().IsMatch(value)) errors.Add(RegexError(Dns1123SubdomainMessage, Dns1123SubdomainFormat, "example.com"));
        return errors;
    }

    /// <summary>
    /// A DNS-1123 subdomain whose labels may start with one <c>_</c> and hold <c>_</c> inside
    /// (<c>IsDNS1123SubdomainWithUnderscore</c>, for DNS search domains such as <c>_sip._tcp.example.com</c>). Before 1.34
    /// the server's message printed the plain subdomain regex instead of the one it used (kubernetes#132034).
    /// </summary>
    public static List<string> Dns1123SubdomainWithUnderscore(string value, string kubernetesVersion)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123SubdomainMaxLength) errors.Add(MaxLength(Dns1123SubdomainMaxLength));
        if (!Dns1123SubdomainWithUnderscoreRegex().IsMatch(value))
        {
            var printed = KubernetesVersions.AtLeast(kubernetesVersion, 1, 34) ? Dns1123SubdomainWithUnderscoreFormat : Dns1123SubdomainFormat;
            errors.Add(RegexError(Dns1123SubdomainWithUnderscoreMessage, printed, "example.com"));
        }

        return errors;
    }

    /// <summary>
    /// A name that the server may complete (<c>generateName</c>, <c>NameIsDNSSubdomain(name, prefix: true)</c>): a
    /// trailing <c>-</c> is allowed, checked by replacing the last two characters with <c>a</c> (<c>maskTrailingDash</c>).
    /// </summary>
    public static List<string> Dns1123SubdomainPrefix(string value)
        => Dns1123Subdomain(value.Length > 1 && value.EndsWith('-') ? value[..^2] + "a" : value);

    /// <summary>
    /// A qualified name (<c>IsQualifiedName</c>): <c>[prefix/]name</c>, the prefix a DNS-1123 subdomain, the name at most
    /// 63 characters of <c>[A-Za-z0-9-_.]</c>, alphanumeric at both ends. The wording follows
    /// <paramref name="kubernetesVersion"/>: 1.35 and later say "a valid label key" and "bytes" (§4.3).
    /// </summary>
    public static List<string> QualifiedName(string value, string kubernetesVersion)
    {
        var errors = new List<string>();
        var newWording = KubernetesVersions.AtLeast(kubernetesVersion, 1, 35);
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0) errors.Add("prefix part must be non-empty");
                else errors.AddRange(Dns1123Subdomain(prefix).Select(m => "prefix part " + m));
                break;
            default:
                errors.Add((newWording ? "a valid label key " : "a qualified name ")
                    + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }

        if (name.Length == 0) errors.Add("name part must be non-empty");
        else if (ByteLength(name) > QualifiedNameMaxLength) errors.Add("name part " + MaxLength(QualifiedNameMaxLength, newWording));
        if (!QualifiedNameRegex().IsMatch(name)) errors.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        return errors;
    }

    /// <summary>A label value (<c>IsValidLabelValue</c>): empty, or at most 63 characters of <c>[A-Za-z0-9-_.]</c>,
    /// alphanumeric at both ends; 1.35 and later count the length in "bytes".</summary>
    public static List<string> LabelValue(string value, string kubernetesVersion)
    {
        var errors = new List<string>();
        if (ByteLength(value) > LabelValueMaxLength) errors.Add(MaxLength(LabelValueMaxLength, KubernetesVersions.AtLeast(kubernetesVersion, 1, 35)));
        if (!LabelValueRegex().IsMatch(value)) errors.Add(RegexError(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        return errors;
    }

    /// <summary>Go's <c>len</c>: the length in UTF-8 bytes.</summary>
    public static int ByteLength(string value) => System.Text.Encoding.UTF8.GetByteCount(value);

    private static string MaxLength(int length, bool bytes = false)
        => "must be no more than " + length.ToString(CultureInfo.InvariantCulture) + (bytes ? " bytes" : " characters");

    /// <summary><c>RegexError</c>: <c>msg (e.g. 'a',  or 'b', regex used for validation is 're')</c>, byte for byte
    /// (every example is followed by <c>', '</c> and every one after the first preceded by <c>' or '</c>).</summary>
    private static string RegexError(string message, string format, params string[] examples)
    {
        var sb = new System.Text.StringBuilder(message);
        sb.Append(" (e.g. ");
        for (var i = 0; i < examples.Length; i++)
        {
            if (i > 0) sb.Append(" or ");
            sb.Append('\'').Append(examples[i]).Append("', ");
        }

        sb.Append("regex used for validation is '").Append(format).Append("')");
        return sb.ToString();
    }
}
