using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2060: a container's <c>resources</c> and the Pod's <c>spec.overhead</c> as the API server checks them
/// (<c>ValidateContainerResourceRequirements</c>, spec §1.H R1–R11): resource names, values not negative, whole numbers
/// for extended resources, hugepages in whole pages, a request not above its limit (and equal to it for hugepages and
/// extended resources, which also need a limit), and hugepages only beside cpu or memory. Values are checked as the
/// server stores them, rounded up to thousandths (<see cref="ServerDefaults.ResourceListValue"/>). The overhead is
/// checked as limits, under the server's path <c>spec.overhead.limits[r]</c>; Pod-level <c>spec.resources</c> in the
/// other part of this class. Quantities that do not parse are PL1004's.
/// </summary>
internal sealed partial class PL2060InvalidResourceRequirements : IPodRule
{
    public static readonly MessageTemplate BadName = new("bad-name", "resource name `{name}` is invalid: {detail}",
        "{help}", ApiErrorType.Invalid);

    public static readonly MessageTemplate Negative = new("negative", "`{name}: {value}` is invalid: must be greater than or equal to 0",
        "give a quantity of 0 or more", ApiErrorType.Invalid);

    public static readonly MessageTemplate NotInteger = new("not-integer", "`{name}: {value}` is invalid: must be an integer",
        "`{name}` is counted in whole units: give a whole number such as `1`", ApiErrorType.Invalid);

    public static readonly MessageTemplate HugePagesMultiple = new("hugepages-multiple", "`{name}: {value}` is invalid: {value} is not positive integer multiple of {name}",
        "give a whole number of pages of the size the name says (e.g. `hugepages-2Mi: 100Mi`)", ApiErrorType.Invalid);

    public static readonly MessageTemplate RequestAboveLimit = new("request-above-limit",
        "request `{name}: {value}` is invalid: must be less than or equal to {name} limit of {limit}",
        "lower the request to the limit, or raise the limit", ApiErrorType.Invalid);

    public static readonly MessageTemplate RequestNotLimit = new("request-not-limit",
        "request `{name}: {value}` is invalid: must be equal to {name} limit of {limit}",
        "`{name}` cannot be overcommitted: give the request and the limit the same value, or set only the limit", ApiErrorType.Invalid);

    public static readonly MessageTemplate LimitRequired = new("limit-required",
        "`{name}` is requested without a limit: Limit must be set for non overcommitable resources",
        "set `limits.{name}` to the same value as the request (for a Pod, a limit alone is enough: the request defaults to it)", ApiErrorType.Required);

    public static readonly MessageTemplate HugePagesWithoutCpuOrMemory = new("hugepages-without-cpu-memory",
        "{what} sets hugepages but neither `cpu` nor `memory`: HugePages require cpu or memory",
        "add a `memory` (or `cpu`) request or limit beside the hugepages", ApiErrorType.Forbidden);

    // Pod level (spec.resources), in the other part of this class.
    public static readonly MessageTemplate PodClaims = new("pod-claims", "`spec.resources.claims` is set: claims cannot be set for Resources at pod-level",
        "reference resource claims from the containers' `resources.claims`", ApiErrorType.Forbidden);

    public static readonly MessageTemplate PodNotSupported = new("pod-not-supported",
        "resource `{name}` is not supported at pod-level (supported values: `cpu`, `hugepages-`, `memory`)",
        "set `{name}` in the containers' `resources`; the Pod level takes `cpu`, `memory` and `hugepages-<size>`", ApiErrorType.NotSupported);

    public static readonly MessageTemplate BelowAggregate = new("below-aggregate",
        "pod-level {kind} `{name}: {value}` is invalid: must be greater than or equal to aggregate container {kind}s of {aggregate}",
        "raise the Pod-level {kind} to at least {aggregate}, or lower the containers' {kind}s", ApiErrorType.Invalid);

    public static readonly MessageTemplate ContainerAbovePod = new("container-above-pod",
        "limit `{name}: {value}` of container `{container}` is invalid: must be less than or equal to pod limits of {podLimit}",
        "lower the container's limit to at most the Pod-level limit of {podLimit}, or raise the Pod-level limit", ApiErrorType.Invalid);


    public static readonly RuleDescriptor Rule = new(RuleIds.InvalidResourceRequirements, "invalid-resource-requirements", RuleCategory.ApiServer,
        Severity.Error, "Container resources, the Pod overhead and Pod-level resources must name valid resources with valid values, and requests must fit their limits",
        messages: [BadName, Negative, NotInteger, HugePagesMultiple, RequestAboveLimit, RequestNotLimit, LimitRequired, HugePagesWithoutCpuOrMemory,
            PodClaims, PodNotSupported, BelowAggregate, ContainerAbovePod],
        appliesTo: ContainerRoles.All);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        foreach (var container in context.Containers)
        {
            if (container.Resources.Value is not { } resources) continue;
            Check(context, container.Resources.Location.AtKey, "the container", resources.Limits, resources.Limits.Path, resources.Requests, resources.Requests.Path);
        }

