using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2025: a container image with leading or trailing whitespace (spec §1.B.2 CR4). The API server checks it when it
/// creates a Pod (not when it stores a workload's template, whose Pods it then refuses to create).
/// </summary>
internal sealed class PL2025ImageWhitespace : ContainerRule
{
    public static readonly MessageTemplate Whitespace = new("whitespace", "image `{image}` of container `{container}` must not have leading or trailing whitespace",
        "write the image without the surrounding spaces: `{trimmed}`", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.ImageWhitespace, "image-whitespace", RuleCategory.ApiServer,
        Severity.Error, "A container image must not have leading or trailing whitespace",
        messages: [Whitespace], appliesTo: ContainerRoles.All);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        var image = container.Image;
        // An empty image is PL2002's; a whitespace-only one passes there and fails here, as on the server.
        if (!image.IsValid || image.Value.Length == 0) return;
        var trimmed = image.Value.Trim();
        if (trimmed.Length == image.Value.Length) return;
        context.Report(Whitespace, image, [("image", image.Value), ("container", container.DisplayName), ("trimmed", trimmed)],
            help: trimmed.Length == 0 ? "give the container an image, e.g. `nginx:1.27`" : null);
    }
}
