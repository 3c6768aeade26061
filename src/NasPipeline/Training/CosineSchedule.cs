namespace NasPipeline.Training;

/// <summary>
/// Cosine annealing from <c>max</c> at epoch 0 to <c>min</c> at the last epoch's end, stepped per epoch.
/// </summary>
public static class CosineSchedule
{
    public static double At(int epoch, int epochs, double max, double min) =>
        min + 0.5 * (max - min) * (1 + Math.Cos(Math.PI * epoch / epochs));

    public static void Apply(TorchSharp.torch.optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }
}
