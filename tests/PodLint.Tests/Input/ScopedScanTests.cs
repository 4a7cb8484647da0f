using PodLint.Configuration;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Input;

/// <summary>
/// The scan the CLI uses for nested <c>.podlint.yaml</c> files: each subfolder the scan enters may bring its own
/// linter (rule levels and include/exclude), under the same scan rules as a plain folder scan.
/// </summary>
[TestFixture]
public class ScopedScanTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: app, image: nginx:1.27.3, ports: [{containerPort: 8080}]}
            - {name: proxy, image: envoyproxy/envoy:v1.31.0, ports: [{containerPort: 8080}]}
        """;

    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("podlint-scoped-");

    [TearDown]
    public void DeleteFolder() => _dir.Delete(recursive: true);

    private void Write(string relative)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Pod);
    }

    private string Full(string relative) => Path.GetFullPath(Path.Combine(_dir.FullName, relative));

    private string[] Findings(LintResult result)
        => [.. result.Diagnostics.Select(d => $"{Path.GetRelativePath(_dir.FullName, d.File).Replace('\\', '/')} {d.Severity} {d.Rule.Id}")];

    [Test]
    public async Task Each_subtree_is_checked_and_filtered_by_the_linter_of_its_scope()
    {
        Write("pod.yaml");
        Write("team/pod.yaml");
        Write("team/skip.yaml");
        Write("team/deep/pod.yaml");
        Write(".hidden/pod.yaml");
        Write("old/pod.yaml");
        Directory.CreateSymbolicLink(Path.Combine(_dir.FullName, "team", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_dir.FullName, "zlink"), "team");
        var team = new PodLinter(PodLintConfig.Parse("rules: {PL3001: error}\nexclude: [skip.yaml]\n", Path.Combine(_dir.FullName, "team", ".podlint.yaml"))
            .ApplyTo(new PodLintOptions()));
        var asked = new List<string>();
        PodLinter? ScopeOf(string folder)
        {
            asked.Add(Path.GetRelativePath(_dir.FullName, folder).Replace('\\', '/'));
            return folder == Full("team") ? team : null;
        }

        var outer = new PodLinter(PodLintConfig.Parse("exclude: [old]\n", Path.Combine(_dir.FullName, ".podlint.yaml")).ApplyTo(new PodLintOptions()));
        var result = await outer.LintPathsAsync([new PodLinter.ScopedPath(_dir.FullName, outer), new PodLinter.ScopedPath(Full("team/deep"), outer)], ScopeOf, default);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Findings(result), Is.EqualTo(new[] { "pod.yaml Warning PL3001", "team/deep/pod.yaml Error PL3001", "team/pod.yaml Error PL3001" }),
                () => Lint.Dump(result));
            Assert.That(result.FileCount, Is.EqualTo(3), "a file reached from two paths is checked once, with the scope the scan found first");
            Assert.That(asked, Is.EqualTo(new[] { "team", "team/deep" }),
                "asked once for each real folder entered: never for the roots, hidden or excluded folders, or a folder reached again through a link");
        }
    }
}
