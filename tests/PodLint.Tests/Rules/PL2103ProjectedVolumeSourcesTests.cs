using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2103ProjectedVolumeSourcesTests
{
    private static List<Diagnostic> Lint(string sources)
        => RuleAssert.Findings("PL2103", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: app, image: nginx}\n  volumes:\n    - name: p\n      projected:\n        sources:\n" + sources);

    [TestCase("599", 1)]
    [TestCase("600", 0)]
    [TestCase("4294967296", 0)]
    [TestCase("4294967297", 1)]
    public void Token_lifetime_bounds(string seconds, int findings)
        => Assert.That(Lint("          - serviceAccountToken: {path: token, expirationSeconds: " + seconds + "}\n"), Has.Count.EqualTo(findings));

    [Test]
    public void Token_lifetime_defaults_to_an_hour()
        => Assert.That(Lint("          - serviceAccountToken: {path: token}\n"), Is.Empty);

    [Test]
    public void Short_token_message_help_and_type()
    {
        var d = Lint("          - serviceAccountToken: {path: token, expirationSeconds: 300}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("projected volume `p`: `expirationSeconds` 300 may not specify a duration less than 10 minutes"));
            Assert.That(d.Help, Is.EqualTo("use at least 600 seconds, or remove `expirationSeconds` for the default of 3600 (the kubelet refreshes the token before it expires)"));
        }
    }

    [Test]
    public void Token_path_is_reported_at_projected_path()
    {
        var d = Lint("          - serviceAccountToken: {path: ../token}\n").Single();
        Assert.That((d.Path, d.Message), Is.EqualTo(("spec.volumes[0].projected.path", "projected volume `p`: the service account token's `path` `../token` must not contain '..'")));
    }

    [Test]
    public void Duplicate_paths_are_reported_at_the_projected_volume_with_the_first_as_related()
    {
        var d = Lint("          - secret: {name: a, items: [{key: k, path: x}]}\n          - configMap: {name: b, items: [{key: k, path: x}]}\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.volumes[0].projected"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("projected volume `p`: `b`: conflicting duplicate paths: `x` is already written by another item"));
            Assert.That(d.Related.Single().Message, Is.EqualTo("first written here"));
        }
    }

    [Test]
    public void Token_paths_are_not_in_the_duplicate_check()
        => Assert.That(Lint("          - serviceAccountToken: {path: x}\n          - configMap: {name: b, items: [{key: k, path: x}]}\n"), Is.Empty);

    [Test]
    public void Two_projections_in_one_source_are_forbidden()
    {
        var d = Lint("          - {secret: {name: a}, configMap: {name: b}}\n").Single();
        Assert.That((d.Path, d.ErrorType, d.Message), Is.EqualTo(("spec.volumes[0].projected.sources[0]", (ApiErrorType?)ApiErrorType.Forbidden,
            "projected volume `p`: may not specify more than 1 volume type per source")));
    }

    [Test]
    public void Projections_need_a_name()
    {
        var found = Lint("          - secret: {items: [{key: k, path: a}]}\n          - configMap: {name: \"\"}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EqualTo(new (string?, ApiErrorType?)[]
        {
            ("spec.volumes[0].projected.sources[0].secret.name", ApiErrorType.Required), ("spec.volumes[0].projected.sources[1].configMap.name", ApiErrorType.Required),
        }));
    }
}
