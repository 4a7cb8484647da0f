namespace PodLint.Diagnostics;

/// <summary>
/// Every rule id, in one place. An id is permanent: a retired rule keeps its id forever and it is never reused.
/// </summary>
public static class RuleIds
{
    /// <summary>Base of the rule documentation links; <c>rules/{id}.md</c> in the repository.</summary>
    public const string HelpUriBase = "https://github.com/podlint/podlint/blob/main/rules/";

#pragma warning disable CS1591 // The constants are named after the rules they identify; rules/<id>.md documents each.
    // PL0xxx: input and parsing
    public const string InvalidYaml = "PL0001";
    public const string DuplicateKey = "PL0002";
    public const string EmptyDocument = "PL0003";
    public const string DocumentNotMapping = "PL0004";
    public const string MissingApiVersion = "PL0005";
    public const string MissingKind = "PL0006";
    public const string UnsupportedKind = "PL0007";
    public const string UnsupportedApiVersion = "PL0008";
    public const string BinaryFile = "PL0009";
    public const string InvalidEncoding = "PL0010";
    public const string UnreadableFile = "PL0011";
    public const string AliasExpansionLimit = "PL0012";
    public const string NestingDepthLimit = "PL0013";
    public const string InternalError = "PL0014";
    public const string MisspeltKind = "PL0015";
    public const string UnusedSuppression = "PL0016";

    // PL1xxx: schema
    public const string InvalidValueType = "PL1001";
    public const string UnknownField = "PL1002";
    public const string MissingRequiredField = "PL1003";
    public const string InvalidQuantity = "PL1004";

    // PL2xxx: API server
    public const string DuplicateContainerName = "PL2001";
    public const string MissingContainerImage = "PL2002";
    public const string WorkloadSelector = "PL2003";
    public const string TemplateRestartPolicy = "PL2004";
    public const string DuplicateHostPort = "PL2005";
    public const string ObjectName = "PL2010";
    public const string PodNameNotDnsLabel = "PL2011";
    public const string LabelsAndAnnotations = "PL2012";
    public const string OwnerReferencesAndFinalizers = "PL2013";
    public const string PodAnnotations = "PL2014";
    public const string DeprecatedPodAnnotation = "PL2015";
    public const string InvalidContainerName = "PL2020";
    public const string UnsupportedContainerValue = "PL2021";
    public const string ContainerRestartPolicy = "PL2022";
    public const string InvalidResizePolicy = "PL2023";
    public const string InvalidContainerPort = "PL2024";
    public const string ImageWhitespace = "PL2025";
    public const string PortDefinitionWarning = "PL2026";
    public const string InvalidEnv = "PL2030";
    public const string EnvVarHidesPrevious = "PL2031";
    public const string InvalidVolumeMount = "PL2040";
    public const string InvalidProbeOrHook = "PL2050";
    public const string InvalidResourceRequirements = "PL2060";
    public const string FractionalByteValue = "PL2061";
    public const string InvalidResourceClaims = "PL2062";
    public const string InvalidSecurityContext = "PL2070";
    public const string InvalidSysctls = "PL2071";
    public const string DeprecatedSecurityAnnotation = "PL2072";
    public const string InitContainerProbeOrHook = "PL2080";
    public const string EphemeralContainerOnCreate = "PL2081";
    public const string PodSpecValue = "PL2090";
    public const string PodSpecName = "PL2091";
    public const string DnsConfig = "PL2092";
    public const string HostNetworkPort = "PL2093";
    public const string HostUsers = "PL2094";
    public const string ProfileAnnotationMismatch = "PL2095";
    public const string OsSpecificField = "PL2096";
    public const string WindowsHostProcess = "PL2097";
    public const string PodSpecWarning = "PL2098";
    public const string FieldIgnoredByVersion = "PL2099";
    public const string VolumeNameAndSource = "PL2100";
    public const string VolumeSourceFields = "PL2101";
    public const string VolumeItems = "PL2102";
    public const string ProjectedVolumeSources = "PL2103";
    public const string DeprecatedVolumeType = "PL2104";
    public const string OverlappingVolumePaths = "PL2105";
    public const string EphemeralVolume = "PL2106";
    public const string Affinity = "PL2130";
    public const string Tolerations = "PL2131";
    public const string TopologySpreadConstraints = "PL2132";
    public const string NodeLabelWarning = "PL2133";
    public const string NullLabelSelector = "PL2134";

    // PL3xxx: multi-container
    public const string DuplicateContainerPort = "PL3001";
    public const string DuplicatePortName = "PL3002";
    public const string UnknownProbePortName = "PL3003";
    public const string ProbePortOfOtherContainer = "PL3004";
    public const string SidecarBlocksCompletion = "PL3005";
    public const string LocalhostPortNotRunning = "PL3006";
    public const string InitContainerPorts = "PL3007";
    public const string InitContainerNeverExits = "PL3008";
    public const string SidecarWithoutStartupProbe = "PL3009";
    public const string UnusedVolume = "PL3010";
    public const string InitOnlyEmptyDir = "PL3011";
    public const string InitContainerDominatesRequests = "PL3012";
    public const string SidecarWithoutRequests = "PL3013";
#pragma warning restore CS1591

    /// <summary>The documentation link of a rule; the only way help links are built.</summary>
    public static Uri GetHelpUri(string id) => new(HelpUriBase + id + ".md");
}
