using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces;

/// <summary>
/// A discrete network whose cells drop whole paths in training (DARTS's <c>NetworkCIFAR</c>, after FractalNet and
/// NASNet). Retraining sets the probability each epoch and owns the generator the masks are drawn from, so runs
/// repeat and resume exactly.
/// </summary>
public interface IDropPathNetwork
{
    /// <summary>The drop probability of the next training forwards (0: nothing is dropped).</summary>
    double DropPathProbability { get; set; }

    /// <summary>Where the masks are drawn from (null: the global generator).</summary>
    Generator? DropPathGenerator { get; set; }
}
