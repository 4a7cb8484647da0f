using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>PL2002: every container needs a non-empty image.</summary>
internal sealed class PL2002MissingContainerImage : IPodRule
{
    public static readonly RuleDescriptor Rule = new(RuleIds.MissingContainerImage, "missing-container-image", RuleCategory.ApiServer,
        Severity.Error, "Every container, init container and ephemeral container needs a non-empty `image`");

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        foreach (var container in context.AllContainers)
        {
            if (container.Image is { } image)
            {
                if (image.Value.Length == 0)
                {
                    context.Report(Rule, image.Span, image.Path, $"container `{container.DisplayName}` has an empty `image`",
                        "set `image` to the container image to run, e.g. `nginx:1.27`");
                }

                continue;
            }

            // A value of the wrong type was already reported (PL1001): one root cause, one finding.
            // So was an unresolvable alias (PL0001), which stands in as a non-null placeholder.
            if (container.Mapping.Find("image") is { } entry && !entry.Value.IsNull) continue;
            var at = container.Name?.Span ?? FirstKeySpan(container.Mapping) ?? container.Span;
            context.Report(Rule, at, container.Path.Field("image"), $"container `{container.DisplayName}` has no `image`",
                "add `image:` with the container image to run, e.g. `nginx:1.27`");
        }
    }

    private static SourceSpan? FirstKeySpan(MappingNode map) => map.Entries.Count > 0 ? map.Entries[0].Key.Span : null;
}
