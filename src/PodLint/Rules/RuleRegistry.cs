using PodLint.Diagnostics;
using PodLint.Rules.ApiServer;
using PodLint.Rules.MultiContainer;

namespace PodLint.Rules;

/// <summary>The built-in rules, and the one list of every descriptor PodLint knows.</summary>
public static class RuleRegistry
{
    /// <summary>The built-in Pod rules, in id order.</summary>
    public static IReadOnlyList<IPodRule> BuiltInRules { get; } =
    [
        new PL2001DuplicateContainerName(),
        new PL2002MissingContainerImage(),
        new PL2003WorkloadSelector(),
        new PL2004TemplateRestartPolicy(),
        new PL2005DuplicateHostPort(),
        new PL2010ObjectName(),
        new PL2011PodNameNotDnsLabel(),
        new PL2012LabelsAndAnnotations(),
        new PL2013OwnerReferencesAndFinalizers(),
        new PL2014PodAnnotations(),
        new PL2015DeprecatedPodAnnotation(),
        new PL2020InvalidContainerName(),
        new PL2021UnsupportedContainerValue(),
        new PL2022ContainerRestartPolicy(),
        new PL2023InvalidResizePolicy(),
        new PL2024InvalidContainerPort(),
        new PL2025ImageWhitespace(),
        new PL2026PortDefinitionWarning(),
        new PL2030InvalidEnv(),
        new PL2031EnvVarHidesPrevious(),
        new PL2040InvalidVolumeMount(),
        new PL2050InvalidProbeOrHook(),
        new PL2080InitContainerProbeOrHook(),
        new PL2081EphemeralContainerOnCreate(),
        new PL3001DuplicateContainerPort(),
        new PL3002DuplicatePortName(),
        new PL3003UnknownProbePortName(),
        new PL3004ProbePortOfOtherContainer(),
        new PL3005SidecarBlocksCompletion(),
        new PL3006LocalhostPortNotRunning(),
        new PL3007InitContainerPorts(),
        new PL3008InitContainerNeverExits(),
        new PL3009SidecarWithoutStartupProbe(),
        new PL3010UnusedVolume(),
        new PL3011InitOnlyEmptyDir(),
        new PL3012InitContainerDominatesRequests(),
        new PL3013SidecarWithoutRequests(),
    ];

    /// <summary>Every built-in descriptor: the findings of the loader, the object classifier and the schema check, and
    /// the rules; in id order.</summary>
    public static IReadOnlyList<RuleDescriptor> BuiltInDescriptors { get; } =
        [.. InputRules.All.Concat(Schema.SchemaRules.All).Concat(BuiltInRules.Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)];
}
