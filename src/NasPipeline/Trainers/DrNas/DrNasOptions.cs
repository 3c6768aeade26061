using NasPipeline.Manifest;
using NasPipeline.Training;

namespace NasPipeline.Trainers.DrNas;

/// <summary>
/// DrNAS's α regularisation, as its NB201 code offers it (xiangning-chen/DrNAS 201-space/train_search*.py
/// <c>--reg_type</c>, <c>--reg_scale</c>; architect.py; 201-space/search_model.py <c>_get_kl_reg</c>):
/// <c>reg_type = "l2"</c> (the default there) decays α in Adam with weight decay <c>reg_scale</c> and adds no KL
/// term; <c>reg_type = "kl"</c> sets α's weight decay to 0 and adds <c>reg_scale</c> · KL(Dir(β) ‖ Dir(prior))
/// to the α loss. <c>reg_scale</c> defaults to 1e-3 as there, so the default α decay equals DARTS's 1e-3; DrNAS
/// has no separate <c>alpha_weight_decay</c>, and neither does this record. The prior is DrNAS's Dir(1, …, 1);
/// <c>prior_concentration</c> changes it.
/// </summary>
public sealed record DrNasOptions(
    SupernetTrainingOptions Training, AlphaOptions Alpha, string RegType, double RegularisationScale,
    double PriorConcentration)
{
    public const string L2 = "l2", Kl = "kl";

    public static DrNasOptions Read(TomlSection s)
    {
        var regType = s.Choice("reg_type", L2, [L2, Kl]);
        var scale = s.Double("reg_scale", 1e-3, min: 0);
        var alpha = AlphaOptions.ReadWithWeightDecay(s, regType == L2 ? scale : 0);
        return new(SupernetTrainingOptions.Read(s), alpha, regType, scale,
            s.Double("prior_concentration", 1.0, min: 1e-6));
    }

    /// <summary>The KL term's weight in the α loss: <c>reg_scale</c> under "kl", none under "l2".</summary>
    public double KlScale => RegType == Kl ? RegularisationScale : 0;
}
