using System.CommandLine;
using System.Globalization;
using NasPipeline.Benchmarks;

namespace NasPipeline.Tool.Commands;

/// <summary><c>nas nb201-params</c>: parameter parity of our NB201 networks with the benchmark table.</summary>
public static class Nb201ParamsCommand
{
    public static Command Create()
    {
        var table = new Option<string>("--table") { Description = "NAS-Bench-201 ground-truth CSV", DefaultValueFactory = _ => "../shared/data/nb201/nb201.csv" };
        var sample = new Option<int>("--sample") { Description = "architectures to check (0 = all 15,625)", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 0 };
        var command = new Command("nb201-params", "Compare our NB201 networks' parameter counts (C=16, N=5) with the benchmark's") { table, sample, seed };
        command.SetAction(p =>
        {
            var nb201 = Nb201Table.Load(p.GetValue(table)!);
            var entries = nb201.Sample(p.GetValue(sample), p.GetValue(seed));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = ParameterParity.Check(entries, n =>
            {
                if (n % 500 == 0) Console.WriteLine($"  {n}/{entries.Count} checked ({clock.Elapsed.TotalSeconds:F0} s)");
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"nb201-params: {result.Matched}/{result.Checked} match exactly ({result.Share:P2}) in {clock.Elapsed.TotalSeconds:F1} s"));
            foreach (var m in result.Mismatches.Take(10))
                Console.WriteLine($"  {m.Arch}: built {m.Built:N0}, benchmark {m.Benchmark:N0} ({m.Built - m.Benchmark:+#;-#})");
            if (result.Mismatches.Count > 10) Console.WriteLine($"  … and {result.Mismatches.Count - 10} more");
            return 0;
        });
        return command;
    }
}
