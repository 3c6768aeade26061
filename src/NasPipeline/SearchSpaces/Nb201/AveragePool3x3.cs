using System.Collections.Concurrent;
using static TorchSharp.torch;

namespace NasPipeline.SearchSpaces.Nb201;

/// <summary>
/// NB201's <c>avg_pool_3x3</c>: 3×3 average, stride 1, padding 1, averaging over real pixels only at the borders
/// (<c>count_include_pad=False</c>). Computed as a depthwise convolution with a ones kernel times the reciprocal pixel
/// count, which is the same average (up to the order of the float sums): libtorch's CPU avg_pool2d with
/// count_include_pad=False recomputes the divisor per output pixel and took 3–6× longer forward + backward than
/// the depthwise convolution (64×8×28×28, two threads), the largest single cost of a supernet step.
/// </summary>
public sealed class AveragePool3x3 : nn.Module<Tensor, Tensor>
{
    public AveragePool3x3() : base(nameof(AveragePool3x3)) { }

    public override Tensor forward(Tensor input) => Apply(input);

    /// <summary>The pool of <paramref name="input"/> [N, C, H, W].</summary>
    public static Tensor Apply(Tensor input)
    {
        var (channels, height, width) = (input.shape[1], input.shape[2], input.shape[3]);
        var kernel = Constants.GetOrAdd((Kind.Kernel, channels, 0, input.dtype, input.device.ToString()),
            _ => ones(channels, 1, 3, 3, input.dtype, input.device).DetachFromDisposeScope());
        var reciprocal = Constants.GetOrAdd((Kind.Reciprocal, height, width, input.dtype, input.device.ToString()),
            _ => ReciprocalCounts(height, width, input.dtype, input.device));
        return nn.functional.conv2d(input, kernel, padding: [1, 1], groups: channels).mul(reciprocal);
    }

    enum Kind { Kernel, Reciprocal }

    // Constants live as long as the process (a handful of small tensors per shape), outside any dispose scope.
    static readonly ConcurrentDictionary<(Kind, long, long, ScalarType, string), Tensor> Constants = new();

    /// <summary>1 / (number of real pixels in each output pixel's 3×3 window), [1, 1, H, W].</summary>
    static Tensor ReciprocalCounts(long height, long width, ScalarType dtype, Device device)
    {
        using var scope = NewDisposeScope();
        var plane = ones(1, 1, height, width, float64);
        var window = ones(1, 1, 3, 3, float64);
        var counts = nn.functional.conv2d(plane, window, padding: [1, 1]);
        return counts.reciprocal().to(dtype, device).MoveToOuterDisposeScope().DetachFromDisposeScope();
    }
}
