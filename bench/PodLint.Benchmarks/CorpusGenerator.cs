using System.Globalization;
using System.Text;

namespace PodLint.Benchmarks;

/// <summary>
/// Generates a deterministic corpus of realistic, valid manifests as one multi-document YAML stream (documents
/// separated by <c>---</c> lines): Pods, and Deployments and Jobs whose templates are such Pods. The same seed always gives the same text, on every runtime:
/// the generator uses its own SplitMix64 generator, not <see cref="Random"/>.
/// </summary>
/// <remarks>
/// The mix: single-container Pods, web + log-shipper sidecars sharing an emptyDir (half of them native sidecars:
/// init containers with <c>restartPolicy: Always</c>), init containers waiting for a database, an NGINX proxy in
/// front of an app, and an app plus a metrics exporter. Pods carry labels, annotations, env (<c>value</c> and
/// <c>valueFrom</c>), ports, resources, httpGet/tcpSocket/exec probes, volume mounts, volumes and security
/// contexts. About a quarter write small collections in flow style (<c>{ cpu: 50m }</c>, <c>["ALL"]</c>) and
/// some are written as JSON. Every Pod is 30–120 lines long and valid: container names and ports are unique.
/// </remarks>
internal static class CorpusGenerator
{
    /// <summary>The seed of the benchmark corpus.</summary>
    public const ulong DefaultSeed = 0x5EED_2025_0611;

    /// <summary>The number of documents of the benchmark corpus (Pods, Deployments and Jobs).</summary>
    public const int DefaultPodCount = 10_000;

    /// <summary>Fewest lines a generated Pod may have (its <c>---</c> line included).</summary>
    public const int MinLines = 30;

    /// <summary>Most lines a generated Pod may have (its <c>---</c> line included).</summary>
    public const int MaxLines = 120;

    /// <summary>Generates <paramref name="podCount"/> documents (each a Pod, or a Deployment or Job holding one) as one multi-document YAML string.</summary>
    public static string Generate(int podCount = DefaultPodCount, ulong seed = DefaultSeed)
    {
        var rng = new Rng(seed);
        var corpus = new StringBuilder(podCount * 1800);
        var doc = new StringBuilder(4096);
        for (var i = 0; i < podCount; i++)
        {
            // A draw that falls outside the size range is drawn again (deterministically: same rng stream).
            while (true)
            {
                doc.Clear();
                new PodWriter(rng, i).Write(doc);
                var lines = CountLines(doc);
                if (lines is >= MinLines and <= MaxLines) break;
            }

            corpus.Append(doc);
        }

        return corpus.ToString();
    }

    /// <summary>Splits a generated corpus into its documents (each starting with its <c>---</c> line).</summary>
    public static List<string> SplitDocuments(string corpus)
    {
        var docs = new List<string>();
        var start = 0;
        while (start < corpus.Length)
        {
            var next = corpus.IndexOf("\n---\n", start, StringComparison.Ordinal);
            var end = next < 0 ? corpus.Length : next + 1;
            docs.Add(corpus[start..end]);
            start = end;
        }

        return docs;
    }

    /// <summary>
    /// A typical Pod of the corpus, for the single-file benchmarks: the first block-style Pod whose length is the
    /// median length of the corpus's block-style Pods.
    /// </summary>
    public static string TypicalPod(string corpus)
    {
        var pods = SplitDocuments(corpus)
            .Where(d => !d.StartsWith("---\n{", StringComparison.Ordinal) && d.Contains("\nkind: Pod\n", StringComparison.Ordinal)).ToList();
        var median = pods.Select(CountLines).Order().ElementAt(pods.Count / 2);
        return pods.First(d => CountLines(d) == median);
    }

    public static int CountLines(string text) => text.AsSpan().Count('\n');

    private static int CountLines(StringBuilder sb)
    {
        var n = 0;
        foreach (var chunk in sb.GetChunks()) n += chunk.Span.Count('\n');
        return n;
    }

    /// <summary>Pod shapes of the corpus, with their share.</summary>
    internal enum Archetype
    {
        SingleContainer,
        WebWithLogShipper,
        InitWaitForDatabase,
        NginxProxy,
        AppWithMetricsExporter,
    }

    /// <summary>Writes one Pod; holds the per-Pod choices (style, names and ports in use).</summary>
    private sealed class PodWriter(Rng rng, int index)
    {
        private readonly HashSet<int> _ports = [];
        private readonly HashSet<string> _portNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> _containerNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> _volumeNames = new(StringComparer.Ordinal);
        private Style _small = Style.Block;
        private bool _json;
        private bool _quoteImages;
        private string _app = "";
        private string _team = "";
        private string _version = "";
        private string _registry = "";
        private (string Name, string Image, int Port, string Arg) _exporter;
        private string _kind = "Pod";

