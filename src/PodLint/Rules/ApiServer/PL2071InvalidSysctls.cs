using System.Globalization;
using System.Text.RegularExpressions;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2071: the Pod's <c>securityContext.sysctls</c> as the API server checks them (<c>validateSysctls</c>, spec §1.M
/// PS4–PS8): a name that is set, well formed (dots or slashes as separators, at most 253 characters) and not repeated;
/// no sysctl of the network namespace with <c>hostNetwork: true</c>, and none of the IPC namespace with
/// <c>hostIPC: true</c> (the Pod would change the node's own settings). Whether a sysctl is safe is not the API
/// server's business (the kubelet decides); the Pod Security Standards check it.
/// </summary>
internal sealed partial class PL2071InvalidSysctls : IPodRule
{
    private const string SysctlPattern = @"^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";

    public static readonly MessageTemplate NameRequired = new("name-required", "sysctl name is empty",
        "give the sysctl's name, e.g. `net.ipv4.ip_local_port_range`", ApiErrorType.Required);

    public static readonly MessageTemplate BadName = new("bad-name",
        "sysctl name `{name}` is invalid: must have at most 253 characters and match regex " + SysctlPattern,
        "write the name in lowercase with `.` (or `/`) between its parts, e.g. `kernel.shm_rmid_forced`", ApiErrorType.Invalid);

    public static readonly MessageTemplate Duplicate = new("duplicate", "sysctl `{name}` is already set by `sysctls[{first}]`",
        "set each sysctl once", ApiErrorType.Duplicate);

    public static readonly MessageTemplate HostNetwork = new("host-network", "sysctl `{name}` is invalid: may not be specified when 'hostNetwork' is true",
        "a Pod on the node's network would change the node's own settings: remove the sysctl, or `hostNetwork: true`", ApiErrorType.Invalid);

    public static readonly MessageTemplate HostIpc = new("host-ipc", "sysctl `{name}` is invalid: may not be specified when 'hostIPC' is true",
        "a Pod in the node's IPC namespace would change the node's own settings: remove the sysctl, or `hostIPC: true`", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.InvalidSysctls, "invalid-sysctls", RuleCategory.ApiServer, Severity.Error,
        "Pod sysctls must have valid, distinct names, and none of a namespace the Pod shares with the node",
        messages: [NameRequired, BadName, Duplicate, HostNetwork, HostIpc]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec || spec.SecurityContext.Value is not { } pod) return;
        var hostNetwork = spec.HostNetwork is { IsValid: true, Value: true };
        var hostIpc = spec.HostIPC is { IsValid: true, Value: true };
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sysctl in pod.Sysctls)
        {
            var name = sysctl.Name;
            if (!name.IsValid) continue;
            var value = name.Value;
            var index = sysctl.Location.Path.LastIndex ?? 0;
            if (value.Length == 0) context.Report(NameRequired, name);
            else if (!IsValidName(value)) context.Report(BadName, name, [("name", value)]);
            else if (seen.TryGetValue(value, out var first)) context.Report(Duplicate, name, [("name", value), ("first", first.ToString(CultureInfo.InvariantCulture))]);

            var ns = Namespace(value);
            if (hostNetwork && ns == "net") context.Report(HostNetwork, name, [("name", value)]);
            else if (hostIpc && ns == "ipc") context.Report(HostIpc, name, [("name", value)]);
            seen.TryAdd(value, index);
        }
    }

    /// <summary><c>IsValidSysctlName</c>: at most 253 characters, lowercase parts separated by <c>.</c> or <c>/</c>.</summary>
    internal static bool IsValidName(string name) => name.Length <= 253 && SysctlRegex().IsMatch(name);

    /// <summary>
    /// The kernel namespace of a sysctl (<c>k8s.io/component-helpers/node/util/sysctl</c> <c>GetNamespace</c>): <c>net</c>
    /// for <c>net.*</c>, <c>ipc</c> for <c>kernel.sem</c>, <c>kernel.shm*</c>, <c>kernel.msg*</c> and <c>fs.mqueue.*</c>;
    /// null for the others. A name written with <c>/</c> separators is read with dots.
    /// </summary>
    internal static string? Namespace(string name)
    {
        var normalized = ToDots(name);
        if (normalized == "kernel.sem") return "ipc";
        if (normalized.StartsWith("kernel.shm", StringComparison.Ordinal) || normalized.StartsWith("kernel.msg", StringComparison.Ordinal)
            || normalized.StartsWith("fs.mqueue.", StringComparison.Ordinal)) return "ipc";
        if (normalized.StartsWith("net.", StringComparison.Ordinal)) return "net";
        return null;
    }

    /// <summary><c>ConvertSysctlVariableToDotsSeparator</c>: when the first separator is <c>/</c>, swap <c>/</c> and <c>.</c>.</summary>
    private static string ToDots(string name)
    {
        var first = name.IndexOfAny(['.', '/']);
        if (first < 0 || name[first] == '.') return name;
        return string.Create(name.Length, name, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++) span[i] = s[i] switch { '/' => '.', '.' => '/', var c => c };
        });
    }

    [GeneratedRegex(@"^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SysctlRegex();
}
