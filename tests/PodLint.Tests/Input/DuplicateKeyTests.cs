using System.Globalization;
using System.Text;
using PodLint.Diagnostics;

namespace PodLint.Tests.Input;

/// <summary>PL0002: a mapping declares the same key twice, in any style.</summary>
[TestFixture]
public class DuplicateKeyTests
{
    [Test]
    public void Block_mapping_reports_the_second_key_and_points_at_the_first()
    {
        const string Text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: orders-api
            spec:
              containers:
                - name: orders-api
                  image: registry.example.com/shop/orders-api:2.3.1
                  ports:
                    - containerPort: 8080
                  image: registry.example.com/shop/orders-api:2.4.0

            """;
        var result = Lint.Text(Text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0002 11:7-11:12 spec.containers[0].image" }), () => Lint.Dump(result));
        var d = result.Diagnostics[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.RuleName, Is.EqualTo("duplicate-key"));
            Assert.That(d.Message, Is.EqualTo("duplicate key `image` in this mapping"));
            Assert.That(d.Help, Does.Contain("remove one of the two `image` entries"));
            Assert.That(d.Object?.Name, Is.EqualTo("orders-api"));
            Assert.That(d.Related, Has.Length.EqualTo(1));
            Assert.That(Lint.Where(d.Related[0].Span), Is.EqualTo("8:7-8:12"));
            Assert.That(d.Related[0].Message, Is.EqualTo("first declared here"));
            Assert.That(d.Related[0].Path, Is.EqualTo("spec.containers[0].image"));
            Assert.That(d.Related[0].Span.File, Is.EqualTo(Lint.File));
        }
    }

    [Test]
    public void Flow_mapping()
    {
        var result = Lint.Text("{ apiVersion: v1, kind: Pod, metadata: { name: a, name: b }, spec: { containers: [ { name: a, image: nginx } ] } }\n");
        var d = result.Single(RuleIds.DuplicateKey);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(d), Is.EqualTo("PL0002 1:51-1:55 metadata.name"));
            Assert.That(d.Related.Select(r => Lint.Where(r.Span) + " " + r.Path), Is.EqualTo(new[] { "1:42-1:46 metadata.name" }));
            // The later value wins, as in the API server's decoder.
            Assert.That(d.Object?.Name, Is.EqualTo("b"));
            Assert.That(result.Diagnostics, Has.Length.EqualTo(1), () => Lint.Dump(result));
        }
    }

    [Test]
    public void Json_object()
    {
        const string Json = "{\n"
            + "\t\"apiVersion\": \"v1\",\n"
            + "\t\"kind\": \"Pod\",\n"
            + "\t\"metadata\": { \"name\": \"web\" },\n"
            + "\t\"spec\": { \"containers\": [ { \"name\": \"a\", \"image\": \"x\", \"image\": \"nginx\" } ] }\n"
            + "}\n";
        var result = Lint.Text(Json);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0002 5:57-5:64 spec.containers[0].image" }), () => Lint.Dump(result));
        Assert.That(result.Diagnostics[0].Related.Select(r => Lint.Where(r.Span)), Is.EqualTo(new[] { "5:43-5:50" }));
    }

    [Test]
    public void Duplicate_top_level_field_the_later_value_wins()
    {
        // The first spec has a duplicate container name; the API server keeps the second spec, which is fine.
        const string Text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - { name: a, image: nginx }
                - { name: a, image: nginx }
            spec:
              containers:
                - { name: a, image: nginx }

            """;
        var result = Lint.Text(Text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0002 9:1-9:5 spec" }), () => Lint.Dump(result));
    }

    /// <summary>A Pod whose labels have <paramref name="keys"/> keys, each written on its own line from line 6.</summary>
    private static string PodWithLabels(IEnumerable<string> keys)
    {
        var sb = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n");
        foreach (var key in keys) sb.Append(CultureInfo.InvariantCulture, $"    {key}: v\n");
        sb.Append("spec:\n  containers:\n    - name: a\n      image: nginx\n");
        return sb.ToString();
    }

    [Test]
    public void A_late_duplicate_in_a_large_mapping_is_found()
    {
        // 20 distinct keys, then k3 again: past 16 entries the detector switches to a dictionary.
        var keys = Enumerable.Range(0, 20).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)).Append("k3");
        var result = Lint.Text(PodWithLabels(keys));
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0002 26:5-26:7 metadata.labels[k3]" }), () => Lint.Dump(result));
        var d = result.Diagnostics[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Message, Is.EqualTo("duplicate key `k3` in this mapping"));
            Assert.That(d.Related.Select(r => Lint.Where(r.Span) + " " + r.Path), Is.EqualTo(new[] { "9:5-9:7 metadata.labels[k3]" }));
        }
    }

    [Test]
    public void Duplicates_around_the_switch_to_the_dictionary_are_all_found()
    {
        // Entry 16 (the first looked up in the dictionary) repeats entry 15, entries 17 and 18 repeat 0 and 15,
        // entry 30 repeats entry 0 a third time: each is reported against the first declaration.
        var keys = Enumerable.Range(0, 16).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        keys.AddRange(["k15", "k0", "k15"]);
        keys.AddRange(Enumerable.Range(100, 11).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)));
        keys.Add("k0");
        var result = Lint.Text(PodWithLabels(keys));
        Assert.That(result.Diagnostics.Select(d => Lint.Where(d) + " <- " + Lint.Where(d.Related[0].Span)), Is.EqualTo(new[]
        {
            "PL0002 22:5-22:8 metadata.labels[k15] <- 21:5-21:8",
            "PL0002 23:5-23:7 metadata.labels[k0] <- 6:5-6:7",
            "PL0002 24:5-24:8 metadata.labels[k15] <- 21:5-21:8",
            "PL0002 36:5-36:7 metadata.labels[k0] <- 6:5-6:7",
        }), () => Lint.Dump(result));
    }

    [Test]
    public void Keys_that_differ_only_in_case_or_quoting_style()
    {
        // `Name` and `name` are different keys; `"name"` and `name` are the same key.
        var result = Lint.Text("apiVersion: v1\nkind: Pod\nmetadata:\n  Name: a\n  name: b\n  \"name\": c\nspec: {containers: [{name: a, image: b}]}\n");
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL1002 4:3-4:7 metadata.Name", "PL0002 6:3-6:9 metadata.name" }), () => Lint.Dump(result));
    }

    [Test]
    public void A_key_overriding_a_merged_key_is_not_a_duplicate()
    {
        const string Text = """
            apiVersion: v1
            kind: Pod
            metadata: &meta
              name: web
            spec:
              containers:
                - &app
                  name: a
                  image: nginx
                - <<: *app
                  name: b

            """;
        var result = Lint.Text(Text);
        Assert.That(result.Diagnostics, Is.Empty, () => Lint.Dump(result));
    }
}
