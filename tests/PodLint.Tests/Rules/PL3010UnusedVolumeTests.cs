using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Rules;

public class PL3010UnusedVolumeTests
{
    [Test]
    public void Fires_at_the_volume_name_with_message_help_and_severity()
    {
        var found = RuleAssert.Spans("PL3010", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders, namespace: shop}
            spec:
              volumes:
                - name: {|PL3010:app-config|}
                  configMap: {name: orders-config}
              containers:
                - {name: orders, image: "registry.example.com/shop/orders-api:2.3.1"}
            """);
        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(d.MessageId, Is.EqualTo("not-mounted"));
            Assert.That(d.GetArgument("volume"), Is.EqualTo("app-config"));
            Assert.That(d.Message, Is.EqualTo("volume `app-config` is not mounted by any container"));
            Assert.That(d.Help, Is.EqualTo("mount `app-config` in the container that needs it (`volumeMounts`, or `volumeDevices` for a block volume), or remove it from `volumes`"));
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].name"));
            Assert.That(d.Related, Is.Empty);
            Assert.That(d.Object?.ToString(), Is.EqualTo("shop/orders"));
        }
    }

    [Test]
    public void Mounts_devices_and_env_files_of_every_role_count()
        => RuleAssert.Spans("PL3010", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              volumes:
                - {name: a, emptyDir: {}}
                - {name: b, configMap: {name: b}}
                - {name: c, emptyDir: {}}
                - {name: d, persistentVolumeClaim: {claimName: d}}
                - {name: e, emptyDir: {}}
                - {name: f, secret: {secretName: f}}
                - {name: {|PL3010:g|}, emptyDir: {}}
              initContainers:
                - {name: init, image: busybox:1.37.0, volumeMounts: [{name: a, mountPath: /tmp}]}
                - {name: sidecar, image: envoy:1, restartPolicy: Always, volumeMounts: [{name: b, mountPath: /etc/envoy}]}
              containers:
                - name: app
                  image: app:1
                  volumeDevices: [{name: d, devicePath: /dev/xvda}]
                  env: [{name: X, valueFrom: {fileKeyRef: {volumeName: c, path: x.env, key: X}}}]
              ephemeralContainers:
                - {name: debug, image: busybox:1.37.0, volumeMounts: [{name: e, mountPath: /e}, {name: f, mountPath: /f}]}
            """);

    [Test]
    public void A_volume_an_annotation_names_as_a_word_is_left_to_the_injector()
        => RuleAssert.Spans("PL3010", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: payments
              annotations:
                sidecar.istio.io/userVolumeMount: '[{"name":"upstream-ca","mountPath":"/etc/ca"}]'
                note: "the certs-old volume is gone"
            spec:
              volumes:
                - {name: upstream-ca, secret: {secretName: ca}}
                - {name: {|PL3010:certs|}, secret: {secretName: certs}}
              containers:
                - {name: payments, image: payments:1}
            """);

    [Test]
    public void Says_nothing_when_a_container_list_or_a_mount_name_cannot_be_read()
    {
        RuleAssert.Spans("PL3010", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              volumes: [{name: config, configMap: {name: c}}]
              containers:
                - {name: orders, image: orders:1, volumeMounts: [{name: [config], mountPath: /etc/orders}]}
            """);
        RuleAssert.Spans("PL3010", """
            apiVersion: v1
            kind: Pod
            metadata: {name: orders}
            spec:
              volumes: [{name: config, configMap: {name: c}}]
              initContainers: yes
              containers:
                - {name: orders, image: orders:1}
            """);
    }

    [Test]
    public async Task The_valid_examples_are_clean_of_the_shared_volume_and_resource_rules()
    {
        var examples = Directory.GetFiles(System.IO.Path.Combine(RepositoryPaths.Root, "examples"), "valid-*");
        Assert.That(examples, Is.Not.Empty);
        var result = await new PodLinter().LintPathsAsync(examples);
        var mine = result.Diagnostics.Where(d => d.RuleId is "PL3010" or "PL3011" or "PL3012" or "PL3013");
        Assert.That(mine.Select(d => $"{d.File}: {d.RuleId} {d.Message}"), Is.Empty);
    }
}
