using System.CommandLine;
using System.Globalization;
using NasPipeline.Benchmarks;
using NasPipeline.SearchSpaces.Darts;
using NasPipeline.SearchSpaces.Nb201;
using static TorchSharp.torch;

namespace NasPipeline.Tool.Commands;

/// <summary>
/// <c>nas params</c>: the parameter count of one architecture's evaluation network in a search space, to compare
/// with the papers' (DARTS counts without the auxiliary head, as its <c>count_parameters_in_MB</c>). Without
/// <c>--genotype</c> on NB201 (and as <c>nas nb201-params</c>) it checks a sample of the benchmark table instead.
/// </summary>
public static class ParamsCommand
{
    public static Command Create()
    {
        var space = new Option<string>("--space")
            { DefaultValueFactory = _ => "nb201", Description = "search space: nb201 or darts" };
        space.AcceptOnlyFromAmong("nb201", "darts");
        var genotype = new Option<string?>("--genotype")
            { Description = "architecture: an NB201 arch string, or a DARTS Genotype(normal=[...], ...)" };
        var channels = new Option<int?>("--channels") { Description = "C (default: darts 36, nb201 16)" };
        var layers = new Option<int?>("--layers")
            { Description = "darts: cells in the network (default 20); nb201: cells per stage N (default 5)" };
        var classes = new Option<int>("--classes") { DefaultValueFactory = _ => 10 };
        var inputChannels = new Option<int>("--input-channels") { DefaultValueFactory = _ => 3 };
        var table = new Option<string>("--table")
        {
            Description = "NAS-Bench-201 ground-truth CSV",
            DefaultValueFactory = _ => "../shared/data/nb201/nb201.csv",
        };
        var sample = new Option<int>("--sample")
            { Description = "architectures to check (0 = all 15,625)", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 0 };
        var command = new Command("params", "Parameter count of an architecture's evaluation network; on NB201 "
            + "without --genotype, compare our networks' counts (C=16, N=5) with the benchmark's")
        {
            space, genotype, channels, layers, classes, inputChannels, table, sample, seed,
        };
        command.Aliases.Add("nb201-params");
        command.SetAction(p =>
        {
            var arch = p.GetValue(genotype);
            if (arch is null)
            {
                if (p.GetValue(space) == "darts") throw new ArgumentException("params: --space darts needs --genotype");
                return CheckTable(p.GetValue(table)!, p.GetValue(sample), p.GetValue(seed));
            }
            using var scope = NewDisposeScope();
            var count = p.GetValue(space) == "darts"
                ? Darts(arch, p.GetValue(channels) ?? 36, p.GetValue(layers) ?? 20, p.GetValue(classes),
                    p.GetValue(inputChannels))
                : Nb201(arch, p.GetValue(channels) ?? 16, p.GetValue(layers) ?? 5, p.GetValue(classes),
                    p.GetValue(inputChannels));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"params: {count}"));
            return 0;
        });
        return command;
    }

    static long Darts(string arch, int channels, int layers, int classes, int inputChannels)
    {
        using var network = new NetworkCIFAR(Parse(DartsGenotype.Parse, arch), channels, layers, classes,
            auxiliary: false, inputChannels);
        return network.ParameterCount();
    }

    static long Nb201(string arch, int channels, int cellsPerStage, int classes, int inputChannels)
    {
        using var network = new DiscreteNetwork(Parse(Genotype.Parse, arch), channels, cellsPerStage, inputChannels,
            classes);
        return network.ParameterCount();
    }

    // A malformed genotype is bad input: the message (with its position) is the whole answer, not a stack.
    static T Parse<T>(Func<string, T> parse, string arch)
    {
        try { return parse(arch); }
        catch (FormatException e) { throw new ArgumentException($"params: {e.Message}", e); }
    }

    static int CheckTable(string path, int sampleSize, int seed)
    {
        var nb201 = Nb201Table.Load(path);
        var entries = nb201.Sample(sampleSize, seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = ParameterParity.Check(entries, n =>
        {
            if (n % 500 == 0) Console.WriteLine($"  {n}/{entries.Count} checked ({clock.Elapsed.TotalSeconds:F0} s)");
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"nb201-params: {result.Matched}/{result.Checked} match exactly ({result.Share:P2}) "
            + $"in {clock.Elapsed.TotalSeconds:F1} s"));
        foreach (var m in result.Mismatches.Take(10))
            Console.WriteLine(
                $"  {m.Arch}: built {m.Built:N0}, benchmark {m.Benchmark:N0} ({m.Built - m.Benchmark:+#;-#})");
        if (result.Mismatches.Count > 10) Console.WriteLine($"  … and {result.Mismatches.Count - 10} more");
        return 0;
    }
}
