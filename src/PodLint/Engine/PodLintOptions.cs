using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PodLint.Configuration;
using PodLint.Parsing;
using PodLint.Diagnostics;
using PodLint.Rules;

namespace PodLint.Engine;

/// <summary>How <see cref="PodLinter"/> checks manifests.</summary>
public sealed record PodLintOptions
{
    /// <summary>
    /// Re-grades or turns off rules, keyed by id (<c>PL3001</c>) or name (<c>duplicate-container-port</c>).
    /// Rules not named keep their default severity (or stay off when disabled by default).
    /// </summary>
    public IReadOnlyDictionary<string, RuleLevel> RuleLevels { get; init; } = new Dictionary<string, RuleLevel>();

    /// <summary>Rules of the embedding application, run after the built-in ones.</summary>
    public IReadOnlyList<IPodRule> AdditionalRules { get; init; } = [];

    /// <summary>Operational logging (never findings). Defaults to <see cref="NullLogger.Instance"/>.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>How many files are checked at once; defaults to the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The Kubernetes minor version whose Pod schema the manifests are checked against (<c>1.33</c>); null for the
    /// newest supported one. <see cref="PodLinter.SupportedKubernetesVersions"/> lists the choices.
    /// </summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>The rules that run before <see cref="RuleLevels"/> re-grades them: the recommended ones (enabled by
    /// default) or all of them.</summary>
    public RuleSelection RuleSelection { get; init; } = RuleSelection.Recommended;

    /// <summary>
    /// Extra image families of long-lived helpers (proxies, agents, shippers) for the multi-container rules (PL3005,
    /// PL3007), beside the built-in ones: the image repository's last segment(s), with an optional <c>*</c> at the
    /// start or end (<c>example.com/telemetry-agent</c>, <c>*-shipper</c>).
    /// </summary>
    public IReadOnlyList<string> LongLivedImages { get; init; } = [];

    /// <summary>Which files found in folders (or named) are checked, by full path; null for all (configuration's include/exclude).</summary>
    internal Func<string, bool>? FileFilter { get; init; }

    /// <summary>Which folders a folder scan enters, by full path; null for all (a configuration's exclude globs that
    /// match a folder itself).</summary>
    internal Func<string, bool>? FolderFilter { get; init; }

    /// <summary>Bounds against hostile input (nesting depth, alias expansion).</summary>
    public ParserLimits Limits { get; init; } = ParserLimits.Default;
}
