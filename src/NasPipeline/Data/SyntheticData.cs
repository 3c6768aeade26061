using NasPipeline.Manifest;

namespace NasPipeline.Data;

/// <summary>
/// Procedural, class-separable images for tests: each class has a smooth random prototype; samples are the
/// prototype plus Gaussian noise. Same options and seed → same bytes.
/// </summary>
public static class SyntheticData
{
    public static (ImageSet Train, ImageSet Test) Generate(SyntheticOptions o, int seed)
    {
        var random = new Random(seed);
        var size = o.Channels * o.ImageSize * o.ImageSize;
        var prototypes = Enumerable.Range(0, o.Classes).Select(_ => Prototype(random, o)).ToArray();
        return (Sample(random, prototypes, o, o.TrainCount, size), Sample(random, prototypes, o, o.TestCount, size));
    }

    static double[] Prototype(Random random, SyntheticOptions o)
    {
        // A few random low-frequency waves per channel: smooth, so convolutions and pooling can tell classes apart.
        var image = new double[o.Channels * o.ImageSize * o.ImageSize];
        for (var c = 0; c < o.Channels; c++)
            for (var wave = 0; wave < 3; wave++)
            {
                double fx = random.NextDouble() * 3, fy = random.NextDouble() * 3,
                    phase = random.NextDouble() * Math.Tau;
                for (var y = 0; y < o.ImageSize; y++)
                    for (var x = 0; x < o.ImageSize; x++)
                        image[(c * o.ImageSize + y) * o.ImageSize + x] +=
                            Math.Sin(Math.Tau * (fx * x + fy * y) / o.ImageSize + phase) / 3;
            }
        return image;
    }

    static ImageSet Sample(Random random, double[][] prototypes, SyntheticOptions o, int count, int size)
    {
        var pixels = new byte[count * size];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % o.Classes;
            var prototype = prototypes[labels[i]];
            for (var p = 0; p < size; p++)
            {
                var value = 0.5 + 0.35 * (prototype[p] + o.Noise * Gaussian(random));
                pixels[i * size + p] = (byte)Math.Clamp(Math.Round(value * 255), 0, 255);
            }
        }
        return new ImageSet(pixels, labels, o.Channels, o.ImageSize, o.ImageSize, o.Classes);
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(Math.Tau * random.NextDouble());
}
