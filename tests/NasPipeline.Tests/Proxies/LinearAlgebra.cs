namespace NasPipeline.Tests.Proxies;

/// <summary>Plain double arithmetic for hand computations of proxies on one-layer linear networks.</summary>
public static class LinearAlgebra
{
    public static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }

    public static double[] Times(double[,] w, double[] x) =>
        Enumerable.Range(0, w.GetLength(0))
            .Select(i => Enumerable.Range(0, x.Length).Sum(j => w[i, j] * x[j])).ToArray();

    /// <summary>
    /// ∂L/∂W of the mean cross-entropy of y = Wx: (1/N) Σ (softmax(Wx) − e_y) xᵀ, and the per-sample
    /// ∂L/∂y.
    /// </summary>
    public static (double[,] Gradient, double[][] OutputGradients) CrossEntropyGradient(double[,] w,
        double[][] xs, int[] labels)
    {
        var (rows, cols) = (w.GetLength(0), w.GetLength(1));
        var gradient = new double[rows, cols];
        var outputs = new double[xs.Length][];
        for (var n = 0; n < xs.Length; n++)
        {
            var p = Softmax(Times(w, xs[n]));
            outputs[n] = p.Select((v, i) => (v - (i == labels[n] ? 1 : 0)) / xs.Length).ToArray();
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < cols; j++)
                    gradient[i, j] += outputs[n][i] * xs[n][j];
        }
        return (gradient, outputs);
    }
}
