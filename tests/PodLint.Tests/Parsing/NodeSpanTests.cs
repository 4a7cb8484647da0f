using PodLint.Parsing;

namespace PodLint.Tests.Parsing;

/// <summary>
/// Every node knows where it was written: 1-based lines and columns in UTF-16 code units, end exclusive,
/// relative to the file (not to the document), whatever the style, line endings and encoding marks.
/// </summary>
[TestFixture]
public class NodeSpanTests
{
    private const string BlockPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            app.kubernetes.io/name: web
        spec:
          containers:
            - name: a
              image: nginx
            - name: b
              image: nginx
              ports:
                - containerPort: 8080
              resources:
                limits:
                  memory: 128Mi

        """;

    [Test]
    public void Block_style_spans_of_scalars_mappings_and_sequences()
    {
        var root = TreeParsing.Root(BlockPod);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.Kind, Is.EqualTo(YamlNodeKind.Mapping));
            // A block collection spans from its first key or dash to the end of its last value.
            Assert.That(root.Range(), Is.EqualTo("1:1-17:24"));
            Assert.That(root.KeyOf("apiVersion").Range(), Is.EqualTo("1:1-1:11"));
            Assert.That(root.At("apiVersion").Range(), Is.EqualTo("1:13-1:15"));
            Assert.That(root.At("kind").Range(), Is.EqualTo("2:7-2:10"));
            Assert.That(root.At("metadata").Range(), Is.EqualTo("4:3-6:32"));
            Assert.That(root.At("metadata", "name").Range(), Is.EqualTo("4:9-4:12"));
            Assert.That(root.At("spec", "containers").Kind, Is.EqualTo(YamlNodeKind.Sequence));
            Assert.That(root.At("spec", "containers").Range(), Is.EqualTo("9:5-17:24"));
            Assert.That(root.At("spec", "containers", 0).Range(), Is.EqualTo("9:7-10:19"));
            Assert.That(root.At("spec", "containers", 1).Range(), Is.EqualTo("11:7-17:24"));
            Assert.That(root.At("spec", "containers", 1, "ports").Range(), Is.EqualTo("14:9-14:30"));
            Assert.That(root.At("spec", "containers", 1, "ports", 0, "containerPort").Range(), Is.EqualTo("14:26-14:30"));
        }
    }

    [Test]
    public void Field_paths_use_the_API_server_syntax()
    {
        var root = TreeParsing.Root(BlockPod);
        var port = root.At("spec", "containers", 1, "ports", 0, "containerPort");
        var label = root.At("metadata", "labels", "app.kubernetes.io/name");
        var memory = root.At("spec", "containers", 1, "resources", "limits", "memory");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.Path.IsRoot, Is.True);
            Assert.That(port.Path.ToString(), Is.EqualTo("spec.containers[1].ports[0].containerPort"));
            Assert.That(port.Range(), Is.EqualTo("14:26-14:30"));
            Assert.That(((ScalarNode)port).AsInt64(), Is.EqualTo(8080));
            // Keys of string maps are bracketed, unquoted, dots and slashes kept.
            Assert.That(label.Path.ToString(), Is.EqualTo("metadata.labels[app.kubernetes.io/name]"));
            Assert.That(root.At("metadata", "labels").KeyOf("app.kubernetes.io/name").Range(), Is.EqualTo("6:5-6:27"));
            Assert.That(label.Range(), Is.EqualTo("6:29-6:32"));
            Assert.That(memory.Path.ToString(), Is.EqualTo("spec.containers[1].resources.limits[memory]"));
            Assert.That(memory.Range(), Is.EqualTo("17:19-17:24"));
            Assert.That(root.At("spec", "containers", 1, "resources").Path.ToString(), Is.EqualTo("spec.containers[1].resources"));
            // The path round-trips through its parser.
            Assert.That(FieldPath.Parse(port.Path.ToString()), Is.EqualTo(port.Path));
            Assert.That(FieldPath.Parse(label.Path.ToString()).ToString(), Is.EqualTo("metadata.labels[app.kubernetes.io/name]"));
        }
    }

    [Test]
    public void Flow_style_spans_end_after_the_closing_bracket()
    {
        const string Flow = """{ apiVersion: "v1", kind: "Pod", metadata: { name: x }, spec: { containers: [ { name: a, image: nginx } ] } }""";
        var root = TreeParsing.Root(Flow + "\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root, Is.TypeOf<MappingNode>().With.Property(nameof(MappingNode.IsFlow)).True);
            Assert.That(root.Range(), Is.EqualTo("1:1-1:110"));
            // A double-quoted scalar's span includes its quotes; its value does not.
            Assert.That(root.At("apiVersion").Range(), Is.EqualTo("1:15-1:19"));
            Assert.That(((ScalarNode)root.At("apiVersion")).Value, Is.EqualTo("v1"));
            Assert.That(root.At("metadata").Range(), Is.EqualTo("1:44-1:55"));
            Assert.That(root.At("metadata", "name").Range(), Is.EqualTo("1:52-1:53"));
            Assert.That(root.At("spec").Range(), Is.EqualTo("1:63-1:108"));
            Assert.That(root.At("spec", "containers").Range(), Is.EqualTo("1:77-1:106"));
            Assert.That(root.At("spec", "containers", 0).Range(), Is.EqualTo("1:79-1:104"));
            Assert.That(root.At("spec", "containers", 0, "image").Range(), Is.EqualTo("1:97-1:102"));
            Assert.That(root.At("spec", "containers", 0, "image").Path.ToString(), Is.EqualTo("spec.containers[0].image"));
        }
    }

    [Test]
    public void Json_with_tab_indentation_counts_a_tab_as_one_column()
    {
        const string Json = "{\n"
            + "\t\"apiVersion\": \"v1\",\n"
            + "\t\"kind\": \"Pod\",\n"
            + "\t\"spec\": {\n"
            + "\t\t\"containers\": [\n"
            + "\t\t\t{ \"name\": \"a\", \"image\": \"nginx\", \"ports\": [ { \"containerPort\": 8080 } ] }\n"
            + "\t\t]\n"
            + "\t}\n"
            + "}\n";
        var root = TreeParsing.Root(Json);
        var port = root.At("spec", "containers", 0, "ports", 0, "containerPort");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.Range(), Is.EqualTo("1:1-9:2"));
            Assert.That(root.KeyOf("apiVersion").Range(), Is.EqualTo("2:2-2:14"));
            Assert.That(root.At("apiVersion").Range(), Is.EqualTo("2:16-2:20"));
            Assert.That(root.At("spec").Range(), Is.EqualTo("4:10-8:3"));
            Assert.That(root.At("spec", "containers").Range(), Is.EqualTo("5:17-7:4"));
            Assert.That(root.At("spec", "containers", 0, "image").Range(), Is.EqualTo("6:28-6:35"));
            Assert.That(port.Range(), Is.EqualTo("6:67-6:71"));
            Assert.That(port.Path.ToString(), Is.EqualTo("spec.containers[0].ports[0].containerPort"));
            // JSON numbers are plain scalars: integers; JSON strings are quoted: strings.
            Assert.That(((ScalarNode)port).Type, Is.EqualTo(ScalarType.Int));
            Assert.That(((ScalarNode)root.At("apiVersion")).Type, Is.EqualTo(ScalarType.String));
        }
    }

    [Test]
    public void Comments_are_not_part_of_any_node()
    {
        const string Text = """
            # header comment
            apiVersion: v1 # trailing comment
            # between keys
            kind: Pod
            spec:
              containers:
                # before an item
                - name: a # after a value
                  image: nginx
                # after the last item

