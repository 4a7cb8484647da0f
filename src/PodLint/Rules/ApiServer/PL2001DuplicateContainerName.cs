using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>PL2001: container names must be unique across containers, initContainers and ephemeralContainers.</summary>
internal sealed class PL2001DuplicateContainerName : IPodRule
{
    public static readonly MessageTemplate AlreadyUsed = new("already-used", "container name `{name}` is already used by `{first}`",
        "rename one of the containers: names must be unique across containers, initContainers and ephemeralContainers", ApiErrorType.Duplicate);

    public static readonly RuleDescriptor Rule = new(RuleIds.DuplicateContainerName, "duplicate-container-name", RuleCategory.ApiServer,
        Severity.Error, "Container names must be unique across containers, initContainers and ephemeralContainers",
        messages: [AlreadyUsed], appliesTo: ContainerRoles.All);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        // The API server checks containers, then initContainers, then ephemeralContainers: the later one is the duplicate.
        var seen = new Dictionary<string, Container>(StringComparer.Ordinal);
        foreach (var container in context.Containers)
        {
            var name = container.Name;
            if (name.Value is not { Length: > 0 } text) continue;
            if (seen.TryGetValue(text, out var first))
            {
                context.Report(AlreadyUsed, name, [("name", text), ("first", first.Location.Path.ToString())],
                    [RelatedLocation.At(first.Name, "first used here")]);
                continue;
            }

            seen.Add(text, container);
        }
    }
}
