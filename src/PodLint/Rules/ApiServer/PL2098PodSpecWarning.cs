using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2098: the API server's warnings about Pod-level fields (spec §2 W-24–W-26, W-37): two host aliases with the same
/// IP, an image pull secret named twice or not named, a negative <c>terminationGracePeriodSeconds</c>. The server
/// accepts the Pod and answers with a <c>Warning:</c> header.
/// </summary>
internal sealed class PL2098PodSpecWarning : IPodRule
{
    public static readonly MessageTemplate DuplicateHostAliasIP = new("duplicate-host-alias-ip",
        "duplicate ip `{ip}`: `hostAliases[{first}]` has the same IP",
        "merge the two entries: list all the `hostnames` of the IP in one host alias");

    public static readonly MessageTemplate DuplicatePullSecret = new("duplicate-image-pull-secret",
        "duplicate name `{name}`: `imagePullSecrets[{first}]` names the same secret", "remove one of the two entries");

    public static readonly MessageTemplate EmptyPullSecret = new("empty-image-pull-secret",
        "invalid empty name: an image pull secret needs the name of a Secret", "give the Secret's `name`, or remove the entry");

    public static readonly MessageTemplate NegativeGracePeriod = new("negative-grace-period",
        "`terminationGracePeriodSeconds: {value}` must be >= 0; negative values are invalid and will be treated as 1",
        "give the seconds the containers get to stop (the default is 30; 0 kills them at once)");

    public static readonly RuleDescriptor Rule = new(RuleIds.PodSpecWarning, "pod-spec-warning", RuleCategory.ApiServer, Severity.Warning,
        "A Pod should not list a host-alias IP or an image pull secret twice, leave a pull secret unnamed, or have a negative `terminationGracePeriodSeconds` (the API server warns)",
        messages: [DuplicateHostAliasIP, DuplicatePullSecret, EmptyPullSecret, NegativeGracePeriod]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;

        // The server's order: host aliases, pull secrets, then the grace period.
        var ips = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < spec.HostAliases.Count; i++)
        {
            var ip = spec.HostAliases[i].Ip;
            if (!ip.TryGetValue(out var value)) continue;
            if (ips.TryGetValue(value, out var first)) context.Report(DuplicateHostAliasIP, ip, [("ip", value), ("first", Index(first))]);
            else ips[value] = i;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < spec.ImagePullSecrets.Count; i++)
        {
            var secret = spec.ImagePullSecrets[i];
            var name = secret.Name;
            if (name.IsInvalid) continue;
            if (!name.TryGetValue(out var value) || value.Length == 0)
            {
                context.Report(EmptyPullSecret, name.IsValid ? name.Location : new Location(secret.Location.Span, secret.Location.KeySpan, name.Path));
                continue;
            }

            if (names.TryGetValue(value, out var first)) context.Report(DuplicatePullSecret, name, [("name", value), ("first", Index(first))]);
            else names[value] = i;
        }

        if (spec.TerminationGracePeriodSeconds.TryGetValue(out var grace) && grace < 0)
        {
            context.Report(NegativeGracePeriod, spec.TerminationGracePeriodSeconds, [("value", grace.ToString(CultureInfo.InvariantCulture))]);
        }
    }

    private static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);
}
