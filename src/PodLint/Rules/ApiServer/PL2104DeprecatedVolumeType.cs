using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2104: volume types that Kubernetes deprecated, most of them no longer working (spec §2 W-11–W-19): the API server
/// accepts the Pod with a warning, then the volume cannot be mounted. Reported at the source's key, with the path the
/// server prints (<c>storageOS</c> for <c>storageos</c>).
/// </summary>
internal sealed class PL2104DeprecatedVolumeType : IPodRule
{
    public static readonly MessageTemplate Deprecated = new("deprecated", "`{source}` volume `{volume}`: {deprecation}", "{help}");

    public static readonly RuleDescriptor Rule = new(RuleIds.DeprecatedVolumeType, "deprecated-volume-type", RuleCategory.ApiServer, Severity.Warning,
        "Deprecated volume types (gitRepo and the in-tree drivers that no longer work) should be replaced", messages: [Deprecated]);

    private const string CsiHelp = "move to the CSI driver of the storage system (a `csi` volume or a PersistentVolumeClaim of its storage class)";

    /// <summary>The deprecated sources in the order the server warns about them, with its text and its path name.</summary>
    private static readonly (string Key, string PathName, string Text, string Help)[] Deprecations =
    [
        ("photonPersistentDisk", "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+", CsiHelp),
        ("gitRepo", "gitRepo", "deprecated in v1.11",
            "clone the repository in an init container (e.g. `alpine/git`) into an `emptyDir` volume that the containers mount"),
        ("scaleIO", "scaleIO", "deprecated in v1.16, non-functional in v1.22+", CsiHelp),
        ("flocker", "flocker", "deprecated in v1.22, non-functional in v1.25+", CsiHelp),
        ("storageos", "storageOS", "deprecated in v1.22, non-functional in v1.25+", CsiHelp),
        ("quobyte", "quobyte", "deprecated in v1.22, non-functional in v1.25+", CsiHelp),
        ("glusterfs", "glusterfs", "deprecated in v1.25, non-functional in v1.26+", CsiHelp),
        ("cephfs", "cephfs", "deprecated in v1.28, non-functional in v1.31+", "move to the Ceph CSI driver (`cephfs.csi.ceph.com`)"),
        ("rbd", "rbd", "deprecated in v1.28, non-functional in v1.31+", "move to the Ceph CSI driver (`rbd.csi.ceph.com`)"),
    ];

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        foreach (var volume in spec.Volumes)
        {
            if (VolumeSources.IsDropped(volume, context.KubernetesVersion)) continue;
            foreach (var (key, pathName, text, help) in Deprecations)
            {
                var kind = Array.Find(VolumeSources.Kinds, k => k.Key == key)!;
                if (kind.Get(volume) is not { } source) continue;
                var at = source.Location.AtKey;
                context.Report(Deprecated, new Location(at.Span, at.KeySpan, volume.Location.Path.Field(pathName)),
                    [("source", key), ("volume", VolumeSources.DisplayName(volume)), ("deprecation", text), ("help", help)]);
            }
        }
    }
}