        public void Write(StringBuilder sb)
        {
            var archetype = rng.Weighted(
                (Archetype.SingleContainer, 30), (Archetype.WebWithLogShipper, 20), (Archetype.InitWaitForDatabase, 20),
                (Archetype.NginxProxy, 15), (Archetype.AppWithMetricsExporter, 15));
            // Most manifests in repositories are workloads: a fifth of the documents are Deployments holding the Pod as
            // their template, and a tenth of the one-shot shapes are Jobs.
            _kind = archetype is Archetype.SingleContainer or Archetype.InitWaitForDatabase && rng.Chance(0.33) ? "Job"
                : rng.Chance(0.2) ? "Deployment" : "Pod";
            _json = rng.Chance(0.04);
            // JSON writers keep leaf objects and arrays of scalars on one line, so JSON Pods use the "flow" choices.
            _small = _json || rng.Chance(0.25) ? Style.Flow : Style.Block;
            _exporter = rng.Pick(Exporters);
            _quoteImages = rng.Chance(0.2);
            _app = rng.Pick(Apps);
            _team = rng.Pick(Teams);
            _version = string.Create(CultureInfo.InvariantCulture, $"{rng.Next(0, 5)}.{rng.Next(0, 30)}.{rng.Next(0, 12)}");
            _registry = rng.Pick(Registries);

            var metadata = Metadata(archetype);
            var spec = Spec(archetype);
            var pod = _kind switch
            {
                "Deployment" => Workload("apps/v1", "Deployment", metadata, spec),
                "Job" => Workload("batch/v1", "Job", metadata, spec),
                _ => new YMap().Add("apiVersion", "v1").Add("kind", "Pod").Add("metadata", metadata).Add("spec", spec),
            };

            var emitter = new YamlEmitter(sb) { IndentSequences = rng.Chance(0.75) };
            if (_json)
            {
                emitter.WriteJsonDocument(pod);
            }
            else
            {
                emitter.WriteDocument(pod, rng.Chance(0.3)
                    ? $"Source: {_app}/templates/pod.yaml"
                    : rng.Chance(0.1) ? $"{archetype} #{index.ToString(CultureInfo.InvariantCulture)}" : null);
            }
        }

        /// <summary>A Deployment or Job whose template is the Pod: its labels and spec.</summary>
        private YMap Workload(string apiVersion, string kind, YMap podMetadata, YMap podSpec)
        {
            var meta = new YMap();
            foreach (var (key, value) in podMetadata.Entries)
            {
                if (key is "name" or "namespace" or "labels") meta.Add(key, value);
            }

            var templateMeta = new YMap();
            foreach (var (key, value) in podMetadata.Entries)
            {
                if (key is "labels" or "annotations") templateMeta.Add(key, value);
            }

            var template = new YMap().Add("metadata", templateMeta).Add("spec", podSpec);
            var spec = new YMap();
            if (kind == "Deployment")
            {
                spec.Add("replicas", rng.Pick<long>([1, 2, 3, 5]));
                spec.Add("selector", new YMap().Add("matchLabels", new YMap(_small).Add("app.kubernetes.io/name", _app)));
                if (rng.Chance(0.3)) spec.Add("revisionHistoryLimit", rng.Pick<long>([3, 5, 10]));
            }
            else
            {
                spec.Add("backoffLimit", rng.Pick<long>([0, 2, 6]));
                if (rng.Chance(0.5)) spec.Add("ttlSecondsAfterFinished", rng.Pick<long>([300, 3600, 86400]));
            }

            spec.Add("template", template);
            return new YMap().Add("apiVersion", apiVersion).Add("kind", kind).Add("metadata", meta).Add("spec", spec);
        }

        // ---- metadata ---------------------------------------------------------------------------------------

