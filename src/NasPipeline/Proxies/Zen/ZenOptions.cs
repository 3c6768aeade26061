using NasPipeline.Manifest;

namespace NasPipeline.Proxies.Zen;

/// <summary>
/// Zen-score's own keys: <c>repeats</c>, how many random networks and input pairs are drawn and their scores
/// averaged (the reference's <c>repeat</c> loop; 1, as its evolutionary search calls it).
/// </summary>
public sealed record ZenOptions(int Repeats)
{
    public static readonly ZenOptions Default = new(1);

    public static ZenOptions Read(TomlSection s) => new(s.Int("repeats", Default.Repeats, min: 1, max: 1000));
}
