using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2060, Pod level: <c>spec.resources</c> (PodLevelResources, on by default from Kubernetes 1.34; the server drops the
/// field before) as the API server checks it (spec §1.H PL1–PL4, §7.7): no <c>claims</c>; only <c>cpu</c>, <c>memory</c>
/// and <c>hugepages-*</c>, with the container checks of their values (R5–R11); the Pod's requests at least the
/// containers' aggregate requests, its hugepages limits at least their aggregate limits, and no app container's limit
/// above the Pod's. For a Pod, the server's defaults are applied first: containers' requests from their limits, and the
/// Pod-level requests from the containers' aggregate or the Pod-level limits (<see cref="ServerDefaults"/>).
/// </summary>
internal sealed partial class PL2060InvalidResourceRequirements
{
    private static void AnalyzePodLevel(PodContext context)
    {
        if (!FeatureGates.PodLevelResources.IsOn(context.KubernetesVersion)) return; // dropped before validation (gate off)
        if (context.Spec is not { } spec || spec.Resources.Value is not { } resources) return;
        var version = context.KubernetesVersion;

        if (resources.Claims.IsValid && resources.Claims.Count > 0) context.Report(PodClaims, resources.Claims.Location.AtKey);

        // The Pod's requests and limits as the server validates them.
        var limits = Values(resources.Limits);
        var requests = Values(resources.Requests);
        var aggregateRequests = Aggregate(context, spec, requests: true);
        var aggregateLimits = Aggregate(context, spec, requests: false);

        var cpuOrMemory = false;
        var hugePages = false;
        foreach (var limit in resources.Limits)
        {
            if (limit.Key is not { } name) continue;
            CheckPodLevelEntry(context, limit, name, version);
            cpuOrMemory |= name is "cpu" or "memory";
            hugePages |= ResourceNames.IsHugePages(name);
        }

        var requestsPath = resources.Requests.Path;
        foreach (var request in resources.Requests)
        {
            if (request.Key is not { } name) continue;
            CheckPodLevelEntry(context, request, name, version);
            cpuOrMemory |= name is "cpu" or "memory";
            hugePages |= ResourceNames.IsHugePages(name);
            if (!resources.Limits.ContainsKey(name) && !ResourceNames.IsOvercommitAllowed(name))
            {
                context.Report(LimitRequired, new Location(request.KeySpan, request.KeySpan, resources.Limits.Path), [("name", name)]);
            }

            if (!requests.TryGetValue(name, out var requested)) continue;
            CompareWithLimit(context, resources, name, requested, new Location(request.Span, request.KeySpan, requestsPath));
            if (aggregateRequests.TryGetValue(name, out var aggregate) && aggregate > requested)
            {
                context.Report(BelowAggregate, request, [("kind", "request"), ("name", name), ("value", requested.ToString()), ("aggregate", aggregate.ToString())]);
            }
        }

        // Requests the server defaults (Pods only): they meet the same comparison with the limits.
        foreach (var (name, limit) in limits)
        {
            if (requests.ContainsKey(name)) continue;
            var defaulted = ServerDefaults.PodLevelRequest(context, name, limits.Count > 0, limit, aggregateRequests.TryGetValue(name, out var a) ? a : null);
            if (defaulted is not { } value) continue;
            resources.Limits.TryGetValue(name, out var limitEntry);
            CompareWithLimit(context, resources, name, value, new Location(limitEntry.KeySpan, limitEntry.KeySpan, requestsPath));
        }

        if (hugePages && !cpuOrMemory) context.Report(HugePagesWithoutCpuOrMemory, spec.Resources.Location.AtKey, [("what", "`spec.resources`")]);

        foreach (var limit in resources.Limits)
        {
            if (limit.Key is not { } name || !ResourceNames.IsHugePages(name) || !limits.TryGetValue(name, out var podLimit)) continue;
            if (aggregateLimits.TryGetValue(name, out var aggregate) && aggregate > podLimit)
            {
                context.Report(BelowAggregate, limit, [("kind", "limit"), ("name", name), ("value", podLimit.ToString()), ("aggregate", aggregate.ToString())]);
            }
        }

        foreach (var container in spec.Containers)
        {
            if (container.Resources.Value is not { } own) continue;
            foreach (var entry in own.Limits)
            {
                if (entry.Key is not { } name || !limits.TryGetValue(name, out var podLimit)) continue;
                if (!TryValue(entry, out var value) || value <= podLimit) continue;
                // The server's path hangs off the Pod-level resources: spec.resources.containers[i][r].limits.
                var path = resources.ObjectPath.Field("containers").Index(container.Index).Key(name).Field("limits");
                context.Report(ContainerAbovePod, new Location(entry.Span, entry.KeySpan, path),
                    [("name", name), ("value", value.ToString()), ("container", container.DisplayName), ("podLimit", podLimit.ToString())]);
            }
        }
    }

    private static void CompareWithLimit(PodContext context, ResourceRequirements resources, string name, Quantity requested, Location at)
    {
        if (!resources.Limits.TryGetValue(name, out var limitEntry) || !TryValue(limitEntry, out var limited)) return;
        var arguments = new MessageArgument[] { ("name", name), ("value", requested.ToString()), ("limit", limited.ToString()) };
        if (requested != limited && !ResourceNames.IsOvercommitAllowed(name)) context.Report(RequestNotLimit, at, [.. arguments]);
        else if (requested > limited) context.Report(RequestAboveLimit, at, [.. arguments]);
    }

    private static void CheckPodLevelEntry(PodContext context, Field<Quantity> entry, string name, string version)
    {
        var keyAt = new Location(entry.KeySpan, entry.KeySpan, entry.Path);
        var nameErrors = NameFormats.QualifiedName(name, version);
        if (nameErrors.Count == 0 && !name.Contains('/', StringComparison.Ordinal) && !ResourceNames.IsStandard(name))
        {
            nameErrors.Add("must be a standard resource type or fully qualified");
        }

        foreach (var detail in nameErrors)
        {
            context.Report(BadName, keyAt, [("name", name), ("detail", detail),
                ("help", "the Pod level takes `cpu`, `memory` and `hugepages-<size>`")]);
        }

        if (nameErrors.Count == 0 && !ResourceNames.IsSupportedPodLevel(name)) context.Report(PodNotSupported, keyAt, [("name", name)]);
        if (!TryValue(entry, out var value)) return;
        var shown = value.ToString();
        if (value.Sign < 0) context.Report(Negative, entry, [("name", name), ("value", shown)]);
        if (ResourceNames.IsHugePages(name) && !ResourceNames.IsHugePagesValueDivisible(name, value))
        {
            context.Report(HugePagesMultiple, entry, [("name", name), ("value", shown)]);
        }
    }

    private static Dictionary<string, Quantity> Values(MapField<Quantity> list)
    {
        var result = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var entry in list)
        {
            if (entry.Key is { } name && TryValue(entry, out var value)) result[name] = value;
        }

        return result;
    }

    /// <summary>
    /// The containers' aggregate request or limit per resource (<c>AggregateContainerRequests</c>/<c>…Limits</c>): the
    /// larger of the sum over app containers and native sidecars, and each init container's amount plus the sidecars
    /// started before it. Requests are the server's, defaulted from limits for a Pod.
    /// </summary>
    private static Dictionary<string, Quantity> Aggregate(PodContext context, PodSpec spec, bool requests)
    {
        var running = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        var sidecars = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        var peak = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var container in spec.Containers) Add(running, Amounts(context, container, requests));
        foreach (var container in spec.InitContainers)
        {
            var own = Amounts(context, container, requests);
            if (container.Role == ContainerRole.NativeSidecar)
            {
                Add(running, own);
                Add(sidecars, own);
                Max(peak, sidecars);
            }
            else
            {
                var need = new Dictionary<string, Quantity>(own, StringComparer.Ordinal);
                Add(need, sidecars);
                Max(peak, need);
            }
        }

        Max(running, peak);
        return running;
    }

    private static Dictionary<string, Quantity> Amounts(PodContext context, Container container, bool requests)
    {
        var result = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        if (container.Resources.Value is not { } resources) return result;
        foreach (var entry in requests ? resources.Requests : resources.Limits)
        {
            if (entry.Key is { } name && TryValue(entry, out var value)) result[name] = value;
        }

        if (requests && ServerDefaults.DefaultsRequestsFromLimits(context, container))
        {
            foreach (var entry in resources.Limits)
            {
                if (entry.Key is { } name && !resources.Requests.ContainsKey(name) && TryValue(entry, out var value)) result[name] = value;
            }
        }

        return result;
    }

    private static void Add(Dictionary<string, Quantity> total, Dictionary<string, Quantity> more)
    {
        foreach (var (name, value) in more) total[name] = total.TryGetValue(name, out var t) ? t + value : value;
    }

    private static void Max(Dictionary<string, Quantity> total, Dictionary<string, Quantity> other)
    {
        foreach (var (name, value) in other)
        {
            if (!total.TryGetValue(name, out var t) || value > t) total[name] = value;
        }
    }
}
