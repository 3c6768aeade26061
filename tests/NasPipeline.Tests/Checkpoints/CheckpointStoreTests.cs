using NasPipeline.Checkpoints;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Checkpoints;

public sealed class CheckpointStoreTests
{
    sealed record Position(int Epoch, double Loss);

    /// <summary>A small module and an SGD with momentum that has taken a step (so it has momentum buffers).</summary>
    sealed class Trained : IDisposable
    {
        public readonly nn.Module<Tensor, Tensor> Net;
        public readonly optim.Optimizer Sgd;

        public Trained(int seed)
        {
            manual_seed(seed);
            Net = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Linear(4, 2));
            Sgd = optim.SGD(Net.parameters(), 0.1, momentum: 0.9);
            Step();
        }

        public void Step()
        {
            using var scope = NewDisposeScope();
            Sgd.zero_grad();
            Net.call(randn(8, 3)).pow(2).sum().backward();
            Sgd.step();
        }

        public void Dispose()
        {
            Sgd.Dispose();
            Net.Dispose();
        }
    }

    static void SaveAll(CheckpointStore store, Trained trained, int epoch) => store.Save(c =>
    {
        c.Module("net", trained.Net);
        c.Optimizer("sgd", trained.Sgd);
        c.RandomState();
        c.Json("state", new Position(epoch, 0.1 + epoch));
    });

    static void LoadAll(CheckpointReader reader, Trained trained)
    {
        reader.Module("net", trained.Net);
        reader.Optimizer("sgd", trained.Sgd);
        reader.RandomState();
    }

    [Test]
    public void Latest_WithoutCheckpoints_IsNull()
    {
        using var work = new TempDirectory();
        Assert.That(new CheckpointStore(work.File("missing"), "t").Latest(), Is.Null);
        Assert.That(new CheckpointStore(work.Path, "t").Latest(), Is.Null);
    }

    [Test]
    public void SaveThenLoad_ContinuesExactlyLikeTheOriginal()
    {
        using var work = new TempDirectory();
        var store = new CheckpointStore(work.Path, "t");
        using var original = new Trained(1);
        SaveAll(store, original, 3);
        original.Step(); // draws from the generator, uses the momentum buffers and BN statistics
        var expected = TensorBytes.Of(original.Net);

        using var restored = new Trained(2); // other weights, other momentum, other generator state
        var reader = store.Latest()!;
        LoadAll(reader, restored);
        restored.Step();
        Assert.That(TensorBytes.Of(restored.Net), Is.EqualTo(expected));
        Assert.That(reader.Json<Position>("state"), Is.EqualTo(new Position(3, 3.1)));
    }

    [Test]
    public void Optimizer_LoadedIntoAFreshOptimizer_OwnsItsMomentumBuffers()
    {
        using var work = new TempDirectory();
        var store = new CheckpointStore(work.Path, "t");
        using var original = new Trained(1);
        SaveAll(store, original, 1);
        using var restored = new Trained(1);
        using var fresh = optim.SGD(restored.Net.parameters(), 0.1, momentum: 0.9); // no momentum buffers yet
        using (NewDisposeScope()) store.Latest()!.Optimizer("sgd", fresh); // a scope the buffers must outlive
        using var scope = NewDisposeScope();
        fresh.zero_grad();
        restored.Net.call(ones(2, 3)).sum().backward();
        Assert.DoesNotThrow(() => fresh.step());
    }

    [Test]
    public void Latest_IsTheNewest_AndOnlyTheNewestTwoAreKept()
    {
        using var work = new TempDirectory();
        var store = new CheckpointStore(work.Path, "t");
        using var trained = new Trained(1);
        for (var epoch = 1; epoch <= 4; epoch++) SaveAll(store, trained, epoch);
        Assert.That(store.Latest()!.Json<Position>("state").Epoch, Is.EqualTo(4));
        var folders = Directory.GetDirectories(work.Path).Select(Path.GetFileName);
        Assert.That(folders, Is.EquivalentTo(new[] { "t-000003", "t-000004" }));
    }

    [Test]
    public void Stores_WithOtherNames_ShareAFolderWithoutSeeingEachOther()
    {
        using var work = new TempDirectory();
        using var trained = new Trained(1);
        SaveAll(new CheckpointStore(work.Path, "a"), trained, 1);
        Assert.That(new CheckpointStore(work.Path, "b").Latest(), Is.Null);
    }

    [Test]
    public void Latest_IgnoresAndRemovesATornTemporaryFolder()
    {
        using var work = new TempDirectory();
        var store = new CheckpointStore(work.Path, "t");
        using var trained = new Trained(1);
        SaveAll(store, trained, 1);
        var torn = Path.Combine(work.Path, "t-000002.tmp-4242-0123456789abcdef");
        Directory.CreateDirectory(torn);
        File.WriteAllBytes(Path.Combine(torn, "net.module"), [1, 2, 3]); // killed while writing
        Assert.That(store.Latest()!.Json<Position>("state").Epoch, Is.EqualTo(1));
        Assert.That(Directory.Exists(torn), Is.False, "a dead process's temporary folder is removed");
    }

    [Test]
    public void Latest_WhenTheNewestHasNoManifest_UsesThePreviousOne()
    {
        using var work = new TempDirectory();
        var store = new CheckpointStore(work.Path, "t");
        using var trained = new Trained(1);
        SaveAll(store, trained, 1);
        var newest = store.Save(c => c.Json("state", new Position(2, 0)));
        File.Delete(Path.Combine(newest, "checkpoint.json"));
        Assert.That(store.Latest()!.Json<Position>("state").Epoch, Is.EqualTo(1));
    }

    [TestCase("truncated")]
    [TestCase("corrupted")]
    [TestCase("missing")]
    public void Latest_WhenAFileOfTheNewestDiffersFromTheManifest_UsesThePreviousOne(string damage)
    {
        using var work = new TempDirectory();
        var store = new CheckpointStore(work.Path, "t");
        using var trained = new Trained(1);
        SaveAll(store, trained, 1);
        var newest = store.Save(c => c.Module("net", trained.Net));
        var file = Path.Combine(newest, "net.module");
        var bytes = File.ReadAllBytes(file);
        if (damage == "truncated") File.WriteAllBytes(file, bytes[..^4]);
        else if (damage == "corrupted") { bytes[^1] ^= 0xff; File.WriteAllBytes(file, bytes); }
        else File.Delete(file);
        Assert.That(store.Latest()!.Json<Position>("state").Epoch, Is.EqualTo(1));
    }

    [Test]
    public void Save_WhenWritingFails_LeavesThePreviousCheckpointAndNoTemporaryFolder()
    {
        using var work = new TempDirectory();
        var store = new CheckpointStore(work.Path, "t");
        using var trained = new Trained(1);
        SaveAll(store, trained, 1);
        Assert.Throws<IOException>(() => store.Save(c =>
        {
            c.Json("state", new Position(2, 0));
            throw new IOException("disk full");
        }));
        Assert.That(Directory.GetDirectories(work.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "t-000001" }));
        Assert.That(store.Latest()!.Json<Position>("state").Epoch, Is.EqualTo(1));
    }

    [Test]
    public void Json_KeepsDoublesExactly_IncludingNaN()
    {
        using var work = new TempDirectory();
        var store = new CheckpointStore(work.Path, "t");
        double[] values = [0.1 + 0.2, Math.PI, double.Epsilon, double.NaN, double.PositiveInfinity, -0.0, (double)0.1f];
        store.Save(c => c.Json("values", values));
        var read = store.Latest()!.Json<double[]>("values");
        Assert.That(read.Select(BitConverter.DoubleToInt64Bits),
            Is.EqualTo(values.Select(BitConverter.DoubleToInt64Bits)));
    }

    [Test]
    public void SaveAndLoad_LeaveNoLiveTensorsBehind()
    {
        using var work = new TempDirectory();
        var store = new CheckpointStore(work.Path, "t");
        using var trained = new Trained(1);
        SaveAll(store, trained, 0);
        LoadAll(store.Latest()!, trained);
        var live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var epoch = 1; epoch <= 5; epoch++)
        {
            SaveAll(store, trained, epoch);
            LoadAll(store.Latest()!, trained);
        }
        Assert.That(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(live));
    }
}
