namespace NasPipeline.Data;

/// <summary>Per-channel mean and standard deviation of pixel values scaled to [0, 1].</summary>
public sealed record Normalization(float[] Mean, float[] Std)
{
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
