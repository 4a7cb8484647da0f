using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3013: a native sidecar that requests no cpu (or memory) while every app container requests some. A native sidecar
/// runs for the Pod's whole life and counts towards its requests like an app container; without a request, the
/// scheduler places the Pod as if the sidecar used nothing, and the Pod cannot be Guaranteed. A limit counts (the API
/// server copies it into the request), and so does a Pod-level <c>spec.resources</c> that sets the resource.
/// </summary>
internal sealed class PL3013SidecarWithoutRequests : IPodRule
{
    public static readonly MessageTemplate NoRequests = new("no-requests",
        "native sidecar `{container}` requests no {resources}, while every app container does",
        "a native sidecar runs for the Pod's whole life and counts towards its requests: give `{container}` `resources.requests` for {wanted}");

    public static readonly RuleDescriptor Rule = new(RuleIds.SidecarWithoutRequests, "sidecar-without-requests", RuleCategory.MultiContainer, Severity.Warning,
        "A native sidecar should request cpu and memory when the app containers do: it runs, and counts, for the Pod's whole life",
        messages: [NoRequests], appliesTo: ContainerRoles.NativeSidecar);

    private static readonly string[] Checked = ["cpu", "memory"];

    public RuleDescriptor Descriptor => Rule;

    /// <summary>Whether a container names both cpu and memory in its requests or limits (the common case, seen without
    /// computing anything).</summary>
    private static bool SetsCpuAndMemory(Container container)
        => container.Resources.Value is { } r && Checked.All(name => r.Requests.ContainsKey(name) || r.Limits.ContainsKey(name));

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        var apps = spec.ContainersWithRole(ContainerRoles.App).ToList();
        var sidecars = spec.ContainersWithRole(ContainerRoles.NativeSidecar).ToList();
        if (apps.Count == 0 || sidecars.Count == 0 || sidecars.All(SetsCpuAndMemory)) return;
        var resources = PodResources.Compute(spec);
        if (!resources.IsComplete) return;
        var podLevel = spec.Resources.Value;

        // The resources every app container requests (a request of 0 is none), and one such request to show.
        var requested = new List<(string Name, ContainerResourceAmount Example)>();
        foreach (var name in Checked)
        {
            if (podLevel is not null && (podLevel.Requests.ContainsKey(name) || podLevel.Limits.ContainsKey(name))) continue;
            var amounts = apps.Select(a => resources.RequestOf(a, name)).ToList();
            if (amounts.All(a => a is { Amount.IsZero: false })) requested.Add((name, amounts[0]!));
        }

        if (requested.Count == 0) return;
        foreach (var sidecar in sidecars)
        {
            var missing = requested.Where(r => resources.RequestOf(sidecar, r.Name) is null).ToList();
            if (missing.Count == 0) continue;
            var names = string.Join(" or ", missing.Select(m => m.Name));
            var related = missing
                .Select(m => RelatedLocation.At(m.Example.Field, $"`{m.Example.Container.DisplayName}` requests {m.Example.Amount} of {m.Name}"))
                .ToImmutableArray();
            ILocated at = sidecar.Resources.IsUnset ? sidecar.Name.IsValid ? sidecar.Name : sidecar.Name.MissingAt : sidecar.Resources.Location.AtKey;
            context.Report(NoRequests, at,
                [("container", sidecar.DisplayName), ("resources", names), ("wanted", string.Join(" and ", missing.Select(m => m.Name)))], related);
        }
    }
}
