namespace PodLint.Model;

/// <summary>A volume of a Pod spec.</summary>
public sealed partial class Volume
{
    /// <summary>Whether the volume is an <c>emptyDir</c>: it says so, or it names no source at all, which the API server
    /// defaults to <c>emptyDir: {}</c>.</summary>
    internal bool IsEmptyDir
    {
        get
        {
            if (EmptyDir.IsValid) return true;
            foreach (var entry in ObjectMapping.EffectiveEntries())
            {
                if (entry.KeyText is "name") continue;
                if (!entry.Value.IsNull) return false;
            }

            return true;
        }
    }
}

/// <summary>One source of a projected volume.</summary>
public sealed partial class VolumeProjection
{
    /// <summary>Whether the entry names no projection at all (<c>{}</c>, or only null fields).</summary>
    internal bool IsEmpty
    {
        get
        {
            foreach (var entry in ObjectMapping.EffectiveEntries())
            {
                if (!entry.Value.IsNull) return false;
            }

            return true;
        }
    }
}
