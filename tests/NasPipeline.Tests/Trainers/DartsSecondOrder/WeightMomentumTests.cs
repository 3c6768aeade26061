using NasPipeline.Trainers.DartsSecondOrder;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPipeline.Tests.Trainers.DartsSecondOrder;

/// <summary>The momentum buffers DARTS's virtual step reads are the weight optimiser's live ones, in order.</summary>
public sealed class WeightMomentumTests
{
    [Test]
    public void Buffers_AreNullBeforeTheFirstStep_ThenFollowSgdMomentum()
    {
        var first = new Parameter(tensor(new[] { 1f, 2f, 3f }));
        var second = new Parameter(tensor(new[] { 4f, 5f }));
        using var sgd = optim.SGD([first, second], 0.1, momentum: 0.9);
        Assert.That(WeightMomentum.Buffers(sgd), Is.All.Null);

        void Step(float a, float b)
        {
            sgd.zero_grad();
            first.mul(a).sum().add(second.mul(b).sum()).backward();
            sgd.step();
        }
        Step(1, 2);
        Step(3, 5);
        // buffer = 0.9 · g₁ + g₂ per parameter (PyTorch's SGD: the first buffer is the first gradient)
        var buffers = WeightMomentum.Buffers(sgd)!;
        Assert.That(buffers[0]!.allclose(full(3, 0.9f * 1 + 3)), Is.True);
        Assert.That(buffers[1]!.allclose(full(2, 0.9f * 2 + 5)), Is.True);
    }
}
