using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2091: the names and addresses a Pod spec refers to (spec §1.B S8–S13, S17–S22): <c>serviceAccountName</c>,
/// <c>nodeName</c>, <c>priorityClassName</c>, <c>runtimeClassName</c> and host-alias hostnames are DNS-1123 subdomains;
/// <c>hostname</c> and <c>subdomain</c> DNS-1123 labels; readiness-gate condition types and scheduling-gate names
/// qualified names (gate names unique); <c>nodeSelector</c> keys qualified names and values label values; host-alias
/// IPs IP addresses; from 1.35 <c>hostnameOverride</c> (§7.3). Each failed check is its own finding with the server's
/// detail.
/// </summary>
internal sealed class PL2091PodSpecName : IPodRule
{
    public static readonly MessageTemplate InvalidName = new("invalid-name", "{subject} is invalid: {detail}", "{help}", ApiErrorType.Invalid);

    public static readonly MessageTemplate DuplicateGate = new("duplicate-scheduling-gate", "scheduling gate `{value}` is declared twice",
        "remove the second `{value}`: a gate is cleared by removing it, once", ApiErrorType.Duplicate);

    public static readonly MessageTemplate InvalidIP = new("invalid-host-alias-ip", "host alias IP `{value}` is invalid: " + NetworkFormats.InvalidIPDetail,
        "write an IPv4 address (`10.9.8.7`) or an IPv6 address (`2001:db8::ffff`), without brackets or a port", ApiErrorType.Invalid);

    public static readonly MessageTemplate HostnameOverrideForbidden = new("hostname-override-forbidden",
        "`hostnameOverride` may not be specified when `{other}` is true",
        "remove `hostnameOverride`, or remove `{other}: true`: {why}", ApiErrorType.Forbidden);

    public static readonly MessageTemplate HostnameOverrideTooLong = new("hostname-override-too-long",
        "`hostnameOverride` may not be more than 64 bytes ({length} given)",
        "shorten the hostname to at most 64 characters: it becomes the container's hostname", ApiErrorType.TooLong);

    public static readonly RuleDescriptor Rule = new(RuleIds.PodSpecName, "pod-spec-name", RuleCategory.ApiServer, Severity.Error,
        "Names in a Pod spec must have the server's formats: service account, node, priority class, runtime class and host-alias names DNS-1123 subdomains, `hostname` and `subdomain` DNS-1123 labels, gate names and node-selector keys qualified names, host-alias IPs addresses",
        messages: [InvalidName, DuplicateGate, InvalidIP, HostnameOverrideForbidden, HostnameOverrideTooLong]);

    private const string SubdomainHelp = "use at most 253 lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit";
    private const string LabelHelp = "use at most 63 lowercase letters, digits and `-`, starting and ending with a letter or digit";
    private const string QualifiedHelp = "use an optional DNS prefix and `/`, then at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit (e.g. `example.com/ready`)";
    private const string LabelValueHelp = "use at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit, or an empty string";

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        var version = context.KubernetesVersion;

        var selector = spec.NodeSelector;
        foreach (var entry in selector)
        {
            if (entry.Key is not { } key) continue;
            // ValidateLabels: key and value errors alike at `spec.nodeSelector`, without the key.
            var at = new Location(entry.KeySpan, entry.KeySpan, selector.Path);
            Report(context, at, $"node selector key `{key}`", NameFormats.QualifiedName(key, version), QualifiedHelp);
            if (entry.TryGetValue(out var value))
            {
                Report(context, entry.Location with { Path = selector.Path }, $"node selector value `{Quote(value)}` of `{key}`", NameFormats.LabelValue(value, version), LabelValueHelp);
            }
        }

