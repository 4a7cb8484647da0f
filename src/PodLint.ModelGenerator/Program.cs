using PodLint.ModelGenerator;

// Usage: dotnet run --project src/PodLint.ModelGenerator -- <schemas/kubernetes folder> <output folder>
//   e.g. dotnet run --project src/PodLint.ModelGenerator -- schemas/kubernetes src/PodLint/Model/Generated
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PodLint.ModelGenerator <schemas/kubernetes folder> <output folder>");
    return 2;
}

var files = ModelGenerator.Generate(args[0]);
Directory.CreateDirectory(args[1]);
var changed = 0;
foreach (var (name, text) in files)
{
    var target = Path.Combine(args[1], name);
    if (File.Exists(target) && File.ReadAllText(target) == text) continue;
    File.WriteAllText(target, text, ModelGenerator.Utf8NoBom);
    Console.WriteLine($"written {target}");
    changed++;
}

foreach (var stale in Directory.GetFiles(args[1], "*.g.cs").Where(f => !files.ContainsKey(Path.GetFileName(f))))
{
    File.Delete(stale);
    Console.WriteLine($"deleted {stale}");
    changed++;
}

Console.WriteLine($"{files.Count} files generated, {changed} changed");
return 0;
