using System.Text.Json.Serialization;
using NasPipeline.SearchSpaces;

namespace NasPipeline.Manifest;

/// <summary>
/// [retrain]: training the selected discrete network from scratch (SGD, cosine schedule), by default at the
/// supernet's channels and depth (NB201 <c>cells_per_stage</c>, DARTS <c>layers</c>), with DARTS's evaluation
/// regularisers where asked: <c>auxiliary_weight</c> (the auxiliary head's loss weight, 0 = no head),
/// <c>drop_path</c> (the final drop-path probability, 0 = off) and <c>cutout</c> (the square's side in pixels,
/// 0 = off). The first two need a space whose network has them; cutout is data and applies to any space. The three
/// are left out of the stage key at 0, so keys of manifests without them did not change when they came.
/// </summary>
public sealed record RetrainSection(
    int Epochs, int BatchSize, double LearningRate, double LearningRateMin, double Momentum, bool Nesterov,
    double WeightDecay, double GradClip, int TrainSize, int Channels,
    [property: JsonPropertyName("CellsPerStage")] int Depth,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] double AuxiliaryWeight = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] double DropPath = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Cutout = 0)
{
    /// <summary>The retraining defaults: a short NB201-style cosine schedule from 0.05.</summary>
    public static readonly SgdSettings Defaults = new(
        Epochs: 10, BatchSize: 64, LearningRate: 0.05, LearningRateMin: 0, Momentum: 0.9, Nesterov: true,
        WeightDecay: 5e-4, GradClip: 5);

    /// <summary>The shared keys as one record (not in stage keys: the flat fields are).</summary>
    [JsonIgnore]
    public SgdSettings Sgd =>
        new(Epochs, BatchSize, LearningRate, LearningRateMin, Momentum, Nesterov, WeightDecay, GradClip);

    public static RetrainSection Read(TomlSection s, SearchSpaceSection space)
    {
        var network = SearchSpaceCatalog.Get(space.Name);
        var sgd = SgdSettings.Read(s, Defaults);
        var section = new RetrainSection(
            sgd.Epochs, sgd.BatchSize, sgd.LearningRate, sgd.LearningRateMin, sgd.Momentum, sgd.Nesterov,
            sgd.WeightDecay, sgd.GradClip, s.Int("train_size", 0, min: 0),
            s.Int("channels", space.Channels, min: 1, max: 1024),
            SearchSpaceSection.ReadDepth(s, space.Name, space.Depth),
            Offered(s, "auxiliary_weight", double.PositiveInfinity, network, "auxiliary head", n => n.HasAuxiliaryHead),
            // drop_path · epoch / epochs stays below drop_path, so even 1 never drops every path.
            Offered(s, "drop_path", 1, network, "drop path", n => n.HasDropPath),
            s.Int("cutout", 0, min: 0, max: 1024));
        s.RejectUnknownKeys();
        return section;
    }

    /// <summary>
    /// A regulariser's weight in [0, max]; a non-zero value on a space whose network lacks the regulariser is an
    /// error at the key saying why and which spaces have it (0, "off", is accepted everywhere).
    /// </summary>
    static double Offered(TomlSection s, string key, double max, ISearchSpace space, string what,
        Func<ISearchSpace, bool> has)
    {
        var value = s.Double(key, 0, min: 0, max: max);
        if (value > 0 && !has(space))
        {
            var spaces = SearchSpaceCatalog.Names.Where(n => has(SearchSpaceCatalog.Get(n)));
            throw new ManifestException(s.Find(key)!.KeyLocation,
                $"[retrain] {key} = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}: " +
                $"the {space.Name} " +
                $"space's network has no {what} (the networks of {string.Join(", ", spaces)} have it); " +
                "remove the key or set it to 0");
        }
        return value;
    }
}
