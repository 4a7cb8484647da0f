using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2050: the probes and lifecycle hooks of app containers and native sidecars (spec §1.G PR1–PR12, L1–L4; §1.J I4):
/// exactly one handler each, non-negative numbers, <c>successThreshold</c> 1 for liveness and startup probes, the probe's
/// own <c>terminationGracePeriodSeconds</c>, and each handler's fields (<c>exec.command</c>, ports, <c>scheme</c>, header
/// names, <c>sleep</c> against the Pod's grace period). Zero thresholds and timeouts, an empty <c>path</c> and an empty
/// <c>scheme</c> are defaulted before validation (§0.3, <see cref="ServerDefaults"/>). Plain init containers may have no
/// probes or hooks at all (PL2080), ephemeral containers neither (PL2081). A port name that the container does not
/// declare is PL3003's: the server accepts any valid name.
/// </summary>
internal sealed class PL2050InvalidProbeOrHook : ContainerRule
{
    public static readonly MessageTemplate NoHandler = new("no-handler", "`{handler}` must specify a handler type",
        "give it one of {handlers}", ApiErrorType.Required);

    public static readonly MessageTemplate ExtraHandler = new("extra-handler",
        "`{handler}` may not specify more than 1 handler type: `{extra}` after `{first}`",
        "keep one handler: the kubelet runs exactly one", ApiErrorType.Forbidden);

    public static readonly MessageTemplate Negative = new("negative", "`{field}: {value}` must be greater than or equal to 0",
        "use 0 or more: 0 means the default (for `initialDelaySeconds`, no delay)", ApiErrorType.Invalid);

    public static readonly MessageTemplate SuccessThresholdNotOne = new("success-threshold-not-one", "`{handler}.successThreshold: {value}` must be 1",
        "a liveness or startup probe succeeds on its first success: write `successThreshold: 1`, or remove it", ApiErrorType.Invalid);

    public static readonly MessageTemplate ReadinessGracePeriod = new("readiness-grace-period",
        "`readinessProbe.terminationGracePeriodSeconds` must not be set for readinessProbes",
        "remove it: a failing readiness probe takes the Pod out of its Services, it does not stop the container", ApiErrorType.Invalid);

    public static readonly MessageTemplate GracePeriodNotPositive = new("grace-period-not-positive",
        "`{handler}.terminationGracePeriodSeconds: {value}` must be greater than 0",
        "give the seconds the container has to stop after the probe fails, at least 1, or remove it to use the Pod's", ApiErrorType.Invalid);

    public static readonly MessageTemplate EmptyCommand = new("empty-command", "`{handler}.exec.command` is required",
        "give the command to run, as a list: `command: [cat, /tmp/healthy]`", ApiErrorType.Required);

    public static readonly MessageTemplate BadPort = new("bad-port", "`{handler}.{action}.port: {value}` is invalid: {detail}",
        "give a port number between 1 and 65535, or the name of a port the container declares (at most 15 lowercase letters, digits and `-`, with a letter)",
        ApiErrorType.Invalid);

    public static readonly MessageTemplate BadScheme = new("bad-scheme",
        "`{handler}.httpGet.scheme: {value}` is not supported (supported values: `HTTP`, `HTTPS`)", "{help}", ApiErrorType.NotSupported);

    public static readonly MessageTemplate BadHeader = new("bad-header",
        "header name `{name}` of `{handler}` is invalid: a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
        "write the header name alone, with letters, digits and `-` only (`X-Forwarded-For`, no `:` or `_`); its value goes in `value`", ApiErrorType.Invalid);

    public static readonly MessageTemplate BadSleep = new("bad-sleep", "`{handler}.sleep.seconds: {value}` {detail}",
        "{help}", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.InvalidProbeOrHook, "invalid-probe-or-hook", RuleCategory.ApiServer,
        Severity.Error, "A probe or lifecycle hook needs exactly one valid handler, non-negative timings and thresholds, and `successThreshold: 1` on liveness and startup probes",
        messages: [NoHandler, ExtraHandler, Negative, SuccessThresholdNotOne, ReadinessGracePeriod, GracePeriodNotPositive, EmptyCommand, BadPort, BadScheme, BadHeader, BadSleep],
        appliesTo: ContainerRoles.App | ContainerRoles.NativeSidecar);

