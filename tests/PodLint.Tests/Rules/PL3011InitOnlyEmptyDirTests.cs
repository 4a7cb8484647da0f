using PodLint.Diagnostics;
using PodLint.Rules.MultiContainer;

namespace PodLint.Tests.Rules;

public class PL3011InitOnlyEmptyDirTests
{
    [Test]
    public void Fires_at_the_volume_name_with_each_mount_of_the_init_container_as_related()
    {
        var found = RuleAssert.Spans("PL3011", """
            apiVersion: v1
            kind: Pod
            metadata: {name: recommender}
            spec:
              volumes:
                - name: {|PL3011:model|}
                  emptyDir: {sizeLimit: 2Gi}
              initContainers:
                - name: fetch-model
                  image: registry.example.com/ml/fetch:0.9.0
                  volumeMounts:
                    - {name: model, mountPath: /models}
                    - {name: model, mountPath: /meta, subPath: meta}
              containers:
                - {name: recommender, image: "registry.example.com/ml/recommender:12.0.0"}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Info));
            Assert.That(d.MessageId, Is.EqualTo("only-init"));
            Assert.That(d.Message, Is.EqualTo("emptyDir `model` is mounted only by init container `fetch-model`: no container that runs after it can read what it writes there"));
            Assert.That(d.Help, Is.EqualTo("mount `model` in the app container or sidecar that needs what `fetch-model` prepares; if it is only scratch space, mount it at `/tmp`"));
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].name"));
            Assert.That(d.Related.Select(r => r.Path), Is.EqualTo(new[]
            {
                "spec.initContainers[0].volumeMounts[0].mountPath",
                "spec.initContainers[0].volumeMounts[1].mountPath",
            }));
            Assert.That(d.Related[0].Message, Is.EqualTo("mounted here, by init container `fetch-model`"));
            Assert.That(d.Related[0].Span, Is.EqualTo(new SourceSpan("pod.yaml", 12, 36, 12, 43)));
        }
    }

    [Test]
    public void A_volume_without_a_source_is_an_emptyDir_and_other_sources_are_not()
        => RuleAssert.Spans("PL3011", """
            apiVersion: v1
            kind: Pod
            metadata: {name: import}
            spec:
              volumes:
                - name: {|PL3011:staging|}
                - {name: {|PL3011:nulled|}, emptyDir: null}
                - {name: config, configMap: {name: import}}
                - {name: claim, persistentVolumeClaim: {claimName: import}}
              initContainers:
                - name: download
                  image: curlimages/curl:8.11.1
                  volumeMounts:
                    - {name: staging, mountPath: /staging}
                    - {name: config, mountPath: /config}
                    - {name: claim, mountPath: /claim}
                - {name: second, image: "busybox:1.37.0", volumeMounts: [{name: nulled, mountPath: /nulled}]}
              containers:
                - {name: import, image: import:1}
            """);

    [Test]
    public void A_native_sidecar_or_a_later_init_container_or_an_env_file_reads_it()
        => RuleAssert.Spans("PL3011", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              volumes:
                - {name: for-sidecar, emptyDir: {}}
                - {name: for-next-init, emptyDir: {}}
                - {name: for-env, emptyDir: {}}
              initContainers:
                - name: prepare
                  image: prepare:1
                  volumeMounts:
                    - {name: for-sidecar, mountPath: /a}
                    - {name: for-next-init, mountPath: /b}
                    - {name: for-env, mountPath: /c}
                - {name: proxy, image: envoy:1, restartPolicy: Always, volumeMounts: [{name: for-sidecar, mountPath: /etc/envoy}]}
                - {name: unpack, image: unpack:1, volumeMounts: [{name: for-next-init, mountPath: /in}]}
              containers:
                - name: orders
                  image: orders:1
                  env: [{name: TOKEN, valueFrom: {fileKeyRef: {volumeName: for-env, path: token.env, key: TOKEN}}}]
            """);

    [TestCase("/tmp", true)]
    [TestCase("/tmp/", true)]
    [TestCase("/tmp/build", true)]
    [TestCase("/var/tmp", true)]
    [TestCase("/dev/shm", true)]
    [TestCase("/run/app", true)]
    [TestCase("/var/run", true)]
    [TestCase("/app/tmp", true)]
    [TestCase("/app/Temp", true)]
    [TestCase("/home/app/.cache/pip", true)]
    [TestCase("/var/cache/apt", true)]
    [TestCase("/scratch", true)]
    [TestCase("/tmpfiles", false)]
    [TestCase("/running", false)]
    [TestCase("/work", false)]
    [TestCase("/etc/config", false)]
    [TestCase("/data/cached-models", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void Scratch_paths_by_convention(string? path, bool scratch)
        => Assert.That(PL3011InitOnlyEmptyDir.IsScratch(path), Is.EqualTo(scratch));
}
