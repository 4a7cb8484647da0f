using System.Text;
using System.Text.RegularExpressions;

namespace PodLint.Cli.Tests;

/// <summary>
/// The packages as users get them: the tool packed from the solution (what a plain <c>dotnet pack</c> makes) and
/// installed with <c>dotnet tool install --tool-path</c>, run on an example; and the library packed as a release packs
/// it, referenced <b>by package</b> (not by project) from a small console project that runs the README's library sample.
/// Packages get a version no feed has (<c>0.0.0-packaging-test</c>), so restore can only take the ones built here.
/// </summary>
[NonParallelizable]
public partial class PackagingTests
{
    private const string Version = "0.0.0-packaging-test";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private string _temp = null!;

    [SetUp]
    public void SetUp() => _temp = Directory.CreateTempSubdirectory("podlint-packaging-").FullName;

    [TearDown]
    public void TearDown()
    {
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Test]
    public async Task The_packed_tool_installs_with_tool_path_and_checks_an_example()
    {
        var packages = Path.Combine(_temp, "packages");
        await Dotnet(CliRunner.RepositoryRoot, "pack", "PodLint.sln", "-c", "Release", "-o", packages, $"-p:Version={Version}");
        Assert.That(Directory.GetFiles(packages, "*.nupkg").Select(Path.GetFileName), Is.EqualTo(new[] { $"podlint-cli.{Version}.nupkg" }),
            "a plain pack of the solution makes the tool package alone (pre-commit installs every package it finds)");

        var tools = Path.Combine(_temp, "tools");
        await Dotnet(_temp, "tool", "install", "--tool-path", tools, "--add-source", packages, "--version", Version, "podlint-cli");
        var broken = await Run(_temp, Path.Combine(tools, "podlint"), ["check", "--no-color", Path.Combine(CliRunner.Examples, "broken-proxy-port-clash.yaml")], check: false);
        var valid = await Run(_temp, Path.Combine(tools, "podlint"), ["check", Path.Combine(CliRunner.Examples, "valid-nginx-proxy.yaml")], check: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(broken.ExitCode, Is.EqualTo(0), broken.Error);
            Assert.That(broken.Out, Does.Contain("warning[PL3001]: container port `8080/TCP` of `app` is already declared by `proxy`"));
            Assert.That(valid.ExitCode, Is.EqualTo(0), valid.Error);
            Assert.That(valid.Out, Does.StartWith("No problems found in 1 file"));
        }
    }

    [Test]
    public async Task The_packed_library_runs_the_readme_sample_from_a_console_project()
    {
        var packages = Path.Combine(_temp, "packages");
        await Dotnet(CliRunner.RepositoryRoot, "pack", Path.Combine("src", "PodLint"), "-c", "Release", "-o", packages, "-p:ReleasePackage=true", $"-p:Version={Version}");
        AssertLibraryPackage(packages);

        var app = Path.Combine(_temp, "app");
        Directory.CreateDirectory(Path.Combine(app, "k8s"));
        File.Copy(Path.Combine(CliRunner.Examples, "broken-proxy-port-clash.yaml"), Path.Combine(app, "k8s", "pod.yaml"));
        await File.WriteAllTextAsync(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PodLint" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="podlint-test" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), ProgramFromReadme());

        var run = await Dotnet(app, "run", "-c", "Release");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Out, Does.Contain("k8s/pod.yaml:35:26: Error PL3001/already-declared container port `8080/TCP` of `app` is already declared by `proxy` (spec.containers[1].ports[0].containerPort, Pod orders-proxy)"),
                "the sample re-grades PL3001 to error and prints each finding");
            Assert.That(run.Out, Does.Contain("Found 1 error in 1 file (1 Pod checked)."), "the sample ends with the text report");
        }
    }

    /// <summary>The library package carries what nuget.org and IDEs show and use: licence, README, repository and
    /// project links, XML documentation, and a symbols package.</summary>
    private static void AssertLibraryPackage(string packages)
    {
        var package = Path.Combine(packages, $"PodLint.{Version}.nupkg");
        Assert.That(File.Exists(package), Is.True);
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        using var nuspecStream = zip.GetEntry("PodLint.nuspec")!.Open();
        var nuspec = System.Xml.Linq.XDocument.Load(nuspecStream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries, Does.Contain("README.md").And.Contain("lib/net10.0/PodLint.dll").And.Contain("lib/net10.0/PodLint.xml"));
            Assert.That(Value("license"), Is.EqualTo("MIT"));
            Assert.That(Value("readme"), Is.EqualTo("README.md"));
            Assert.That(Value("projectUrl"), Is.EqualTo("https://github.com/podlint/podlint"));
            Assert.That(repository.Attribute("url")?.Value, Is.EqualTo("https://github.com/podlint/podlint"));
            Assert.That(repository.Attribute("commit")?.Value, Has.Length.EqualTo(40), "the commit the package was built from");
            Assert.That(File.Exists(Path.Combine(packages, $"PodLint.{Version}.snupkg")), Is.True, "symbols");
        }

        Assert.That(SourceLinkOf(Path.Combine(packages, $"PodLint.{Version}.snupkg"), "lib/net10.0/PodLint.pdb"),
            Does.Match(@"https://raw\.githubusercontent\.com/podlint/podlint/[0-9a-f]{40}/\*"),
            "Source Link maps the sources to the project's repository at the commit built, whatever the clone's remote");
    }

    /// <summary>The Source Link JSON a symbol package's portable PDB carries (null: none).</summary>
    private static string? SourceLinkOf(string symbolPackage, string pdbEntry)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(symbolPackage);
        using var pdbStream = new MemoryStream();
        using (var entry = zip.GetEntry(pdbEntry)!.Open()) entry.CopyTo(pdbStream);
        pdbStream.Position = 0;
        using var provider = System.Reflection.Metadata.MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var pdb = provider.GetMetadataReader();
        var sourceLink = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        return pdb.CustomDebugInformation.Select(pdb.GetCustomDebugInformation)
            .Where(c => pdb.GetGuid(c.Kind) == sourceLink)
            .Select(c => Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value)))
            .SingleOrDefault();
    }

    /// <summary>The README's first C# block ("Library"), with the two variables it assumes: a logger and a token.</summary>
    private static string ProgramFromReadme()
    {
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "README.md"));
        var library = readme.IndexOf("\n## Library", StringComparison.Ordinal);
        Assert.That(library, Is.GreaterThan(0), "README.md has a Library section");
        var block = CSharpBlock().Match(readme, library);
        Assert.That(block.Success, Is.True, "the Library section starts with a C# block");
        var lines = block.Groups[1].Value.Split('\n');
        var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();
        var body = lines.Skip(usings.Count);
        return new StringBuilder()
            .AppendJoin('\n', usings).Append('\n')
            .Append("using Microsoft.Extensions.Logging.Abstractions;\n")
            .Append("var logger = NullLogger.Instance;\nvar cancellationToken = CancellationToken.None;\n")
            .AppendJoin('\n', body).Append('\n')
            .ToString();
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    private Task<ExternalProcess.Result> Dotnet(string directory, params string[] args) => Run(directory, "dotnet", args, check: true);

    private Task<ExternalProcess.Result> Run(string directory, string file, string[] args, bool check)
        // Consumers restore into a package folder of their own: the test packages never land in the user's cache,
        // where a later run would find a stale copy of the same version.
        => ExternalProcess.RunAsync(directory, file, args, Timeout, check, string.Equals(args[0], "pack", StringComparison.Ordinal)
            ? null
            : new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_temp, "nuget-packages") });
}
