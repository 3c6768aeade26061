using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.Tests.SearchSpaces.Darts;

namespace NasPipeline.Tests.Training;

/// <summary>
/// A tiny DARTS evaluation network (C=2, 3 layers, 24×24×1: the auxiliary head sees the 6×6 map after the second
/// reduction) and synthetic data to retrain it on: 32 images, 2 steps of 16 per epoch.
/// </summary>
static class DartsRetrainKit
{
    public static readonly SearchData Data = Tiny();

    static SearchData Tiny()
    {
        var synthetic = new SyntheticOptions(24, 1, 3, 32, 16, 0.3);
        var (train, test) = SyntheticData.Generate(synthetic, 1);
        return SearchData.Split(train, test, new DatasetSection("synthetic", null, 0, 0, 0, 1, synthetic, "none"));
    }

    public static NetworkCIFAR Network(bool auxiliary) =>
        (NetworkCIFAR)DartsSearchSpace.Instance.CreateNetwork(DartsGenotype.Parse(PublishedGenotypes.DartsV2),
            new NetworkShape(2, 3, 1, 3), new NetworkOptions(auxiliary));

    /// <summary>[retrain] as DARTS's train.py sets it (SGD without Nesterov, cosine to 0), 3 short epochs.</summary>
    public static RetrainSection Section(double auxiliary = 0, double dropPath = 0, int cutout = 0, int epochs = 3) =>
        new(epochs, 16, 0.025, 0, 0.9, false, 3e-4, 5, 0, 2, 3, auxiliary, dropPath, cutout);
}
