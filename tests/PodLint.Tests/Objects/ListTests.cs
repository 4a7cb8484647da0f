using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Tests.Input;

namespace PodLint.Tests.Objects;

/// <summary>`kind: List` (what `kubectl get -o yaml` writes) and the `*List` kinds: every item is checked, recursively,
/// at <c>items[i]</c>.</summary>
public class ListTests
{
    [Test]
    public void Every_item_is_checked_at_its_index_with_its_own_kind()
    {
        const string Text = """
            apiVersion: v1
            kind: List
            metadata: {resourceVersion: ""}
            items:
              - apiVersion: v1
                kind: Service
                metadata: {name: web}
              - apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                spec:
                  containers:
                    - {name: a, image: nginx:1.27}
                    - {name: a, image: nginx:1.27}
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      containers:
                        - {name: api, image: shop/api:1, imagePullPolicy: Sometimes, resources: {limits: {cpu: lots}}}
            """;
        var result = Lint.Text(Text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[]
        {
            "PL2001 14:18-14:19 items[1].spec.containers[1].name",
            "PL2021 24:63-24:72 items[2].spec.template.spec.containers[0].imagePullPolicy",
            "PL1004 24:100-24:104 items[2].spec.template.spec.containers[0].resources.limits[cpu]",
        }), () => Lint.Dump(result));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics[0].Object, Is.EqualTo(new ObjectRef("Pod", "shop", "web")));
            Assert.That(result.Diagnostics[1].Object, Is.EqualTo(new ObjectRef("Deployment", null, "api")));
            Assert.That(result.CheckedObjects, Is.EqualTo(new Dictionary<string, int> { ["Deployment"] = 1, ["Pod"] = 1 }));
            Assert.That(result.SkippedObjects, Is.EqualTo(new Dictionary<string, int> { ["Service"] = 1 }));
            Assert.That(result.DocumentCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void Typed_lists_and_lists_in_lists_are_unpacked()
    {
        const string Text = """
            apiVersion: v1
            kind: PodList
            items:
              - apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Pod
                    metadata: {name: inner}
                    spec: {containers: [{name: a, image: ""}]}
            """;
        var result = Lint.Text(Text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL2002 10:46-10:48 items[0].items[0].spec.containers[0].image" }), () => Lint.Dump(result));
    }

    [Test]
    public void Unknown_fields_of_an_item_are_at_the_top_level_of_its_kind()
    {
        var result = Lint.Text("apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec: {containers: [{name: a, image: b}]}\n    extra: 1\n");
        var d = result.Single(RuleIds.UnknownField);
        Assert.That(Lint.Where(d), Is.EqualTo("PL1002 8:5-8:10 items[0].extra"));
        Assert.That(d.Message, Is.EqualTo("unknown field `extra` at the top level of the Pod"));
    }

    [Test]
    public void Items_that_are_not_objects_are_reported_and_the_others_still_checked()
    {
        const string Text = """
            apiVersion: v1
            kind: List
            items:
              - just a string
              - {metadata: {name: nothing}}
              - ~
              - {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: a}]}}
            """;
        var result = Lint.Text(Text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[]
        {
            "PL0004 4:5-4:18 items[0]",
            "PL0006 5:6-5:14 items[1].kind",
            "PL2002 7:81-7:82 items[3].spec.containers[0].image",
        }), () => Lint.Dump(result));
    }

    [Test]
    public void Items_that_are_not_a_list_are_a_type_error()
    {
        var result = Lint.Text("apiVersion: v1\nkind: List\nitems: {a: b}\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL1001 3:8-3:14 items" }), () => Lint.Dump(result));
    }

    [Test]
    public void Duplicate_keys_in_an_item_name_the_item()
    {
        var result = Lint.Text("apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p, labels: {a: b, a: c}}\n    spec: {containers: [{name: a, image: b}]}\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0002 6:40-6:41 items[0].metadata.labels[a]" }), () => Lint.Dump(result));
        Assert.That(result.Diagnostics[0].Object?.ToString(), Is.EqualTo("p"));
    }
}
