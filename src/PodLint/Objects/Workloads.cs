using PodLint.Model;

namespace PodLint.Objects;

/// <summary>Where each kind keeps its Pod: a Pod is one; the workloads hold a Pod template.</summary>
internal static class Workloads
{
    /// <summary>The Pod's metadata and spec of an object, and its template object (null for a Pod).</summary>
    public static (ObjectMeta? Metadata, PodSpec? Spec, PodTemplateSpec? Template) PodOf(KubernetesObject o) => o switch
    {
        Pod pod => (pod.Metadata.Value, pod.Spec.Value, null),
        Deployment d => Template(d.Spec.Value?.Template),
        StatefulSet s => Template(s.Spec.Value?.Template),
        DaemonSet ds => Template(ds.Spec.Value?.Template),
        ReplicaSet rs => Template(rs.Spec.Value?.Template),
        ReplicationController rc => Template(rc.Spec.Value?.Template),
        PodTemplate t => Template(t.Template),
        Job j => Template(j.Spec.Value?.Template),
        CronJob c => Template(c.Spec.Value?.JobTemplate.Value?.Spec.Value?.Template),
        _ => (null, null, null),
    };

    private static (ObjectMeta?, PodSpec?, PodTemplateSpec?) Template(Field<PodTemplateSpec>? template)
        => template?.Value is { } t ? (t.Metadata.Value, t.Spec.Value, t) : (null, null, null);
}