        private YMap Metadata(Archetype archetype)
        {
            var meta = new YMap();
            meta.Add("name", rng.Chance(0.5) ? $"{_app}-{rng.Suffix(5)}" : $"{_app}-{index.ToString(CultureInfo.InvariantCulture)}");
            if (rng.Chance(0.8)) meta.Add("namespace", rng.Pick(Namespaces));

            var labels = new YMap(rng.Chance(0.1) && !_json ? Style.Flow : Style.Block);
            labels.Add("app.kubernetes.io/name", _app);
            if (rng.Chance(0.6)) labels.Add("app.kubernetes.io/instance", $"{_app}-{rng.Pick(Environments)}");
            if (rng.Chance(0.5)) labels.Add("app.kubernetes.io/version", new YScalar(_version, YScalarKind.String));
            if (rng.Chance(0.5)) labels.Add("app.kubernetes.io/component", archetype is Archetype.NginxProxy ? "frontend" : rng.Pick(Components));
            if (rng.Chance(0.4)) labels.Add("app.kubernetes.io/part-of", rng.Pick(Systems));
            if (rng.Chance(0.3)) labels.Add("app.kubernetes.io/managed-by", "Helm");
            if (rng.Chance(0.4)) labels.Add("team", _team);
            if (rng.Chance(0.2)) labels.Add("tier", rng.Pick(["web", "backend", "data", "batch"]));
            meta.Add("labels", labels);

            var annotations = new YMap();
            if (archetype == Archetype.AppWithMetricsExporter || rng.Chance(0.15))
            {
                annotations.Add("prometheus.io/scrape", "true");
                if (archetype == Archetype.AppWithMetricsExporter) annotations.Add("prometheus.io/port", _exporter.Port.ToString(CultureInfo.InvariantCulture));
            }

            if (rng.Chance(0.2)) annotations.Add("kubectl.kubernetes.io/default-container", _app);
            if (rng.Chance(0.15)) annotations.Add("cluster-autoscaler.kubernetes.io/safe-to-evict", rng.Chance(0.5) ? "true" : "false");
            if (rng.Chance(0.2)) annotations.Add("example.com/owner", $"{_team}@example.com");
            if (rng.Chance(0.2)) annotations.Add("checksum/config", rng.Hex(64));
            if (rng.Chance(0.1)) annotations.Add("kubernetes.io/description", $"{_app} of the {_team} team: serves {rng.Pick(Components)} traffic for {rng.Pick(Systems)}");
            if (annotations.Entries.Count > 0) meta.Add("annotations", annotations);
            return meta;
        }

        // ---- spec -------------------------------------------------------------------------------------------

        private YMap Spec(Archetype archetype)
        {
            var spec = new YMap();
            if (rng.Chance(0.6)) spec.Add("serviceAccountName", rng.Chance(0.7) ? _app : "default");
            if (rng.Chance(0.3)) spec.Add("automountServiceAccountToken", false);
            // A Deployment's Pods always restart (the default); a Job's must not.
            if (_kind == "Job") spec.Add("restartPolicy", rng.Pick(["Never", "OnFailure"]));
            else if (rng.Chance(0.2)) spec.Add("restartPolicy", _kind == "Pod" ? rng.Pick(["Always", "OnFailure"]) : "Always");
            if (rng.Chance(0.3)) spec.Add("terminationGracePeriodSeconds", rng.Pick<long>([10, 30, 60, 120]));
            if (rng.Chance(0.1)) spec.Add("priorityClassName", rng.Pick(["high-priority", "batch-low"]));
            if (rng.Chance(0.15))
            {
                var sel = new YMap(_small).Add("kubernetes.io/os", "linux");
                if (rng.Chance(0.5)) sel.Add("node.kubernetes.io/instance-type", rng.Pick(["m6i.large", "c6i.xlarge", "n2-standard-4"]));
                spec.Add("nodeSelector", sel);
            }

            if (rng.Chance(0.2))
            {
                spec.Add("imagePullSecrets", new YSeq().Add(new YMap(_small).Add("name", "registry-credentials")));
            }

            if (rng.Chance(0.7)) spec.Add("securityContext", PodSecurityContext());

            var volumes = new YSeq();
            var initContainers = new YSeq();
            var containers = new YSeq();
            switch (archetype)
            {
                case Archetype.SingleContainer:
                    containers.Add(AppContainer(_app, volumes, extraMounts: rng.Chance(0.6), full: rng.Chance(0.6)));
                    break;
                case Archetype.WebWithLogShipper:
                    WebWithLogShipper(volumes, initContainers, containers);
                    break;
                case Archetype.InitWaitForDatabase:
                    InitWaitForDatabase(volumes, initContainers, containers);
                    break;
                case Archetype.NginxProxy:
                    NginxProxy(volumes, containers);
                    break;
                case Archetype.AppWithMetricsExporter:
                    AppWithMetricsExporter(volumes, containers);
                    break;
            }

            // Field order varies between tools: volumes first (kubectl-style) or last (alphabetical).
            var volumesFirst = rng.Chance(0.4);
            if (volumesFirst && volumes.Items.Count > 0) spec.Add("volumes", volumes);
            if (initContainers.Items.Count > 0) spec.Add("initContainers", initContainers);
            spec.Add("containers", containers);
            if (!volumesFirst && volumes.Items.Count > 0) spec.Add("volumes", volumes);
            return spec;
        }

        private YMap PodSecurityContext()
        {
            var uid = rng.Pick<long>([101, 1000, 10001, 65532]);
            var sc = new YMap().Add("runAsNonRoot", true).Add("runAsUser", uid);
            if (rng.Chance(0.5)) sc.Add("runAsGroup", uid);
            if (rng.Chance(0.4)) sc.Add("fsGroup", uid);
            if (rng.Chance(0.7)) sc.Add("seccompProfile", new YMap(_small).Add("type", "RuntimeDefault"));
            return sc;
        }

