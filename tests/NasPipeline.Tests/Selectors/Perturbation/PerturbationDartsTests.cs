using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.Selectors;
using NasPipeline.Selectors.Perturbation;
using NasPipeline.Tests.Checkpoints;
using NasPipeline.Tests.Trainers;
using NasPipeline.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors.Perturbation;

/// <summary>
/// DARTS-PT in the DARTS space (ruocwang/darts-pt <c>sota/cnn/projection.py</c>): 14 operation rounds and 3 node
/// rounds, each deciding the normal then the reduction cell, tuning after each, on a tiny DARTS supernet.
/// </summary>
public sealed class PerturbationDartsTests
{
    static readonly SearchData Data = TrainerKit.TinyData();
    static readonly SupernetTrainingOptions Loop = new(1, 16, 0.05, 0.001, 0.9, true, 5e-4, 5);
    static Outcome? _uninterrupted;

    static PerturbationOptions Options(string keys) => PerturbationOptions.Read(TomlDocument.Parse(keys, "t").Root);

    const string Keys = "tune_epochs_between = 1\ntune_images = 16\neval_size = 16\nbatch_size = 16";

    /// <summary>Trained mixing weights [28, 8] as a trainer would hand them over (seeded, not uniform).</summary>
    static double[][] Mixing()
    {
        var random = new System.Random(3);
        return Enumerable.Range(0, 28).Select(_ =>
        {
            var row = Enumerable.Range(0, 8).Select(_ => random.NextDouble() + 0.1).ToArray();
            return row.Select(v => v / row.Sum()).ToArray();
        }).ToArray();
    }

    static DartsSearchNetwork Trained()
    {
        // The same weights and α every time it is built, as the node's loaded supernet.
        manual_seed(11);
        var supernet = new DartsSearchNetwork(2, 3, 1, 3);
        using (no_grad())
            foreach (var alpha in ((ISupernet)supernet).Alphas) alpha.normal_(0, 1);
        return supernet;
    }

    sealed record Outcome(string Genotype, IReadOnlyList<string> Notes, Dictionary<string, byte[]> Supernet,
        List<EpochMetrics> Tuning, int MostZeroRows);

    static Outcome Select(string? work, StopAt progress)
    {
        manual_seed(0);
        var supernet = new ZeroRows(Trained());
        using var context = new SelectionContext(Mixing(), 0, () => supernet, () => Data,
            trainer: new KeepAlphaTrainer(Loop), workDirectory: work, stop: progress.Signal, progress: progress,
            task: "pt", space: DartsSearchSpace.Instance);
        var result = new PerturbationSelector(Options(Keys)).Select(context);
        return new Outcome(result.Genotype.ToString(), result.Notes, TensorBytes.Of(context.Supernet.Module),
            progress.Epochs, supernet.MostZeroRows);
    }

    static Outcome Uninterrupted() => _uninterrupted ??= Select(null, new StopAt());

    /// <summary>
    /// <c>tune_epochs = proj_intv · (14 + 3 − 1) + 1</c>, projecting at epochs 0, p, …, 16p (the last): p epochs
    /// after each of the first 16 rounds. NB201's script keeps its p − 1 before the last decision.
    /// </summary>
    [Test]
    public void TuneEpochsAfter_WithATopologyPhase_TunesAFullIntervalBeforeTheLastRound()
    {
        var options = Options("");
        Assert.That(Enumerable.Range(1, 17).Select(r => options.TuneEpochsAfter(r, 17, topology: true)),
            Is.EqualTo(Enumerable.Repeat(5, 16).Append(0)));
        Assert.That(Enumerable.Range(1, 6).Select(r => options.TuneEpochsAfter(r, 6)),
            Is.EqualTo(new[] { 5, 5, 5, 5, 4, 0 }));
    }

    [Test]
    public void Select_Darts_ReturnsAValidGenotype_TuningAfterEveryRoundButTheLast()
    {
        var outcome = Uninterrupted();
        var genotype = DartsSearchSpace.Instance.Parse(outcome.Genotype);
        Assert.That(genotype.ToString(), Is.EqualTo(outcome.Genotype));
        foreach (var cell in genotype.Choices)
            for (var node = 0; node < DartsSpace.Steps; node++)
                Assert.That(cell.Skip(DartsSpace.FirstEdge(node)).Take(2 + node).Count(op => op >= 0), Is.EqualTo(2));
        Assert.That(outcome.Tuning.Select(e => e.Epoch), Is.EqualTo(Enumerable.Repeat(1, 16)), "1 epoch × 16 rounds");
        Assert.That(outcome.Notes[0], Does.Contain("then nodes normal"));
        Assert.That(outcome.Notes[1], Does.StartWith("nodes: normal node 3 kept inputs"));
    }

    /// <summary>
    /// A node decision zeroes a decided edge's row: the supernet's held edges (held at their op while tuning) must
    /// not undo that while scoring, or every removal would score the same.
    /// </summary>
    [Test]
    public void Select_Darts_ScoresANodesEdgeRemovalWithItsRowZero() =>
        Assert.That(Uninterrupted().MostZeroRows, Is.GreaterThan(0));

    [Test]
    public void Resume_Darts_AfterStopRightAfterANodeRound_EqualsUninterruptedSelection()
    {
        using var work = new TempDirectory();
        var stop = new StopAt(items: 15);
        Assert.Throws<NodeInterruptedException>(() => Select(work.Path, stop));
        var resumed = new StopAt();
        var outcome = Select(work.Path, resumed);
        var expected = Uninterrupted();
        Assert.That(outcome.Genotype, Is.EqualTo(expected.Genotype));
        Assert.That(stop.Epochs.Concat(outcome.Tuning), Is.EqualTo(expected.Tuning), "tuning epochs, each once");
        foreach (var (name, bytes) in expected.Supernet) Assert.That(outcome.Supernet[name], Is.EqualTo(bytes), name);
        Assert.That(resumed.Notes,
            Is.EqualTo(new[] { "resuming pt after 15 of 17 projection rounds, tuning epoch 1/1" }));
    }

    /// <summary>A supernet that counts, per forward, the all-zero rows of the mixing it really runs.</summary>
    sealed class ZeroRows(ISupernet inner) : ISupernet
    {
        public int MostZeroRows { get; private set; }
        public ISearchSpace Space => inner.Space;
        public nn.Module<Tensor, Tensor> Module => inner.Module;
        public IReadOnlyList<Parameter> Alphas => inner.Alphas;
        public IEnumerable<Parameter> WeightParameters() => inner.WeightParameters();

        public Tensor Forward(Tensor input, NasPipeline.SearchSpaces.Mixing mixing, bool fuse = true)
        {
            var effective = FixedOps is { } fixedOps ? mixing.Fix(fixedOps) : mixing;
            var zero = effective.Weights.Sum(w => w.abs().sum(1).eq(0).sum().item<long>());
            MostZeroRows = Math.Max(MostZeroRows, (int)zero);
            return inner.Forward(input, mixing, fuse);
        }

        public int[][]? FixedOps { get => inner.FixedOps; set => inner.FixedOps = value; }
        public NasPipeline.SearchSpaces.Mixing SampleArchitecture(Generator? generator = null) =>
            inner.SampleArchitecture(generator);
        public IEnumerable<nn.Module> Operations(int cellType, int edge, int operation) =>
            inner.Operations(cellType, edge, operation);
        public ISupernet Float64Copy() => inner.Float64Copy();
        public void Dispose() => inner.Dispose();
    }
}
