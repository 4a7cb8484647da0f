using PodLint.Parsing;

namespace PodLint.Diagnostics;

/// <summary>
/// Where a value or object of the model was written: the span of its value, the span of its key (the field name, the
/// map key, or for a list item its first line), and its field path. One struct, so that a finding can never pair one
/// value's span with another's path.
/// </summary>
/// <param name="Span">The value's span (for an absent value: where its owner is, see <c>PodLint.Model.Field{T}</c>).</param>
/// <param name="KeySpan">The key's span; for list items and whole documents, their first line.</param>
/// <param name="Path">The field path in the API server's syntax.</param>
public readonly record struct Location(SourceSpan Span, SourceSpan KeySpan, FieldPath Path);

/// <summary>Anything of the model that has a <see cref="Location"/>: values, lists, maps, objects.</summary>
public interface ILocated
{
    /// <summary>Where it was written, and its field path.</summary>
    Location Location { get; }
}
