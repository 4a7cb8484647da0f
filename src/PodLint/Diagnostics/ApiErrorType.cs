namespace PodLint.Diagnostics;

/// <summary>
/// The kind of error the Kubernetes API server reports for a field (its <c>field.ErrorType</c>), for the findings that
/// predict one: what a client sees before the detail, as in <c>spec.containers[0].image: Required value</c>.
/// </summary>
public enum ApiErrorType
{
    /// <summary>"Required value": a field that must be set is missing or empty.</summary>
    Required,

    /// <summary>"Invalid value": the value is malformed or inconsistent with others.</summary>
    Invalid,

    /// <summary>"Duplicate value": the value must be unique and is not.</summary>
    Duplicate,

    /// <summary>"Unsupported value": the value is not one of the supported ones.</summary>
    NotSupported,

    /// <summary>"Not found": the value refers to something that does not exist.</summary>
    NotFound,

    /// <summary>"Forbidden": the field may not be set here, or not with this value.</summary>
    Forbidden,

    /// <summary>"Too long": the value is longer than its limit.</summary>
    TooLong,

    /// <summary>"Too many": a list has more items than its limit.</summary>
    TooMany,
}
