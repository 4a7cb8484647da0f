using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules;

/// <summary>
/// What a rule sees of one Pod: the typed model, container views that know init containers and native
/// sidecars, and the way to report findings.
/// </summary>
public sealed class PodContext
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly Func<RuleDescriptor, RuleLevel> _levelOf;

    internal PodContext(Pod pod, List<Diagnostic> diagnostics, Func<RuleDescriptor, RuleLevel> levelOf, CancellationToken cancellationToken)
    {
        Pod = pod;
        _diagnostics = diagnostics;
        _levelOf = levelOf;
        CancellationToken = cancellationToken;
        Object = pod.Reference;
        var spec = pod.Spec;
        AppContainers = spec?.Containers ?? [];
        InitContainers = spec?.InitContainers ?? [];
        EphemeralContainers = spec?.EphemeralContainers ?? [];
        SidecarContainers = InitContainers.Where(c => c.IsSidecar).ToList();
        AllContainers = [.. AppContainers, .. InitContainers, .. EphemeralContainers];
    }

    /// <summary>The Pod being checked.</summary>
    public Pod Pod { get; }

    /// <summary>The Pod's spec, when it has one.</summary>
    public PodSpec? Spec => Pod.Spec;

    /// <summary>The Pod's namespace and name, for findings.</summary>
    public ObjectReference Object { get; }

    /// <summary><c>spec.containers</c>: the app containers.</summary>
    public IReadOnlyList<Container> AppContainers { get; }

    /// <summary><c>spec.initContainers</c>, classic and native sidecars alike.</summary>
    public IReadOnlyList<Container> InitContainers { get; }

    /// <summary>Native sidecars: init containers with <c>restartPolicy: Always</c>.</summary>
    public IReadOnlyList<Container> SidecarContainers { get; }

    /// <summary><c>spec.ephemeralContainers</c>.</summary>
    public IReadOnlyList<Container> EphemeralContainers { get; }

    /// <summary>Every container: app, then init, then ephemeral (the API server's validation order).</summary>
    public IReadOnlyList<Container> AllContainers { get; }

    /// <summary>Cancelled when the caller gives up; long rules should check it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Whether two containers run at the same time and so compete for the Pod's shared ports: app containers
    /// and native sidecars run together; a classic init container runs alone, beside the sidecars declared
    /// before it; ephemeral containers are never compared.
    /// </summary>
    public static bool RunConcurrently(Container a, Container b)
    {
        if (ReferenceEquals(a, b)) return false;
        if (a.ContainerKind == ContainerKind.Ephemeral || b.ContainerKind == ContainerKind.Ephemeral) return false;
        var aClassicInit = a.ContainerKind == ContainerKind.Init && !a.IsSidecar;
        var bClassicInit = b.ContainerKind == ContainerKind.Init && !b.IsSidecar;
        if (aClassicInit && bClassicInit) return false;
        if (aClassicInit) return b.IsSidecar && b.Index < a.Index;
        if (bClassicInit) return a.IsSidecar && a.Index < b.Index;
        return true;
    }

    /// <summary>Reports a finding of <paramref name="rule"/>; nothing happens when the rule is turned off.</summary>
    /// <param name="rule">The rule's descriptor.</param>
    /// <param name="span">Where: as small as possible, the offending value.</param>
    /// <param name="path">The field path of the offending value.</param>
    /// <param name="message">What is wrong: lowercase, no trailing period, identifiers in backticks.</param>
    /// <param name="help">How to fix it.</param>
    /// <param name="related">Other places that explain the finding.</param>
    public void Report(RuleDescriptor rule, SourceSpan span, FieldPath? path, string message, string? help = null,
        ImmutableArray<RelatedLocation> related = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var level = _levelOf(rule);
        if (level == RuleLevel.Off) return;
        _diagnostics.Add(new Diagnostic(rule, (Severity)level, message, span, path?.ToString(), Object, help, related));
    }
}
