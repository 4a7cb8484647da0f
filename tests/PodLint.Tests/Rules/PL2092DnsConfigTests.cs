using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2092DnsConfigTests
{
    private static string Pod(string spec) => RuleAssert.PodWithSpec(spec);

    [Test]
    public void Dns_policy_none_without_config_is_required_and_nothing_else_is_checked()
    {
        var d = RuleAssert.Findings("PL2092", Pod("  dnsPolicy: None")).Single();
        Assert.That((d.Path, d.ErrorType, d.Message), Is.EqualTo(("spec.dnsConfig", (ApiErrorType?)ApiErrorType.Required, "must provide `dnsConfig` when `dnsPolicy` is None")));
        var noServers = RuleAssert.Findings("PL2092", Pod("  dnsPolicy: None\n  dnsConfig: {searches: [Bad_Domain], options: [{value: x}]}")).Single();
        Assert.That((noServers.Path, noServers.Message), Is.EqualTo(("spec.dnsConfig.nameservers", "must provide at least one DNS nameserver when `dnsPolicy` is None")));
    }

    [Test]
    public void More_than_three_nameservers()
    {
        var d = RuleAssert.Findings("PL2092", Pod("  dnsConfig: {nameservers: [1.1.1.1, 1.0.0.1, 8.8.8.8, 8.8.4.4]}")).Single();
        Assert.That((d.Path, d.Message), Is.EqualTo(("spec.dnsConfig.nameservers", "must not have more than 3 nameservers (4 given)")));
    }

    [Test]
    public void Nameserver_that_is_a_hostname()
    {
        var d = RuleAssert.Findings("PL2092", Pod("  dnsConfig: {nameservers: [dns.internal]}")).Single();
        Assert.That((d.Path, d.Message), Is.EqualTo(("spec.dnsConfig.nameservers[0]", "nameserver `dns.internal` is invalid: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")));
    }

    [Test]
    public void Search_list_longer_than_2048_characters_with_spaces()
    {
        var label = new string('a', 63);
        var domain = string.Join('.', label, label, label); // 191 characters
        var searches = string.Join(", ", Enumerable.Repeat(domain, 11)); // 11 × 191 + 10 spaces = 2111
        var d = RuleAssert.Findings("PL2092", Pod($"  dnsConfig: {{searches: [{searches}]}}")).Single();
        Assert.That(d.Message, Is.EqualTo("must not have more than 2048 characters (including spaces) in the search list (2111 given)"));
    }

    [TestCase("1.32", "_sip._tcp.example.com", 1)]
    [TestCase("1.33", "_sip._tcp.example.com", 0)]
    [TestCase("1.32", ".", 1)]
    [TestCase("1.33", ".", 0)]
    [TestCase("1.29", "example.com.", 0)]
    [TestCase("1.36", "Example.com", 1)]
    public void Search_domains_follow_relaxed_validation_from_1_33(string version, string search, int count)
        => Assert.That(RuleAssert.Findings("PL2092", Pod($"  dnsConfig: {{searches: [\"{search}\"]}}"), version), Has.Count.EqualTo(count));

    [TestCase("1.33", "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")]
    [TestCase("1.34", "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*")]
    public void Relaxed_search_detail_prints_the_regex_the_version_printed(string version, string regex)
    {
        var d = RuleAssert.Findings("PL2092", Pod("  dnsConfig: {searches: [Upper.example]}"), version).Single();
        Assert.That(d.Message, Is.EqualTo("search domain `Upper.example` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '" + regex + "')"));
    }

    [Test]
    public void Option_without_name_is_reported_at_the_option()
    {
        var d = RuleAssert.Findings("PL2092", Pod("  dnsConfig: {options: [{name: ndots, value: \"2\"}, {name: \"\"}]}")).Single();
        Assert.That((d.Path, d.ErrorType), Is.EqualTo(("spec.dnsConfig.options[1]", (ApiErrorType?)ApiErrorType.Required)));
    }
}
