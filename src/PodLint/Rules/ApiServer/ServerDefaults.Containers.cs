using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>The API server's defaults (spec §0.3) that the container rules (probes, lifecycle hooks, env) depend on.</summary>
internal static partial class ServerDefaults
{
    /// <summary>
    /// A probe's <c>timeoutSeconds</c> after defaulting. §0.3: "probes | <c>timeoutSeconds 1</c>, <c>periodSeconds 10</c>,
    /// <c>successThreshold 1</c>, <c>failureThreshold 3</c> (only when 0)". Absent (or null) is 0 in the API.
    /// </summary>
    public static int ProbeTimeoutSeconds(Probe probe) => OrWhenZero(probe.TimeoutSeconds, 1);

    /// <summary>A probe's <c>periodSeconds</c> after defaulting: 10 when 0 (§0.3 "probes … <c>periodSeconds 10</c> … (only when 0)").</summary>
    public static int ProbePeriodSeconds(Probe probe) => OrWhenZero(probe.PeriodSeconds, 10);

    /// <summary>
    /// A probe's <c>successThreshold</c> after defaulting: 1 when 0 (§0.3 "probes … <c>successThreshold 1</c> … (only when
    /// 0)"; "probes with <c>successThreshold: 0</c> become 1 (valid)").
    /// </summary>
    public static int ProbeSuccessThreshold(Probe probe) => OrWhenZero(probe.SuccessThreshold, 1);

    /// <summary>A probe's <c>failureThreshold</c> after defaulting: 3 when 0 (§0.3 "probes … <c>failureThreshold 3</c> (only when 0)").</summary>
    public static int ProbeFailureThreshold(Probe probe) => OrWhenZero(probe.FailureThreshold, 3);

    /// <summary>An <c>httpGet</c> handler's <c>path</c> after defaulting: <c>/</c> when empty (§0.3 "<c>httpGet.path</c> / <c>httpGet.scheme</c> | <c>/</c> / <c>HTTP</c>").</summary>
    public static string HttpGetPath(HTTPGetAction action) => action.Path.Value is { Length: > 0 } path ? path : "/";

    /// <summary>An <c>httpGet</c> handler's <c>scheme</c> after defaulting: <c>HTTP</c> when empty (§0.3 "<c>httpGet.path</c> / <c>httpGet.scheme</c> | <c>/</c> / <c>HTTP</c>").</summary>
    public static string HttpGetScheme(HTTPGetAction action) => action.Scheme.Value is { Length: > 0 } scheme ? scheme : "HTTP";

    /// <summary>
    /// The Pod's <c>terminationGracePeriodSeconds</c> after defaulting, which bounds a lifecycle <c>sleep</c>: 30 when
    /// not set (§0.3 "<c>dnsPolicy</c>, <c>restartPolicy</c>, <c>securityContext</c>, <c>terminationGracePeriodSeconds</c>,
    /// <c>schedulerName</c> | <c>ClusterFirst</c>, <c>Always</c>, <c>{}</c>, <c>30</c>, <c>default-scheduler</c>").
    /// </summary>
    public static long TerminationGracePeriodSeconds(PodSpec? spec)
        => spec is not null && spec.TerminationGracePeriodSeconds.IsValid ? spec.TerminationGracePeriodSeconds.Value : 30;

    /// <summary>A <c>fieldRef</c>'s <c>apiVersion</c> after defaulting, in env vars and downward API volumes alike: <c>v1</c>
    /// when empty (§0.3 "<c>fieldRef.apiVersion</c> | <c>v1</c>").</summary>
    public static string FieldRefApiVersion(ObjectFieldSelector selector) => selector.ApiVersion.Value is { Length: > 0 } v ? v : "v1";

    private static int OrWhenZero(Field<int> field, int value) => field.IsValid && field.Value != 0 ? field.Value : value;
}
