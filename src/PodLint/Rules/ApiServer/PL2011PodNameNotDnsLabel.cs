using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2011: the API server warns when a Pod's name is a valid DNS-1123 subdomain but not a DNS-1123 label (it has dots,
/// or more than 63 characters): the name becomes the Pod's hostname (spec §2 W-1). A name the server rejects is
/// PL2010's, and is not warned about as well (warnings come only with an accepted Pod).
/// </summary>
internal sealed class PL2011PodNameNotDnsLabel : IPodRule
{
    public static readonly MessageTemplate NotALabel = new("not-a-label",
        "pod name `{value}` is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: {detail}",
        "use a name of at most 63 lowercase letters, digits and `-`, without dots (e.g. `{suggestion}`), or set `spec.hostname`");

    public static readonly RuleDescriptor Rule = new(RuleIds.PodNameNotDnsLabel, "pod-name-not-dns-label", RuleCategory.ApiServer, Severity.Warning,
        "A Pod's name should be a DNS-1123 label (no dots, at most 63 characters): it becomes the Pod's hostname",
        messages: [NotALabel]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.IsTemplate || context.Object.Metadata is not { IsValid: true, Value: { } metadata }) return;
        var name = metadata.Name;
        if (name.IsValid && name.Value.Length > 0)
        {
            if (NameFormats.Dns1123Subdomain(name.Value).Count > 0) return;
            Warn(context, name.Value, name.Location, NameFormats.Dns1123Label(name.Value));
            return;
        }

        // Without a name the server generates one before it validates and warns: generateName, cut to 58 characters,
        // and 5 random ones. It is at most 63 characters; only the dots of generateName make it no DNS label.
        var generateName = metadata.GenerateName;
        if (name.IsInvalid || !generateName.IsValid || generateName.Value.Length == 0) return;
        if (NameFormats.Dns1123SubdomainPrefix(generateName.Value).Count > 0) return;
        var prefix = generateName.Value.Length > 58 ? generateName.Value[..58] : generateName.Value;
        if (!prefix.Contains('.', StringComparison.Ordinal)) return;
        var at = generateName.Location;
        Warn(context, prefix + "xxxxx", new Location(at.Span, at.KeySpan, name.Path), ["must not contain dots"]);
    }

    private static void Warn(PodContext context, string name, Location at, List<string> errors)
    {
        if (errors.Count == 0) return;
        var suggestion = name.Replace('.', '-');
        if (suggestion.Length > NameFormats.Dns1123LabelMaxLength) suggestion = suggestion[..NameFormats.Dns1123LabelMaxLength].TrimEnd('-');
        // The server prints the list of label errors as Go's %v of a []string: [a b].
        context.Report(NotALabel, at, [("value", name), ("detail", "[" + string.Join(' ', errors) + "]"), ("suggestion", suggestion)]);
    }
}
