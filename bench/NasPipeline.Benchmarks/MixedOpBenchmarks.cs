using BenchmarkDotNet.Attributes;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using static TorchSharp.torch;
using NasPipeline.Training;
using NasPipeline.Evaluation;
using NasPipeline.SearchSpaces;

namespace NasPipeline.Bench;

/// <summary>
/// One supernet edge and one search cell, forward + backward with DARTS weights softmax(α) (gradients reach α and
/// the op weights), on a batch at the first stage's width and resolution.
/// </summary>
public class MixedOpBenchmarks
{
    MixedOp _edge = null!;
    SearchCell _cell = null!;
    Tensor _alpha = null!, _input = null!;

    [Params("small", "paper")]
    public string Size { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        var size = BenchSize.Of(Size);
        set_num_threads(BenchSize.Threads);
        manual_seed(0);
        _edge = Nb201Operations.Mixed(size.Channels);
        _cell = new SearchCell(size.Channels);
        _alpha = randn(Nb201Space.EdgeCount, Nb201Space.OperationCount).mul_(1e-3).requires_grad_();
        _input = randn(BenchSize.Batch, size.Channels, size.ImageSize, size.ImageSize);
    }

    [Benchmark]
    public void MixedOpForwardBackward()
    {
        using var scope = NewDisposeScope();
        var weights = nn.functional.softmax(_alpha, -1);
        _edge.Forward(_input, weights[0]).sum().backward();
        _edge.zero_grad();
        _alpha.grad?.zero_();
    }

    [Benchmark]
    public void SearchCellForwardBackward()
    {
        using var scope = NewDisposeScope();
        _cell.Forward(_input, new CellMixing(nn.functional.softmax(_alpha, -1))).sum().backward();
        _cell.zero_grad();
        _alpha.grad?.zero_();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _edge.Dispose();
        _cell.Dispose();
        _alpha.Dispose();
        _input.Dispose();
    }
}
