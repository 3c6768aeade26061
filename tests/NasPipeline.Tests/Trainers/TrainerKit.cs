using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using static TorchSharp.torch;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Tests.Trainers;

/// <summary>Tiny synthetic data, supernets and trainers with manifest defaults, for trainer tests.</summary>
public static class TrainerKit
{
    public static SearchData TinyData(int seed = 1)
    {
        var synthetic = new SyntheticOptions(8, 1, 3, 96, 32, 0.3);
        var (train, test) = SyntheticData.Generate(synthetic, seed);
        return SearchData.Split(train, test, new DatasetSection("synthetic", null, 0, 0, 0, seed, synthetic, "none"));
    }

    /// <summary>A trainer exactly as a manifest entry with these extra keys would configure it.</summary>
    public static ISupernetTrainer Trainer(string method, string keys = "epochs = 2\nbatch_size = 16")
    {
        var section = TomlDocument.Parse(keys, "test.toml").Root;
        var entry = TrainerCatalog.Default.Find(method, section.Location);
        return entry.Create(entry.ReadOptions(section));
    }

    public static Nb201Supernet Supernet(int seed = 0)
    {
        manual_seed(seed);
        return new Nb201Supernet(4, 1, 1, 3);
    }

    /// <summary>A tiny DARTS search network (C=2, 3 layers: normal, reduce, reduce) for 8×8×1 images.</summary>
    public static DartsSearchNetwork DartsSupernet(int seed = 0)
    {
        manual_seed(seed);
        return new DartsSearchNetwork(2, 3, 1, 3);
    }

    public static Batch RandomBatch(int size = 8, int seed = 0)
    {
        manual_seed(seed);
        return new Batch(randn(size, 1, 8, 8), randint(0, 3, [size]));
    }

    public static SearchBatch RandomSearchBatch() => new(RandomBatch(8, 1), RandomBatch(8, 2));
}
