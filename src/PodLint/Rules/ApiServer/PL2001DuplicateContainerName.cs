using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>PL2001: container names must be unique across containers, initContainers and ephemeralContainers.</summary>
internal sealed class PL2001DuplicateContainerName : IPodRule
{
    public static readonly RuleDescriptor Rule = new(RuleIds.DuplicateContainerName, "duplicate-container-name", RuleCategory.ApiServer,
        Severity.Error, "Container names must be unique across containers, initContainers and ephemeralContainers");

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        // The API server checks containers, then initContainers, then ephemeralContainers: the later one is the duplicate.
        var seen = new Dictionary<string, Container>(StringComparer.Ordinal);
        foreach (var container in context.AllContainers)
        {
            if (container.Name is not { Value.Length: > 0 } name) continue;
            if (seen.TryGetValue(name.Value, out var first))
            {
                context.Report(Rule, name.Span, name.Path,
                    $"container name `{name.Value}` is already used by `{first.Path}`",
                    "rename one of the containers: names must be unique across containers, initContainers and ephemeralContainers",
                    [new RelatedLocation(first.Name!.Value.Span, "first used here", first.Name.Value.Path.ToString())]);
                continue;
            }

            seen.Add(name.Value, container);
        }
    }
}