            """;
        var root = TreeParsing.Root(Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.Range(), Is.EqualTo("2:1-9:19"));
            Assert.That(root.At("apiVersion").Range(), Is.EqualTo("2:13-2:15"));
            Assert.That(root.KeyOf("kind").Range(), Is.EqualTo("4:1-4:5"));
            Assert.That(root.At("kind").Range(), Is.EqualTo("4:7-4:10"));
            Assert.That(root.At("spec", "containers").Range(), Is.EqualTo("8:5-9:19"));
            Assert.That(root.At("spec", "containers", 0, "name").Range(), Is.EqualTo("8:13-8:14"));
            Assert.That(((ScalarNode)root.At("spec", "containers", 0, "name")).Value, Is.EqualTo("a"));
        }
    }

    private const string Anchored = """
        x-defaults: &defaults
          image: nginx
          imagePullPolicy: Always
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - <<: *defaults
              name: a
              imagePullPolicy: IfNotPresent
            - name: b
              image: &img busybox
            - name: c
              image: *img

        """;

    [Test]
    public void A_value_found_through_a_merge_key_keeps_the_span_and_path_where_it_was_written()
    {
        var root = TreeParsing.Root(Anchored);
        var first = (MappingNode)root.At("spec", "containers", 0);
        var merged = first.At("image");
        using (Assert.EnterMultipleScope())
        {
            // `<<` is not an entry of its own; the merged mapping is a merge source.
            Assert.That(first.Entries.Select(e => e.KeyText), Is.EqualTo(new[] { "name", "imagePullPolicy" }));
            Assert.That(first.Merges, Has.Count.EqualTo(1));
            Assert.That(first.Merges[0], Is.TypeOf<AliasNode>());
            Assert.That(first.Merges[0].Range(), Is.EqualTo("8:11-8:20"));
            Assert.That(first.Range(), Is.EqualTo("8:7-10:36"));
            // The merged value is the node written under x-defaults.
            Assert.That(((ScalarNode)merged).Value, Is.EqualTo("nginx"));
            Assert.That(merged.Range(), Is.EqualTo("2:10-2:15"));
            Assert.That(merged.Path.ToString(), Is.EqualTo("x-defaults.image"));
            // An own key overrides a merged one.
            Assert.That(((ScalarNode)first.At("imagePullPolicy")).Value, Is.EqualTo("IfNotPresent"));
            Assert.That(first.At("imagePullPolicy").Range(), Is.EqualTo("10:24-10:36"));
            Assert.That(first.EffectiveEntries().Select(e => e.KeyText), Is.EquivalentTo(new[] { "name", "imagePullPolicy", "image" }));
        }
    }

    [Test]
    public void An_alias_has_its_own_span_and_resolves_to_the_anchored_node()
    {
        var root = TreeParsing.Root(Anchored);
        var alias = root.At("spec", "containers", 2, "image");
        var anchored = root.At("spec", "containers", 1, "image");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(alias, Is.TypeOf<AliasNode>());
            Assert.That(((AliasNode)alias).Anchor, Is.EqualTo("img"));
            Assert.That(alias.Range(), Is.EqualTo("14:14-14:18"));
            Assert.That(alias.Path.ToString(), Is.EqualTo("spec.containers[2].image"));
            Assert.That(alias.Resolve(), Is.SameAs(anchored));
            Assert.That(((ScalarNode)anchored).Value, Is.EqualTo("busybox"));
            // A node's properties (anchor, tag) are part of the node, as YamlDotNet reports it.
            Assert.That(anchored.Range(), Is.EqualTo("12:14-12:26"));
            Assert.That(alias.Describe(), Is.EqualTo("string `busybox`"));
        }
    }

    [Test]
    public void Documents_of_a_stream_map_to_their_file_lines()
    {
        const string Stream = """
            apiVersion: v1
            kind: Pod
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: second
            ---
            # third
            apiVersion: v1
            kind: Pod
            metadata: { name: third }

