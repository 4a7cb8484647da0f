using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3012: an init container whose request of a resource (with the native sidecars started before it, as the scheduler
/// counts it) is larger than what the app containers and all native sidecars request together. The scheduler reserves
/// the larger of the two for the Pod's whole life, so the init container decides the Pod's request long after it has
/// exited. Computed by <see cref="PodResources"/>; resources the Pod level sets, and resources no app container or
/// sidecar requests, are left out.
/// </summary>
internal sealed class PL3012InitContainerDominatesRequests : IPodRule
{
    public static readonly MessageTemplate Dominates = new("dominates",
        "init container `{container}` requests {resource} {request}; the app containers and sidecars request {running} in all, so the Pod reserves {reserved}",
        "the scheduler keeps {reserved} for the Pod's whole life, not only while `{container}` runs: lower its {resource} request if it can do with less");

    public static readonly MessageTemplate DominatesWithSidecars = new("dominates-with-sidecars",
        "init container `{container}` requests {resource} {request}, {need} with the native sidecars started before it; the app containers and sidecars request {running} in all, so the Pod reserves {reserved}",
        "the scheduler keeps {reserved} for the Pod's whole life, not only while `{container}` runs: lower its {resource} request if it can do with less");

    public static readonly RuleDescriptor Rule = new(RuleIds.InitContainerDominatesRequests, "init-container-dominates-requests", RuleCategory.MultiContainer,
        Severity.Info, "An init container that requests more than the app containers and sidecars together sets the Pod's request for its whole life",
        messages: [Dominates, DominatesWithSidecars], appliesTo: ContainerRoles.Init);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        // Only a plain init container that requests something (or limits it) can decide the Pod's request.
        if (context.Spec is not { } spec || !spec.ContainersWithRole(ContainerRoles.Init).Any(c => c.Resources.Value is { } r && (r.Requests.Count > 0 || r.Limits.Count > 0))) return;
        var resources = PodResources.Compute(spec);
        if (!resources.IsComplete) return;
        foreach (var request in resources.Requests)
        {
            if (request.DrivenBy != ResourceDriver.InitContainer || request.Running is not { IsZero: false } running
                || request.InitContainer is not { } init || request.InitPeak is not { } need || init.Container.Role != ContainerRole.Init) continue;
            var reserved = request.Overhead is null ? need.ToString() : request.Amount + " with its overhead";
            var related = request.RunningParts
                .Select(p => RelatedLocation.At(p.Field, $"`{p.Container.DisplayName}` requests {p.Amount}{(p.IsDefaultedFromLimit ? " (its limit)" : "")}"))
                .ToImmutableArray();
            var own = init.Amount;
            var ownText = init.IsDefaultedFromLimit ? own + " (its limit, which the request defaults to)" : own.ToString();
            context.Report(own == need ? Dominates : DominatesWithSidecars, init.Field,
                [("container", init.Container.DisplayName), ("resource", request.Name), ("request", ownText), ("need", need.ToString()),
                 ("running", running.ToString()), ("reserved", reserved)],
                related);
        }
    }
}
