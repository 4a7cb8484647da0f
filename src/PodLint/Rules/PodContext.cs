using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules;

/// <summary>
/// What a rule sees of one Pod, or of the Pod template of a workload (Deployment, StatefulSet, DaemonSet, ReplicaSet,
/// ReplicationController, PodTemplate, Job, CronJob): the typed object, the Pod's metadata and spec with every
/// container's role, and the way to report findings. Paths of the model are the API server's
/// (<c>spec.template.spec.containers[0].image</c> in a Deployment).
/// </summary>
public sealed class PodContext
{
    private readonly DiagnosticSink _sink;

    internal PodContext(KubernetesObject @object, ObjectMeta? metadata, PodSpec? spec, PodTemplateSpec? template, string kubernetesVersion,
        DiagnosticSink sink, CancellationToken cancellationToken)
    {
        Object = @object;
        Metadata = metadata;
        Spec = spec;
        Template = template;
        KubernetesVersion = kubernetesVersion;
        _sink = sink;
        CancellationToken = cancellationToken;
        Containers = spec?.AllContainers ?? [];
    }

    /// <summary>The object being checked: a <see cref="Pod"/>, or the workload (<c>Deployment</c>, <c>CronJob</c> …) whose template this is.</summary>
    public KubernetesObject Object { get; }

    /// <summary>The object's kind, namespace and name, as findings name it.</summary>
    public ObjectRef Reference => _sink.Object ?? Object.Reference;

    /// <summary>The Pod's metadata (for a template, <c>….template.metadata</c>), when it has any.</summary>
    public ObjectMeta? Metadata { get; }

    /// <summary>The Pod's spec (for a template, <c>….template.spec</c>), when it has one.</summary>
    public PodSpec? Spec { get; }

    /// <summary>The Pod template when <see cref="Object"/> is a workload; null for a Pod.</summary>
    public PodTemplateSpec? Template { get; }

    /// <summary>Whether this is the Pod template of a workload rather than a Pod.</summary>
    public bool IsTemplate => Template is not null;

    /// <summary>The Kubernetes version the manifests are checked against (<c>1.36</c>).</summary>
    public string KubernetesVersion { get; }

    /// <summary>Every container: app containers, then init containers (native sidecars and plain ones), then ephemeral
    /// containers, each with its <see cref="Container.Role"/>.</summary>
    public IReadOnlyList<Container> Containers { get; }

    /// <summary>The containers with one of the given roles, in <see cref="Containers"/> order.</summary>
    public IEnumerable<Container> ContainersWithRole(ContainerRoles roles) => Spec?.ContainersWithRole(roles) ?? [];

    /// <summary>Which containers are long-lived helpers: the built-in image families and those the options add.</summary>
    internal MultiContainer.LongLivedHelpers Helpers { get; init; } = MultiContainer.LongLivedHelpers.Default;

    /// <summary>Cancelled when the caller gives up; long rules should check it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Reports one of the rule's messages at a value or object of the model: the finding takes its span and path.</summary>
    /// <param name="message">One of the rule's messages (listed in its descriptor).</param>
    /// <param name="at">The value to change (<c>container.Image</c>), or the object; an absent field points at its owner.</param>
    /// <param name="arguments">The message's arguments: <c>[("port", "8080/TCP")]</c>.</param>
    /// <param name="related">Other places that explain the finding ("first declared here").</param>
    /// <param name="help">A help line of the finding's own, instead of the template's.</param>
    public void Report(MessageTemplate message, ILocated at, ImmutableArray<MessageArgument> arguments = default,
        ImmutableArray<RelatedLocation> related = default, string? help = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _sink.Report(message, at, arguments, help, related);
    }

    /// <summary>Reports a finding with a message of its own (for custom rules that do not declare message templates;
    /// the finding then has no message id).</summary>
    /// <param name="rule">The rule's descriptor.</param>
    /// <param name="at">The value to change, or the object.</param>
    /// <param name="message">What is wrong: lowercase, no trailing period, identifiers in backticks.</param>
    /// <param name="help">How to fix it.</param>
    /// <param name="related">Other places that explain the finding.</param>
    public void Report(RuleDescriptor rule, ILocated at, string message, string? help = null, ImmutableArray<RelatedLocation> related = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(at);
        var location = at.Location;
        _sink.Add(new Diagnostic(rule, rule.DefaultSeverity, message, location.Span, location.Path.ToString(), null, help, related));
    }
}
