using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>The API server's defaulting of resource lists and Pod-level resources (spec §0.3), before validation.</summary>
internal static partial class ServerDefaults
{
    /// <summary>
    /// §0.3: "every <c>ResourceList</c> value (requests, limits, overhead, …) | rounded **up** to milli precision
    /// (<c>0.1m</c>→<c>1m</c>)". The value the server validates, and prints in its messages.
    /// </summary>
    public static Quantity ResourceListValue(Quantity value) => value.RoundUp(-3);

    /// <summary>
    /// §0.3: "<c>containers[*]</c> / <c>initContainers[*]</c> <c>resources.requests[r]</c> missing but <c>limits[r]</c>
    /// present | request := limit (Pods only, not templates; not ephemeral containers)". Whether the server copies the
    /// container's limits into its missing requests.
    /// </summary>
    public static bool DefaultsRequestsFromLimits(PodContext context, Container container)
        => !context.IsTemplate && container.Role != ContainerRole.Ephemeral;

    /// <summary>
    /// §0.3: "Pod-level <c>resources</c> (gate PodLevelResources) | pod requests/limits defaulted from container aggregates
    /// in some cases" (<c>defaultPodRequests</c>, Pods only): when <c>spec.resources.limits</c> is set, a Pod-level request
    /// the Pod does not set becomes the containers' aggregate request (cpu, memory: overcommittable resources the
    /// containers request), else the Pod-level limit. Null when the request stays unset.
    /// </summary>
    /// <param name="context">The Pod.</param>
    /// <param name="name">The resource.</param>
    /// <param name="hasPodLimits">Whether <c>spec.resources.limits</c> has any entry.</param>
    /// <param name="podLimit">The Pod-level limit of the resource, if any.</param>
    /// <param name="containersAggregate">The containers' aggregate request of the resource, if any container requests it.</param>
    public static Quantity? PodLevelRequest(PodContext context, string name, bool hasPodLimits, Quantity? podLimit, Quantity? containersAggregate)
    {
        if (context.IsTemplate || !hasPodLimits || !ResourceNames.IsSupportedPodLevel(name)) return null;
        if (containersAggregate is { } aggregate && ResourceNames.IsOvercommitAllowed(name)) return aggregate;
        return podLimit;
    }
}
