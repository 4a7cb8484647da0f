using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// A family of images that run a long-lived helper (a proxy, a log shipper, an exporter …), matched on the image's
/// repository, whatever the registry and never on the tag: <c>envoy</c> matches <c>envoyproxy/envoy:v1.31</c> and
/// <c>my-mirror.example.com/envoyproxy/envoy@sha256:…</c>. A pattern may have several segments (<c>linkerd/proxy</c>:
/// the repository's last segments) and a <c>*</c> at the start or end of its last segment (<c>*-exporter</c>).
/// </summary>
/// <param name="Pattern">The repository's last segment(s), with an optional <c>*</c>.</param>
/// <param name="Kind">What it is, for messages: <c>proxy</c>, <c>log shipper</c>.</param>
internal sealed record HelperImage(string Pattern, string Kind)
{
    /// <summary>A word the command or args must hold for the image to be the helper (<c>vault</c> is also the
    /// server; only <c>vault agent</c> is a helper).</summary>
    public string? Subcommand { get; init; }

    /// <summary>Options (<c>--one-time</c>) or environment variables set to <c>true</c> (<c>GITSYNC_ONE_TIME</c>)
    /// with which the helper runs once and exits.</summary>
    public ImmutableArray<string> ExitSwitches { get; init; } = [];

    /// <summary>Text that, in another container's command, args or env values, tells the helper to exit: its
    /// shutdown endpoint (<c>quitquitquit</c>).</summary>
    public ImmutableArray<string> ShutdownCalls { get; init; } = [];

    /// <summary>Programs that, run by another container, tell the helper to exit when they end, with the option they
    /// need if any: <c>scuttle</c>, <c>linkerd-await --shutdown</c>.</summary>
    public ImmutableArray<string> ShutdownWrappers { get; init; } = [];

    private readonly string[] _pattern = Pattern.Split('/');

    /// <summary>Whether the repository (an image reference without tag and digest) matches the pattern.</summary>
    public bool Matches(string repository) => Matches(repository.Split('/'));

    /// <summary>Whether the repository, split at its slashes, matches the pattern.</summary>
    public bool Matches(string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var pattern = _pattern;
        if (segments.Length < pattern.Length) return false;
        var offset = segments.Length - pattern.Length;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (!Glob(pattern[i], segments[offset + i])) return false;
        }

