using System.Globalization;
using System.Text.RegularExpressions;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2070: the container and Pod security contexts as the API server checks them (<c>ValidateSecurityContext</c>,
/// <c>validatePodSpecSecurityContext</c>; spec §1.I SC2–SC21, §1.M PS1–PS3, PS9–PS14): user and group ids in range,
/// <c>procMount</c> (from 1.33), the seccomp and AppArmor profile fields (AppArmor from 1.30), the combinations of
/// <c>allowPrivilegeEscalation: false</c> with <c>privileged</c> or <c>CAP_SYS_ADMIN</c>, the Windows options, and the
/// Pod-level enumerations <c>fsGroupChangePolicy</c>, <c>supplementalGroupsPolicy</c> (from 1.33) and
/// <c>seLinuxChangePolicy</c> (from 1.33). Sysctls are PL2071's.
/// </summary>
internal sealed partial class PL2070InvalidSecurityContext : IPodRule
{
    private const long MaxId = 2147483647;

    public static readonly MessageTemplate OutOfRange = new("out-of-range", "`{field}: {value}` is invalid: must be between 0 and 2147483647, inclusive",
        "give an id from 0 to 2147483647", ApiErrorType.Invalid);

    public static readonly MessageTemplate NotSupported = new("not-supported", "`{field}: {value}` is not supported (supported values: {supported})",
        "use one of {supported}", ApiErrorType.NotSupported);

    public static readonly MessageTemplate TypeRequired = new("type-required", "`{profile}.type` is empty: type is required when {profile} is set",
        "set `type` to `RuntimeDefault`, `Localhost` or `Unconfined`, or remove `{profile}`", ApiErrorType.Required);

    public static readonly MessageTemplate LocalhostRequired = new("localhost-required", "`{profile}` has type `Localhost` but no `localhostProfile`: must be set when {kind} type is Localhost",
        "name the profile in `localhostProfile`, or use type `RuntimeDefault`", ApiErrorType.Required);

    public static readonly MessageTemplate LocalhostPath = new("localhost-path", "seccomp `localhostProfile` `{value}` is invalid: {detail}",
        "give the profile's path relative to the kubelet's seccomp directory, without `..`", ApiErrorType.Invalid);

    public static readonly MessageTemplate LocalhostOnly = new("localhost-only", "`{profile}.localhostProfile` is set with type `{type}`: can only be set when {kind} type is Localhost",
        "remove `localhostProfile`, or set `type: Localhost`", ApiErrorType.Invalid);

    public static readonly MessageTemplate AppArmorPadded = new("apparmor-padded", "`appArmorProfile.localhostProfile` `{value}` is invalid: must not be padded with whitespace",
        "remove the spaces around the profile name", ApiErrorType.Invalid);

    public static readonly MessageTemplate AppArmorTooLong = new("apparmor-too-long", "`appArmorProfile.localhostProfile` is {length} bytes long: {detail}",
        "AppArmor profile names are at most 4095 bytes", ApiErrorType.TooLong);

    public static readonly MessageTemplate NoEscalationPrivileged = new("no-escalation-privileged",
        "cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
        "a privileged container can always escalate: remove `allowPrivilegeEscalation: false`, or `privileged: true`", ApiErrorType.Invalid);

    public static readonly MessageTemplate NoEscalationSysAdmin = new("no-escalation-sys-admin",
        "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN",
        "CAP_SYS_ADMIN allows escalation: drop it, or remove `allowPrivilegeEscalation: false`", ApiErrorType.Invalid);

    public static readonly MessageTemplate UnmaskedHostUsers = new("unmasked-host-users",
        "`procMount: Unmasked` is invalid: `hostUsers` must be false to use `Unmasked`",
        "set `spec.hostUsers: false` to run the Pod in a user namespace, or use `procMount: Default`", ApiErrorType.Invalid);

    public static readonly MessageTemplate WindowsOption = new("windows-option", "`{field}` `{value}` is invalid: {detail}",
        "{help}", ApiErrorType.Invalid);

    public static readonly MessageTemplate ShareProcessNamespace = new("share-process-namespace",
        "`shareProcessNamespace: true` is invalid: ShareProcessNamespace and HostPID cannot both be enabled",
        "with `hostPID: true` the containers already share the node's process namespace: remove one of the two", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.InvalidSecurityContext, "invalid-security-context", RuleCategory.ApiServer,
        Severity.Error, "Container and Pod security contexts must hold values the API server accepts: ids, profiles, Windows options and their combinations",
        messages: [OutOfRange, NotSupported, TypeRequired, LocalhostRequired, LocalhostPath, LocalhostOnly, AppArmorPadded, AppArmorTooLong,
            NoEscalationPrivileged, NoEscalationSysAdmin, UnmaskedHostUsers, WindowsOption, ShareProcessNamespace],
        appliesTo: ContainerRoles.All);

    private static readonly string[] ProfileTypes = ["Localhost", "RuntimeDefault", "Unconfined"];

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        var version = context.KubernetesVersion;
        var spec = context.Spec;
        if (spec?.SecurityContext.Value is { } pod) AnalyzePod(context, spec, pod, version);

        // The Pod uses the host's user namespace unless hostUsers is false.
        var hostUsers = spec?.HostUsers is not { IsValid: true, Value: false };
        foreach (var container in context.Containers)
        {
            if (container.SecurityContext.Value is not { } sc) continue;
            Id(context, sc.RunAsUser, "runAsUser");
            Id(context, sc.RunAsGroup, "runAsGroup");
            if (FeatureGates.ProcMountType.IsOn(version) && sc.ProcMount.TryGetValue(out var procMount))
            {
                // ProcMountType is on from 1.33; before, the server drops the field.
                if (procMount is not ("Default" or "Unmasked")) Unsupported(context, sc.ProcMount, "procMount", ["Default", "Unmasked"]);
                if (procMount == "Unmasked" && hostUsers) context.Report(UnmaskedHostUsers, sc.ProcMount);
            }

            Seccomp(context, sc.SeccompProfile);
            if (sc.AllowPrivilegeEscalation is { IsValid: true, Value: false } ape)
            {
                var at = new Location(ape.Span, ape.KeySpan, sc.ObjectPath);
                if (sc.Privileged is { IsValid: true, Value: true }) context.Report(NoEscalationPrivileged, at);
                if (sc.Capabilities.Value is { } capabilities)
                {
                    foreach (var add in capabilities.Add)
                    {
                        if (add is { IsValid: true, Value: "CAP_SYS_ADMIN" }) context.Report(NoEscalationSysAdmin, new Location(add.Span, add.KeySpan, sc.ObjectPath));
                    }
                }
            }

            Windows(context, sc.WindowsOptions);
            AppArmor(context, sc.AppArmorProfile, version);
        }
    }

    private static void AnalyzePod(PodContext context, PodSpec spec, PodSecurityContext pod, string version)
    {
        Id(context, pod.FsGroup, "fsGroup");
        Id(context, pod.RunAsUser, "runAsUser");
        Id(context, pod.RunAsGroup, "runAsGroup");
        foreach (var gid in pod.SupplementalGroups) Id(context, gid, "supplementalGroups[" + (gid.Path.LastIndex ?? 0).ToString(CultureInfo.InvariantCulture) + "]");
        if (spec.ShareProcessNamespace is { IsValid: true, Value: true } share && spec.HostPID is { IsValid: true, Value: true })
        {
            // The internal type keeps shareProcessNamespace in the security context.
            context.Report(ShareProcessNamespace, new Location(share.Span, share.KeySpan, pod.ObjectPath.Field("shareProcessNamespace")));
        }

        if (pod.FsGroupChangePolicy.TryGetValue(out var changePolicy) && changePolicy is not ("OnRootMismatch" or "Always"))
        {
            Unsupported(context, pod.FsGroupChangePolicy, "fsGroupChangePolicy", ["OnRootMismatch", "Always"]);
        }

        Seccomp(context, pod.SeccompProfile);
        Windows(context, pod.WindowsOptions);
        AppArmor(context, pod.AppArmorProfile, version);

        // Before their gates are on, the server drops the fields.
        if (FeatureGates.SupplementalGroupsPolicy.IsOn(version) && pod.SupplementalGroupsPolicy.TryGetValue(out var groupsPolicy)
            && groupsPolicy is not ("Merge" or "Strict"))
        {
            Unsupported(context, pod.SupplementalGroupsPolicy, "supplementalGroupsPolicy", ["Merge", "Strict"]);
        }

        // Only Recursive while the SELinuxMount gate is off (beta, off by default).
        if (FeatureGates.SELinuxChangePolicy.IsOn(version) && pod.SeLinuxChangePolicy.TryGetValue(out var seLinux) && seLinux != "Recursive")
        {
            Unsupported(context, pod.SeLinuxChangePolicy, "seLinuxChangePolicy", ["Recursive"]);
        }
    }

    private static void Id(PodContext context, Field<long> id, string name)
    {
        if (id.IsValid && id.Value is < 0 or > MaxId)
        {
            context.Report(OutOfRange, id, [("field", name), ("value", id.Value.ToString(CultureInfo.InvariantCulture))]);
        }
    }

    private static void Unsupported(PodContext context, Field<string> field, string name, string[] supported)
    {
        var list = string.Join(", ", supported.Select(s => $"`{s}`"));
        context.Report(NotSupported, field, [("field", name), ("value", field.Value), ("supported", list)]);
    }

    private static void Seccomp(PodContext context, Field<SeccompProfile> field)
    {
        if (field.Value is not { } profile) return;
        var type = profile.Type;
        if (type.IsValid && type.Value.Length == 0) context.Report(TypeRequired, type, [("profile", "seccompProfile")]);
        else if (type.IsValid && !ProfileTypes.Contains(type.Value, StringComparer.Ordinal)) Unsupported(context, type, "type", ProfileTypes);

        var localhost = profile.LocalhostProfile;
        if (type.IsValid && type.Value == "Localhost")
        {
            if (localhost.IsUnset) context.Report(LocalhostRequired, localhost.MissingAt, [("profile", "seccompProfile"), ("kind", "seccomp")]);
            else if (localhost.IsValid)
            {
                foreach (var detail in PathFormats.LocalDescendingPathErrors(localhost.Value)) context.Report(LocalhostPath, localhost, [("value", localhost.Value), ("detail", detail)]);
            }
        }
        else if (type.IsValid && localhost.State is FieldState.Valid)
        {
            context.Report(LocalhostOnly, localhost, [("profile", "seccompProfile"), ("type", type.Value), ("kind", "seccomp")]);
        }
    }

    private static void AppArmor(PodContext context, Field<AppArmorProfile> field, string version)
    {
        // The AppArmor fields exist from 1.30.
        if (!KubernetesVersions.AtLeast(version, 1, 30) || field.Value is not { } profile) return;
        var type = profile.Type;
        var localhost = profile.LocalhostProfile;
        if (!type.IsValid) return;
        switch (type.Value)
        {
            case "Localhost":
                if (localhost.IsUnset || (localhost.IsValid && localhost.Value.Length == 0))
                {
                    context.Report(LocalhostRequired, localhost.IsValid ? localhost.Location : localhost.MissingAt, [("profile", "appArmorProfile"), ("kind", "AppArmor")]);
                }
                else if (localhost.IsValid)
                {
                    if (localhost.Value.Trim() != localhost.Value) context.Report(AppArmorPadded, localhost, [("value", localhost.Value)]);
                    var length = NameFormats.ByteLength(localhost.Value);
                    if (length > 4095)
                    {
                        var detail = KubernetesVersions.AtLeast(version, 1, 32) ? "may not be more than 4095 bytes" : "must have at most 4095 bytes";
                        context.Report(AppArmorTooLong, localhost, [("length", length.ToString(CultureInfo.InvariantCulture)), ("detail", detail)]);
                    }
                }

                break;
            case "RuntimeDefault" or "Unconfined":
                if (localhost.State is FieldState.Valid) context.Report(LocalhostOnly, localhost, [("profile", "appArmorProfile"), ("type", type.Value), ("kind", "AppArmor")]);
                break;
            case "":
                context.Report(TypeRequired, type, [("profile", "appArmorProfile")]);
                break;
            default:
                Unsupported(context, type, "type", ProfileTypes);
                break;
        }
    }

    private static void Windows(PodContext context, Field<WindowsSecurityContextOptions> field)
    {
        if (field.Value is not { } options) return;
        if (options.GmsaCredentialSpecName.TryGetValue(out var specName))
        {
            foreach (var detail in NameFormats.Dns1123Subdomain(specName))
            {
                context.Report(WindowsOption, options.GmsaCredentialSpecName, [("field", "gmsaCredentialSpecName"), ("value", specName), ("detail", detail),
                    ("help", "name the GMSACredentialSpec resource: a DNS subdomain such as `webapp1-credspec`")]);
            }
        }

        if (options.GmsaCredentialSpec.TryGetValue(out var credentialSpec))
        {
            var detail = credentialSpec.Length == 0 ? "gmsaCredentialSpec cannot be an empty string"
                : NameFormats.ByteLength(credentialSpec) > 64 * 1024 ? "gmsaCredentialSpec size must be under 64 KiB" : null;
            if (detail is not null)
            {
                context.Report(WindowsOption, options.GmsaCredentialSpec, [("field", "gmsaCredentialSpec"), ("value", Shorten(credentialSpec)), ("detail", detail),
                    ("help", "remove `gmsaCredentialSpec` and name the credential spec in `gmsaCredentialSpecName`")]);
            }
        }

        if (options.RunAsUserName.TryGetValue(out var userName))
        {
            foreach (var detail in RunAsUserNameErrors(userName))
            {
                context.Report(WindowsOption, options.RunAsUserName, [("field", "runAsUserName"), ("value", userName), ("detail", detail),
                    ("help", "give a Windows user name, `User` or `DOMAIN\\User`")]);
            }
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    /// <summary>The server's checks of a Windows <c>runAsUserName</c> (<c>validateWindowsSecurityContextOptions</c>).</summary>
    internal static List<string> RunAsUserNameErrors(string name)
    {
        if (name.Length == 0) return ["runAsUserName cannot be an empty string"];
        if (name.Any(char.IsControl)) return ["runAsUserName cannot contain control characters"];
        var parts = name.Split('\\');
        if (parts.Length > 2) return ["runAsUserName cannot contain more than one backslash"];
        var errors = new List<string>();
        var hasDomain = parts.Length == 2;
        var domain = hasDomain ? parts[0] : string.Empty;
        var user = hasDomain ? parts[1] : parts[0];
        if (NameFormats.ByteLength(domain) >= 256) errors.Add("runAsUserName's Domain length must be under 256 characters");
        if (hasDomain && !NetBiosRegex().IsMatch(domain) && !DomainDnsRegex().IsMatch(domain)) errors.Add("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
        if (user.Length == 0) errors.Add("runAsUserName's User cannot be empty");
        else if (NameFormats.ByteLength(user) > 104) errors.Add("runAsUserName's User length must not be longer than 104 characters");
        if (OnlyDotsSpacesRegex().IsMatch(user)) errors.Add("runAsUserName's User cannot contain only periods or spaces");
        if (InvalidUserCharsRegex().IsMatch(user)) errors.Add("runAsUserName's User cannot contain the following characters: \"/\\:;|=,+*?<>@[]");
        return errors;
    }

    [GeneratedRegex("""^[^\\/:\*\?"<>|\.][^\\/:\*\?"<>|]{0,14}\z""", RegexOptions.CultureInvariant)]
    private static partial Regex NetBiosRegex();

    [GeneratedRegex(@"^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex DomainDnsRegex();

    [GeneratedRegex(@"^[\. ]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyDotsSpacesRegex();

    [GeneratedRegex("""["/\\:;|=,\+\*\?<>@\[\]]""", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidUserCharsRegex();
}
