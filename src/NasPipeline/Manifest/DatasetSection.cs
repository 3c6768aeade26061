using System.Text.Json.Serialization;

namespace NasPipeline.Manifest;

/// <summary>
/// [dataset]: which images, and the DARTS search split of the training set into a weight half and an α half.
/// Sizes of 0 mean "all that is available" (half of the training set each for the two halves). <c>augment</c>
/// says what training batches go through (both search halves, DARTS-PT's tuning, retraining; never evaluation or
/// scoring batches); unset, it is the data set's default, written out so that stage keys see the value used.
/// </summary>
public sealed record DatasetSection(
    string Name, string? Path, int WeightSize, int AlphaSize, int TestSize, int SplitSeed,
    SyntheticOptions? Synthetic, string Augment)
{
    /// <summary>
    /// Where the manifest sets <c>path</c> (not part of any stage key), for errors about missing files.
    /// </summary>
    [JsonIgnore] public SourceLocation? PathLocation { get; init; }

    /// <summary>
    /// "file:line:col: [dataset] path = …" when the manifest set the path, else "[dataset] name = …".
    /// </summary>
    public string Describe() =>
        PathLocation is { } at ? $"{at}: [dataset] path = \"{Path}\"" : $"[dataset] name = \"{Name}\"";

    public static readonly string[] Names = ["fashion-mnist", "cifar10", "cifar100", "synthetic"];
    public const string FashionMnistDefaultPath = "/usr/share/datasets/fashion-mnist";

    /// <summary>
    /// Values of <c>augment</c>: "crop-flip" (torchvision's RandomCrop(32, padding=4) + RandomHorizontalFlip, the
    /// CIFAR train transform of DARTS and NAS-Bench-201) or "none".
    /// </summary>
    public static readonly string[] AugmentNames = ["crop-flip", "none"];

    /// <summary>
    /// "crop-flip" for CIFAR-10/100, as every reference trains on CIFAR; "none" for Fashion-MNIST, for which the
    /// references define no recipe (their crop-flip transforms are written for CIFAR and ImageNet16 only), and for
    /// the synthetic images, whose classes are waves at fixed positions that a shift or flip changes.
    /// </summary>
    public static string DefaultAugment(string name) => name is "cifar10" or "cifar100" ? "crop-flip" : "none";

    /// <summary>
    /// The section as a stage that never trains reads it (a proxy's or a data-only selector's batch): such a stage
    /// sees the images un-augmented whatever <c>augment</c> says, so its key does not change with it.
    /// </summary>
    public DatasetSection Unaugmented() => this with { Augment = "none" };

    public static DatasetSection Read(TomlSection s)
    {
        var name = s.Choice("name", "fashion-mnist", Names);
        string? path = s.PathString("path", name == "fashion-mnist" ? FashionMnistDefaultPath : "");
        if (name is "cifar10" or "cifar100" && path.Length == 0)
            throw new ManifestException(s.Location,
                $"[dataset] name = \"{name}\" needs 'path' (the folder of the standard binary files)");
        if (name == "synthetic") path = null;
        var section = new DatasetSection(
            name, path,
            s.Int("weight_size", 0, min: 0), s.Int("alpha_size", 0, min: 0), s.Int("test_size", 0, min: 0),
            s.Int("split_seed", 0),
            name == "synthetic" ? SyntheticOptions.Read(s) : null,
            s.Choice("augment", DefaultAugment(name), AugmentNames)) { PathLocation = s.Find("path")?.ValueLocation };
        s.RejectUnknownKeys();
        return section;
    }
}

/// <summary>Shape of the procedurally generated data set used by tests and smoke runs.</summary>
public sealed record SyntheticOptions(int ImageSize, int Channels, int Classes, int TrainCount,
    int TestCount, double Noise)
{
    public static SyntheticOptions Read(TomlSection s) => new(
        s.Int("image_size", 16, min: 4, max: 512), s.Int("channels", 3, min: 1, max: 16),
        s.Int("classes", 4, min: 2, max: 1000), s.Int("train_count", 512, min: 4), s.Int("test_count", 128, min: 1),
        s.Double("noise", 0.5, min: 0));
}