            """;
        var documents = TreeParsing.Documents(Stream);
        Assert.That(documents, Has.Count.EqualTo(3));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(documents.SelectMany(d => d.Diagnostics), Is.Empty);
            Assert.That(TreeParsing.Range(documents[0].Start), Is.EqualTo("1:1-1:1"));
            Assert.That(documents[0].Root!.Range(), Is.EqualTo("1:1-2:10"));
            Assert.That(TreeParsing.Range(documents[1].Start), Is.EqualTo("3:1-3:1"));
            Assert.That(documents[1].Root!.Range(), Is.EqualTo("4:1-7:15"));
            Assert.That(documents[1].Root!.At("metadata", "name").Range(), Is.EqualTo("7:9-7:15"));
            Assert.That(TreeParsing.Range(documents[2].Start), Is.EqualTo("8:1-8:1"));
            Assert.That(documents[2].Root!.Range(), Is.EqualTo("10:1-12:26"));
            Assert.That(documents[2].Root!.At("kind").Range(), Is.EqualTo("11:7-11:10"));
            Assert.That(documents[2].Root!.At("metadata", "name").Range(), Is.EqualTo("12:19-12:24"));
            Assert.That(documents.Select(d => d.Root!.Span.File), Is.All.EqualTo(TreeParsing.File));
        }
    }

    [Test]
    public void A_byte_order_mark_does_not_shift_columns_on_line_1()
    {
        const string Text = "apiVersion: v1\nkind: Pod\nmetadata: { name: x }\n";
        var withBom = TreeParsing.Root("\uFEFF" + Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(withBom.KeyOf("apiVersion").Range(), Is.EqualTo("1:1-1:11"));
            Assert.That(withBom.At("apiVersion").Range(), Is.EqualTo("1:13-1:15"));
            Assert.That(((ScalarNode)withBom.KeyOf("apiVersion")).Value, Is.EqualTo("apiVersion"));
            Assert.That(TreeParsing.Flatten(withBom), Is.EqualTo(TreeParsing.Flatten(TreeParsing.Root(Text))));
        }
    }

    [Test]
    public void CRLF_line_endings_give_the_same_positions_as_LF()
    {
        var crlf = BlockPod.Replace("\n", "\r\n", StringComparison.Ordinal);
        var lf = TreeParsing.Flatten(TreeParsing.Root(BlockPod));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TreeParsing.Flatten(TreeParsing.Root(crlf)), Is.EqualTo(lf));
            // Old Mac line ends (CR alone) are line breaks too.
            Assert.That(TreeParsing.Flatten(TreeParsing.Root(BlockPod.Replace("\n", "\r", StringComparison.Ordinal))), Is.EqualTo(lf));
            Assert.That(((ScalarNode)TreeParsing.Root(crlf).At("metadata", "name")).Value, Is.EqualTo("web"));
        }
    }

    [Test]
    public void Columns_count_UTF16_code_units_after_non_ASCII_text()
    {
        const string Text = """
            metadata:
              annotations:
                é: a
                日本語: b
                😀: c
                "😀😀": d
                x: é日😀 e

