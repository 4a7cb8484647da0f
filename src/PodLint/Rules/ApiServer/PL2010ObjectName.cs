using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2010: a Pod's name, generateName and namespace (spec §1.A M1–M5). The name must be set (or generated from
/// <c>generateName</c>) and be a DNS-1123 subdomain; <c>generateName</c> must be one once the server appends its
/// random suffix (a trailing <c>-</c> is allowed); a namespace, when written, must be a DNS-1123 label. A workload's
/// Pod template is not checked: the server ignores a template's name and namespace.
/// </summary>
internal sealed class PL2010ObjectName : IPodRule
{
    public static readonly MessageTemplate NameRequired = new("name-required", "the Pod has no `name`: name or generateName is required",
        "give the Pod a `metadata.name` (lowercase letters, digits, `-` and `.`), or a `metadata.generateName` prefix for the server to complete", ApiErrorType.Required);

    public static readonly MessageTemplate InvalidName = new("invalid-name", "pod name `{value}` is invalid: {detail}",
        "use at most 253 lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit (e.g. `web-0`)", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidGenerateName = new("invalid-generate-name", "`generateName` `{value}` is invalid: {detail}",
        "use lowercase letters, digits, `-` and `.`, starting with a letter or digit (a trailing `-` is fine: the server appends a random suffix)", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidNamespace = new("invalid-namespace", "namespace `{value}` is invalid: {detail}",
        "use at most 63 lowercase letters, digits and `-`, starting and ending with a letter or digit (e.g. `team-a`)", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.ObjectName, "object-name", RuleCategory.ApiServer, Severity.Error,
        "A Pod needs a `name` (or `generateName`) that is a DNS-1123 subdomain, and a `namespace` that is a DNS-1123 label",
        messages: [NameRequired, InvalidName, InvalidGenerateName, InvalidNamespace]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        // ValidateObjectMeta runs on a Pod's metadata; a template's metadata gets only its labels and annotations checked.
        if (context.IsTemplate) return;
        var meta = context.Object.Metadata;
        if (meta.IsUnset)
        {
            // No metadata at all: no name either.
            var at = meta.MissingAt;
            context.Report(NameRequired, new Location(at.Span, at.KeySpan, at.Path.Field("name")));
            return;
        }

        if (meta is not { IsValid: true, Value: { } metadata }) return;

        var generateName = metadata.GenerateName;
        var hasGenerateName = generateName.IsValid && generateName.Value.Length > 0;
        if (hasGenerateName)
        {
            foreach (var detail in NameFormats.Dns1123SubdomainPrefix(generateName.Value))
            {
                context.Report(InvalidGenerateName, generateName, [("value", generateName.Value), ("detail", detail)]);
            }
        }

        var name = metadata.Name;
        if (name.IsValid && name.Value.Length > 0)
        {
            foreach (var detail in NameFormats.Dns1123Subdomain(name.Value))
            {
                context.Report(InvalidName, name, [("value", name.Value), ("detail", detail)]);
            }
        }
        else if (!name.IsInvalid && !hasGenerateName && !(generateName.IsInvalid))
        {
            // The server generates the name from generateName before it validates; without either, the name is missing.
            // A name of the wrong type is PL1001's.
            context.Report(NameRequired, name.IsAbsent ? name.MissingAt : name);
        }

        // The server fills an empty namespace from the request URL (M4); a written one must be a DNS label.
        var ns = metadata.Namespace;
        if (ns.IsValid && ns.Value.Length > 0)
        {
            foreach (var detail in NameFormats.Dns1123Label(ns.Value))
            {
                context.Report(InvalidNamespace, ns, [("value", ns.Value), ("detail", detail)]);
            }
        }
    }
}
