using NasPipeline.Data;
using NasPipeline.SearchSpaces;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// DARTS's drop-path schedule (quark0/darts <c>cnn/train.py</c>: <c>model.drop_path_prob = args.drop_path_prob *
/// epoch / args.epochs</c> at each epoch's start): 0 in the first epoch, rising linearly, never reaching
/// <c>drop_path</c>. The masks come from a generator of the schedule's own, reseeded at every step from (seed,
/// epoch, step): the same seed gives the same masks, and a resumed run draws what an uninterrupted one draws
/// without saving generator state (the reference draws from the global generator).
/// </summary>
public sealed class DropPathSchedule : IDisposable
{
    /// <summary>Keeps the masks' seeds apart from the batches' augmentation seeds of the same run.</summary>
    const int Stream = 0x6D70;

    readonly IDropPathNetwork _network;
    readonly Generator _generator;
    readonly double _dropPath;
    readonly int _seed;

    DropPathSchedule(IDropPathNetwork network, double dropPath, int seed, Device device)
    {
        (_network, _dropPath, _seed) = (network, dropPath, seed);
        _generator = new Generator(0, device);
        _network.DropPathGenerator = _generator;
    }

    /// <summary>
    /// The schedule of <paramref name="network"/>, or null when <paramref name="dropPath"/> is 0; a network that
    /// does not drop paths fails here (the manifest rejects drop_path on such a space).
    /// </summary>
    public static DropPathSchedule? For(nn.Module network, double dropPath, int seed)
    {
        if (dropPath <= 0) return null;
        var target = network as IDropPathNetwork ?? throw new InvalidOperationException(
            $"drop_path = {dropPath} needs a network that drops paths; {network.GetType().Name} does not");
        var device = network.parameters().FirstOrDefault()?.device ?? CPU;
        return new DropPathSchedule(target, dropPath, seed, device);
    }

    /// <summary>The probability in epoch <paramref name="epoch"/> (0-based) of <paramref name="epochs"/>.</summary>
    public static double Probability(double dropPath, int epoch, int epochs) => dropPath * epoch / epochs;

    /// <summary>Sets the network's probability for epoch <paramref name="epoch"/> (0-based).</summary>
    public void Epoch(int epoch, int epochs) => _network.DropPathProbability = Probability(_dropPath, epoch, epochs);

    /// <summary>Reseeds the masks' generator for step <paramref name="step"/> of <paramref name="epoch"/>.</summary>
    public void Step(int epoch, int step) => _generator.manual_seed(SeedMix.Of(_seed ^ Stream, epoch, step));

    public void Dispose()
    {
        _network.DropPathGenerator = null;
        _generator.Dispose();
    }
}
