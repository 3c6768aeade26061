using NasPipeline.Checkpoints;
using NasPipeline.Data;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using NasPipeline.Training;

namespace NasPipeline.Selectors;

/// <summary>
/// What a selector may use. The trained supernet and the data are loaded only when a selector asks, so cheap
/// selectors (magnitude, random) never touch weights or images.
/// </summary>
public sealed class SelectionContext(
    double[][]? mixingWeights, int seed, Func<ISupernet> supernet, Func<SearchData> data,
    Func<ISupernet>? untrained = null, ISupernetTrainer? trainer = null,
    string? workDirectory = null, StopSignal? stop = null, IProgressSink? progress = null, string task = "select",
    ISearchSpace? space = null)
    : IDisposable
{
    readonly Lazy<ISupernet> _supernet = new(supernet);
    readonly Lazy<SearchData> _data = new(data);

    /// <summary>The search space selected from (NB201 unless given).</summary>
    public ISearchSpace Space { get; } = space ?? Nb201SearchSpace.Instance;

    /// <summary>
    /// The trainer's final mixing weights [stacked edges][ops] (what it believes about each op): every cell type's
    /// rows in order (<see cref="StackedEdges"/>; <see cref="ISearchSpace.Split(double[][])"/> gives them per cell
    /// type).
    /// </summary>
    public double[][] MixingWeights => mixingWeights ?? throw new InvalidOperationException(
        "this selection reads no trained supernet (its selector declares SelectionReads without Supernet)");
    public int Seed { get; } = seed;

    /// <summary>
    /// How the supernet was trained (learning rate, batch size…), for selectors that fine-tune it: its trainer's
    /// options (a selection without a trainer has no training to go on with).
    /// </summary>
    public SupernetTrainingOptions Training => Trainer?.Training ?? throw new InvalidOperationException(
        "this selection has no trainer, so no training options: only selectors of a trained supernet tune it");

    /// <summary>
    /// A fresh instance of the method that trained the supernet (not attached), for selectors that go on training
    /// it the same way (DARTS-PT's tuning), or null when the selection has no trainer.
    /// </summary>
    public ISupernetTrainer? Trainer { get; } = trainer;

    /// <summary>Where long selectors keep checkpoints (the node's work folder), or null: no checkpoints.</summary>
    public string? WorkDirectory { get; } = workDirectory;

    /// <summary>Raised when the node should stop: long selectors checkpoint and stop, short ones just stop.</summary>
    public StopSignal Stop { get; } = stop ?? StopSignal.Never;

    public IProgressSink Progress { get; } = progress ?? NullProgress.Instance;

    /// <summary>How progress and log lines name this selection, e.g. "select pt from darts seed=0".</summary>
    public string Task { get; } = task;

    /// <summary>
    /// The trained supernet, loaded once; a selector may fine-tune it (the node's copy is not written back).
    /// </summary>
    public ISupernet Supernet => _supernet.Value;

    public SearchData Data => _data.Value;

    /// <summary>Frees the loaded supernet, if a selector loaded it.</summary>
    public void Dispose()
    {
        if (_supernet.IsValueCreated) _supernet.Value.Dispose();
    }

    /// <summary>
    /// A freshly initialised supernet of the same shape (Zero-Cost-PT scores untrained networks). Draw 0 is
    /// initialised from the experiment seed; every other draw from its own seed, so each is a different network,
    /// and the same on every run.
    /// </summary>
    public ISupernet NewUntrainedSupernet(int draw = 0)
    {
        var factory = untrained
            ?? throw new InvalidOperationException("this context has no untrained supernet factory");
        Determinism.Seed(draw == 0 ? Seed : unchecked(Seed * 7919 + draw));
        return factory();
    }
}
