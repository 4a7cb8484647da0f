using System.Text.Json.Nodes;
using PodLint.SchemaGenerator;

// Usage: dotnet run --project src/PodLint.SchemaGenerator -- <kubernetes-openapi folder> <output folder>
//   e.g. dotnet run --project src/PodLint.SchemaGenerator -- ../shared/kubernetes-openapi schemas/kubernetes
// Writes {kind}-1.NN.json for every kind of SchemaKind.All and every version folder; files already up to date are left alone.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PodLint.SchemaGenerator <kubernetes-openapi folder> <output folder>");
    return 2;
}

Directory.CreateDirectory(args[1]);
var changed = 0;
foreach (var (version, folder) in KubernetesSchemaGenerator.Versions(args[0]))
{
    // Each document is parsed once per version, whatever number of kinds use it.
    var parsed = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
    JsonNode Load(string path) => parsed.TryGetValue(path, out var node) ? node : parsed[path] = KubernetesSchemaGenerator.Load(path);

    foreach (var kind in SchemaKind.All)
    {
        var paths = kind.Documents(folder);
        var text = KubernetesSchemaGenerator.GenerateFiles(paths, kind, version, Load);
        var target = Path.Combine(args[1], kind.OutputName(version));
        var same = File.Exists(target) && File.ReadAllText(target) == text;
        if (!same)
        {
            File.WriteAllText(target, text, KubernetesSchemaGenerator.Utf8NoBom);
            changed++;
        }

        Console.WriteLine($"{(same ? "unchanged" : "written  ")} {target} ({text.Length:N0} chars) from {string.Join(" + ", paths)}");
    }
}

Console.WriteLine($"{changed} file(s) changed");
return 0;
