using NasPipeline.SearchSpaces;
using NasPipeline.Supernet;
using NasPipeline.Evaluation;

namespace NasPipeline.Training;

/// <summary>
/// A trainer attached to a supernet for the span of a <c>using</c>: <see cref="ISupernetTrainer.Attach"/> now,
/// <see cref="ISupernetTrainer.Detach"/> at the end, however the loop ends (done, stopped, failed).
/// </summary>
public sealed class TrainerAttachment : IDisposable
{
    readonly ISupernetTrainer _trainer;

    TrainerAttachment(ISupernetTrainer trainer) => _trainer = trainer;

    public static TrainerAttachment Of(ISupernetTrainer trainer, ISupernet supernet)
    {
        trainer.Attach(supernet);
        return new TrainerAttachment(trainer);
    }

    public void Dispose() => _trainer.Detach();
}