        private void WebWithLogShipper(YSeq volumes, YSeq initContainers, YSeq containers)
        {
            var logs = Volume("logs", volumes, EmptyDir(rng.Chance(0.5) ? "256Mi" : null));
            var native = rng.Chance(0.5);
            var logDir = rng.Pick(["/var/log/nginx", "/var/log/app", "/var/log/" + _app]);
            var web = rng.Chance(0.5)
                ? Nginx("web", volumes, logs, logDir)
                : AppContainer(_app, volumes, extraMounts: rng.Chance(0.3), full: false, logVolume: logs, logDir: logDir);

            var shipperName = Unique(rng.Pick(["log-shipper", "fluent-bit", "vector", "promtail"]));
            var shipper = new YMap()
                .Add("name", shipperName)
                .Add("image", Image(rng.Pick(LogShipperImages)));
            if (native) shipper.Add("restartPolicy", "Always");
            shipper.Add("args", YSeq.Strings(_small, "-i", "tail", "-p", $"path={logDir}/*.log", "-o", rng.Pick(["stdout", "forward://logs.example.com:24224"])));
            if (rng.Chance(0.5))
            {
                var port = Port("http-metrics", 2020);
                if (port is not null) shipper.Add("ports", new YSeq().Add(port));
            }

            var mounts = new YSeq().Add(new YMap().Add("name", logs).Add("mountPath", logDir).Add("readOnly", true));
            if (rng.Chance(0.4))
            {
                var conf = Volume("shipper-config", volumes, new YMap().Add("configMap", new YMap().Add("name", $"{_app}-{shipperName}")));
                mounts.Add(new YMap().Add("name", conf).Add("mountPath", "/fluent-bit/etc/").Add("readOnly", true));
            }

            shipper.Add("volumeMounts", mounts);
            shipper.Add("resources", Resources(small: true));
            if (rng.Chance(0.4)) shipper.Add("livenessProbe", new YMap().Add("tcpSocket", new YMap(_small).Add("port", 2020)).Add("periodSeconds", 30));
            if (rng.Chance(0.7)) shipper.Add("securityContext", ContainerSecurityContext());

            if (native)
            {
                initContainers.Add(shipper);
                containers.Add(web);
            }
            else
            {
                containers.Add(web);
                containers.Add(shipper);
            }
        }

        private void InitWaitForDatabase(YSeq volumes, YSeq initContainers, YSeq containers)
        {
            var (db, dbPort) = rng.Pick(Databases);
            var wait = new YMap()
                .Add("name", Unique(rng.Pick(["wait-for-db", "wait-for-" + db, "init-db-check"])))
                .Add("image", Image("busybox:1.37.0"));
            if (rng.Chance(0.5))
            {
                wait.Add("command", YSeq.Strings(_small, "sh", "-c",
                    $"until nc -z {db} {dbPort.ToString(CultureInfo.InvariantCulture)}; do echo waiting for {db}; sleep 2; done"));
            }
            else
            {
                wait.Add("command", YSeq.Strings(_small, "sh", "-c"));
                wait.Add("args", new YSeq().Add(new YScalar(
                    $"until nc -z -w 2 {db} {dbPort.ToString(CultureInfo.InvariantCulture)}; do\n  echo \"waiting for {db}:{dbPort.ToString(CultureInfo.InvariantCulture)}\"\n  sleep 2\ndone\necho \"{db} is up\"\n",
                    YScalarKind.Literal)));
            }

            wait.Add("resources", Resources(small: true));
            if (rng.Chance(0.7)) wait.Add("securityContext", ContainerSecurityContext());
            initContainers.Add(wait);

            if (rng.Chance(0.4))
            {
                var migrate = new YMap()
                    .Add("name", Unique("migrate"))
                    .Add("image", Image($"{_registry}/{_team}/{_app}:{_version}"))
                    .Add("args", YSeq.Strings(_small, "migrate", "up", "--timeout=120s"))
                    .Add("env", new YSeq().Add(SecretEnv("DATABASE_URL", $"{_app}-db", "url")))
                    .Add("resources", Resources(small: true));
                initContainers.Add(migrate);
            }

            var app = AppContainer(_app, volumes, extraMounts: rng.Chance(0.5), full: rng.Chance(0.5), database: (db, dbPort));
            containers.Add(app);
        }

        private void NginxProxy(YSeq volumes, YSeq containers)
        {
            var conf = Volume("nginx-conf", volumes, new YMap().Add("configMap", new YMap().Add("name", $"{_app}-nginx")));
            var proxy = Nginx("proxy", volumes, null, null, confVolume: conf);
            containers.Add(proxy);
            containers.Add(AppContainer(_app, volumes, extraMounts: rng.Chance(0.3), full: false, avoidPorts: true));
        }