        if (context.Spec is { } spec && spec.Overhead.Count > 0)
        {
            // validateOverhead reuses the container check with the overhead as limits: spec.overhead.limits[r].
            var overhead = spec.Overhead;
            Check(context, overhead.Location.AtKey, "`spec.overhead`", overhead, overhead.Path.Field("limits"), default, overhead.Path.Field("requests"));
        }

        AnalyzePodLevel(context);
    }

    private static void Check(PodContext context, Location resourcesAt, string what, MapField<Quantity> limits, FieldPath limitsPath,
        MapField<Quantity> requests, FieldPath requestsPath)
    {
        var version = context.KubernetesVersion;
        var cpuOrMemory = false;
        var hugePages = false;
        foreach (var limit in limits)
        {
            if (limit.Key is not { } name) continue;
            CheckEntry(context, limit, name, limitsPath.Key(name), version);
            cpuOrMemory |= name is "cpu" or "memory";
            hugePages |= ResourceNames.IsHugePages(name);
        }

        foreach (var request in requests)
        {
            if (request.Key is not { } name) continue;
            var path = requestsPath.Key(name);
            CheckEntry(context, request, name, path, version);
            cpuOrMemory |= name is "cpu" or "memory";
            hugePages |= ResourceNames.IsHugePages(name);
            if (limits.TryGetValue(name, out var limit))
            {
                if (!TryValue(request, out var requested) || !TryValue(limit, out var limited)) continue;
                var at = new Location(request.Span, request.KeySpan, requestsPath);
                var arguments = new MessageArgument[] { ("name", name), ("value", requested.ToString()), ("limit", limited.ToString()) };
                if (requested != limited && !ResourceNames.IsOvercommitAllowed(name)) context.Report(RequestNotLimit, at, [.. arguments]);
                else if (requested > limited) context.Report(RequestAboveLimit, at, [.. arguments]);
            }
            else if (!ResourceNames.IsOvercommitAllowed(name))
            {
                context.Report(LimitRequired, new Location(request.KeySpan, request.KeySpan, limitsPath), [("name", name)]);
            }
        }

        if (hugePages && !cpuOrMemory) context.Report(HugePagesWithoutCpuOrMemory, resourcesAt, [("what", what)]);
    }

    private static void CheckEntry(PodContext context, Field<Quantity> entry, string name, FieldPath path, string version)
    {
        var errors = ResourceNames.NameErrors(name, version);
        foreach (var detail in errors)
        {
            context.Report(BadName, new Location(entry.KeySpan, entry.KeySpan, path), [("name", name), ("detail", detail), ("help", NameHelp(name, detail))]);
        }

        if (!TryValue(entry, out var value)) return;
        var at = new Location(entry.Span, entry.KeySpan, path);
        var shown = value.ToString();
        if (value.Sign < 0) context.Report(Negative, at, [("name", name), ("value", shown)]);
        if (ResourceNames.IsInteger(name, version) && value.MilliValue % 1000 != 0) context.Report(NotInteger, at, [("name", name), ("value", shown)]);
        if (ResourceNames.IsHugePages(name) && !ResourceNames.IsHugePagesValueDivisible(name, value))
        {
            context.Report(HugePagesMultiple, at, [("name", name), ("value", shown)]);
        }
    }

    /// <summary>The value the server validates (rounded up to thousandths); false when it does not parse (PL1004's).</summary>
    internal static bool TryValue(Field<Quantity> entry, out Quantity value)
    {
        value = default;
        if (!entry.IsValid) return false;
        var q = entry.Value.Resolve();
        if (!q.HasValue) return false;
        value = ServerDefaults.ResourceListValue(q);
        return true;
    }

    private static string NameHelp(string name, string detail) => detail switch
    {
        "must be a standard resource for containers" or "must be a standard resource type or fully qualified"
            => "a container may set `cpu`, `memory`, `ephemeral-storage`, `hugepages-<size>` or an extended resource such as `nvidia.com/gpu`",
        "doesn't follow extended resource name standard" => $"name an extended resource `<domain>/<name>` (e.g. `example.com/{name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..]}`), not starting with `requests.`",
        _ => "a resource name is `[<DNS subdomain>/]<name>`: alphanumerics, `-`, `_` and `.`, starting and ending with an alphanumeric",
    };
}
