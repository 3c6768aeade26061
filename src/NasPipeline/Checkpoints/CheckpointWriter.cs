using System.Text.Json;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Checkpoints;

/// <summary>
/// Fills one checkpoint folder: each call writes one file (flushed to disk); <see cref="CheckpointStore"/> adds the
/// manifest afterwards. Names are the loop's own (e.g. "supernet", "weight-optimizer", "state").
/// </summary>
public sealed class CheckpointWriter
{
    const string RandomStateFile = "torch-rng.bin";
    readonly string _folder;
    readonly List<string> _files = [];

    internal CheckpointWriter(string folder) => _folder = folder;

    internal IReadOnlyList<string> Files => _files;

    /// <summary>
    /// Parameters and buffers (BN running statistics, α) by name, and which parameters have a gradient tensor:
    /// optimisers skip a parameter without one, while a zeroed one still gets weight decay and momentum (GDAS and
    /// RSWS leave the ops they did not sample without), so a resumed module must have the same ones.
    /// </summary>
    public void Module(string name, nn.Module module)
    {
        using var scope = NewDisposeScope(); // the tensor wrappers the walk over the state creates
        Write($"{name}.module", writer => module.save(writer));
        var withGradient = module.named_parameters().Where(p => p.parameter.grad is not null).Select(p => p.name);
        Json($"{name}.gradients", withGradient.ToArray());
    }

    /// <summary>Options and per-parameter state: SGD momentum buffers, Adam moments and step counts.</summary>
    public void Optimizer(string name, optim.Optimizer optimizer) =>
        Write($"{name}.optimizer", writer => CheckpointReader.Managed(optimizer).save_state_dict(writer));

    /// <summary>TorchSharp's global generator: Gumbel noise, Dirichlet draws, sampled cells, perturbations.</summary>
    public void RandomState() => Write(RandomStateFile, writer =>
    {
        using var state = get_rng_state();
        writer.Write(state.bytes);
    });

    /// <summary>Plain values (position, metrics, histories) as JSON.</summary>
    public void Json<T>(string name, T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, CheckpointJson.Options);
        Write($"{name}.json", writer => writer.Write(bytes));
    }

    internal static string RandomStateName => RandomStateFile;

    void Write(string file, Action<BinaryWriter> body)
    {
        if (_files.Contains(file)) throw new InvalidOperationException($"checkpoint file {file} written twice");
        using var stream = new FileStream(Path.Combine(_folder, file), FileMode.CreateNew);
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) body(writer);
        stream.Flush(flushToDisk: true);
        _files.Add(file);
    }
}
