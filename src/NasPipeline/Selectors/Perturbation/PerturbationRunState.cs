using NasPipeline.Training;

namespace NasPipeline.Selectors.Perturbation;

/// <summary>
/// What a DARTS-PT checkpoint holds besides tensors: the picks and decided edges so far, the projected mixing
/// weights the current tuning started from, and where that tuning is (at its end: just before the next edge is scored).
/// </summary>
sealed record PerturbationRunState(int[] Picks, bool[] Done, double[][] Projected, TuningPosition Tuning);
