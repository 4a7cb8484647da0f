using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>PL2002: every container needs a non-empty image.</summary>
internal sealed class PL2002MissingContainerImage : ContainerRule
{
    public static readonly MessageTemplate Missing = new("missing", "container `{container}` has no `image`",
        "add `image:` with the container image to run, e.g. `nginx:1.27`", ApiErrorType.Required);

    public static readonly MessageTemplate Empty = new("empty", "container `{container}` has an empty `image`",
        "set `image` to the container image to run, e.g. `nginx:1.27`", ApiErrorType.Required);

    public static readonly RuleDescriptor Rule = new(RuleIds.MissingContainerImage, "missing-container-image", RuleCategory.ApiServer,
        Severity.Error, "Every container, init container and ephemeral container needs a non-empty `image`",
        messages: [Missing, Empty], appliesTo: ContainerRoles.All);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        var image = container.Image;
        switch (image.State)
        {
            case FieldState.Absent or FieldState.Null:
                context.Report(Missing, image.MissingAt, [("container", container.DisplayName)]);
                break;
            case FieldState.Valid when image.Value.Length == 0:
                context.Report(Empty, image, [("container", container.DisplayName)]);
                break;
        }
    }
}