        foreach (var gate in spec.ReadinessGates)
        {
            if (gate.ConditionType.TryGetValue(out var type)) Report(context, gate.ConditionType, Field("conditionType", type), NameFormats.QualifiedName(type, version), QualifiedHelp);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gate in spec.SchedulingGates)
        {
            if (!gate.Name.TryGetValue(out var name)) continue;
            // validateSchedulingGates reports at the gate (`spec.schedulingGates[0]`), not at its `name`.
            var at = gate.Name.Location with { Path = gate.Location.Path };
            Report(context, at, $"scheduling gate name `{Quote(name)}`", NameFormats.QualifiedName(name, version), QualifiedHelp);
            if (!seen.Add(name)) context.Report(DuplicateGate, at, [("value", name)]);
        }

        HostnameOverride(context, spec);
        Subdomain(context, spec.ServiceAccountName, "serviceAccountName");
        Subdomain(context, spec.NodeName, "nodeName");
        Label(context, spec.Hostname, "hostname");
        Label(context, spec.Subdomain, "subdomain");

        foreach (var alias in spec.HostAliases)
        {
            if (alias.Ip.TryGetValue(out var ip) && !NetworkFormats.IsValidIP(ip)) context.Report(InvalidIP, alias.Ip, [("value", ip)]);
            foreach (var hostname in alias.Hostnames)
            {
                if (hostname.TryGetValue(out var host)) Report(context, hostname, $"host alias hostname `{Quote(host)}`", NameFormats.Dns1123Subdomain(host), SubdomainHelp);
            }
        }

        Subdomain(context, spec.PriorityClassName, "priorityClassName");
        // An empty runtimeClassName is checked too (it is a pointer on the server): "" fails the format.
        if (spec.RuntimeClassName.TryGetValue(out var runtimeClass))
        {
            Report(context, spec.RuntimeClassName, Field("runtimeClassName", runtimeClass), NameFormats.Dns1123Subdomain(runtimeClass), SubdomainHelp);
        }
    }

    /// <summary>
    /// <c>spec.hostnameOverride</c> (spec §7.3, gate HostnameOverride: alpha in 1.34, where the server drops the field,
    /// beta and on from 1.35): not with <c>setHostnameAsFQDN</c> or <c>hostNetwork</c>, at most 64 bytes, a DNS-1123
    /// subdomain. An empty string is checked too.
    /// </summary>
    private static void HostnameOverride(PodContext context, PodSpec spec)
    {
        var field = spec.HostnameOverride;
        if (!field.TryGetValue(out var value) || !FeatureGates.HostnameOverride.IsOn(context.KubernetesVersion)) return;
        if (spec.SetHostnameAsFQDN is { IsValid: true, Value: true })
        {
            context.Report(HostnameOverrideForbidden, field, [("other", "setHostnameAsFQDN"), ("why", "the FQDN is derived from the Pod's own hostname")]);
        }

        if (spec.HostNetwork is { IsValid: true, Value: true })
        {
            context.Report(HostnameOverrideForbidden, field, [("other", "hostNetwork"), ("why", "on the host network the container has the node's hostname")]);
        }

        var length = NameFormats.ByteLength(value);
        if (length > 64) context.Report(HostnameOverrideTooLong, field, [("length", length.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Report(context, field, Field("hostnameOverride", value), NameFormats.Dns1123Subdomain(value), SubdomainHelp);
    }

    private static void Subdomain(PodContext context, Field<string> field, string name)
    {
        // An empty value means "not set" to the server.
        if (field.TryGetValue(out var value) && value.Length > 0) Report(context, field, Field(name, value), NameFormats.Dns1123Subdomain(value), SubdomainHelp);
    }

    private static void Label(PodContext context, Field<string> field, string name)
    {
        if (field.TryGetValue(out var value) && value.Length > 0) Report(context, field, Field(name, value), NameFormats.Dns1123Label(value), LabelHelp);
    }

    private static void Report(PodContext context, ILocated at, string subject, List<string> details, string help)
    {
        foreach (var detail in details) context.Report(InvalidName, at, [("subject", subject), ("detail", detail), ("help", help)]);
    }

    private static string Field(string name, string value) => $"`{name}: {Quote(value)}`";

    /// <summary>An empty value is shown as <c>""</c>, so that the message still says what was written.</summary>
    private static string Quote(string value) => value.Length == 0 ? "\"\"" : value;
}
