using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2098PodSpecWarningTests
{
    private static string Pod(string spec) => RuleAssert.PodWithSpec(spec);

    [Test]
    public void Warnings_have_no_error_type_and_the_servers_text()
    {
        var found = RuleAssert.Findings("PL2098", Pod("""
              terminationGracePeriodSeconds: -2
              hostAliases: [{ip: 10.0.0.1}, {ip: 10.0.0.1}]
              imagePullSecrets: [{name: r}, {name: r}, {name: ""}]
            """));
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EquivalentTo(new[]
        {
            ("spec.hostAliases[1].ip", "duplicate ip `10.0.0.1`: `hostAliases[0]` has the same IP"),
            ("spec.imagePullSecrets[1].name", "duplicate name `r`: `imagePullSecrets[0]` names the same secret"),
            ("spec.imagePullSecrets[2].name", "invalid empty name: an image pull secret needs the name of a Secret"),
            ("spec.terminationGracePeriodSeconds", "`terminationGracePeriodSeconds: -2` must be >= 0; negative values are invalid and will be treated as 1"),
        }));
        Assert.That(found.Select(d => (d.Severity, d.ErrorType)), Is.All.EqualTo((Severity.Warning, (ApiErrorType?)null)));
    }

    [Test]
    public void Zero_grace_period_and_distinct_entries_pass()
        => Assert.That(RuleAssert.Findings("PL2098", Pod("  terminationGracePeriodSeconds: 0\n  imagePullSecrets: [{name: a}, {name: b}]")), Is.Empty);
}
