using PodLint.Engine;
using PodLint.Tests.Input;

namespace PodLint.Tests.Objects;

/// <summary>A repository-wide scan meets files that are not Kubernetes objects: they are skipped and counted, never errors.</summary>
public class NotKubernetesTests
{
    private string _folder = "";

    [SetUp]
    public void CreateRepository()
    {
        _folder = Path.Combine(Path.GetTempPath(), "podlint-repo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "chart"));
        Directory.CreateDirectory(Path.Combine(_folder, "profiles"));
        Directory.CreateDirectory(Path.Combine(_folder, "k8s"));
        File.WriteAllText(Path.Combine(_folder, "chart", "values.yaml"), """
            # Default values for web.
            replicaCount: 2
            image:
              repository: nginx
              tag: ""
            service:
              type: ClusterIP
              port: 80
            resources: {}
            nodeSelector: {}
            """);
        File.WriteAllText(Path.Combine(_folder, "chart", "Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        File.WriteAllText(Path.Combine(_folder, "profiles", "seccomp.json"), """
            {
              "defaultAction": "SCMP_ACT_ERRNO",
              "architectures": ["SCMP_ARCH_X86_64"],
              "syscalls": [{"names": ["read", "write", "exit_group"], "action": "SCMP_ACT_ALLOW"}]
            }
            """);
        Directory.CreateDirectory(Path.Combine(_folder, "chart", "templates", "jobs"));
        File.WriteAllText(Path.Combine(_folder, "chart", "templates", "deployment.yaml"), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "web.fullname" . }}
            spec:
              replicas: {{ .Values.replicaCount }}
            """);
        File.WriteAllText(Path.Combine(_folder, "chart", "templates", "jobs", "migrate.yaml"), "{{- if .Values.migrate }}\nkind: Job\n{{- end }}\n");
        File.WriteAllText(Path.Combine(_folder, "k8s", "pod.yaml"), Lint.Pod("web"));
        File.WriteAllText(Path.Combine(_folder, "k8s", "mixed.yaml"), "settings: {debug: true}\n---\n" + Lint.Pod("api"));
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_repository_with_helm_values_and_seccomp_profiles_beside_manifests_passes_clean()
    {
        var result = await new PodLinter().LintPathsAsync([_folder]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(result), Is.Empty, () => Lint.Dump(result));
            Assert.That(result.FileCount, Is.EqualTo(7));
            Assert.That(result.PodCount, Is.EqualTo(2));
            Assert.That(result.NotKubernetesDocumentCount, Is.EqualTo(4));
            // values.yaml, seccomp.json, Chart.yaml (Helm's own apiVersion, no kind) and the chart's two templates (Go
            // templates, unread) are skipped whole; mixed.yaml in part.
            Assert.That(result.SkippedFileCount, Is.EqualTo(5));
            Assert.That(PodLint.Reporting.TextReporter.Summary(result), Is.EqualTo(
                "No problems found in 7 files (2 Pods checked; 5 files skipped: not Kubernetes objects; 1 document skipped: not Kubernetes objects)."));
        }
    }

    [Test]
    public async Task A_templates_folder_outside_a_chart_is_checked()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "k8s", "templates"));
        File.WriteAllText(Path.Combine(_folder, "k8s", "templates", "pod.yaml"), Lint.Pod("web", image: "\"\""));
        var result = await new PodLinter().LintPathsAsync([Path.Combine(_folder, "k8s")]);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL2002 8:14-8:16 spec.containers[0].image" }), () => Lint.Dump(result));
    }

    [Test]
    public void A_document_with_an_apiVersion_and_no_kind_is_still_an_error_outside_a_Chart_yaml()
    {
        var result = Lint.Text("apiVersion: v2\nname: web\nversion: 0.1.0\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0006 1:1-1:11 kind" }));
    }

    [Test]
    public async Task Named_files_are_skipped_the_same_way()
    {
        var result = await new PodLinter().LintPathsAsync([Path.Combine(_folder, "chart", "values.yaml"), Path.Combine(_folder, "profiles", "seccomp.json")]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(result), Is.Empty, () => Lint.Dump(result));
            Assert.That(result.SkippedFileCount, Is.EqualTo(2));
            Assert.That(result.HasErrors, Is.False);
        }
    }
}