        private void AppWithMetricsExporter(YSeq volumes, YSeq containers)
        {
            containers.Add(AppContainer(_app, volumes, extraMounts: rng.Chance(0.4), full: rng.Chance(0.3)));
            var (exporterName, image, port, scrapeArg) = _exporter;
            var exporter = new YMap()
                .Add("name", Unique(exporterName))
                .Add("image", Image(image))
                .Add("args", YSeq.Strings(_small, scrapeArg));
            var metrics = Port("metrics", port) ?? Port("metrics", port + 1000);
            exporter.Add("ports", new YSeq().Add(metrics!));
            if (rng.Chance(0.6))
            {
                exporter.Add("readinessProbe", new YMap()
                    .Add("httpGet", new YMap(_small).Add("path", "/metrics").Add("port", "metrics"))
                    .Add("periodSeconds", 15));
            }

            exporter.Add("resources", Resources(small: true));
            if (rng.Chance(0.7)) exporter.Add("securityContext", ContainerSecurityContext());
            containers.Add(exporter);
        }

        // ---- containers -------------------------------------------------------------------------------------

        private YMap Nginx(string name, YSeq volumes, string? logVolume, string? logDir, string? confVolume = null)
        {
            var c = new YMap()
                .Add("name", Unique(name))
                .Add("image", Image(rng.Pick(["nginxinc/nginx-unprivileged:1.27.3-alpine", "nginx:1.27.3", "nginxinc/nginx-unprivileged:1.26.2"])));
            if (rng.Chance(0.3)) c.Add("imagePullPolicy", "IfNotPresent");
            var ports = new YSeq();
            ports.Add(Port("http", 8080)!);
            if (rng.Chance(0.3) && Port("https", 8443) is { } https) ports.Add(https);
            c.Add("ports", ports);

            var mounts = new YSeq();
            if (logVolume is not null) mounts.Add(new YMap().Add("name", logVolume).Add("mountPath", logDir));
            if (confVolume is not null)
            {
                mounts.Add(new YMap().Add("name", confVolume).Add("mountPath", "/etc/nginx/conf.d/default.conf").Add("subPath", "default.conf").Add("readOnly", true));
            }

            if (rng.Chance(0.5))
            {
                var tmp = Volume("nginx-tmp", volumes, EmptyDir(null));
                mounts.Add(new YMap().Add("name", tmp).Add("mountPath", "/tmp"));
            }

            if (mounts.Items.Count > 0) c.Add("volumeMounts", mounts);
            if (rng.Chance(0.7)) c.Add("readinessProbe", Probe(ProbeKind.HttpGet, "http", 8080, "/"));
            if (rng.Chance(0.5)) c.Add("livenessProbe", Probe(ProbeKind.TcpSocket, "http", 8080, null));
            c.Add("resources", Resources(small: false));
            if (rng.Chance(0.2)) c.Add("lifecycle", PreStop());
            c.Add("securityContext", ContainerSecurityContext());
            return c;
        }

