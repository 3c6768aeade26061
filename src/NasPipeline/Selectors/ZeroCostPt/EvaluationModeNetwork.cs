using static TorchSharp.torch;

namespace NasPipeline.Selectors.ZeroCostPt;

/// <summary>
/// A network that stays in evaluation mode whatever a proxy asks (<c>train()</c> sets evaluation mode): BN then
/// uses its running statistics, as Zero-Cost-PT's NASWOT scorers do (<c>op_score.Jocab_Score</c> and
/// <c>Scorers.Jocab_Scorer.setup_hooks</c> call <c>model.eval()</c>) while our NWOT proxy
/// runs in training mode. It does not own the network it wraps: never dispose it, as
/// <see cref="NasPipeline.Supernet.MixedSupernet"/>.
/// </summary>
public sealed class EvaluationModeNetwork : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> inner;

    public EvaluationModeNetwork(nn.Module<Tensor, Tensor> inner) : base(nameof(EvaluationModeNetwork))
    {
        this.inner = inner;
        RegisterComponents();
        base.train(false);
    }

    public override void train(bool on = true) => base.train(false);

    public override Tensor forward(Tensor input) => inner.call(input);
}
