using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3007: a plain init container declares ports. It runs alone, to completion, before the app containers start,
/// and Services ignore the ports of init containers, so the declaration serves nothing. When the container looks like
/// a long-lived helper (a helper image family, or a command that never exits), it was probably meant as a native
/// sidecar.
/// </summary>
internal sealed class PL3007InitContainerPorts : ContainerRule
{
    public static readonly MessageTemplate DeclaresPorts = new("declares-ports",
        "init container `{container}` declares {ports}, but it runs to completion before the app containers start, and Services ignore the ports of init containers",
        "remove `ports` from `{container}`; if it should keep serving beside the app, make it a native sidecar with `restartPolicy: Always`");

    public static readonly MessageTemplate MeantAsSidecar = new("meant-as-sidecar",
        "init container `{container}` declares {ports} and looks like a long-lived helper ({evidence}): it was probably meant as a native sidecar",
        "add `restartPolicy: Always` to `{container}`: it then starts before the app containers and keeps running beside them");

    public static readonly RuleDescriptor Rule = new(RuleIds.InitContainerPorts, "init-container-ports", RuleCategory.MultiContainer,
        Severity.Info, "A plain init container must not declare ports: it never serves beside the app, and Services ignore them",
        messages: [DeclaresPorts, MeantAsSidecar], appliesTo: ContainerRoles.Init);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        var ports = container.Ports;
        if (ports.Count == 0) return;
        var numbers = ports.Where(p => p.ContainerPortNumber.IsValid)
            .Select(p => "`" + p.ContainerPortNumber.Value.ToString(CultureInfo.InvariantCulture) + "`").Distinct(StringComparer.Ordinal).ToList();
        var described = numbers.Count switch
        {
            0 => "ports",
            1 => "port " + numbers[0],
            _ => "ports " + string.Join(", ", numbers),
        };
        var first = ports[0];
        ILocated at = first.ContainerPortNumber.IsValid ? first.ContainerPortNumber : first;
        var evidence = context.Helpers.Classify(container);
        if (evidence.IsStrong)
        {
            context.Report(MeantAsSidecar, at, [("container", container.DisplayName), ("ports", described), ("evidence", evidence.Description)],
                evidence.At is { } shown ? [RelatedLocation.At(shown, evidence.Description)] : default);
            return;
        }

        context.Report(DeclaresPorts, at, [("container", container.DisplayName), ("ports", described)]);
    }
}
