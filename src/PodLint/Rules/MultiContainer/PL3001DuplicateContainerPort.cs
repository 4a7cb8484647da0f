using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3001: two containers that run at the same time declare the same containerPort and protocol. They share
/// one network namespace, so the second process cannot bind the port. The API server only warns.
/// </summary>
internal sealed class PL3001DuplicateContainerPort : IPodRule
{
    public static readonly RuleDescriptor Rule = new(RuleIds.DuplicateContainerPort, "duplicate-container-port", RuleCategory.MultiContainer,
        Severity.Warning, "Containers that run at the same time must not declare the same `containerPort` and protocol");

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        // The API server's visit order: initContainers, then containers. The later declaration is reported.
        var declared = new List<(Container Container, ContainerPort Port, long Number, string Protocol)>();
        foreach (var container in context.InitContainers.Concat(context.AppContainers))
        {
            foreach (var port in container.Ports)
            {
                if (port.ContainerPortNumber is not { } number) continue;
                var protocol = port.EffectiveProtocol;
                var clash = declared.FindIndex(d => d.Number == number.Value && d.Protocol == protocol
                    && PodContext.RunConcurrently(d.Container, container));
                if (clash >= 0)
                {
                    var first = declared[clash];
                    var key = number.Value.ToString(CultureInfo.InvariantCulture) + "/" + protocol;
                    var firstNumber = first.Port.ContainerPortNumber!.Value;
                    context.Report(Rule, number.Span, number.Path,
                        $"container port `{key}` of `{container.DisplayName}` is already declared by `{first.Container.DisplayName}`",
                        $"containers of a Pod share one network namespace, so only one of them can bind {key}: give `{container.DisplayName}` another port",
                        [new RelatedLocation(firstNumber.Span, $"first declared here, by `{first.Container.DisplayName}`", firstNumber.Path.ToString())]);
                }

                declared.Add((container, port, number.Value, protocol));
            }
        }
    }
}