    private const string ProbeHandlers = "`exec`, `httpGet`, `tcpSocket` or `grpc`";

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        CheckProbe(context, container.LivenessProbe, "livenessProbe", successMustBeOne: true);
        CheckProbe(context, container.ReadinessProbe, "readinessProbe", successMustBeOne: false);
        CheckProbe(context, container.StartupProbe, "startupProbe", successMustBeOne: true);
        if (container.Lifecycle.Value is not { } lifecycle || !container.Lifecycle.IsValid) return;
        var grace = ServerDefaults.TerminationGracePeriodSeconds(context.Spec);
        CheckHook(context, lifecycle.PostStart, "lifecycle.postStart", grace);
        CheckHook(context, lifecycle.PreStop, "lifecycle.preStop", grace);
    }

    private static void CheckProbe(PodContext context, Field<Probe> field, string name, bool successMustBeOne)
    {
        if (!field.IsValid) return;
        var probe = field.Value;
        var handlers = new Handlers(context, name, field);
        if (handlers.Take(probe.Exec, "exec")) CheckExec(context, probe.Exec.Value, name);
        if (handlers.Take(probe.HttpGet, "httpGet")) CheckHttpGet(context, probe.HttpGet.Value, name);
        if (handlers.Take(probe.TcpSocket, "tcpSocket")) CheckPort(context, probe.TcpSocket.Value.Port, name, "tcpSocket");
        if (handlers.Take(probe.Grpc, "grpc") && probe.Grpc.Value.Port is { IsValid: true } grpcPort && grpcPort.Value is < 1 or > 65535)
        {
            context.Report(BadPort, grpcPort, [("handler", name), ("action", "grpc"), ("value", grpcPort.Value.ToString(CultureInfo.InvariantCulture)),
                ("detail", "must be between 1 and 65535, inclusive")]);
        }

        handlers.RequireOne(ProbeHandlers);

        if (!successMustBeOne && probe.TerminationGracePeriodSeconds.IsValid)
        {
            context.Report(ReadinessGracePeriod, probe.TerminationGracePeriodSeconds);
        }

        CheckNonNegative(context, probe.InitialDelaySeconds, name, "initialDelaySeconds");
        CheckNonNegative(context, probe.TimeoutSeconds, name, "timeoutSeconds");
        CheckNonNegative(context, probe.PeriodSeconds, name, "periodSeconds");
        CheckNonNegative(context, probe.SuccessThreshold, name, "successThreshold");
        CheckNonNegative(context, probe.FailureThreshold, name, "failureThreshold");
        if (probe.TerminationGracePeriodSeconds is { IsValid: true, Value: <= 0 } grace)
        {
            context.Report(GracePeriodNotPositive, grace, [("handler", name), ("value", grace.Value.ToString(CultureInfo.InvariantCulture))]);
        }

        // Defaulting turns 0 into 1 first: only a negative or a value above 1 is refused.
        var success = ServerDefaults.ProbeSuccessThreshold(probe);
        if (successMustBeOne && success != 1)
        {
            context.Report(SuccessThresholdNotOne, probe.SuccessThreshold, [("handler", name), ("value", success.ToString(CultureInfo.InvariantCulture))]);
        }
    }

    private static void CheckHook(PodContext context, Field<LifecycleHandler> field, string name, long grace)
    {
        if (!field.IsValid) return;
        var hook = field.Value;
        // The sleep action: gate PodLifecycleSleepAction, alpha (off) in 1.29, when the server drops the field; zero
        // seconds allowed from 1.33 (PodLifecycleSleepActionAllowZero, beta on).
        var sleepEnabled = FeatureGates.PodLifecycleSleepAction.IsOn(context.KubernetesVersion);
        var handlers = new Handlers(context, name, field);
        if (handlers.Take(hook.Exec, "exec")) CheckExec(context, hook.Exec.Value, name);
        if (handlers.Take(hook.HttpGet, "httpGet")) CheckHttpGet(context, hook.HttpGet.Value, name);
        if (handlers.Take(hook.TcpSocket, "tcpSocket")) CheckPort(context, hook.TcpSocket.Value.Port, name, "tcpSocket");
        if (sleepEnabled && handlers.Take(hook.Sleep, "sleep")) CheckSleep(context, hook.Sleep.Value, name, grace);

        // In 1.29 a hook with only `sleep` loses it before validation; whether the server then reports the empty hook
        // was not verified, so nothing is said.
        if (!sleepEnabled && hook.Sleep.IsValid) return;
        handlers.RequireOne(sleepEnabled ? "`exec`, `httpGet` or `sleep`" : "`exec` or `httpGet`");
    }

    private static void CheckSleep(PodContext context, SleepAction sleep, string name, long grace)
    {
        if (!sleep.Seconds.IsValid) return;
        var seconds = sleep.Seconds.Value;
        var allowZero = KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 33);
        var graceText = grace.ToString(CultureInfo.InvariantCulture);
        string detail;
        if (allowZero && (seconds < 0 || seconds > grace))
        {
            detail = $"must be non-negative and less than terminationGracePeriodSeconds ({graceText})";
        }
        else if (!allowZero && (seconds <= 0 || seconds > grace))
        {
            detail = $"must be greater than 0 and less than terminationGracePeriodSeconds ({graceText}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.";
        }
        else
        {
            return;
        }

        var help = seconds > grace && seconds > 0
            ? $"sleep at most the Pod's `terminationGracePeriodSeconds` ({graceText}), or raise that"
            : allowZero ? "give the seconds to sleep, 0 or more" : "give the seconds to sleep, at least 1 (zero is accepted from Kubernetes 1.33)";
        var at = sleep.Seconds.Location with { Path = sleep.Location.Path };
        context.Report(BadSleep, at, [("handler", name), ("value", seconds.ToString(CultureInfo.InvariantCulture)), ("detail", detail), ("help", help)]);
    }

    private static void CheckExec(PodContext context, ExecAction exec, string name)
    {
        var command = exec.Command;
        if (command.IsInvalid || (command.IsValid && command.Count > 0)) return;
        context.Report(EmptyCommand, command.IsValid ? command.Location : command.MissingAt, [("handler", name)]);
    }

    private static void CheckHttpGet(PodContext context, HTTPGetAction action, string name)
    {
        // An empty path is defaulted to `/` (ServerDefaults.HttpGetPath): the server's "Required" cannot be reached.
        CheckPort(context, action.Port, name, "httpGet");
        if (action.Scheme.IsValid)
        {
            var scheme = ServerDefaults.HttpGetScheme(action);
            if (scheme is not ("HTTP" or "HTTPS"))
            {
                var upper = scheme.Trim().ToUpperInvariant();
                var help = upper is "HTTP" or "HTTPS" ? $"write `{upper}`: the values are case-sensitive" : "use `HTTP` or `HTTPS`, or remove `scheme` to get `HTTP`";
                context.Report(BadScheme, action.Scheme, [("handler", name), ("value", scheme), ("help", help)]);
            }
        }

        foreach (var header in action.HttpHeaders)
        {
            if (!header.Name.IsValid || IsHeaderName(header.Name.Value)) continue;
            context.Report(BadHeader, header.Name.Location with { Path = action.HttpHeaders.Path }, [("name", header.Name.Value), ("handler", name)]);
        }
    }

    private static void CheckPort(PodContext context, Field<IntOrString> port, string name, string action)
    {
        if (!port.IsValid) return;
        if (port.Value.IntValue is { } number)
        {
            if (number is < 1 or > 65535)
            {
                context.Report(BadPort, port, [("handler", name), ("action", action), ("value", number.ToString(CultureInfo.InvariantCulture)),
                    ("detail", "must be between 1 and 65535, inclusive")]);
            }

            return;
        }

        var text = port.Value.StringValue ?? string.Empty;
        foreach (var detail in PortNames.Errors(text))
        {
            context.Report(BadPort, port, [("handler", name), ("action", action), ("value", "\"" + text + "\""), ("detail", detail)]);
        }
    }

    private static void CheckNonNegative(PodContext context, Field<int> field, string name, string child)
    {
        if (field is { IsValid: true, Value: < 0 })
        {
            context.Report(Negative, field, [("field", name + "." + child), ("value", field.Value.ToString(CultureInfo.InvariantCulture))]);
        }
    }

    /// <summary>apimachinery's IsHTTPHeaderName: <c>[-A-Za-z0-9]+</c>.</summary>
    private static bool IsHeaderName(string name)
        => name.Length > 0 && name.All(c => c is '-' or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    /// <summary>The handlers of one probe or hook, in the server's order: the first set one is validated, each later one is Forbidden.</summary>
    private struct Handlers(PodContext context, string name, ILocated owner)
    {
        private string? _first;

        public bool Take<T>(Field<T> field, string handler)
        {
            if (!field.IsValid) return false;
            if (_first is null)
            {
                _first = handler;
                return true;
            }

            context.Report(ExtraHandler, field.Location.AtKey, [("handler", name), ("extra", handler), ("first", _first)]);
            return false;
        }

        public readonly void RequireOne(string handlers)
        {
            if (_first is not null) return;
            context.Report(NoHandler, owner.Location.AtKey, [("handler", name), ("handlers", handlers)]);
        }
    }
}
