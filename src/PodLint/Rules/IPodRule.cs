using PodLint.Diagnostics;

namespace PodLint.Rules;

/// <summary>
/// A rule that checks one Pod. Rules are small, stateless and thread-safe: one instance checks many Pods,
/// in parallel. A rule reports through <see cref="PodContext"/>'s <c>Report</c> and never throws for bad input.
/// </summary>
public interface IPodRule
{
    /// <summary>What the rule is: id, name, category, default severity, summary.</summary>
    RuleDescriptor Descriptor { get; }

    /// <summary>Checks one Pod and reports what it finds.</summary>
    void Analyze(PodContext context);
}
