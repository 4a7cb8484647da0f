using PodLint.Diagnostics;
using PodLint.Rules.ApiServer;
using PodLint.Rules.MultiContainer;

namespace PodLint.Rules;

/// <summary>The built-in rules and the descriptors of every finding PodLint can report.</summary>
public static class RuleRegistry
{
    /// <summary>The built-in Pod rules, in id order.</summary>
    public static IReadOnlyList<IPodRule> BuiltInRules { get; } =
    [
        new PL2001DuplicateContainerName(),
        new PL2002MissingContainerImage(),
        new PL3001DuplicateContainerPort(),
    ];

    /// <summary>Every built-in descriptor (input findings and rules), in id order.</summary>
    public static IReadOnlyList<RuleDescriptor> BuiltInDescriptors { get; } =
        [.. InputRules.All.Concat(Schema.SchemaRules.All).Concat(BuiltInRules.Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)];
}
