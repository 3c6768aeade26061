using NasPipeline.SearchSpaces;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// The retraining loss: cross-entropy of the logits plus, with an auxiliary weight, that weight times the
/// auxiliary head's cross-entropy (quark0/darts <c>cnn/train.py</c>: <c>loss += args.auxiliary_weight *
/// loss_aux</c>). Without a weight the network's plain forward runs, as before the head existed.
/// </summary>
public sealed class RetrainLoss
{
    readonly nn.Module<Tensor, Tensor> _network;
    readonly IAuxiliaryHeadNetwork? _auxiliary;
    readonly double _weight;

    /// <summary>
    /// The loss of <paramref name="network"/>; a weight above 0 needs a network built with its auxiliary head
    /// (the manifest rejects auxiliary_weight on a space without one).
    /// </summary>
    public RetrainLoss(nn.Module<Tensor, Tensor> network, double auxiliaryWeight)
    {
        (_network, _weight) = (network, auxiliaryWeight);
        if (auxiliaryWeight > 0)
            _auxiliary = network as IAuxiliaryHeadNetwork is { HasAuxiliaryHead: true } head ? head
                : throw new InvalidOperationException(
                    $"auxiliary_weight = {auxiliaryWeight} needs a network with an auxiliary head; " +
                    $"this {network.GetType().Name} has none");
    }

    /// <summary>
    /// The logits and the loss of one training batch. The auxiliary logits exist in training mode only; in
    /// evaluation mode the loss is the logits' alone.
    /// </summary>
    public (Tensor Logits, Tensor Loss) Of(Tensor images, Tensor labels)
    {
        if (_auxiliary is null)
        {
            var plain = _network.forward(images);
            return (plain, nn.functional.cross_entropy(plain, labels));
        }
        var (logits, auxiliary) = _auxiliary.ForwardWithAuxiliary(images);
        var loss = nn.functional.cross_entropy(logits, labels);
        return (logits, auxiliary is null ? loss : loss.add(nn.functional.cross_entropy(auxiliary, labels), _weight));
    }
}
