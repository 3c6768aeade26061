using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using NasPipeline.Training;

namespace NasPipeline.Tool.Commands;

/// <summary>
/// <c>nas bench</c>: times DARTS supernet training steps and watches resident memory epoch over epoch, on
/// Fashion-MNIST or synthetic images. Nothing is cached or written; the numbers go to standard output.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { DefaultValueFactory = _ => "fashion-mnist", Description = "fashion-mnist or synthetic" };
        var channels = new Option<int>("--channels") { DefaultValueFactory = _ => 8, Description = "C" };
        var cells = new Option<int>("--cells") { DefaultValueFactory = _ => 1, Description = "N (cells per stage)" };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 64 };
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => 8 };
        var images = new Option<int>("--images") { DefaultValueFactory = _ => 1280, Description = "images in each search half" };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 2 };
        var trainer = new Option<string>("--trainer") { DefaultValueFactory = _ => "darts", Description = "trainer method (its published defaults)" };
        var command = new Command("bench", "Time supernet training steps and track RSS per epoch") { dataset, channels, cells, batch, epochs, images, threads, trainer };
        command.SetAction(p => Run(p.GetValue(trainer)!, p.GetValue(dataset)!, p.GetValue(channels), p.GetValue(cells), p.GetValue(batch), p.GetValue(epochs), p.GetValue(images), p.GetValue(threads)));
        return command;
    }

    static int Run(string method, string dataset, int channels, int cells, int batch, int epochs, int images, int threads)
    {
        var synthetic = new SyntheticOptions(28, 1, 10, 2 * images, 64, 0.5);
        var path = dataset == "synthetic" ? null : DatasetSection.FashionMnistDefaultPath;
        var section = new DatasetSection(dataset, path, images, images, 64, 0, synthetic,
            DatasetSection.DefaultAugment(dataset));
        var data = SearchData.Load(section);
        Determinism.Threads(threads);
        Determinism.Seed(0);
        using var supernet = new Nb201Supernet(channels, cells, data.Channels, data.Classes);
        // The trainer reads its options from manifest-style keys, so bench runs it exactly as a manifest would.
        var keys = TomlDocument.Parse($"epochs = {epochs}\nbatch_size = {batch}\nvalid_size = 256\n", "bench").Root;
        var entry = TrainerCatalog.Default.Find(method, keys.Location);
        var trainer = entry.Create(entry.ReadOptions(keys));
        var steps = images / batch;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {method} supernet C={channels} N={cells}, batch {batch}, {steps} steps/epoch (α step + weight step), {data.WeightHalf.Height}x{data.WeightHalf.Width}x{data.Channels} {dataset}, {threads} thread(s)"));
        Console.WriteLine("epoch  seconds  ms/step  RSS MB  managed MB  live tensors");
        var clock = Stopwatch.StartNew();
        var result = SupernetTrainingLoop.Run(supernet, trainer, data, 0, new BenchProgress(steps), "bench");
        var rss = result.Epochs.Select(e => e.RssBytes / 1048576.0).ToList();
        var fromSecond = rss.Skip(1).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {clock.Elapsed.TotalSeconds:F1} s total; median {Median(result.Epochs.Skip(1).Select(e => e.Seconds * 1000 / steps)):F0} ms/step after epoch 1; " +
            $"RSS epoch 2 → last: {fromSecond.FirstOrDefault():F0} → {fromSecond.LastOrDefault():F0} MB (max {fromSecond.DefaultIfEmpty().Max():F0})"));
        return 0;
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    sealed class BenchProgress(int steps) : IProgressSink
    {
        public void Step(string task, int epoch, int epochs, int step, int total, double loss, TimeSpan eta) { }

        public void Epoch(string task, EpochMetrics m, int epochs, TimeSpan eta) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Epoch,5}  {m.Seconds,7:F1}  {m.Seconds * 1000 / steps,7:F0}  {m.RssBytes / 1048576.0,6:F0}  {GC.GetTotalMemory(false) / 1048576.0,10:F0}  {TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount,12}"));
    }
}
