using System.Text.Json.Serialization;

namespace NasPipeline.Manifest;

/// <summary>
/// [retrain]: training the selected discrete network from scratch (SGD, cosine schedule), by default at the
/// supernet's channels and depth (NB201 <c>cells_per_stage</c>, DARTS <c>layers</c>).
/// </summary>
public sealed record RetrainSection(
    int Epochs, int BatchSize, double LearningRate, double LearningRateMin, double Momentum, bool Nesterov,
    double WeightDecay, double GradClip, int TrainSize, int Channels,
    [property: JsonPropertyName("CellsPerStage")] int Depth)
{
    public static RetrainSection Read(TomlSection s, SearchSpaceSection space)
    {
        var section = new RetrainSection(
            s.Int("epochs", 10, min: 1), s.Int("batch_size", 64, min: 1),
            s.Double("lr", 0.05, min: 0), s.Double("lr_min", 0.0, min: 0), s.Double("momentum", 0.9, min: 0, max: 1),
            s.Bool("nesterov", true), s.Double("weight_decay", 5e-4, min: 0), s.Double("grad_clip", 5, min: 0),
            s.Int("train_size", 0, min: 0),
            s.Int("channels", space.Channels, min: 1, max: 1024), SearchSpaceSection.ReadDepth(s, space.Name, space.Depth));
        s.RejectUnknownKeys();
        return section;
    }
}
