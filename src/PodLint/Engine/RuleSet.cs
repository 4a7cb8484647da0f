using PodLint.Diagnostics;
using PodLint.Rules;

namespace PodLint.Engine;

/// <summary>The rules of one <see cref="PodLinter"/> and the level each is configured at.</summary>
internal sealed class RuleSet
{
    private readonly Dictionary<string, RuleLevel> _levels = new(StringComparer.Ordinal);

    public RuleSet(PodLintOptions options)
    {
        var rules = RuleRegistry.BuiltInRules.Concat(options.AdditionalRules).ToList();
        Descriptors = [.. InputRules.All.Concat(Schema.SchemaRules.All).Concat(rules.Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)];
        var byKey = new Dictionary<string, RuleDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in Descriptors)
        {
            if (!byKey.TryAdd(d.Id, d) || !byKey.TryAdd(d.Name, d))
            {
                throw new ArgumentException($"two rules share the id `{d.Id}` or the name `{d.Name}`", nameof(options));
            }

            _levels[d.Id] = d.IsEnabledByDefault ? (RuleLevel)d.DefaultSeverity : RuleLevel.Off;
        }

        foreach (var (key, level) in options.RuleLevels)
        {
            if (!byKey.TryGetValue(key, out var d))
            {
                throw new ArgumentException($"unknown rule `{key}` in the rule levels", nameof(options));
            }

            _levels[d.Id] = level;
        }

        Enabled = [.. rules.Where(r => _levels[r.Descriptor.Id] != RuleLevel.Off)];
    }

    /// <summary>Every descriptor, in id order.</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    /// <summary>The rules that run.</summary>
    public IReadOnlyList<IPodRule> Enabled { get; }

    public RuleLevel LevelOf(RuleDescriptor rule) => _levels.TryGetValue(rule.Id, out var l) ? l : (RuleLevel)rule.DefaultSeverity;
}
