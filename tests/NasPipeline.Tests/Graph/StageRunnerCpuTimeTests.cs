using NasPipeline.Caching;
using NasPipeline.Graph;
using NasPipeline.Training;

namespace NasPipeline.Tests.Graph;

/// <summary>A node's record keeps the CPU time it used, and a cached load hands it back.</summary>
public sealed class StageRunnerCpuTimeTests
{
    sealed class SpinStage : IStage<int>
    {
        public string Name => "spin";
        public int Version => 1;
        public string Label => "spin";
        public object Inputs => new { spin = 1 };

        public int Run(StageContext context)
        {
            // Busy for ~150 ms of CPU: the record must show it.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var x = 0.0;
            while (clock.ElapsedMilliseconds < 150) x += Math.Sqrt(x + 1);
            return x > 0 ? 1 : 0;
        }
    }

    [Test]
    public void Run_RecordsCpuSeconds_AndCachedLoadReturnsThem()
    {
        using var dir = new TempDirectory();
        var runner = new StageRunner(new NodeStore(dir.Path), new MemoryLog(), NullProgress.Instance);
        var ran = runner.Run(new SpinStage());
        Assert.That(ran.CpuSeconds, Is.GreaterThan(0.05).And.LessThan(10));
        var cached = runner.Run(new SpinStage());
        Assert.That((cached.Cached, cached.CpuSeconds), Is.EqualTo((true, ran.CpuSeconds)));
    }
}
