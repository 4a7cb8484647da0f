using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Input;

/// <summary>PL0011 and how <see cref="PodLinter.LintPathsAsync"/> expands folders.</summary>
[TestFixture]
public class PathTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("podlint-paths-");

    [TearDown]
    public void DeleteFolder() => _dir.Delete(recursive: true);

    /// <summary>The display path of a file in the temporary folder (the linter prints paths with <c>/</c>).</summary>
    private string P(string relative) => Path.Combine(_dir.FullName, relative).Replace('\\', '/');

    /// <summary>Writes a Pod with a PL0008 finding, so that every file read gives exactly one finding on line 1.</summary>
    private string Write(string relative)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relative.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            ? "{ \"apiVersion\": \"apps/v1\", \"kind\": \"Pod\", \"metadata\": { \"name\": \"a\" }, \"spec\": { \"containers\": [ { \"name\": \"a\", \"image\": \"b\" } ] } }\n"
            : "apiVersion: apps/v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: b}]}\n");
        return path;
    }

    /// <summary>The files that were read, relative to the temporary folder, in report order.</summary>
    private string[] FilesRead(LintResult result)
    {
        Assert.That(result.Diagnostics.Select(d => d.RuleId), Is.All.EqualTo(RuleIds.UnsupportedApiVersion), () => Lint.Dump(result));
        return [.. result.Diagnostics.Select(d => Path.GetRelativePath(_dir.FullName, d.File).Replace('\\', '/'))];
    }

    [Test]
    public async Task A_missing_file_is_reported_on_that_path()
    {
        var missing = P("k8s/pdo.yaml");
        var result = await new PodLinter().LintPathsAsync([missing]);
        Assert.That(result.Diagnostics, Has.Length.EqualTo(1));
        var d = result.Diagnostics[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.RuleId, Is.EqualTo(RuleIds.UnreadableFile));
            Assert.That(d.RuleName, Is.EqualTo("unreadable-file"));
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.Span, Is.EqualTo(SourceSpan.StartOfFile(missing)));
            Assert.That(d.Message, Is.EqualTo($"cannot read `{missing}`: no such file or directory"));
            Assert.That(result.FileCount, Is.EqualTo(1));
            Assert.That(result.HasErrors, Is.True);
        }
    }

    [Test]
    public async Task A_missing_directory_is_reported_on_that_path_and_other_paths_are_still_read()
    {
        var missing = P("no-such-folder") + "/";
        var present = Write("pod.yaml");
        var result = await new PodLinter().LintPathsAsync([missing, present]);
        // Sorted by file: `…/no-such-folder/` before `…/pod.yaml`.
        Assert.That(result.Diagnostics.Select(d => d.RuleId + " " + d.File), Is.EqualTo(new[]
        {
            RuleIds.UnreadableFile + " " + missing,
            RuleIds.UnsupportedApiVersion + " " + P("pod.yaml"),
        }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Single(RuleIds.UnreadableFile).Message, Is.EqualTo($"cannot read `{missing}`: no such file or directory"));
            Assert.That(result.Single(RuleIds.UnreadableFile).Span, Is.EqualTo(SourceSpan.StartOfFile(missing)));
            Assert.That(result.FileCount, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task A_missing_file_is_read_as_a_single_file_too()
    {
        var result = await new PodLinter().LintFileAsync(P("gone.yaml"));
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0011 1:1-1:1" }));
    }

    [Test]
    public async Task Folders_are_searched_recursively_for_manifest_extensions_case_insensitively()
    {
        foreach (var f in new[]
                 {
                     "a.yaml", "b.YML", "c.Json", "d.YAML", "sub/e.yml", "sub/deeper/f.json", "sub/deeper/g.Yaml",
                     // Other extensions are ignored in folders.
                     "h.txt", "i.yaml.bak", "j", "k.yamlx", "sub/l.md",
                     // Hidden files and everything in hidden folders are skipped.
                     ".hidden.yaml", "sub/.hidden.yml", ".git/m.yaml", ".config/n.json", "sub/.cache/deep/o.yaml",
                 })
        {
            Write(f);
        }

        var result = await new PodLinter().LintPathsAsync([_dir.FullName]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FilesRead(result), Is.EqualTo(new[] { "a.yaml", "b.YML", "c.Json", "d.YAML", "sub/deeper/f.json", "sub/deeper/g.Yaml", "sub/e.yml" }));
            Assert.That(result.FileCount, Is.EqualTo(7));
            Assert.That(result.PodCount, Is.EqualTo(7));
        }
    }

    [Test]
    public async Task Files_named_explicitly_are_read_whatever_their_extension()
    {
        Write("a.yaml");
        var txt = Write("pod.txt");
        var noExtension = Write("Podfile");
        var hidden = Write(".hidden.yaml");
        var result = await new PodLinter().LintPathsAsync([txt, noExtension, hidden]);
        Assert.That(FilesRead(result), Is.EquivalentTo(new[] { "pod.txt", "Podfile", ".hidden.yaml" }));
    }

    [Test]
    public async Task A_hidden_folder_named_explicitly_is_searched()
    {
        Write(".config/a.yaml");
        Write(".config/sub/b.yml");
        Write(".config/.secret/c.yaml");
        var result = await new PodLinter().LintPathsAsync([P(".config")]);
        Assert.That(FilesRead(result), Is.EqualTo(new[] { ".config/a.yaml", ".config/sub/b.yml" }));
    }

    [Test]
    public async Task A_file_named_twice_or_also_found_in_a_folder_is_read_once()
    {
        var a = Write("a.yaml");
        Write("b.yaml");
        var result = await new PodLinter().LintPathsAsync([a, _dir.FullName, a]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FilesRead(result), Is.EqualTo(new[] { "a.yaml", "b.yaml" }));
            Assert.That(result.FileCount, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task An_empty_folder_reads_nothing()
    {
        var result = await new PodLinter().LintPathsAsync([_dir.FullName]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.FileCount, Is.EqualTo(0));
        }
    }

    [Test]
    public async Task Results_are_in_a_deterministic_order_whatever_the_parallelism()
    {
        for (var i = 0; i < 30; i++) Write(FormattableString.Invariant($"p{i:00}.yaml"));
        var serial = await new PodLinter(new PodLintOptions { MaxDegreeOfParallelism = 1 }).LintPathsAsync([_dir.FullName]);
        var parallel = await new PodLinter(new PodLintOptions { MaxDegreeOfParallelism = 4 }).LintPathsAsync([_dir.FullName]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FilesRead(serial), Is.EqualTo(Enumerable.Range(0, 30).Select(i => FormattableString.Invariant($"p{i:00}.yaml"))));
            Assert.That(FilesRead(parallel), Is.EqualTo(FilesRead(serial)));
        }
    }
}
