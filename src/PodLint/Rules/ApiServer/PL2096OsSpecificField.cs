using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2096: a Pod that declares its OS (<c>spec.os.name</c>) may not set the other OS's fields (spec §1.P OS1–OS3): a
/// Linux Pod no <c>windowsOptions</c>; a Windows Pod none of the Linux-only fields of the Pod (user namespaces, PID and
/// IPC sharing, SELinux, seccomp, AppArmor, fsGroup, sysctls, run-as ids, supplemental groups) or of its containers
/// (capabilities, privileged, privilege escalation, read-only root, procMount …). A field counts as set when it is
/// written, even as <c>false</c> or an empty list, as on the server (nil checks). Before 1.33 the server drops
/// <c>hostUsers</c>, <c>procMount</c>, <c>supplementalGroupsPolicy</c> and <c>seLinuxChangePolicy</c> (their gates are
/// off), so they are not reported there.
/// </summary>
internal sealed class PL2096OsSpecificField : IPodRule
{
    public static readonly MessageTemplate WindowsOptionsOnLinux = new("windows-options-on-linux",
        "windows options cannot be set for a linux pod", "remove `windowsOptions`, or set `os.name: windows` if the Pod runs on Windows nodes", ApiErrorType.Forbidden);

    public static readonly MessageTemplate LinuxFieldOnWindows = new("linux-field-on-windows",
        "`{field}` cannot be set for a windows pod", "remove `{field}`: Windows nodes do not support it (or set `os.name: linux` if the Pod runs on Linux nodes)", ApiErrorType.Forbidden);

    public static readonly RuleDescriptor Rule = new(RuleIds.OsSpecificField, "os-specific-field", RuleCategory.ApiServer, Severity.Error,
        "A Pod with `os.name: linux` may not set `windowsOptions`, and one with `os.name: windows` may not set Linux-only security fields",
        messages: [WindowsOptionsOnLinux, LinuxFieldOnWindows]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { Os: { IsValid: true, Value.Name: { IsValid: true, Value: var os } } } spec) return;
        var podSecurity = spec.SecurityContext is { IsValid: true, Value: { } s } ? s : null;
        var version = context.KubernetesVersion;
        if (os == "linux")
        {
            if (podSecurity is not null) Linux(context, podSecurity.WindowsOptions);
            foreach (var container in context.Containers)
            {
                if (container.SecurityContext is { IsValid: true, Value: { } security }) Linux(context, security.WindowsOptions);
            }
        }
        else if (os == "windows")
        {
            // The server's order: the pod's security context, the pod's host fields, then each container.
            if (podSecurity is not null)
            {
                Windows(context, podSecurity.AppArmorProfile, "appArmorProfile");
                Windows(context, podSecurity.SeLinuxOptions, "seLinuxOptions");
            }

            if (FeatureGates.UserNamespacesSupport.IsOn(version)) Windows(context, spec.HostUsers, "hostUsers");
            WindowsTrue(context, spec.HostPID, "hostPID");
            WindowsTrue(context, spec.HostIPC, "hostIPC");
            if (podSecurity is not null)
            {
                Windows(context, podSecurity.SeccompProfile, "seccompProfile");
                Windows(context, podSecurity.FsGroup, "fsGroup");
                Windows(context, podSecurity.FsGroupChangePolicy, "fsGroupChangePolicy");
                if (podSecurity.Sysctls.Count > 0) Report(context, podSecurity.Sysctls.Location.AtKey, "sysctls");
            }

            WindowsTrue(context, spec.ShareProcessNamespace, "shareProcessNamespace");
            if (podSecurity is not null)
            {
                Windows(context, podSecurity.RunAsUser, "runAsUser");
                Windows(context, podSecurity.RunAsGroup, "runAsGroup");
                if (!podSecurity.SupplementalGroups.IsUnset) Report(context, podSecurity.SupplementalGroups.Location.AtKey, "supplementalGroups");
                if (FeatureGates.SupplementalGroupsPolicy.IsOn(version)) Windows(context, podSecurity.SupplementalGroupsPolicy, "supplementalGroupsPolicy");
                if (FeatureGates.SELinuxChangePolicy.IsOn(version)) Windows(context, podSecurity.SeLinuxChangePolicy, "seLinuxChangePolicy");
            }

            foreach (var container in context.Containers)
            {
                if (container.SecurityContext is not { IsValid: true, Value: { } security }) continue;
                Windows(context, security.AppArmorProfile, "appArmorProfile");
                Windows(context, security.SeLinuxOptions, "seLinuxOptions");
                Windows(context, security.SeccompProfile, "seccompProfile");
                Windows(context, security.Capabilities, "capabilities");
                Windows(context, security.ReadOnlyRootFilesystem, "readOnlyRootFilesystem");
                Windows(context, security.Privileged, "privileged");
                Windows(context, security.AllowPrivilegeEscalation, "allowPrivilegeEscalation");
                if (FeatureGates.ProcMountType.IsOn(version)) Windows(context, security.ProcMount, "procMount");
                Windows(context, security.RunAsUser, "runAsUser");
                Windows(context, security.RunAsGroup, "runAsGroup");
            }
        }
    }

    private static void Linux(PodContext context, Field<WindowsSecurityContextOptions> options)
    {
        if (options.IsValid) context.Report(WindowsOptionsOnLinux, options.Location.AtKey);
    }

    private static void Windows<T>(PodContext context, Field<T> field, string name)
    {
        if (field.IsValid) Report(context, field.Location.AtKey, name);
    }

    private static void WindowsTrue(PodContext context, Field<bool> field, string name)
    {
        if (field is { IsValid: true, Value: true }) Report(context, field.Location.AtKey, name);
    }

    private static void Report(PodContext context, Location at, string name) => context.Report(LinuxFieldOnWindows, at, [("field", name)]);
}
