using PodLint.Diagnostics;

namespace PodLint.Model;

/// <summary>What decides a Pod's effective request or limit of one resource.</summary>
public enum ResourceDriver
{
    /// <summary>The app containers and the native sidecars, which run together: their sum.</summary>
    RunningContainers,

    /// <summary>An init container, with the native sidecars started before it: its need is larger than the sum of the
    /// containers that run together, and the scheduler reserves it for the Pod's whole life.</summary>
    InitContainer,

    /// <summary>The Pod-level <c>spec.resources</c>, which replaces the containers' aggregate for the resources it sets.</summary>
    PodLevel,

    /// <summary>Only <c>spec.overhead</c> names the resource.</summary>
    Overhead,
}

/// <summary>One container's request or limit of one resource, after the API server's defaulting.</summary>
public sealed class ContainerResourceAmount
{
    internal ContainerResourceAmount(Container container, string resourceName, Quantity amount, Field<Quantity> field, bool isDefaultedFromLimit)
    {
        Container = container;
        ResourceName = resourceName;
        Amount = amount;
        Field = field;
        IsDefaultedFromLimit = isDefaultedFromLimit;
    }

    /// <summary>The container.</summary>
    public Container Container { get; }

    /// <summary>The resource: <c>cpu</c>, <c>memory</c>, <c>nvidia.com/gpu</c> ….</summary>
    public string ResourceName { get; }

    /// <summary>The amount, rounded up to thousandths as the API server stores it.</summary>
    public Quantity Amount { get; }

    /// <summary>Where it is written: <c>resources.requests[cpu]</c>, or for a request defaulted from the limit,
    /// <c>resources.limits[cpu]</c>.</summary>
    public Field<Quantity> Field { get; }

    /// <summary>Whether this is a request the API server copies from the container's limit (the container sets a limit
    /// and no request for the resource).</summary>
    public bool IsDefaultedFromLimit { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Container.DisplayName}: {ResourceName} {Amount}";
}

/// <summary>A Pod's effective request or limit of one resource, and the parts it is made of.</summary>
public sealed class EffectiveResource
{
    internal EffectiveResource(string name, Quantity amount, ResourceDriver drivenBy, Quantity? running, IReadOnlyList<ContainerResourceAmount> runningParts,
        Quantity? initPeak, ContainerResourceAmount? initContainer, Field<Quantity>? podLevel, Field<Quantity>? overhead, IReadOnlyList<Container> notSetBy)
    {
        Name = name;
        Amount = amount;
        DrivenBy = drivenBy;
        Running = running;
        RunningParts = runningParts;
        InitPeak = initPeak;
        InitContainer = initContainer;
        PodLevel = podLevel;
        Overhead = overhead;
        NotSetBy = notSetBy;
    }

    /// <summary>The resource: <c>cpu</c>, <c>memory</c>, <c>hugepages-2Mi</c>, <c>nvidia.com/gpu</c> ….</summary>
    public string Name { get; }

    /// <summary>The effective amount: what the scheduler reserves (for requests), with the Pod's overhead.</summary>
    public Quantity Amount { get; }

    /// <summary>What decides <see cref="Amount"/> (the overhead is added on top in every case).</summary>
    public ResourceDriver DrivenBy { get; }

    /// <summary>The sum over the app containers and native sidecars that set the resource; null when none does.</summary>
    public Quantity? Running { get; }

    /// <summary>The amounts <see cref="Running"/> sums: app containers, then native sidecars, in the order written.</summary>
    public IReadOnlyList<ContainerResourceAmount> RunningParts { get; }

    /// <summary>The largest need while the Pod initializes: an init container's amount plus the native sidecars started
    /// before it (as the scheduler counts it); null when no init container sets the resource.</summary>
    public Quantity? InitPeak { get; }

    /// <summary>The init container (or native sidecar) whose need is <see cref="InitPeak"/>: the first of the largest.</summary>
    public ContainerResourceAmount? InitContainer { get; }

