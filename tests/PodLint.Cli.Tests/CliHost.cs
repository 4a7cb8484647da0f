using System.Runtime.InteropServices;
using System.Text;

namespace PodLint.Cli.Tests;

/// <summary>Which build of the command a CLI test runs.</summary>
public enum CliHost
{
    /// <summary>The CLI's code called in the test process: fast, and debuggable.</summary>
    InProcess,

    /// <summary>The NativeAOT tool, packed as a release packs it and installed with <c>dotnet tool install</c>: a
    /// reflection path the trimmer removed fails a test here, not a user.</summary>
    NativeAot,
}

/// <summary>
/// Base of the CLI test classes: each runs twice, once per <see cref="CliHost"/>, with the same assertions and the same
/// golden files.
/// </summary>
[TestFixtureSource(nameof(Hosts))]
public abstract class CliTests(CliHost host)
{
    private string? _executable;

    public static IEnumerable<CliHost> Hosts => [CliHost.InProcess, CliHost.NativeAot];

    protected CliHost Host { get; } = host;

    [OneTimeSetUp]
    public async Task PrepareHost()
    {
        if (Host == CliHost.NativeAot) _executable = await NativeAotTool.PathAsync();
    }

    /// <summary>Runs <c>podlint</c> with <paramref name="args"/>, the given standard input and environment (nothing else
    /// of the test process's environment), in the current directory.</summary>
    private protected Task<CliRunner.Run> RunAsync(string[] args, string? stdin = null, bool terminal = false, Dictionary<string, string>? env = null)
    {
        if (Host == CliHost.InProcess) return CliRunner.RunAsync(args, stdin, terminal, env);
        if (terminal) Assert.Ignore("a test that needs a terminal for standard output runs in process only");
        return RunProcessAsync(_executable!, args, stdin, env);
    }

    private static async Task<CliRunner.Run> RunProcessAsync(string executable, string[] args, string? stdin, Dictionary<string, string>? env)
    {
        var run = await ExternalProcess.RunAsync(Environment.CurrentDirectory, executable, args, TimeSpan.FromMinutes(2), check: false,
            environment: env, stdin: stdin, isolated: true);
        return new CliRunner.Run(run.ExitCode, run.Out, run.Error);
    }
}

/// <summary>
/// The NativeAOT tool, made once per test run the way a release on linux-x64 makes it (README, "Releasing"): the
/// pointer package and the portable one, then the linux-x64 package packed natively with NativeAOT; installed from that
/// folder with <c>dotnet tool install --tool-path</c>, which picks the linux-x64 package.
/// </summary>
internal static class NativeAotTool
{
    private const string Version = "0.0.0-nativeaot-test";
    private static readonly Lazy<Task<string>> Tool = new(BuildAsync);

    public static Task<string> PathAsync()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Ignore("the NativeAOT tool is built and tested on linux-x64, the platform the Linux release packs natively");
        }

        if (!OnPath("clang") && !OnPath("gcc"))
        {
            Assert.Ignore("NativeAOT links with clang or gcc, and neither is installed (`.ci/run` installs gcc when it can)");
        }

        return Tool.Value;
    }

    private static async Task<string> BuildAsync()
    {
        var temp = Directory.CreateTempSubdirectory("podlint-nativeaot-").FullName;
        var packages = Path.Combine(temp, "packages");
        var timeout = TimeSpan.FromMinutes(8);
        string[] common = ["pack", Path.Combine("src", "PodLint.Cli"), "-c", "Release", "-o", packages, "-p:ReleasePackage=true",
            "-p:ReleaseRuntimeIdentifiers=\"linux-x64;any\"", $"-p:Version={Version}"];
        // The pointer package (and the portable one). ReadyToRun is left out here: the next step replaces linux-x64's.
        await ExternalProcess.RunAsync(CliRunner.RepositoryRoot, "dotnet", [.. common, "-p:PublishReadyToRun=false"], timeout);
        await ExternalProcess.RunAsync(CliRunner.RepositoryRoot, "dotnet", [.. common, "-r", "linux-x64", "-p:PublishAot=true"], timeout);

        using (var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(packages, $"podlint-cli.linux-x64.{Version}.nupkg")))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.That(entries, Does.Contain("tools/any/linux-x64/PodLint.Cli").And.Not.Contain("tools/any/linux-x64/PodLint.Cli.dll"),
                "the linux-x64 package holds the native executable, not the portable assemblies");
        }

        var tools = Path.Combine(temp, "tools");
        await ExternalProcess.RunAsync(temp, "dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages, "--version", Version, "podlint-cli"],
            timeout, environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(temp, "nuget-packages") });
        var executable = Path.Combine(tools, "podlint");
        var magic = new byte[4];
        await using (var file = File.OpenRead(executable)) await file.ReadExactlyAsync(magic);
        Assert.That(magic, Is.EqualTo("\u007fELF"u8.ToArray()), "the installed command is the native executable, not a launcher of the portable build");
        return executable;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, program)));
}
