namespace PodLint.Diagnostics;

/// <summary>The Kubernetes object a finding is about.</summary>
/// <param name="Kind">The object's kind, e.g. <c>Pod</c>.</param>
/// <param name="Namespace">Its namespace, when the manifest names one.</param>
/// <param name="Name">Its name (or generateName), when the manifest has one.</param>
public sealed record ObjectRef(string Kind, string? Namespace, string? Name)
{
    /// <summary>Renders <c>namespace/name</c>, <c>name</c>, or the kind when unnamed.</summary>
    public override string ToString()
        => Name is null ? $"<unnamed {Kind}>" : Namespace is null ? Name : $"{Namespace}/{Name}";
}
