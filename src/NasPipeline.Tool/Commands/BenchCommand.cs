using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NasPipeline.Data;
using NasPipeline.Manifest;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using NasPipeline.Training;

namespace NasPipeline.Tool.Commands;

/// <summary>
/// <c>nas bench</c>: times supernet training steps (the method's α step + the weight step, through the shared
/// training loop exactly as a study runs it) and watches resident memory epoch over epoch, on Fashion-MNIST or
/// synthetic images of any shape. Nothing is cached or written. Besides the table it prints two lines for scripts,
/// <c>parameters=N</c> (every parameter, α included) and <c>median_ms_per_step=X</c>, the same lines the PyTorch
/// peer <c>bench/pytorch/nb201_supernet_step.py</c> prints.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset")
            { DefaultValueFactory = _ => "fashion-mnist", Description = "fashion-mnist or synthetic" };
        dataset.AcceptOnlyFromAmong("fashion-mnist", "synthetic");
        var channels = new Option<int>("--channels") { DefaultValueFactory = _ => 8, Description = "C" };
        var space = new Option<string>("--space")
            { DefaultValueFactory = _ => "nb201", Description = "nb201 or darts" };
        space.AcceptOnlyFromAmong([.. SearchSpaceCatalog.Names]);
        var cells = new Option<int>("--cells")
            { DefaultValueFactory = _ => 1, Description = "the space's depth: NB201 cells per stage N, DARTS layers" };
        var imageSize = new Option<int?>("--image-size") { Description = "synthetic images' side (default 28)" };
        var inChannels = new Option<int?>("--in-channels") { Description = "synthetic images' channels (default 1)" };
        var classes = new Option<int?>("--classes") { Description = "synthetic classes (default 10)" };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 64 };
        var steps = new Option<int>("--steps") { DefaultValueFactory = _ => 20, Description = "timed steps" };
        var warmup = new Option<int>("--warmup")
            { DefaultValueFactory = _ => 3, Description = "untimed steps before them (at least 1)" };
        var epochs = new Option<int>("--epochs")
            { DefaultValueFactory = _ => 1, Description = "epochs (more than one to watch RSS)" };
        var images = new Option<int?>("--images")
            { Description = "images in each search half (default batch × (warmup + steps): one epoch)" };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 2 };
        var trainer = new Option<string>("--trainer")
            { DefaultValueFactory = _ => "darts", Description = "trainer method (its published defaults)" };
        var command = new Command("bench", "Time supernet training steps and track RSS per epoch")
        {
            trainer, space, dataset, channels, cells, imageSize, inChannels, classes, batch, steps, warmup, epochs,
            images, threads,
        };
        command.SetAction(p =>
        {
            var name = p.GetValue(dataset)!;
            var shaped = p.GetValue(imageSize) ?? p.GetValue(inChannels) ?? p.GetValue(classes);
            if (name != "synthetic" && shaped is not null)
                throw new ArgumentException("--image-size, --in-channels and --classes shape synthetic images: " +
                    "add --dataset synthetic");
            var shape = new SyntheticShape(p.GetValue(imageSize) ?? 28, p.GetValue(inChannels) ?? 1,
                p.GetValue(classes) ?? 10);
            var settings = new BenchSettings(p.GetValue(trainer)!, p.GetValue(space)!, name, shape,
                p.GetValue(channels), p.GetValue(cells), p.GetValue(batch), p.GetValue(steps), p.GetValue(warmup),
                p.GetValue(epochs), p.GetValue(images), p.GetValue(threads));
            return Run(settings);
        });
        return command;
    }

    readonly record struct SyntheticShape(int ImageSize, int Channels, int Classes);

    sealed record BenchSettings(
        string Trainer, string Space, string Dataset, SyntheticShape Shape, int Channels, int Cells, int Batch,
        int Steps, int Warmup, int Epochs, int? Images, int Threads)
    {
        public int ImagesPerHalf => Images ?? Batch * (Warmup + Steps);
    }

    static int Run(BenchSettings s)
    {
        if (s.Warmup < 1 || s.Steps < 1 || s.Epochs < 1 || s.Batch < 1)
            throw new ArgumentException("--warmup, --steps, --epochs and --batch must be at least 1 " +
                "(the first step has no step before it to be timed from)");
        var images = s.ImagesPerHalf;
        var synthetic = new SyntheticOptions(s.Shape.ImageSize, s.Shape.Channels, s.Shape.Classes, 2 * images, 64, 0.5);
        var path = s.Dataset == "synthetic" ? null : DatasetSection.FashionMnistDefaultPath;
        var section = new DatasetSection(s.Dataset, path, images, images, 64, 0, synthetic,
            DatasetSection.DefaultAugment(s.Dataset));
        var data = SearchData.Load(section);
        Determinism.Threads(s.Threads);
        Determinism.Seed(0);
        using var supernet = SearchSpaceCatalog.Get(s.Space)
            .CreateSupernet(new NetworkShape(s.Channels, s.Cells, data.Channels, data.Classes));
        // The trainer reads its options from manifest-style keys, so bench runs it exactly as a manifest would;
        // validation reads one batch, so epoch ends stay cheap.
        var keys = TomlDocument.Parse(
            $"epochs = {s.Epochs}\nbatch_size = {s.Batch}\nvalid_size = {s.Batch}\n", "bench").Root;
        var entry = TrainerCatalog.Default.Find(s.Trainer, keys.Location);
        var trainer = entry.Create(entry.ReadOptions(keys));
        var stepsPerEpoch = (images + s.Batch - 1) / s.Batch;
        var parameters = supernet.Module.parameters().Sum(p => p.numel());
        var depth = s.Space == "darts" ? "layers" : "N";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {s.Trainer} {s.Space} supernet C={s.Channels} {depth}={s.Cells}, batch {s.Batch}, " +
            $"{stepsPerEpoch} steps/epoch " +
            $"(α step + weight step), {data.WeightHalf.Height}x{data.WeightHalf.Width}x{data.Channels} {s.Dataset}, " +
            $"{data.Classes} classes, {s.Threads} thread(s)"));
        Console.WriteLine("epoch  seconds  ms/step  RSS MB  managed MB  live tensors");
        var clock = Stopwatch.StartNew();
        var timer = new StepTimer(stepsPerEpoch, s.Warmup);
        var result = SupernetTrainingLoop.Run(supernet, trainer, data, 0, timer, "bench");
        var rss = result.Epochs.Skip(1).Select(e => e.RssBytes / 1048576.0).ToList();
        var times = timer.Milliseconds.Select(m => m.ToString("F1", CultureInfo.InvariantCulture));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {clock.Elapsed.TotalSeconds:F1} s total; {timer.Milliseconds.Count} timed steps after " +
            $"{s.Warmup}: {string.Join(' ', times)}"));
        if (rss.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: RSS epoch 2 → last: {rss[0]:F0} → {rss[^1]:F0} MB (max {rss.Max():F0})"));
        Console.WriteLine($"parameters={parameters}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median_ms_per_step={Median(timer.Milliseconds):F1}"));
        return 0;
    }

    /// <summary>The middle value, or the mean of the two middle ones (as Python's statistics.median).</summary>
    static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        var half = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    /// <summary>
    /// Times each step from the end of the step before it, so a step's time covers taking its batches, both
    /// updates and freeing the step before. The first <c>warmup</c> steps are not timed, nor the first step of a
    /// later epoch (its time would hold the validation and the epoch's set-up).
    /// </summary>
    sealed class StepTimer(int stepsPerEpoch, int warmup) : IProgressSink
    {
        readonly Stopwatch _clock = Stopwatch.StartNew();
        TimeSpan _last;
        int _done;

        public List<double> Milliseconds { get; } = [];

        public void Step(string task, int epoch, int epochs, int step, int total, double loss, TimeSpan eta)
        {
            var now = _clock.Elapsed;
            if (_done >= warmup && step > 1) Milliseconds.Add((now - _last).TotalMilliseconds);
            (_last, _done) = (now, _done + 1);
        }

        public void Epoch(string task, EpochMetrics m, int epochs, TimeSpan eta)
        {
            var live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Epoch,5}  {m.Seconds,7:F1}  {m.Seconds * 1000 / stepsPerEpoch,7:F0}  " +
                $"{m.RssBytes / 1048576.0,6:F0}  {GC.GetTotalMemory(false) / 1048576.0,10:F0}  {live,12}"));
        }
    }
}
