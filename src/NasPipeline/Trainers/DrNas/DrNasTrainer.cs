using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using static TorchSharp.torch;

namespace NasPipeline.Trainers.DrNas;

/// <summary>
/// DrNAS (Chen et al., ICLR 2021): α parameterises Dirichlet concentrations β = ELU(α)+1; every forward uses
/// mixing weights sampled from Dir(β) with reparameterised gradients; α is regularised by L2 decay or, with
/// <c>reg_type = "kl"</c>, by a KL term toward a Dirichlet prior (see <see cref="DrNasOptions"/>). Evaluation and
/// selection use the expected weights β/Σβ.
/// </summary>
public sealed class DrNasTrainer(DrNasOptions options) : GradientAlphaTrainer(options.Training, options.Alpha)
{
    protected override Mixing ArchitectureMixing(Nb201Supernet supernet, TrainingStep step) =>
        new(Dirichlet.Sample(Dirichlet.Concentration(supernet.Alpha)));

    protected override Tensor? Regulariser(Nb201Supernet supernet) =>
        options.KlScale == 0 ? null
            : Dirichlet.KlToSymmetric(Dirichlet.Concentration(supernet.Alpha), options.PriorConcentration)
                .mul(options.KlScale);

    public override Mixing WeightStepMixing(Nb201Supernet supernet, Batch batch, TrainingStep step) =>
        new(Dirichlet.Sample(Dirichlet.Concentration(supernet.Alpha.detach())));

    public override Tensor SelectionWeights(Nb201Supernet supernet) => Dirichlet.Mean(Dirichlet.Concentration(supernet.Alpha));
}