            """;
        var annotations = TreeParsing.Root(Text).At("metadata", "annotations");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(annotations.KeyOf("é").Range(), Is.EqualTo("3:5-3:6"));
            Assert.That(annotations.At("é").Range(), Is.EqualTo("3:8-3:9"));
            Assert.That(annotations.KeyOf("日本語").Range(), Is.EqualTo("4:5-4:8"));
            Assert.That(annotations.At("日本語").Range(), Is.EqualTo("4:10-4:11"));
            // U+1F600 is a surrogate pair: two columns.
            Assert.That(annotations.KeyOf("😀").Range(), Is.EqualTo("5:5-5:7"));
            Assert.That(annotations.At("😀").Range(), Is.EqualTo("5:9-5:10"));
            Assert.That(annotations.KeyOf("😀😀").Range(), Is.EqualTo("6:5-6:11"));
            Assert.That(annotations.At("😀😀").Range(), Is.EqualTo("6:13-6:14"));
            Assert.That(annotations.At("x").Range(), Is.EqualTo("7:8-7:14"));
            Assert.That(((ScalarNode)annotations.At("x")).Value, Is.EqualTo("é日😀 e"));
            Assert.That(annotations.At("😀").Path.ToString(), Is.EqualTo("metadata.annotations[😀]"));
        }
    }
}
