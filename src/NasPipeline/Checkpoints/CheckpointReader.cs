using System.Text.Json;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Checkpoints;

/// <summary>
/// Restores from one complete checkpoint (see <see cref="CheckpointStore.Latest"/>) into objects the loop has
/// already built the same way as on a fresh start: modules and optimizers are overwritten in place.
/// </summary>
public sealed class CheckpointReader
{
    internal CheckpointReader(string folder, long sequence) => (Folder, Sequence) = (folder, sequence);

    public string Folder { get; }

    /// <summary>Checkpoints written before this one in the work folder, plus one.</summary>
    public long Sequence { get; }

    /// <summary>
    /// Parameters and buffers, and gradient tensors where there were any (zeros: every loop zeroes gradients before
    /// it reads them, so only their presence carries over).
    /// </summary>
    public void Module(string name, nn.Module module)
    {
        using var scope = NewDisposeScope();
        Read($"{name}.module", reader => module.load(reader, strict: true));
        var withGradient = Json<string[]>($"{name}.gradients").ToHashSet();
        foreach (var (parameterName, parameter) in module.named_parameters())
            parameter.grad = withGradient.Contains(parameterName) ? zeros_like(parameter) : null;
    }

    public void Optimizer(string name, optim.Optimizer optimizer) => Read($"{name}.optimizer", reader =>
    {
        // Loading creates the momentum buffers an optimiser has not made yet; they belong to the optimiser (which
        // disposes them), not to whatever dispose scope the caller is in.
        using var scope = NewDisposeScope();
        Managed(optimizer).load_state_dict(reader);
        scope.Detach(scope.DisposablesView.ToArray());
    });

    public void RandomState() => Read(CheckpointWriter.RandomStateName, reader =>
    {
        using var state = tensor(reader.ReadBytes((int)reader.BaseStream.Length));
        set_rng_state(state);
    });

    public T Json<T>(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, $"{name}.json"));
        return JsonSerializer.Deserialize<T>(bytes, CheckpointJson.Options)
            ?? throw new InvalidDataException($"{Folder}: {name}.json is empty");
    }

    internal static OptimizerHelper Managed(optim.Optimizer optimizer) => optimizer as OptimizerHelper
        ?? throw new ArgumentException($"{optimizer.GetType().Name} cannot save its state (not a managed optimizer)");

    void Read(string file, Action<BinaryReader> body)
    {
        var path = Path.Combine(Folder, file);
        if (!File.Exists(path)) throw new InvalidDataException($"{Folder}: the checkpoint has no {file}");
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        body(reader);
    }
}
