using PodLint.Model;
using PodLint.Parsing;
using PodLint.Schema;

namespace PodLint.Objects;

/// <summary>The kinds PodLint checks (a Pod, and the workloads that hold a Pod template), with their API versions.</summary>
internal static class ObjectKinds
{
    private static readonly Dictionary<string, KindSchema> ByKind =
        ModelKinds.All.ToDictionary(k => k.Kind, k => new KindSchema(k.Kind, k.ApiVersion, k.Schema), StringComparer.Ordinal);

    /// <summary>Every kind checked, in name order.</summary>
    public static IReadOnlyList<KindSchema> All { get; } = [.. ByKind.Values.OrderBy(k => k.Kind, StringComparer.Ordinal)];

    /// <summary>The kind of that exact name, if PodLint checks it.</summary>
    public static KindSchema? Find(string kind) => ByKind.GetValueOrDefault(kind);

    /// <summary>A checked kind (or <c>List</c>) that differs from <paramref name="kind"/> only in case.</summary>
    public static string? FindIgnoringCase(string kind)
    {
        foreach (var k in ByKind.Keys)
        {
            if (string.Equals(k, kind, StringComparison.OrdinalIgnoreCase)) return k;
        }

        return string.Equals(kind, "List", StringComparison.OrdinalIgnoreCase) ? "List" : null;
    }

    /// <summary>A mapping's <c>kind</c> when it is written as a string, else null.</summary>
    public static string? KindOf(MappingNode map) => map.Find("kind")?.Value.Resolve() is ScalarNode { Type: ScalarType.String } kind ? kind.Value : null;

    /// <summary>Whether a mapping is a List of objects that kubectl unpacks (see <see cref="IsList(string, string?)"/>).</summary>
    public static bool IsList(MappingNode map)
        => KindOf(map) is { } kind && IsList(kind, (map.Find("apiVersion")?.Value.Resolve() as ScalarNode)?.Value);

    /// <summary>Whether an object is a list of objects that kubectl unpacks: <c>kind: List</c>, or any <c>*List</c> kind
    /// of a built-in API group (<c>PodList</c>, <c>DeploymentList</c>).</summary>
    public static bool IsList(string kind, string? apiVersion)
        => string.Equals(kind, "List", StringComparison.Ordinal)
            || (kind.Length > 4 && kind.EndsWith("List", StringComparison.Ordinal) && IsBuiltInGroup(apiVersion));

    /// <summary>
    /// Whether an <c>apiVersion</c> names one of Kubernetes' own API groups (the core group, <c>apps</c>, <c>batch</c>,
    /// <c>*.k8s.io</c> …) rather than a custom resource's. A custom resource's group is a domain with a dot
    /// (<c>example.com/v1</c>), so a custom kind that happens to be named <c>Deployment</c> is not taken for one.
    /// </summary>
    public static bool IsBuiltInGroup(string? apiVersion)
    {
        if (apiVersion is null) return true;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return true;
        var group = apiVersion[..slash];
        return !group.Contains('.', StringComparison.Ordinal) || group.EndsWith(".k8s.io", StringComparison.Ordinal);
    }
}
