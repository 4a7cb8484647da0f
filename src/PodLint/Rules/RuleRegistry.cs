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
        new PL2060InvalidResourceRequirements(),
        new PL2061FractionalByteValue(),
        new PL2062InvalidResourceClaims(),
        new PL2070InvalidSecurityContext(),
        new PL2071InvalidSysctls(),
        new PL2072DeprecatedSecurityAnnotation(),
        new PL2080InitContainerProbeOrHook(),
        new PL2081EphemeralContainerOnCreate(),
        new PL2090PodSpecValue(),
        new PL2091PodSpecName(),
        new PL2092DnsConfig(),
        new PL2093HostNetworkPort(),
        new PL2094HostUsers(),
        new PL2095ProfileAnnotationMismatch(),
        new PL2096OsSpecificField(),
        new PL2097WindowsHostProcess(),
        new PL2098PodSpecWarning(),
        new PL2099FieldIgnoredByVersion(),
        new PL2100VolumeNameAndSource(),
        new PL2101VolumeSourceFields(),
        new PL2102VolumeItems(),
        new PL2103ProjectedVolumeSources(),
        new PL2104DeprecatedVolumeType(),
        new PL2105OverlappingVolumePaths(),
        new PL2106EphemeralVolume(),
        new PL2130Affinity(),
        new PL2131Tolerations(),
        new PL2132TopologySpreadConstraints(),
        new PL2133NodeLabelWarning(),
        new PL2134NullLabelSelector(),
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