    /// <summary>The Pod-level value (<c>spec.resources.requests[r]</c> or <c>.limits[r]</c>, or for a request the API
    /// server defaults from the Pod-level limit, that limit) when it decides <see cref="Amount"/>.</summary>
    public Field<Quantity>? PodLevel { get; }

    /// <summary><c>spec.overhead[r]</c>, when it is added to <see cref="Amount"/>.</summary>
    public Field<Quantity>? Overhead { get; }

    /// <summary>The app containers, native sidecars and init containers that set no amount of the resource (for limits:
    /// the ones that may use without bound).</summary>
    public IReadOnlyList<Container> NotSetBy { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Amount} ({DrivenBy})";
}

/// <summary>
/// The effective resource requests and limits of a Pod, as the scheduler and the kubelet compute them
/// (<c>k8s.io/component-helpers/resource</c> <c>PodRequests</c> and <c>PodLimits</c>), after the API server's defaulting:
/// <list type="bullet">
/// <item>a container's request defaults to its limit when it sets a limit and no request for a resource, and every
/// value is rounded up to thousandths;</item>
/// <item>the app containers and the native sidecars run together for the Pod's whole life: their amounts are summed;</item>
/// <item>each init container runs alone, beside the native sidecars started before it: its need is its own amount
/// plus theirs; the largest need is the init peak;</item>
/// <item>the containers' aggregate is the larger of the sum and the init peak;</item>
/// <item>the Pod-level <c>spec.resources</c> (PodLevelResources, on by default from Kubernetes 1.34) replaces the
/// aggregate for the resources it sets (<c>cpu</c>, <c>memory</c>, <c>hugepages-*</c>); a Pod-level request the Pod
/// does not set defaults to the Pod-level limit when no container requests the resource;</item>
/// <item><c>spec.overhead</c> is added to every request, and to the limits that are set and not zero.</item>
/// </list>
/// Ephemeral containers are not counted. Values that cannot be read (already reported by the schema check) and
/// negative ones (the API server rejects them) are left out, and <see cref="IsComplete"/> is false.
/// </summary>
public sealed class PodResources
{
    private static readonly IReadOnlyDictionary<string, ContainerResourceAmount> None = new Dictionary<string, ContainerResourceAmount>();
    private static readonly Dictionary<string, Listed> NoValues = [];

    private readonly Dictionary<Container, IReadOnlyDictionary<string, ContainerResourceAmount>> _requests = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Container, IReadOnlyDictionary<string, ContainerResourceAmount>> _limits = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, EffectiveResource> _requestsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EffectiveResource> _limitsByName = new(StringComparer.Ordinal);
    private bool _complete = true;

