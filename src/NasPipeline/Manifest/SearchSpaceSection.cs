namespace NasPipeline.Manifest;

/// <summary>[search_space]: the cell space and the supernet's size (C channels, N cells per stage).</summary>
public sealed record SearchSpaceSection(string Name, int Channels, int CellsPerStage)
{
    public static readonly string[] Names = ["nb201"];

    public static SearchSpaceSection Read(TomlSection s)
    {
        var section = new SearchSpaceSection(
            s.Choice("name", "nb201", Names), s.Int("channels", 16, min: 1, max: 1024), s.Int("cells_per_stage", 5, min: 1, max: 64));
        s.RejectUnknownKeys();
        return section;
    }
}
