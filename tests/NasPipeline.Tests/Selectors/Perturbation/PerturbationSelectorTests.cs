using NasPipeline.Manifest;
using NasPipeline.Selectors;
using NasPipeline.Selectors.Perturbation;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Selectors.SharedWeights;
using NasPipeline.Tests.Trainers;
using NasPipeline.Trainers.Darts;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Selectors.Perturbation;

public sealed class PerturbationSelectorTests
{
    const string Target =
        "|nor_conv_3x3~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|";

    /// <summary>
    /// A supernet trained with all its mixing on one architecture and whose mixing weights say so: on each edge
    /// only that op carries signal, so removing it is what hurts, and PT must recover it. The loss criterion: on
    /// 48 validation images accuracy moves in steps of 2% and ties too often to tell ops apart.
    /// </summary>
    [TestCase("loss", false)]
    [TestCase("loss", true)]
    public void Select_RecoversTheOpsTheSupernetDependsOn(string criterion, bool alphaLearned)
    {
        var data = TrainerKit.TinyData();
        var target = Genotype.Parse(Target);
        using var supernet = TrainerKit.Supernet();
        var loop = new SupernetTrainingOptions(1, 16, 0.05, 0.001, 0.9, true, 5e-4, 5);
        // Weights trained with every edge fixed one-hot on the target (α untouched): PT's own tuning with all edges
        // decided.
        var batches = new NasPipeline.Data.Batches(data.WeightHalf, data.Normalization, 16, true, 0);
        ProjectedTuning.Run(supernet, new KeepAlphaTrainer(loop), target.Indices, Enumerable.Repeat(true, 6).ToArray(),
            batches, batches, 6, 0.05);
        var mixing = Enumerable.Range(0, 6)
            .Select(e => Enumerable.Range(0, 5).Select(k => k == target.Indices[e] ? 1.0 : 0.0).ToArray()).ToArray();
        // α that agrees with the mixing (softmax ≈ one-hot), so tuning α keeps the undecided edges on the target.
        using (no_grad())
            supernet.Alpha.copy_(tensor(mixing.SelectMany(r => r).Select(v => (float)(12 * v)).ToArray(), [6, 5]));
        var alphaBefore = supernet.Alpha.detach().clone();

        var options = PerturbationOptions.Read(TomlDocument.Parse(
            $"criterion = \"{criterion}\"\ntune_epochs_between = 1\nbatch_size = 48", "t").Root);
        using var context = new SelectionContext(mixing, 0, () => supernet, () => data, trainer: alphaLearned
            ? new DartsTrainer(new DartsOptions(loop, new NasPipeline.Trainers.AlphaOptions(3e-2, 0.5, 0.999, 1e-3)))
            : new KeepAlphaTrainer(loop));
        var result = new PerturbationSelector(options).Select(context);
        Assert.That(result.Genotype, Is.EqualTo(target), result.Genotype.ToString());
        Assert.That(supernet.Alpha.allclose(alphaBefore), Is.EqualTo(!alphaLearned),
            "tuning trains α exactly when the trainer learned it");
    }
}