    private PodResources(PodSpec spec)
    {
        foreach (var container in spec.AllContainers)
        {
            if (container.Resources.IsInvalid) _complete = false;
            if (container.Resources.Value is not { } resources)
            {
                _requests[container] = None;
                _limits[container] = None;
                continue;
            }

            var limits = Read(container, resources.Limits, null);
            _limits[container] = limits ?? None;
            // A container's missing requests default to its limits (not an ephemeral container's).
            _requests[container] = Read(container, resources.Requests, container.Role == ContainerRole.Ephemeral ? null : limits) ?? None;
        }

        var podRequests = ReadPod(spec.Resources, static r => r.Requests);
        var podLimits = ReadPod(spec.Resources, static r => r.Limits);
        var overhead = ReadList(spec.Overhead);

        var containerRequests = new Totals(spec, _requests);
        var containerLimits = new Totals(spec, _limits);

        // Pod-level requests the API server defaults when Pod-level limits are set (defaultPodRequests): for cpu and
        // memory, the containers' aggregate (the same amount, so the containers still decide it); for a resource no
        // container requests, the Pod-level limit.
        var effectivePodRequests = new Dictionary<string, Listed>(podRequests.Count, StringComparer.Ordinal);
        foreach (var (name, value) in podRequests)
        {
            if (IsSupportedPodLevelResource(name)) effectivePodRequests[name] = value;
        }

        if (podLimits.Count > 0)
        {
            foreach (var (name, limit) in podLimits)
            {
                if (!IsSupportedPodLevelResource(name) || podRequests.ContainsKey(name)) continue;
                var fromContainers = containerRequests.Aggregate.ContainsKey(name) && name is ("cpu" or "memory");
                if (!fromContainers) effectivePodRequests[name] = limit;
            }
        }

        var effectivePodLimits = new Dictionary<string, Listed>(podLimits.Count, StringComparer.Ordinal);
        foreach (var (name, value) in podLimits)
        {
            if (IsSupportedPodLevelResource(name)) effectivePodLimits[name] = value;
        }

        var counted = new List<Container>(spec.AllContainers.Count);
        foreach (var container in spec.AllContainers)
        {
            if (container.Role != ContainerRole.Ephemeral) counted.Add(container);
        }

        Build(counted, _requestsByName, _requests, containerRequests, effectivePodRequests, overhead, isLimit: false);
        Build(counted, _limitsByName, _limits, containerLimits, effectivePodLimits, overhead, isLimit: true);
        Requests = [.. _requestsByName.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
        Limits = [.. _limitsByName.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>The effective requests, one per resource any container, the Pod level or the overhead names, by name.</summary>
    public IReadOnlyList<EffectiveResource> Requests { get; }

    /// <summary>The effective limits, one per resource a container or the Pod level limits, by name.</summary>
    public IReadOnlyList<EffectiveResource> Limits { get; }

    /// <summary>Whether every resource value of the Pod could be read; when false, some were left out (the schema check
    /// or the API server reports them), and rules that compare totals should say nothing.</summary>
    public bool IsComplete => _complete;

    /// <summary>Computes the effective requests and limits of a Pod (once per spec: later calls return the same).</summary>
    public static PodResources Compute(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.ResourcesCache ??= new PodResources(spec);
    }

    /// <summary>The effective request of a resource, or null when nothing requests it.</summary>
    public EffectiveResource? Request(string resourceName) => _requestsByName.GetValueOrDefault(resourceName);

    /// <summary>The effective limit of a resource, or null when nothing limits it.</summary>
    public EffectiveResource? Limit(string resourceName) => _limitsByName.GetValueOrDefault(resourceName);

    /// <summary>A container's request of a resource after defaulting (from its limit when it sets no request), or null.</summary>
    public ContainerResourceAmount? RequestOf(Container container, string resourceName)
        => _requests.GetValueOrDefault(container, None).GetValueOrDefault(resourceName);

    /// <summary>A container's limit of a resource, or null.</summary>
    public ContainerResourceAmount? LimitOf(Container container, string resourceName)
        => _limits.GetValueOrDefault(container, None).GetValueOrDefault(resourceName);

    /// <summary>Whether the Pod level can set a resource (PodLevelResources): <c>cpu</c>, <c>memory</c>, <c>hugepages-*</c>.</summary>
    public static bool IsSupportedPodLevelResource(string resourceName)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        return resourceName is "cpu" or "memory" || resourceName.StartsWith("hugepages-", StringComparison.Ordinal);
    }

    /// <summary>A container's requests or limits, with the requests defaulted from <paramref name="defaults"/>; null for none.</summary>
    private Dictionary<string, ContainerResourceAmount>? Read(Container container, MapField<Quantity> list, Dictionary<string, ContainerResourceAmount>? defaults)
    {
        if (list.IsInvalid) _complete = false;
        Dictionary<string, ContainerResourceAmount>? result = null;
        foreach (var entry in list)
        {
            if (entry.Key is not { } name) continue;
            if (TryRead(entry, out var amount)) (result ??= new(StringComparer.Ordinal))[name] = new ContainerResourceAmount(container, name, amount, entry, isDefaultedFromLimit: false);
            else result?.Remove(name);
        }

        if (defaults is null) return result;
        foreach (var (name, limit) in defaults)
        {
            if (result?.ContainsKey(name) != true) (result ??= new(StringComparer.Ordinal))[name] = new ContainerResourceAmount(container, name, limit.Amount, limit.Field, isDefaultedFromLimit: true);
        }

        return result;
    }

    /// <summary>A readable, non-negative value, rounded up to thousandths as the API server stores it; else the Pod's
    /// resources are incomplete.</summary>
    private bool TryRead(Field<Quantity> entry, out Quantity amount)
    {
        amount = entry.Value.Resolve();
        if (entry.IsValid && amount.HasValue && amount.Sign >= 0)
        {
            amount = amount.RoundUp(-3);
            return true;
        }

        _complete = false;
        return false;
    }

    private Dictionary<string, Listed> ReadPod(Field<ResourceRequirements> resources, Func<ResourceRequirements, MapField<Quantity>> map)
    {
        if (resources.IsInvalid) _complete = false;
        return resources.Value is { } requirements ? ReadList(map(requirements)) : NoValues;
    }

    /// <summary>The readable, non-negative values of a resource list, by name (the last of a name written twice).</summary>
    private Dictionary<string, Listed> ReadList(MapField<Quantity> list)
    {
        if (list.IsInvalid) _complete = false;
        if (list.Count == 0) return NoValues;
        var result = new Dictionary<string, Listed>(list.Count, StringComparer.Ordinal);
        foreach (var entry in list)
        {
            if (entry.Key is not { } name) continue;
            if (TryRead(entry, out var amount)) result[name] = new Listed(entry, amount);
            else result.Remove(name);
        }

        return result;
    }

    /// <summary>A value of a resource list, and its amount as the API server stores it (rounded up to thousandths).</summary>
    private readonly record struct Listed(Field<Quantity> Field, Quantity Amount);

    /// <summary>The containers' requests (or limits) of each resource, as <c>AggregateContainerRequests</c> (or
    /// <c>Limits</c>) adds them up.</summary>
    private sealed class Totals
    {
        public Totals(PodSpec spec, Dictionary<Container, IReadOnlyDictionary<string, ContainerResourceAmount>> amounts)
        {
            foreach (var container in spec.Containers.Concat(spec.InitContainers.Where(c => c.Role == ContainerRole.NativeSidecar)))
            {
                foreach (var (name, amount) in amounts[container])
                {
                    Running[name] = Running.TryGetValue(name, out var sum) ? sum + amount.Amount : amount.Amount;
                    if (!Parts.TryGetValue(name, out var list)) Parts[name] = list = [];
                    list.Add(amount);
                }
            }

            // Each init container's need: its own amount plus the native sidecars started before it; a native sidecar's,
            // the sidecars up to it. The largest need is the init peak (the first of equal ones).
            var sidecars = new Dictionary<string, Quantity>(StringComparer.Ordinal);
            foreach (var container in spec.InitContainers)
            {
                var own = amounts[container];
                var isSidecar = container.Role == ContainerRole.NativeSidecar;
                if (isSidecar)
                {
                    foreach (var (name, amount) in own) sidecars[name] = sidecars.TryGetValue(name, out var sum) ? sum + amount.Amount : amount.Amount;
                }

                foreach (var (name, amount) in own)
                {
                    var need = isSidecar ? sidecars[name] : sidecars.TryGetValue(name, out var before) ? amount.Amount + before : amount.Amount;
                    Consider(name, need, amount);
                }

                foreach (var (name, before) in sidecars)
                {
                    // A need made of the sidecars alone is theirs: credit the last one started before this container.
                    if (!own.ContainsKey(name) && (!Peaks.TryGetValue(name, out var peak) || before > peak.Peak)
                        && LastSidecarBefore(spec, amounts, container, name) is { } last) Peaks[name] = (before, last);
                }
            }

            foreach (var (name, sum) in Running) Aggregate[name] = sum;
            foreach (var (name, (peak, _)) in Peaks)
            {
                if (!Aggregate.TryGetValue(name, out var sum) || peak > sum) Aggregate[name] = peak;
            }
        }

        private void Consider(string name, Quantity need, ContainerResourceAmount who)
        {
            if (!Peaks.TryGetValue(name, out var peak) || need > peak.Peak) Peaks[name] = (need, who);
        }

        /// <summary>The sum over the app containers and native sidecars.</summary>
        public Dictionary<string, Quantity> Running { get; } = new(StringComparer.Ordinal);

        /// <summary>The amounts each sum is made of.</summary>
        public Dictionary<string, List<ContainerResourceAmount>> Parts { get; } = new(StringComparer.Ordinal);

        /// <summary>The init peak, and the container that has it.</summary>
        public Dictionary<string, (Quantity Peak, ContainerResourceAmount Container)> Peaks { get; } = new(StringComparer.Ordinal);

        /// <summary>The larger of the sum and the init peak.</summary>
        public Dictionary<string, Quantity> Aggregate { get; } = new(StringComparer.Ordinal);
    }

    private static ContainerResourceAmount? LastSidecarBefore(PodSpec spec, Dictionary<Container, IReadOnlyDictionary<string, ContainerResourceAmount>> amounts,
        Container container, string name)
    {
        ContainerResourceAmount? last = null;
        foreach (var c in spec.InitContainers)
        {
            if (ReferenceEquals(c, container)) break;
            if (c.Role == ContainerRole.NativeSidecar && amounts[c].GetValueOrDefault(name) is { } amount) last = amount;
        }

        return last;
    }

    private static void Build(List<Container> counted, Dictionary<string, EffectiveResource> output,
        Dictionary<Container, IReadOnlyDictionary<string, ContainerResourceAmount>> amounts, Totals totals,
        Dictionary<string, Listed> podLevel, Dictionary<string, Listed> overhead, bool isLimit)
    {
        var names = new HashSet<string>(totals.Aggregate.Keys, StringComparer.Ordinal);
        names.UnionWith(podLevel.Keys);
        if (!isLimit) names.UnionWith(overhead.Keys);
        foreach (var name in names)
        {
            Quantity? sum = totals.Running.TryGetValue(name, out var s) ? s : null;
            (Quantity Peak, ContainerResourceAmount Container)? peak = totals.Peaks.TryGetValue(name, out var p) ? p : null;
            Quantity amount;
            ResourceDriver driver;
            Field<Quantity>? podField = null;
            if (podLevel.TryGetValue(name, out var pod))
            {
                amount = pod.Amount;
                driver = ResourceDriver.PodLevel;
                podField = pod.Field;
            }
            else if (totals.Aggregate.TryGetValue(name, out var containers))
            {
                amount = containers;
                driver = sum is { } total && !(peak is { } init && init.Peak > total) ? ResourceDriver.RunningContainers : ResourceDriver.InitContainer;
            }
            else
            {
                amount = Quantity.Zero;
                driver = ResourceDriver.Overhead;
            }

            Field<Quantity>? overheadField = null;
            if (overhead.TryGetValue(name, out var extra) && (!isLimit || !amount.IsZero))
            {
                amount += extra.Amount;
                overheadField = extra.Field;
            }

            List<Container>? notSetBy = null;
            foreach (var container in counted)
            {
                if (!amounts[container].ContainsKey(name)) (notSetBy ??= []).Add(container);
            }

            output[name] = new EffectiveResource(name, amount, driver, sum, totals.Parts.TryGetValue(name, out var list) ? list : [],
                peak?.Peak, peak?.Container, podField, overheadField, (IReadOnlyList<Container>?)notSetBy ?? []);
        }
    }
}

/// <summary>A Pod spec, with its effective resources computed once.</summary>
public sealed partial class PodSpec
{
    internal PodResources? ResourcesCache { get; set; }
}
