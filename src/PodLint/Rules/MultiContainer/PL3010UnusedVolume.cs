using PodLint.Diagnostics;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3010: a volume of <c>spec.volumes</c> that no container uses: no <c>volumeMounts</c> or <c>volumeDevices</c> item of
/// any container (init and ephemeral ones included) and no <c>fileKeyRef</c> names it. Most often a mount was forgotten
/// or removed, and the container writes to its own filesystem where the volume was meant to be.
/// </summary>
internal sealed class PL3010UnusedVolume : IPodRule
{
    public static readonly MessageTemplate NotMounted = new("not-mounted",
        "volume `{volume}` is not mounted by any container",
        "mount `{volume}` in the container that needs it (`volumeMounts`, or `volumeDevices` for a block volume), or remove it from `volumes`");

    public static readonly RuleDescriptor Rule = new(RuleIds.UnusedVolume, "unused-volume", RuleCategory.MultiContainer, Severity.Warning,
        "Every volume of a Pod should be mounted by one of its containers", messages: [NotMounted], appliesTo: ContainerRoles.All);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec || spec.Volumes.Count == 0 || VolumeUses.Of(context) is not { } uses) return;
        foreach (var volume in spec.Volumes)
        {
            if (volume.Name.Value is not { Length: > 0 } name || uses[name].Count > 0 || uses.IsNamedByAnAnnotation(name)) continue;
            context.Report(NotMounted, volume.Name, [("volume", name)]);
        }
    }
}
