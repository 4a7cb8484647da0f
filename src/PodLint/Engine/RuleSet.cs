using PodLint.Diagnostics;
using PodLint.Rules;

namespace PodLint.Engine;

/// <summary>The rules of one <see cref="PodLinter"/>, the level each runs at, and the catalogue reporters get.</summary>
internal sealed class RuleSet
{
    private readonly Dictionary<RuleDescriptor, RuleLevel> _levels = [];
    private readonly Dictionary<string, RuleDescriptor> _byKey;

    public RuleSet(PodLintOptions options)
    {
        var rules = RuleRegistry.BuiltInRules.Concat(options.AdditionalRules).ToList();
        Descriptors = [.. RuleRegistry.BuiltInDescriptors.Concat(options.AdditionalRules.Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)];
        var byKey = new Dictionary<string, RuleDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in Descriptors)
        {
            if (!byKey.TryAdd(d.Id, d) || !byKey.TryAdd(d.Name, d))
            {
                throw new ArgumentException($"two rules share the id `{d.Id}` or the name `{d.Name}`", nameof(options));
            }

            _levels[d] = d.IsEnabledByDefault || options.RuleSelection == Configuration.RuleSelection.All ? (RuleLevel)d.DefaultSeverity : RuleLevel.Off;
        }

        foreach (var (key, level) in options.RuleLevels)
        {
            if (!byKey.TryGetValue(key, out var d))
            {
                // Data names the key, so that a front end can word the message after its own option (`--severity`).
                throw new ArgumentException($"unknown rule `{key}` in `{nameof(PodLintOptions.RuleLevels)}`", nameof(options)) { Data = { ["rule"] = key } };
            }

            _levels[d] = level;
        }

        _byKey = byKey;
        Enabled = [.. rules.Where(r => _levels[r.Descriptor] != RuleLevel.Off)];
        Catalog = [.. Descriptors.Select(d => new RuleStatus(d, _levels[d]))];
    }

    /// <summary>Every descriptor, in id order.</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    /// <summary>Every rule with its effective level, in id order.</summary>
    public IReadOnlyList<RuleStatus> Catalog { get; }

    /// <summary>The rules that run.</summary>
    public IReadOnlyList<IPodRule> Enabled { get; }

    /// <summary>The rule of an id or name (any case), or null.</summary>
    public RuleDescriptor? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Rule ids and names close to a mistyped one.</summary>
    public IEnumerable<string> Suggest(string typed)
        => Spelling.Closest(typed, Descriptors.SelectMany(d => new[] { d.Id, d.Name }), c => Math.Max(typed.Length, c.Length) / 3).Take(3);

    public RuleLevel LevelOf(RuleDescriptor rule) => _levels.TryGetValue(rule, out var l) ? l : (RuleLevel)rule.DefaultSeverity;
}

/// <summary>A rule of the catalogue and the level it ran at (after the options' re-grading).</summary>
/// <param name="Descriptor">The rule.</param>
/// <param name="Level">Its effective level; <see cref="RuleLevel.Off"/> when it did not run.</param>
public sealed record RuleStatus(RuleDescriptor Descriptor, RuleLevel Level);
