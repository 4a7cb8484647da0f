namespace PodLint.Model;

/// <summary>What the manifest says about a field.</summary>
public enum FieldState : byte
{
    /// <summary>The field is not written.</summary>
    Absent = 0,

    /// <summary>The field is written as null (<c>field:</c>, <c>~</c>, <c>null</c>), which Kubernetes reads as "not set".</summary>
    Null = 1,

    /// <summary>The value cannot be used (a wrong type, a field the selected Kubernetes version does not have, a bad
    /// quantity, an unresolvable alias): a finding already says so, so rules say nothing more about it.</summary>
    Invalid = 2,

    /// <summary>The value is usable.</summary>
    Valid = 3,
}