        private YMap AppContainer(string name, YSeq volumes, bool extraMounts, bool full, string? logVolume = null, string? logDir = null,
            (string Host, int Port)? database = null, bool avoidPorts = false)
        {
            var language = rng.Pick(Languages);
            var c = new YMap()
                .Add("name", Unique(name))
                .Add("image", Image($"{_registry}/{_team}/{_app}:{_version}"));
            if (rng.Chance(0.3)) c.Add("imagePullPolicy", rng.Pick(["IfNotPresent", "Always"]));
            if (rng.Chance(0.3))
            {
                c.Add("args", YSeq.Strings(_small, $"--port={language.Port.ToString(CultureInfo.InvariantCulture)}", "--log-format=json",
                    $"--log-level={rng.Pick(LogLevels)}"));
            }

            if (full && rng.Chance(0.1)) c.Add("workingDir", "/app");

            var ports = new YSeq();
            var appPort = avoidPorts ? rng.Pick([3000, 5000, 8000, 9000]) : language.Port;
            var http = Port("http", appPort) ?? Port("http", appPort + 1);
            ports.Add(http!);
            var (portName, portNumber) = (_lastPortName, _lastPortNumber);
            if (full && rng.Chance(0.4) && Port("grpc", 9090) is { } grpc) ports.Add(grpc);
            if (full && rng.Chance(0.3) && Port("admin", 8558) is { } admin) ports.Add(admin);
            c.Add("ports", ports);

            c.Add("env", Env(language, appPort, database, full ? rng.Next(2, 8) : rng.Next(1, 4)));
            if (rng.Chance(0.15))
            {
                c.Add("envFrom", new YSeq().Add(new YMap().Add("configMapRef", new YMap(_small).Add("name", $"{_app}-config"))));
            }

            c.Add("resources", Resources(small: false));
            if (rng.Chance(0.85)) c.Add("readinessProbe", Probe(rng.Chance(0.8) ? ProbeKind.HttpGet : ProbeKind.TcpSocket, portName, portNumber, "/ready"));
            if (rng.Chance(0.7)) c.Add("livenessProbe", Probe(rng.Weighted((ProbeKind.HttpGet, 6), (ProbeKind.TcpSocket, 2), (ProbeKind.Exec, 2)), portName, portNumber, "/healthz"));
            if (full && rng.Chance(0.3)) c.Add("startupProbe", Probe(ProbeKind.HttpGet, portName, portNumber, "/healthz", startup: true));

            var mounts = new YSeq();
            if (logVolume is not null) mounts.Add(new YMap().Add("name", logVolume).Add("mountPath", logDir));
            if (extraMounts)
            {
                var config = Volume("config", volumes, new YMap().Add("configMap", new YMap().Add("name", $"{_app}-config")));
                mounts.Add(new YMap().Add("name", config).Add("mountPath", "/etc/" + _app).Add("readOnly", true));
                if (rng.Chance(0.5))
                {
                    var secret = Volume("tls", volumes, new YMap().Add("secret", new YMap().Add("secretName", $"{_app}-tls")));
                    mounts.Add(new YMap().Add("name", secret).Add("mountPath", "/etc/tls").Add("readOnly", true));
                }

                if (rng.Chance(0.5))
                {
                    var tmp = Volume("tmp", volumes, EmptyDir(null));
                    mounts.Add(new YMap().Add("name", tmp).Add("mountPath", "/tmp"));
                }

                if (full && rng.Chance(0.15))
                {
                    var data = Volume("data", volumes, new YMap().Add("persistentVolumeClaim", new YMap().Add("claimName", $"{_app}-data")));
                    mounts.Add(new YMap().Add("name", data).Add("mountPath", "/var/lib/" + _app));
                }
            }

            if (mounts.Items.Count > 0) c.Add("volumeMounts", mounts);
            if (rng.Chance(0.25)) c.Add("lifecycle", PreStop());
            if (rng.Chance(0.9)) c.Add("securityContext", ContainerSecurityContext());
            return c;
        }

