using ApprovalTests;
using ApprovalTests.Reporters;
using NUnit.Framework;
using PodLint.Engine;
using PublicApiGenerator;

namespace PodLint.Tests.Api;

/// <summary>
/// The library's public surface, snapshotted (as Spectre.Console does): every change to it shows up as a reviewed
/// diff of the approved file.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class PublicApiTests
{
    [Test]
    public void Public_api_is_unchanged()
    {
        var api = typeof(PodLinter).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });
        Approvals.Verify(api.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
