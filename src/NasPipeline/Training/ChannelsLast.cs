using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>
/// Image batches laid out channels-last: the same [B, C, H, W] shape and values, NHWC strides. libtorch's oneDNN
/// convolutions then work on NHWC throughout and hand their outputs on in it, instead of reordering layouts around
/// every convolution: one DARTS step on the NB201 supernet took about a third less CPU time, both at C=8, N=1,
/// 1×28×28 and at C=16, N=5, 3×32×32 (batch 64, one thread, in alternation). TorchSharp 0.107 has no memory_format
/// argument, so the strides are set here; they are set explicitly rather than by a permute round trip because with
/// one input channel that round trip keeps NCHW strides, which libtorch then reads as NCHW. The numbers differ from
/// NCHW inputs in the last bits (other kernels) and repeat run to run.
/// </summary>
public static class ChannelsLast
{
    public static Tensor Of(Tensor images)
    {
        var (n, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        return images.permute(0, 2, 3, 1).contiguous().as_strided([n, c, h, w], [h * w * c, 1, w * c, c]);
    }
}
