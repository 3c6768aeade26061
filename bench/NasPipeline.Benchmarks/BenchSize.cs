namespace NasPipeline.Bench;

/// <summary>
/// The two sizes issue 11 measures: small (NB201 supernet C=8, N=1 on 28×28×1) and paper (C=16, N=5 on 32×32×3,
/// the benchmark's own); 10 classes, batch 64 both.
/// </summary>
public sealed record BenchSize(string Name, int Channels, int Cells, int ImageSize, int InputChannels)
{
    public const int Batch = 64, Classes = 10, Threads = 2;

    public static BenchSize Of(string name) => name switch
    {
        "small" => new(name, 8, 1, 28, 1),
        "paper" => new(name, 16, 5, 32, 3),
        _ => throw new ArgumentException($"unknown size {name} (small or paper)", nameof(name)),
    };
}
