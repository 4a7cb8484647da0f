using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2105: items of one volume that write the same file, or a file and a directory of the same name (spec §2 W-21,
/// W-22): in a <c>configMap</c>, <c>secret</c> or <c>downwardAPI</c> volume, or across the sources of a <c>projected</c>
/// one. The API server accepts the Pod with a warning; the kubelet then overwrites one file with the other or fails
/// with "is a directory" / "file exists". Paths are compared as the server does: a trailing <c>/</c> is ignored, and a
/// path that is a string prefix of another one (<c>a</c> and <c>a/b</c>, but also <c>a</c> and <c>ab</c>) overlaps it.
/// An entry of <c>projected.sources</c> with no projection at all is warned about too.
/// </summary>
internal sealed class PL2105OverlappingVolumePaths : IPodRule
{
    public static readonly MessageTemplate Overlapping = new("overlapping", "volume `{volume}` ({source}): overlapping paths: `{path}` with `{other}`",
        "give each item its own path: the same path twice overwrites a file, and a path inside another item's path needs a directory where a file is");

    public static readonly MessageTemplate NoSources = new("no-sources", "volume `{volume}` (Projected) has no sources provided",
        "add a projection (`secret`, `configMap`, `downwardAPI` or `serviceAccountToken`) to this entry of `sources`, or remove the entry");

    public static readonly RuleDescriptor Rule = new(RuleIds.OverlappingVolumePaths, "overlapping-volume-paths", RuleCategory.ApiServer, Severity.Warning,
        "The items of a configMap, secret, downward API or projected volume should not write the same path, nor a file where another item needs a directory",
        messages: [Overlapping, NoSources]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        foreach (var volume in spec.Volumes)
        {
            if (VolumeSources.IsDropped(volume, context.KubernetesVersion)) continue;
            var reported = new HashSet<string>(StringComparer.Ordinal);
            var name = VolumeSources.DisplayName(volume);
            if (volume.ConfigMap is { IsValid: true, Value: { Items.IsValid: true } configMap })
            {
                Check(context, volume, reported, ItemPaths(configMap.Items), $"ConfigMap `{Text(configMap.Name)}`");
            }

            if (volume.Secret is { IsValid: true, Value: { Items.IsValid: true } secret })
            {
                Check(context, volume, reported, ItemPaths(secret.Items), $"Secret `{Text(secret.SecretName)}`");
            }

            if (volume.DownwardAPI is { IsValid: true, Value: { Items.IsValid: true } downwardApi })
            {
                Check(context, volume, reported, FilePaths(downwardApi.Items), "DownwardAPI");
            }

            if (volume.Projected is not { IsValid: true, Value: { } projected }) continue;
            var all = new List<(string Path, Field<string> At)>();
            foreach (var source in projected.Sources)
            {
                List<(string Path, Field<string> At)>? paths = null;
                string? label = null;
                if (source.ConfigMap is { IsValid: true, Value: { Items.IsValid: true } cm })
                {
                    (paths, label) = (ItemPaths(cm.Items), $"Projected ConfigMap `{Text(cm.Name)}`");
                }
                else if (source.Secret is { IsValid: true, Value: { Items.IsValid: true } s })
                {
                    (paths, label) = (ItemPaths(s.Items), $"Projected Secret `{Text(s.Name)}`");
                }
                else if (source.DownwardAPI is { IsValid: true, Value: { Items.IsValid: true } d })
                {
                    (paths, label) = (FilePaths(d.Items), "Projected DownwardAPI");
                }
                else if (source.ServiceAccountToken is { IsValid: true, Value: { Path.IsValid: true } token })
                {
                    (paths, label) = ([(token.Path.Value, token.Path)], "Projected ServiceAccountToken");
                }
                else if (source.IsEmpty)
                {
                    context.Report(NoSources, source.Location.AtKey, [("volume", name)]);
                    continue;
                }

                if (paths is null || paths.Count == 0) continue;
                Check(context, volume, reported, paths, label!);

                // Then against the earlier sources: the server checks the sorted union of this source's distinct paths and theirs.
                var distinct = paths.DistinctBy(p => p.Path, StringComparer.Ordinal).ToList();
                var union = all.Concat(distinct).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
                Check(context, volume, reported, union, label!, distinct);
                foreach (var p in distinct)
                {
                    if (!all.Exists(a => string.Equals(a.Path, p.Path, StringComparison.Ordinal))) all.Add(p);
                }
            }
        }
    }

    /// <summary><c>checkVolumeMappingForOverlap</c>: each path (trailing <c>/</c> trimmed) against the ones before it.</summary>
    /// <remarks>The finding points at the item of <paramref name="current"/> (the source being checked) when the
    /// overlap found is with one of its items.</remarks>
    private static void Check(PodContext context, Volume volume, HashSet<string> reported, List<(string Path, Field<string> At)> paths, string label,
        List<(string Path, Field<string> At)>? current = null)
    {
        var seen = new List<string>();
        foreach (var (raw, at) in paths)
        {
            var path = raw.TrimEnd('/');
            if (Collision(seen, path) is { } other)
            {
                var message = label + "\u0000" + path + "\u0000" + other;
                if (reported.Add(message))
                {
                    var where = at;
                    if (current is not null && !current.Exists(c => c.At.Location == at.Location)
                        && current.FindIndex(c => string.Equals(c.Path.TrimEnd('/'), other, StringComparison.Ordinal)) is var i and >= 0)
                    {
                        where = current[i].At;
                    }

                    context.Report(Overlapping, where, [("volume", VolumeSources.DisplayName(volume)), ("source", label), ("path", path), ("other", other)]);
                }
            }

            if (!seen.Contains(path, StringComparer.Ordinal)) seen.Add(path);
        }
    }

    /// <summary><c>checkForOverlap</c> (in the order the paths were seen; the server's set has no order).</summary>
    private static string? Collision(List<string> seen, string path)
    {
        foreach (var item in seen)
        {
            if (item.Length == 0 || path.Length == 0) return null;
            if (item == path) return item;
            if ((item + "/").StartsWith(path, StringComparison.Ordinal)) return item;
            if ((path + "/").StartsWith(item, StringComparison.Ordinal)) return item;
        }

        return null;
    }

    private static List<(string Path, Field<string> At)> ItemPaths(ListField<KeyToPath> items)
        => [.. items.Where(i => i.Path.IsValid).Select(i => (i.Path.Value, i.Path))];

    private static List<(string Path, Field<string> At)> FilePaths(ListField<DownwardAPIVolumeFile> items)
        => [.. items.Where(i => i.Path.IsValid).Select(i => (i.Path.Value, i.Path))];

    private static string Text(Field<string> name) => name.IsValid ? name.Value : string.Empty;
}
