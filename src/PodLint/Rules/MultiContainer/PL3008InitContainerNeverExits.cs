using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3008: a plain init container whose command never exits (<c>sleep infinity</c>, <c>tail -f /dev/null</c>, a
/// <c>while true</c> loop without <c>break</c> or <c>exit</c>). Init containers run to completion one after another,
/// so the next init container and the app containers never start. Decided from the command only, never from the image
/// (Istio's <c>istio-init</c> runs the proxy image and exits).
/// </summary>
internal sealed class PL3008InitContainerNeverExits : ContainerRule
{
    public static readonly MessageTemplate NeverExits = new("never-exits",
        "init container `{container}` never exits ({command}), so the Pod never gets past its init containers and the app containers never start",
        "if `{container}` should keep running beside the app, make it a native sidecar with `restartPolicy: Always`; otherwise let its command finish");

    public static readonly RuleDescriptor Rule = new(RuleIds.InitContainerNeverExits, "init-container-never-exits", RuleCategory.MultiContainer,
        Severity.Error, "A plain init container must run to completion: a command that never exits (`sleep infinity`, `tail -f`) keeps the app from ever starting",
        messages: [NeverExits], appliesTo: ContainerRoles.Init);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        if (!ContainerCommands.TryFindNeverExiting(container, out var command)) return;
        context.Report(NeverExits, command.At, [("container", container.DisplayName), ("command", command.Description)]);
    }
}
