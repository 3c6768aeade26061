using NasPipeline.Manifest;
using NasPipeline.Selectors;
using NasPipeline.Selectors.SharedWeights;
using NasPipeline.Tests.Trainers;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors.SharedWeights;

/// <summary>
/// Random search with weight sharing's ranking as liamcli/randomNAS_release does it (<c>get_eval_arch</c>,
/// <c>darts_wrapper_discrete.evaluate</c>).
/// </summary>
public sealed class SharedWeightsSelectorTests
{
    static SharedWeightsOptions Options(string keys) =>
        SharedWeightsOptions.Read(TomlDocument.Parse(keys, "t").Root);

    static readonly double[][] Uniform =
        Enumerable.Range(0, 6).Select(_ => Enumerable.Repeat(0.2, 5).ToArray()).ToArray();

    [Test]
    public void Read_Defaults_AreRandomSearchWithWeightSharing()
    {
        var o = Options("");
        Assert.That((o.NumSamples, o.ScreenBatches, o.TopK, o.EvalSize, o.BatchSize, o.BatchNorm),
            Is.EqualTo((1000, 10, 10, 0, 64, "eval")));
    }

    /// <summary><c>evaluate</c> calls <c>model.eval()</c>: the supernet's running statistics, unchanged.</summary>
    [Test]
    public void Select_ByDefault_RunsBatchNormOnTheSupernetsRunningStatistics()
    {
        var data = TrainerKit.TinyData();
        using var supernet = TrainerKit.Supernet();
        var before = supernet.buffers().Select(b => b.detach().clone()).ToList();
        using var context = new SelectionContext(Uniform, 0, () => supernet, () => data);
        new SharedWeightsSelector(Options("num_samples = 3\nscreen_batches = 1\nbatch_size = 16")).Select(context);
        var after = supernet.buffers().ToList();
        Assert.That(after.Zip(before).All(p => p.First.allclose(p.Second, rtol: 0, atol: 0)), Is.True,
            "BN statistics untouched: evaluation mode");
    }

    /// <summary>Screened on a few batches each, the best <c>top_k</c> re-measured on the whole α half.</summary>
    [Test]
    public void Select_ScreensEverySampleThenRanksTheBestOnTheWholeHalf()
    {
        var data = TrainerKit.TinyData();
        using var supernet = TrainerKit.Supernet();
        using var context = new SelectionContext(Uniform, 0, () => supernet, () => data);
        var options = Options("num_samples = 5\nscreen_batches = 2\ntop_k = 3\nbatch_size = 8");
        var result = new SharedWeightsSelector(options).Select(context);
        Assert.That(result.Notes.Single(), Does.Contain("of the best 3 of 5 sampled, screened on 2 batch(es) each"));
    }
}
