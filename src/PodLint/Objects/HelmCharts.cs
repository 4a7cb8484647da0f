namespace PodLint.Objects;

/// <summary>Helm charts in a repository: their templates are not manifests until Helm renders them.</summary>
internal static class HelmCharts
{
    /// <summary>
    /// Whether a file is a template of a Helm chart: it lies under a folder named <c>templates</c> whose parent holds
    /// the chart's <c>Chart.yaml</c>. Such files are Go templates (<c>name: {{ include "web.fullname" . }}</c>): lint
    /// what <c>helm template</c> renders instead.
    /// </summary>
    public static bool IsTemplate(string fullPath)
    {
        for (var dir = Path.GetDirectoryName(fullPath); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (!string.Equals(Path.GetFileName(dir), "templates", StringComparison.Ordinal)) continue;
            var chart = Path.GetDirectoryName(dir);
            if (chart is not null && (File.Exists(Path.Combine(chart, "Chart.yaml")) || File.Exists(Path.Combine(chart, "Chart.yml")))) return true;
        }

        return false;
    }
}
