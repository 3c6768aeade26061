namespace NasPipeline.Reporting;

/// <summary>
/// A trainer × selector pair of the grid whose selector cannot choose from that trainer's supernets (magnitude on
/// a trainer that never learns α). It has no runs; every table and CSV shows it as n/a with the reason, so it can
/// neither vanish from the grid nor enter a mean.
/// </summary>
public sealed record NotApplicablePair(string Trainer, string Selector, string Reason);
