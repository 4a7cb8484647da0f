using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules;

/// <summary>
/// A rule that looks at containers one at a time: <see cref="AnalyzeContainer"/> runs for each container whose role
/// the descriptor's <see cref="RuleDescriptor.AppliesTo"/> names (kube-linter's PerContainerCheck), so that which
/// roles a rule covers is declared once, documented on its page, and cannot differ from what it does.
/// </summary>
public abstract class ContainerRule : IPodRule
{
    /// <inheritdoc />
    public abstract RuleDescriptor Descriptor { get; }

    /// <inheritdoc />
    public void Analyze(PodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var container in context.ContainersWithRole(Descriptor.AppliesTo)) AnalyzeContainer(context, container);
    }

    /// <summary>Checks one container of the rule's roles.</summary>
    protected abstract void AnalyzeContainer(PodContext context, Container container);
}
