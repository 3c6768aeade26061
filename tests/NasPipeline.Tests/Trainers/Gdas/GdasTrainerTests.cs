using NasPipeline.SearchSpaces;
using NasPipeline.SearchSpaces.Nb201;
using NasPipeline.Supernet;
using NasPipeline.Trainers;
using NasPipeline.Training;
using static TorchSharp.torch;
using NasPipeline.Evaluation;

namespace NasPipeline.Tests.Trainers.Gdas;

public sealed class GdasTrainerTests
{
    static int[] CountCalls(Nb201Supernet net, Action forward)
    {
        // One slot per (cell, edge, op): calls[(cell * 6 + edge) * 5 + op].
        var cells = net.Cells.ToList();
        var calls = new int[cells.Count * 6 * 5];
        var hooks = new List<Action>();
        for (var c = 0; c < cells.Count; c++)
            for (var e = 0; e < 6; e++)
                for (var k = 0; k < 5; k++)
                {
                    var slot = (c * 6 + e) * 5 + k;
                    var cell = cells[c];
                    var remover = cell.Edges[e].Operations[k].register_forward_hook((_, _, output) =>
                        { calls[slot]++; return output; });
                    hooks.Add(remover.remove);
                }
        forward();
        foreach (var remove in hooks) remove();
        return calls;
    }

    [Test]
    public void WeightStep_ComputesExactlyOneOpPerEdge()
    {
        using var net = TrainerKit.Supernet();
        var trainer = TrainerKit.Trainer("gdas");
        trainer.Attach(net);
        var batch = TrainerKit.RandomBatch();
        Mixing mixing = null!;
        var calls = CountCalls(net, () => net.Forward(batch.Images,
            mixing = trainer.WeightStepMixing(net, batch, new TrainingStep(0, 2, 0, 1, 0.1))));
        Assert.That(calls.Length, Is.EqualTo(3 * 30), "one cell per stage");
        for (var slot = 0; slot < calls.Length; slot += 5)
        {
            var edge = calls.Skip(slot).Take(5).ToArray();
            Assert.That(edge.Sum(), Is.EqualTo(1), $"cell {slot / 30} edge {slot / 5 % 6}: {string.Join(",", edge)}");
            Assert.That(edge[mixing[0].Active![slot / 5 % 6]], Is.EqualTo(1));
        }
    }

    [Test]
    public void ArchitectureStep_ComputesOneOpPerEdge_AndReachesAlpha()
    {
        using var net = TrainerKit.Supernet();
        var trainer = TrainerKit.Trainer("gdas", "alpha_lr = 0.01");
        trainer.Attach(net);
        var before = net.Alpha.detach().clone();
        var calls = CountCalls(net, () => trainer.UpdateArchitecture(net, TrainerKit.RandomSearchBatch(),
            new TrainingStep(0, 2, 0, 1, 0.1), new RunningMean()));
        Assert.That(calls.Sum(), Is.EqualTo(3 * 6), "one op per edge in each of the 3 cells");
        Assert.That(net.Alpha.allclose(before), Is.False, "straight-through gradients must update α");
    }
}