        return true;
    }

    private static bool Glob(string pattern, string segment)
    {
        if (pattern.StartsWith('*')) return segment.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase);
        if (pattern.EndsWith('*')) return segment.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase);
        return string.Equals(pattern, segment, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>How strongly a container looks like a long-lived helper.</summary>
internal enum HelperEvidenceKind
{
    /// <summary>Nothing says so.</summary>
    None,

    /// <summary>It declares ports: a server, which does not exit by itself. Weak: a main container may serve metrics.</summary>
    Ports,

    /// <summary>Its command never exits (<c>sleep infinity</c>, <c>tail -f</c>, <c>while true</c>).</summary>
    NeverExitingCommand,

    /// <summary>Its image is one of a well-known helper family.</summary>
    ImageFamily,
}

/// <summary>Why a container looks like a long-lived helper.</summary>
/// <param name="Kind">The kind of evidence.</param>
/// <param name="Description">The evidence in words, for messages: <c>`envoyproxy/envoy:v1.31.0` is a proxy</c>.</param>
/// <param name="At">The value that shows it (the image, the command item, the first port), when there is one.</param>
/// <param name="Family">The image family, for <see cref="HelperEvidenceKind.ImageFamily"/>.</param>
internal readonly record struct HelperEvidence(HelperEvidenceKind Kind, string Description, ILocated? At, HelperImage? Family)
{
    /// <summary>Evidence that counts on its own: the image family or a command that never exits.</summary>
    public bool IsStrong => Kind is HelperEvidenceKind.ImageFamily or HelperEvidenceKind.NeverExitingCommand;
}

/// <summary>
/// Decides, from the manifest alone, which containers are long-lived helpers: containers that keep running until
/// they are stopped, such as proxies, log shippers, collectors and exporters. The evidence, strongest first:
/// <list type="number">
/// <item>the image is of a well-known helper family (<see cref="DefaultImages"/>, documented on the PL3005 page);</item>
/// <item>the command never exits (<see cref="ContainerCommands.TryFindNeverExiting"/>);</item>
/// <item>it declares ports. This is weak evidence: it counts only when another container of the Pod has no
/// evidence at all (a Job's worker that serves metrics beside a database is not a helper; the database is).</item>
/// </list>
/// It also knows the ways a helper is told to exit, so that a classic sidecar that is shut down properly is not
/// reported. Rules share <see cref="Default"/> (built-in rules hold no state); the constructor takes extra image families,
/// for configuration to hand a rule its own classification.
/// </summary>
internal sealed class LongLivedHelpers
{
    /// <summary>The built-in image families. Keep the PL3005 page's list in step.</summary>
    public static ImmutableArray<HelperImage> DefaultImages { get; } =
    [
        // Proxies. Envoy's admin interface and Istio's pilot-agent (port 15020) serve POST /quitquitquit; scuttle
        // calls it when the wrapped program ends.
        Family("envoy", "proxy", shutdownCalls: "quitquitquit", shutdownWrappers: "scuttle"),
        Family("envoy-*", "proxy", shutdownCalls: "quitquitquit", shutdownWrappers: "scuttle"),
        Family("proxyv2", "service mesh proxy", shutdownCalls: "quitquitquit", shutdownWrappers: "scuttle"),
        Family("istio-proxy", "service mesh proxy", shutdownCalls: "quitquitquit", shutdownWrappers: "scuttle"),
        // Linkerd's proxy image is `cr.l5d.io/linkerd/proxy`: `proxy` alone would match far too much. Its admin server
        // (port 4191) serves POST /shutdown; `linkerd-await --shutdown` calls it when the wrapped program ends.
        Family("linkerd/proxy", "service mesh proxy", shutdownCalls: ":4191/shutdown", shutdownWrappers: "linkerd-await --shutdown|linkerd-await -S"),
        Family("linkerd-io/proxy", "service mesh proxy", shutdownCalls: ":4191/shutdown", shutdownWrappers: "linkerd-await --shutdown|linkerd-await -S"),
        Family("linkerd2-proxy", "service mesh proxy", shutdownCalls: ":4191/shutdown", shutdownWrappers: "linkerd-await --shutdown|linkerd-await -S"),
        // The Cloud SQL Auth Proxy v2 serves /quitquitquit on its admin port with `--quitquitquit`; v1 is `gce-proxy`.
        Family("cloud-sql-proxy", "database proxy", shutdownCalls: "quitquitquit"),
        Family("gce-proxy", "database proxy"),
        Family("oauth2-proxy", "authentication proxy"),
        // Log shippers and telemetry agents.
        Family("*fluent-bit", "log shipper"),
        Family("fluentd", "log shipper"),
        Family("fluentd-*", "log shipper"),
        Family("vector", "log shipper"),
        Family("promtail", "log shipper"),
        Family("filebeat", "log shipper"),
        Family("opentelemetry-collector*", "telemetry collector"),
        Family("otelcol*", "telemetry collector"),
        Family("grafana/agent", "telemetry agent"),
        Family("alloy", "telemetry agent"),
        Family("datadog/agent", "monitoring agent"),
        Family("datadoghq/agent", "monitoring agent"),
        Family("*-exporter", "metrics exporter"),
        Family("*_exporter", "metrics exporter"),
        // Vault Agent runs from the Vault image (`vault agent …`); `-exit-after-auth` makes it exit once it has
        // rendered its templates, and `/agent/v1/quit` (with `enable_quit`) stops it.
        Family("vault", "secrets agent", subcommand: "agent", exitSwitches: "-exit-after-auth|--exit-after-auth", shutdownCalls: "/agent/v1/quit"),
        // git-sync pulls a repository for ever, unless told to sync once.
        Family("git-sync", "repository syncer", exitSwitches: "--one-time|-one-time|GITSYNC_ONE_TIME|GIT_SYNC_ONE_TIME"),
    ];

    /// <summary>A family, with its lists written as <c>|</c>-separated text.</summary>
    private static HelperImage Family(string pattern, string kind, string? subcommand = null, string? exitSwitches = null,
        string? shutdownCalls = null, string? shutdownWrappers = null)
        => new(pattern, kind)
        {
            Subcommand = subcommand,
            ExitSwitches = Split(exitSwitches),
            ShutdownCalls = Split(shutdownCalls),
            ShutdownWrappers = Split(shutdownWrappers),
        };

    private static ImmutableArray<string> Split(string? list) => list is null ? [] : [.. list.Split('|')];

    /// <summary>The built-in classification, shared by the rules.</summary>
    public static LongLivedHelpers Default { get; } = new();

    /// <summary>The built-in families, plus <paramref name="additionalImages"/> (from configuration).</summary>
    public LongLivedHelpers(IEnumerable<HelperImage>? additionalImages = null)
    {
        Images = additionalImages is null ? DefaultImages : [.. DefaultImages, .. additionalImages];
    }

    /// <summary>The image families in use.</summary>
    public ImmutableArray<HelperImage> Images { get; }

    /// <summary>The repository of an image reference: without its digest and tag (<c>docker.io/envoyproxy/envoy</c>).</summary>
    public static string Repository(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var s = image.Trim();
        var at = s.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0) s = s[..at];
        var colon = s.LastIndexOf(':');
        return colon > s.LastIndexOf('/') ? s[..colon] : s;
    }

    /// <summary>The family of the container's image, unless its command or environment makes it run once (or it
    /// lacks the family's subcommand).</summary>
    public HelperImage? FamilyOf(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (!container.Image.TryGetValue(out var image) || image.Length == 0) return null;
        var segments = Repository(image).Split('/');
        HelperImage? family = null;
        foreach (var candidate in Images)
        {
            if (!candidate.Matches(segments)) continue;
            family = candidate;
            break;
        }

        if (family is null) return null;
        var words = ContainerCommands.Argv(container).ConvertAll(a => a.Value);
        if (family.Subcommand is { } sub && !words.Contains(sub, StringComparer.Ordinal)) return null;
        foreach (var exit in family.ExitSwitches)
        {
            if (exit.StartsWith('-'))
            {
                if (words.Any(w => w == exit || w.StartsWith(exit + "=", StringComparison.Ordinal) && !w.EndsWith("=false", StringComparison.OrdinalIgnoreCase))) return null;
            }
            else if (container.Env.Any(e => e.Name.Value == exit && e.Value.Value is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1")))
            {
                return null;
            }
        }

        return family;
    }

    /// <summary>The strongest evidence that the container is a long-lived helper.</summary>
    public HelperEvidence Classify(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (FamilyOf(container) is { } family)
        {
            return new HelperEvidence(HelperEvidenceKind.ImageFamily, $"`{container.Image.Value}` is a {family.Kind}", container.Image, family);
        }

        if (ContainerCommands.TryFindNeverExiting(container, out var command))
        {
            return new HelperEvidence(HelperEvidenceKind.NeverExitingCommand, command.Description + " never exits", command.At, null);
        }

        if (container.Ports.Count > 0)
        {
            var port = container.Ports[0];
            ILocated at = port.ContainerPortNumber.IsValid ? port.ContainerPortNumber : port;
            return new HelperEvidence(HelperEvidenceKind.Ports, "it declares ports, like a server", at, null);
        }

        return new HelperEvidence(HelperEvidenceKind.None, "", null, null);
    }

    /// <summary>
    /// The helpers among containers that run side by side (the app containers of a Pod), with their evidence: strong
    /// evidence counts on its own; declared ports count only when another of the containers has no evidence at all.
    /// </summary>
    public List<(Container Container, HelperEvidence Evidence)> HelpersAmong(IReadOnlyList<Container> containers)
    {
        ArgumentNullException.ThrowIfNull(containers);
        var evidence = containers.Select(Classify).ToList();
        var helpers = new List<(Container, HelperEvidence)>();
        for (var i = 0; i < containers.Count; i++)
        {
            var e = evidence[i];
            var counts = e.IsStrong || (e.Kind == HelperEvidenceKind.Ports && evidence.Where((other, j) => j != i).Any(o => o.Kind == HelperEvidenceKind.None));
            if (counts) helpers.Add((containers[i], e));
        }

        return helpers;
    }

    /// <summary>
    /// Whether something in the Pod makes the helper exit when the other containers are done:
    /// <list type="bullet">
    /// <item>another container calls the family's shutdown endpoint (<c>curl -X POST localhost:15020/quitquitquit</c>,
    /// <c>pilot-agent request POST quitquitquit</c>, <c>localhost:4191/shutdown</c>) in its command, args or env,
    /// or runs a wrapper that does (<c>scuttle</c>, <c>linkerd-await --shutdown</c>);</item>
    /// <item>the helper runs under <c>kubexit</c>, or its own shell script can <c>exit</c> or <c>kill</c> (the
    /// "wait for a file the main container writes, then stop" pattern);</item>
    /// <item>the Pod shares one process namespace (<c>shareProcessNamespace: true</c>) and another container runs
    /// <c>kill</c>, <c>pkill</c> or <c>killall</c>.</item>
    /// </list>
    /// </summary>
    public static bool IsToldToExit(Container helper, HelperEvidence evidence, PodSpec spec, IEnumerable<Container> others)
    {
        ArgumentNullException.ThrowIfNull(helper);
        ArgumentNullException.ThrowIfNull(spec);
        var rest = others.Where(o => !ReferenceEquals(o, helper)).ToList();
        if (ContainerCommands.Runs(helper, "kubexit")) return true;
        if (ContainerCommands.TryGetScript(helper, out var script, out _)
            && script.Commands.Any(c => c.Name is "exit" or "kill" or "pkill" or "killall")) return true;
        if (spec.ShareProcessNamespace.Value && rest.Any(o => ContainerCommands.Runs(o, "kill", "pkill", "killall"))) return true;
        if (evidence.Family is not { } family) return false;
        foreach (var other in rest)
        {
            foreach (var text in Texts(other))
            {
                if (family.ShutdownCalls.Any(call => text.Contains(call, StringComparison.OrdinalIgnoreCase))) return true;
            }

            foreach (var wrapper in family.ShutdownWrappers)
            {
                var parts = wrapper.Split(' ', 2);
                if (!ContainerCommands.Runs(other, parts[0])) continue;
                if (parts.Length == 1 || Texts(other).Any(t => t.Split(' ', '\t', '\n').Contains(parts[1], StringComparer.Ordinal))) return true;
            }
        }

        return false;
    }

    /// <summary>The text a container carries: its command and args items and its env values.</summary>
    public static IEnumerable<string> Texts(Container container)
    {
        foreach (var item in ContainerCommands.Argv(container)) yield return item.Value;
        foreach (var env in container.Env)
        {
            if (env.Value.TryGetValue(out var value)) yield return value;
        }
    }
}
