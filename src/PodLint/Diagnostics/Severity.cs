namespace PodLint.Diagnostics;

/// <summary>How serious a finding is. Error: the API server rejects it or it cannot work at run time;
/// warning: the server warns, or it very likely misbehaves; info: advice.</summary>
public enum Severity
{
    /// <summary>Advice; never fails a run.</summary>
    Info = 0,

    /// <summary>The API server warns, or the Pod very likely misbehaves.</summary>
    Warning = 1,

    /// <summary>The API server rejects the Pod, or it cannot work at run time.</summary>
    Error = 2,
}

/// <summary>The level a rule is configured at: a <see cref="Severity"/>, or off.</summary>
public enum RuleLevel
{
    /// <summary>The rule does not run and reports nothing.</summary>
    Off = -1,

    /// <summary>Report at info level.</summary>
    Info = Severity.Info,

    /// <summary>Report at warning level.</summary>
    Warning = Severity.Warning,

    /// <summary>Report at error level.</summary>
    Error = Severity.Error,
}
