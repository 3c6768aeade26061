namespace NasPipeline.SearchSpaces;

/// <summary>
/// What a discrete network is built with beyond its shape. <see cref="AuxiliaryHead"/>: the auxiliary classifier
/// of DARTS's evaluation network (NASNet's tower), which only retraining with an auxiliary loss asks for; a space
/// offers it when <see cref="ISearchSpace.HasAuxiliaryHead"/> says so.
/// </summary>
public sealed record NetworkOptions(bool AuxiliaryHead)
{
    /// <summary>The plain network: logits only (proxies, evaluation, retraining without an auxiliary loss).</summary>
    public static readonly NetworkOptions Plain = new(AuxiliaryHead: false);
}
