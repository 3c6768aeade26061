using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces;

/// <summary>
/// A discrete network with an auxiliary classifier on an inner cell (DARTS's <c>NetworkCIFAR</c>), which retraining
/// adds to the loss as <c>loss + auxiliary_weight · loss_aux</c>. Space-neutral, so the training loop asks for the
/// capability, never for a space.
/// </summary>
public interface IAuxiliaryHeadNetwork
{
    /// <summary>Whether the network was built with its head (<see cref="NetworkOptions.AuxiliaryHead"/>).</summary>
    bool HasAuxiliaryHead { get; }

    /// <summary>The logits and, in training mode with a head, the auxiliary logits (else null).</summary>
    (Tensor Logits, Tensor? Auxiliary) ForwardWithAuxiliary(Tensor input);
}
