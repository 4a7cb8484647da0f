namespace PodLint.Diagnostics;

/// <summary>Why a finding was silenced: the suppression that matched it (an annotation or a comment in the
/// manifest), kept so that reports can say so (SARIF <c>suppressions</c>, kind <c>inSource</c>).</summary>
/// <param name="Justification">The reason the suppression gives, if any.</param>
/// <param name="Span">Where the suppression is written, if known.</param>
public sealed record DiagnosticSuppression(string? Justification, SourceSpan? Span = null);
