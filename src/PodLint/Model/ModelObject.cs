using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Model;

/// <summary>
/// The base of every object of the typed model (a Pod, a container, a probe …): where it was written and its field
/// path. Objects are bound from a document by <c>ModelBinder</c> after the schema check; the properties of the
/// generated classes are the API's fields, each a <see cref="Field{T}"/>, <see cref="ListField{T}"/> or
/// <see cref="MapField{T}"/> that knows its state and location.
/// </summary>
public abstract class ModelObject : ILocated
{
    private protected ModelObject()
    {
    }

    private YamlNode _node = null!;
    private YamlNode? _key;
    private FieldPath _path = FieldPath.Root;

    /// <summary>Where the object was written: its mapping, its key (its first line for list items and documents), and its path.</summary>
    public Location Location => new(_node.Span, _key?.Span ?? FirstLine(), _path);

    /// <summary>The object this one was written in, or null for a document's object.</summary>
    public ModelObject? Owner { get; private set; }

    internal FieldPath ObjectPath => _path;

    internal YamlNode ObjectNode => _node;

    internal MappingNode ObjectMapping => (MappingNode)_node.Resolve();

    /// <summary>
    /// Where a finding about one of the object's fields that is not written points: the object's key when it is a
    /// field's value (<c>spec:</c> for a template spec without <c>restartPolicy</c>); for a list item or a document, its
    /// <c>name</c> value when it has one (<c>- name: app</c> for a container without an image), else its first key.
    /// </summary>
    internal SourceSpan AnchorSpan
    {
        get
        {
            if (_key is not null) return _key.Span;
            var map = ObjectMapping;
            if (map.Find("name") is { } name && name.Value.Resolve() is ScalarNode { Type: not ScalarType.Null }) return name.Value.Span;
            return FirstLine();
        }
    }

    private SourceSpan FirstLine()
    {
        var map = ObjectMapping;
        return map.Entries.Count > 0 ? map.Entries[0].Key.Span : _node.Span.FirstLine();
    }

    internal void Attach(YamlNode node, YamlNode? key, ModelObject? owner, FieldPath path)
    {
        _node = node;
        _key = key;
        Owner = owner;
        _path = path;
    }

    /// <summary>Binds one entry of the object's mapping (generated per class; unknown keys are ignored: the schema
    /// check reports them).</summary>
    internal abstract void BindEntry(string key, in MappingEntry entry, ModelBinder binder);

    /// <summary>Called once every entry is bound (e.g. to give containers their roles).</summary>
    internal virtual void OnBound()
    {
    }

    /// <inheritdoc />
    public override string ToString() => _path.IsRoot ? GetType().Name : _path.ToString();
}

/// <summary>A Kubernetes object of one of the kinds PodLint checks (Pod, Deployment, Job …).</summary>
public abstract class KubernetesObject : ModelObject
{
    private protected KubernetesObject()
    {
    }

    /// <summary><c>apiVersion</c>.</summary>
    public abstract Field<string> ApiVersion { get; }

    /// <summary><c>kind</c>.</summary>
    public abstract Field<string> Kind { get; }

    /// <summary><c>metadata</c>.</summary>
    public abstract Field<ObjectMeta> Metadata { get; }

    /// <summary>The object's kind, namespace and name, as findings name it.</summary>
    public ObjectRef Reference
    {
        get
        {
            var meta = Metadata.Value;
            var name = meta?.Name.Value is { Length: > 0 } n ? n : meta?.GenerateName.Value is { Length: > 0 } g ? g : null;
            return new ObjectRef(Kind.Value ?? GetType().Name, meta?.Namespace.Value, name);
        }
    }
}
