using NasPipeline.Proxies;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Tests.Trainers;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Proxies;

/// <summary>Every proxy leaves the network exactly as it found it and repeats itself for a fixed seed.</summary>
public sealed class ProxyContractTests
{
    public static IEnumerable<string> Names() => ProxyCatalog.Default.Names;

    static List<Tensor> Snapshot(nn.Module network) =>
        network.parameters().Cast<Tensor>().Concat(network.buffers()).Select(t => t.detach().clone()).ToList();

    static void AssertSame(nn.Module network, List<Tensor> before)
    {
        var after = network.parameters().Cast<Tensor>().Concat(network.buffers()).ToList();
        Assert.That(after, Has.Count.EqualTo(before.Count));
        for (var i = 0; i < after.Count; i++)
            Assert.That(after[i].eq(before[i]).all().item<bool>(), Is.True, $"tensor {i} changed");
        Assert.That(network.parameters()
            .All(p => p.grad is null || p.grad.IsInvalid || p.grad.abs().sum().item<float>() == 0), Is.True);
    }

    [TestCaseSource(nameof(Names))]
    public void Score_DiscreteNetwork_LeavesItBitForBit_InBothModes(string name)
    {
        manual_seed(0);
        using var net = new DiscreteNetwork(
            Genotype.Parse("|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+" +
                "|nor_conv_1x1~0|none~1|nor_conv_3x3~2|"), 4, 1, 1, 3);
        var batch = TrainerKit.RandomBatch(8);
        using (no_grad()) { net.train(); net.call(batch.Images); } // non-trivial BN statistics
        foreach (var training in new[] { true, false })
        {
            net.train(training);
            var before = Snapshot(net);
            ProxyRunner.Score(ProxyCatalog.Create(name), new ProxyInput(net, batch.Images, batch.Labels));
            AssertSame(net, before);
            Assert.That(net.training, Is.EqualTo(training));
        }
    }

    [TestCaseSource(nameof(Names))]
    public void Score_MaskedSupernet_LeavesSupernetBitForBit_AndRepeats(string name)
    {
        using var supernet = TrainerKit.Supernet();
        var batch = TrainerKit.RandomBatch(8);
        var weights = supernet.SoftmaxWeights().detach().clone();
        weights[2, 3] = tensor(0f);
        var before = Snapshot(supernet);
        double Run()
        {
            manual_seed(7);
            return ProxyRunner.Score(ProxyCatalog.Create(name),
                new MixedSupernet(supernet, new Mixing(weights)).Input(batch.Images, batch.Labels));
        }
        var first = Run();
        AssertSame(supernet, before);
        Assert.That(Run(), Is.EqualTo(first));
    }
}
