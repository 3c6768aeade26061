using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Darts;

/// <summary>
/// The DARTS evaluation network for one genotype (quark0/darts <c>cnn/model.py</c> <c>NetworkCIFAR</c>): a 3×3
/// stem to 3C channels, <c>layers</c> genotype <see cref="Cell"/>s with reductions at <c>layers // 3</c> and
/// <c>2 * layers // 3</c>, global average pooling and a linear classifier; optionally an
/// <see cref="AuxiliaryHeadCIFAR"/> on cell 2·layers // 3's output, used in training only. At C=36, 20 layers,
/// 10 classes DARTS_V2 has 3,349,342 parameters without the auxiliary head (DARTS's published 3.3 M).
/// </summary>
public sealed class NetworkCIFAR : nn.Module<Tensor, Tensor>, IAuxiliaryHeadNetwork, IDropPathNetwork
{
    readonly nn.Module<Tensor, Tensor> stem;
    readonly ModuleList<Cell> cells;
    readonly AuxiliaryHeadCIFAR? auxiliaryHead;
    readonly nn.Module<Tensor, Tensor> pool, classifier;
    readonly int _auxiliaryAfter;

    public NetworkCIFAR(DartsGenotype genotype, int channels, int layers, int classes, bool auxiliary,
        int inputChannels = 3) : base(nameof(NetworkCIFAR))
    {
        (Genotype, Channels, Layers, Classes, InputChannels) = (genotype, channels, layers, classes, inputChannels);
        var stemChannels = DartsSpace.StemMultiplier * channels;
        stem = new Stem(inputChannels, stemChannels);
        var (channelsPrevPrev, channelsPrev, current, reductionPrev) = (stemChannels, stemChannels, channels, false);
        var (list, auxiliaryChannels) = (new List<Cell>(), 0);
        _auxiliaryAfter = 2 * layers / 3;
        for (var layer = 0; layer < layers; layer++)
        {
            var reduction = DartsSpace.IsReduction(layer, layers);
            if (reduction) current *= 2;
            var cell = new Cell(genotype, channelsPrevPrev, channelsPrev, current, reduction, reductionPrev);
            list.Add(cell);
            (channelsPrevPrev, channelsPrev, reductionPrev) = (channelsPrev, cell.Multiplier * current, reduction);
            if (layer == _auxiliaryAfter) auxiliaryChannels = channelsPrev;
        }
        cells = nn.ModuleList(list.ToArray());
        if (auxiliary) auxiliaryHead = new AuxiliaryHeadCIFAR(auxiliaryChannels, classes);
        pool = nn.AdaptiveAvgPool2d(1);
        classifier = nn.Linear(channelsPrev, classes);
        RegisterComponents();
    }

    public DartsGenotype Genotype { get; }
    public int Channels { get; }
    public int Layers { get; }
    public int Classes { get; }
    public int InputChannels { get; }
    public bool HasAuxiliaryHead => auxiliaryHead is not null;

    /// <summary>
    /// The drop-path probability of the next forwards in training; the reference's trainer sets it each epoch
    /// (<c>model.drop_path_prob = args.drop_path_prob * epoch / args.epochs</c>).
    /// </summary>
    public double DropPathProbability { get; set; }

    /// <summary>Draws of the drop-path masks (null: the global generator).</summary>
    public Generator? DropPathGenerator { get; set; }

    /// <summary>Parameters without the auxiliary head's: what DARTS's <c>count_parameters_in_MB</c> reports.</summary>
    public long ParameterCount() =>
        named_parameters().Where(p => !p.name.Contains("auxiliary", StringComparison.OrdinalIgnoreCase))
            .Sum(p => p.parameter.numel());

    /// <summary>The logits (the auxiliary head is not run).</summary>
    public override Tensor forward(Tensor input) => Run(input, auxiliary: false).Logits;

    /// <summary>
    /// The reference's forward: logits and, in training with an auxiliary head, the auxiliary logits (else null);
    /// its loss is <c>loss + auxiliary_weight · loss_aux</c> (0.4 in DARTS).
    /// </summary>
    public (Tensor Logits, Tensor? Auxiliary) ForwardWithAuxiliary(Tensor input) => Run(input, auxiliary: true);

    (Tensor Logits, Tensor? Auxiliary) Run(Tensor input, bool auxiliary)
    {
        Tensor? logitsAuxiliary = null;
        var s0 = stem.call(input);
        var s1 = s0;
        for (var layer = 0; layer < cells.Count; layer++)
        {
            (s0, s1) = (s1, cells[layer].Forward(s0, s1, DropPathProbability, DropPathGenerator));
            if (layer == _auxiliaryAfter && auxiliary && training && auxiliaryHead is not null)
                logitsAuxiliary = auxiliaryHead.call(s1);
        }
        return (classifier.call(pool.call(s1).flatten(1)), logitsAuxiliary);
    }
}
