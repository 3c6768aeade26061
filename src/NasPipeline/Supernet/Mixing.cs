using static TorchSharp.torch;

namespace NasPipeline.Supernet;

/// <summary>
/// How a supernet forward mixes its edges: weights [edges, ops] and, for trainers that sample one architecture
/// (GDAS, RSWS), the one operation per edge that is actually computed.
/// </summary>
public sealed record Mixing(Tensor Weights, int[]? Active = null);
