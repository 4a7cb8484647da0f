namespace PodLint.Diagnostics;

/// <summary>
/// The roles a container can have in a Pod, as flags: what a rule looks at (<see cref="RuleDescriptor.AppliesTo"/>).
/// A container has exactly one role; see <c>PodLint.Model.ContainerRole</c>.
/// </summary>
[Flags]
public enum ContainerRoles
{
    /// <summary>The rule is not about containers.</summary>
    None = 0,

    /// <summary>App containers: the items of <c>spec.containers</c> (classic sidecars, adapters and exporters among them).</summary>
    App = 1,

    /// <summary>Native sidecars: init containers with <c>restartPolicy: Always</c>; they start in order and keep running beside the app.</summary>
    NativeSidecar = 2,

    /// <summary>Plain init containers: run to completion, one after another, before the app containers start.</summary>
    Init = 4,

    /// <summary>Ephemeral containers (<c>spec.ephemeralContainers</c>), added to a running Pod for debugging.</summary>
    Ephemeral = 8,

    /// <summary>The containers that keep running while the Pod serves: app containers and native sidecars.</summary>
    Running = App | NativeSidecar,

    /// <summary>Every container of the Pod.</summary>
    All = App | NativeSidecar | Init | Ephemeral,
}

/// <summary>Names of <see cref="ContainerRoles"/> for documentation and listings.</summary>
public static class ContainerRoleNames
{
    /// <summary>Describes roles in words: <c>app containers, native sidecars</c>; <c>—</c> for none.</summary>
    public static string Describe(ContainerRoles roles)
    {
        if (roles == ContainerRoles.None) return "—";
        if (roles == ContainerRoles.All) return "all containers";
        var parts = new List<string>(4);
        if (roles.HasFlag(ContainerRoles.App)) parts.Add("app containers");
        if (roles.HasFlag(ContainerRoles.NativeSidecar)) parts.Add("native sidecars");
        if (roles.HasFlag(ContainerRoles.Init)) parts.Add("init containers");
        if (roles.HasFlag(ContainerRoles.Ephemeral)) parts.Add("ephemeral containers");
        return string.Join(", ", parts);
    }
}
