using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>The NB201 evaluation network for one genotype (at C=16, N=5 it is the benchmark's network).</summary>
public sealed class DiscreteNetwork : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> stem;
    readonly ModuleList<nn.Module<Tensor, Tensor>> layers;
    readonly nn.Module<Tensor, Tensor> head;

    public DiscreteNetwork(Genotype genotype, int channels, int cellsPerStage, int inputChannels, int classes)
        : base(nameof(DiscreteNetwork))
    {
        Genotype = genotype;
        (_channels, _cellsPerStage, _inputChannels, _classes) = (channels, cellsPerStage, inputChannels, classes);
        var layout = Nb201Layout.Layers(channels, cellsPerStage);
        stem = Nb201Layout.Stem(inputChannels, channels);
        layers = nn.ModuleList(layout.Select(l => l.IsReduction
            ? (nn.Module<Tensor, Tensor>)new ResNetBasicBlock(l.ChannelsIn, l.Channels)
            : new DiscreteCell(genotype, l.Channels)).ToArray());
        head = Nb201Layout.Head(layout[^1].Channels, classes);
        RegisterComponents();
    }

    readonly int _channels, _cellsPerStage, _inputChannels, _classes;

    public Genotype Genotype { get; }

    /// <summary>A float64 copy with the same parameters and buffers (for proxies that need double precision).</summary>
    public DiscreteNetwork Float64Copy() =>
        SearchSpaces.Float64Copy.Of(this,
            () => new DiscreteNetwork(Genotype, _channels, _cellsPerStage, _inputChannels, _classes));

    public long ParameterCount() => parameters().Sum(p => p.numel());

    public override Tensor forward(Tensor input)
    {
        var x = stem.call(input);
        foreach (var layer in layers) x = layer.call(x);
        return head.call(x);
    }
}
