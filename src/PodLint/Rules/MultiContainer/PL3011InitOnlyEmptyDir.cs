using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3011: an <c>emptyDir</c> volume that only one plain init container mounts. An init container runs to completion
/// before the app containers start; what it writes into an emptyDir is there for the containers that come after it, and
/// none of them mounts this one. Scratch space (a mount at <c>/tmp</c> and the like) is left alone, and so is an emptyDir
/// that several init containers share (one prepares, the next one reads).
/// </summary>
internal sealed class PL3011InitOnlyEmptyDir : IPodRule
{
    public static readonly MessageTemplate OnlyInit = new("only-init",
        "emptyDir `{volume}` is mounted only by init container `{container}`: no container that runs after it can read what it writes there",
        "mount `{volume}` in the app container or sidecar that needs what `{container}` prepares; if it is only scratch space, mount it at `/tmp`");

    public static readonly RuleDescriptor Rule = new(RuleIds.InitOnlyEmptyDir, "init-only-emptydir", RuleCategory.MultiContainer, Severity.Info,
        "An `emptyDir` that only one plain init container mounts is lost work: no container that runs after it reads it",
        messages: [OnlyInit], appliesTo: ContainerRoles.Init);

    /// <summary>Mount paths (and the paths under them) that are scratch space by convention.</summary>
    private static readonly string[] ScratchRoots = ["/tmp", "/var/tmp", "/dev/shm", "/run", "/var/run"];

    /// <summary>Directory names that say scratch space wherever they are (<c>/app/tmp</c>, <c>/home/app/.cache</c>).</summary>
    private static readonly HashSet<string> ScratchNames = new(["tmp", "temp", ".tmp", "scratch", "cache", ".cache"], StringComparer.OrdinalIgnoreCase);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec || spec.Volumes.Count == 0) return;
        if (!spec.ContainersWithRole(ContainerRoles.Init).Any(c => c.VolumeMounts.Count > 0) || VolumeUses.Of(context) is not { } uses) return;
        foreach (var volume in spec.Volumes)
        {
            if (volume.Name.Value is not { Length: > 0 } name || !volume.IsEmptyDir) continue;
            var used = uses[name];
            if (used.Count == 0) continue; // PL3010's
            var init = used[0].Container;
            if (init.Role != ContainerRole.Init || used.Any(u => !ReferenceEquals(u.Container, init) || u.Kind != VolumeUseKind.Mount)) continue;
            if (used.Any(u => IsScratch(u.MountPath)) || uses.IsNamedByAnAnnotation(name)) continue;
            var related = used.Select(u => RelatedLocation.At(u.At, $"mounted here, by init container `{init.DisplayName}`")).ToImmutableArray();
            context.Report(OnlyInit, volume.Name, [("volume", name), ("container", init.DisplayName)], related);
        }
    }

    /// <summary>Whether a mount path is scratch space by convention: under <c>/tmp</c>, <c>/var/tmp</c>, <c>/dev/shm</c>,
    /// <c>/run</c> or <c>/var/run</c>, or with a directory named <c>tmp</c>, <c>temp</c>, <c>scratch</c> or <c>cache</c>.</summary>
    internal static bool IsScratch(string? mountPath)
    {
        if (string.IsNullOrEmpty(mountPath)) return false;
        var path = mountPath.TrimEnd('/');
        foreach (var root in ScratchRoots)
        {
            if (path.Equals(root, StringComparison.Ordinal) || path.StartsWith(root + "/", StringComparison.Ordinal)) return true;
        }

        return path.Split('/').Any(ScratchNames.Contains);
    }
}
