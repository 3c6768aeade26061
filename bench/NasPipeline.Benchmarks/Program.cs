using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Supernet micro-benchmarks (BenchmarkDotNet): one MixedOp and one SearchCell forward + backward, and a whole DARTS
// supernet step, each at the small (C=8, 28×28×1) and the paper (C=16, 32×32×3) size, batch 64, 2 threads.
//   dotnet run -c Release --project bench/NasPipeline.Benchmarks -- --filter '*'
//   dotnet run -c Release --project bench/NasPipeline.Benchmarks -- --filter '*Step*' --job dry   (a quick check)
// For ours against PyTorch eager, use bench/compare.sh.
// A step takes 0.1–1 s, so BenchmarkDotNet's default of up to 100 iterations would take an hour: without a --job
// on the command line, 3 warm-up and 10 measured iterations.
var config = args.Any(a => a is "--job" or "-j") ? DefaultConfig.Instance
    : DefaultConfig.Instance.AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10));
BenchmarkSwitcher.FromAssembly(typeof(NasPipeline.Bench.BenchSize).Assembly).Run(args, config);
