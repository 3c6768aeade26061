using BenchmarkDotNet.Attributes;
using NasPipeline.Manifest;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using NasPipeline.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;
using NasPipeline.Evaluation;
using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;

namespace NasPipeline.Bench;

/// <summary>
/// One whole supernet training step of a trainer (default DARTS): its α step on an α batch, then the SGD weight step
/// with its mixing and gradient clipping. The step body is SupernetTrainingLoop's, minus the data loader (batches
/// are random tensors built once) and progress reporting; `nas bench` times the loop itself.
/// </summary>
public class SupernetStepBenchmarks
{
    Nb201Supernet _supernet = null!;
    ISupernetTrainer _trainer = null!;
    optim.Optimizer _weightOptimizer = null!;
    List<Parameter> _weights = null!;
    SearchBatch _batch;
    readonly RunningMean _train = new(), _architecture = new();

    [Params("small", "paper")]
    public string Size { get; set; } = "small";

    [Params("darts")]
    public string Trainer { get; set; } = "darts";

    [GlobalSetup]
    public void Setup()
    {
        var size = BenchSize.Of(Size);
        set_num_threads(BenchSize.Threads);
        manual_seed(0);
        _supernet = new Nb201Supernet(size.Channels, size.Cells, size.InputChannels, BenchSize.Classes);
        var keys = TomlDocument.Parse($"batch_size = {BenchSize.Batch}\n", "bench").Root;
        var entry = TrainerCatalog.Default.Find(Trainer, keys.Location);
        _trainer = entry.Create(entry.ReadOptions(keys));
        var o = _trainer.Training;
        _weights = _supernet.WeightParameters().ToList();
        _weightOptimizer = optim.SGD(_weights, o.LearningRate, o.Momentum, weight_decay: o.WeightDecay,
            nesterov: o.Nesterov);
        _trainer.Attach(_supernet);
        _trainer.UseWeightOptimizer(_weightOptimizer);
        _supernet.train();
        Batch Random() => new(
            randn(BenchSize.Batch, size.InputChannels, size.ImageSize, size.ImageSize).MoveToOuterDisposeScope(),
            randint(0, BenchSize.Classes, [BenchSize.Batch]).MoveToOuterDisposeScope());
        _batch = new SearchBatch(Random(), Random());
    }

    [Benchmark]
    public void Step()
    {
        using var scope = NewDisposeScope();
        var step = new TrainingStep(0, 1, 0, 1, _trainer.Training.LearningRate);
        _trainer.UpdateArchitecture(_supernet, _batch, step, _architecture);
        _weightOptimizer.zero_grad();
        var mixing = _trainer.WeightStepMixing(_supernet, _batch.Weights, step);
        var logits = _supernet.Forward(_batch.Weights.Images, mixing);
        var loss = nn.functional.cross_entropy(logits, _batch.Weights.Labels);
        loss.backward();
        nn.utils.clip_grad_norm_(_weights, _trainer.Training.GradClip);
        _weightOptimizer.step();
        _train.Add(loss, logits, _batch.Weights.Labels);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _weightOptimizer.Dispose();
        _supernet.Dispose();
    }
}
