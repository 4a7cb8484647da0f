using PodLint.SchemaGenerator;

// Usage: dotnet run --project src/PodLint.SchemaGenerator -- <kubernetes-openapi folder> <output folder>
//   e.g. dotnet run --project src/PodLint.SchemaGenerator -- ../shared/kubernetes-openapi schemas/kubernetes
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PodLint.SchemaGenerator <kubernetes-openapi folder> <output folder>");
    return 2;
}

Directory.CreateDirectory(args[1]);
var changed = 0;
foreach (var (version, path) in PodSchemaGenerator.Inputs(args[0]))
{
    var text = PodSchemaGenerator.GenerateFile(path, version);
    var target = Path.Combine(args[1], PodSchemaGenerator.OutputName(version));
    var same = File.Exists(target) && File.ReadAllText(target) == text;
    if (!same)
    {
        File.WriteAllText(target, text, PodSchemaGenerator.Utf8NoBom);
        changed++;
    }

    Console.WriteLine($"{(same ? "unchanged" : "written  ")} {target} ({text.Length:N0} chars) from {path}");
}

Console.WriteLine($"{changed} file(s) changed");
return 0;
