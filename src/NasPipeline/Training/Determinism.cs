namespace NasPipeline.Training;

/// <summary>Seeds TorchSharp's generator; with a fixed thread count the CPU results repeat bit for bit.</summary>
public static class Determinism
{
    public static void Seed(int seed) => TorchSharp.torch.manual_seed(seed);

    public static void Threads(int threads) => TorchSharp.torch.set_num_threads(threads);
}
