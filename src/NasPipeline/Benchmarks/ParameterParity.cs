using NasPipeline.SearchSpaces.Nb201;
using static TorchSharp.torch;

namespace NasPipeline.Benchmarks;

/// <summary>One architecture whose built network's parameter count differs from the benchmark's.</summary>
public sealed record ParityMismatch(string Arch, long Built, long Benchmark);

/// <summary>How many architectures' networks have exactly the benchmark's parameter count.</summary>
public sealed record ParityResult(int Checked, int Matched, IReadOnlyList<ParityMismatch> Mismatches)
{
    public double Share => Checked == 0 ? double.NaN : (double)Matched / Checked;
}

/// <summary>
/// Builds the NB201 evaluation network (C=16, N=5, 3×32×32, 10 classes) for each architecture and compares its
/// parameter count with the table's <c>params_m</c> (millions with six decimals, i.e. exact counts). The table's
/// README explains why about 1.5% cannot match (the benchmark counted some networks differently).
/// </summary>
public static class ParameterParity
{
    public static ParityResult Check(IEnumerable<Nb201Entry> entries, Action<int>? progress = null)
    {
        var (count, matched) = (0, 0);
        var mismatches = new List<ParityMismatch>();
        foreach (var entry in entries)
        {
            using var scope = NewDisposeScope();
            using var network = new DiscreteNetwork(Genotype.Parse(entry.Arch), 16, 5, 3, 10);
            var built = network.ParameterCount();
            var benchmark = (long)Math.Round(entry.ParamsMillions * 1e6);
            if (built == benchmark) matched++;
            else mismatches.Add(new ParityMismatch(entry.Arch, built, benchmark));
            count++;
            progress?.Invoke(count);
        }
        return new ParityResult(count, matched, mismatches);
    }
}
