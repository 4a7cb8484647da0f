using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2091PodSpecNameTests
{
    private static string Pod(string spec) => RuleAssert.PodWithSpec(spec);

    [Test]
    public void Service_account_name_gets_the_servers_subdomain_detail()
    {
        var d = RuleAssert.Findings("PL2091", Pod("  serviceAccountName: Build_Bot")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.serviceAccountName"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("`serviceAccountName: Build_Bot` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
            Assert.That(d.Help, Is.EqualTo("use at most 253 lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit"));
        }
    }

    [TestCase("hostname")]
    [TestCase("subdomain")]
    public void Hostname_and_subdomain_are_labels(string field)
        => Assert.That(RuleAssert.Findings("PL2091", Pod($"  {field}: web.internal")).Single().Message, Is.EqualTo($"`{field}: web.internal` is invalid: must not contain dots"));

    [Test]
    public void Empty_runtime_class_fails_but_empty_names_elsewhere_mean_unset()
    {
        Assert.That(RuleAssert.Findings("PL2091", Pod("  runtimeClassName: \"\"")).Single().Message, Does.StartWith("`runtimeClassName: \"\"` is invalid: a lowercase RFC 1123 subdomain"));
        Assert.That(RuleAssert.Findings("PL2091", Pod("  serviceAccountName: \"\"\n  nodeName: \"\"\n  priorityClassName: \"\"\n  hostname: \"\"")), Is.Empty);
    }

    [Test]
    public void Node_selector_key_and_value_are_reported_without_the_key_in_the_path()
    {
        var found = RuleAssert.Findings("PL2091", Pod("  nodeSelector: {\"Disk Type\": \"solid state\"}"));
        Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.nodeSelector", "spec.nodeSelector" }));
        Assert.That(found[0].Message, Does.StartWith("node selector key `Disk Type` is invalid: name part must consist of"));
        Assert.That(found[1].Message, Does.StartWith("node selector value `solid state` of `Disk Type` is invalid: a valid label must be an empty string"));
    }

    [TestCase("1.34", "name part must be no more than 63 characters")]
    [TestCase("1.35", "name part must be no more than 63 bytes")]
    public void Qualified_name_wording_follows_the_version(string version, string detail)
        => Assert.That(RuleAssert.Findings("PL2091", Pod($"  readinessGates: [{{conditionType: {new string('a', 64)}}}]"), version).Single().Message, Does.EndWith(detail));

    [Test]
    public void Empty_scheduling_gate_gets_two_details_at_the_gate_and_a_duplicate_one()
    {
        var found = RuleAssert.Findings("PL2091", Pod("  schedulingGates: [{name: \"\"}, {name: a}, {name: a}]"));
        Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EqualTo(new (string, ApiErrorType?)[]
        {
            ("spec.schedulingGates[0]", ApiErrorType.Invalid), ("spec.schedulingGates[0]", ApiErrorType.Invalid), ("spec.schedulingGates[2]", ApiErrorType.Duplicate),
        }));
        Assert.That(found[0].Message, Is.EqualTo("scheduling gate name `\"\"` is invalid: name part must be non-empty"));
        Assert.That(found[2].Message, Is.EqualTo("scheduling gate `a` is declared twice"));
    }

    [TestCase("10.0.0.1", true)]
    [TestCase("010.001.000.255", true)]
    [TestCase("2001:db8::ffff", true)]
    [TestCase("::ffff:10.0.0.1", true)]
    [TestCase("10.0.0", false)]
    [TestCase("10.0.0.256", false)]
    [TestCase("[::1]", false)]
    [TestCase("fe80::1%eth0", false)]
    [TestCase("cache.local", false)]
    public void Host_alias_ip_is_parsed_like_the_servers_sloppy_parser(string ip, bool valid)
    {
        var found = RuleAssert.Findings("PL2091", Pod($"  hostAliases: [{{ip: \"{ip}\", hostnames: [cache]}}]"));
        Assert.That(found, valid ? Is.Empty : Has.Count.EqualTo(1));
        if (!valid) Assert.That(found[0].Message, Is.EqualTo($"host alias IP `{ip}` is invalid: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
    }

    [TestCase("1.34", 0)]
    [TestCase("1.35", 2)]
    public void Hostname_override_from_1_35(string version, int count)
    {
        var found = RuleAssert.Findings("PL2091", Pod("  hostNetwork: true\n  hostnameOverride: " + new string('a', 65)), version);
        Assert.That(found, Has.Count.EqualTo(count));
        if (count == 0) return;
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EquivalentTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.hostnameOverride", ApiErrorType.Forbidden, "`hostnameOverride` may not be specified when `hostNetwork` is true"),
            ("spec.hostnameOverride", ApiErrorType.TooLong, "`hostnameOverride` may not be more than 64 bytes (65 given)"),
        }));
    }
}
