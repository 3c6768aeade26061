using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>
/// The NB201 macro skeleton shared by the discrete network and the supernet: a 3×3 stem, three stages of N cells
/// at C, 2C, 4C channels joined by stride-2 ResNet blocks, then BN, ReLU, global average pooling and a linear head.
/// </summary>
public static class Nb201Layout
{
    /// <summary>One position in the macro network: a cell at <c>Channels</c>, or a reduction block into them.</summary>
    public readonly record struct Layer(bool IsReduction, int ChannelsIn, int Channels);

    public static IReadOnlyList<Layer> Layers(int channels, int cellsPerStage)
    {
        var layers = new List<Layer>();
        var previous = channels;
        for (var stage = 0; stage < 3; stage++)
        {
            var current = channels << stage;
            if (stage > 0) layers.Add(new Layer(true, previous, current));
            for (var i = 0; i < cellsPerStage; i++) layers.Add(new Layer(false, current, current));
            previous = current;
        }
        return layers;
    }

    public static nn.Module<Tensor, Tensor> Stem(int inputChannels, int channels) => new Stem(inputChannels, channels);

    /// <summary>BN → ReLU → global average pool → linear.</summary>
    public static nn.Module<Tensor, Tensor> Head(int channels, int classes) => new Head(channels, classes);
}
