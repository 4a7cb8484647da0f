using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2062: dynamic resource allocation as the API server checks it (spec §1.H R12–R21), from Kubernetes 1.34, when
/// DynamicResourceAllocation is on by default (before, the server drops the fields): each <c>spec.resourceClaims</c>
/// entry has a unique DNS-1123 label name and exactly one of <c>resourceClaimName</c> and
/// <c>resourceClaimTemplateName</c>, a DNS subdomain; each container's <c>resources.claims</c> entry names one of them
/// once, with an optional <c>request</c> that is a DNS-1123 label.
/// </summary>
internal sealed class PL2062InvalidResourceClaims : IPodRule
{
    public static readonly MessageTemplate NameRequired = new("name-required", "resource claim name is empty",
        "{help}", ApiErrorType.Required);

    public static readonly MessageTemplate BadName = new("bad-name", "`{field}` `{value}` is invalid: {detail}",
        "{help}", ApiErrorType.Invalid);

    public static readonly MessageTemplate DuplicateClaim = new("duplicate-claim", "resource claim `{name}` is already declared",
        "give each entry of `spec.resourceClaims` its own name", ApiErrorType.Duplicate);

    public static readonly MessageTemplate Source = new("source", "resource claim `{name}` is invalid: {detail}",
        "set exactly one of `resourceClaimName` (an existing ResourceClaim) and `resourceClaimTemplateName` (a ResourceClaimTemplate)", ApiErrorType.Invalid);

    public static readonly MessageTemplate DuplicateReference = new("duplicate-reference", "resource claim `{key}` is already referenced by this container",
        "reference each claim (or each request of a claim) once, and not the whole claim after one of its requests", ApiErrorType.Duplicate);

    public static readonly MessageTemplate NotFound = new("not-found", "resource claim `{name}` not found: must be one of the names in pod.spec.resourceClaims{names}",
        "declare the claim in `spec.resourceClaims`, or name one that is declared", ApiErrorType.NotFound);

    public static readonly RuleDescriptor Rule = new(RuleIds.InvalidResourceClaims, "invalid-resource-claims", RuleCategory.ApiServer, Severity.Error,
        "Pod resource claims need unique names and one source, and containers may reference only the Pod's claims, once each",
        messages: [NameRequired, BadName, DuplicateClaim, Source, DuplicateReference, NotFound], appliesTo: ContainerRoles.All);

    private const string LabelHelp = "a DNS-1123 label: at most 63 lowercase letters, digits and `-`, starting and ending with a letter or digit";

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (!FeatureGates.DynamicResourceAllocation.IsOn(context.KubernetesVersion) || context.Spec is not { } spec) return;
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var claim in spec.ResourceClaims)
        {
            var name = claim.Name;
            var shown = name.IsValid ? name.Value : "";
            if (name.IsValid && name.Value.Length == 0) context.Report(NameRequired, name, [("help", "name the claim, e.g. `gpu`")]);
            else if (name.IsValid && declared.Contains(name.Value)) context.Report(DuplicateClaim, name, [("name", name.Value)]);
            else if (name.IsValid)
            {
                foreach (var detail in NameFormats.Dns1123Label(name.Value)) context.Report(BadName, name, [("field", "name"), ("value", name.Value), ("detail", detail), ("help", LabelHelp)]);
                declared.Add(name.Value);
            }

            var hasClaim = !claim.ResourceClaimName.IsUnset;
            var hasTemplate = !claim.ResourceClaimTemplateName.IsUnset;
            var at = name.IsUnset ? claim.Location.AtKey : new Location(name.Span, name.KeySpan, claim.Location.Path);
            if (hasClaim && hasTemplate) context.Report(Source, at, [("name", shown), ("detail", "at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified")]);
            if (!hasClaim && !hasTemplate) context.Report(Source, at, [("name", shown), ("detail", "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`")]);
            Subdomain(context, claim.ResourceClaimName, "resourceClaimName");
            Subdomain(context, claim.ResourceClaimTemplateName, "resourceClaimTemplateName");
        }

        var names = declared.Count == 0 ? " which is empty" : ": " + string.Join(", ", declared);
        foreach (var container in context.Containers)
        {
            if (container.Resources.Value is not { } resources) continue;
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var withRequests = new HashSet<string>(StringComparer.Ordinal);
            foreach (var claim in resources.Claims)
            {
                var name = claim.Name;
                var request = claim.Request;
                var key = name.IsValid ? name.Value : "";
                if (request.IsValid && request.Value.Length > 0)
                {
                    foreach (var detail in NameFormats.Dns1123Label(request.Value)) context.Report(BadName, request, [("field", "request"), ("value", request.Value), ("detail", detail), ("help", LabelHelp)]);
                    key += "/" + request.Value;
                }

                if (!name.IsValid) continue;
                var at = new Location(name.Span, name.KeySpan, claim.Location.Path);
                if (name.Value.Length == 0)
                {
                    context.Report(NameRequired, name, [("help", "name one of the Pod's `spec.resourceClaims`")]);
                    continue;
                }

                // The same reference twice, or a whole claim after a request of it.
                var whole = key == name.Value;
                if (keys.Contains(key) || (whole && withRequests.Contains(key))) context.Report(DuplicateReference, at, [("key", key)]);
                keys.Add(key);
                if (!whole) withRequests.Add(name.Value);
                if (!declared.Contains(name.Value)) context.Report(NotFound, at, [("name", name.Value), ("names", names)]);
            }
        }
    }

    private static void Subdomain(PodContext context, Field<string> field, string name)
    {
        if (!field.TryGetValue(out var value)) return;
        foreach (var detail in NameFormats.Dns1123Subdomain(value))
        {
            context.Report(BadName, field, [("field", name), ("value", value), ("detail", detail), ("help", "name the object: a DNS subdomain of lowercase letters, digits, `-` and `.`")]);
        }
    }
}
