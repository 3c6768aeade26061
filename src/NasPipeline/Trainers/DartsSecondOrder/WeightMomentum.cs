using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Trainers.DartsSecondOrder;

/// <summary>Reads the weight optimiser's momentum buffers, which DARTS's virtual step adds (μ·m).</summary>
public static class WeightMomentum
{
    /// <summary>
    /// The SGD momentum buffer of each parameter, in the order the optimiser was given them (the loop gives it
    /// <c>WeightParameters()</c>); null entries before the first step. Not an SGD: no buffers.
    /// </summary>
    public static IReadOnlyList<Tensor?>? Buffers(optim.Optimizer? optimizer) =>
        optimizer is SGD sgd ? sgd.state_dict().State.Select(s => (s as SGD.State)?.momentum_buffer).ToList() : null;
}
