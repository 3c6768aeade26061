using NasPipeline.Manifest;

namespace NasPipeline.Data;

/// <summary>
/// The data of one study: the DARTS search split of the training set into a weight half and an α half, the
/// test set for final evaluation, the normalisation computed on the training images, and the augmentation that
/// training batches go through (<see cref="DatasetSection.Augment"/>).
/// </summary>
public sealed record SearchData(ImageSet WeightHalf, ImageSet AlphaHalf, ImageSet Train, ImageSet Test,
    Normalization Normalization)
{
    public IAugmentation Augmentation { get; init; } = NoAugmentation.Instance;

    public int Channels => Train.Channels;
    public int Classes => Train.Classes;

    public static SearchData Load(DatasetSection section)
    {
        var (train, test) = Read(section);
        return Split(train, test, section);
    }

    static (ImageSet Train, ImageSet Test) Read(DatasetSection section)
    {
        try { return ReadFiles(section); }
        catch (DataException e) when (section.Path is not null)
        {
            throw new DataException($"{section.Describe()}: {e.Message}");
        }
    }

    static (ImageSet Train, ImageSet Test) ReadFiles(DatasetSection section) => section.Name switch
    {
        "fashion-mnist" => FashionMnist.Load(section.Path!),
        "cifar10" => Cifar.Load(section.Path!, 10),
        "cifar100" => Cifar.Load(section.Path!, 100),
        "synthetic" => SyntheticData.Generate(section.Synthetic!, section.SplitSeed),
        _ => throw new DataException($"unknown data set {section.Name}"),
    };

    public static SearchData Split(ImageSet train, ImageSet test, DatasetSection section)
    {
        // DARTS: a seeded permutation of the training set, first part trains weights, second part trains α.
        var order = Permutation.Seeded(train.Count, section.SplitSeed);
        var half = train.Count / 2;
        var weightSize = section.WeightSize == 0 ? half : section.WeightSize;
        var alphaSize = section.AlphaSize == 0 ? train.Count - weightSize : section.AlphaSize;
        if (weightSize + alphaSize > train.Count)
            throw new DataException(
                $"[dataset] weight_size + alpha_size = {weightSize + alphaSize} exceeds the {train.Count} " +
                $"training images of {section.Name}");
        var weightHalf = train.Subset(order[..weightSize]);
        var alphaHalf = train.Subset(order[weightSize..(weightSize + alphaSize)]);
        var testSet = section.TestSize > 0 ? test.Subset(Permutation.Seeded(test.Count,
            section.SplitSeed + 1)[..Math.Min(section.TestSize, test.Count)]) : test;
        return new SearchData(weightHalf, alphaHalf, train, testSet, Normalization.Of(weightHalf))
        {
            Augmentation = Augmentations.Of(section.Augment),
        };
    }
}
