using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2062InvalidResourceClaimsTests
{
    private const string Unknown = "  containers:\n    - {name: a, image: nginx, resources: {claims: [{name: gpu}]}}\n";

    [TestCase("1.33", 0)]
    [TestCase("1.34", 1)]
    [TestCase("1.36", 1)]
    public void Claims_are_checked_from_1_34(string version, int count)
        => Assert.That(RuleAssert.FindingsInSpec("PL2062", Unknown, version), Has.Count.EqualTo(count));

    [Test]
    public void Unknown_claim_lists_the_declared_names()
    {
        var none = RuleAssert.FindingsInSpec("PL2062", Unknown).Single();
        var some = RuleAssert.FindingsInSpec("PL2062", "  resourceClaims: [{name: tpu, resourceClaimName: t}, {name: fpga, resourceClaimName: f}]\n" + Unknown).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((none.Path, none.ErrorType, none.Message), Is.EqualTo(("spec.containers[0].resources.claims[0]", (ApiErrorType?)ApiErrorType.NotFound,
                "resource claim `gpu` not found: must be one of the names in pod.spec.resourceClaims which is empty")));
            Assert.That(some.Message, Is.EqualTo("resource claim `gpu` not found: must be one of the names in pod.spec.resourceClaims: fpga, tpu"));
        }
    }

    [Test]
    public void Pod_claims_need_one_source()
    {
        var found = RuleAssert.FindingsInSpec("PL2062", "  resourceClaims: [{name: a}, {name: b, resourceClaimName: x, resourceClaimTemplateName: y}, {name: \"\", resourceClaimName: x}]\n  containers: [{name: c, image: nginx}]\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.resourceClaims[0]", ApiErrorType.Invalid, "resource claim `a` is invalid: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`"),
            ("spec.resourceClaims[1]", ApiErrorType.Invalid, "resource claim `b` is invalid: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified"),
            ("spec.resourceClaims[2].name", ApiErrorType.Required, "resource claim name is empty"),
        }));
    }

    [Test]
    public void Duplicate_references()
    {
        var found = RuleAssert.FindingsInSpec("PL2062", "  resourceClaims: [{name: g, resourceClaimName: x}]\n  containers:\n    - {name: c, image: nginx, resources: {claims: [{name: g, request: r}, {name: g, request: r}, {name: g}, {name: g}]}}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.containers[0].resources.claims[1]", ApiErrorType.Duplicate, "resource claim `g/r` is already referenced by this container"),
            ("spec.containers[0].resources.claims[2]", ApiErrorType.Duplicate, "resource claim `g` is already referenced by this container"),
            ("spec.containers[0].resources.claims[3]", ApiErrorType.Duplicate, "resource claim `g` is already referenced by this container"),
        }));
    }
}
