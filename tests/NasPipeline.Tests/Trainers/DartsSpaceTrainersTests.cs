using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.Trainers;
using NasPipeline.Training;
using TorchSharp;

namespace NasPipeline.Tests.Trainers;

/// <summary>
/// Every trainer on the DARTS space: two α (normal, reduce) trained through one supernet whose reduction cells mix
/// with the reduce weights, selection weights per cell type, and nothing left behind.
/// </summary>
public sealed class DartsSpaceTrainersTests
{
    public static IEnumerable<string> Methods() => TrainerCatalog.Default.Names;

    const string Keys = "epochs = 1\nbatch_size = 24\nattack_steps = 1\nvalid_size = 8";

    static (SupernetTrainingResult Result, float[][] AlphaBefore, float[][] AlphaAfter, long LiveDelta) Train(
        string method, int seed)
    {
        var data = TrainerKit.TinyData();
        using var net = TrainerKit.DartsSupernet(seed);
        var before = net.Alphas.Select(a => a.data<float>().ToArray()).ToArray();
        var trainer = TrainerKit.Trainer(method, Keys);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var result = SupernetTrainingLoop.Run(net, trainer, data, seed, NullProgress.Instance, method);
        var delta = DisposeScopeManager.Statistics.ThreadTotalLiveCount - live;
        return (result, before, net.Alphas.Select(a => a.data<float>().ToArray()).ToArray(), delta);
    }

    [TestCaseSource(nameof(Methods))]
    public void Train_SameSeed_SameNumbers(string method)
    {
        var a = Train(method, 3).Result;
        var b = Train(method, 3).Result;
        Assert.That(b.MixingHistory, Is.EqualTo(a.MixingHistory));
        Assert.That(b.Epochs.Select(e => (e.TrainLoss, e.ValidAccuracy)),
            Is.EqualTo(a.Epochs.Select(e => (e.TrainLoss, e.ValidAccuracy))));
    }

    /// <summary>
    /// 28 rows of selection weights (14 normal, then 14 reduce) on the simplex; trainers that learn α move both
    /// cell types' α (the reduce α is reached only through the reduction cells), the others hold each uniform; the
    /// run leaves no tensor behind.
    /// </summary>
    [TestCaseSource(nameof(Methods))]
    public void Train_BothCellTypes_SelectionWeightsAndAlpha(string method)
    {
        var (result, before, after, liveDelta) = Train(method, 1);
        var last = result.MixingHistory[^1];
        Assert.That(last, Has.Length.EqualTo(2 * DartsSpace.EdgeCount));
        Assert.That(last.SelectMany(row => row), Is.All.GreaterThanOrEqualTo(0));
        Assert.That(last.Select(row => row.Sum()), Is.All.EqualTo(1).Within(1e-6));
        for (var c = 0; c < 2; c++)
            if (TrainerKit.Trainer(method, Keys).LearnsArchitecture)
                Assert.That(after[c], Is.Not.EqualTo(before[c]), $"α of cell type {c} learned");
            else
                Assert.That(after[c], Is.All.EqualTo(after[c][0]), $"α of cell type {c} uniform");
        ISearchSpace space = DartsSearchSpace.Instance;
        var derived = space.Derive(space.Split(last), excludeNone: true);
        Assert.That(space.Parse(derived.ToString()!), Is.EqualTo(derived));
        Assert.That(liveDelta, Is.Zero, "live tensors after the run");
    }

    /// <summary>
    /// RSWS's samples are DARTS cells: per node at most two edges run an op other than none (the reference draws
    /// each kept edge's op from all 8, none included), one-hot rows, and over draws every node gets two real inputs.
    /// </summary>
    [Test]
    public void SampleArchitecture_KeepsTwoInputsPerNode_DroppedEdgesRunNone()
    {
        using var net = TrainerKit.DartsSupernet();
        var generator = new torch.Generator(5);
        var none = DartsSpace.OperationIndex("none");
        var sawTwo = new bool[DartsSpace.Steps];
        for (var draw = 0; draw < 20; draw++)
            foreach (var cell in net.SampleArchitecture(generator).Cells)
            {
                using var sums = cell.Weights.sum(1);
                Assert.That(sums.data<float>().ToArray(), Is.All.EqualTo(1f), "one-hot rows");
                for (var node = 0; node < DartsSpace.Steps; node++)
                {
                    var real = Enumerable.Range(DartsSpace.FirstEdge(node), 2 + node)
                        .Count(e => cell.Active![e] != none && cell.Weights[e, cell.Active[e]].item<float>() == 1f);
                    Assert.That(real, Is.LessThanOrEqualTo(2), $"node {node + 2}");
                    sawTwo[node] |= real == 2;
                }
            }
        Assert.That(sawTwo, Is.All.True);
    }
}