        private YSeq Env((string Name, int Port) language, int port, (string Host, int Port)? database, int count)
        {
            var env = new YSeq();
            var names = new HashSet<string>(StringComparer.Ordinal);
            void Add(YMap item)
            {
                if (names.Add(((YScalar)item.Entries[0].Value).Text)) env.Add(item);
            }

            Add(ValueEnv("PORT", port.ToString(CultureInfo.InvariantCulture)));
            if (database is { } db)
            {
                Add(ValueEnv("DATABASE_HOST", db.Host));
                Add(ValueEnv("DATABASE_PORT", db.Port.ToString(CultureInfo.InvariantCulture)));
                Add(SecretEnv("DATABASE_PASSWORD", $"{_app}-db", "password"));
            }

            for (var guard = 0; names.Count < count && guard < 20; guard++)
            {
                switch (rng.Next(0, 10))
                {
                    case 0: Add(ValueEnv("LOG_LEVEL", rng.Pick(LogLevels))); break;
                    case 1: Add(FieldEnv("POD_NAME", "metadata.name")); break;
                    case 2: Add(FieldEnv("POD_NAMESPACE", "metadata.namespace")); break;
                    case 3: Add(FieldEnv("POD_IP", "status.podIP")); break;
                    case 4: Add(SecretEnv("API_TOKEN", $"{_app}-secrets", "api-token")); break;
                    case 5:
                        Add(new YMap().Add("name", "FEATURE_FLAGS").Add("valueFrom",
                            new YMap().Add("configMapKeyRef", new YMap(_small).Add("name", $"{_app}-config").Add("key", "feature-flags")))); break;
                    case 6:
                        Add(new YMap().Add("name", "MEMORY_LIMIT").Add("valueFrom",
                            new YMap().Add("resourceFieldRef", new YMap(_small).Add("resource", "limits.memory").Add("divisor", "1Mi")))); break;
                    case 7: Add(ValueEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.observability:4317")); break;
                    case 8: Add(ValueEnv(language.Name == "java" ? "JAVA_TOOL_OPTIONS" : "GOMAXPROCS", language.Name == "java" ? "-XX:MaxRAMPercentage=75 -XX:+UseG1GC" : "2")); break;
                    default: Add(ValueEnv("ENABLE_CACHE", rng.Chance(0.5) ? "true" : "false")); break;
                }
            }

            return env;
        }

        private YMap ValueEnv(string name, string value) => new YMap(_small == Style.Flow && rng.Chance(0.3) ? Style.Flow : Style.Block)
            .Add("name", name).Add("value", value);

        private YMap FieldEnv(string name, string fieldPath) => new YMap().Add("name", name)
            .Add("valueFrom", new YMap().Add("fieldRef", new YMap(_small).Add("fieldPath", fieldPath)));

        private YMap SecretEnv(string name, string secret, string key) => new YMap().Add("name", name)
            .Add("valueFrom", new YMap().Add("secretKeyRef", new YMap(_small).Add("name", secret).Add("key", key)));

        private enum ProbeKind { HttpGet, TcpSocket, Exec }

        private YMap Probe(ProbeKind kind, string portName, int portNumber, string? path, bool startup = false)
        {
            var probe = new YMap();
            YNode port = rng.Chance(0.6) ? new YScalar(portName, YScalarKind.String) : new YScalar(portNumber.ToString(CultureInfo.InvariantCulture), YScalarKind.Int);
            switch (kind)
            {
                case ProbeKind.HttpGet:
                    var get = new YMap(_small).Add("path", path ?? "/").Add("port", port);
                    if (rng.Chance(0.1)) get.Add("scheme", "HTTP");
                    probe.Add("httpGet", get);
                    break;
                case ProbeKind.TcpSocket:
                    probe.Add("tcpSocket", new YMap(_small).Add("port", port));
                    break;
                case ProbeKind.Exec:
                    probe.Add("exec", new YMap().Add("command", YSeq.Strings(_small, "/bin/sh", "-c", rng.Pick(["test -f /tmp/healthy", "pgrep -x " + _app, "wget -q -O- http://127.0.0.1:" + portNumber.ToString(CultureInfo.InvariantCulture) + "/healthz"]))));
                    break;
            }

            if (startup)
            {
                probe.Add("failureThreshold", 30).Add("periodSeconds", 10);
                return probe;
            }

            if (rng.Chance(0.5)) probe.Add("initialDelaySeconds", rng.Pick<long>([0, 5, 10, 15, 30]));
            if (rng.Chance(0.6)) probe.Add("periodSeconds", rng.Pick<long>([5, 10, 15, 20]));
            if (rng.Chance(0.25)) probe.Add("timeoutSeconds", rng.Pick<long>([1, 2, 3, 5]));
            if (rng.Chance(0.25)) probe.Add("failureThreshold", rng.Pick<long>([3, 5, 6]));
            return probe;
        }

        private YMap PreStop() => new YMap().Add("preStop", new YMap().Add("exec",
            new YMap().Add("command", YSeq.Strings(_small, "sh", "-c", "sleep " + rng.Pick(["5", "10", "15"])))));

        private YMap Resources(bool small)
        {
            var requests = new YMap(_small);
            var limits = new YMap(_small);
            if (small)
            {
                requests.Add("cpu", rng.Pick(["5m", "10m", "20m", "50m"])).Add("memory", rng.Pick(["16Mi", "32Mi", "64Mi"]));
                limits.Add("memory", rng.Pick(["64Mi", "128Mi"]));
            }
            else
            {
                var cpu = rng.Pick(["100m", "250m", "500m", "1"]);
                var memory = rng.Pick(["128Mi", "256Mi", "512Mi", "1Gi"]);
                requests.Add("cpu", cpu).Add("memory", memory);
                if (rng.Chance(0.3)) limits.Add("cpu", rng.Pick(["1", "2", "1500m"]));
                // A limit below the request is refused by the API server (PL2060): a 1Gi request gets at least a 1Gi limit.
                var limit = rng.Pick(["512Mi", "1Gi", "2Gi"]);
                limits.Add("memory", memory == "1Gi" && limit == "512Mi" ? "1Gi" : limit);
                if (rng.Chance(0.1)) requests.Add("ephemeral-storage", "1Gi");
            }

            return new YMap().Add("requests", requests).Add("limits", limits);
        }

        private YMap ContainerSecurityContext()
        {
            var sc = new YMap().Add("allowPrivilegeEscalation", false);
            if (rng.Chance(0.6)) sc.Add("readOnlyRootFilesystem", true);
            if (rng.Chance(0.3)) sc.Add("runAsNonRoot", true);
            sc.Add("capabilities", new YMap(_small).Add("drop", YSeq.Strings(_small, "ALL")));
            return sc;
        }

        // ---- names, ports, volumes --------------------------------------------------------------------------

        private int _lastPortNumber;
        private string _lastPortName = "";

        /// <summary>A port entry, or null when the number or the name is already taken in this Pod.</summary>
        private YMap? Port(string name, int number)
        {
            if (!_ports.Add(number)) return null;
            if (!_portNames.Add(name)) name = name + "-" + number.ToString(CultureInfo.InvariantCulture);
            _portNames.Add(name);
            _lastPortNumber = number;
            _lastPortName = name;
            var port = new YMap(_small == Style.Flow && rng.Chance(0.5) ? Style.Flow : Style.Block).Add("name", name).Add("containerPort", number);
            if (rng.Chance(0.2)) port.Add("protocol", "TCP");
            return port;
        }

        private string Unique(string name)
        {
            var candidate = name;
            for (var n = 2; !_containerNames.Add(candidate); n++) candidate = name + "-" + n.ToString(CultureInfo.InvariantCulture);
            return candidate;
        }

        /// <summary>Adds a volume (once per name) and returns its name.</summary>
        private string Volume(string name, YSeq volumes, YMap source)
        {
            if (!_volumeNames.Add(name)) return name;
            var volume = new YMap().Add("name", name);
            foreach (var (k, v) in source.Entries) volume.Add(k, v);
            volumes.Add(volume);
            return name;
        }

        private YMap EmptyDir(string? sizeLimit)
        {
            var dir = new YMap(_small);
            if (sizeLimit is not null) dir.Add("sizeLimit", sizeLimit);
            else if (rng.Chance(0.2)) dir.Add("medium", "Memory");
            return new YMap().Add("emptyDir", dir);
        }

        private YScalar Image(string image) => new(image, YScalarKind.String, _quoteImages);
    }

