using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// The resource-name predicates of the API server (<c>pkg/apis/core/helper</c>, spec §1.H) and its checks of a resource
/// name and value (<c>validateContainerResourceName</c>, <c>ValidateResourceQuantityValue</c>,
/// <c>validateResourceQuantityHugePageValue</c>), shared by the resource rules.
/// </summary>
internal static class ResourceNames
{
    public const string HugePagesPrefix = "hugepages-";

    private static readonly HashSet<string> Standard = new(StringComparer.Ordinal)
    {
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
        "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps",
        "persistentvolumeclaims", "storage", "requests.storage", "services.nodeports", "services.loadbalancers",
    };

    private static readonly HashSet<string> Integer = new(StringComparer.Ordinal)
    {
        "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims",
        "services.nodeports", "services.loadbalancers",
    };

    /// <summary>The resources the Pod level may set (PodLevelResources): <c>cpu</c>, <c>memory</c>, <c>hugepages-*</c>.</summary>
    public static bool IsSupportedPodLevel(string name) => PodResources.IsSupportedPodLevelResource(name);

    /// <summary>No <c>/</c>, or a <c>kubernetes.io/</c> one: <c>cpu</c>, <c>example.kubernetes.io/foo</c>.</summary>
    public static bool IsNative(string name) => !name.Contains('/', StringComparison.Ordinal) || name.Contains("kubernetes.io/", StringComparison.Ordinal);

    public static bool IsHugePages(string name) => name.StartsWith(HugePagesPrefix, StringComparison.Ordinal);

    /// <summary><c>cpu</c>, <c>memory</c>, <c>ephemeral-storage</c>, <c>hugepages-*</c>.</summary>
    public static bool IsStandardContainer(string name) => name is "cpu" or "memory" or "ephemeral-storage" || IsHugePages(name);

    /// <summary>A standard resource of any kind (quota names too).</summary>
    public static bool IsStandard(string name)
        => Standard.Contains(name) || IsHugePages(name) || name.StartsWith("requests." + HugePagesPrefix, StringComparison.Ordinal);

    /// <summary>Not native, not <c>requests.*</c>, and <c>requests.&lt;name&gt;</c> a qualified name: <c>nvidia.com/gpu</c>.</summary>
    public static bool IsExtended(string name, string version)
        => !IsNative(name) && !name.StartsWith("requests.", StringComparison.Ordinal) && NameFormats.QualifiedName("requests." + name, version).Count == 0;

    /// <summary>A request may be below the limit: native resources but hugepages.</summary>
    public static bool IsOvercommitAllowed(string name) => IsNative(name) && !IsHugePages(name);

    /// <summary>Counted in whole units: the object-count quota names and every extended resource.</summary>
    public static bool IsInteger(string name, string version) => Integer.Contains(name) || IsExtended(name, version);

    /// <summary>
    /// <c>validateContainerResourceName</c>: the details the
    /// server gives for a resource name. A name that is not a qualified name gets only those details.
    /// </summary>
    public static List<string> NameErrors(string name, string version)
    {
        var errors = NameFormats.QualifiedName(name, version);
        if (errors.Count > 0) return errors;
        if (!name.Contains('/', StringComparison.Ordinal))
        {
            if (!IsStandard(name)) errors.Add("must be a standard resource type or fully qualified");
            if (!IsStandardContainer(name)) errors.Add("must be a standard resource for containers");
        }
        else if (!IsNative(name) && !IsExtended(name, version))
        {
            errors.Add("doesn't follow extended resource name standard");
        }

        return errors;
    }

    /// <summary>
    /// <c>IsHugePageResourceValueDivisible</c>: the page size (the text after <c>hugepages-</c>) parses as a positive whole
    /// number of bytes and divides the value (rounded up to a whole number).
    /// </summary>
    public static bool IsHugePagesValueDivisible(string name, Quantity value)
    {
        if (!Quantity.TryParse(name[HugePagesPrefix.Length..], out var pageSize)) return false;
        if (pageSize.Sign <= 0 || pageSize.MilliValue % 1000 != 0) return false;
        return value.Value % pageSize.Value == 0;
    }
}
