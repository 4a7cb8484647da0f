using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2092: <c>spec.dnsConfig</c> as <c>validatePodDNSConfig</c> checks it (spec §1.O D1–D9): with
/// <c>dnsPolicy: None</c> a <c>dnsConfig</c> with at least one nameserver; at most 3 nameservers, each an IP address;
/// at most 32 search domains, 2048 characters together, each a DNS subdomain (a trailing <c>.</c> allowed; from 1.33
/// also <c>_</c> and a lone <c>.</c>, RelaxedDNSSearchValidation); every option named.
/// </summary>
internal sealed class PL2092DnsConfig : IPodRule
{
    public const int MaxNameservers = 3;
    public const int MaxSearches = 32;
    public const int MaxSearchListLength = 2048;

    public static readonly MessageTemplate ConfigRequired = new("dns-config-required", "must provide `dnsConfig` when `dnsPolicy` is None",
        "add `dnsConfig` with the `nameservers` the Pod should use, or choose another `dnsPolicy` (`ClusterFirst` is the default)", ApiErrorType.Required);

    public static readonly MessageTemplate NameserverRequired = new("nameserver-required", "must provide at least one DNS nameserver when `dnsPolicy` is None",
        "add `nameservers` to `dnsConfig` (e.g. `[10.96.0.10]`): with `dnsPolicy: None` the Pod gets no other resolver", ApiErrorType.Required);

    public static readonly MessageTemplate TooManyNameservers = new("too-many-nameservers", "must not have more than 3 nameservers ({count} given)",
        "keep at most 3 nameservers: the resolver reads no more", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidNameserver = new("invalid-nameserver", "nameserver `{value}` is invalid: " + NetworkFormats.InvalidIPDetail,
        "write the nameserver as an IPv4 or IPv6 address, not a hostname", ApiErrorType.Invalid);

    public static readonly MessageTemplate TooManySearches = new("too-many-searches", "must not have more than 32 search paths ({count} given)",
        "keep at most 32 search domains", ApiErrorType.Invalid);

    public static readonly MessageTemplate SearchesTooLong = new("searches-too-long",
        "must not have more than 2048 characters (including spaces) in the search list ({count} given)",
        "shorten or remove search domains: joined with spaces they may take at most 2048 characters", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidSearch = new("invalid-search", "search domain `{value}` is invalid: {detail}",
        "{help}", ApiErrorType.Invalid);

    public static readonly MessageTemplate OptionNameRequired = new("option-name-required", "a DNS option's `name` must not be empty",
        "give the resolver option's `name` (e.g. `ndots`), or remove the option", ApiErrorType.Required);

    public static readonly RuleDescriptor Rule = new(RuleIds.DnsConfig, "dns-config", RuleCategory.ApiServer, Severity.Error,
        "A Pod's `dnsConfig` needs nameservers when `dnsPolicy` is `None`, at most 3 nameservers that are IP addresses, at most 32 search domains (2048 characters) that are DNS names, and named options",
        messages: [ConfigRequired, NameserverRequired, TooManyNameservers, InvalidNameserver, TooManySearches, SearchesTooLong, InvalidSearch, OptionNameRequired]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        var config = spec.DnsConfig;
        if (spec.DnsPolicy.TryGetValue(out var policy) && policy == "None")
        {
            // Both return early on the server: nothing else of dnsConfig is checked.
            if (config.IsUnset)
            {
                context.Report(ConfigRequired, spec.DnsPolicy.Location with { Path = config.Path });
                return;
            }

            if (config is { IsValid: true, Value.Nameservers: { Count: 0, IsInvalid: false } missing })
            {
                context.Report(NameserverRequired, missing.IsUnset ? new Location(config.KeySpan, config.KeySpan, missing.Path) : missing.Location);
                return;
            }
        }

        if (config is not { IsValid: true, Value: { } dns }) return;

        if (dns.Nameservers.Count > MaxNameservers)
        {
            context.Report(TooManyNameservers, dns.Nameservers.Location.AtKey, [("count", Count(dns.Nameservers.Count))]);
        }

        foreach (var nameserver in dns.Nameservers)
        {
            if (nameserver.TryGetValue(out var ip) && !NetworkFormats.IsValidIP(ip)) context.Report(InvalidNameserver, nameserver, [("value", ip)]);
        }

        CheckSearches(context, dns.Searches);

        foreach (var option in dns.Options)
        {
            // The server reports at the option (`options[0]`), not at its name.
            if (option.Name.IsInvalid || (option.Name.TryGetValue(out var name) && name.Length > 0)) continue;
            context.Report(OptionNameRequired, option.Name.IsValid ? option.Name.Location with { Path = option.Location.Path } : option.Location);
        }
    }

    private static void CheckSearches(PodContext context, ListField<Field<string>> searches)
    {
        if (searches.Count > MaxSearches) context.Report(TooManySearches, searches.Location.AtKey, [("count", Count(searches.Count))]);

        var values = searches.Where(s => s.IsValid).Select(s => s.Value).ToList();
        var length = values.Sum(NameFormats.ByteLength) + Math.Max(0, values.Count - 1);
        if (length > MaxSearchListLength) context.Report(SearchesTooLong, searches.Location.AtKey, [("count", Count(length))]);

        // RelaxedDNSSearchValidation: alpha 1.32, beta (on) 1.33, GA 1.34.
        var relaxed = KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 33);
        foreach (var search in searches)
        {
            if (!search.TryGetValue(out var value) || (relaxed && value == ".")) continue;
            var trimmed = value.EndsWith('.') ? value[..^1] : value;
            var details = relaxed ? NameFormats.Dns1123SubdomainWithUnderscore(trimmed, context.KubernetesVersion) : NameFormats.Dns1123Subdomain(trimmed);
            var help = relaxed
                ? "write a lowercase DNS name (letters, digits, `-`, `_` and `.`, a label starting and ending with a letter or digit, e.g. `svc.cluster.local`)"
                : "write a lowercase DNS name (letters, digits, `-` and `.`, starting and ending with a letter or digit, e.g. `svc.cluster.local`); `_` is accepted from Kubernetes 1.33";
            foreach (var detail in details) context.Report(InvalidSearch, search, [("value", value), ("detail", detail), ("help", help)]);
        }
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
