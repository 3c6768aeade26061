using NasPipeline.Data;
using NasPipeline.Tests.Trainers;
using NasPipeline.Trainers.DrNas;
using NasPipeline.Training;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Training;

/// <summary>DARTS-PT's tuning trains the supernet the way its trainer trained it.</summary>
public sealed class ProjectedTuningTests
{
    static readonly bool[] FirstTwoDecided = [true, true, false, false, false, false];
    static readonly int[] Picks = [3, 1, 0, 0, 0, 0];

    /// <summary>DrNAS selects by the Dirichlet mean β/Σβ, so undecided edges must not jump to softmax(α).</summary>
    [Test]
    public void Mixing_DrNas_UndecidedEdgesKeepTheDirichletMean_DecidedOnesAreOneHot()
    {
        using var supernet = TrainerKit.Supernet(4);
        using (no_grad()) supernet.Alpha.normal_(0, 1);
        using var tuning = new ProjectedTuning(supernet, TrainerKit.Trainer("drnas"), 0.01);
        tuning.Fix(Picks, FirstTwoDecided);
        using var mixing = tuning.Mixing();
        using var mean = Dirichlet.Mean(Dirichlet.Concentration(supernet.Alpha.detach()));
        using var softmax = supernet.SoftmaxWeights().detach();
        for (var edge = 0; edge < 6; edge++)
        {
            using var row = mixing[edge];
            if (FirstTwoDecided[edge])
                Assert.That(row.argmax().item<long>(), Is.EqualTo(Picks[edge]), $"edge {edge} one-hot");
            else
            {
                Assert.That(row.allclose(mean[edge]), Is.True, $"edge {edge}: the Dirichlet mean");
                Assert.That(row.allclose(softmax[edge], rtol: 1e-3, atol: 1e-4), Is.False,
                    $"edge {edge}: not softmax(α)");
            }
        }
    }

    /// <summary>
    /// SDARTS's weight steps see perturbed architecture weights; DARTS-PT keeps the perturbation on while tuning
    /// (darts-pt <c>sota/cnn/projection.py</c>: <c>perturb_alpha</c> before every <c>model.step</c>). From the same
    /// supernet and batches, SDARTS-RS and DARTS differ only there, so their tuned weights must differ.
    /// </summary>
    [Test]
    public void Train_Sdarts_WeightStepsUseTheTrainersPerturbedMixing()
    {
        var data = TrainerKit.TinyData();
        Dictionary<string, Tensor> Tuned(string method)
        {
            var supernet = TrainerKit.Supernet(5);
            var trainer = TrainerKit.Trainer(method);
            var weights = new Batches(data.WeightHalf, data.Normalization, 16, shuffle: true, 0);
            var alphas = new Batches(data.AlphaHalf, data.Normalization, 16, shuffle: true, 1);
            manual_seed(9);
            ProjectedTuning.Run(supernet, trainer, Picks, FirstTwoDecided, weights, alphas, 1, 0.01);
            return supernet.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
        }
        var darts = Tuned("darts");
        var sdarts = Tuned("sdarts-rs");
        Assert.That(darts.Any(p => p.Key != "alpha" && !p.Value.allclose(sdarts[p.Key], rtol: 0, atol: 0)), Is.True,
            "weights tuned under the perturbation differ from weights tuned under softmax(α)");
    }
}
