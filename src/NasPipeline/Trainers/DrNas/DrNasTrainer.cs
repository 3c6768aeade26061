using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using static TorchSharp.torch;
using NasPipeline.Training;
using NasPipeline.Evaluation;

namespace NasPipeline.Trainers.DrNas;

/// <summary>
/// DrNAS (Chen et al., ICLR 2021): α parameterises Dirichlet concentrations β = ELU(α)+1; every forward uses
/// mixing weights sampled from Dir(β) with reparameterised gradients; α is regularised by L2 decay or, with
/// <c>reg_type = "kl"</c>, by a KL term toward a Dirichlet prior (see <see cref="DrNasOptions"/>). Evaluation and
/// selection use the expected weights β/Σβ.
/// </summary>
public sealed class DrNasTrainer(DrNasOptions options) : GradientAlphaTrainer(options.Training, options.Alpha)
{
    protected override Mixing ArchitectureMixing(ISupernet supernet, TrainingStep step) =>
        Mixing.Of(supernet.Alphas.Select(alpha => Dirichlet.Sample(Dirichlet.Concentration(alpha))));

    protected override Tensor? Regulariser(ISupernet supernet) =>
        options.KlScale == 0 ? null
            : supernet.Alphas
                .Select(alpha => Dirichlet.KlToSymmetric(Dirichlet.Concentration(alpha), options.PriorConcentration))
                .Aggregate((sum, kl) => sum.add(kl))
                .mul(options.KlScale);

    public override Mixing WeightStepMixing(ISupernet supernet, Batch batch, TrainingStep step) =>
        Mixing.Of(supernet.Alphas.Select(alpha => Dirichlet.Sample(Dirichlet.Concentration(alpha.detach()))));

    public override IReadOnlyList<Tensor> SelectionWeights(ISupernet supernet) =>
        supernet.Alphas.Select(alpha => Dirichlet.Mean(Dirichlet.Concentration(alpha))).ToList();
}
