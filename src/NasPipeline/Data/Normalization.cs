namespace NasPipeline.Data;

/// <summary>Per-channel mean and standard deviation of pixel values scaled to [0, 1].</summary>
public sealed record Normalization(float[] Mean, float[] Std)
{
    /// <summary>Channel <paramref name="c"/>'s map of a raw byte v to v · Scale − Offset.</summary>
    public (float Scale, float Offset) Affine(int c) => (1f / (255f * Std[c]), Mean[c] / Std[c]);

    /// <summary>
    /// Per channel, what a raw 0 pixel becomes, (0 − mean)/std, computed as every pixel is: padding a normalised
    /// image with it equals padding the raw image with 0 (torchvision's RandomCrop fill) and then normalising.
    /// </summary>
    public float[] OfRawZero()
    {
        var zero = new float[Mean.Length];
        for (var c = 0; c < zero.Length; c++)
        {
            var (scale, offset) = Affine(c);
            zero[c] = 0 * scale - offset;
        }
        return zero;
    }

    public static Normalization Of(ImageSet images)
    {
        var plane = images.Height * images.Width;
        var mean = new float[images.Channels];
        var std = new float[images.Channels];
        for (var c = 0; c < images.Channels; c++)
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < images.Count; i++)
            {
                var start = (long)i * images.ImageSize + c * plane;
                for (var p = 0; p < plane; p++)
                {
                    var v = images.Pixels[start + p] / 255.0;
                    sum += v;
                    squares += v * v;
                }
            }
            var n = (double)images.Count * plane;
            mean[c] = (float)(sum / n);
            std[c] = (float)Math.Max(Math.Sqrt(Math.Max(squares / n - sum / n * (sum / n), 0)), 1e-6);
        }
        return new Normalization(mean, std);
    }
}