    // ---- vocabulary ---------------------------------------------------------------------------------------------

    private static readonly string[] Apps =
    [
        "orders-api", "payments", "catalog", "checkout", "inventory", "users", "search", "recommendations", "notifications",
        "billing", "auth", "gateway", "reports", "ingest", "scheduler", "shipping", "pricing", "reviews", "media", "accounts",
    ];

    private static readonly string[] Teams = ["shop", "platform", "data", "identity", "growth", "core"];

    private static readonly string[] Namespaces = ["default", "shop", "payments", "platform", "data", "staging", "production"];

    private static readonly string[] Environments = ["dev", "staging", "prod", "canary"];

    private static readonly string[] Components = ["api", "worker", "frontend", "backend", "cache"];

    private static readonly string[] Systems = ["webshop", "checkout-flow", "analytics", "identity-platform"];

    private static readonly string[] Registries = ["registry.example.com", "ghcr.io/acme", "123456789012.dkr.ecr.eu-west-1.amazonaws.com"];

    private static readonly string[] LogLevels = ["debug", "info", "warn", "error"];

    private static readonly string[] LogShipperImages = ["fluent/fluent-bit:3.2.2", "timberio/vector:0.43.0-distroless-libc", "grafana/promtail:3.3.0"];

    private static readonly (string Name, int Port)[] Languages = [("go", 8080), ("java", 8080), ("node", 3000), ("python", 8000), ("dotnet", 5000)];

    private static readonly (string Host, int Port)[] Databases = [("postgres", 5432), ("mysql", 3306), ("redis", 6379), ("mongodb", 27017)];

    private static readonly (string Name, string Image, int Port, string Arg)[] Exporters =
    [
        ("nginx-exporter", "nginx/nginx-prometheus-exporter:1.4.0", 9113, "--nginx.scrape-uri=http://127.0.0.1:8081/stub_status"),
        ("postgres-exporter", "quay.io/prometheuscommunity/postgres-exporter:v0.16.0", 9187, "--web.listen-address=:9187"),
        ("redis-exporter", "oliver006/redis_exporter:v1.66.0", 9121, "--redis.addr=redis://127.0.0.1:6379"),
        ("statsd-exporter", "prom/statsd-exporter:v0.28.0", 9102, "--statsd.listen-udp=:9125"),
        ("jmx-exporter", "bitnami/jmx-exporter:1.1.0", 5556, "5556"),
    ];
}

/// <summary>SplitMix64: tiny, fast, and the same sequence on every platform and runtime version.</summary>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + (int)(NextUInt64() % (ulong)(maxExclusive - min));

    public bool Chance(double p) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < p;

    public T Pick<T>(T[] items) => items[Next(0, items.Length)];

    public T Weighted<T>(params (T Value, int Weight)[] choices)
    {
        var total = 0;
        foreach (var c in choices) total += c.Weight;
        var r = Next(0, total);
        foreach (var (value, weight) in choices)
        {
            if (r < weight) return value;
            r -= weight;
        }

        return choices[^1].Value;
    }

    public string Suffix(int length)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(length, this, (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[rng.Next(0, alphabet.Length)];
        });
    }

    public string Hex(int length) => string.Create(length, this, (span, rng) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = "0123456789abcdef"[rng.Next(0, 16)];
    });
}
