using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3003: a probe or lifecycle handler names a port (<c>port: http</c>) that its own container does not declare. The
/// kubelet looks the name up in that container's <c>ports</c> only, so the probe fails every time.
/// </summary>
internal sealed class PL3003UnknownProbePortName : ContainerRule
{
    public static readonly MessageTemplate NotDeclared = new("not-declared",
        "`{handler}` uses port name `{name}`, which `{container}` does not declare",
        "declare the port in the `ports` of `{container}` with `name: {name}`, or write the port number");

    public static readonly MessageTemplate DeclaredByOther = new("declared-by-other",
        "`{handler}` uses port name `{name}`, which `{container}` does not declare: only `{other}` does",
        "the kubelet looks a probe's port name up in its own container only: declare the port in the `ports` of `{container}`, or check `{other}` with a probe of its own");

    public static readonly RuleDescriptor Rule = new(RuleIds.UnknownProbePortName, "unknown-probe-port-name", RuleCategory.MultiContainer,
        Severity.Error, "A probe or lifecycle handler that names its port (`port: http`) needs its own container to declare a port of that name",
        messages: [NotDeclared, DeclaredByOther], appliesTo: ContainerRoles.App | ContainerRoles.NativeSidecar);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        // Most containers have no probe or hook. Ports whose list or names the schema check rejected may hold the
        // name: say nothing more about them.
        if (!HandlerPorts.Has(container) || container.Ports.IsInvalid) return;
        foreach (var port in container.Ports)
        {
            if (port.Name.IsInvalid) return;
        }

        foreach (var reference in HandlerPorts.Of(container))
        {
            // A string that is not a port name ("8080") is the API server's error, not this rule's.
            if (reference.Name is not { } name || !PortNames.IsValid(name) || container.DeclaredPort(name) is not null) continue;
            var (other, otherName) = DeclaredElsewhere(context, container, name);
            if (other is null)
            {
                context.Report(NotDeclared, reference.At, [("handler", reference.Handler), ("name", name), ("container", container.DisplayName)]);
                continue;
            }

            context.Report(DeclaredByOther, reference.At,
                [("handler", reference.Handler), ("name", name), ("container", container.DisplayName), ("other", other.DisplayName)],
                [RelatedLocation.At(otherName, $"declared here, by `{other.DisplayName}`")]);
        }
    }

    /// <summary>The container that declares the name, preferring one that runs beside <paramref name="container"/>.</summary>
    private static (Container? Container, Field<string> Name) DeclaredElsewhere(PodContext context, Container container, string name)
    {
        (Container? Container, Field<string> Name) found = default;
        var containers = context.Containers;
        for (var c = 0; c < containers.Count; c++)
        {
            var other = containers[c];
            if (ReferenceEquals(other, container) || other.DeclaredPort(name) is not { } port) continue;
            if (other.RunsAlongside(container)) return (other, port.Name);
            if (found.Container is null) found = (other, port.Name);
        }

        return found;
    }
}
